"""Read WebVTT caption files strictly enough that every browser shows them.

Browsers skip a cue they cannot parse without saying so, and drop the whole
track when the header is wrong; a contributor would only notice missing
captions. So a caption file is checked here, with the line of each problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+.*)?$")
HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str
    line: int  # 1-based line of the timing line


@dataclass
class Captions:
    cues: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # [(line, message)]


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse(text: str) -> Captions:
    """Cues and problems of a WebVTT text; a file with problems is not used."""
    out = Captions()
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not HEADER.match(lines[0]):
        out.problems.append((1, f"a WebVTT file starts with the line 'WEBVTT', received {lines[0][:40]!r}"))
        return out
    blocks, start, current = [], None, []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            if start is None:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            start, current = None, []
    if current:
        blocks.append((start, current))
    if blocks and not any("-->" in line for line in blocks[0][1]) and blocks[0][0] == 2:
        blocks = blocks[1:]  # header lines right after WEBVTT
    previous_start = 0.0
    for first, block in blocks:
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            at = min(1, len(block) - 1)  # after an optional cue identifier
            out.problems.append(
                (first + at, f"expected a cue timing line like '00:00:01.000 --> 00:00:04.000', received {block[at][:40]!r}")
            )
            continue
        line_no = first + timing_at
        match = TIMING.match(block[timing_at].strip())
        if not match:
            out.problems.append(
                (
                    line_no,
                    f"the cue timing {block[timing_at].strip()[:60]!r} is not 'HH:MM:SS.mmm --> HH:MM:SS.mmm' (minutes and seconds below 60, three decimals)",
                )
            )
            continue
        begin, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        payload = "\n".join(block[timing_at + 1 :]).strip()
        if end <= begin:
            out.problems.append((line_no, "the cue ends before it starts: the second time must be later than the first"))
        elif begin < previous_start:
            out.problems.append((line_no, "this cue starts before the previous one: put the cues in time order"))
        elif not payload:
            out.problems.append((line_no, "the cue has no text: write the words spoken, or remove the cue"))
        else:
            out.cues.append(Cue(begin, end, payload, line_no))
            previous_start = begin
    if not out.cues and not out.problems:
        out.problems.append((1, "the file has no cue: add the captions, each as a timing line and its text"))
    return out
