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
from dataclasses import replace

import yaml

from hub.model import case_schema
from hub.model.case_schema import ID_PATTERN, PHASES
from hub.model.schema import Choice, Date, Field, Group, ListOf, Text
from hub.model.themes import bilingual
from hub.model.yamlnodes import value
from hub.support import event_schema
from hub.support.network_schema import COUNTRY_CODE

# Where a devised solution stands; its follow-ups say how it got there.
STATUSES = ("proposed", "in-progress", "implemented", "paused", "dropped")

# A case is named by its id, the rule of case files (good_practices/<id>.en.md).
CASE_ID = Text(80, ID_PATTERN, "a case id (lower-case letters, digits and single hyphens)")


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
    [
        Field(
            "description",
            bilingual(500),
            help={
                "en": "What was done elsewhere, in one or two sentences per language, as the cases below tell it.",
                "ar": "ما الذي فُعل في مكان آخر، في جملة أو جملتين بكل لغة، كما ترويه الحالات أدناه.",
            },
            example="{en: ..., ar: ...}",
        ),
        Field(
            "cases",
            ListOf(CASE_ID, unique=True),
            help={
                "en": "The ids of the published cases in good_practices/ that document it (at least one).",
                "ar": "معرّفات الحالات المنشورة في good_practices/ التي توثّقه (حالة واحدة على الأقل).",
            },
            example="[germany-helene-weber-kolleg-mentoring]",
        ),
    ],
    hint="a solution tried elsewhere (description, cases)",
)

FOLLOW_UP = Group(
    [
        Field(
            "date", Date(), help={"en": "The day of the follow-up (YYYY-MM-DD).", "ar": "يوم المتابعة (YYYY-MM-DD)."}, example="2025-03-10"
        ),
        Field(
            "note",
            bilingual(400),
            help={"en": "What the follow-up found, in each language.", "ar": "ما الذي تبيّن في المتابعة، بكل لغة."},
            example="{en: ..., ar: ...}",
        ),
    ],
    hint="a follow-up (date, note)",
)

OWNER = Group(
    [
        Field(
            "municipality",
            bilingual(120),
            help={
                "en": "The municipality that owns the solution, named in each language.",
                "ar": "البلدية صاحبة الحل، باسمها بكل لغة.",
            },
            example="{en: ..., ar: ...}",
        ),
        Field("country", COUNTRY_CODE, help={"en": "Its country (ISO 3166-1 code).", "ar": "بلدها (رمز ISO 3166-1)."}, example="JO"),
    ],
    hint="an owner (municipality, country)",
)

DEVISED = Group(
    [
        Field(
            "owner",
            OWNER,
            help={
                "en": "The member municipality that took the solution on: its name in each language and its country.",
                "ar": "البلدية العضو التي تبنّت الحل: اسمها بكل لغة وبلدها.",
            },
            example="{municipality: {en: ..., ar: ...}, country: JO}",
        ),
        Field(
            "description",
            bilingual(600),
            help={
                "en": "The solution as the group devised it, in each language.",
                "ar": "الحل كما صاغته المجموعة، بكل لغة.",
            },
            example="{en: ..., ar: ...}",
        ),
        Field(
            "status",
            Choice(STATUSES, "a status"),
            help={
                "en": "Where it stands: " + ", ".join(STATUSES) + ".",
                "ar": "أين وصل: proposed (مقترح) أو in-progress (قيد التنفيذ) أو implemented (منفّذ) أو paused (متوقف مؤقتًا) أو dropped (متروك).",
            },
            example="proposed",
        ),
        Field(
            "agreed",
            Date(),
            help={
                "en": "The day the group agreed on it in a peer consultation (YYYY-MM-DD).",
                "ar": "اليوم الذي اتفقت فيه المجموعة عليه في جلسة تشاور بين الأقران (YYYY-MM-DD).",
            },
            example="2024-10-17",
        ),
        Field(
            "follow_ups",
            ListOf(FOLLOW_UP, min_items=0),
            required=False,
            help={
                "en": "The follow-ups held so far, each with its date and what it found; none before 'agreed'.",
                "ar": "المتابعات التي جرت حتى الآن، لكل منها تاريخها وما تبيّن فيها؛ لا متابعة قبل تاريخ 'agreed'.",
            },
            example="[{date: 2025-03-10, note: {en: ..., ar: ...}}]",
        ),
        Field(
            "next_follow_up",
            Date(),
            required=False,
            help={
                "en": "The day of the next planned follow-up, if one is set (YYYY-MM-DD).",
                "ar": "يوم المتابعة المقبلة إن حُدّد (YYYY-MM-DD).",
            },
            example="2025-10-15",
        ),
        Field(
            "cases",
            ListOf(CASE_ID, min_items=0, unique=True),
            required=False,
            help={
                "en": "Ids of cases in good_practices/ that later document this solution, once written.",
                "ar": "معرّفات الحالات في good_practices/ التي توثّق هذا الحل لاحقًا، بعد كتابتها.",
            },
            example="[]",
        ),
    ],
    rules=[_follow_ups_after_agreement],
    hint="a devised solution (owner, description, status, agreed, follow-ups)",
)


def solution_schema(theme_list) -> Group:
    """The fields of one challenge, given the themes of data/themes.yml."""
    theme_list = list(theme_list)
    return Group(
        [
            # The rule of every one-file entry (networks/, events/): the id is the file name.
            replace(event_schema.event_schema().field("id"), example="care-duties-and-council-meetings"),
            # The case's rule and help, word for word: the same letters from data/themes.yml.
            replace(case_schema.case_schema(theme_list, topic_list=[]).field("themes"), example="[B, D]"),
            Field(
                "phase",
                Choice(PHASES, "a phase"),
                help={
                    "en": "When women meet the challenge: election (the election journey), office (the term in office) or both.",
                    "ar": "متى تواجه النساء التحدي: election (مسار الانتخابات) أو office (خلال الولاية) أو both (كلاهما).",
                },
                example="office",
            ),
            Field(
                "title",
                bilingual(120),
                help={"en": "The challenge in a few words, in each language.", "ar": "التحدي في كلمات قليلة، بكل لغة."},
                example="{en: ..., ar: ...}",
            ),
            Field(
                "description",
                bilingual(600),
                help={
                    "en": "What the challenge is and whom it holds back, in each language, as the cases show it.",
                    "ar": "ما هو التحدي ومن يعيق، بكل لغة، كما تُظهره الحالات.",
                },
                example="{en: ..., ar: ...}",
            ),
            Field(
                "cases",
                ListOf(CASE_ID, min_items=0, unique=True),
                required=False,
                help={
                    "en": "Ids of published cases in good_practices/ that show the challenge, often cases of faltering implementation.",
                    "ar": "معرّفات الحالات المنشورة في good_practices/ التي تُظهر التحدي، وكثيرًا ما تكون حالات تطبيق متعثّر.",
                },
                example="[england-remote-council-meetings-ended-2021]",
            ),
            Field(
                "solutions_elsewhere",
                ListOf(ELSEWHERE, min_items=0),
                help={
                    "en": "Solutions tried elsewhere, each with a short description and the published cases that document it; only what a case says.",
                    "ar": "حلول جُرّبت في أماكن أخرى، لكل منها وصف قصير والحالات المنشورة التي توثّقه؛ فقط ما تقوله الحالة.",
                },
                example="[{description: {en: ..., ar: ...}, cases: [...]}]",
            ),
            Field(
                "devised",
                ListOf(DEVISED, min_items=0),
                help={
                    "en": "Solutions devised by the working group in its peer consultations, each with owner, description, status, agreed and, as they come, follow_ups, next_follow_up and cases (see solutions/README.md); [] until the group adds one, never invented.",
                    "ar": "حلول صاغتها مجموعة العمل في جلسات التشاور بين الأقران، لكل منها owner وdescription وstatus وagreed، ثم follow_ups وnext_follow_up وcases حين تتوفر (انظروا solutions/README.md)؛ [] إلى أن تضيف المجموعة حلًا، ولا تُختلق أبدًا.",
                },
                example="[]",
            ),
            replace(event_schema.event_schema().field("reviewed"), example="2026-11-30"),
        ],
        hint="the challenge's fields",
    )
