"""The Content-Security-Policy every page carries, as a <meta> element.

A static host cannot be relied on to send headers, so each page states its own
policy: scripts only from the site itself plus the exact inline scripts of the
page's layout (by hash), no plugins, no <base> elsewhere, no form posts, and
frames only from the two privacy-respecting video players. Contributed text
is sanitised before it reaches a page; this policy is the layer behind that.
Headers that only a server can send are listed in the README ("Publishing").
"""

from __future__ import annotations

import base64
import hashlib
import re

from hub.media import external_video

# An inline <script> that runs: no src, and no type or a JavaScript type.
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<code>.*?)</script>", re.S | re.I)
DATA_TYPE = re.compile(r"""\stype\s*=\s*["']?(?!(?:text|application)/javascript|module)[^"'\s>]+""", re.I)

DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": sorted({f"https://{host}" for host in external_video.PLAYER_HOSTS}),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def script_hashes(layout_html: str) -> list[str]:
    """CSP hash sources for the inline scripts in `layout_html` (the page without its content)."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(layout_html):
        attrs = match["attrs"] or ""
        if re.search(r"\ssrc\s*=", attrs, re.I) or DATA_TYPE.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(match["code"].encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    parts = []
    for name, sources in DIRECTIVES.items():
        if name == "script-src":
            sources = sources + hashes
        parts.append(f"{name} {' '.join(sources)}")
    return "; ".join(parts)


def meta_element(hashes: list[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


def with_policy(page_html: str, content_html: str) -> str:
    """The finished page with its policy as the first element of <head>.

    Scripts inside the page's content (contributed or generated text) are
    never hashed: only the layout around it may run inline code.
    """
    layout = page_html.replace(content_html, "", 1) if content_html else page_html
    element = meta_element(script_hashes(layout))
    return re.sub(r"(<head[^>]*>)", lambda m: m[1] + element, page_html, count=1)
