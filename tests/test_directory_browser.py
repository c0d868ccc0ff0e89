"""The networks directory in real Chromium: filters without JavaScript, and the
self-assessment's results leading to the networks for a weak dimension."""

from __future__ import annotations

import json

import pytest

from helpers import close_context, real_report
from hub.model import assessment

BANK = assessment.load()
REPORT = real_report()
DIMENSIONS = {d["id"]: d for p in BANK["phases"] for d in p["dimensions"]}
HEADINGS = {"en": ("Kind of support", "Safety"), "ar": ("نوع الدعم", "السلامة والحماية")}


def root(server, lang: str) -> str:
    return server.url + ("ar/" if lang == "ar" else "")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_filters_work_with_javascript_turned_off(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(root(server, lang) + "networks/")
    group, value = HEADINGS[lang]
    filters = page.locator("nav.hub-network-filters")
    filters.get_by_text(group, exact=True).click()  # a <details> opens without script
    filters.get_by_role("link", name=value, exact=True).click()
    assert page.url == root(server, lang) + "networks/support/safety/"
    expected = sorted(e.id for e in REPORT.networks.values() if "safety" in e.meta["support"])
    shown = sorted(page.locator("li.hub-network").evaluate_all("items => items.map(i => i.id)"))
    assert shown == expected and len(expected) >= 2
    assert page.locator("[aria-current=page]").inner_text() == value
    close_context(context)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_weak_backing_or_safety_score_links_to_networks_that_open_at_their_entry(page, server, tmp_path, lang):
    weak = ("election-backing", "office-safety")
    answers = {ind["id"]: {"level": 1} for d in weak for ind in DIMENSIONS[d]["indicators"]}
    export = tmp_path / "weak.json"
    export.write_text(
        json.dumps(
            {
                "format": "hub-self-assessment",
                "bank": BANK["version"],
                "exported": "2026-01-15T10:00:00Z",
                "lang": lang,
                "phases": ["election", "office"],
                "answers": answers,
                "goals": {},
            }
        ),
        encoding="utf-8",
    )
    page.goto(root(server, lang) + "assessment/")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.wait_for_selector(".hub-start")
    page.set_input_files("#hub-import", str(export))
    page.wait_for_selector(".hub-results")
    for dimension in weak:
        links = page.locator(f'.hub-recommendation[data-dimension="{dimension}"] .hub-recommendation__networks a')
        page.wait_for_function(
            f"() => document.querySelectorAll('.hub-recommendation[data-dimension=\"{dimension}\"] .hub-recommendation__networks a').length > 1"
        )
        hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs[-1] == "../networks/" and all(h.startswith("../networks/#") for h in hrefs[:-1])
    first = page.locator('.hub-recommendation[data-dimension="office-safety"] .hub-recommendation__networks a').first
    target = first.get_attribute("href").split("#")[1]
    first.click()
    page.wait_for_url(f"**/networks/#{target}")
    assert page.locator(f"li.hub-network#{target}").is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "networks/",
        "ar/networks/",
        "ar/networks/support/mentoring/",
        "events/2024-05-virtual-kickoff/",
        "ar/events/2024-10-amman-workshop/",
        "ar/working-group/",
    ],
)
def test_directory_and_event_pages_have_no_accessibility_violations(page, server, path):
    import axe

    page.goto(server.url + path)
    page.locator("details.hub-network-filter").evaluate_all("items => items.forEach(d => d.open = true)")
    assert axe.violations(page) == []
