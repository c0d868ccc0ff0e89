"""Facts about shipped media files, measured from the files themselves.

Size, type and duration go into the podcast feed and the episode pages; a
podcast app trusts them to download and seek, so nobody types them by hand.
The type is read from the file's first bytes and must agree with its name.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

# Extension -> (MIME type, kind of episode it can carry).
TYPES = {
    ".mp3": ("audio/mpeg", "audio"),
    ".m4a": ("audio/mp4", "audio"),
    ".mp4": ("video/mp4", "video"),
}


class MediaError(Exception):
    """A media file that cannot be used, with a message for the contributor."""


@dataclass(frozen=True)
class MediaFile:
    size: int  # bytes
    mime: str
    duration: float  # seconds


def _sniffed_type(head: bytes) -> str | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "audio/mp4" if brand in (b"M4A ", b"M4B ") else "video/mp4"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    return None


def measure(path: Path) -> MediaFile:
    """Size, type and duration of an MP3, M4A or MP4 file; MediaError if unusable."""
    path = Path(path)
    expected = TYPES.get(path.suffix.lower())
    if expected is None:
        raise MediaError(f"{path.suffix or 'a file without extension'} is not a supported media type; use " + ", ".join(TYPES))
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(16)
    except FileNotFoundError:
        raise MediaError("the file does not exist: check the path (it is relative to podcasts/) or add the file") from None
    except OSError as exc:
        raise MediaError(f"the file cannot be read: {exc.strerror}") from None
    if size == 0:
        raise MediaError("the file is empty: its size cannot be read for the feed")
    found = _sniffed_type(head)
    mime = expected[0]
    # An .mp4 with an M4A brand is still MP4 audio-video to a browser; M4A must be audio.
    if found is None or (found != mime and not (mime == "video/mp4" and found == "audio/mp4")):
        raise MediaError(f"the file's content is not {mime} ({path.suffix} file): re-export it or rename it")
    duration = _duration(path, mime)
    return MediaFile(size, mime, duration)


def _duration(path: Path, mime: str) -> float:
    import mutagen
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4

    reader = MP3 if mime == "audio/mpeg" else MP4
    try:
        length = reader(path).info.length
    except (mutagen.MutagenError, OSError, ValueError, struct.error) as exc:
        raise MediaError(f"the duration cannot be read ({exc}): re-export the file") from None
    if not length or length <= 0:
        raise MediaError("the file has no playable length: re-export it")
    return float(length)


def image_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG or JPEG file; MediaError otherwise."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise MediaError(f"the image cannot be read: {exc.strerror}") from None
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                break
            marker = data[at + 1]
            length = struct.unpack(">H", data[at + 2 : at + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return width, height
            at += 2 + length
    raise MediaError("the image is not a readable PNG or JPEG file")


def clock(seconds: float) -> str:
    """1:05 or 1:02:05, as readers and podcast apps show a duration."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
