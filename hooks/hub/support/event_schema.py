"""An event of the working group (events/<id>.yml): its fields, one source of the rules.

Speakers are given by role only: the schema has no field for a person's name.
"""

from __future__ import annotations

import datetime

from hub.model.case_schema import ID_PATTERN, SOURCE
from hub.model.schema import Choice, Date, Field, Group, ListOf, Text
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


SPEAKER = Group(
    [
        Field(
            "role",
            bilingual(200),
            help={"en": "The speaker's role and organisation, never a name.", "ar": "صفة المتحدث وجهته، لا اسمه أبدًا."},
        )
    ],
    hint="a speaker given by role",
)

OUTPUTS = Group(
    [
        Field(
            "cases",
            ListOf(Text(80, ID_PATTERN, "a case id"), min_items=0, unique=True),
            required=False,
            help={
                "en": "Ids of cases in good_practices/ the event produced or discussed.",
                "ar": "معرّفات الحالات في good_practices/ التي أنتجها الحدث أو ناقشها.",
            },
            example="[jordan-mentoring-tandems-women-local-councillors]",
        ),
        Field(
            "episodes",
            ListOf(Text(80, ID_PATTERN, "an episode id"), min_items=0, unique=True),
            required=False,
            help={
                "en": "Ids of podcast or video episodes recorded at or about the event.",
                "ar": "معرّفات حلقات البودكاست أو الفيديو المسجلة في الحدث أو عنه.",
            },
        ),
    ],
    hint="outputs with optional 'cases' and 'episodes'",
)


def event_schema() -> Group:
    return Group(
        [
            Field(
                "id",
                Text(80, ID_PATTERN, "lower-case letters, digits and single hyphens"),
                help={
                    "en": "Lower-case letters, digits and hyphens; equal to the file name before .yml.",
                    "ar": "أحرف لاتينية صغيرة وأرقام وشرطات؛ يطابق اسم الملف قبل ‎.yml.",
                },
                example="2024-10-amman-workshop",
            ),
            Field(
                "title",
                bilingual(120),
                help={"en": "The event's title in each language.", "ar": "عنوان الحدث بكل لغة."},
                example="{en: ..., ar: ...}",
            ),
            Field("start", Date(), help={"en": "The first day (YYYY-MM-DD).", "ar": "اليوم الأول (YYYY-MM-DD)."}, example="2024-10-15"),
            Field(
                "end",
                Date(),
                required=False,
                help={"en": "The last day, for an event of several days.", "ar": "اليوم الأخير، لحدث يمتد أيامًا."},
                example="2024-10-17",
            ),
            Field(
                "format",
                Choice(FORMATS, "an event format"),
                help={"en": "virtual, in-person or hybrid.", "ar": "virtual (عن بعد) أو in-person (حضوري) أو hybrid (مختلط)."},
                example="in-person",
            ),
            Field(
                "place",
                bilingual(120),
                required=False,
                help={
                    "en": "The city (and venue if public), for an in-person or hybrid event.",
                    "ar": "المدينة (والمكان إن كان معلنًا) لحدث حضوري أو مختلط.",
                },
                example="{en: Amman, ar: عمّان}",
            ),
            Field(
                "country",
                COUNTRY_CODE,
                required=False,
                help={"en": "The country of the place (ISO 3166-1 code).", "ar": "بلد المكان (رمز ISO 3166-1)."},
                example="JO",
            ),
            Field(
                "summary",
                bilingual(600),
                help={"en": "What is publicly known of the event, in your own words.", "ar": "ما هو معلن عن الحدث، بكلماتكم."},
                example="{en: ..., ar: ...}",
            ),
            Field(
                "agenda",
                ListOf(bilingual(300), min_items=0),
                required=False,
                help={"en": "The agenda items, in order, in each language.", "ar": "بنود جدول الأعمال بالترتيب، بكل لغة."},
                example="[{en: ..., ar: ...}]",
            ),
            Field(
                "speakers",
                ListOf(SPEAKER, min_items=0),
                required=False,
                help={
                    "en": "Speakers by role (e.g. former deputy mayor), never by name.",
                    "ar": "المتحدثون بصفاتهم (مثل نائبة رئيس بلدية سابقة)، لا بأسمائهم.",
                },
                example="[{role: {en: ..., ar: ...}}]",
            ),
            Field(
                "outputs",
                OUTPUTS,
                required=False,
                help={"en": "What the event produced: related cases and episodes.", "ar": "ما أنتجه الحدث: الحالات والحلقات المرتبطة به."},
                example="{cases: [...]}",
            ),
            Field(
                "sources",
                ListOf(SOURCE),
                help={
                    "en": "Where the facts come from: title, publisher, year, url if online, language.",
                    "ar": "مصادر المعلومات: العنوان والناشر والسنة والرابط إن وُجد واللغة.",
                },
                example="[{title: ..., publisher: ..., year: 2024, url: https://..., language: en}]",
            ),
            Field(
                "reviewed",
                Date(),
                help={"en": "The date the entry was last checked (YYYY-MM-DD).", "ar": "تاريخ آخر تحقق من المدخل (YYYY-MM-DD)."},
                example="2026-11-30",
            ),
        ],
        rules=[_dates_in_order, _place_when_in_person],
        hint="the event's fields",
    )
