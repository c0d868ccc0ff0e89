"""External videos: which hosts are allowed and the privacy-friendly address to embed.

An embedded player from another host sees every reader who loads it, so the
page shows a placeholder and loads the player only when the reader asks. Only
YouTube (always through youtube-nocookie.com) and Vimeo (with do-not-track)
are allowed: a short list the placeholder text can name honestly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
ALLOWED = "youtube-nocookie.com, youtube.com or vimeo.com"
# The hosts whose players a page may frame, after the reader's click.
PLAYER_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")


@dataclass(frozen=True)
class Embed:
    provider: str  # "YouTube" or "Vimeo", as the placeholder names it
    src: str  # the address the iframe loads after the click
    host: str  # the host that address belongs to


def embed(address: str) -> Embed:
    """The embed for a video address; ValueError with a readable reason otherwise."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        raise ValueError(f"expected a https:// video address from {ALLOWED}")
    if host in YOUTUBE_HOSTS:
        path = parts.path.rstrip("/")
        video = (
            parse_qs(parts.query).get("v", [""])[0] if path == "/watch" else path.rsplit("/", 1)[-1] if path.startswith("/embed/") else ""
        )
        if not YOUTUBE_ID.fullmatch(video):
            raise ValueError("cannot find the YouTube video id: use an address like https://www.youtube.com/watch?v=XXXXXXXXXXX")
        return Embed("YouTube", f"https://{PLAYER_HOSTS[0]}/embed/{video}", PLAYER_HOSTS[0])
    if host in VIMEO_HOSTS:
        match = re.fullmatch(r"(?:/video)?/(\d+)/?", parts.path)
        if not match:
            raise ValueError("cannot find the Vimeo video number: use an address like https://vimeo.com/123456789")
        return Embed("Vimeo", f"https://{PLAYER_HOSTS[1]}/video/{match[1]}?dnt=1", PLAYER_HOSTS[1])
    raise ValueError(f"videos from {host} are not allowed (they could track readers); use {ALLOWED}, or ship the file under podcasts/")
