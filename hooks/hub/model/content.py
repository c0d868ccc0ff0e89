"""Content files: finding them, reading them, checking each and each pair.

A content file is `<id>.<lang>.md` with front matter; the two language files
of one item share the id. This module knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hub.checks import body_rules, foreign_words, limits, safe_html
from hub.model import case_schema, paths, yamlnodes
from hub.model.languages import DIRECTION, LANGUAGES
from hub.model.problems import Problem, errors
from hub.model.schema import Group, check_tree

NAME = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")


def is_content_file(path: Path) -> bool:
    """Every Markdown file is content, except READMEs, indexes and templates."""
    name = path.name
    return (
        name.endswith(".md")
        and name.lower() not in {"readme.md", "index.md"}
        and not name.startswith("_")
        and "template" not in name.lower()
    )


def find(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*.md") if is_content_file(p))


@dataclass
class Item:
    """One language file of a content item, as read from disk."""

    path: Path
    rel: str  # repository-relative path, as problems print it
    id: str  # from the file name
    lang: str
    meta: dict  # front matter as plain values ({} when unreadable)
    nodes: dict  # field name -> YAML node, for line numbers
    body: str
    body_line: int
    front: object = None  # the composed front-matter node
    valid: bool = True
    root: Path = paths.REPO  # the project (folder of mkdocs.yml) the file belongs to


def read(path: Path, root: Path) -> tuple[Item | None, list[Problem]]:
    rel = paths.relative(path, root)
    match = NAME.fullmatch(path.name)
    if not match or match["lang"] not in LANGUAGES:
        langs = " or ".join(f"<id>.{lang}.md" for lang in LANGUAGES)
        return None, [Problem(rel, 1, "file name", f"{path.name!r} must be named {langs}, e.g. tunisia-parity-2018.en.md")]
    try:
        text = limits.read_text(path)
    except limits.Refused as exc:
        return None, [Problem(rel, exc.line, "file", exc.reason)]
    try:
        fm = yamlnodes.split_front_matter(text)
    except yamlnodes.YamlSyntaxError as exc:
        return None, [Problem(rel, exc.line, "front matter", exc.reason)]
    nodes, meta = {}, {}
    if isinstance(fm.node, yaml.MappingNode):
        for key_node, value_node in fm.node.value:
            if hasattr(key_node, "value") and isinstance(key_node.value, str):
                nodes.setdefault(key_node.value, value_node)
        try:
            loaded = yamlnodes.value(fm.node)
            meta = loaded if isinstance(loaded, dict) else {}
        except Exception:  # a value PyYAML cannot construct; the schema reports it
            meta = {}
    item = Item(path, rel, match["id"], match["lang"], meta, nodes, fm.body, fm.body_line, fm.node, root=Path(root))
    return item, []


def check_case(item: Item, schema: Group) -> list[Problem]:
    """Front matter against the schema, then the body's safety and sections."""
    found = [
        Problem(item.rel, yamlnodes.line_of(node), where or "front matter", message)
        for node, where, message in check_tree(schema, item.front)
    ]
    id_node = item.nodes.get("id")
    if id_node is not None and getattr(id_node, "value", None) not in (None, item.id) and not any(p.field == "id" for p in found):
        found.append(
            Problem(
                item.rel,
                yamlnodes.line_of(id_node),
                "id",
                f"{id_node.value!r} differs from the file name's id {item.id!r}: make them equal",
            )
        )
    found += [
        Problem(item.rel, line, "body", message)
        for line, message in safe_html.problems(item.body, item.body_line, item.root / "mkdocs.yml")
    ]
    if DIRECTION.get(item.lang) == "rtl":
        # Latin words on an Arabic page are translated or carry their language;
        # a warning: the page still builds, the browser test holds the line.
        found += [Problem(item.rel, line, field, message, "warning") for line, field, message in foreign_words.front_problems(item.front)]
        found += [
            Problem(item.rel, line, "body", message, "warning")
            for line, message in foreign_words.body_problems(item.body, item.body_line, item.root / "mkdocs.yml")
        ]
    case_type = item.meta.get("type")
    if isinstance(case_type, str) and case_type in case_schema.sections():
        required = [names[item.lang] for names in case_schema.sections()[case_type]]
        end_line = item.body_line + max(len(item.body.splitlines()) - 1, 0)
        found += [
            Problem(item.rel, line, "body", message)
            for line, message in body_rules.missing_or_misordered(body_rules.headings(item.body, item.body_line), required, end_line)
        ]
    item.valid = not errors(found)
    return found


def check_pairs(items: list[Item], shared_fields, what: str = "case") -> list[Problem]:
    """Both language files of an item must agree; a lone language is a warning."""
    found = []
    by_id: dict[str, dict[str, Item]] = {}
    for item in items:
        same = by_id.setdefault(item.id, {})
        if item.lang in same:
            found.append(
                Problem(item.rel, 1, "id", f"{same[item.lang].rel} has the same id and language: one {what} per id; rename one of them")
            )
            continue
        same[item.lang] = item
    for item_id, versions in sorted(by_id.items()):
        langs = [lang for lang in LANGUAGES if lang in versions]
        if len(langs) == 1:
            only = versions[langs[0]]
            missing = [lang for lang in LANGUAGES if lang not in versions]
            found.append(
                Problem(
                    only.rel,
                    1,
                    "translation",
                    f"no {', '.join(missing)} version yet: readers of that language see this one with a 'not yet translated' notice; add {item_id}.{missing[0]}.md",
                    "warning",
                )
            )
            continue
        first, *others = (versions[lang] for lang in langs)
        for other in others:
            for name in shared_fields:
                if name in first.meta and name in other.meta and first.meta[name] != other.meta[name]:
                    node = other.nodes.get(name)
                    line = yamlnodes.line_of(node) if node is not None else 1
                    found.append(
                        Problem(
                            other.rel,
                            line,
                            name,
                            f"{other.meta[name]!r} differs from {first.meta[name]!r} in {first.rel}: the language files of one {what} must agree on {name}",
                        )
                    )
    return found
