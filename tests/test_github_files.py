"""Workflows, pre-commit, CODEOWNERS and editor settings: what can be checked without GitHub."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path, PurePosixPath

import yaml

from helpers import REPO
from hub.checks import project
from hub.model.problems import Problem

WORKFLOWS = REPO / ".github" / "workflows"
FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = re.compile(r"(?<![\w/.-])scripts/[\w.-]+")
# One annotation: ::error file=<path>,line=<n>,title=<field>::<message>
ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),title=([^,:]+)::(.+)$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow(name: str) -> dict:
    data = load(WORKFLOWS / name)
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_every_yaml_file_of_the_repository_tooling_is_valid():
    paths = sorted((REPO / ".github").rglob("*.yml")) + [REPO / ".pre-commit-config.yaml"]
    assert len(paths) >= 7
    for path in paths:
        assert isinstance(load(path), dict), path


def test_every_command_the_workflows_and_hooks_call_exists():
    commands = []
    for path in WORKFLOWS.glob("*.yml"):
        commands += [step["run"] for step in steps(workflow(path.name)) if "run" in step]
    commands += [hook["entry"] for repo in load(REPO / ".pre-commit-config.yaml")["repos"] for hook in repo["hooks"]]
    scripts = {match for command in commands for match in SCRIPT.findall(command)}
    assert {"scripts/check", "scripts/test", "scripts/build", "scripts/generate"} <= scripts
    for script in scripts:
        assert os.access(REPO / script, os.X_OK), script
    for command in commands:
        for word in shlex.split(command):
            if word.startswith("--"):
                # Each option a workflow passes is one the script's own help knows.
                script = next(s for s in SCRIPT.findall(command))
                assert word.split("=")[0] in (REPO / script).read_text(encoding="utf-8") + _help(script), (script, word)


def _help(script: str) -> str:
    if script != "scripts/check":
        return ""
    return subprocess.run([str(REPO / script), "--help"], capture_output=True, text=True).stdout


def test_pull_requests_get_the_annotated_check_and_the_whole_suite():
    data = workflow("pull-request.yml")
    assert "pull_request" in data["on"]
    runs = [step.get("run", "") for step in steps(data)]
    assert "scripts/check --format github" in runs
    assert "scripts/test" in runs
    assert data["permissions"] == {"contents": "read"}


def test_main_is_built_for_the_pages_address_and_deployed():
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    build_step = next(step for step in steps(data) if step.get("run") == "scripts/build")
    pages_step = next(step for step in steps(data) if str(step.get("uses", "")).startswith("actions/configure-pages@"))
    assert build_step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages_step["id"]
    uploads = [step for step in steps(data) if str(step.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in steps(data))
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_version():
    for path in WORKFLOWS.glob("*.yml"):
        for step in steps(workflow(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), (path.name, step["uses"])


def test_the_annotation_format_carries_file_line_and_field():
    result = subprocess.run(
        [str(REPO / "scripts" / "check"), "--root", str(FIXTURES / "broken"), "--format", "github"], capture_output=True, text=True
    )
    *annotations, summary = result.stdout.strip().splitlines()
    expected = project.check(project.Layout(root=FIXTURES / "broken")).problems
    found = [ANNOTATION.match(line) for line in annotations]
    assert all(found), [line for line, match in zip(annotations, found) if not match]
    assert [(m[1], m[2], int(m[3]), m[4]) for m in found] == [(p.severity, p.path, p.line, p.field) for p in expected]
    assert all((FIXTURES / "broken" / m[2]).is_file() for m in found)
    assert summary.startswith(f"{len(expected)} errors")


def test_an_annotation_escapes_what_would_end_it_early():
    problem = Problem("good_practices/a,b.en.md", 3, "title, en: x", "100% sure\r\nsecond line")
    line = problem.github()
    assert line == "::error file=good_practices/a%2Cb.en.md,line=3,title=title%2C en%3A x::100%25 sure%0D%0Asecond line"
    assert "\n" not in line and "\r" not in line


def test_pre_commit_runs_the_check_when_content_or_data_changes():
    hooks = {hook["id"]: hook for repo in load(REPO / ".pre-commit-config.yaml")["repos"] for hook in repo["hooks"]}
    check = hooks["hub-check"]
    assert check["entry"] == "scripts/check" and check["language"] == "script" and check["pass_filenames"] is False
    pattern = re.compile(check["files"])
    for path in (
        "good_practices/tunisia-parity-2018.ar.md",
        "podcasts/hub-trailer.en.md",
        "podcasts/media/hub-trailer.ar.vtt",
        "hooks/hub/data/themes.yml",
        "hooks/hub/data/strings/site.yml",
        "networks/refela.yml",
        "events/2024-10-amman-workshop.yml",
        "hooks/hub/data/support.yml",
    ):
        assert pattern.search(path), path
    for path in ("README.md", "hooks/site.py", "tests/test_validator.py"):
        assert not pattern.search(path), path
    generate = re.compile(hooks["hub-generate"]["files"])
    assert generate.search("hooks/hub/case_schema.py") and generate.search(".github/ISSUE_TEMPLATE/case-ar-good-practice.yml")
    assert generate.search("hooks/hub/network_schema.py") and generate.search("events/_template.yml")


def codeowners() -> list[tuple[str, list[str]]]:
    lines = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    return [(line.split()[0], line.split()[1:]) for line in lines if line.strip() and not line.startswith("#")]


def _matches(pattern: str, path: str) -> bool:
    if pattern == "*":
        return True
    if pattern.endswith("/"):
        return path.startswith(pattern.lstrip("/"))
    return PurePosixPath(path).match(pattern.lstrip("/")) and path.count("/") == pattern.lstrip("/").count("/")


def test_codeowners_names_placeholder_teams_only_and_every_pattern_matches_files():
    files = [
        p.relative_to(REPO).as_posix()
        for p in REPO.rglob("*")
        if p.is_file() and not set(p.relative_to(REPO).parts) & {".git", ".venv", "node_modules", "site"}
    ]
    rules = codeowners()
    assert rules
    for pattern, owners in rules:
        assert owners and all(re.fullmatch(r"@OWNER/[a-z-]+", owner) for owner in owners), (pattern, owners)
        assert any(_matches(pattern, f) for f in files), pattern
    # Content in each language is reviewed by a reader of that language: the last matching rule wins.
    for path, team in (
        ("good_practices/vienna-gender-budgeting.ar.md", "@OWNER/arabic-reviewers"),
        ("docs/en/contribute.md", "@OWNER/english-reviewers"),
    ):
        owners = [o for pattern, o in rules if _matches(pattern, path)][-1]
        assert owners == [team], path
    assert "PLACEHOLDERS" in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def jsonc(path: Path):
    """VS Code's JSON with comments: drop the // lines."""
    return json.loads("\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("//")))


def test_the_editor_settings_point_at_the_case_schema_and_match_case_files():
    settings = jsonc(REPO / ".vscode" / "settings.json")
    ((schema, globs),) = settings["yaml.schemas"].items()
    assert (REPO / schema).is_file()
    assert any(PurePosixPath("good_practices/vienna-gender-budgeting.ar.md").match(g) for g in globs)
    assert (REPO / "good_practices" / "_template.ar.md").read_text(encoding="utf-8").splitlines()[
        1
    ] == f"# yaml-language-server: $schema=../{schema[2:]}"


def test_the_editor_task_reads_the_checkers_lines():
    (task,) = jsonc(REPO / ".vscode" / "tasks.json")["tasks"]
    assert task["command"] == "scripts/check"
    pattern = re.compile(task["problemMatcher"]["pattern"]["regexp"])
    problems = (
        project.check(project.Layout(root=FIXTURES / "valid")).problems + project.check(project.Layout(root=FIXTURES / "broken")).problems
    )
    for problem in problems:
        match = pattern.match(problem.text())
        assert match and (match[1], int(match[2]), match[3] or "error") == (problem.path, problem.line, problem.severity), problem.text()
    assert pattern.match("3 errors; 9 content files checked") is None
