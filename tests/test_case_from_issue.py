"""scripts/case-from-issue: submitted issue forms become valid case files, or clear messages."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from pathlib import Path

import pytest

from helpers import REPO
from hub.checks import project
from hub.contrib import case_from_issue, issue_form
from hub.contrib.case_from_issue import BodyError
from hub.model import case_schema, content, paths, strings, themes, topics

BODIES = Path(__file__).parent / "fixtures" / "issue_bodies"
DAY = datetime.date(2026, 11, 26)
RULES = case_schema.rules(themes.load(), topics.load())
STRINGS = strings.load()


@pytest.fixture
def layout(tmp_path):
    (tmp_path / "good_practices").mkdir()
    return project.Layout(root=tmp_path)


def body(name: str) -> tuple[str, str]:
    path = BODIES / name
    return str(path), path.read_bytes().decode("utf-8")


def written(path: Path):
    item, problems = content.read(path, path.parents[1])
    assert problems == []
    return item


def test_an_english_and_an_arabic_body_make_one_valid_case_in_both_languages(layout):
    files, problems, _ = case_from_issue.convert([body("good-practice.en.md"), body("good-practice.ar.md")], layout, today=DAY)
    assert [p.name for p in files] == ["vienna-gender-budgeting.en.md", "vienna-gender-budgeting.ar.md"]
    assert problems == []
    assert project.check(layout).problems == []
    english, arabic = written(files[0]), written(files[1])
    # Answers come back as schema values: a country's name as its code, a
    # year typed in Arabic-Indic digits as a number, theme labels as letters.
    assert english.meta["country"] == arabic.meta["country"] == "AT"
    assert arabic.meta["period"] == {"start": 2005}
    assert english.meta["themes"] == ["C", "D", "E"]
    assert arabic.meta["place"] == "فيينا"
    assert english.meta["reviewed"] == arabic.meta["reviewed"] == DAY
    # The reviewer is the hub's editorial role in each language, never a proposer's name.
    assert (english.meta["reviewer"], arabic.meta["reviewer"]) == ("Hub editorial team", "فريق تحرير المنصة")
    # Topic names (one holds a comma) become ids; a language given by its name
    # in either site language, or as a code in capitals, becomes its ISO 639-1 code.
    assert english.meta["topics"] == arabic.meta["topics"] == ["gender-budgeting", "local-planning"]
    assert [s["language"] for s in english.meta["sources"]] == [s["language"] for s in arabic.meta["sources"]] == ["de", "en", "en"]
    assert [s["publisher"] for s in english.meta["sources"]] == ["Der Standard", "European Women's Lobby", "URBACT"]
    assert "## السياق" in arabic.body and "## Lessons and how to replicate" in english.body


def render(item) -> str:
    """The body GitHub writes when someone submits the form with this case's values."""
    meta, lang = item.meta, item.lang
    parts = re.split(r"^## (.+)$", item.body, flags=re.M)
    sections = dict(zip(parts[1::2], parts[2::2]))
    answers = []
    for question in issue_form.questions(meta["type"], RULES, STRINGS):
        fills = question.fills
        if not fills:
            answer = "\n".join(f"- [X] {labels[lang]}" for _, labels in question.options)
        elif fills.startswith("section:"):
            names = case_schema.sections()[meta["type"]][int(fills.split(":")[1]) - 1]
            answer = sections[names[lang]].strip()
        elif fills == "sources":
            answer = "\n\n".join(
                "\n".join(f"{STRINGS[lang]['form_source_' + key]} {value}" for key, value in source.items()) for source in meta["sources"]
            )
        elif "." in fills:
            group, part = fills.split(".")
            answer = str(meta[group].get(part, ""))
        elif question.options:
            values = meta[fills] if isinstance(meta[fills], list) else [meta[fills]]
            answer = ", ".join(dict(question.options)[v][lang] for v in values)
        else:
            answer = str(meta.get(fills, ""))
        answers.append(f"### {question.label[lang]}\n\n{answer or '_No response_'}\n")
    return "\n".join(answers)


@pytest.mark.parametrize("path", sorted((REPO / "good_practices").glob("[!_]*.md")), ids=lambda p: p.name)
def test_every_published_case_survives_the_trip_through_its_form(path, layout):
    """Each field and section has exactly one question: case -> form answers -> the same case."""
    item = written(path)
    files, problems, _ = case_from_issue.convert([(path.name, render(item))], layout, today=item.meta["reviewed"])
    assert [p.severity for p in problems] in ([], ["warning"])  # alone here, without its translation
    again = written(files[0])
    assert again.meta == item.meta
    assert again.body.strip() == item.body.strip()


def test_a_faltering_case_in_arabic_with_windows_line_ends_and_no_translation_yet(layout):
    files, problems, messages = case_from_issue.convert([body("faltering-implementation.ar.md")], layout, today=DAY)
    item = written(files[0])
    assert files[0].name == "tunisia-local-councils-2023.ar.md"
    assert item.meta["type"] == "faltering-implementation"
    assert item.meta["period"] == {"start": 2022, "end": 2023}
    assert "\r" not in files[0].read_text(encoding="utf-8")
    assert [(p.field, p.severity) for p in problems] == [("translation", "warning")]


def test_a_body_with_missing_answers_lists_every_one_in_the_forms_words(layout):
    with pytest.raises(BodyError) as error:
        case_from_issue.convert([body("missing-answers.en.md")], layout, today=DAY)
    assert error.value.problems == [
        "«Title» has no answer",
        "the question «Sources» is not in the body (was the heading '### Sources' edited or removed?)",
        "«Results» has no answer",
    ]
    assert list(layout.cases_dir.iterdir()) == []


def test_a_project_whose_themes_have_a_problem_gets_that_problem_not_a_traceback(tmp_path):
    (tmp_path / "good_practices").mkdir()
    themes_file = tmp_path / "themes.yml"
    themes_file.write_text(paths.THEMES_FILE.read_text(encoding="utf-8").replace("id: A", "id: AB", 1), encoding="utf-8")
    with pytest.raises(BodyError) as error:
        case_from_issue.convert([body("good-practice.en.md")], project.Layout(root=tmp_path, themes_file=themes_file), today=DAY)
    assert len(error.value.problems) == 1 and re.match(r"themes\.yml:\d+: themes\[1\]\.id: received 'AB'", error.value.problems[0])
    assert list((tmp_path / "good_practices").iterdir()) == []


def test_something_that_is_not_a_case_form_says_so(layout):
    with pytest.raises(BodyError, match="this is not a case proposal"):
        case_from_issue.convert([body("not-a-form.md")], layout, today=DAY)


def test_values_that_break_a_rule_get_the_validators_lines_and_nothing_is_written(layout):
    files, problems, messages = case_from_issue.convert([body("broken-values.en.md")], layout, today=DAY)
    assert files == []
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("good_practices/vienna-budget.en.md", 7, "country"),
        ("good_practices/vienna-budget.en.md", 11, "period.start"),
        ("good_practices/vienna-budget.en.md", 24, "sources[2].url"),
    ]
    assert messages[0].endswith("(form: «Country»)") and messages[1].endswith("(form: «Start year»)")
    forced, _, _ = case_from_issue.convert([body("broken-values.en.md")], layout, today=DAY, force=True)
    assert [p.name for p in forced] == ["vienna-budget.en.md"]


def test_a_source_line_that_fits_no_label_is_named(layout):
    where, text = body("good-practice.ar.md")
    text = text.replace("الناشر: Der Standard", "Der Standard")
    with pytest.raises(BodyError) as error:
        case_from_issue.convert([(where, text)], layout, today=DAY)
    assert error.value.problems == [
        "«المصادر», source 1: the line 'Der Standard' does not start with one of العنوان:, الناشر:, السنة:, الرابط:, اللغة:"
    ]


def test_the_case_id_comes_from_the_form_or_from_the_maintainer(layout):
    with pytest.raises(BodyError, match="«Case id» is empty: .* --id"):
        case_from_issue.convert([body("good-practice.en.md")], layout, today=DAY)
    with pytest.raises(BodyError, match="'Vienna Budget' is not a valid case id"):
        case_from_issue.convert([body("good-practice.en.md")], layout, case_id="Vienna Budget", today=DAY)
    files, _, _ = case_from_issue.convert([body("good-practice.en.md")], layout, case_id="vienna-budgets", today=DAY)
    assert files[0].name == "vienna-budgets.en.md"
    with pytest.raises(BodyError, match="already exists"):
        case_from_issue.convert([body("good-practice.en.md")], layout, case_id="vienna-budgets", today=DAY)


def test_a_translation_is_checked_against_the_published_language(layout):
    case_from_issue.convert([body("good-practice.ar.md")], layout, today=DAY)
    where, text = body("good-practice.en.md")
    text = text.replace("C · Women's leadership and good governance, ", "")
    files, problems, _ = case_from_issue.convert([(where, text)], layout, case_id="vienna-gender-budgeting", today=DAY)
    assert files == []
    assert [(Path(p.path).name, p.field) for p in problems] == [("vienna-gender-budgeting.ar.md", "themes")]


def test_two_bodies_in_one_language_are_refused(layout):
    with pytest.raises(BodyError, match="same language"):
        case_from_issue.convert([body("good-practice.en.md"), body("good-practice.en.md")], layout, case_id="x", today=DAY)


def test_the_command_reads_standard_input_and_reports_on_standard_error(layout, capsys):
    code = case_from_issue.main(["--root", str(layout.root), "--date", "2026-11-26"], stdin=io.StringIO(body("good-practice.ar.md")[1]))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "created good_practices/vienna-gender-budgeting.ar.md" in out
    code = case_from_issue.main(["--root", str(layout.root), str(BODIES / "missing-answers.en.md")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines()[1:] == [
        "  - «Title» has no answer",
        "  - the question «Sources» is not in the body (was the heading '### Sources' edited or removed?)",
        "  - «Results» has no answer",
        err.splitlines()[-1],
    ]
    assert err.splitlines()[-1].startswith("Nothing was written.")


def test_scripts_case_from_issue_runs_without_a_traceback(layout):
    result = subprocess.run(
        [str(REPO / "scripts" / "case-from-issue"), "--root", str(layout.root), str(BODIES / "broken-values.en.md")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[0].startswith("good_practices/vienna-budget.en.md:7: country: 'Atlantis' is not")
