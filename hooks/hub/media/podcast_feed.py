"""The podcast feed of each language: RSS 2.0 with iTunes and Podcasting 2.0 tags.

No MkDocs plugin writes a feed podcast apps accept (enclosure sizes, iTunes
tags, transcripts), so the core renders it from templates/podcast.xml.j2 with
the facts measured from the files. `feeds()` takes data and returns texts;
the MkDocs adapter only writes them.
"""

from __future__ import annotations

import datetime
import email.utils
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import jinja2

from hub.media import media_files
from hub.model import datafile, paths, urls, yamlnodes
from hub.model.languages import DEFAULT, LANGUAGES
from hub.model.problems import Problem
from hub.model.schema import Choice, Field, Group, Text
from hub.model.themes import bilingual

CHANNEL_FILE = paths.DATA / "podcast.yml"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
IMAGE_SIDES = (1400, 3000)  # Apple's limits for the square show image
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"

CHANNEL = Group(
    [
        Field("title", bilingual(120)),
        Field("description", bilingual(4000)),
        Field("author", bilingual(120)),
        Field("category", Text(60)),
        Field("explicit", Choice(("false", "true"), "an explicit flag")),
        Field("locked", Choice(("yes", "no"), "a locked flag")),
        Field("image", Text(200, r"[^\s\\]+\.(?:png|jpg|jpeg)", "a .png or .jpg file under podcasts/")),
        Field(
            "guid",
            Group([Field(lang, Text(36, UUID, "a UUID version 5 (lower-case)")) for lang in LANGUAGES], hint="a podcast:guid per language"),
        ),
    ],
    hint="the podcast's channel fields",
)


@dataclass(frozen=True)
class Channel:
    meta: dict
    image: str  # relative to podcasts/
    image_size: tuple


def check_channel(path: Path, podcasts_dir: Path, root: Path) -> tuple[Channel | None, list[Problem]]:
    node, found = datafile.check(path, root, "podcast", CHANNEL)
    if node is None or found:
        return None, found
    rel = paths.relative(path, root)
    meta = yamlnodes.value(node)
    image_line = yamlnodes.line_of(next(v for k, v in node.value if k.value == "image"))
    try:
        width, height = media_files.image_size(podcasts_dir / meta["image"])
    except media_files.MediaError as exc:
        return None, [Problem(rel, image_line, "image", f"podcasts/{meta['image']}: {exc}")]
    if width != height or not IMAGE_SIDES[0] <= width <= IMAGE_SIDES[1]:
        return None, [
            Problem(
                rel,
                image_line,
                "image",
                f"podcasts/{meta['image']} is {width}×{height} pixels; podcast apps need a square image of {IMAGE_SIDES[0]} to {IMAGE_SIDES[1]} pixels a side",
            )
        ]
    return Channel(meta, meta["image"], (width, height)), []


def _rfc822(day: datetime.date) -> str:
    return email.utils.format_datetime(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC))


def _root(site_url: str, lang: str) -> str:
    return site_url.rstrip("/") + "/" + ("" if lang == DEFAULT else f"{lang}/")


# Characters XML 1.0 cannot hold at all, even escaped. The content check
# refuses them in front matter; the feed drops any that reach it anyway.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value):
    return XML_INVALID.sub("", value) if isinstance(value, str) else value


def feed(channel: Channel, episodes: dict, lang: str, site_url: str, strings: dict) -> str:
    """The RSS text of one language's feed: its episodes with a shipped file, newest first."""
    base, root = _root(site_url, DEFAULT), _root(site_url, lang)
    media = base + urls.MEDIA_FILES
    shipped = sorted(
        (versions[lang] for versions in episodes.values() if lang in versions and versions[lang].file),
        key=lambda e: (e.meta["date"], e.id),
        reverse=True,
    )
    items = []
    for episode in shipped:
        link = root + urls.episode(episode.id)
        description = episode.meta["summary"]
        if episode.meta["narration"] == "synthesized":
            description += " " + strings["episode_synthesized"]
        transcripts = [
            {"url": media + path, "type": "text/vtt", "language": caption_lang, "rel": "captions"}
            for caption_lang, path in sorted(episode.captions.items(), key=lambda kv: kv[0] != episode.meta["language"])
        ]
        transcripts.append({"url": link + "#transcript", "type": "text/html", "language": episode.meta["language"], "rel": ""})
        items.append(
            {
                "title": episode.meta["title"],
                "description": description,
                "link": link,
                "guid": str(uuid.uuid5(uuid.UUID(channel.meta["guid"][lang]), episode.id)),
                "pub_date": _rfc822(episode.meta["date"]),
                "enclosure": {"url": media + episode.file, "length": episode.measured.size, "type": episode.measured.mime},
                "duration": round(episode.duration),
                "transcripts": transcripts,
            }
        )
    meta = channel.meta
    data = {
        "title": meta["title"][lang],
        "description": meta["description"][lang],
        "link": root + urls.MEDIA,
        "language": lang,
        "self": root + urls.FEED,
        "pub_date": _rfc822(shipped[0].meta["date"]) if shipped else "",
        "image": media + channel.image,
        "author": meta["author"][lang],
        "category": meta["category"],
        "explicit": meta["explicit"],
        "guid": meta["guid"][lang],
        "locked": meta["locked"],
    }
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_xml_text,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("podcast.xml.j2").render(channel=data, items=items)


def feeds(channel: Channel, episodes: dict, site_url: str, strings_by_lang: dict) -> dict[str, str]:
    """{site path: XML} of every language's feed."""
    return {
        ("" if lang == DEFAULT else f"{lang}/") + urls.FEED: feed(channel, episodes, lang, site_url, strings_by_lang[lang])
        for lang in LANGUAGES
    }
