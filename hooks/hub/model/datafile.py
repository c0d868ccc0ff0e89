"""Check a YAML data file (themes, question bank...) against a schema, with lines."""

from __future__ import annotations

from pathlib import Path

from hub.model import paths, yamlnodes
from hub.model.problems import Problem
from hub.model.schema import Kind


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


def read_list(path: Path, root: Path, name: str, schema: Kind, what: str):
    """A list of entries with ids (themes, topics), checked against the schema,
    then for ids used twice: (plain values, or None when anything is wrong;
    problems). The values come from the same parse as the check."""
    node, found = check(path, root, name, schema)
    if node is not None and not found:
        found = _repeated_ids(node, paths.relative(path, root), what)
    return (yamlnodes.value(node) if node is not None and not found else None), found


def load(path: Path):
    """A data file as plain values. Check it first: this assumes a valid file."""
    import yaml

    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yamlnodes.LOADER)


def _repeated_ids(node, rel: str, what: str) -> list[Problem]:
    """One problem per entry of a valid list whose `id` an earlier entry already has."""
    found, seen = [], set()
    for item in node.value:
        id_node = dict((k.value, v) for k, v in item.value)["id"]
        if id_node.value in seen:
            found.append(Problem(rel, yamlnodes.line_of(id_node), "id", f"{what} {id_node.value!r} is defined twice: keep one"))
        seen.add(id_node.value)
    return found
