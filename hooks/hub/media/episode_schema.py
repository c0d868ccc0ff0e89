"""The episode (podcast or video): its front-matter fields, one source of the rules.

What can be measured from a shipped file (size, type, duration) is not a
field: `episodes.py` reads it from the file. The body of an episode file is
its full transcript.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from hub.media import external_video
from hub.media.media_files import TYPES
from hub.model.case_schema import ID_PATTERN, _themes_help
from hub.model.languages import LANGUAGES
from hub.model.schema import Choice, Date, Field, Group, Kind, ListOf, Text, _scalar, received
from hub.model.yamlnodes import STR

KINDS = ("audio", "video")
NARRATIONS = ("recorded", "synthesized")
# Fields that must be identical in the two language files of one episode.
SHARED_FIELDS = ("id", "kind", "date", "themes", "related_cases")
CLOCK = r"(?:\d+:)?[0-5]?\d:[0-5]\d"


def is_external(address: str) -> bool:
    return "://" in address or address.lower().startswith(("http:", "https:", "www."))


@dataclass
class MediaSource(Kind):
    """A file under podcasts/, or the address of a video on an allowed host."""

    hint = f"a file under podcasts/ ({', '.join(TYPES)}) or a https:// video address from {external_video.ALLOWED}"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems or node.tag != STR:
            yield from problems or [(node, where, f"received {received(node)}, expected {self.hint}")]
            return
        text = node.value.strip()
        if is_external(text):
            try:
                external_video.embed(text)
            except ValueError as exc:
                yield node, where, str(exc)
            return
        path = PurePosixPath(text)
        if text.startswith("/") or "\\" in text or ".." in path.parts:
            yield node, where, f"received {received(node)}, expected a path inside podcasts/ written with '/', e.g. media/my-episode.en.mp3"
        elif path.suffix.lower() not in TYPES:
            yield node, where, f"{path.suffix or 'no extension'} is not a supported media file; use {', '.join(TYPES)}"

    def json_schema(self):
        return {"type": "string", "minLength": 1}


def _media_fits_kind(present: dict, where: str):
    media, kind = present.get("media"), present.get("kind")
    if media is None or kind is None or media.tag != STR or kind.value not in KINDS:
        return
    text = media.value.strip()
    if is_external(text):
        if kind.value == "audio":
            yield (
                media,
                "media",
                "an audio episode must be a file shipped under podcasts/ (a podcast app downloads it); external addresses are for video",
            )
        elif present.get("duration") is None:
            yield (
                media,
                "duration",
                "is required for an external video (its length cannot be read from a file here): add e.g. 'duration: \"12:30\"'",
            )
        return
    file_kind = TYPES.get(PurePosixPath(text).suffix.lower(), (None, None))[1]
    if file_kind and file_kind != kind.value:
        yield media, "media", f"a {PurePosixPath(text).suffix} file is {file_kind}, but kind is {kind.value}: change one of them"


SPEAKER = Group(
    [
        Field(
            "name",
            Text(120),
            help={
                "en": "The person's name as they agreed to be named; for synthesized speech, the software's name.",
                "ar": "اسم الشخص كما وافق على ذكره؛ وللصوت المركَّب آليًا، اسم البرنامج.",
            },
            example='"Amina Example"',
            examples={"ar": '"أمينة مثال"'},
        ),
        Field(
            "role",
            Text(160),
            help={
                "en": "Their role in this file's language, e.g. councillor in a named town, or narrator.",
                "ar": "صفته بلغة هذا الملف، مثل عضوة مجلس بلدي في مدينة مسمّاة، أو راوٍ.",
            },
            example='"Narrator"',
            examples={"ar": '"الراوية"'},
        ),
    ],
    hint="a speaker with name and role",
)

CAPTION_FILE = Text(200, r"[^\s\\]+\.vtt", "a .vtt file under podcasts/, e.g. media/my-episode.en.vtt")
CAPTIONS = Group(
    [Field(lang, CAPTION_FILE, required=False) for lang in LANGUAGES],
    hint="a WebVTT caption file per language (" + ", ".join(LANGUAGES) + ")",
)


def episode_schema(theme_list) -> Group:
    """The front-matter schema of an episode, given the themes of data/themes.yml."""
    theme_list = list(theme_list)
    return Group(
        [
            Field(
                "id",
                Text(80, ID_PATTERN, "lower-case letters, digits and single hyphens"),
                help={
                    "en": "The same in both language files and equal to the file name before .en.md / .ar.md.",
                    "ar": "هو نفسه في ملفي اللغتين ويطابق اسم الملف قبل ‎.en.md أو ‎.ar.md.",
                },
                example="hub-trailer",
            ),
            Field(
                "kind",
                Choice(KINDS, "an episode kind"),
                help={"en": "audio (a podcast episode) or video.", "ar": "audio (حلقة بودكاست) أو video (فيديو)."},
                example="audio",
            ),
            Field(
                "title",
                Text(120),
                help={"en": "A short title in this file's language.", "ar": "عنوان قصير بلغة هذا الملف."},
                example='"The hub in three minutes"',
                examples={"ar": '"المنصة في ثلاث دقائق"'},
            ),
            Field(
                "date",
                Date(),
                help={
                    "en": "The publication date (YYYY-MM-DD); podcast apps sort by it.",
                    "ar": "تاريخ النشر (YYYY-MM-DD)؛ تُرتَّب تطبيقات البودكاست الحلقات حسبه.",
                },
                example="2026-11-26",
            ),
            Field(
                "summary",
                Text(300),
                help={"en": "One or two sentences in this file's language.", "ar": "جملة أو جملتان بلغة هذا الملف."},
                example='"What the episode is about."',
                examples={"ar": '"موضوع الحلقة."'},
            ),
            Field(
                "themes",
                ListOf(Choice(tuple(t.id for t in theme_list), "a theme"), unique=True),
                help=_themes_help(theme_list),
                example="[A, B]",
            ),
            Field(
                "speakers",
                ListOf(SPEAKER),
                help={
                    "en": "Only the real people who took part, as they agreed to be named, or the narrator.",
                    "ar": "الأشخاص الحقيقيون الذين شاركوا فقط، بالأسماء التي وافقوا عليها، أو الراوي.",
                },
                example='[{name: "Amina Example", role: "Councillor"}]',
                examples={"ar": '[{name: "أمينة مثال", role: "عضوة مجلس بلدي"}]'},
            ),
            Field(
                "narration",
                Choice(NARRATIONS, "a kind of narration"),
                help={
                    "en": "recorded (people speaking) or synthesized (computer speech); synthesized episodes say so on their page.",
                    "ar": "recorded (أصوات أشخاص) أو synthesized (صوت مركَّب آليًا)؛ وتذكر صفحة الحلقة ذلك.",
                },
                example="recorded",
            ),
            Field(
                "language",
                Text(3, r"[a-z]{2,3}", "a language code (ISO 639-1), e.g. en, ar, fr"),
                help={"en": "The language spoken in the recording (ISO 639-1 code).", "ar": "اللغة المنطوقة في التسجيل (رمز ISO 639-1)."},
                example="en",
            ),
            Field(
                "media",
                MediaSource(),
                help={
                    "en": "The audio or video file, relative to podcasts/; or, for a video hosted elsewhere, its https address on youtube.com, youtube-nocookie.com or vimeo.com.",
                    "ar": "ملف الصوت أو الفيديو نسبةً إلى المجلد podcasts/؛ أو، لفيديو مستضاف في مكان آخر، عنوانه على youtube.com أو youtube-nocookie.com أو vimeo.com.",
                },
                example="media/my-episode.en.mp3",
            ),
            Field(
                "duration",
                Text(12, CLOCK, 'minutes:seconds or hours:minutes:seconds, in quotes, e.g. "12:30"'),
                required=False,
                help={
                    "en": "Only for an external video; a shipped file's duration is read from the file.",
                    "ar": "لفيديو خارجي فقط؛ أما مدة الملف المرفق فتُقرأ من الملف نفسه.",
                },
            ),
            Field(
                "captions",
                CAPTIONS,
                required=False,
                help={
                    "en": "WebVTT caption files per language, relative to podcasts/.",
                    "ar": "ملفات ترجمة WebVTT لكل لغة، نسبةً إلى المجلد podcasts/.",
                },
                example="{en: media/my-episode.en.vtt, ar: media/my-episode.ar.vtt}",
            ),
            Field(
                "related_cases",
                ListOf(Text(80, ID_PATTERN, "a case id"), min_items=0, unique=True),
                required=False,
                help={
                    "en": "Ids of cases in good_practices/ the episode discusses; each case page then lists the episode.",
                    "ar": "معرّفات الحالات في good_practices/ التي تتناولها الحلقة؛ وتعرض صفحة كل حالة الحلقة عندئذ.",
                },
                example="[tunisia-parity-2018]",
            ),
        ],
        rules=[_media_fits_kind],
        hint="the episode's fields",
    )
