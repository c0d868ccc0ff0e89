"""The site built for, and served from, a sub-path (/hub/), as on GitHub Pages or a shared server."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from helpers import REPO, Server, build, html_pages, page_url

PREFIX = "/hub/"
# Where a page points the browser: what it loads and where its links lead.
REFERENCES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "track": "src",
    "iframe": "src",
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A server for a folder holding only hub/, and the site built into it for that address."""
    root = tmp_path_factory.mktemp("host")
    with Server(root) as server:
        base = server.url.rstrip("/") + PREFIX
        result = build(REPO, root / "hub", {"SITE_URL": base})
        assert result.returncode == 0, result.stdout + result.stderr
        yield root / "hub", base


class _References(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            return  # the public address of the page, checked below
        value = attrs.get(REFERENCES.get(tag, ""))
        if value and not value.startswith(("#", "mailto:", "data:")):
            self.found.append((tag, value))


def test_every_reference_of_every_page_stays_under_the_sub_path_and_exists(hub):
    site, base = hub
    host = urlsplit(base).netloc
    broken = []
    for page in html_pages(site):
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        own = base + page_url(site, page)
        for tag, value in parser.found:
            target = urlsplit(urljoin(own, value))
            if target.netloc != host:
                continue  # a source cited by a case, for the reader to follow
            path = target.path
            if not path.startswith(PREFIX):
                broken.append((page_url(site, page), tag, value, "leaves " + PREFIX))
                continue
            local = site / path[len(PREFIX) :]
            if not (local.is_file() or (local / "index.html").is_file()):
                broken.append((page_url(site, page), tag, value, "no such file"))
    assert broken == []


def test_canonical_addresses_and_the_sitemap_carry_the_sub_path(hub):
    site, base = hub
    assert f'<link rel="canonical" href="{base}ar/good-practices/">' in (site / "ar" / "good-practices" / "index.html").read_text(
        encoding="utf-8"
    )
    assert f"<loc>{base}ar/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.fixture
def visit(page, hub):
    """The tab, recording every response that failed."""
    failed = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.failed = failed
    return page


def assert_clean(page):
    """No 404 (or other failure), and nothing requested from outside 127.0.0.1."""
    assert page.failed == []
    outside = [
        u for u in page.requests if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:", "about:"))
    ]
    assert outside == []


def open_and_check(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(url.split("#")[0].split("?")[0].rsplit("/", 1)[0])


def test_home_library_case_and_language_switch_work_under_the_sub_path(visit, hub):
    _, base = hub
    page = visit
    open_and_check(page, base)
    assert page.locator("h1").count() == 1
    # The library, through the navigation tab.
    page.locator(".md-tabs__link", has_text="Cases").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + "good-practices/"
    cards = page.locator("a.hub-case__title")
    assert cards.count() > 10
    # A case, through its card.
    first = cards.first.get_attribute("href")
    cards.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(base + "good-practices/", first)
    case_path = page.url[len(base) :]
    assert page.locator("ol.hub-sources li").count() >= 1
    # The same case in Arabic, then back.
    page.locator("a.hub-language__link").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + "ar/" + case_path
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("a.hub-language__link").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + case_path
    # The home pages switch too (their alternates come from SITE_URL).
    page.goto(base)
    page.locator("a.hub-language__link").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base + "ar/"
    assert_clean(page)


@pytest.mark.parametrize("lang_prefix", ["", "ar/"])
def test_every_theme_link_of_the_home_page_works_under_the_sub_path(visit, hub, lang_prefix):
    _, base = hub
    page = visit
    page.goto(base + lang_prefix)
    links = [a.get_attribute("href") for a in page.locator(".hub-themes a").all()]
    assert len(links) == 5
    for href in links:
        target = urljoin(base + lang_prefix, href)
        assert target.startswith(base + lang_prefix + "themes/"), target
        open_and_check(page, target)
        assert page.locator("h1").count() == 1
    assert_clean(page)


def test_arabic_search_works_under_the_sub_path(visit, hub):
    _, base = hub
    page = visit
    page.goto(base + "ar/")
    page.locator("body").press("/")
    page.keyboard.type("عدالة")
    page.wait_for_selector(".hub-search__link", timeout=10_000)
    hits = [a.get_attribute("href") for a in page.locator(".hub-search__link").all()]
    paths = {urlsplit(urljoin(page.url, h)).path for h in hits}
    assert PREFIX + "ar/working-group/" in paths, hits
    assert all(p.startswith(PREFIX + "ar/") for p in paths), hits
    fetched = [urlsplit(u).path for u in page.requests if "/search/" in urlsplit(u).path]
    assert fetched and all(p.startswith(PREFIX + "ar/search/") for p in fetched), fetched
    page.keyboard.press("ArrowDown")
    # Enter opens the chosen result: wait for that page, not for the one
    # already loaded (whose load state is reached before the navigation starts).
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(base + "ar/", hits[0])
    assert urlsplit(page.url).path.startswith(PREFIX + "ar/")
    assert_clean(page)
