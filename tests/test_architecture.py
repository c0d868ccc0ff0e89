"""The core's shape: pages come from templates, and building keeps no state.

* HTML is written in templates (hooks/hub/templates/), never in Python
  strings: the test reads every string literal of hooks/hub/ (docstrings
  aside) and finds no HTML tag, except in the documented places below, which
  read HTML rather than write it.
* A build changes no module of the core: building the site twice from the
  same content gives equal pages, and every module-level value is the same
  before and after.
* The case schema is built in one place, `case_schema.rules()`: everything
  else (checks, contributor tools, scripts) is handed the rules made there.
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


# A call of the case schema's builder, in a script that is not Python (a
# shell script's Python here-document).
SCHEMA_CALL = re.compile(r"(?<!def )\bcase_schema\s*\(")


def _calls_of(tree: ast.AST, name: str):
    """(line, name of the function around it or '<module>') of every call of `name` or `x.name`."""
    found = []

    def visit(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            where = node.name
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called == name:
                found.append((node.lineno, where))
        for child in ast.iter_child_nodes(node):
            visit(child, where)

    visit(tree, "<module>")
    return found


def schema_builders(root: Path = REPO, folders=("hooks", "scripts")) -> list[str]:
    """Where the case schema is built: 'path: function' for Python, 'path:line' for other scripts."""
    found = []
    for path in sorted(p for folder in folders for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # an image or a sound: no code
        if path.suffix == ".py":
            found += [f"{rel}: {where}" for _, where in _calls_of(ast.parse(text), "case_schema")]
        else:
            found += [f"{rel}:{number}" for number, line in enumerate(text.splitlines(), 1) if SCHEMA_CALL.search(line)]
    return found


def test_the_case_schema_is_built_only_by_the_case_rules():
    assert schema_builders() == ["hooks/hub/model/case_schema.py: rules"]


def test_the_schema_builder_finder_finds_every_kind_of_call(tmp_path):
    (tmp_path / "hooks").mkdir()
    (tmp_path / "scripts").mkdir()
    (tmp_path / "hooks" / "tool.py").write_text(
        "def case_schema(themes):\n    pass\n\n\ndef table(themes):\n    return case_schema.case_schema(themes)\n\n\nSCHEMA = case_schema([])\n",
        encoding="utf-8",
    )
    (tmp_path / "scripts" / "generate").write_text("exec python - <<'PY'\nprint(case_schema.case_schema([]))\nPY\n", encoding="utf-8")
    assert schema_builders(tmp_path) == ["hooks/tool.py: table", "hooks/tool.py: <module>", "scripts/generate:2"]


def test_the_core_imports_nothing_of_mkdocs():
    """A move to another site engine rewrites the adapter (hooks/*.py), not hooks/hub/."""
    importers = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name == "mkdocs" or name.startswith(("mkdocs.", "mkdocs_", "material")) for name in names):
                importers.append(path.relative_to(REPO).as_posix())
    assert importers == []
    assert {p.name for p in (REPO / "hooks").glob("*.py")} == {"site.py", "language_split.py", "rebuild.py"}
