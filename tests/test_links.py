"""No broken internal link or anchor anywhere: pages, sitemap and feeds, both languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from helpers import html_pages, page_url

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "track": "src",
    "audio": "src",
    "video": "src",
    "iframe": "src",
}


MEDIA_TIME = re.compile(r"t=\d+")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.has_player = [], set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("audio", "video"):
            self.has_player = True
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        value = attrs.get(LINK_ATTRS.get(tag, ""), None)
        if value:
            self.links.append((tag, value))


def parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def local_target(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    return target / "index.html" if url.split("#")[0].split("?")[0].endswith("/") or target.is_dir() else target


def test_no_broken_internal_link_or_anchor(site, server):
    base = server.url
    ids_cache: dict[Path, _Collector] = {}
    broken = []
    for page in html_pages(site) + [site / "404.html"]:
        own = base + page_url(site, page)
        for tag, link in parse(page).links:
            if link.startswith(("mailto:", "javascript:", "data:", "blob:")):
                continue
            absolute = urljoin(own, link)
            if not absolute.startswith(base):
                continue  # another site: sources a reader may follow
            target = local_target(site, absolute[len(base) - 1 :])
            if not target.exists():
                broken.append(f"{page_url(site, page)}: {tag} {link} -> missing {target.relative_to(site)}")
                continue
            fragment = urlsplit(absolute).fragment
            if fragment and target.suffix == ".html":
                parsed = ids_cache.setdefault(target, parse(target))
                # "#t=65" on an episode page is a time in the recording, which the player seeks.
                if MEDIA_TIME.fullmatch(fragment) and parsed.has_player:
                    continue
                if unquote(fragment) not in parsed.ids:
                    broken.append(f"{page_url(site, page)}: {link} -> no anchor #{fragment}")
    assert broken == []


def test_sitemap_and_feeds_point_at_real_files(site, server):
    base = server.url
    checked = 0
    for xml_file in sorted(site.rglob("*.xml")):
        root = ET.parse(xml_file).getroot()
        for element in root.iter():
            values = [element.text or ""] + list(element.attrib.values())
            for value in values:
                value = value.strip()
                if value.startswith(base):
                    checked += 1
                    target = local_target(site, value[len(base) - 1 :])
                    assert target.exists(), f"{xml_file.relative_to(site)}: {value}"
    assert checked > 50
