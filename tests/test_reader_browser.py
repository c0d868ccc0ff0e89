"""A reader on a phone, in real Chromium (issue 13): no page scrolls sideways,
Arabic is never slanted, no stray Latin word sits on an Arabic page, the self-assessment's focus is never hidden under the
sticky header, its chart stays legible.

Every built page is opened once, in one tab, and measured at the three phone
widths (tests/reader_measures.py); the first tests read those measures.
"""

from __future__ import annotations

import pytest

import reader_measures
from helpers import close_context, html_pages
from hub.model import assessment
from reader_measures import WIDTHS, listing

BANK = assessment.load()


@pytest.fixture(scope="module")
def measures(browser, server, site):
    return reader_measures.measures(browser, server, site)


def test_every_page_was_measured(measures, site):
    assert len(measures) == len(html_pages(site)) > 100
    assert any(url.startswith("ar/") for url in measures) and any(not url.startswith("ar/") for url in measures)


def test_no_page_scrolls_sideways_on_a_phone(measures):
    wide = {
        url: {width: scroll for width, (scroll, client) in found["widths"].items() if scroll > client} for url, found in measures.items()
    }
    assert {url: widths for url, widths in wide.items() if widths} == {}


def test_arabic_pages_have_no_stray_latin_words(measures):
    # Every text node and spoken attribute of every Arabic page, outside an
    # element marked with another language and outside code, holds no Latin
    # word but those of hooks/hub/data/latin_allowlist.yml.
    arabic = {url: found for url, found in measures.items() if url.startswith("ar/")}
    assert len(arabic) > 50
    stray = {url: found["latin"] for url, found in arabic.items() if found["latin"]}
    assert stray == {}, listing(stray)


def test_no_arabic_text_is_slanted(measures):
    slanted = {url: found["slanted"] for url, found in measures.items() if found["slanted"]}
    assert slanted == {}, listing(slanted)


# ---------------------------------------------------------------- the self-assessment


def answers():
    return {
        indicator["id"]: {"level": 1 + (n % 4)}
        for phase in BANK["phases"]
        for dimension in phase["dimensions"]
        for n, indicator in enumerate(dimension["indicators"])
    }


def assessment_url(server, lang):
    return server.url + ("ar/" if lang == "ar" else "") + "assessment/"


FOCUS_PLACE = """
() => {
  const heading = document.activeElement.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const pill = document.querySelector('.md-top').getBoundingClientRect();
  const progress = document.querySelector('.hub-progress');
  return {id: document.activeElement.id, top: heading.top, bottom: heading.bottom, header: header.bottom,
          pill: pill.bottom, progress: progress ? progress.getBoundingClientRect().top : null, height: innerHeight};
}
"""


def assert_heading_in_view(page, where):
    place = page.evaluate(FOCUS_PLACE)
    assert place["id"] == "hub-step-title", where
    # Fully visible: below the sticky header and the back-to-top pill that
    # appears under it when the page scrolls up, and above the bottom edge.
    assert place["top"] >= max(place["header"], place["pill"]), (where, place)
    assert place["bottom"] <= place["height"], (where, place)
    assert place["progress"] >= place["pill"], (where, place)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_after_each_next_and_back_the_parts_heading_is_fully_visible(page, server, lang, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(assessment_url(server, lang))
    page.check("#hub-phase-both")
    page.click(".hub-start .md-button--primary")
    page.wait_for_selector("#hub-step-title:focus")
    parts = sum(len(phase["dimensions"]) for phase in BANK["phases"])
    assert_heading_in_view(page, "part 1")
    for part in range(2, parts + 1):
        page.click(".hub-step .md-button--primary")  # Next
        assert_heading_in_view(page, f"next to part {part}")
    for part in range(parts - 1, 0, -1):
        page.click(".hub-step .hub-buttons .md-button:not(.md-button--primary)")  # Back
        assert_heading_in_view(page, f"back to part {part}")


def save_answers(page, view: str, step: int = 0) -> None:
    """Both phases answered, saved in the page's storage as the app saves them."""
    state = {
        "format": "hub-self-assessment",
        "bank": BANK["version"],
        "phases": [p["id"] for p in BANK["phases"]],
        "answers": answers(),
        "goals": {},
        "step": step,
        "view": view,
    }
    page.evaluate("(s) => localStorage.setItem('hub-assessment-v' + s.bank, JSON.stringify(s))", state)


CHART_TEXT = """
() => [...document.querySelectorAll('.hub-results .hub-chart *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
  .map(el => {
    // Text inside an SVG is scaled with it: what counts is the size on screen.
    const scale = el.ownerSVGElement ? el.getScreenCTM().a : 1;
    // A table may scroll inside its own box; the box itself must fit.
    const box = (el.closest('.hub-scroll') || el).getBoundingClientRect();
    return [el.textContent.trim(), parseFloat(getComputedStyle(el).fontSize) * scale, box.right, box.left];
  })
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_results_chart_is_legible_and_fits_a_320_px_screen(page, server, lang):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(assessment_url(server, lang))
    save_answers(page, "results")
    page.reload()
    page.wait_for_selector(".hub-results .hub-chart")
    texts = page.evaluate(CHART_TEXT)
    dimensions = [d["name"][lang] for p in BANK["phases"] for d in p["dimensions"]]
    # The chart names every dimension in full (and its table again).
    assert set(dimensions) <= {text for text, *_ in texts}
    small = [(text, size) for text, size, *_ in texts if size < 12]
    assert small == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    outside = [text for text, _, right, left in texts if right > 320.5 or left < -0.5]
    assert outside == []


RESTORED_PLACE = """
() => {
  const app = document.querySelector('.hub-assessment').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const heading = document.querySelector('.hub-assessment h2').getBoundingClientRect();
  return {focused: document.activeElement.matches('.hub-assessment h2'), app: app.top, header: header.bottom,
          heading: heading.bottom, height: innerHeight, scrolled: scrollY};
}
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("view", ["results", "questions"])
def test_a_reader_coming_back_lands_on_their_results_or_part_not_on_the_introduction(page, server, lang, view):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(assessment_url(server, lang))
    save_answers(page, view, step=3)
    page.reload()
    page.wait_for_selector(".hub-results .hub-chart" if view == "results" else "#hub-step-title")
    page.wait_for_function("() => document.activeElement.matches('.hub-assessment h2')")
    place = page.evaluate(RESTORED_PLACE)
    # The introduction is scrolled past; the app starts just below the sticky header.
    assert place["scrolled"] > 500, place
    assert place["header"] <= place["app"] <= place["header"] + 100, place
    assert place["heading"] <= place["height"], place
    # A first visit still starts at the top.
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.wait_for_selector(".hub-start")
    assert page.evaluate("() => scrollY") == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_without_javascript_the_assessment_explains_itself_and_leads_to_the_statements(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(assessment_url(server, lang))
    assert not page.locator(".hub-assessment__loading").is_visible()
    link = page.locator(".hub-assessment noscript a, .hub-assessment .hub-notice a").first
    assert link.is_visible()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(("ar/" if lang == "ar" else "") + "assessment-questions/")
    statements = [i["statement"][lang] for p in BANK["phases"] for d in p["dimensions"] for i in d["indicators"]]
    assert page.locator(".hub-questions__statement").all_inner_texts() == statements
    assert page.locator(".hub-questions__levels > li").count() == 4 * len(statements)
    close_context(context)


# ---------------------------------------------------------------- the header and the directory on a phone

TITLE_SHOWN = """
() => {
  // The name as shown (clamped to its lines) against the name laid out in full.
  const name = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = name.getBoundingClientRect();
  name.style.webkitLineClamp = 'unset';
  name.style.display = 'block';
  const full = name.getBoundingClientRect();
  name.removeAttribute('style');
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {text: name.textContent.trim(), shown: shown.height, full: full.height, wide: name.scrollWidth > name.clientWidth,
          inside: shown.top >= header.top && shown.bottom <= header.bottom};
}
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_site_name_in_the_header_is_shown_whole_on_a_phone(page, server, lang, width):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(server.url + ("ar/" if lang == "ar" else ""))
    name = page.evaluate(TITLE_SHOWN)
    assert name["text"]
    assert name["full"] <= name["shown"] + 1 and not name["wide"] and name["inside"], name


# WCAG 2.2 (2.5.8, target size minimum): each link or control is at least
# 24 x 24 CSS px, or a 24 px circle on its centre meets no other target. Links
# inside a sentence are exempt; links and controls hidden in a closed
# disclosure are not targets.
SMALL_TARGETS = """
() => {
  const targets = [...document.querySelectorAll('.md-content a[href], .md-content summary, .md-content button')]
    .filter(el => el.checkVisibility() && !el.closest('p'));
  const boxes = targets.map(el => el.getBoundingClientRect());
  const near = (box, x, y) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom)) < 12;
  return targets.flatMap((el, i) => {
    const box = boxes[i];
    if (box.width >= 24 && box.height >= 24) return [];
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    return boxes.some((other, j) => j !== i && near(other, x, y))
      ? [`${el.textContent.trim().slice(0, 40)} (${Math.round(box.width)} x ${Math.round(box.height)})`] : [];
  });
}
"""
DIRECTORY_PAGES = ["networks/", "networks/place/tn/", "working-group/", "events/2024-10-amman-workshop/"]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("width", [390, 1280])
def test_networks_and_events_links_are_large_enough_to_touch(page, server, lang, width):
    page.set_viewport_size({"width": width, "height": 800})
    small = {}
    for path in DIRECTORY_PAGES:
        page.goto(server.url + ("ar/" if lang == "ar" else "") + path)
        assert page.locator(".md-content a[href]").count() > 0, path
        if path == "networks/place/tn/":
            # The filter of the current place is open: its links count too.
            assert page.locator(".hub-network-filter[open] a").count() > 5
        if found := page.evaluate(SMALL_TARGETS):
            small[path] = found
    assert small == {}


CHEVRON = """
(summary) => {
  const box = summary.getBoundingClientRect();
  const mark = getComputedStyle(summary, '::after');
  const left = parseFloat(mark.left);  // the used value, from the summary's left edge
  return {matrix: mark.transform, nearLeft: left < box.width / 2};
}
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_directory_filters_chevrons_follow_the_reading_direction(page, server, lang):
    page.goto(server.url + ("ar/" if lang == "ar" else "") + "networks/place/tn/")
    closed = page.locator(".hub-network-filter:not([open]) > summary").first
    opened = page.locator(".hub-network-filter[open] > summary").first
    shut, open_ = closed.evaluate(CHEVRON), opened.evaluate(CHEVRON)
    # Closed, the chevron sits at the end of the line and points onwards: to
    # the right in English (not turned), to the left in Arabic (turned half
    # round). Open, it points down (a quarter turn) in both.
    assert shut["nearLeft"] == (lang == "ar")
    assert shut["matrix"] == ("matrix(-1, 0, 0, -1, 0, 0)" if lang == "ar" else "matrix(1, 0, 0, 1, 0, 0)")
    assert open_["matrix"] == "matrix(0, 1, -1, 0, 0, 0)"
