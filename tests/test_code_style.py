"""The Python of the project is linted and formatted by ruff (settings in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

from helpers import REPO

RUFF = [sys.executable, "-m", "ruff"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*RUFF, *args], cwd=REPO, capture_output=True, text=True, timeout=120)


def test_ruff_finds_no_problem():
    result = run("check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = run("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_would_catch_a_problem(tmp_path: Path):
    # The same settings refuse an unused import and unformatted code.
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx=1\n", encoding="utf-8")
    assert run("check", "--config", str(REPO / "pyproject.toml"), str(bad)).returncode == 1
    assert run("format", "--check", "--config", str(REPO / "pyproject.toml"), str(bad)).returncode == 1
