"""How large and how strange a contributed file may be before it is read.

Every check must end in bounded time on any input, so a file is measured
before any parser sees it: its size, its longest line, its encoding.
"""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 256 * 1024  # the longest case today is about 12 KB
MAX_LINE = 20_000  # characters; a long Arabic paragraph is about 2,000


class Refused(Exception):
    """A file that is not read at all, with the line to point at and why."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def read_text(path: Path) -> str:
    """The file as text, or Refused when it is too large, too wide or not UTF-8."""
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise Refused(1, f"is larger than {MAX_BYTES // 1024} KB: split it or shorten it")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise Refused(1, f"cannot be read: {exc.strerror or exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise Refused(1, "starts with a byte-order mark (BOM, U+FEFF): save the file as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Refused(line, f"is not UTF-8 text (byte {data[exc.start]:#04x}): save the file as UTF-8") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            raise Refused(number, f"this line has {len(line):,} characters, the limit is {MAX_LINE:,}: break it into paragraphs")
    return text
