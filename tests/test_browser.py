"""The built site in real Chromium: languages, direction, search, hosts, accessibility."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import axe
from helpers import html_pages, page_url


def assert_only_local(requests):
    remote = [u for u in requests if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:", "about:"))]
    assert remote == [], remote


@pytest.mark.parametrize("path, lang, heading", [("", "en", "Women in local leadership"), ("ar/", "ar", "النساء في القيادة المحلية")])
def test_home_renders_in_each_language(page, server, path, lang, heading):
    page.goto(server.url + path)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text().strip().rstrip("¶") == heading
    assert page.locator(".hub-themes li").count() == 5
    assert_only_local(page.requests)


def test_arabic_text_runs_right_to_left(page, server):
    page.goto(server.url + "ar/working-group/")
    direction = page.evaluate("() => getComputedStyle(document.querySelector('.md-content p')).direction")
    assert direction == "rtl"
    # The navigation is mirrored: the sidebar sits on the right of the content.
    content = page.locator(".md-content").bounding_box()
    nav = page.locator(".md-sidebar--primary").bounding_box()
    assert nav["x"] > content["x"]


@pytest.mark.parametrize("start, target", [("themes/c/", "ar/themes/c/"), ("ar/working-group/", "working-group/"), ("", "ar/")])
def test_the_language_switch_leads_to_the_same_page(page, server, start, target):
    page.goto(server.url + start)
    page.locator("a.hub-language__link").click()
    page.wait_for_load_state()
    assert page.url == server.url + target
    assert_only_local(page.requests)


def search(page, text):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    # Material searches on key events; filling alone does not start a search.
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_arabic_search_finds_a_word_without_its_article(page, server):
    page.goto(server.url + "ar/")
    # The working-group page has «العدالة» only with its article; the reader types «عدالة».
    hits = search(page, "عدالة")
    assert "/ar/working-group/" in {urlsplit(h).path for h in hits}, hits
    assert all(urlsplit(h).path.startswith("/ar/") for h in hits), hits
    assert_only_local(page.requests)


def test_arabic_search_with_the_article_finds_the_same_pages(page, server):
    page.goto(server.url + "ar/")
    with_article = search(page, "البلديات")
    page.goto(server.url + "ar/")
    without = search(page, "بلديات")
    assert set(with_article) == set(without)


def test_english_search_returns_english_pages_only(page, server):
    page.goto(server.url)
    hits = search(page, "quota")
    assert hits and not any(urlsplit(h).path.startswith("/ar/") for h in hits)


def test_every_page_has_no_serious_accessibility_violation(page, server, site):
    failures = {}
    for built in html_pages(site):
        url = server.url + page_url(site, built)
        page.goto(url)
        found = axe.violations(page)
        if found:
            failures[url] = found
    assert failures == {}
    assert_only_local(page.requests)
    assert page.failures == [], "no page asks for a missing file"


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_the_search_index_waits_for_the_reader_and_is_only_their_language(page, server, lang):
    page.goto(server.url + lang)
    page.wait_for_load_state("networkidle")
    assert not any("search_index" in u for u in page.requests)
    search(page, "quota" if not lang else "عدالة")
    fetched = [urlsplit(u).path for u in page.requests if "search_index" in u]
    assert fetched == ["/" + lang + "search/search_index.json"]
