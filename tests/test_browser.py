"""The built site in real Chromium: languages, direction, search, hosts, accessibility."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

import axe
from helpers import html_pages, page_url, real_report


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
    page.goto(server.url + "ar/assessment-method/")
    direction = page.evaluate("() => getComputedStyle(document.querySelector('.md-content p')).direction")
    assert direction == "rtl"
    # The navigation of a section is mirrored: its sidebar sits on the right of the content.
    content = page.locator(".md-content").bounding_box()
    nav = page.locator(".md-sidebar--primary").bounding_box()
    assert nav["x"] > content["x"]


@pytest.mark.parametrize(
    "start, target",
    [
        ("themes/womens-leadership-and-good-governance/", "ar/themes/womens-leadership-and-good-governance/"),
        ("ar/working-group/", "working-group/"),
        ("", "ar/"),
    ],
)
def test_the_language_switch_leads_to_the_same_page(page, server, start, target):
    page.goto(server.url + start)
    page.locator("a.hub-language__link").click()
    page.wait_for_load_state()
    assert page.url == server.url + target
    assert_only_local(page.requests)


def search(page, text):
    """Search from the keyboard only, as a reader would: the shortcut, then typing."""
    page.locator("body").press("/")
    assert page.evaluate("() => document.activeElement.id") == "hub-search-input"
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.wait_for_function(
        "() => { const s = document.querySelector('.hub-search__status'); return s.textContent && !s.closest('form').hasAttribute('aria-busy'); }",
        timeout=10_000,
    )
    return [a.get_attribute("href") for a in page.locator(".hub-search__link").all()]


def paths(page, hrefs):
    return [urlsplit(urljoin(page.url, h)).path for h in hrefs]


def test_arabic_search_finds_a_word_without_its_article(page, server):
    page.goto(server.url + "ar/")
    # The working-group page has «العدالة» only with its article; the reader types «عدالة».
    hits = paths(page, search(page, "عدالة"))
    assert "/ar/working-group/" in hits, hits
    assert all(h.startswith("/ar/") for h in hits), hits
    assert_only_local(page.requests)


@pytest.mark.parametrize("typed, other", [("البلديات", "بلديات"), ("وتونس", "تونس"), ("مرشحة", "المرشحات"), ("إدارة", "اداره")])
def test_arabic_word_forms_find_the_same_pages(page, server, typed, other):
    page.goto(server.url + "ar/")
    first = search(page, typed)
    page.goto(server.url + "ar/")
    assert first and set(first) == set(search(page, other))


@pytest.mark.parametrize("lang, query", [("", "quota"), ("", "2018"), ("ar/", "2018"), ("ar/", "كوتا")])
def test_results_are_in_the_readers_language_only(page, server, lang, query):
    page.goto(server.url + lang)
    hits = paths(page, search(page, query))
    assert hits
    assert all(h.startswith("/ar/") == bool(lang) for h in hits), hits
    fetched = [urlsplit(u).path for u in page.requests if "/search/" in urlsplit(u).path]
    assert fetched and all(p.startswith("/" + lang + "search/") for p in fetched), fetched


@pytest.mark.parametrize("lang, query", [("", "candidates"), ("ar/", "مرشحة")])
def test_search_by_keyboard_only(page, server, lang, query):
    page.goto(server.url + lang + "working-group/")
    hits = search(page, query)
    assert len(hits) >= 2
    status = page.locator("#hub-search-status")
    assert status.get_attribute("role") == "status"
    # The count follows the language's plural rules (Arabic has six forms).
    total = page.evaluate(
        "() => window.hubSearch.index.search(document.getElementById('hub-search-input').value).then(r => r.numbers.length)"
    )
    texts = page.evaluate("() => JSON.parse(document.querySelector('form[data-hub-search]').dataset.plural)")
    lang_code = "ar" if lang else "en"
    form = page.evaluate("([n, l]) => n === 0 ? 'zero' : new Intl.PluralRules(l).select(n)", [total, lang_code])
    number = page.evaluate("([n, l]) => n.toLocaleString(l)", [total, lang_code])
    assert status.inner_text() == texts[form].replace("{n}", number)
    # Matched words are marked in the excerpts; nothing else but text in them.
    marks = page.locator(".hub-search__excerpt mark").all_inner_texts()
    assert marks
    query_terms = set(page.evaluate("([q, l]) => window.hubSearch.terms(q, l)", [query, lang_code])[0])
    assert any(
        query_terms & set(sum(page.evaluate("([w, l]) => window.hubSearch.terms(w, l)", [mark, lang_code]), [])) for mark in marks
    ), marks
    assert page.evaluate(
        "() => [...document.querySelectorAll('.hub-search__excerpt *')].every(e => e.tagName === 'MARK' && e.children.length === 0)"
    )
    assert axe.violations(page) == []
    # Arrows walk through the results and back to the field; Escape closes.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == hits[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == hits[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.id") == "hub-search-input"
    # Tab leads through the case filters to the results.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "hub-search-filter-theme"
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == hits[0]
    page.keyboard.press("Escape")
    assert page.locator("#hub-search-results").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "hub-search-input"
    # Back to the results, and Enter follows one, in the same language.
    page.keyboard.press("ArrowDown")
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    page.wait_for_selector("#hub-search-results:not([hidden]) .hub-search__link")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == paths(page, hits[:1])[0]
    assert page.locator("html").get_attribute("lang") == lang_code
    assert_only_local(page.requests)


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


@pytest.mark.parametrize("lang, query", [("", "council"), ("ar/", "بلدية")])
def test_search_results_can_be_narrowed_to_a_country_from_the_keyboard(page, server, lang, query):

    country_of = {f"good-practices/{case_id}/": pick_meta(versions)["country"] for case_id, versions in real_report().cases.items()}
    page.goto(server.url + lang)

    def found():
        return [
            urlsplit(urljoin(page.url, a.get_attribute("href"))).path[len("/" + lang) :] for a in page.locator(".hub-search__link").all()
        ]

    search(page, query)
    everything = found()
    wanted = next(country_of[u] for u in everything if u in country_of)
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "hub-search-filter-country"
    while page.evaluate("() => document.activeElement.value") != wanted:
        page.keyboard.press("ArrowDown")
    page.wait_for_function("() => !document.querySelector('form[data-hub-search]').hasAttribute('aria-busy')")
    narrowed = found()
    assert narrowed and len(narrowed) <= len(everything)
    assert all(country_of.get(u) == wanted for u in narrowed), (wanted, narrowed)


def pick_meta(versions):
    return next(iter(versions.values())).meta


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_nothing_of_the_search_index_is_fetched_before_the_reader_reaches_the_field(page, server, lang):
    page.goto(server.url + lang)
    page.wait_for_load_state("networkidle")

    def fetched():
        return [urlsplit(u).path for u in page.requests if "/search/" in urlsplit(u).path or "search-engine" in u]

    assert fetched() == []
    assert not any("workers/search" in u or "lunr" in u for u in page.requests), "Material's search is gone"
    with page.expect_response(lambda response: response.url.endswith("/meta.json")):
        page.locator("#hub-search-input").focus()
    page.wait_for_load_state("networkidle")
    assert fetched() == ["/assets/hub/search-engine.js", "/" + lang + "search/meta.json"]


def test_words_are_read_alike_in_the_browser_and_in_the_index(page, server, site):
    """search.js and hub.search.text give every word of the site the same terms,
    and the browser ranks the evaluation queries as the Python searcher does."""
    import search_eval
    from hub.model.languages import DEFAULT
    from hub.search import searcher, text

    for lang, prefix in (("en", ""), ("ar", "ar/")):
        index = searcher(site, lang, DEFAULT)
        pages = {}
        for number in range(index.meta["n"]):
            found = index.page(number)
            pages[found["u"]] = found["t"] + " " + found["x"]
        # Words as written, with their marks, punctuation and digits.
        words = sorted({w for t in pages.values() for w in t.split()} | {"Régions", "٢٠١٨", "مُرَشَّحَة", "مرشـــحة", "مسؤول‌ة"})
        page.goto(server.url + prefix)
        page.locator("#hub-search-input").focus()
        page.wait_for_function("() => window.hubSearch")
        in_browser = page.evaluate("([ws, l]) => ws.map(w => window.hubSearch.terms(w, l))", [words, lang])
        assert [[list(pair) for pair in text.terms(w, lang)] for w in words] == in_browser
        queries = [q.text for q in search_eval.QUERIES[lang](pages)]
        ranked = page.evaluate("qs => Promise.all(qs.map(q => window.hubSearch.index.search(q).then(r => r.numbers)))", queries)
        assert ranked == [index.search(q) for q in queries]
