"""Folders of one-YAML-file-per-entry content (networks/, events/): read and check.

Each file `<id>.yml` is checked against its schema with lines (the same
`Group` kinds as cases), its `id` must equal the file name, and no text may
hold a personal e-mail address or phone number. Entries with any problem are
left out, so no page is built from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from hub.checks import foreign_words, private_details
from hub.model import datafile, paths, yamlnodes
from hub.model import ids as id_rule
from hub.model.problems import Problem
from hub.model.schema import Group


@dataclass(frozen=True)
class Entry:
    id: str
    rel: str  # repository-relative path, for messages
    meta: dict
    node: object = None  # the composed file, to place later problems on their lines

    def line(self, *keys) -> int:
        """The line of a value inside the file, following keys and list positions."""
        node = self.node
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                node = None
            if node is None:
                return 1
        return yamlnodes.line_of(node)


def find(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.yml") if not p.name.startswith("_"))


def read(folder: Path, root: Path, schema: Group, what: str) -> tuple[dict[str, Entry], list[Problem], int]:
    """({id: Entry} of the valid files, problems, number of files checked)."""
    entries, found, files = {}, [], find(folder)
    for path in files:
        rel = paths.relative(path, root)
        # Checked from the top (fields named `id`, not `network.id`); a problem
        # with the whole file is named after the kind of entry.
        node, problems = datafile.check(path, root, "", schema)
        problems = [p if p.field not in ("", "front matter") else Problem(p.path, p.line, what, p.message) for p in problems]
        if node is not None:
            problems += [Problem(rel, yamlnodes.line_of(n), where, message) for n, where, message in private_details.findings(node)]
        if node is None or problems:
            found += problems
            continue
        meta = yamlnodes.value(node)
        if meta["id"] != path.stem:
            id_node = next(v for k, v in node.value if k.value == "id")
            found.append(
                Problem(rel, yamlnodes.line_of(id_node), "id", f"{meta['id']!r} differs from the file name {path.name!r}: make them equal")
            )
            continue
        entries[meta["id"]] = Entry(meta["id"], rel, meta, node)
        # Latin words in the Arabic text: a warning, as for the cases.
        found += [Problem(rel, line, where, message, "warning") for line, where, message in foreign_words.bilingual_problems(node)]
    return entries, found, len(files)


def unknown_ids(entry: Entry, keys: tuple, field: str, ids, known, what: str) -> list[Problem]:
    """A problem for each of `ids` (the list at `keys` in the entry's file, shown
    as `field`) that is not in `known`, with the closest known id as a hint."""
    return [
        Problem(
            entry.rel,
            entry.line(*keys, index),
            f"{field}[{index + 1}]",
            f"{item_id!r} is not one of the {what}{hint}: use the id of an existing one",
        )
        for index, item_id, hint in id_rule.unknown(ids, known)
    ]
