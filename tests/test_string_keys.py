"""Every interface string the code or a template asks for exists, in every language.

strings.load() already refuses a key that lacks a language; this test reads
the Python of hooks/, the page templates (overrides/, hooks/hub/templates/)
and the scripts (overrides/assets/hub/) for the keys they use, so a key that
is typed wrong or was removed fails here, not as a KeyError in one build or
a blank label in one browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO
from hub.model import strings
from hub.model.languages import LANGUAGES

STRINGS = strings.load()
KEY = r"([a-z][a-z0-9_]*)"
PYTHON = [
    re.compile(r"\b(?:ctx\.|self\.)?t\[\s*f?\"" + KEY + r"\"\s*\]"),  # t["key"], ctx.t["key"]
    re.compile(r"\bt\.get\(\s*\"" + KEY + r"\""),  # t.get("key", …)
    re.compile(r"strings_of\([^)]*\)\[\s*\"" + KEY + r"\"\s*\]"),
    re.compile(r"strings_by_lang\[[^\]]+\]\[\s*\"" + KEY + r"\"\s*\]"),
]
# t["type_" + value]: some key must start with the prefix.
PYTHON_PREFIX = re.compile(r"\b(?:ctx\.|self\.)?t\[\s*\"([a-z][a-z0-9_]*_)\"\s*\+")
TEMPLATE = [
    re.compile(r"\{[{%][^}]*?\bt\." + KEY),  # {{ t.key }} where t is the language's strings
    re.compile(r"hub_strings\[[^\]]+\]\." + KEY),
]
SCRIPT = re.compile(r"\bt\." + KEY + r"\b")  # var t = this.t (the strings the page embeds)


def used_keys(root: Path = REPO) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """({key: files}, {prefix: files}) of the string keys the code and templates use."""
    keys: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}

    def _files(*patterns: str) -> list[Path]:
        return sorted(path for pattern in patterns for path in root.glob(pattern) if "node_modules" not in path.parts)

    def add(found: dict, key: str, path: Path) -> None:
        found.setdefault(key, set()).add(path.relative_to(root).as_posix())

    for path in _files("hooks/**/*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in PYTHON:
            for key in pattern.findall(text):
                add(keys, key, path)
        for prefix in PYTHON_PREFIX.findall(text):
            add(prefixes, prefix, path)
    for path in _files("overrides/**/*.html", "hooks/hub/templates/*.j2"):
        text = path.read_text(encoding="utf-8")
        for pattern in TEMPLATE:
            for key in pattern.findall(text):
                add(keys, key, path)
    for path in _files("overrides/assets/hub/assessment*.js"):
        for key in SCRIPT.findall(path.read_text(encoding="utf-8")):
            add(keys, key, path)
    return keys, prefixes


def test_the_scan_finds_the_keys_the_code_uses():
    keys, prefixes = used_keys()
    # A few keys every part of the site uses, found where they are used.
    assert "hooks/hub/render/pages.py" in keys["library_title"]
    assert any(path.startswith("overrides/") for path in keys["not_translated"])
    assert "type_" in prefixes
    assert len(keys) > 150


def test_a_key_typed_wrong_is_found(tmp_path):
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "page.py").write_text('title = ctx.t["libary_title"] + t["type_" + kind]\n', encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("<p>{{ t.not_translatd }}</p>\n", encoding="utf-8")
    keys, prefixes = used_keys(tmp_path)
    assert set(keys) == {"libary_title", "not_translatd"} and set(prefixes) == {"type_"}
    assert not set(keys) & set(STRINGS["en"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_code_uses_exists(lang):
    keys, prefixes = used_keys()
    missing = {key: sorted(files) for key, files in keys.items() if key not in STRINGS[lang]}
    assert missing == {}
    lonely = {prefix: sorted(files) for prefix, files in prefixes.items() if not any(k.startswith(prefix) for k in STRINGS[lang])}
    assert lonely == {}
