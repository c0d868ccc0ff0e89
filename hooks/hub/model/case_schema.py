"""The case: its front-matter fields and the body sections each type requires.

This module is the single source of the case rules. The validator, the JSON
Schema for editors (scripts/schemas), the templates' comments and the
contribution guide are all derived from it. The words contributors read about
each field are in data/fields/case.yml, the sections' headings and hints in
data/case_sections.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hub.model import countries, datafile, field_texts, paths, themes, topics
from hub.model.ids import id_kind
from hub.model.languages import ITEM_SEPARATOR, LANGUAGES, joined
from hub.model.problems import Problem
from hub.model.schema import Choice, Code, Date, Field, Group, Integer, ListOf, Text, Url
from hub.model.themes import bilingual
from hub.model.yamlnodes import INT, value

TYPES = ("good-practice", "faltering-implementation")
LEVELS = ("municipal", "regional", "national")
PHASES = ("election", "office", "both")

SECTIONS_FILE = paths.DATA / "case_sections.yml"
# Per case type, its required level-2 headings in order: each a heading per
# language and a hint of what goes under it.
SECTIONS_SCHEMA = Group(
    [
        Field(
            case_type,
            ListOf(Group([*(Field(lang, Text(80)) for lang in LANGUAGES), Field("hint", bilingual(300))], hint="a section")),
        )
        for case_type in TYPES
    ],
    hint="the sections of each case type (" + ", ".join(TYPES) + ")",
)


def check_sections(path: Path = SECTIONS_FILE, root: Path = paths.REPO) -> list[Problem]:
    return datafile.check(path, root, "sections", SECTIONS_SCHEMA)[1]


def sections(path: Path = SECTIONS_FILE) -> dict:
    """case type -> its sections in order ({"en": heading, "ar": heading, "hint": {lang: text}}).
    Call check_sections() first: this assumes a valid file."""
    return _sections(Path(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _sections(path: Path, mtime: int) -> dict:
    """Read once per version of the file (`mkdocs serve` sees an edit)."""
    return {case_type: tuple(items) for case_type, items in datafile.load(path).items()}


# Fields that must be identical in the two language files of one case.
SHARED_FIELDS = ("id", "type", "themes", "country", "period", "topics")


def _period_in_order(present: dict, where: str):
    start, end = present.get("start"), present.get("end")
    if start is not None and end is not None and start.tag == INT and end.tag == INT:
        if value(end) < value(start):
            yield end, f"{where}.end", f"{value(end)} is before the start year {value(start)}: swap them or correct the year"


YEAR = Integer(1900, 2100, hint="a year (four digits)")

PERIOD = Group(
    [Field("start", YEAR), Field("end", YEAR, required=False)],
    rules=[_period_in_order],
    hint="a period with 'start' and optionally 'end' years",
)

SOURCE = Group(
    [
        Field("title", Text(300)),
        Field("publisher", Text(200)),
        Field("year", YEAR),
        Field("url", Url(), required=False),
        Field(
            "language", Code(countries.language_names("en"), "an ISO 639-1 language code", "ar for Arabic, fr for French, en for English")
        ),
    ],
    hint="a source with title, publisher, year, optionally url, and language",
)


def themes_list(theme_list) -> dict:
    """{themes} of a help text: each theme's letter and name, per language."""
    return {lang: joined((f"{t.id} {t.name[lang]}" for t in theme_list), lang, ITEM_SEPARATOR) for lang in LANGUAGES}


def case_schema(theme_list, topic_list) -> Group:
    """The front-matter schema of a case, given the themes of data/themes.yml and
    the topics of data/topics.yml. Everything else asks `rules()` for it."""
    theme_list, topic_list = list(theme_list), list(topic_list)
    schema = Group(
        [
            Field("id", id_kind()),
            Field("type", Choice(TYPES, "a case type")),
            Field("title", Text(120)),
            Field("themes", ListOf(Choice(tuple(t.id for t in theme_list), "a theme"), unique=True)),
            Field(
                "country", Code(countries.names("en"), "an ISO 3166-1 alpha-2 country code", "TN for Tunisia, JO for Jordan, FR for France")
            ),
            Field("place", Text(120), required=False),
            Field("level", Choice(LEVELS, "a level")),
            Field("period", PERIOD),
            Field("phase", Choice(PHASES, "a phase")),
            Field("summary", Text(300)),
            Field("topics", topics.kind(t.id for t in topic_list)),
            Field("sources", ListOf(SOURCE)),
            Field("reviewed", Date()),
            Field("reviewer", Text(120)),
        ],
        hint="the case's fields",
    )
    return field_texts.apply(schema, "case", help_values(theme_list, topic_list))


def help_values(theme_list, topic_list) -> dict:
    """What the help texts of data/fields/case.yml name by placeholder."""
    return {
        "themes": themes_list(theme_list),
        "topics": {lang: joined((f"{t.id} ({t.name[lang]})" for t in topic_list), lang, ITEM_SEPARATOR) for lang in LANGUAGES},
        "max_topics": dict.fromkeys(LANGUAGES, str(topics.MAX_PER_ITEM)),
    }


@dataclass(frozen=True)
class CaseRules:
    """A project's themes and topics, and the case schema made from them.

    Made once per check (or once per run of a contributor tool) and handed
    on, so every tool judges and describes a case by the same project's lists."""

    themes: tuple  # (themes.Theme, ...)
    topics: tuple  # (topics.Topic, ...)
    schema: Group
    help_values: dict  # what the help texts of data/fields/case.yml name by placeholder


def rules(theme_list, topic_list) -> CaseRules:
    """The case rules of these themes and topics: the one place a case schema is built."""
    theme_list, topic_list = tuple(theme_list), tuple(topic_list)
    return CaseRules(theme_list, topic_list, case_schema(theme_list, topic_list), help_values(theme_list, topic_list))


def read_rules(
    themes_file: Path = paths.THEMES_FILE, topics_file: Path = paths.TOPICS_FILE, root: Path = paths.REPO
) -> tuple[CaseRules | None, list[Problem]]:
    """The case rules of a project's data files (None when either file has problems), and those problems."""
    theme_list, found = themes.read(themes_file, root)
    topic_list, more = topics.read(topics_file, root)
    if theme_list is None or topic_list is None:
        return None, found + more
    return rules(theme_list, topic_list), found + more


def rules_of(layout) -> CaseRules:
    """The case rules of a project layout (its themes_file, topics_file and
    root), for tools that have no check report; ValueError lists the data
    files' problems (scripts/check says the same)."""
    found, problems = read_rules(layout.themes_file, layout.topics_file, layout.root)
    if found is None:
        raise ValueError("\n".join(problem.text() for problem in problems))
    return found
