"""Adding an optional case field takes one schema entry plus its words.

In a copy of the project: one line in case_schema.py, the field's help in
data/fields/case.yml and its issue-form label in data/strings/contribute.yml.
Then the copy's own scripts/generate writes the JSON Schema, the case
templates, the issue forms and the pull-request checklist, the guide's table
shows the field, and the copy's scripts/check accepts a case that uses it and
rejects a bad value with its line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
COPIED = ("hooks", "docs", "good_practices", "podcasts", "networks", "events", "country_cards", "solutions", "scripts", ".github")
SCHEMA_LINE = '            Field("reviewer", Text(120)),\n'
HELP = """
website:
  help:
    en: The measure's own public page, if it has one (https only).
    ar: الصفحة العامة الخاصة بالتدبير إن وُجدت (https فقط).
  example: https://www.example.org/parity
"""
LABEL = """
form_label_website:
  en: Web page of the measure
  ar: صفحة التدبير على الإنترنت
"""


def _run(copy: Path, *command: str) -> subprocess.CompletedProcess:
    # Only the copy's core on the path: nothing may come from (or write to) this checkout.
    env = {**os.environ, "PYTHONPATH": str(copy / "hooks")}
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    for name in COPIED:
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "fixtures"))
    for path in [REPO / "mkdocs.yml", *REPO.glob("requirements*.txt")]:
        shutil.copy(path, copy / path.name)
    # The scripts set up .venv from the requirements; the copy shares this one (same requirements: nothing to install).
    (copy / ".venv").symlink_to(REPO / ".venv", target_is_directory=True)
    schema_file = copy / "hooks/hub/model/case_schema.py"
    source = schema_file.read_text(encoding="utf-8")
    assert source.count(SCHEMA_LINE) == 1
    schema_file.write_text(
        source.replace(SCHEMA_LINE, SCHEMA_LINE + '            Field("website", Url(), required=False),\n'), encoding="utf-8"
    )
    for path, text in ((copy / "hooks/hub/data/fields/case.yml", HELP), (copy / "hooks/hub/data/strings/contribute.yml", LABEL)):
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def generated(copy) -> subprocess.CompletedProcess:
    return _run(copy, "bash", str(copy / "scripts/generate"))


def test_the_copys_generate_runs_and_rewrites_the_copys_derived_files(copy, generated):
    assert generated.returncode == 0, generated.stderr
    assert generated.stdout.startswith("rewrote "), generated.stdout
    assert "good_practices/_template.en.md" in generated.stdout and "hooks/hub/schemas/case.schema.json" in generated.stdout
    # This checkout is untouched: its schema has no such field.
    assert "website" not in json.loads((REPO / "hooks/hub/schemas/case.schema.json").read_text(encoding="utf-8"))["properties"]
    assert _run(copy, "bash", str(copy / "scripts/generate"), "--check").stdout.strip() == "derived files are up to date"


def test_the_json_schema_has_the_new_optional_field(copy, generated):
    schema = json.loads((copy / "hooks/hub/schemas/case.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["website"] == {
        "type": "string",
        "pattern": "^https://",
        "format": "uri",
        "description": "The measure's own public page, if it has one (https only).",
    }
    assert "website" not in schema["required"]


def test_the_case_templates_explain_the_field_in_their_language(copy, generated):
    en = (copy / "good_practices/_template.en.md").read_text(encoding="utf-8")
    ar = (copy / "good_practices/_template.ar.md").read_text(encoding="utf-8")
    assert '# website: The measure\'s own public page, if it has one (https only). Optional.\nwebsite: ""\n' in en
    assert '# website: الصفحة العامة الخاصة بالتدبير إن وُجدت (https فقط). اختياري.\nwebsite: ""\n' in ar


def test_every_issue_form_asks_for_the_field(copy, generated):
    forms = sorted((copy / ".github/ISSUE_TEMPLATE").glob("case-*.yml"))
    assert len(forms) == 4
    for form in forms:
        text = form.read_text(encoding="utf-8")
        label = "صفحة التدبير على الإنترنت" if "-ar-" in form.name else "Web page of the measure"
        assert f"  id: website\n  attributes:\n    label: {label}\n" in text, form.name
    checklist = (copy / ".github/PULL_REQUEST_TEMPLATE/new-case.md").read_text(encoding="utf-8")
    assert "optional: `place`, `website`" in checklist


def test_the_guide_table_shows_the_field_in_both_languages(copy, generated):
    script = (
        "import sys, types\n"
        "import hub\n"
        "from hub.contrib import guide\n"
        "from hub.model import case_schema, strings, themes, topics\n"
        "assert hub.__file__.startswith(sys.argv[1]), hub.__file__\n"
        "t, rules = strings.load(), case_schema.rules(themes.load(), topics.load())\n"
        "for lang in ('en', 'ar'):\n"
        "    print(guide.case_fields(types.SimpleNamespace(t=t[lang], lang=lang, case_rules=rules), ''))\n"
    )
    result = _run(copy, sys.executable, "-c", script, str(copy))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if ">website</code>" in line]
    assert len(rows) == 2, result.stdout
    assert "The measure's own public page, if it has one (https only)." in rows[0] and "www.example.org/parity" in rows[0]
    assert "الصفحة العامة الخاصة بالتدبير إن وُجدت" in rows[1]


def _with_website(copy: Path, value: str) -> tuple[str, int]:
    """Give the first case's English file a website line; (its path, the line's number)."""
    path = sorted(p for p in (copy / "good_practices").glob("*.en.md") if not p.name.startswith("_"))[0]
    text = re.sub(r"(?m)^website: .*\n", "", path.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^(reviewer: .*\n)", lambda m: m[1] + f"website: {value}\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"website: {value}") + 1
    return path.relative_to(copy).as_posix(), line


def test_a_case_using_the_field_passes_the_copys_check(copy, generated):
    _with_website(copy, "https://www.example.org/parity")
    result = _run(copy, sys.executable, "-m", "hub.cli", "--root", str(copy))
    assert result.returncode == 0, result.stdout
    assert not [row for row in result.stdout.splitlines() if re.match(r"\S+:\d+: (?!warning: )", row)], result.stdout


def test_a_bad_value_fails_with_its_file_line_and_field(copy, generated):
    rel, line = _with_website(copy, '"not a page"')
    result = _run(copy, sys.executable, "-m", "hub.cli", "--root", str(copy))
    assert result.returncode == 1, result.stdout
    errors = [row for row in result.stdout.splitlines() if ": warning: " not in row and row.startswith(("good_practices/", "hooks/"))]
    assert errors == [f"{rel}:{line}: website: received 'not a page', expected a web address starting with https://"]
