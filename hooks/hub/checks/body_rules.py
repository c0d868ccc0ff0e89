"""The structure of a contributed Markdown body: its level-2 sections.

(What the body may become in HTML is checked by safe_html, on the rendered
result, not here on the source.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING_2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def _lines_outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines with their file line numbers, skipping fenced code blocks."""
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield first_line + offset, line


def headings(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of every level-2 heading outside code blocks."""
    return [(n, m.group(1)) for n, line in _lines_outside_code(body, first_line) if (m := HEADING_2.match(line))]


def missing_or_misordered(found: list[tuple[int, str]], required: list[str], end_line: int) -> Iterator[tuple[int, str]]:
    """Compare the level-2 headings with the required ones, in order."""
    names = [text for _, text in found]
    for line, text in found:
        if text not in required:
            yield line, f"section {text!r} is not one of this type's sections; use: " + ", ".join(f"'## {r}'" for r in required)
    present = [r for r in required if r in names]
    for name in required:
        if name not in names:
            yield end_line, f"section '## {name}' is missing: add it"
    in_file = [text for text in names if text in required]
    if in_file != present and len(set(in_file)) == len(in_file):
        yield found[0][0], "sections are out of order; put them as: " + ", ".join(required)
    for name in set(in_file):
        if in_file.count(name) > 1:
            line = [ln for ln, t in found if t == name][1]
            yield line, f"section '## {name}' appears twice: merge them"
