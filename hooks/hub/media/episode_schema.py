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
from hub.model import field_texts
from hub.model.case_schema import themes_list
from hub.model.ids import id_kind
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


SPEAKER = Group([Field("name", Text(120)), Field("role", Text(160))], hint="a speaker with name and role")

CAPTION_FILE = Text(200, r"[^\s\\]+\.vtt", "a .vtt file under podcasts/, e.g. media/my-episode.en.vtt")
CAPTIONS = Group(
    [Field(lang, CAPTION_FILE, required=False) for lang in LANGUAGES],
    hint="a WebVTT caption file per language (" + ", ".join(LANGUAGES) + ")",
)


def episode_schema(theme_list) -> Group:
    """The front-matter schema of an episode, given the themes of data/themes.yml."""
    theme_list = list(theme_list)
    schema = Group(
        [
            Field("id", id_kind()),
            Field("kind", Choice(KINDS, "an episode kind")),
            Field("title", Text(120)),
            Field("date", Date()),
            Field("summary", Text(300)),
            Field("themes", ListOf(Choice(tuple(t.id for t in theme_list), "a theme"), unique=True)),
            Field("speakers", ListOf(SPEAKER)),
            Field("narration", Choice(NARRATIONS, "a kind of narration")),
            Field("language", Text(3, r"[a-z]{2,3}", "a language code (ISO 639-1), e.g. en, ar, fr")),
            Field("media", MediaSource()),
            Field("duration", Text(12, CLOCK, 'minutes:seconds or hours:minutes:seconds, in quotes, e.g. "12:30"'), required=False),
            Field("captions", CAPTIONS, required=False),
            Field("related_cases", ListOf(id_kind("a case id"), min_items=0, unique=True), required=False),
        ],
        rules=[_media_fits_kind],
        hint="the episode's fields",
    )
    return field_texts.apply(schema, "episode", help_values(theme_list))


def help_values(theme_list) -> dict:
    """What the help texts of data/fields/episode.yml name by placeholder."""
    return {"themes": themes_list(theme_list)}
