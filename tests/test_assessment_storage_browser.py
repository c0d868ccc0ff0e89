"""The self-assessment never loses or corrupts a reader's answers, in real Chromium.

Each test starts from something a reader's browser can really hold or be given:
stored data written by another version of the page or damaged on disk, storage
that is full or silently drops writes, export files from an older question
bank, and files that are not exports at all.
"""

from __future__ import annotations

import json

import pytest

import axe
from hub.model import strings
from test_assessment_browser import BANK, DIMENSIONS, answers_for, export_file, url

T = strings.load()
KEY = f"hub-assessment-v{BANK['version']}"
INDICATORS = [i["id"] for p in BANK["phases"] for d in p["dimensions"] for i in d["indicators"]]
FIRST, SECOND, THIRD = INDICATORS[:3]

# Storage that throws QuotaExceededError, as a full browser storage does, that
# drops writes silently, or that cannot be opened at all (blocked by the
# reader's settings); switched by window.__storageMode from the test.
STORAGE_MODES = """
(() => {
  const realSet = Storage.prototype.setItem;
  window.__storageMode = sessionStorage.getItem("test-storage-mode") || "ok";
  if (window.__storageMode === "blocked") {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  }
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage && window.__storageMode === "full") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    if (this === window.localStorage && window.__storageMode === "silent") return;
    return realSet.call(this, key, value);
  };
})();
"""


def state(answers, **fields):
    return {
        "format": "hub-self-assessment",
        "bank": BANK["version"],
        "phases": ["election"],
        "answers": answers,
        "goals": {},
        "step": 0,
        "view": "start",
        **fields,
    }


@pytest.fixture
def errors(page):
    """Uncaught errors in the page: there must be none."""
    found = []
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


@pytest.fixture
def stored(page, server):
    """Open the assessment with `value` (text) stored under `key`, storage behaving as `mode`."""
    page.add_init_script(STORAGE_MODES)

    def open_with(values, lang="en", mode="ok"):
        page.goto(url(server, lang))
        page.evaluate(
            """([values, mode]) => {
            localStorage.clear();
            for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
            sessionStorage.setItem("test-storage-mode", mode);
        }""",
            [values, mode],
        )
        page.reload()
        page.set_default_timeout(5000)
        page.wait_for_selector(".hub-view > section")
        return page

    return open_with


def storage_mode(page, mode):
    page.evaluate("(mode) => { window.__storageMode = mode; sessionStorage.setItem('test-storage-mode', mode); }", mode)


def local(page, key):
    return page.evaluate("(key) => localStorage.getItem(key)", key)


def owned_keys(page):
    return sorted(page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('hub-assessment'))"))


def violations(page):
    """axe's findings once transitions (focus and hover colours) have ended."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return axe.violations(page)


@pytest.mark.parametrize(
    "odd",
    [
        {"step": 0.5, "view": "questions"},
        {"step": "2", "view": "questions"},
        {"step": -3, "view": "questions"},
        {"step": 1e300, "view": "questions"},
        {"step": None, "view": "results"},
        {"phases": "election", "view": "questions"},
        {"phases": [["election"]], "view": "results"},
        {"view": {"toString": "questions"}},
        {"goals": ["a goal"]},
        {"exported": 2026},
    ],
)
def test_odd_fields_in_stored_answers_never_blank_the_page(stored, errors, odd):
    answers = {FIRST: {"level": 2}, SECOND: {"level": "dk", "note": "Asked the party."}}
    page = stored({KEY: json.dumps(state(answers, **odd))})
    assert errors == []
    assert page.locator(".hub-view h2").first.is_visible()
    assert page.evaluate("() => window.hubAssessment.state.answers") == answers
    if page.locator(".hub-step").count():
        assert page.is_checked(f"#hub-{FIRST}-2")
    page.reload()  # and again after the page has saved its repaired state
    page.wait_for_selector(".hub-view h2")
    assert page.evaluate("() => window.hubAssessment.state.answers") == answers
    assert errors == []


def test_a_level_stored_as_text_is_kept_not_dropped(stored):
    page = stored({KEY: json.dumps(state({FIRST: {"level": "3"}, SECOND: {"level": 1}}))})
    page.click(".hub-start .md-button--primary")
    assert page.is_checked(f"#hub-{FIRST}-3")
    page.check(f"#hub-{THIRD}-4")  # a save
    saved = json.loads(local(page, KEY))["answers"]
    assert saved[FIRST] == {"level": 3} and saved[SECOND] == {"level": 1} and saved[THIRD] == {"level": 4}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_answers_that_cannot_be_read_are_set_aside_and_the_rest_kept(stored, lang):
    raw = json.dumps(
        state({FIRST: {"level": 2}, SECOND: {"level": 9, "note": "My own words."}, THIRD: {"level": "high"}, "constructor": {"level": 3}})
    )
    page = stored({KEY: raw}, lang)
    warning = page.locator(".hub-message--warning").first
    assert warning.inner_text().startswith(T[lang]["assess_storage_partial"].format(dropped=3, kept=2))
    assert local(page, "hub-assessment-damaged") == raw
    assert violations(page) == []
    with page.expect_download() as download:
        page.click(f"text={T[lang]['assess_download_damaged']}")
    assert download.value.path().read_text(encoding="utf-8") == raw
    page.click(".hub-start .md-button--primary")
    assert page.is_checked(f"#hub-{FIRST}-2")
    assert page.input_value(f"#hub-{SECOND}-note") == "My own words."
    page.check(f"#hub-{THIRD}-1")  # the next save writes the readable part ...
    assert set(json.loads(local(page, KEY))["answers"]) == {FIRST, SECOND, THIRD}
    assert local(page, "hub-assessment-damaged") == raw  # ... and the original is still kept


def test_a_second_damaged_copy_does_not_replace_the_first(stored):
    first = "{not json"
    raw = json.dumps(state({FIRST: {"level": 7}}))
    page = stored({KEY: raw, "hub-assessment-damaged": first})
    assert local(page, "hub-assessment-damaged") == first
    copies = [k for k in owned_keys(page) if k.startswith("hub-assessment-damaged-")]
    assert len(copies) == 1 and local(page, copies[0]) == raw


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_with_storage_full_nothing_is_said_to_be_set_aside_and_the_original_stays(stored, lang):
    raw = json.dumps(state({FIRST: {"level": 2}, SECOND: {"level": 9}}))
    page = stored({KEY: raw}, lang, mode="full")
    warning = page.locator(".hub-message--warning").first
    assert warning.inner_text().startswith(T[lang]["assess_storage_not_set_aside"][:40])
    assert T[lang]["assess_storage_corrupt"] not in page.locator(".hub-messages").inner_text()
    assert local(page, KEY) == raw
    assert local(page, "hub-assessment-damaged") is None
    assert violations(page) == []
    # New answers do not overwrite the only copy before it has been downloaded.
    page.click(".hub-start .md-button--primary")
    storage_mode(page, "ok")
    page.check(f"#hub-{FIRST}-4")
    assert local(page, KEY) == raw
    alert = page.locator(".hub-save-status [role=alert], .hub-save-status[role=alert]").first
    assert alert.inner_text().strip() == T[lang]["assess_save_held"]
    with page.expect_download() as download:
        page.click(f"text={T[lang]['assess_download_damaged']}")
    assert download.value.path().read_text(encoding="utf-8") == raw
    page.check(f"#hub-{FIRST}-3")
    assert json.loads(local(page, KEY))["answers"][FIRST] == {"level": 3}
    assert page.locator(".hub-save-status").inner_text().strip() == ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_failed_save_is_announced_every_time_until_a_save_succeeds(stored, lang):
    page = stored({}, lang)
    page.click(".hub-start .md-button--primary")
    # Counts what the alert region is given: each new message is announced.
    page.evaluate("""() => { window.__announced = 0;
        new MutationObserver(list => list.forEach(m => window.__announced += m.addedNodes.length))
          .observe(document.querySelector('.hub-save-status'), {childList: true}); }""")
    storage_mode(page, "full")
    page.check(f"#hub-{FIRST}-2")
    status = page.locator(".hub-save-status")
    assert status.inner_text().strip() == T[lang]["assess_save_failed"]
    assert page.locator(".hub-save-status [role=alert], .hub-save-status[role=alert]").count() == 1
    assert violations(page) == []
    page.check(f"#hub-{SECOND}-3")
    assert page.evaluate("() => window.__announced") == 2
    page.type(f"#hub-{SECOND}-note", "abc")  # typing: shown all along, announced once
    assert status.inner_text().strip() == T[lang]["assess_save_failed"]
    assert page.evaluate("() => window.__announced") == 2
    page.click(".hub-step .md-button--primary")  # moving on tries again, and fails again
    assert page.evaluate("() => window.__announced") == 3
    page.check(f"#hub-{DIMENSIONS['election-law']['indicators'][0]['id']}-3")
    assert status.inner_text().strip() == T[lang]["assess_save_failed"]
    storage_mode(page, "ok")
    page.check(f"#hub-{DIMENSIONS['election-law']['indicators'][1]['id']}-3")
    assert status.inner_text().strip() == ""
    assert len(json.loads(local(page, KEY))["answers"]) == 4
    storage_mode(page, "full")
    page.fill(f"#hub-{DIMENSIONS['election-law']['indicators'][2]['id']}-note", "A note")
    assert status.inner_text().strip() == T[lang]["assess_save_failed"]


def test_a_write_that_storage_drops_silently_is_reported(stored):
    page = stored({}, mode="silent")
    page.click(".hub-start .md-button--primary")
    page.check(f"#hub-{FIRST}-2")
    assert page.locator(".hub-save-status").inner_text().strip() == T["en"]["assess_save_failed"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_blocked_storage_is_said_and_stays_said_while_answering(page, server, errors, lang):
    page.add_init_script(STORAGE_MODES)
    page.set_default_timeout(5000)
    page.goto(url(server, lang))
    page.evaluate("() => sessionStorage.setItem('test-storage-mode', 'blocked')")
    page.reload()
    page.wait_for_selector(".hub-start")
    status = page.locator(".hub-save-status")
    assert status.inner_text().strip() == T[lang]["assess_storage_unavailable"]
    page.click(".hub-start .md-button--primary")
    page.check(f"#hub-{FIRST}-2")
    assert status.inner_text().strip() == T[lang]["assess_storage_unavailable"]
    assert page.is_checked(f"#hub-{FIRST}-2")
    assert errors == []


def test_erase_removes_every_key_the_page_owns(stored, errors):
    older = json.dumps({**state({FIRST: {"level": 4}}), "bank": 0})
    page = stored(
        {
            KEY: json.dumps(state({FIRST: {"level": 1}})),
            "hub-assessment-v0": older,
            "hub-assessment-damaged": "{damaged",
            "hub-assessment-damaged-1700000000000": "{also damaged",
            "another-site-key": "not ours",
        }
    )
    # Asked in the page; Escape changes nothing and gives the focus back.
    page.focus("#hub-erase")
    page.keyboard.press("Enter")
    page.locator("dialog.hub-confirm[open]").wait_for()
    assert page.locator("#hub-confirm-text").inner_text() == T["en"]["assess_erase_confirm"]
    assert page.evaluate("() => document.activeElement.id") == "hub-confirm-no"
    assert violations(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.id") == "hub-erase"
    assert len(owned_keys(page)) == 4
    page.keyboard.press("Enter")
    page.click("#hub-confirm-yes")
    page.wait_for_selector(f"text={T['en']['assess_erased']}")
    assert owned_keys(page) == []
    assert local(page, "another-site-key") == "not ours"
    page.reload()
    page.wait_for_selector(".hub-start")
    assert page.locator(".hub-message").count() == 0  # no carried-over answers come back
    page.click(".hub-start .md-button--primary")
    assert not page.is_checked(f"#hub-{FIRST}-4") and not page.is_checked(f"#hub-{FIRST}-1")
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_import_asks_before_replacing_and_can_be_undone(stored, tmp_path, lang):
    mine = json.dumps(state({FIRST: {"level": 1, "note": "Mine."}}, phases=["election", "office"], view="results"))
    page = stored({KEY: mine}, lang)
    before = json.loads(local(page, KEY))
    other = export_file(tmp_path, "other.json", answers_for({"election-law": [4, 4, 4, 4]}))
    page.set_input_files("#hub-import", str(other))
    dialog = page.locator("dialog.hub-confirm[open]")
    dialog.wait_for()
    assert T[lang]["assess_import_confirm"].format(current=1, incoming=4) == dialog.locator("#hub-confirm-text").inner_text()
    assert page.evaluate("() => !!document.activeElement.closest('dialog.hub-confirm')")
    assert violations(page) == []
    # Escape keeps everything as it was, and says so.
    page.keyboard.press("Escape")
    assert dialog.count() == 0
    assert json.loads(local(page, KEY)) == before
    assert T[lang]["assess_import_cancelled"] in page.locator(".hub-messages").inner_text()
    assert T[lang]["assess_imported"].split("{")[0] not in page.locator(".hub-messages").inner_text()
    # Again, and replace, with the keyboard alone.
    page.set_input_files("#hub-import", str(other))
    dialog.wait_for()
    for _ in range(6):
        if page.evaluate("() => document.activeElement.id") == "hub-confirm-yes":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "hub-confirm-yes"
    page.keyboard.press("Enter")
    page.wait_for_selector(".hub-results")
    replaced = json.loads(local(page, KEY))["answers"]
    assert set(replaced) == {i["id"] for i in DIMENSIONS["election-law"]["indicators"]}
    undo = page.locator("#hub-undo")
    assert undo.is_visible()
    assert violations(page) == []
    undo.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"text={T[lang]['assess_undone']}")
    assert json.loads(local(page, KEY))["answers"] == before["answers"]
    assert page.locator("#hub-undo").count() == 0


def test_import_into_empty_answers_needs_no_question(stored, tmp_path):
    page = stored({})
    page.set_input_files("#hub-import", str(export_file(tmp_path, "a.json", answers_for({"election-law": [4, 4, 4, 4]}))))
    page.wait_for_selector(".hub-results")
    assert page.locator("dialog.hub-confirm").count() == 0
    assert len(json.loads(local(page, KEY))["answers"]) == 4


@pytest.mark.parametrize(
    "answers",
    [
        {"constructor": {"level": 3}, "toString": {"level": 2}, "__proto__": {"level": 4}, "hasOwnProperty": {"level": 1}},
        {FIRST: {"level": 0}, SECOND: {"level": 2.5}, THIRD: {"level": "maybe"}},
        {FIRST: "3", SECOND: [3], THIRD: None},
        {},
    ],
)
def test_an_import_with_no_usable_answer_says_so_and_changes_nothing(stored, tmp_path, errors, answers):
    mine = json.dumps(state({FIRST: {"level": 1}}))
    page = stored({KEY: mine})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "hub-self-assessment", "bank": BANK["version"], "answers": answers}), encoding="utf-8")
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(f"text={T['en']['assess_import_empty']}")
    assert "Answers loaded" not in page.locator(".hub-assessment").inner_text()
    assert page.locator("dialog.hub-confirm").count() == 0
    assert local(page, KEY) == mine
    assert errors == []


def test_unknown_and_prototype_ids_are_dropped_with_a_count(stored, tmp_path):
    page = stored({})
    answers = {FIRST: {"level": 3}, "constructor": {"level": 3}, "toString": {"level": 2}, "no-such-statement": {"level": 2}}
    path = tmp_path / "mixed.json"
    # "__proto__" written by hand: json.dumps of a dict cannot hold it twice, and a browser parses it as an own key.
    text = json.dumps({"format": "hub-self-assessment", "bank": BANK["version"], "answers": answers, "goals": {"constructor": "x"}})
    text = text.replace('"answers": {', '"answers": {"__proto__": {"level": 4}, ', 1)
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(".hub-results")
    assert T["en"]["assess_import_dropped"].format(dropped=5) in page.locator(".hub-messages").inner_text()
    saved = json.loads(local(page, KEY))
    assert list(saved["answers"]) == [FIRST] and saved["goals"] == {}
    assert page.evaluate("() => Object.getPrototypeOf(window.hubAssessment.state.answers) === Object.prototype")


def older_export(tmp_path, name, answers):
    """An export from version 0 of the bank: some statements since removed."""
    return export_file(tmp_path, name, {**answers, "election-removed-1": {"level": 1}, "office-removed-2": {"level": 4}}, version=0)


def test_older_exports_are_migrated_by_statement_for_import_compare_and_workshop(stored, server, tmp_path, errors):
    page = stored({})
    law = [i["id"] for i in DIMENSIONS["election-law"]["indicators"]]
    page.set_input_files("#hub-import", str(older_export(tmp_path, "old.json", answers_for({"election-law": [1, 1, 1, 1]}))))
    page.wait_for_selector(".hub-results")
    assert T["en"]["assess_import_dropped"].format(dropped=2) in page.locator(".hub-messages").inner_text()
    assert sorted(json.loads(local(page, KEY))["answers"]) == sorted(law)
    # Compare this year's answers with last year's file.
    page.set_input_files("#hub-import", str(export_file(tmp_path, "now.json", answers_for({"election-law": [4, 4, 4, 4]}))))
    page.click("#hub-confirm-yes")
    page.wait_for_selector(".hub-results")
    page.set_input_files("#hub-compare", str(older_export(tmp_path, "last-year.json", answers_for({"election-law": [1, 1, 1, 1]}))))
    page.wait_for_selector(".hub-compare tr[data-dimension=election-law]")
    assert page.locator(".hub-compare tr[data-dimension=election-law] td").all_inner_texts() == ["0", "100", "+100"]
    assert T["en"]["assess_import_dropped"].format(dropped=2) in page.locator(".hub-compare").inner_text()
    # A workshop mixing this year's and last year's files.
    page.goto(url(server, "en", "assessment-workshop/"))
    files = [
        older_export(tmp_path, "p1.json", answers_for({"election-law": [1, 1, 1, 1]})),
        export_file(tmp_path, "p2.json", answers_for({"election-law": [4, 4, 4, 4]})),
    ]
    page.set_input_files("#hub-workshop-files", [str(f) for f in files])
    page.wait_for_selector(".hub-workshop-output table")
    assert page.locator(".hub-workshop-output .hub-count").inner_text() == T["en"]["assess_workshop_count"].format(n=2)
    assert T["en"]["assess_workshop_dropped"].format(name="p1.json", dropped=2) in page.locator(".hub-workshop-output").inner_text()
    assert page.locator(".hub-workshop-output tr[data-dimension=election-law] td").all_inner_texts()[2] == "50"
    assert errors == []


HOSTILE = {
    "array.json": "[]",
    "null.json": "null",
    "number.json": "5",
    "string.json": '"hub-self-assessment"',
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "deep-answers.json": '{"format": "hub-self-assessment", "bank": 1, "answers": ' + '{"a": ' * 20_000 + "1" + "}" * 20_000 + "}",
    "bank-as-text.json": '{"format": "hub-self-assessment", "bank": "1", "answers": {}}',
    "bank-fraction.json": '{"format": "hub-self-assessment", "bank": 0.5, "answers": {}}',
    "answers-null.json": '{"format": "hub-self-assessment", "bank": 1, "answers": null}',
    "goals-array.json": '{"format": "hub-self-assessment", "bank": 1, "answers": {}, "goals": [1, 2]}',
}


def test_hostile_import_files_give_a_message_never_an_error(stored, tmp_path, errors):
    mine = json.dumps(state({FIRST: {"level": 1}}))
    page = stored({KEY: mine})
    for name, text in HOSTILE.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files("#hub-import", str(path))
        page.wait_for_selector(".hub-messages .hub-message--warning")
        assert page.locator(".hub-messages .hub-message--warning").count() == 1, name
        page.evaluate("() => document.querySelector('.hub-messages').textContent = ''")
    assert local(page, KEY) == mine
    assert errors == []


def test_a_huge_file_is_refused_quickly_with_a_message(stored, tmp_path, errors):
    page = stored({})
    path = tmp_path / "huge.json"
    answers = {f"statement-{n}": {"level": 3, "note": "n" * 1900} for n in range(3000)}
    path.write_text(json.dumps({"format": "hub-self-assessment", "bank": 1, "answers": answers}), encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    page.set_input_files("#hub-import", str(path))
    page.wait_for_selector(f"text={T['en']['assess_import_too_big'].format(size=1)}", timeout=5000)
    assert owned_keys(page) == []
    assert errors == []
