"""The action plan written from the self-assessment's results, in real Chromium.

A reader picks up to five dimensions and writes, for each, a goal, a first
step, its date and who could help. The plan is kept with the answers (same
storage, same file), prints on one A4 page, and downloads as an iCalendar file
that the `icalendar` package reads back as a calendar application would.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import icalendar
import pytest

import axe
import test_assessment_storage_browser as storage_tests
from helpers import close_context
from hub.model import strings
from test_assessment_browser import (
    BANK,
    DIMENSIONS,
    answers_for,
    assert_only_local,
    complete_by_keyboard,
    export_file,
    planned,
    tab_until,
    url,
)
from test_assessment_storage_browser import local, state, storage_mode

T = strings.load()
# The storage tests' fixtures: uncaught page errors, and a page opened with given storage.
errors = storage_tests.errors
stored = storage_tests.stored
KEY = f"hub-assessment-v{BANK['version']}"
NAMES = {lang: {d["id"]: d["name"][lang] for p in BANK["phases"] for d in p["dimensions"]} for lang in ("en", "ar")}
# window.print() is replaced so that a test can look at what would print.
NO_PRINT_DIALOG = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"

# What a reader writes, per language; commas, semicolons, a backslash and a
# line break test the calendar's escaping, the length its line folding.
WRITTEN = {
    "en": {
        "election-rules": (
            "Know how the quota is applied in my district, and say so in public",
            "Meet the election authority's office; ask for the 2022 complaint rules\\procedures",
            "2027-03-15",
        ),
        "office-safety": ("Work without threats", "Write down every incident, with dates\nand witnesses", "2027-04-30"),
    },
    "ar": {
        "election-rules": (
            "أن أعرف كيف تُطبَّق الحصة في دائرتي، وأن أقول ذلك علنًا",
            "ألتقي مكتب هيئة الانتخابات؛ وأطلب قواعد الشكاوى\\الإجراءات",
            "2027-03-15",
        ),
        "office-safety": ("أن أعمل دون تهديد", "أدوّن كل حادثة، بتاريخها\nوشهودها", "2027-04-30"),
    },
}
RETAKE = "2027-09-01"


@pytest.fixture
def opened(page, stored):
    """The assessment in `lang` with only `values` stored, print dialogs stubbed."""
    page.add_init_script(NO_PRINT_DIALOG)

    def open_with(lang, values=None):
        stored(values or {}, lang).set_default_timeout(10_000)
        return page

    return open_with


def focused(page):
    return page.evaluate("() => document.activeElement.id")


def tab_to(page, element_id):
    tab_until(page, f"() => document.activeElement.id === {element_id!r}", 400)


def type_date(page, iso):
    """Type a date into Chromium's date field, whose parts come in the order of
    the browser's locale (not the page's language): month, day, year in en-US."""
    order = page.evaluate(
        """() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2027, 2, 15))
            .map(part => part.type).filter(type => ["day", "month", "year"].includes(type))"""
    )
    year, month, day = iso.split("-")
    page.keyboard.type("".join({"year": year, "month": month, "day": day}[part] for part in order))


def plan_in_storage(page):
    return json.loads(local(page, KEY))["plan"]


def write_plan_by_keyboard(page, lang):
    """Choose the two weakest dimensions, then fill in each one's fields."""
    tab_to(page, "hub-plan-pick-election-rules")
    page.keyboard.press("Space")
    assert T[lang]["assess_plan_added"].format(name=NAMES[lang]["election-rules"]) in page.locator(".hub-plan-status").inner_text()
    # The next box in the list (weakest first) is the next dimension.
    page.keyboard.press("Tab")
    assert focused(page) == "hub-plan-pick-office-safety"
    page.keyboard.press("Space")
    for dimension, (goal, step, iso) in WRITTEN[lang].items():
        base = f"hub-plan-{dimension}"
        tab_to(page, f"{base}-goal")
        page.keyboard.type(goal)
        page.keyboard.press("Tab")
        assert focused(page) == f"{base}-step"
        for n, line in enumerate(step.split("\n")):
            if n:
                page.keyboard.press("Shift+Enter")
            page.keyboard.type(line)
        page.keyboard.press("Tab")
        assert focused(page) == f"{base}-date"
        type_date(page, iso)
        # The first suggested network, and words of one's own.
        tab_to(page, f"{base}-networks-0")
        page.keyboard.press("Space")
        tab_to(page, f"{base}-other")
        page.keyboard.type("Rana, a councillor" if lang == "en" else "رنا، عضوة مجلس")
    tab_to(page, "hub-plan-retake")
    type_date(page, RETAKE)


def assert_plan_shown(page, lang):
    for dimension, (goal, step, iso) in WRITTEN[lang].items():
        base = f"#hub-plan-{dimension}"
        assert page.input_value(f"{base}-goal") == goal
        assert page.input_value(f"{base}-step") == step
        assert page.input_value(f"{base}-date") == iso
        assert page.is_checked(f"{base}-networks-0")
    assert page.input_value("#hub-plan-retake") == RETAKE


def press_for_download(page, element_id):
    tab_to(page, element_id)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    return download.value


def read_calendar(path):
    raw = path.read_bytes()
    return raw, icalendar.Calendar.from_ical(raw)


def assert_calendar(raw, calendar, lang, page):
    text = raw.decode("utf-8")
    # RFC 5545: CRLF line ends, lines of at most 75 octets, continuations start with a space.
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines), "long lines were folded"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 3 and len(set(events)) == 3
    assert all(e["DTSTAMP"].dt.tzinfo is not None for e in events.values())
    retake = next(e for uid, e in events.items() if "-retake@" in uid)
    steps = {next(d for d in WRITTEN[lang] if f"-{d}@" in uid): e for uid, e in events.items() if e is not retake}
    for dimension, (goal, step, iso) in WRITTEN[lang].items():
        event = steps[dimension]
        assert event["DTSTART"].dt == date.fromisoformat(iso)
        assert event["DTEND"].dt == date.fromisoformat(iso) + timedelta(days=1)
        assert str(event["SUMMARY"]) == T[lang]["assess_plan_ics_step"].format(step=step)
        assert event["SUMMARY"].params["LANGUAGE"] == lang
        description = str(event["DESCRIPTION"])
        assert T[lang]["assess_plan_ics_goal"].format(goal=goal) in description
        assert NAMES[lang][dimension] in description
        assert ("Rana, a councillor" if lang == "en" else "رنا، عضوة مجلس") in description
        assert "/networks/#" in description
    assert retake["DTSTART"].dt == date.fromisoformat(RETAKE)
    assert str(retake["SUMMARY"]) == T[lang]["assess_plan_ics_retake"]
    assert str(retake["URL"]) == page.url.split("#")[0]
    alarms = retake.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0]["TRIGGER"].dt == timedelta(hours=9)
    assert str(alarms[0]["DESCRIPTION"]) == T[lang]["assess_plan_ics_alarm"]


def assert_only_the_plan_prints(page, lang):
    page.emulate_media(media="print")
    sheet = page.locator(".hub-plan-sheet")
    assert sheet.is_visible()
    for dimension, (goal, step, _) in WRITTEN[lang].items():
        item = sheet.locator(f"li[data-dimension={dimension}]")
        assert item.locator("h3").inner_text() == NAMES[lang][dimension]
        assert goal in item.inner_text() and step.split("\n")[0] in item.inner_text()
    hidden = [".hub-plan-form", ".md-header", ".hub-tools", ".hub-bars", ".hub-weakest", ".md-content__inner > h1"]
    assert [s for s in hidden if page.locator(s).first.is_visible()] == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def pdf_pages(page, tmp_path, name):
    """Pages of the page printed to PDF (A4 and margins from its print style sheet)."""
    page.emulate_media(media="print")
    pdf = page.pdf(path=str(tmp_path / name), prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_plan_made_by_keyboard_prints_exports_comes_back_and_goes_to_a_calendar(opened, browser, server, tmp_path, errors, lang):
    page = opened(lang)
    complete_by_keyboard(page)
    write_plan_by_keyboard(page, lang)
    assert_plan_shown(page, lang)
    assert axe.violations(page) == []
    saved = plan_in_storage(page)
    assert [item["dimension"] for item in saved["items"]] == list(WRITTEN[lang])
    assert saved["retake"] == RETAKE
    # It survives a reload.
    page.reload()
    page.wait_for_selector(".hub-plan")
    assert_plan_shown(page, lang)

    # Print plan: the plan alone, on one A4 page.
    tab_to(page, "hub-plan-print")
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__printed") == 1
    assert page.evaluate("() => document.documentElement.classList.contains('hub-print-plan')")
    assert_only_the_plan_prints(page, lang)
    assert pdf_pages(page, tmp_path, "plan.pdf") == 1
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("() => document.documentElement.classList.contains('hub-print-plan')")

    # The calendar file.
    ics = tmp_path / "plan.ics"
    press_for_download(page, "hub-plan-ics").save_as(ics)
    raw, calendar = read_calendar(ics)
    assert_calendar(raw, calendar, lang, page)

    # The export holds the plan (file version 2); a fresh browser gets it back.
    exported = tmp_path / "export.json"
    press_for_download(page, "hub-export").save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["plan"] == saved
    context = browser.new_context()
    fresh = context.new_page()
    fresh.goto(url(server, lang))
    fresh.wait_for_selector(".hub-start")
    fresh.set_input_files("#hub-import", str(exported))
    fresh.wait_for_selector(".hub-plan")
    assert T[lang]["assess_plan_imported"].format(n=2, max=5) in fresh.locator(".hub-messages").inner_text()
    assert_plan_shown(fresh, lang)
    assert plan_in_storage(fresh) == saved
    close_context(context)
    assert_only_local(page)
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_five_full_dimensions_print_on_one_a4_page_and_fit_a_phone(opened, tmp_path, errors, lang):
    scored = sorted(DIMENSIONS)[:5]
    # Every field as long as the plan allows, in words of the page's language.
    words = {"en": "Meet the council's legal adviser about the quota rules, ", "ar": "ألتقي المستشارة القانونية للمجلس بشأن قواعد الحصة، "}[
        lang
    ] * 10
    items = [
        {"dimension": d, "goal": words[:160], "step": words[:160], "date": "2027-05-01", "other": words[:100], "helpers": []}
        for d in scored
    ]
    saved_state = state(
        answers_for({d: planned(d) for d in DIMENSIONS}),
        phases=["election", "office"],
        view="results",
        plan={"id": "plan-0123456789", "items": items, "retake": "2027-11-01"},
    )
    page = opened(lang, {KEY: json.dumps(saved_state)})
    page.wait_for_selector(".hub-plan")
    # Three suggestions per dimension, the most a plan holds, chosen in the page.
    for d in scored:
        boxes = page.locator(f".hub-plan-item[data-dimension={d}] .hub-plan-helpers input[type=checkbox]")
        for n in range(min(3, boxes.count())):
            boxes.nth(n).check()
        if boxes.count() > 3:
            assert boxes.nth(3).is_disabled()
    assert len(plan_in_storage(page)["items"]) == 5
    # No sixth dimension can be chosen, and the page says why.
    assert page.locator(".hub-plan-choice input:not(:checked)").first.is_disabled()
    assert page.locator("#hub-plan-count").inner_text() == T[lang]["assess_plan_full"].format(n=5, max=5)
    page.focus("#hub-plan-print")
    page.keyboard.press("Enter")
    assert_items = page.locator(".hub-plan-sheet li")
    page.emulate_media(media="print")
    assert assert_items.count() == 5 and assert_items.last.is_visible()
    assert pdf_pages(page, tmp_path, "five.pdf") == 1
    # On a 320 px phone, nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 700})
    page.locator("#hub-plan").scroll_into_view_if_needed()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    wide = page.evaluate("""() => [...document.querySelectorAll('.hub-plan *')]
        .filter(e => e.getBoundingClientRect().right > 321 || e.getBoundingClientRect().left < -1).map(e => e.outerHTML.slice(0, 80))""")
    assert wide == []
    assert errors == []


def test_retaking_shows_the_change_beside_the_plan(opened, tmp_path, errors):
    before = answers_for({d: [1] * len(DIMENSIONS[d]["indicators"]) for d in DIMENSIONS})
    plan = {
        "id": "plan-0123456789",
        "retake": "2027-09-01",
        "items": [
            {
                "dimension": "election-rules",
                "goal": "Know the quota rules",
                "step": "Meet the authority",
                "date": "2027-03-15",
                "helpers": [],
                "other": "",
            },
        ],
    }
    page = opened("en", {KEY: json.dumps(state(before, phases=["election", "office"], view="results", plan=plan))})
    page.focus("#hub-plan-retake-run")
    page.keyboard.press("Enter")
    page.locator("dialog.hub-confirm[open]").wait_for()
    assert focused(page) == "hub-confirm-no"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".hub-step")
    kept = json.loads(local(page, KEY))
    assert kept["answers"] == {} and kept["previous"]["answers"] == before and kept["previous"]["plan"] == plan
    # The new run: every statement one level up.
    for phase in BANK["phases"]:
        for dimension in phase["dimensions"]:
            for indicator in dimension["indicators"]:
                page.check(f"#hub-{indicator['id']}-2")
            page.click(".hub-step .md-button--primary")
    page.wait_for_selector(".hub-retake-compare")
    compare = page.locator(".hub-retake-compare")
    assert compare.locator("h3").inner_text() == T["en"]["assess_plan_compare_title"]
    assert compare.locator("thead th").all_inner_texts()[-1] == T["en"]["assess_plan_col_plan"]
    cells = compare.locator("tr[data-dimension=election-rules] td").all_inner_texts()
    assert cells[:3] == ["0", "33", "+33"]
    assert "Know the quota rules" in cells[3] and "Meet the authority" in cells[3] and "March 15, 2027" in cells[3]
    assert compare.locator("tr[data-dimension=election-law] td").all_inner_texts()[3] == T["en"]["assess_plan_not_in"]
    assert axe.violations(page) == []
    # Comparing with an earlier file shows the plan that file held.
    earlier = tmp_path / "earlier.json"
    earlier.write_text(
        json.dumps(
            {
                "format": "hub-self-assessment",
                "version": 2,
                "bank": BANK["version"],
                "answers": before,
                "plan": {"items": [{"dimension": "office-safety", "goal": "Work without threats"}]},
            }
        ),
        encoding="utf-8",
    )
    page.set_input_files("#hub-compare", str(earlier))
    page.wait_for_selector(".hub-compare tr[data-dimension=office-safety]")
    assert "Work without threats" in page.locator(".hub-compare tr[data-dimension=office-safety] td").last.inner_text()
    assert errors == []


def test_taking_out_a_dimension_with_writing_asks_first(opened, errors):
    plan = {"items": [{"dimension": "election-rules", "goal": "Mine", "helpers": []}]}
    page = opened("ar", {KEY: json.dumps(state(answers_for({"election-rules": [1, 1, 1]}), view="results", plan=plan))})
    box = "#hub-plan-pick-election-rules"
    page.focus(box)
    page.keyboard.press("Space")
    page.locator("dialog.hub-confirm[open]").wait_for()
    assert page.locator("#hub-confirm-text").inner_text() == T["ar"]["assess_plan_remove_confirm"].format(
        name=NAMES["ar"]["election-rules"]
    )
    assert axe.violations(page) == []
    page.keyboard.press("Escape")
    assert page.is_checked(box) and focused(page) == box[1:]
    assert plan_in_storage(page)["items"][0]["goal"] == "Mine"
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "hub-confirm-yes"
    page.keyboard.press("Enter")
    assert not page.is_checked(box) and focused(page) == box[1:]
    assert plan_in_storage(page)["items"] == []
    assert page.locator(".hub-plan-item").count() == 0
    assert errors == []


def test_a_calendar_with_nothing_dated_is_not_offered_empty(opened, errors):
    plan = {"items": [{"dimension": "election-rules", "goal": "Mine"}]}
    page = opened("en", {KEY: json.dumps(state(answers_for({"election-rules": [1, 1, 1]}), view="results", plan=plan))})
    page.focus("#hub-plan-ics")
    page.keyboard.press("Enter")
    assert page.locator(".hub-plan-status").inner_text().strip() == T["en"]["assess_plan_ics_none"]
    assert errors == []


def test_a_plan_is_saved_like_answers_and_a_full_storage_is_said(opened, errors):
    page = opened("en", {KEY: json.dumps(state(answers_for({"election-rules": [1, 1, 1]}), view="results"))})
    storage_mode(page, "full")
    page.focus("#hub-plan-pick-election-rules")
    page.keyboard.press("Space")
    assert page.locator(".hub-save-status").inner_text().strip() == T["en"]["assess_save_failed"]
    storage_mode(page, "ok")
    page.focus("#hub-plan-election-rules-goal")
    page.keyboard.type("Saved now")
    assert page.locator(".hub-save-status").inner_text().strip() == ""
    assert plan_in_storage(page)["items"][0]["goal"] == "Saved now"
    assert errors == []


def test_a_damaged_plan_in_storage_is_set_aside_and_the_answers_kept(opened, errors):
    answers = answers_for({"election-rules": [1, 1, 1]})
    raw = json.dumps(
        state(
            answers,
            view="results",
            plan={"items": [{"dimension": "election-rules", "goal": "g" * 5000, "date": "2027-02-30"}, {"dimension": "no-such-dimension"}]},
        )
    )
    page = opened("en", {KEY: raw})
    assert (
        page.locator(".hub-message--warning")
        .first.inner_text()
        .startswith(T["en"]["assess_storage_partial"].format(dropped=3, kept=3)[:60])
    )
    assert local(page, "hub-assessment-damaged") == raw
    page.wait_for_selector(".hub-plan-item")
    assert page.input_value("#hub-plan-election-rules-goal") == "g" * 160
    assert page.input_value("#hub-plan-election-rules-date") == ""
    assert page.evaluate("() => window.hubAssessment.state.answers") == answers
    assert errors == []


def hostile(items=None, **fields):
    return {
        "format": "hub-self-assessment",
        "version": 2,
        "bank": BANK["version"],
        "answers": answers_for({"election-law": [4, 4, 4, 4]}),
        "plan": {"items": items if items is not None else [], **fields.pop("plan", {})},
        **fields,
    }


ITEM = {"dimension": "election-rules", "goal": "A goal", "step": "A step", "date": "2027-03-15", "helpers": [], "other": ""}


@pytest.mark.parametrize(
    "name, data, expect",
    [
        # Wrong types: the item is kept with what can be read; the rest is counted.
        (
            "wrong-types",
            hostile([{**ITEM, "goal": 5, "step": ["x"], "date": 20270315, "helpers": "all", "other": {"a": 1}}]),
            {"dropped": 5, "goal": "", "date": ""},
        ),
        # Huge strings are clipped to the plan's limits.
        ("huge", hostile([{**ITEM, "goal": "x" * 100_000, "step": "y" * 5_000, "other": "z" * 999}]), {"clipped": 3, "goal": "x" * 160}),
        # More than five items: the first five are kept.
        ("seven", hostile([{**ITEM, "dimension": d} for d in list(DIMENSIONS)[:7]]), {"beyond": 2, "items": 5}),
        # Impossible or malformed dates.
        (
            "dates",
            hostile(
                [{**ITEM, "date": "2027-02-30"}, {**ITEM, "dimension": "office-safety", "date": "tomorrow"}], plan={"retake": "2027-13-01"}
            ),
            {"dropped": 3, "date": ""},
        ),
        # Prototype-pollution keys never become dimensions or settings.
        (
            "proto",
            hostile([{**ITEM, "dimension": "__proto__"}, {**ITEM, "dimension": "constructor"}, ITEM, ITEM]),
            {"dropped": 3, "items": 1},
        ),
        ("not-a-list", hostile(plan={"items": {"0": ITEM}}), {"dropped": 1, "items": 0}),
        # An earlier run that holds nothing usable is left out, counted once per part.
        ("previous", hostile([ITEM], previous={"date": 5, "answers": {"__proto__": {"level": 3}}, "plan": []}), {"dropped": 3, "items": 1}),
    ],
)
def test_hostile_plans_in_an_import_are_clipped_or_left_out_with_a_message(opened, tmp_path, errors, name, data, expect):
    page = opened("en")
    path = tmp_path / f"{name}.json"
    text = json.dumps(data)
    if name == "proto":
        text = text.replace('"plan": {', '"plan": {"__proto__": {"polluted": true}, ', 1).replace(
            '"goal": "A goal"', '"__proto__": {"polluted": true}, "goal": "A goal"', 1
        )
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(".hub-results")
    messages = page.locator(".hub-messages").inner_text()
    if "dropped" in expect:
        assert T["en"]["assess_import_dropped"].format(dropped=expect["dropped"]) in messages
    if "clipped" in expect:
        assert T["en"]["assess_plan_import_clipped"].format(n=expect["clipped"]) in messages
    if "beyond" in expect:
        assert T["en"]["assess_plan_import_beyond"].format(n=expect["beyond"], max=5) in messages
    plan = plan_in_storage(page)
    assert len(plan["items"]) == expect.get("items", len(plan["items"]))
    first = plan["items"][0] if plan["items"] else {}
    for field in ("goal", "date"):
        if field in expect:
            assert first[field] == expect[field]
    assert all(isinstance(v, str) for item in plan["items"] for k, v in item.items() if k != "helpers")
    assert page.evaluate("() => ({}).polluted === undefined && Object.getPrototypeOf(window.hubAssessment.state.plan) === Object.prototype")
    assert errors == []


@pytest.mark.parametrize("version, message", [(3, "assess_plan_import_newer"), ("2", "assess_import_bad"), (0, "assess_import_bad")])
def test_a_file_of_an_unknown_version_changes_nothing(opened, tmp_path, errors, version, message):
    mine = json.dumps(state(answers_for({"election-rules": [1, 1, 1]}), view="results", plan={"items": [ITEM]}))
    page = opened("en", {KEY: mine})
    path = tmp_path / "other.json"
    path.write_text(json.dumps({**hostile([ITEM]), "version": version}), encoding="utf-8")
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(".hub-messages .hub-message--warning")
    assert page.locator(".hub-messages").inner_text().strip() == T["en"][message].format(version=version)
    assert local(page, KEY) == mine
    assert errors == []


def test_an_older_file_without_a_plan_still_imports(opened, tmp_path, errors):
    page = opened("en")
    page.set_input_files("#hub-import", str(export_file(tmp_path, "v1.json", answers_for({"election-law": [4, 4, 4, 4]}))))
    page.wait_for_selector(".hub-plan")
    assert plan_in_storage(page) == {"items": [], "retake": ""}
    assert len(json.loads(local(page, KEY))["answers"]) == 4
    assert errors == []
