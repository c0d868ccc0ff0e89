"""The real site, built strictly: languages, alternates, hosts, sitemap, search index."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from helpers import html_pages, is_arabic, page_url, tags

MEDIA_ATTRS = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "track": "src",
    "a": "href",
}


def resolve(own_url: str, href: str) -> str:
    """The site path a link on the page at `own_url` leads to."""
    return urlsplit(urljoin("http://site/" + own_url, href)).path


def root_element(page):
    return next(attrs for tag, attrs in tags(page) if tag == "html")


def test_every_arabic_page_is_rtl_and_every_other_page_english(site):
    pages = html_pages(site)
    assert len(pages) > 20
    for page in pages:
        attrs = root_element(page)
        if is_arabic(site, page):
            assert (attrs.get("lang"), attrs.get("dir")) == ("ar", "rtl"), page
        else:
            assert (attrs.get("lang"), attrs.get("dir")) == ("en", "ltr"), page


def test_every_page_exists_in_both_languages(site):
    english = {page_url(site, p) for p in html_pages(site) if not is_arabic(site, p)}
    arabic = {page_url(site, p)[len("ar/") :] for p in html_pages(site) if is_arabic(site, p)}
    assert english == arabic


def test_language_alternates_pair_up(site):
    """Each page's hreflang links point at the same page in the other language."""
    for page in html_pages(site):
        alternates = {
            attrs["hreflang"]: attrs["href"]
            for tag, attrs in tags(page)
            if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs
        }
        assert set(alternates) == {"en", "ar"}, page
        own = page_url(site, page)
        english = own[len("ar/") :] if is_arabic(site, page) else own
        assert resolve(own, alternates["en"]) == "/" + english, (page, alternates)
        assert resolve(own, alternates["ar"]) == "/ar/" + english, (page, alternates)


def test_the_language_switch_leads_to_the_same_page(site):
    for page in html_pages(site):
        switches = [attrs for tag, attrs in tags(page) if tag == "a" and "hub-language__link" in attrs.get("class", "")]
        assert len(switches) == 1, page
        own = page_url(site, page)
        english = own[len("ar/") :] if is_arabic(site, page) else own
        expected = "/" + english if is_arabic(site, page) else "/ar/" + english
        assert resolve(own, switches[0]["href"]) == expected, (page, switches)


def test_no_page_loads_anything_from_another_host(site):
    for page in html_pages(site) + [site / "404.html"]:
        for tag, attrs in tags(page):
            attr = MEDIA_ATTRS.get(tag)
            value = attrs.get(attr or "", "") or ""
            if tag == "a":
                continue  # links to sources are for the reader to follow, not loaded
            if tag == "link" and attrs.get("rel") in ("alternate", "canonical"):
                continue  # the site's own addresses, never fetched by the page
            assert not re.match(r"^(https?:)?//", value), (page, tag, value)


def test_the_sitemap_lists_both_languages(site):
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in tree.findall(".//s:loc", ns)]
    assert any("/ar/" in loc for loc in locations)
    assert any("/ar/" not in loc for loc in locations)
    english_pages = [p for p in html_pages(site) if not is_arabic(site, p)]
    assert len(locations) == 2 * len(english_pages)
    for url in tree.findall("s:url", ns):
        assert {link.get("hreflang") for link in url.findall("x:link", ns)} == {"en", "ar"}


@pytest.mark.parametrize("lang_prefix", ["", "ar/"])
def test_every_page_searches_its_own_languages_index(site, lang_prefix):
    for page in [site / lang_prefix / "index.html", site / lang_prefix / "themes" / "womens-leadership-and-good-governance" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in text, "one search: the hub's, not Material's"
        form = re.search(r'<form class="hub-search"[^>]*data-hub-search="([^"]*)"', text)
        target = (page.parent / form.group(1)).resolve()
        assert target == (site / lang_prefix / "search").resolve()
        assert (target / "meta.json").exists()


@pytest.mark.parametrize("lang_prefix", ["", "ar/"])
def test_theme_pages_come_from_the_themes_file(site, lang_prefix):
    from hub.model import themes

    overview = html.unescape((site / lang_prefix / "themes" / "index.html").read_text(encoding="utf-8"))
    lang = "ar" if lang_prefix else "en"
    for theme in themes.load():
        assert theme.name[lang] in overview
        page = html.unescape((site / lang_prefix / "themes" / theme.slug / "index.html").read_text(encoding="utf-8"))
        assert theme.description[lang].split()[0] in page
