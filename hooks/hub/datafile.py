"""Check a YAML data file (themes, question bank...) against a schema, with lines."""

from __future__ import annotations

from pathlib import Path

from . import paths, yamlnodes
from .problems import Problem
from .schema import Kind


def check(path: Path, root: Path, name: str, schema: Kind):
    """(composed node or None, problems); None when the file cannot be read at all."""
    rel = paths.relative(path, root)
    try:
        node = yamlnodes.compose(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        return None, [Problem(rel, 1, name, f"cannot be read: {exc.strerror}")]
    except yamlnodes.YamlSyntaxError as exc:
        return None, [Problem(rel, exc.line, name, exc.reason)]
    if node is None:
        return None, [Problem(rel, 1, name, "the file is empty")]
    return node, [Problem(rel, yamlnodes.line_of(n), where or name, message) for n, where, message in schema.check(node, name)]
