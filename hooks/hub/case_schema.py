"""The case: its front-matter fields and the body sections each type requires.

This module is the single source of the case rules. The validator, the JSON
Schema for editors (scripts/schemas), the templates' comments and the
contribution guide are all derived from it.
"""

from __future__ import annotations

from . import countries
from .schema import Choice, Code, Date, Field, Group, Integer, ListOf, Text, Url
from .yamlnodes import INT, value

TYPES = ("good-practice", "faltering-implementation")
LEVELS = ("municipal", "regional", "national")
PHASES = ("election", "office", "both")
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# Required level-2 headings of the body, in order, per type and language.
SECTIONS = {
    "good-practice": (
        {"en": "Context", "ar": "السياق"},
        {"en": "What was done", "ar": "ما الذي أُنجز"},
        {"en": "Results", "ar": "النتائج"},
        {"en": "Lessons and how to replicate", "ar": "الدروس وكيفية تكرار التجربة"},
    ),
    "faltering-implementation": (
        {"en": "What was planned", "ar": "ما كان مخططًا له"},
        {"en": "What went wrong", "ar": "ما الذي تعثّر"},
        {"en": "Why", "ar": "الأسباب"},
        {"en": "Warning signs", "ar": "علامات الإنذار"},
        {"en": "Lessons", "ar": "الدروس"},
    ),
}

# Fields that must be identical in the two language files of one case.
SHARED_FIELDS = ("id", "type", "themes", "country", "period")


def _period_in_order(present: dict, where: str):
    start, end = present.get("start"), present.get("end")
    if start is not None and end is not None and start.tag == INT and end.tag == INT:
        if value(end) < value(start):
            yield end, f"{where}.end", f"{value(end)} is before the start year {value(start)}: swap them or correct the year"


YEAR = Integer(1900, 2100, hint="a year (four digits)")

PERIOD = Group(
    [
        Field("start", YEAR, help="The year the measure started.", example="2018"),
        Field("end", YEAR, required=False, help="The year it ended; leave out if it is still running."),
    ],
    rules=[_period_in_order],
    hint="a period with 'start' and optionally 'end' years",
)

SOURCE = Group(
    [
        Field("title", Text(300), help="Title of the document or page, in its own language.", example='"Municipal elections 2018: final results"'),
        Field("publisher", Text(200), help="Who published it: an authority, an organisation, a journal.", example='"Independent High Authority for Elections"'),
        Field("year", YEAR, help="Year of publication.", example="2018"),
        Field("url", Url(), required=False, help="Where a reader can check it (https only)."),
    ],
    hint="a source with title, publisher, year and optionally url",
)


def case_schema(theme_ids) -> Group:
    """The front-matter schema of a case, given the theme ids of data/themes.yml."""
    return Group(
        [
            Field("id", Text(80, ID_PATTERN, "lower-case letters, digits and single hyphens"), help="Shared by both language files and equal to the file name before .en.md / .ar.md.", example="tunisia-parity-2018"),
            Field("type", Choice(TYPES, "a case type"), help="A good practice, or a faltering implementation we can learn from.", example="good-practice"),
            Field("title", Text(120), help="A short title in the file's language.", example='"Parity on municipal lists"'),
            Field("themes", ListOf(Choice(tuple(theme_ids), "a theme"), unique=True), help="One or more theme ids.", example="[A, B]"),
            Field("country", Code(countries.names("en"), "an ISO 3166-1 alpha-2 country code", "TN for Tunisia, JO for Jordan, FR for France"), help="Two-letter ISO 3166-1 code.", example="TN"),
            Field("place", Text(120), required=False, help="Municipality or region; leave out for a national measure."),
            Field("level", Choice(LEVELS, "a level"), help="Where the measure was decided.", example="municipal"),
            Field("period", PERIOD, help="Start year and, if it ended, end year.", example="{start: 2018, end: 2020}"),
            Field("phase", Choice(PHASES, "a phase"), help="The election journey, the term in office, or both.", example="election"),
            Field("summary", Text(300), help="One or two sentences in the file's language.", example='"What happened and why it matters."'),
            Field("sources", ListOf(SOURCE), help="At least one public source a reader can check.", example="[{title: ..., publisher: ..., year: 2018, url: https://...}]"),
            Field("updated", Date(), help="The date the case was last checked against its sources.", example="2026-11-26"),
        ],
        hint="the case's fields",
    )
