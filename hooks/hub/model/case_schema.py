"""The case: its front-matter fields and the body sections each type requires.

This module is the single source of the case rules. The validator, the JSON
Schema for editors (scripts/schemas), the templates' comments and the
contribution guide are all derived from it.
"""

from __future__ import annotations

from hub.model import countries, topics
from hub.model.schema import Choice, Code, Date, Field, Group, Integer, ListOf, Text, Url
from hub.model.yamlnodes import INT, value

TYPES = ("good-practice", "faltering-implementation")
LEVELS = ("municipal", "regional", "national")
PHASES = ("election", "office", "both")
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# Required level-2 headings of the body, in order, per type and language.
SECTIONS = {
    "good-practice": (
        {
            "en": "Context",
            "ar": "السياق",
            "hint": {
                "en": "The situation before the measure, and the problem it addressed.",
                "ar": "الوضع قبل التدبير والمشكلة التي عالجها.",
            },
        },
        {
            "en": "What was done",
            "ar": "ما الذي أُنجز",
            "hint": {"en": "Who did what, when, with which means.", "ar": "من فعل ماذا ومتى وبأي وسائل."},
        },
        {
            "en": "Results",
            "ar": "النتائج",
            "hint": {"en": "What changed, with figures from the sources.", "ar": "ما الذي تغيّر، بالأرقام الواردة في المصادر."},
        },
        {
            "en": "Lessons and how to replicate",
            "ar": "الدروس وكيفية تكرار التجربة",
            "hint": {
                "en": "What another municipality or candidate can take from it, and the conditions it needs.",
                "ar": "ما يمكن أن تستفيده بلدية أو مرشحة أخرى، والشروط اللازمة لذلك.",
            },
        },
    ),
    "faltering-implementation": (
        {
            "en": "What was planned",
            "ar": "ما كان مخططًا له",
            "hint": {"en": "The measure as it was meant to work.", "ar": "التدبير كما كان يُفترض أن يعمل."},
        },
        {
            "en": "What went wrong",
            "ar": "ما الذي تعثّر",
            "hint": {
                "en": "What happened instead, with facts from the sources.",
                "ar": "ما الذي حدث بدلًا من ذلك، بالوقائع الواردة في المصادر.",
            },
        },
        {
            "en": "Why",
            "ar": "الأسباب",
            "hint": {"en": "The root causes, not only the symptoms.", "ar": "الأسباب الجذرية لا الأعراض وحدها."},
        },
        {
            "en": "Warning signs",
            "ar": "علامات الإنذار",
            "hint": {"en": "What could have been seen early.", "ar": "ما كان يمكن ملاحظته مبكرًا."},
        },
        {
            "en": "Lessons",
            "ar": "الدروس",
            "hint": {"en": "What to do differently next time.", "ar": "ما الذي ينبغي فعله بشكل مختلف في المرة القادمة."},
        },
    ),
}

# Fields that must be identical in the two language files of one case.
SHARED_FIELDS = ("id", "type", "themes", "country", "period", "topics")


def _period_in_order(present: dict, where: str):
    start, end = present.get("start"), present.get("end")
    if start is not None and end is not None and start.tag == INT and end.tag == INT:
        if value(end) < value(start):
            yield end, f"{where}.end", f"{value(end)} is before the start year {value(start)}: swap them or correct the year"


YEAR = Integer(1900, 2100, hint="a year (four digits)")

PERIOD = Group(
    [
        Field("start", YEAR, help={"en": "The year the measure started.", "ar": "سنة بدء التدبير."}, example="2018"),
        Field(
            "end",
            YEAR,
            required=False,
            help={
                "en": "The year it ended; leave out if it is still running.",
                "ar": "سنة الانتهاء؛ احذفوها إذا كان التدبير ما زال قائمًا.",
            },
        ),
    ],
    rules=[_period_in_order],
    hint="a period with 'start' and optionally 'end' years",
)

SOURCE = Group(
    [
        Field(
            "title",
            Text(300),
            help={"en": "Title of the document or page, in its own language.", "ar": "عنوان الوثيقة أو الصفحة بلغتها الأصلية."},
            example='"Municipal elections 2018: final results"',
            examples={"ar": '"الانتخابات البلدية 2018: النتائج النهائية"'},
        ),
        Field(
            "publisher",
            Text(200),
            help={"en": "Who published it: an authority, an organisation, a journal.", "ar": "الجهة الناشرة: هيئة رسمية أو منظمة أو مجلة."},
            example='"Independent High Authority for Elections"',
            examples={"ar": '"الهيئة العليا المستقلة للانتخابات"'},
        ),
        Field("year", YEAR, help={"en": "Year of publication.", "ar": "سنة النشر."}, example="2018"),
        Field(
            "url",
            Url(),
            required=False,
            help={"en": "Where a reader can check it (https only).", "ar": "الرابط الذي يتيح للقارئ التحقق (https فقط)."},
        ),
        Field(
            "language",
            Code(countries.language_names("en"), "an ISO 639-1 language code", "ar for Arabic, fr for French, en for English"),
            help={
                "en": "The language the source is written in: its two-letter ISO 639-1 code, e.g. ar, fr, en, es.",
                "ar": "لغة المصدر: رمزها المكوّن من حرفين وفق المعيار ISO 639-1، مثل ar أو fr أو en أو es.",
            },
            example="ar",
        ),
    ],
    hint="a source with title, publisher, year, optionally url, and language",
)


def _themes_help(theme_list) -> dict:
    return {
        "en": "One or more theme letters: " + "; ".join(f"{t.id} {t.name['en']}" for t in theme_list) + ".",
        "ar": "حرف محور واحد أو أكثر: " + "؛ ".join(f"{t.id} {t.name['ar']}" for t in theme_list) + ".",
    }


def _topics_help(topic_list) -> dict:
    return {
        "en": f"1 to {topics.MAX_PER_ITEM} topics the case is really about (the same in both files); they link it to the self-assessment's dimensions: "
        + "; ".join(f"{t.id} ({t.name['en']})" for t in topic_list)
        + ".",
        "ar": f"من 1 إلى {topics.MAX_PER_ITEM} مواضيع تتناولها الحالة فعلًا (هي نفسها في الملفين)؛ بها تُربط الحالة بمحاور التقييم الذاتي: "
        + "؛ ".join(f"{t.id} ({t.name['ar']})" for t in topic_list)
        + ".",
    }


def case_schema(theme_list, topic_list=None) -> Group:
    """The front-matter schema of a case, given the themes of data/themes.yml and
    the topics of data/topics.yml (by default the repository's)."""
    theme_list = list(theme_list)
    topic_list = list(topic_list if topic_list is not None else topics.load())
    return Group(
        [
            Field(
                "id",
                Text(80, ID_PATTERN, "lower-case letters, digits and single hyphens"),
                help={
                    "en": "Lower-case letters, digits and hyphens; the same in both language files and equal to the file name before .en.md / .ar.md.",
                    "ar": "أحرف لاتينية صغيرة وأرقام وشرطات؛ هو نفسه في ملفي اللغتين ويطابق اسم الملف قبل ‎.en.md أو ‎.ar.md.",
                },
                example="tunisia-parity-2018",
            ),
            Field(
                "type",
                Choice(TYPES, "a case type"),
                help={
                    "en": "good-practice, or faltering-implementation for a measure that did not deliver what was planned.",
                    "ar": "good-practice للممارسة الجيدة، أو faltering-implementation لتدبير لم يحقق ما خُطط له.",
                },
                example="good-practice",
            ),
            Field(
                "title",
                Text(120),
                help={
                    "en": "A short title in this file's language (at most 120 characters).",
                    "ar": "عنوان قصير بلغة هذا الملف (120 حرفًا على الأكثر).",
                },
                example='"Parity on municipal lists"',
                examples={"ar": '"المناصفة في القوائم البلدية"'},
            ),
            Field(
                "themes",
                ListOf(Choice(tuple(t.id for t in theme_list), "a theme"), unique=True),
                help=_themes_help(theme_list),
                example="[A, B]",
            ),
            Field(
                "country",
                Code(countries.names("en"), "an ISO 3166-1 alpha-2 country code", "TN for Tunisia, JO for Jordan, FR for France"),
                help={
                    "en": "The country's two-letter ISO 3166-1 code, e.g. TN, JO, MA, FR, DE.",
                    "ar": "رمز البلد المكوّن من حرفين وفق المعيار ISO 3166-1، مثل TN أو JO أو MA أو FR أو DE.",
                },
                example="TN",
            ),
            Field(
                "place",
                Text(120),
                required=False,
                help={
                    "en": "The municipality or region, in this file's language; leave the line out for a national measure.",
                    "ar": "البلدية أو المنطقة بلغة هذا الملف؛ احذفوا السطر إذا كان التدبير وطنيًا.",
                },
            ),
            Field(
                "level",
                Choice(LEVELS, "a level"),
                help={
                    "en": "Where the measure was decided: municipal, regional or national.",
                    "ar": "مستوى اتخاذ القرار: municipal (بلدي) أو regional (جهوي) أو national (وطني).",
                },
                example="municipal",
            ),
            Field(
                "period",
                PERIOD,
                help={"en": "The year it started and, if it ended, the year it ended.", "ar": "سنة البدء، وسنة الانتهاء إن انتهى."},
                example="{start: 2018, end: 2020}",
            ),
            Field(
                "phase",
                Choice(PHASES, "a phase"),
                help={
                    "en": "election (the election journey), office (the term in office) or both.",
                    "ar": "election (مسار الانتخابات) أو office (خلال الولاية) أو both (كلاهما).",
                },
                example="election",
            ),
            Field(
                "summary",
                Text(300),
                help={
                    "en": "One or two sentences in this file's language (at most 300 characters).",
                    "ar": "جملة أو جملتان بلغة هذا الملف (300 حرف على الأكثر).",
                },
                example='"What happened and why it matters."',
                examples={"ar": '"ما الذي حدث ولماذا يهمّ."'},
            ),
            Field(
                "topics", topics.kind(t.id for t in topic_list), help=_topics_help(topic_list), example="[gender-budgeting, participation]"
            ),
            Field(
                "sources",
                ListOf(SOURCE),
                help={
                    "en": "At least one public source a reader can check: title, publisher, year, the source's language and, if online, url. Cite each in the text with its number: [1], [2].",
                    "ar": "مصدر منشور واحد على الأقل يستطيع القارئ التحقق منه: العنوان والناشر والسنة ولغة المصدر، والرابط إن وُجد. أحيلوا إلى كل مصدر في النص برقمه: [1]، [2].",
                },
                example="[{title: ..., publisher: ..., year: 2018, url: https://..., language: ar}]",
            ),
            Field(
                "reviewed",
                Date(),
                help={
                    "en": "The date the case was last checked against its sources (YYYY-MM-DD).",
                    "ar": "تاريخ آخر تحقق من الحالة مقابل مصادرها (YYYY-MM-DD).",
                },
                example="2026-11-26",
            ),
            Field(
                "reviewer",
                Text(120),
                help={
                    "en": "Who checked it and may check it again: a role, such as Hub editorial team, never a person's name.",
                    "ar": "الجهة التي تحققت منها ويمكنها إعادة التحقق: صفة مثل «فريق تحرير المنصة»، لا اسم شخص أبدًا.",
                },
                example='"Hub editorial team"',
                examples={"ar": '"فريق تحرير المنصة"'},
            ),
        ],
        hint="the case's fields",
    )
