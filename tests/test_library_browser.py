"""The library's filters in real Chromium: combine, count, address, keyboard, no-JS."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import axe
from helpers import close_context, real_report

CASES = real_report().cases


def expected_ids(theme=None, case_type=None, country=None, phase=None):
    out = set()
    for case_id, versions in CASES.items():
        meta = versions["en"].meta
        if theme and theme not in meta["themes"]:
            continue
        if case_type and meta["type"] != case_type:
            continue
        if country and meta["country"] != country:
            continue
        if phase and meta["phase"] not in (phase, "both"):
            continue
        out.add(case_id)
    return out


def visible_ids(page):
    hrefs = page.eval_on_selector_all("ul.hub-cases > li:not([hidden]) a.hub-case__title", "els => els.map(e => e.getAttribute('href'))")
    return {h.rstrip("/").split("/")[-1] for h in hrefs}


def test_theme_and_type_filters_combine_and_update_the_count_and_address(page, server):
    page.goto(server.url + "good-practices/")
    assert page.locator("#hub-filters").is_visible()
    page.select_option("#filter-theme", "A")
    page.select_option("#filter-type", "faltering-implementation")
    wanted = expected_ids(theme="A", case_type="faltering-implementation")
    assert wanted and visible_ids(page) == wanted
    count = page.locator("#hub-count").inner_text()
    assert str(len(wanted)) in count or (len(wanted) == 1 and "1 case" in count)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"theme": ["A"], "type": ["faltering-implementation"]}


def test_a_shared_address_restores_the_filters(page, server):
    page.goto(server.url + "good-practices/?theme=A&phase=office&country=FR")
    assert page.locator("#filter-theme").input_value() == "A"
    assert page.locator("#filter-phase").input_value() == "office"
    assert visible_ids(page) == expected_ids(theme="A", phase="office", country="FR")


def test_unknown_values_in_the_address_are_ignored(page, server):
    page.goto(server.url + "good-practices/?theme=Z&type=<script>")
    assert page.locator("#filter-theme").input_value() == ""
    assert visible_ids(page) == set(CASES)


def test_no_match_says_so_and_clearing_shows_everything(page, server):
    page.goto(server.url + "good-practices/")
    themes_of = {t for v in CASES.values() for t in v["en"].meta["themes"]}
    # A country and a theme no case shares.
    pair = next(
        (theme, v["en"].meta["country"])
        for theme in sorted(themes_of)
        for v in CASES.values()
        if not expected_ids(theme=theme, country=v["en"].meta["country"])
    )
    page.select_option("#filter-theme", pair[0])
    page.select_option("#filter-country", pair[1])
    assert visible_ids(page) == set()
    assert page.locator("#hub-count").inner_text() == "No case matches these filters."
    page.locator("#hub-filters button[type=reset]").click()
    page.wait_for_function("() => document.querySelectorAll('ul.hub-cases > li[hidden]').length === 0")
    assert visible_ids(page) == set(CASES)
    assert urlsplit(page.url).query == ""


def test_filters_work_with_the_keyboard_alone(page, server):
    page.goto(server.url + "good-practices/")
    page.locator("#filter-type").focus()
    page.keyboard.press("ArrowDown")  # the first option after "All"
    assert page.locator("#filter-type").input_value() == "good-practice"
    assert visible_ids(page) == expected_ids(case_type="good-practice")
    # The count is a polite live region, so screen readers hear the new total.
    assert page.locator("#hub-count").get_attribute("role") == "status"


def test_arabic_library_filters_and_counts_in_arabic(page, server):
    page.goto(server.url + "ar/good-practices/?theme=A")
    wanted = expected_ids(theme="A")
    assert visible_ids(page) == wanted
    count = page.locator("#hub-count").inner_text()
    assert count.startswith("تظهر")
    assert axe.violations(page) == []


def test_without_javascript_every_case_is_listed(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "good-practices/?theme=A")
    assert not page.locator("#hub-filters").is_visible()
    assert page.locator("ul.hub-cases > li").count() == len(CASES)
    assert page.locator("ul.hub-cases > li:visible").count() == len(CASES)
    close_context(context)
