"""The solutions register: its check with lines, the seeded challenges, its pages in both languages, and the printed handout."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from helpers import REPO, examples, real_report, tags
from hub.model import strings, themes, urls
from hub.model.languages import LANGUAGES
from hub.support import solutions
from reader_measures import latin_words

THEMES = themes.load()
STRINGS = strings.load()
CASES = {"sample-quota", "sample-network-case"}

VALID = textwrap.dedent(
    """\
    id: sample-challenge
    themes: [A, B]
    phase: both
    title: {en: "A challenge", ar: "تحدٍّ"}
    description: {en: "What it is.", ar: "ما هو."}
    cases: [sample-quota]
    solutions_elsewhere:
      - description: {en: "What was done.", ar: "ما الذي فُعل."}
        cases: [sample-quota, sample-network-case]
    devised:
      - owner: {municipality: {en: "A town", ar: "بلدة"}, country: JO}
        description: {en: "The group's idea.", ar: "فكرة المجموعة."}
        status: in-progress
        agreed: 2024-10-17
        follow_ups:
          - date: 2025-03-10
            note: {en: "Under way.", ar: "جارٍ."}
        next_follow_up: 2025-10-15
    reviewed: 2026-11-30
    """
)


def _check(tmp_path: Path, files: dict[str, str], case_ids=CASES):
    folder = tmp_path / "solutions"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return solutions.check(folder, tmp_path, THEMES, case_ids)


def test_a_valid_challenge_passes_and_its_devised_solution_is_kept(tmp_path):
    entries, found, checked = _check(tmp_path, {"sample-challenge.yml": VALID})
    assert (checked, found) == (1, [])
    assert entries["sample-challenge"].meta["devised"][0]["status"] == "in-progress"


HOSTILE = textwrap.dedent(
    """\
    id: sample-challenge
    themes: [A, F]
    phase: during
    title: {en: "A challenge"}
    description: "only one language"
    solutions_elsewhere:
      - description: {en: "Done.", ar: "فُعل."}
        cases: sample-quota
      - description: {en: "Write to chair@example.org", ar: "فُعل."}
        cases: [Sample Quota]
    devised:
      - owner: {municipality: {en: "A town", ar: "بلدة"}, country: Jordan}
        description: {en: "Idea.", ar: "فكرة."}
        status: done
        agreed: 2024-13-01
        follow_ups:
          - date: "soon"
            note: {en: "x", ar: "س"}
      - owner: {municipality: {en: "A town", ar: "بلدة"}, country: JO}
        description: {en: "Idea.", ar: "فكرة."}
        status: proposed
        agreed: 2025-05-01
        follow_ups:
          - date: 2025-04-30
            note: {en: "Before the agreement.", ar: "قبل الاتفاق."}
        next_follow_up: 2024-01-01
    reviewed: 30/11/2026
    owner: someone
    """
)


def test_hostile_values_give_exactly_these_problems_on_their_lines(tmp_path):
    entries, found, _ = _check(tmp_path, {"sample-challenge.yml": HOSTILE})
    assert entries == {}
    assert sorted((p.line, p.field) for p in found) == [
        (2, "themes[2]"),
        (3, "phase"),
        (4, "title.ar"),
        (5, "description"),
        (8, "solutions_elsewhere[1].cases"),
        (9, "solutions_elsewhere[2].description.en"),
        (10, "solutions_elsewhere[2].cases[1]"),
        (12, "devised[1].owner.country"),
        (14, "devised[1].status"),
        (15, "devised[1].agreed"),
        (17, "devised[1].follow_ups[1].date"),
        (24, "devised[2].follow_ups[1].date"),
        (26, "devised[2].next_follow_up"),
        (27, "reviewed"),
        (28, "owner"),
    ]
    messages = {}
    for p in found:
        messages[p.field] = messages.get(p.field, "") + p.message + "\n"
    assert "'F' is not a theme" in messages["themes[2]"]
    assert "expected a list: write [sample-quota]" in messages["solutions_elsewhere[1].cases"]
    assert "e-mail" in messages["solutions_elsewhere[2].description.en"]
    assert (
        "(write it in capitals" not in messages["devised[1].owner.country"]
        and "for Jordan write JO" in messages["devised[1].owner.country"]
    )
    assert "2025-04-30 is before the day the solution was agreed (2025-05-01)" in messages["devised[2].follow_ups[1].date"]
    assert "2024-01-01 is before" in messages["devised[2].next_follow_up"]
    assert "expected a date written YYYY-MM-DD" in messages["reviewed"]


def test_a_case_that_does_not_exist_is_refused_on_its_line_with_the_nearest_id(tmp_path):
    text = VALID.replace("cases: [sample-quota, sample-network-case]", "cases: [sample-quota, sample-quotas]").replace(
        "next_follow_up: 2025-10-15", "next_follow_up: 2025-10-15\n    cases: [no-such-case]"
    )
    text = text.replace("cases: [sample-quota]\nsolutions", "cases: [sample-qota]\nsolutions")
    entries, found, _ = _check(tmp_path, {"sample-challenge.yml": text})
    assert entries == {}
    assert [(p.path, p.line, p.field) for p in sorted(found, key=lambda p: p.line)] == [
        ("solutions/sample-challenge.yml", 6, "cases[1]"),
        ("solutions/sample-challenge.yml", 9, "solutions_elsewhere[1].cases[2]"),
        ("solutions/sample-challenge.yml", 19, "devised[1].cases[1]"),
    ]
    assert all("did you mean 'sample-quota'?" in p.message for p in found if p.line in (6, 9))
    assert found[0].text().startswith("solutions/sample-challenge.yml:")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "- a list\n- not a challenge\n",
        "id: sample-challenge\nthemes: &t [A]\nphase: *t\n",  # aliases are refused
        "id: [unclosed\n",
        "\x00\x01binary",
        "id: sample-challenge\nsolutions_elsewhere: [[[[[]]]]]\ndevised: {a: b}\n",
        "id: sample-challenge\ndevised:\n  - agreed: 2024-01-01\n    follow_ups: [1, {date: []}, {date: 2023-01-01}]\n",
        "id: sample-challenge\ndevised:\n  - agreed: 99999999999999999999\n    next_follow_up: 2024-02-30\n",
    ],
)
def test_damaged_files_give_messages_not_tracebacks(tmp_path, text):
    entries, found, _ = _check(tmp_path, {"sample-challenge.yml": text})
    assert entries == {} and found
    assert all(p.line >= 1 and p.field and p.message for p in found)


def test_any_damage_to_a_challenge_or_its_devised_solution_gives_messages_not_tracebacks(tmp_path_factory):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from test_directory import _damaged, _property_values

    valid = yaml.safe_load(VALID)
    devised_fields = ["owner", "description", "status", "agreed", "follow_ups", "next_follow_up", "cases", "extra"]

    @settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def run(data):
        changes = data.draw(st.dictionaries(st.sampled_from([*valid, "extra"]), _property_values(), max_size=3))
        inner = data.draw(st.dictionaries(st.sampled_from(devised_fields), _property_values(), max_size=3))
        damaged = _damaged(valid, changes)
        if isinstance(damaged.get("devised"), list) and damaged["devised"] and isinstance(damaged["devised"][0], dict):
            damaged["devised"] = [_damaged(damaged["devised"][0], inner)]
        root = tmp_path_factory.mktemp("damaged", numbered=True)
        entries, found, _ = _check(root, {"sample-challenge.yml": yaml.safe_dump(damaged, allow_unicode=True, sort_keys=False)})
        assert bool(entries) != bool([p for p in found if p.severity == "error"])
        assert all(p.line >= 1 and p.field and p.message for p in found)
        for entry in entries.values():  # what the check lets through renders
            cases = {case_id: {"en": FakeCase(case_id)} for case_id in CASES}
            for lang in LANGUAGES:
                solutions.challenge(entry.meta, lang, STRINGS[lang], THEMES, cases)
                solutions.register(entries, lang, STRINGS[lang], THEMES)

    run()


class FakeCase:
    """What a challenge page reads of a case version: its language and front matter."""

    def __init__(self, case_id: str):
        self.lang = "en"
        self.meta = {"id": case_id, "title": case_id, "type": "good-practice"}


def test_markup_in_a_challenge_stays_text_on_its_page(tmp_path):
    hostile = VALID.replace('title: {en: "A challenge"', 'title: {en: "<img src=x onerror=alert(1)>"').replace(
        'description: {en: "What it is."', 'description: {en: "</p></div><script>alert(1)</script>\\n\\n[x](javascript:alert(1))"'
    )
    entries, found, _ = _check(tmp_path, {"sample-challenge.yml": hostile})
    assert found == []
    cases = {case_id: {"en": FakeCase(case_id)} for case_id in CASES}
    page = solutions.generated(entries, STRINGS, THEMES, cases)["en/solutions/sample-challenge.md"]
    front, body = page.split("\n---\n", 1)
    assert "<img" not in body and "<script" not in body
    assert "&lt;/p&gt;&lt;/div&gt;&lt;script&gt;" in body
    # The title is front matter, which the MkDocs adapter escapes for every page (hooks/site.py).
    assert json.loads(front.split("---\n", 1)[1])["title"] == "<img src=x onerror=alert(1)>"


def test_an_id_that_differs_from_the_file_name_is_refused(tmp_path):
    _, found, _ = _check(tmp_path, {"other-name.yml": VALID})
    assert [(p.line, p.field) for p in found] == [(1, "id")]


# The seeded register, as the repository holds it.


@pytest.fixture(scope="module")
def report():
    return real_report()


def test_the_register_holds_eight_to_ten_checked_challenges_over_all_five_themes(report):
    assert not [p for p in report.errors if p.path.startswith("solutions/")]
    files = [p for p in (REPO / "solutions").glob("*.yml") if not p.name.startswith("_")]
    assert 8 <= len(report.solutions) == len(files) <= 10
    assert {theme for entry in report.solutions.values() for theme in entry.meta["themes"]} == {t.id for t in THEMES}


def test_each_seeded_challenge_has_two_solutions_from_published_cases_and_no_invented_devised_one(report):
    for entry in report.solutions.values():
        assert len(entry.meta["solutions_elsewhere"]) >= 2, entry.id
        for solution in entry.meta["solutions_elsewhere"]:
            assert solution["cases"] and set(solution["cases"]) <= set(report.cases), entry.id
        assert entry.meta["devised"] == [], entry.id


def test_each_solution_names_only_the_places_of_the_cases_it_cites(report):
    # A cheap guard on "only what a case says": every capitalised place or
    # body named in a solution's English text appears in one of its cases.
    for entry in report.solutions.values():
        for solution in entry.meta["solutions_elsewhere"]:
            text = " ".join((REPO / "good_practices" / f"{case_id}.en.md").read_text(encoding="utf-8") for case_id in solution["cases"])
            for number in re.findall(r"\d[\d,.]*\d|\d", solution["description"]["en"]):
                assert number in text, (entry.id, number)


# Pages, as values and as built.


def test_the_register_and_each_challenge_have_a_page_in_each_language(report):
    out = solutions.generated(report.solutions, STRINGS, THEMES, report.cases)
    expected = {f"{lang}/solutions/index.md" for lang in LANGUAGES} | {
        f"{lang}/solutions/{challenge_id}.md" for lang in LANGUAGES for challenge_id in report.solutions
    }
    assert set(out) == expected
    for lang in LANGUAGES:
        model = solutions.register(report.solutions, lang, STRINGS[lang], THEMES)
        assert [g["anchor"] for g in model["groups"]] == [f"theme-{t.id.lower()}" for t in THEMES]
        assert all(g["challenges"] for g in model["groups"])


def test_the_arabic_pages_say_everything_in_arabic(report):
    for challenge_id in report.solutions:
        model = solutions.challenge(report.solutions[challenge_id].meta, "ar", STRINGS["ar"], THEMES, report.cases)
        texts = [model["title"], model["description"], model["phase"]]
        texts += [s["description"] for s in model["elsewhere"]] + [t["name"] for t in model["themes"]]
        texts += [STRINGS["ar"][key].format(n=3) for key in model["t"]]
        assert not [w for text in texts for w in latin_words(text)], challenge_id


def _links(page: Path) -> list[str]:
    return [attrs["href"] for tag, attrs in tags(page) if tag == "a" and "href" in attrs]


def test_every_challenge_page_links_its_cases_to_built_case_pages(site, report):
    for root, lang in (("", "en"), ("ar/", "ar")):
        for challenge_id, entry in report.solutions.items():
            page = site / root / "solutions" / challenge_id / "index.html"
            html = page.read_text(encoding="utf-8")
            assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"' in html
            base = f"/{root}solutions/{challenge_id}/"
            targets = {urljoin(base, href) for href in _links(page) if not href.startswith(("http", "#"))}
            cited = {case_id for s in entry.meta["solutions_elsewhere"] for case_id in s["cases"]} | set(entry.meta.get("cases") or [])
            for case_id in cited:
                assert f"/{root}{urls.case(case_id)}" in targets, (root, challenge_id, case_id)
            for target in targets:
                path = target.split("#")[0]
                assert (site / path.lstrip("/") / "index.html").is_file() or (site / path.lstrip("/")).is_file(), (page, target)


def test_every_case_a_challenge_cites_links_back_to_that_challenge(site, report):
    cited_by = {}
    for challenge_id, entry in report.solutions.items():
        named = set(entry.meta.get("cases") or [])
        for solution in entry.meta["solutions_elsewhere"] + entry.meta["devised"]:
            named |= set(solution.get("cases") or [])
        for case_id in named:
            cited_by.setdefault(case_id, set()).add(challenge_id)
    assert len(cited_by) >= 20
    for root in ("", "ar/"):
        for case_id in report.cases:
            page = site / root / urls.case(case_id) / "index.html"
            html = page.read_text(encoding="utf-8")
            linked = set(re.findall(r'<a href="\.\./\.\./solutions/([a-z0-9-]+)/">', html[html.find('id="solutions"') :]))
            assert linked == (cited_by.get(case_id, set()) if 'id="solutions"' in html else set()), (root, case_id)
            assert ('id="solutions"' in html) == (case_id in cited_by), (root, case_id)


def test_the_register_lists_each_challenge_under_its_themes_with_plain_links(site, report):
    for root in ("", "ar/"):
        page = site / root / "solutions" / "index.html"
        links = _links(page)
        for theme in THEMES:
            assert f"#theme-{theme.id.lower()}" in links
        for challenge_id, entry in report.solutions.items():
            assert links.count(f"{challenge_id}/") == len(entry.meta["themes"]), (root, challenge_id)
        body = page.read_text(encoding="utf-8")
        start = body.index('<div class="hub-solutions">')
        assert "<script" not in body[start : body.index("</article>", start)]
        assert not [attrs for tag, attrs in tags(page) if any(name.startswith("on") for name in attrs)]


def test_the_working_group_page_and_the_guide_lead_to_the_register(site):
    for root in ("", "ar/"):
        assert "../solutions/" in _links(site / root / "working-group" / "index.html")
        guide = (site / root / "contribute" / "index.html").read_text(encoding="utf-8")
        assert 'id="solutions-register"' in guide and "devised[].status" in guide


def test_the_issue_forms_ask_for_the_challenge_in_both_languages():
    for lang in LANGUAGES:
        form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / f"solution-{lang}.yml").read_text(encoding="utf-8"))
        ids = [item.get("id") for item in form["body"]]
        assert {"themes", "phase", "title-en", "title-ar", "solutions_elsewhere", "devised"} <= set(ids)
        assert "reviewed" not in ids


# The printed handout, in Chromium.


def test_each_challenge_prints_on_one_a4_page_without_the_site_navigation(browser, server, report):
    page = browser.new_page()
    try:
        for root in ("", "ar/"):
            for challenge_id in report.solutions:
                page.emulate_media(media="screen")
                page.goto(f"{server.url}{root}solutions/{challenge_id}/")
                assert page.locator(".md-header").is_visible()
                page.emulate_media(media="print")
                for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hub-solution__links", ".hub-solution__print-hint"):
                    assert not page.locator(hidden).first.is_visible(), (root, challenge_id, hidden)
                assert page.locator("h1").is_visible() and page.locator("#elsewhere").is_visible()
                pdf = page.pdf(prefer_css_page_size=True)
                assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, (root, challenge_id)
                # The page size comes from the stylesheet: A4 is 595 x 842 points.
                box = [float(n) for n in re.search(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf)[1].split()]
                assert [round(n) for n in box] == [0, 0, 595, 842], (root, box)
    finally:
        page.close()


def test_the_register_and_a_challenge_page_pass_axe_in_both_languages(browser, server):
    import axe

    page = browser.new_page()
    try:
        for root in ("", "ar/"):
            for path in ("solutions/", "solutions/few-women-mayors/"):
                page.goto(f"{server.url}{root}{path}")
                assert axe.violations(page) == [], root + path
    finally:
        page.close()
