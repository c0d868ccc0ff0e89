"""Episodes under podcasts/: read, checked against the schema and against their files.

Beyond the front matter, an episode is checked against what it points to:
the media file (readable, of the type its name says, its duration measured),
the caption files (valid WebVTT within the recording), the transcript's
timestamps and the related cases. Every problem is collected; an episode with
any problem is left out of the report, so no page or feed is built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from hub.media import episode_schema, external_video, media_files, transcript, webvtt
from hub.model import content, ids, paths, yamlnodes
from hub.model.problems import Problem

# A typed duration may differ from the file's by rounding, not more.
DURATION_TOLERANCE = 1.5


@dataclass
class Episode:
    """One language file of an episode, with what was measured from its files."""

    item: content.Item
    duration: float  # seconds, measured for a shipped file
    file: str | None = None  # shipped media, relative to podcasts/
    measured: media_files.MediaFile | None = None
    embed: external_video.Embed | None = None
    captions: dict | None = None  # lang -> caption file relative to podcasts/

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def lang(self) -> str:
        return self.item.lang

    @property
    def meta(self) -> dict:
        return self.item.meta


def _line(item: content.Item, *keys) -> int:
    """The line of a front-matter value, following keys and list positions inside it."""
    node = item.nodes.get(keys[0])
    for key in keys[1:]:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
    return yamlnodes.line_of(node) if node is not None else 1


def _inside(folder: Path, rel: str) -> Path | None:
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts:
        return None
    return folder / Path(*path.parts)


def _check_captions(item, folder: Path, root: Path, duration: float) -> tuple[dict, list[Problem]]:
    found, captions = [], {}
    for lang, rel in (item.meta.get("captions") or {}).items():
        path = _inside(folder, rel)
        if path is None:
            found.append(Problem(item.rel, _line(item, "captions", lang), f"captions.{lang}", f"{rel!r} must be a path inside podcasts/"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            found.append(
                Problem(
                    item.rel,
                    _line(item, "captions", lang),
                    f"captions.{lang}",
                    f"{rel!r} does not exist under podcasts/: check the path or add the file",
                )
            )
            continue
        except (OSError, UnicodeDecodeError) as exc:
            found.append(
                Problem(item.rel, _line(item, "captions", lang), f"captions.{lang}", f"{rel!r} cannot be read as UTF-8 text: {exc}")
            )
            continue
        parsed = webvtt.parse(text)
        vtt_rel = paths.relative(path, root)
        found += [Problem(vtt_rel, line, "captions", message) for line, message in parsed.problems]
        for cue in parsed.cues:
            if cue.end > duration + DURATION_TOLERANCE:
                found.append(
                    Problem(
                        vtt_rel,
                        cue.line,
                        "captions",
                        f"this cue ends at {media_files.clock(cue.end)}, after the end of the recording ({media_files.clock(duration)}): correct the time",
                    )
                )
        captions[lang] = rel
    return captions, found


def _check_one(item: content.Item, folder: Path, root: Path, case_ids) -> tuple[Episode | None, list[Problem]]:
    """The checks that need the files; run only on front matter the schema accepted."""
    meta, found = item.meta, []
    media = meta["media"].strip()
    episode = Episode(item, duration=0.0)
    if episode_schema.is_external(media):
        episode.embed = external_video.embed(media)
        episode.duration = float(transcript.seconds(meta["duration"]))
    else:
        path = _inside(folder, media)
        try:
            episode.measured = media_files.measure(path)
        except media_files.MediaError as exc:
            found.append(Problem(item.rel, _line(item, "media"), "media", f"{media!r}: {exc}"))
        else:
            episode.file = PurePosixPath(media).as_posix()
            episode.duration = episode.measured.duration
            typed = meta.get("duration")
            if typed and abs(transcript.seconds(typed) - episode.duration) > DURATION_TOLERANCE:
                found.append(
                    Problem(
                        item.rel,
                        _line(item, "duration"),
                        "duration",
                        f"says {typed} but the file lasts {media_files.clock(episode.duration)}: remove the line (it is read from the file) or correct it",
                    )
                )
    if episode.duration:
        episode.captions, caption_problems = _check_captions(item, folder, root, episode.duration)
        found += caption_problems
        found += [
            Problem(item.rel, line, "body", message) for line, message in transcript.check(item.body, item.body_line, episode.duration)
        ]
    for index, case_id, hint in ids.unknown(meta.get("related_cases") or [], case_ids):
        found.append(
            Problem(
                item.rel,
                _line(item, "related_cases", index),
                f"related_cases[{index + 1}]",
                f"{case_id!r} is not a case in good_practices/{hint}: use the id of an existing case",
            )
        )
    return (None if found else episode), found


def check(folder: Path, root: Path, theme_list, case_ids) -> tuple[dict, list[Problem], int]:
    """(id -> {lang: Episode}, problems, files checked) for every episode file in `folder`."""
    schema = episode_schema.episode_schema(theme_list)
    found, items, checked = [], [], 0
    for path in content.find(folder):
        checked += 1
        item, problems = content.read(path, root)
        found += problems
        if item is None:
            continue
        problems = content.check_case(item, schema)
        found += problems
        if not problems:
            episode, problems = _check_one(item, folder, root, set(case_ids))
            found += problems
            if episode is not None:
                items.append(episode)
            else:
                item.valid = False
    found += content.check_pairs([e.item for e in items], episode_schema.SHARED_FIELDS, "episode")
    episodes: dict = {}
    for episode in items:
        episodes.setdefault(episode.id, {})[episode.lang] = episode
    return episodes, found, checked


def shipped_files(episodes: dict, channel) -> list[str]:
    """Every file under podcasts/ the site serves: media, captions, the podcast image."""
    files = {channel.image} if channel is not None else set()
    for versions in episodes.values():
        for episode in versions.values():
            if episode.file:
                files.add(episode.file)
            files.update((episode.captions or {}).values())
    return sorted(files)
