"""A challenge of the solutions register (solutions/<id>.yml): its fields, one source of the rules.

The register follows the working group's peer consultation: a challenge
(themes, phase, what it is), the solutions tried for it elsewhere, each
documented by published cases, and the solutions the group devises, with the
municipality that owns each one, its status and its follow-up dates. One
declaration gives the check with lines, the JSON Schema for editors, the
contribution guide's table, the template and the issue form, as for cases.
"""

from __future__ import annotations

import datetime

import yaml

from hub.model import field_texts
from hub.model.case_schema import PHASES, themes_list
from hub.model.ids import ID_RULE, id_kind
from hub.model.languages import LANGUAGES, joined
from hub.model.schema import Choice, Date, Field, Group, ListOf
from hub.model.themes import bilingual
from hub.model.yamlnodes import value
from hub.support.network_schema import COUNTRY_CODE

# Where a devised solution stands; its follow-ups say how it got there.
STATUSES = ("proposed", "in-progress", "implemented", "paused", "dropped")

# A case is named by its id, the rule of case files (good_practices/<id>.en.md).
CASE_ID = id_kind(f"a case id ({ID_RULE})")


def _date_of(node):
    try:
        day = value(node)
    except Exception:  # the Date kind reports what is wrong with it
        return None
    return day if isinstance(day, datetime.date) and not isinstance(day, datetime.datetime) else None


def _follow_ups_after_agreement(present: dict, where: str):
    """No follow-up, past or planned, before the day the group agreed on the solution."""
    agreed = _date_of(present["agreed"]) if "agreed" in present else None
    if agreed is None:
        return
    dated = []
    follow_ups = present.get("follow_ups")
    for index, item in enumerate(follow_ups.value if isinstance(follow_ups, yaml.SequenceNode) else []):
        if isinstance(item, yaml.MappingNode):  # anything else, the schema has refused
            dated += [(v, f"{where}.follow_ups[{index + 1}].date") for k, v in item.value if k.value == "date"]
    if "next_follow_up" in present:
        dated.append((present["next_follow_up"], f"{where}.next_follow_up"))
    for node, field in dated:
        day = _date_of(node)
        if day is not None and day < agreed:
            yield node, field, f"{day} is before the day the solution was agreed ({agreed}): correct one of the dates"


ELSEWHERE = Group(
    [Field("description", bilingual(500)), Field("cases", ListOf(CASE_ID, unique=True))],
    hint="a solution tried elsewhere (description, cases)",
)

FOLLOW_UP = Group([Field("date", Date()), Field("note", bilingual(400))], hint="a follow-up (date, note)")

OWNER = Group([Field("municipality", bilingual(120)), Field("country", COUNTRY_CODE)], hint="an owner (municipality, country)")

DEVISED = Group(
    [
        Field("owner", OWNER),
        Field("description", bilingual(600)),
        Field("status", Choice(STATUSES, "a status")),
        Field("agreed", Date()),
        Field("follow_ups", ListOf(FOLLOW_UP, min_items=0), required=False),
        Field("next_follow_up", Date(), required=False),
        Field("cases", ListOf(CASE_ID, min_items=0, unique=True), required=False),
    ],
    rules=[_follow_ups_after_agreement],
    hint="a devised solution (owner, description, status, agreed, follow-ups)",
)


def solution_schema(theme_list) -> Group:
    """The fields of one challenge, given the themes of data/themes.yml."""
    theme_list = list(theme_list)
    schema = Group(
        [
            Field("id", id_kind()),
            Field("themes", ListOf(Choice(tuple(t.id for t in theme_list), "a theme"), unique=True)),
            Field("phase", Choice(PHASES, "a phase")),
            Field("title", bilingual(120)),
            Field("description", bilingual(600)),
            Field("cases", ListOf(CASE_ID, min_items=0, unique=True), required=False),
            Field("solutions_elsewhere", ListOf(ELSEWHERE, min_items=0)),
            Field("devised", ListOf(DEVISED, min_items=0)),
            Field("reviewed", Date()),
        ],
        hint="the challenge's fields",
    )
    return field_texts.apply(schema, "solution", help_values(theme_list))


def help_values(theme_list) -> dict:
    """What the help texts of data/fields/solution.yml name by placeholder."""
    return {"themes": themes_list(theme_list), "statuses": {lang: joined(STATUSES, lang) for lang in LANGUAGES}}
