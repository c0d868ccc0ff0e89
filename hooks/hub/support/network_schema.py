"""The directory of networks: the controlled lists (data/support.yml) and an entry's fields.

One declaration gives the check with lines, the JSON Schema for editors, the
contribution guide's table and the issue form, as for cases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from hub.model import countries, datafile, paths, topics
from hub.model.case_schema import ID_PATTERN, PHASES, SOURCE
from hub.model.problems import Problem
from hub.model.schema import Choice, Code, Date, Field, Group, ListOf, Text, Url
from hub.model.themes import bilingual

SUPPORT_FILE = paths.DATA / "support.yml"

LANGUAGE_CODE = SOURCE.field("language").kind  # ISO 639-1, as for a case's sources
COUNTRY_CODE = Code(countries.names("en"), "an ISO 3166-1 alpha-2 country code", "TN for Tunisia, JO for Jordan, DE for Germany")
VOCABULARY_ID = Text(40, topics.ID_PATTERN, "lower-case words joined by single hyphens")


def _vocabulary_schema(topic_ids) -> Group:
    named = [Field("id", VOCABULARY_ID), Field("name", bilingual(60))]
    return Group(
        [
            Field("support", ListOf(Group([*named, Field("topics", topics.kind(topic_ids))], hint="a kind of support (id, name, topics)"))),
            Field("regions", ListOf(Group(named, hint="a region (id, name)"))),
        ],
        hint="the lists 'support' and 'regions'",
    )


@dataclass(frozen=True)
class Vocabulary:
    support: dict  # id -> {"name": {lang: text}, "topics": [topic ids]}, in file order
    regions: dict  # id -> {"name": {lang: text}}


def check_vocabulary(path: Path = SUPPORT_FILE, root: Path = paths.REPO, topic_ids=None) -> list[Problem]:
    topic_ids = topic_ids if topic_ids is not None else [t.id for t in topics.load()]
    return datafile.check(path, root, "support", _vocabulary_schema(topic_ids))[1]


def load_vocabulary(path: Path = SUPPORT_FILE) -> Vocabulary:
    """The lists in file order. Call check_vocabulary() first: this assumes a valid file."""
    raw = datafile.load(path)
    return Vocabulary(
        {item["id"]: {"name": item["name"], "topics": item["topics"]} for item in raw["support"]},
        {item["id"]: {"name": item["name"]} for item in raw["regions"]},
    )


def _one_place(present: dict, where: str):
    if ("country" in present) == ("region" in present):
        node = present.get("region") or present.get("id")
        if node is not None:
            yield (
                node,
                "country",
                "give either 'country' (one ISO code) or 'region' (for a network across countries), not both and not neither",
            )


# A web source a reader can open: the case's source fields with the address required.
WEB_SOURCE = Group(
    [SOURCE.field("title"), SOURCE.field("publisher"), replace(SOURCE.field("url"), required=True), SOURCE.field("language")],
    hint="a source with title, publisher, url and language",
)


def network_schema(vocabulary: Vocabulary) -> Group:
    return Group(
        [
            Field(
                "id",
                Text(80, ID_PATTERN, "lower-case letters, digits and single hyphens"),
                help={
                    "en": "Lower-case letters, digits and hyphens; equal to the file name before .yml.",
                    "ar": "أحرف لاتينية صغيرة وأرقام وشرطات؛ يطابق اسم الملف قبل ‎.yml.",
                },
                example="helene-weber-kolleg",
            ),
            Field(
                "name",
                Group(
                    [
                        Field(
                            "official",
                            Text(200),
                            help={
                                "en": "The official name, in the network's own language and script.",
                                "ar": "الاسم الرسمي بلغة الشبكة وكتابتها.",
                            },
                        ),
                        Field(
                            "language",
                            LANGUAGE_CODE,
                            help={"en": "The language of the official name (ISO 639-1).", "ar": "لغة الاسم الرسمي (رمز ISO 639-1)."},
                        ),
                        Field(
                            "en",
                            Text(200),
                            help={
                                "en": "The name in English (its own English name if it has one).",
                                "ar": "الاسم بالإنجليزية (اسمها الإنجليزي إن وُجد).",
                            },
                        ),
                        Field(
                            "ar",
                            Text(200),
                            help={
                                "en": "The name in Arabic (its own Arabic name if it has one, otherwise a rendering).",
                                "ar": "الاسم بالعربية (اسمها العربي إن وُجد، وإلا فترجمة له).",
                            },
                        ),
                    ],
                    hint="a name with official, language, en and ar",
                ),
                help={
                    "en": "The official name with its language, and the names shown in English and Arabic.",
                    "ar": "الاسم الرسمي ولغته، والاسمان المعروضان بالإنجليزية والعربية.",
                },
                example='{official: "Helene Weber Kolleg", language: de, en: "Helene Weber College", ar: "كلية هيلينه فيبر"}',
            ),
            Field(
                "country",
                COUNTRY_CODE,
                required=False,
                help={
                    "en": "The country (ISO 3166-1 code) of a national network; leave out for a network across countries.",
                    "ar": "بلد الشبكة الوطنية (رمز ISO 3166-1)؛ احذفوه لشبكة عابرة للبلدان.",
                },
                example="DE",
            ),
            Field(
                "region",
                Choice(tuple(vocabulary.regions), "a region of hooks/hub/data/support.yml"),
                required=False,
                help={
                    "en": "For a network across countries instead of 'country': " + ", ".join(vocabulary.regions) + ".",
                    "ar": "لشبكة عابرة للبلدان بدلًا من 'country': " + "، ".join(vocabulary.regions) + ".",
                },
                example="africa",
            ),
            Field(
                "phase",
                Choice(PHASES, "a phase"),
                help={
                    "en": "Whom it serves: election (women standing), office (women in office) or both.",
                    "ar": "من تخدم: election (المترشحات) أو office (النساء في المنصب) أو both (كلتاهما).",
                },
                example="both",
            ),
            Field(
                "members",
                bilingual(300),
                help={"en": "Who can join, in each language, as the sources say.", "ar": "من يمكنها الانضمام، بكل لغة، كما تذكر المصادر."},
                example="{en: ..., ar: ...}",
            ),
            Field(
                "summary",
                bilingual(400),
                help={
                    "en": "What it does, in one or two sentences per language, in your own words.",
                    "ar": "ما الذي تقوم به، في جملة أو جملتين بكل لغة، بكلماتكم.",
                },
                example="{en: ..., ar: ...}",
            ),
            Field(
                "support",
                ListOf(Choice(tuple(vocabulary.support), "a kind of support of hooks/hub/data/support.yml"), unique=True),
                help={
                    "en": "The kinds of support it offers: " + ", ".join(vocabulary.support) + ".",
                    "ar": "أنواع الدعم التي تقدمها: " + "، ".join(vocabulary.support) + ".",
                },
                example="[mentoring, training]",
            ),
            Field(
                "languages",
                ListOf(LANGUAGE_CODE, unique=True),
                help={
                    "en": "The languages it works or publishes in (ISO 639-1 codes), as seen on its pages.",
                    "ar": "اللغات التي تعمل أو تنشر بها (رموز ISO 639-1) كما تظهر في صفحاتها.",
                },
                example="[de]",
            ),
            Field(
                "contact",
                Url(),
                required=False,
                help={
                    "en": "The organisation's public page to join or reach it (https); never a person's e-mail or phone.",
                    "ar": "صفحة الجهة العامة للانضمام أو التواصل (https)؛ لا بريد ولا هاتف لشخص أبدًا.",
                },
                example="https://www.frauen-macht-politik.de/",
            ),
            Field(
                "sources",
                ListOf(WEB_SOURCE),
                help={
                    "en": "The public pages you checked each fact against: title, publisher, url, language.",
                    "ar": "الصفحات العامة التي تحققتم من كل معلومة فيها: العنوان والناشر والرابط واللغة.",
                },
                example="[{title: ..., publisher: ..., url: https://..., language: de}]",
            ),
            Field(
                "reviewed",
                Date(),
                help={
                    "en": "The date the entry was last checked against its sources (YYYY-MM-DD).",
                    "ar": "تاريخ آخر تحقق من المدخل مقابل مصادره (YYYY-MM-DD).",
                },
                example="2026-11-30",
            ),
        ],
        rules=[_one_place],
        hint="the network's fields",
    )
