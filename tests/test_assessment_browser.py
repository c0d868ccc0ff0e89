"""The self-assessment in real Chromium, in both languages.

The expected scores below are worked out by hand from the published formula
(score = (mean level - 1) / 3 x 100, "don't know" and "not applicable" left
out); the scoring itself exists only in the page's JavaScript.
"""

from __future__ import annotations

import json

import pytest

import axe
from helpers import real_report
from hub.model import assessment
from hub.render import assessment_page, pages

BANK = assessment.load()
REPORT = real_report()
VALUES = [1, 2, 3, 4, "dk", "na"]
DIMENSIONS = {d["id"]: d for p in BANK["phases"] for d in p["dimensions"]}

# A known answer set: listed dimensions get these answers, every other one "3".
PLAN = {
    "election-leadership": [2, 3, 3, "dk"],  # mean 2.67 -> 56, Priority
    "election-law": [4, 4, 4, 4],  # 100, Strong
    "election-rules": [1, 1, 1],  # 0, Priority
    "election-backing": ["na"] * 5,  # no score
    "election-finance": [1, 2, 3, 4],  # mean 2.5 -> 50, Priority
    "office-policy": [4, 4, 4, 4, "dk"],  # 100, Strong
    "office-safety": [2, 2, 2, 2],  # mean 2 -> 33, Priority
}
EXPECTED = {
    "election-leadership": ("56", {"en": "Priority", "ar": "أولوية"}),
    "election-law": ("100", {"en": "Strong", "ar": "قوي"}),
    "election-rules": ("0", {"en": "Priority", "ar": "أولوية"}),
    "election-finance": ("50", {"en": "Priority", "ar": "أولوية"}),
    "election-communication": ("67", {"en": "Developing", "ar": "قيد التطوّر"}),
    "office-policy": ("100", {"en": "Strong", "ar": "قوي"}),
    "office-safety": ("33", {"en": "Priority", "ar": "أولوية"}),
}
NO_SCORE = {"en": "no score yet", "ar": "لا درجة بعد"}


def planned(dimension_id):
    dimension = DIMENSIONS[dimension_id]
    return PLAN.get(dimension_id, [3] * len(dimension["indicators"]))


def url(server, lang, page="assessment/"):
    return server.url + ("ar/" if lang == "ar" else "") + page


def tab_until(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def complete_by_keyboard(page):
    """Choose both phases and answer every statement with the keyboard alone."""
    tab_until(page, "() => document.activeElement.name === 'hub-phase'", 200)
    assert page.evaluate("() => document.activeElement.value") == "both"
    tab_until(page, "() => document.activeElement.matches('.hub-start .md-button--primary')")
    page.keyboard.press("Enter")
    for phase in BANK["phases"]:
        for dimension in phase["dimensions"]:
            # Focus moves to the new part's heading, so screen readers start there
            # (the first part waits for the details file).
            page.wait_for_function("() => document.activeElement.id === 'hub-step-title'", timeout=5_000)
            assert page.locator("#hub-step-title").inner_text() == dimension["name"][page.evaluate("() => document.documentElement.lang")]
            for indicator, value in zip(dimension["indicators"], planned(dimension["id"])):
                tab_until(page, f"() => document.activeElement.name === 'hub-{indicator['id']}'")
                index = VALUES.index(value)
                if index == 0:
                    page.keyboard.press("Space")
                for _ in range(index):
                    page.keyboard.press("ArrowDown")
                assert page.evaluate("() => document.activeElement.value") == str(value)
            tab_until(page, "() => document.activeElement.matches('.hub-step .md-button--primary')")
            page.keyboard.press("Enter")
    page.wait_for_selector(".hub-results")


def scores(page):
    rows = {}
    for row in page.locator(".hub-chart__table tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        rows[row.get_attribute("data-dimension")] = (cells[0], cells[1])
    return rows


def assert_expected_scores(page, lang):
    found = scores(page)
    for dimension_id, (score, band) in EXPECTED.items():
        assert found[dimension_id] == (score, band[lang]), dimension_id
    assert found["election-backing"][0] == NO_SCORE[lang]


@pytest.fixture
def fresh(page, server):
    def open_fresh(lang):
        page.goto(url(server, lang))
        page.evaluate("() => localStorage.clear()")
        page.reload()
        page.wait_for_selector(".hub-start")
        return page

    return open_fresh


def assert_only_local(page):
    remote = [u for u in page.requests if not u.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert remote == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_both_phases_by_keyboard_give_the_expected_scores_and_survive_a_reload(fresh, lang):
    page = fresh(lang)
    assert axe.violations(page) == []
    complete_by_keyboard(page)
    assert_expected_scores(page, lang)
    assert axe.violations(page) == []
    # Capacity and environment are charted separately, never combined.
    assert page.locator(".hub-results .hub-bars").count() == 4
    weakest = page.locator(".hub-weakest > li").first
    assert weakest.get_attribute("data-dimension") == "election-rules"
    # Its cases are the ones the build ranked by shared topics, in that order.
    ranked = assessment.recommendations(BANK, *assessment_page.candidates(REPORT.cases, REPORT.episodes))["election-rules"]["cases"]
    titles = [pages.pick(REPORT.cases[i], lang).meta["title"] for i in ranked]
    assert weakest.locator(".hub-recommendation__cases a").all_inner_texts() == titles
    # Recommendations also lead to episodes on the dimension's themes.
    assert page.locator(".hub-recommendation__episodes a").count() >= 1
    page.reload()
    page.wait_for_selector(".hub-results")
    assert_expected_scores(page, lang)
    assert_only_local(page)


def test_progress_is_announced_and_answers_survive_back_and_forward(fresh):
    page = fresh("en")
    page.click(".hub-start .md-button--primary")
    first = BANK["phases"][0]["dimensions"][0]["indicators"][0]["id"]
    page.check(f"#hub-{first}-3")
    page.fill(f"#hub-{first}-note", "I spoke with two councillors.")
    live = page.locator(".hub-assessment [role=status][aria-live=polite]").first
    assert "1 of 71 statements answered" in live.inner_text()
    assert axe.violations(page) == []  # the in-progress state
    page.click(".hub-step .md-button--primary")
    page.click(".hub-step .hub-buttons .md-button:not(.md-button--primary)")
    assert page.is_checked(f"#hub-{first}-3")
    assert page.input_value(f"#hub-{first}-note") == "I spoke with two councillors."


def answers_for(levels_by_dimension):
    answers = {}
    for dimension_id, levels in levels_by_dimension.items():
        for indicator, level in zip(DIMENSIONS[dimension_id]["indicators"], levels):
            answers[indicator["id"]] = {"level": level}
    return answers


def export_file(tmp_path, name, answers, version=BANK["version"]):
    path = tmp_path / name
    data = {
        "format": "hub-self-assessment",
        "bank": version,
        "exported": "2026-01-15T10:00:00Z",
        "lang": "en",
        "phases": ["election", "office"],
        "answers": answers,
        "goals": {},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_export_erase_import_restores_the_same_results(fresh, tmp_path):
    page = fresh("en")
    path = export_file(tmp_path, "start.json", answers_for({d: planned(d) for d in DIMENSIONS}))
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(".hub-results")
    page.fill("#hub-goal-election-rules", "Read the electoral law with a lawyer by March.")
    before = scores(page)
    with page.expect_download() as download:
        page.click("#hub-export")
    saved = tmp_path / "export.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["goals"]["election-rules"].startswith("Read the electoral law")
    page.click("#hub-erase")
    page.click("#hub-confirm-yes")
    page.wait_for_selector(".hub-start")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('hub-assessment-v'))") == []
    page.set_input_files("#hub-import", str(saved))
    page.wait_for_selector(".hub-results")
    assert scores(page) == before
    assert page.input_value("#hub-goal-election-rules").startswith("Read the electoral law")


def test_foreign_or_unknown_version_files_change_nothing(fresh, tmp_path):
    page = fresh("en")
    page.set_input_files("#hub-import", str(export_file(tmp_path, "mine.json", answers_for({"election-law": [4, 4, 4, 4]}))))
    page.wait_for_selector(".hub-results")
    stored = page.evaluate("() => localStorage.getItem('hub-assessment-v1')")
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": "world"}', encoding="utf-8")
    page.set_input_files("#hub-import", str(foreign))
    page.wait_for_selector("text=is not an export of this self-assessment")
    page.set_input_files("#hub-import", str(export_file(tmp_path, "future.json", {}, version=99)))
    page.wait_for_selector("text=version 99 of the questions")
    assert page.evaluate("() => localStorage.getItem('hub-assessment-v1')") == stored


def test_comparison_shows_the_change_per_dimension(fresh, tmp_path):
    page = fresh("en")
    page.set_input_files(
        "#hub-import", str(export_file(tmp_path, "now.json", answers_for({"election-law": [4, 4, 4, 4], "election-rules": [2, 2, 2]})))
    )
    page.wait_for_selector(".hub-results")
    earlier = export_file(tmp_path, "earlier.json", answers_for({"election-law": [1, 1, 1, 1], "election-rules": [2, 2, 2]}))
    page.set_input_files("#hub-compare", str(earlier))
    row = page.locator(".hub-compare tr[data-dimension=election-law] td")
    page.wait_for_selector(".hub-compare tr[data-dimension=election-law]")
    assert row.all_inner_texts() == ["0", "100", "+100"]
    assert page.locator(".hub-compare tr[data-dimension=election-rules] td").all_inner_texts() == ["33", "33", "0"]


@pytest.mark.parametrize(
    "stored",
    ["{not json", '{"format": "hub-self-assessment", "bank": 1, "answers": 5}', '"just a string"', "[]"],
)
def test_damaged_storage_is_set_aside_with_a_message(page, server, stored):
    page.goto(url(server, "en"))
    page.evaluate("(value) => { localStorage.clear(); localStorage.setItem('hub-assessment-v1', value); }", stored)
    page.reload()
    page.wait_for_selector(".hub-start")
    assert page.locator(".hub-message--warning").first.inner_text().startswith("Your saved answers could not be read")
    assert page.evaluate("() => localStorage.getItem('hub-assessment-damaged')") == stored
    with page.expect_download() as download:
        page.click("text=Download the damaged data")
    assert download.value.path().read_text(encoding="utf-8") == stored
    # The page still works: start and answer.
    page.click(".hub-start .md-button--primary")
    page.wait_for_selector(".hub-step")


def test_answers_of_an_older_bank_are_carried_over(page, server):
    first, second = BANK["phases"][0]["dimensions"][0]["indicators"][:2]
    older = {
        "format": "hub-self-assessment",
        "bank": 0,
        "phases": ["election"],
        "answers": {first["id"]: {"level": 4}, second["id"]: {"level": "dk"}, "a-statement-since-removed": {"level": 2}},
        "goals": {},
    }
    page.goto(url(server, "en"))
    page.evaluate("(value) => { localStorage.clear(); localStorage.setItem('hub-assessment-v0', value); }", json.dumps(older))
    page.reload()
    page.wait_for_selector(".hub-start")
    assert "(2 answers)" in page.locator(".hub-message").first.inner_text()
    assert page.evaluate("() => localStorage.getItem('hub-assessment-v0')") is not None
    page.click(".hub-start .md-button--primary")
    assert page.is_checked(f"#hub-{first['id']}-4")


def test_workshop_mode_combines_three_exports(page, server, tmp_path):
    rest = {d: [3] * len(DIMENSIONS[d]["indicators"]) for d in DIMENSIONS if d != "election-law"}
    files = [
        export_file(tmp_path, "a.json", answers_for({**rest, "election-law": [4, 4, 4, 4]})),
        export_file(tmp_path, "b.json", answers_for({**rest, "election-law": [1, 1, 1, 1]})),
        export_file(tmp_path, "c.json", answers_for({**rest, "election-law": [3, 3, 3, 3]})),
    ]
    junk = tmp_path / "notes.json"
    junk.write_text("not an export", encoding="utf-8")
    page.goto(url(server, "en", "assessment-workshop/"))
    page.set_input_files("#hub-workshop-files", [str(f) for f in files] + [str(junk)])
    page.wait_for_selector(".hub-workshop-output table")
    assert page.locator(".hub-workshop-output .hub-count").inner_text() == "3 files combined."
    assert "notes.json" in page.locator(".hub-workshop-output .hub-message--warning").inner_text()
    cells = page.locator(".hub-workshop-output tr[data-dimension=election-law] td").all_inner_texts()
    # Scores 100, 0 and 67: mean 56, one in each band.
    assert cells == ["My capacity", "3", "56", "0 – 100", "1", "1", "1"]
    assert page.locator(".hub-workshop-weakest li").first.get_attribute("data-dimension") == "election-law"
    assert axe.violations(page) == []
    assert_only_local(page)


def test_the_printed_report_shows_results_without_controls(fresh, tmp_path):
    page = fresh("ar")
    page.set_input_files("#hub-import", str(export_file(tmp_path, "print.json", answers_for({d: planned(d) for d in DIMENSIONS}))))
    page.wait_for_selector(".hub-results")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.hub-tools', '.hub-results .hub-buttons', '.md-sidebar--primary']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert set(hidden) == {"none"}
    assert page.locator(".hub-results .hub-bars").first.is_visible()
    pdf = page.pdf(format="A4", path=str(tmp_path / "report.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
