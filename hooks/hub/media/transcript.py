"""Transcripts: the body of an episode file, with timestamps that seek the player.

A paragraph may start with a timestamp in brackets, `[1:05]` or `[1:02:05]`,
the moment its words are spoken. On the page it becomes a link to `#t=65`
that the player seeks to; the text stays plain HTML, searchable and read by
screen readers.
"""

from __future__ import annotations

import re

from hub import render
from hub.media.media_files import clock

STAMP = re.compile(r"^\[(?P<clock>(?:\d+:)?[0-5]?\d:[0-5]\d)\][ \t]+", re.M)


def seconds(clock: str) -> int:
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total


def timestamps(body: str, first_line: int) -> list[tuple[int, int, str]]:
    """(file line, seconds, as written) of each timestamp at the start of a line."""
    return [
        (first_line + offset, seconds(m["clock"]), m["clock"]) for offset, line in enumerate(body.splitlines()) if (m := STAMP.match(line))
    ]


def check(body: str, first_line: int, duration: float) -> list[tuple[int, str]]:
    """(line, message) for an empty transcript and for timestamps out of order or past the end."""
    if not body.strip():
        return [(first_line, "is empty: the body of an episode file is its full transcript, every word spoken")]
    found, previous = [], -1
    for line, at, written in timestamps(body, first_line):
        if at > duration + 1:
            found.append((line, f"the timestamp [{written}] is after the end of the recording ({clock(duration)}): correct it"))
        elif at < previous:
            found.append((line, f"the timestamp [{written}] comes before the one above it: timestamps must go forward"))
        previous = max(previous, at)
    return found


# In rendered HTML a timestamp opens a paragraph or one of its lines.
HTML_STAMP = re.compile(r"(^|<p>)\[(?P<clock>(?:\d+:)?[0-5]?\d:[0-5]\d)\][ \t]+", re.M)


def linked(transcript_html: str, seekable: bool) -> str:
    """The transcript's (sanitised) HTML with each timestamp as a seek link (or plain time)."""

    def replace(match):
        stamp = render.html("timestamp", at=seconds(match["clock"]), clock=match["clock"], seekable=seekable)
        return f"{match[1]}{stamp} "

    return HTML_STAMP.sub(replace, transcript_html)
