"""Citation markers in a case's body: every figure cites a source, every marker has one.

A case cites its sources by number: `[1]`, `[2]`, or `[1][3]` for two, in the
order of its `sources` list. This module finds, in the prose of a body (not in
its headings, code or link addresses):

- sentences that state a number, a date or a percentage (any digit, Western or
  Arabic-Indic) and carry no marker: a warning while the content catches up,
  an error once `UNCITED_FIGURES_ARE_ERRORS` is switched on;
- markers whose number is not the position of a source: always an error.

`link()` turns the same markers into links to the numbered source list, so
what is checked and what is linked cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# The one switch: False during a period of grace in which content gets its
# markers (uncited figures are warnings); True (now) since all content complies.
UNCITED_FIGURES_ARE_ERRORS = True

# A run of markers: [2] or [2][3]. Not the label of a reference link ([text][2],
# preceded by "]"), nor the text of an inline link ([2](https://...)).
MARKER_RUN = re.compile(r"(?<![\]\\])(?:\[\d{1,3}\])+(?!\()")
MARKER = re.compile(r"\[(\d{1,3})\]")
DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
# A line that opens with a tag is raw HTML, not prose (the safety rules judge it).
HTML_BLOCK = re.compile(r"^\s{0,3}</?[A-Za-z!]")
# A line that starts a block of its own: a list item, a quote, a table row.
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|>|\|)")
# The mark that opens a list item or a quote, which is not part of its first sentence.
ITEM_MARK = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?")
# Parts of a line that are not prose; blanked out (same length) so that
# columns and markers keep their place.
NOT_PROSE = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|\]\([^)]*\)"  # a link's address: [text](https://...)
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>"  # autolinks <https://...>
    r"|https?://\S+"  # bare addresses
    r"|<!--.*?-->"  # comments
    r"|</?[A-Za-z][^>]*>"  # inline tags and their attributes
    r"|\{[^}]*\}",  # attribute lists
    re.I,
)
# A sentence ends with . ! ? ؟ or …, the markers that follow it, then a space.
SENTENCE_END = re.compile(r"[.!?؟…]+(?:\s*\[\d{1,3}\])*(?=\s+\S)")
# Words after which a full stop does not end the sentence.
ABBREVIATIONS = re.compile(
    r"(?:\b(?:No|Nos|no|n|nº|Art|art|arts|p|pp|para|paras|vol|ch|cf|e\.g|i\.e|etc|approx|ca|St|Dr|Mr|Mrs|Ms|vs|Inc|Ltd|Co|Jr|Sr)"
    r"|(?<![\w.])[A-Z])\.$"
)
# Longer than any abbreviation above with the character before it.
ABBREVIATION_WINDOW = 16


def _outside_code(body: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, line, whether it may hold prose) of each line; fenced code blocks hold none."""
    fence = None
    for offset, line in enumerate(body.split("\n")):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            yield offset, line, False
        elif opened:
            fence = opened.group(1)
            yield offset, line, False
        else:
            yield offset, line, not (HEADING.match(line) or HTML_BLOCK.match(line))


# Every part NOT_PROSE finds holds one of these characters.
NOT_PROSE_SIGNS = re.compile(r"[`\]<{]|https?:", re.I)


def _blank(line: str, fill: str = " ") -> str:
    """The line with what is not prose (code, addresses, tags) overwritten, at the same length."""
    if not NOT_PROSE_SIGNS.search(line):
        return line  # most lines: plain prose
    return NOT_PROSE.sub(lambda m: fill * len(m.group(0)), line)


def _prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, with all that is not prose blanked out."""
    for offset, line, prose in _outside_code(body):
        yield first_line + offset, _blank(line) if prose else ""


def _blocks(body: str, first_line: int) -> Iterator[list[tuple[int, str]]]:
    """Paragraphs and list items: runs of prose lines, split at blank lines and block starts."""
    block: list[tuple[int, str]] = []
    for number, text in _prose_lines(body, first_line):
        if not text.strip() or BLOCK_START.match(text):
            if block:
                yield block
            text = ITEM_MARK.sub(lambda m: " " * len(m.group(0)), text)
            block = [(number, text)] if text.strip() else []
        else:
            block.append((number, text))
    if block:
        yield block


def sentences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line where it starts, text) of every sentence of prose in a Markdown body."""
    for block in _blocks(body, first_line):
        text, starts = "", []  # starts: (offset in text, line number)
        for number, line in block:
            starts.append((len(text), number))
            text += line + " "
        begin = 0
        # Only the few characters before a full stop can make it an abbreviation's.
        ends = [
            m.end()
            for m in SENTENCE_END.finditer(text)
            if not ABBREVIATIONS.search(text[max(0, m.start() - ABBREVIATION_WINDOW) : m.start() + 1])
        ]
        for end in ends + [len(text)]:
            sentence = text[begin:end]
            if sentence.strip():
                lead = begin + len(sentence) - len(sentence.lstrip())
                line = max(number for offset, number in starts if offset <= lead)
                yield line, sentence.strip()
            begin = end


def _excerpt(sentence: str, limit: int = 70) -> str:
    text = " ".join(sentence.replace("**", "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def problems(body: str, first_line: int, source_count: int) -> list[tuple[int, str, str]]:
    """(line, severity, message) for each uncited figure and each marker without a source."""
    found = []
    uncited = "error" if UNCITED_FIGURES_ARE_ERRORS else "warning"
    for line, sentence in sentences(body, first_line):
        if not DIGIT.search(sentence):
            continue  # no figure, nothing to cite
        markers = [int(n) for run in MARKER_RUN.findall(sentence) for n in MARKER.findall(run)]
        if DIGIT.search(MARKER_RUN.sub("", sentence)) and not markers:
            found.append(
                (
                    line,
                    uncited,
                    f"«{_excerpt(sentence)}» states a figure or a date without a source: add the marker of the source that gives it, e.g. [1]",
                )
            )
    for line, text in _prose_lines(body, first_line):
        for run in MARKER_RUN.finditer(text):
            for n in MARKER.findall(run.group(0)):
                if not 1 <= int(n) <= source_count:
                    have = (
                        f"cite one of [1] to [{source_count}]"
                        if source_count > 1
                        else "cite [1]"
                        if source_count == 1
                        else "add the source to `sources` first"
                    )
                    found.append(
                        (
                            line,
                            "error",
                            f"the marker [{n}] points to no source: the case lists {source_count} source{'s' if source_count != 1 else ''}; {have}",
                        )
                    )
    return sorted(found, key=lambda p: p[0])


def markers(body: str) -> list[int]:
    """The numbers of the markers in the prose of a body, in reading order."""
    return [int(n) for _, text in _prose_lines(body, 1) for run in MARKER_RUN.findall(text) for n in MARKER.findall(run)]


def link(body: str, source_count: int, render: Callable[[int], str]) -> str:
    """The body with every marker of a known source replaced by render(n), outside code."""
    out = []
    for _, line, prose in _outside_code(body):
        if not prose:
            out.append(line)
            continue
        prose = _blank(line, "\0")
        pieces, last = [], 0
        for run in MARKER_RUN.finditer(prose):
            pieces.append(line[last : run.start()])
            pieces.append(
                MARKER.sub(
                    lambda m: render(int(m.group(1))) if 1 <= int(m.group(1)) <= source_count else m.group(0), line[run.start() : run.end()]
                )
            )
            last = run.end()
        out.append("".join(pieces) + line[last:])
    return "\n".join(out)
