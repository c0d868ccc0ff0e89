"""The content validator: exact problems for broken fixtures, clean runs for good ones."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import REPO
from hub.checks import project
from hub.model import themes, topics, yamlnodes
from hub.model.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED_BROKEN = [
    ("good_practices/Bad Name.md", 1, "file name"),
    ("good_practices/broken-yaml.en.md", 4, "front matter"),
    ("good_practices/no-front-matter.en.md", 1, "front matter"),
    ("good_practices/pair-mismatch.ar.md", 5, "themes"),
    ("good_practices/script.en.md", 19, "body"),
    ("good_practices/script.en.md", 23, "body"),
    ("good_practices/script.en.md", 27, "body"),
    ("good_practices/script.en.md", 31, "body"),
    ("good_practices/sections.en.md", 17, "body"),
    ("good_practices/sections.en.md", 25, "body"),
    ("good_practices/sections.en.md", 29, "body"),
    ("good_practices/sections.en.md", 29, "body"),
    ("good_practices/unknown-key.en.md", 2, "title"),
    ("good_practices/unknown-key.en.md", 4, "titel"),
    ("good_practices/wrong-types.en.md", 3, "type"),
    ("good_practices/wrong-types.en.md", 4, "title"),
    ("good_practices/wrong-types.en.md", 5, "themes[2]"),
    ("good_practices/wrong-types.en.md", 5, "themes[3]"),
    ("good_practices/wrong-types.en.md", 6, "country"),
    ("good_practices/wrong-types.en.md", 10, "period.end"),
    ("good_practices/wrong-types.en.md", 11, "phase"),
    ("good_practices/wrong-types.en.md", 12, "summary"),
    ("good_practices/wrong-types.en.md", 16, "sources[1].year"),
    ("good_practices/wrong-types.en.md", 17, "sources[1].url"),
    ("good_practices/wrong-types.en.md", 18, "sources[1].language"),
    ("good_practices/wrong-types.en.md", 19, "reviewed"),
    ("good_practices/wrong-types.en.md", 21, "topics[2]"),
]


def broken_report():
    return project.check(project.Layout(root=FIXTURES / "broken"))


def test_every_problem_of_the_broken_fixtures_is_reported_with_its_line():
    report = broken_report()
    assert [(p.path, p.line, p.field) for p in report.problems] == EXPECTED_BROKEN
    assert all(p.severity == "error" for p in report.problems)


@pytest.mark.parametrize(
    "field, needle",
    [
        ("titel", "did you mean 'title'?"),
        ("title", "is required but missing: add it, e.g. 'title: "),
        ("themes[2]", "'F' is not a theme; use one of A, B, C, D, E"),
        ("country", "(for tunisia write TN)"),
        ("period.end", "2018 is before the start year 2020"),
        ("sources[1].url", "a javascript: address is not allowed"),
        ("reviewed", "expected a date written YYYY-MM-DD"),
        ("sources[1].language", "'French' is not an ISO 639-1 language code (for French write fr)"),
        ("topics[2]", "'budgets' is not a topic of hooks/hub/data/topics.yml"),
        ("type", "did you mean 'good-practice'?"),
    ],
)
def test_messages_say_what_was_received_and_how_to_fix_it(field, needle):
    messages = [p.message for p in broken_report().problems if p.field == field]
    assert any(needle in m for m in messages), messages


def test_a_pair_that_disagrees_names_both_files():
    (problem,) = [p for p in broken_report().problems if p.field == "themes"]
    assert problem.path.endswith("pair-mismatch.ar.md")
    assert "pair-mismatch.en.md" in problem.message


def test_unsafe_markup_is_refused_line_by_line():
    messages = [p.message for p in broken_report().problems if p.path.endswith("script.en.md")]
    assert any("<script>" in m for m in messages)
    assert any("event handler" in m for m in messages)
    assert any("javascript:" in m for m in messages)
    assert any("data:" in m for m in messages)


def test_the_valid_fixture_passes_with_a_warning_for_the_untranslated_case():
    report = project.check(project.Layout(root=FIXTURES / "valid"))
    assert report.errors == []
    assert [(p.path, p.field, p.severity) for p in report.warnings] == [("good_practices/sample-lonely.en.md", "translation", "warning")]
    assert sorted(report.cases) == ["sample-lonely", "sample-quota"]


def test_the_real_content_and_data_are_valid():
    report = project.check()
    assert report.errors == [], "\n".join(p.text() for p in report.errors)


def test_a_broken_themes_file_is_reported_with_lines(tmp_path):
    bad = tmp_path / "themes.yml"
    bad.write_text(
        "- id: A\n  label: {en: A, ar: أ}\n  name: {en: One, ar: واحد}\n  description: {en: d, ar: د}\n"
        "- id: a\n  label: {en: B, ar: ب}\n  name: {en: Two}\n  description: {en: d, ar: د}\n  colour: red\n"
        "- id: A\n  label: {en: C, ar: ج}\n  name: {en: Three, ar: ثلاثة}\n  description: {en: d, ar: د}\n",
        encoding="utf-8",
    )
    found = themes.read(bad, tmp_path)[1]
    assert [(p.line, p.field) for p in found] == [
        (5, "themes[2].id"),
        (7, "themes[2].name.ar"),
        (9, "themes[2].colour"),
    ]
    fixed = (
        bad.read_text(encoding="utf-8")
        .replace("id: a", "id: B")
        .replace("{en: Two}", "{en: Two, ar: اثنان}")
        .replace("  colour: red\n", "")
    )
    bad.write_text(fixed, encoding="utf-8")
    assert [(p.line, p.field) for p in themes.read(bad, tmp_path)[1]] == [(9, "id")]
    assert themes.read(bad, tmp_path)[0] is None  # nothing half-valid reaches the pages


def test_a_checked_data_file_gives_its_values_from_the_same_parse():
    from hub.support import network_schema

    theme_list, found = themes.read()
    assert found == [] and theme_list == themes.load() and len(theme_list) == 5
    topic_list, found = topics.read()
    assert found == [] and topic_list == topics.load()
    vocabulary, found = network_schema.read_vocabulary()
    assert found == [] and vocabulary == network_schema.load_vocabulary() and vocabulary.support


def test_a_broken_topics_file_is_reported_with_lines_and_stops_the_case_checks(tmp_path):
    bad = tmp_path / "topics.yml"
    bad.write_text(
        "- id: safety\n  name: {en: Safety, ar: السلامة}\n"
        "- id: Public_Space\n  name: {en: Space}\n"
        "- id: safety\n  name: {en: Again, ar: مجددًا}\n",
        encoding="utf-8",
    )
    assert [(p.line, p.field) for p in topics.read(bad, tmp_path)[1]] == [(3, "topics[2].id"), (4, "topics[2].name.ar")]
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("Public_Space", "public-space").replace("{en: Space}", "{en: Space, ar: الفضاء}"),
        encoding="utf-8",
    )
    assert [(p.line, p.field, p.message) for p in topics.read(bad, tmp_path)[1]] == [(5, "id", "topic 'safety' is defined twice: keep one")]
    report = project.check(project.Layout(root=FIXTURES / "valid", topics_file=bad))
    assert [p.path.rsplit("/", 1)[-1] for p in report.problems] == ["topics.yml"] and report.cases == {}


def run_check(*args):
    return subprocess.run([str(REPO / "scripts" / "check"), *args], capture_output=True, text=True)


def test_scripts_check_prints_every_problem_then_a_count_and_exits_1():
    result = run_check("--root", str(FIXTURES / "broken"))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[:-1] == [p.text() for p in broken_report().problems]
    assert lines[-1] == "27 errors; 9 content files checked"
    assert "Traceback" not in result.stdout + result.stderr


def test_scripts_check_github_format_gives_annotations():
    result = run_check("--root", str(FIXTURES / "broken"), "--format", "github")
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=good_practices/Bad Name.md,line=1,title=file name::")


def test_scripts_check_passes_on_this_repository():
    result = run_check()
    assert result.returncode == 0, result.stdout


def test_problem_text_format():
    problem = Problem("good_practices/x.ar.md", 7, "themes", "'F' is not a theme")
    assert problem.text() == "good_practices/x.ar.md:7: themes: 'F' is not a theme"


def test_a_group_given_a_plain_value_names_its_fields_once():
    from hub.model.schema import Field, Group
    from hub.model.themes import bilingual

    group = Group([Field("name", bilingual(80))])
    [(_, _, message)] = group.check(yamlnodes.compose("name: 5\n"), "")
    assert message == "received the number 5, expected a text in each language (en, ar)"
    [(_, _, message)] = group.check(yamlnodes.compose("5\n"), "")
    assert message == "received the number 5, expected a group of fields (name)"


def test_the_check_in_several_processes_finds_the_same_in_the_same_order(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    cases = tmp_path / "good_practices"
    quota = (cases / "sample-quota.en.md").read_text(encoding="utf-8")
    (cases / "broken.en.md").write_text(
        quota.replace("id: sample-quota", "id: broken").replace("themes:", "themes: [Z]\nold_themes:"), encoding="utf-8"
    )
    (cases / "sample-quota.ar.md").write_text(
        (cases / "sample-quota.ar.md").read_text(encoding="utf-8").replace("country: TN", "country: JO"), encoding="utf-8"
    )
    (cases / "unreadable.en.md").write_text("no front matter\n", encoding="utf-8")
    monkeypatch.setattr(project, "PARALLEL_FROM", 2)
    one = project.check(project.Layout(root=tmp_path))
    three = project.check(project.Layout(root=tmp_path), workers=3)
    assert [p.text() for p in three.problems] == [p.text() for p in one.problems]
    # One problem of each kind the workers send back: schema, unknown field, pair (checked after), unreadable file.
    assert [(p.path, p.line, p.field) for p in one.errors] == [
        ("good_practices/broken.en.md", 6, "themes[1]"),
        ("good_practices/broken.en.md", 7, "old_themes"),
        ("good_practices/sample-quota.ar.md", 7, "country"),
        ("good_practices/unreadable.en.md", 1, "front matter"),
    ]
    assert three.files_checked == one.files_checked
    assert {k: {lang: item.meta for lang, item in v.items()} for k, v in three.cases.items()} == {
        k: {lang: item.meta for lang, item in v.items()} for k, v in one.cases.items()
    }
