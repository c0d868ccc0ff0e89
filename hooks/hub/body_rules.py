"""Checks on the Markdown body of contributed content: safety and structure.

Contributed Markdown is rendered into pages every reader opens, so anything
that could run script is refused with its line, before any page is built.
"""

from __future__ import annotations

import re
from typing import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
DANGEROUS_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style|form|base|meta|link|svg|math)\b", re.I)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
DANGEROUS_URL = re.compile(
    r"(\]\(\s*<?|\]:\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?)\s*(javascript|data|vbscript)\s*:",
    re.I,
)
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


def unsafe_markup(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, message) for every construct that could run script."""
    lowered = body.lower()
    if "<" not in body and not any(scheme in lowered for scheme in ("javascript", "data", "vbscript")):
        return  # most bodies: no markup and no risky address at all (a fast test)
    for number, line in _lines_outside_code(body, first_line):
        if match := DANGEROUS_TAG.search(line):
            yield number, f"raw <{match.group(1).lower()}> is not allowed in content: remove it (write plain Markdown)"
        if EVENT_HANDLER.search(line):
            yield number, "an inline event handler (on...=) is not allowed in content: remove it"
        if match := DANGEROUS_URL.search(line):
            yield number, f"a {match.group(2).lower()}: link is not allowed (it can run code in the reader's browser): link to a https:// page"


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
