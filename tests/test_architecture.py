"""The core's shape: pages come from templates, and building keeps no state.

* HTML is written in templates (hooks/hub/templates/), never in Python
  strings: the test reads every string literal of hooks/hub/ (docstrings
  aside) and finds no HTML tag, except in the documented places below, which
  read HTML rather than write it.
* A build changes no module of the core: building the site twice from the
  same content gives equal pages, and every module-level value is the same
  before and after.
"""

from __future__ import annotations

import ast
import copy
import importlib
import pkgutil
import re
import types
from pathlib import Path

import hub
from helpers import REPO
from hub.checks import project
from hub.model import strings
from hub.render import placeholders
from hub.render import site as hub_site

CORE = REPO / "hooks" / "hub"
ELEMENTS = (
    "a abbr article audio b bdi blockquote br button caption code dd details div dl dt em figure form h1 h2 h3 h4 h5 h6 hr i iframe "
    "img input label li link meta nav ol option p pre script section select source span strong summary svg table tbody td th thead "
    "time tr track ul video"
).split()
TAG = re.compile(r"</?(?:" + "|".join(ELEMENTS) + r")(?=[\s>/])")

# Strings that hold tags to read HTML, not to write it, and the one splice
# into finished pages: path -> why.
READS_HTML = {
    "search/index.py": "the search index drops scripts, styles and heading links from the pages it reads",
    "media/transcript.py": "finds the timestamps that open the rendered transcript's paragraphs",
    "render/csp.py": "finds the layout's inline scripts, and puts the policy's <meta> first in <head> (hooks/hub/README.md)",
    "checks/foreign_words.py": "sets aside the names a body's source marks with <span lang>, and shows a contributor that mark in its message",
}


def _strings(tree: ast.AST):
    """Every string literal of a module, docstrings left out, with its line."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def html_in_python(root: Path = CORE) -> dict[str, list[int]]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        lines = sorted({line for line, text in _strings(ast.parse(path.read_text(encoding="utf-8"))) if TAG.search(text)})
        if lines and rel not in READS_HTML:
            found[rel] = lines
    return found


def test_no_python_string_of_the_core_writes_html():
    assert html_in_python() == {}


def test_the_html_finder_finds_html_in_a_string(tmp_path):
    (tmp_path / "page.py").write_text('"""A page: <p> in a docstring is fine."""\nROW = f"<tr><td>{1}</td></tr>"\n', encoding="utf-8")
    assert html_in_python(tmp_path) == {"page.py": [2]}


def _core_modules() -> list[types.ModuleType]:
    return [importlib.import_module(info.name) for info in pkgutil.walk_packages(hub.__path__, "hub.")]


def _module_values() -> dict:
    values = {}
    for module in _core_modules():
        for name, value in vars(module).items():
            if isinstance(value, dict | list | set | bytearray) and not name.startswith("__"):
                values[(module.__name__, name)] = copy.deepcopy(value)
    return values


def test_building_twice_changes_no_module_and_gives_the_same_site():
    before = _module_values()
    report, texts = project.check(), strings.load()
    first = hub_site.build(report, texts, "https://example.org/")
    second = hub_site.build(report, texts, "https://example.org/")
    assert _module_values() == before
    assert first.pages == second.pages and first.files == second.files and first.redirects == second.redirects
    # Each build has its own splices, and both hold the same pieces.
    assert first.splices is not second.splices and len(first.splices) == len(second.splices) > 0


def test_every_placeholder_of_the_pages_is_in_the_one_table():
    used = set()
    for path in (REPO / "docs").rglob("*.md"):
        used |= {m["name"] for m in placeholders.PLACEHOLDER.finditer(path.read_text(encoding="utf-8"))}
    assert used and used <= set(placeholders.PLACEHOLDERS), used - set(placeholders.PLACEHOLDERS)
