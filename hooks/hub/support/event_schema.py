"""An event of the working group (events/<id>.yml): its fields, one source of the rules.

Speakers are given by role only: the schema has no field for a person's name.
"""

from __future__ import annotations

import datetime

from hub.model import field_texts
from hub.model.case_schema import SOURCE
from hub.model.ids import id_kind
from hub.model.schema import Choice, Date, Field, Group, ListOf
from hub.model.themes import bilingual
from hub.model.yamlnodes import value
from hub.support.network_schema import COUNTRY_CODE

FORMATS = ("virtual", "in-person", "hybrid")


def _dates_in_order(present: dict, where: str):
    start, end = present.get("start"), present.get("end")
    try:
        first, last = value(start), value(end)
    except Exception:  # the Date kind reports what is wrong with them
        return
    if isinstance(first, datetime.date) and isinstance(last, datetime.date) and last < first:
        yield end, "end", f"{last} is before the start {first}: correct one of the dates"


def _place_when_in_person(present: dict, where: str):
    form = present.get("format")
    if form is not None and getattr(form, "value", None) in ("in-person", "hybrid") and "place" not in present:
        yield form, "place", "an in-person or hybrid event needs its place: add 'place: {en: ..., ar: ...}'"


SPEAKER = Group([Field("role", bilingual(200))], hint="a speaker given by role")

OUTPUTS = Group(
    [
        Field("cases", ListOf(id_kind("a case id"), min_items=0, unique=True), required=False),
        Field("episodes", ListOf(id_kind("an episode id"), min_items=0, unique=True), required=False),
    ],
    hint="outputs with optional 'cases' and 'episodes'",
)


def event_schema() -> Group:
    schema = Group(
        [
            Field("id", id_kind()),
            Field("title", bilingual(120)),
            Field("start", Date()),
            Field("end", Date(), required=False),
            Field("format", Choice(FORMATS, "an event format")),
            Field("place", bilingual(120), required=False),
            Field("country", COUNTRY_CODE, required=False),
            Field("summary", bilingual(600)),
            Field("agenda", ListOf(bilingual(300), min_items=0), required=False),
            Field("speakers", ListOf(SPEAKER, min_items=0), required=False),
            Field("outputs", OUTPUTS, required=False),
            Field("sources", ListOf(SOURCE)),
            Field("reviewed", Date()),
        ],
        rules=[_dates_in_order, _place_when_in_person],
        hint="the event's fields",
    )
    return field_texts.apply(schema, "event")
