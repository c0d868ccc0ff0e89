"""The words of the schemas: each field's help and examples, from data/fields/<schema>.yml.

The schema modules say what a field is (its kind, whether it is required);
the data file says what a contributor reads about it, in every language,
keyed by the field's dotted path (`id`, `period.start`, `sources.title`). An
entry holds `help` (a text per language), and optionally `example` (a YAML
value) and `examples` (the example in another language, for free text).
`same_as: <path>` (in the same file) or `same_as: <file>:<path>` takes the
help and examples of a field that means the same thing; the entry's own
`example` or `examples` still win. A help text may hold `{name}`
placeholders, filled when the schema is built with what is computed from
other data (the list of themes, say).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from hub.model import datafile, paths, yamlnodes
from hub.model.languages import LANGUAGES
from hub.model.problems import Problem
from hub.model.schema import Either, Field, Group, Kind, ListOf, Text, closest, received

FIELDS_DIR = paths.DATA / "fields"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def walk(kind: Kind, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """(dotted path, Field) of every field, inside groups, lists and alternatives too."""
    kind = _inner(kind)
    if isinstance(kind, Group):
        for field in kind.fields:
            yield prefix + field.name, field
            yield from walk(field.kind, prefix + field.name + ".")


def _inner(kind: Kind) -> Kind:
    while isinstance(kind, ListOf | Either):
        kind = kind.item if isinstance(kind, ListOf) else kind.kind
    return kind


def per_language(group: Kind) -> bool:
    """A group of one text per site language: its parent's help explains its parts."""
    return isinstance(group, Group) and [f.name for f in group.fields] == list(LANGUAGES)


@dataclass(frozen=True)
class Texts:
    help: dict  # language -> text, with {placeholders}
    example: str = ""
    examples: dict | None = None  # language -> example


def path_of(name: str, directory: Path = FIELDS_DIR) -> Path:
    return Path(directory) / f"{name}.yml"


def _raw(path: Path) -> dict:
    """The file's entries as plain values; {} when it cannot be read (its check says why)."""
    try:
        return _read(path, path.stat().st_mtime_ns)
    except OSError:
        return {}


@lru_cache(maxsize=16)
def _read(path: Path, mtime: int) -> dict:
    """Read once per version of the file (`mkdocs serve` sees an edit)."""
    try:
        raw = datafile.load(path)
    except (OSError, yaml.YAMLError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _own(entry) -> Texts | None:
    if not isinstance(entry, dict):
        return None
    help_texts = entry.get("help")
    examples = entry.get("examples")
    return Texts(
        {k: str(v) for k, v in help_texts.items()} if isinstance(help_texts, dict) else {},
        str(entry.get("example") or ""),
        {k: str(v) for k, v in examples.items()} if isinstance(examples, dict) else None,
    )


def _target(reference: str, name: str) -> tuple[str, str]:
    """(file name, dotted path) that `same_as` names."""
    file_name, _, path = reference.rpartition(":")
    return (file_name or name), path


def entries(name: str, directory: Path = FIELDS_DIR) -> dict[str, Texts]:
    """dotted path -> Texts of data/fields/<name>.yml, `same_as` resolved."""
    found = {}
    for path, entry in _raw(path_of(name, directory)).items():
        texts = _own(entry)
        if texts is None:
            continue
        reference = entry.get("same_as")
        if isinstance(reference, str):
            file_name, target = _target(reference, name)
            shared = _own(_raw(path_of(file_name, directory)).get(target))
            if shared is None:
                continue
            texts = Texts(
                shared.help,
                texts.example or shared.example,
                texts.examples if texts.examples is not None else shared.examples,
            )
        found[str(path)] = texts
    return found


def fill(text: str, values: dict, lang: str) -> str:
    """`text` with each {name} replaced by values[name][lang]."""
    return PLACEHOLDER.sub(lambda m: values[m[1]][lang] if m[1] in values else m[0], text)


def apply(schema: Group, name: str, values: dict | None = None, directory: Path = FIELDS_DIR) -> Group:
    """The schema with the help and examples of data/fields/<name>.yml filled in
    by dotted path; `values` (placeholder -> language -> text) fill its help."""
    texts = entries(name, directory)
    values = values or {}

    def kind_of(kind: Kind, prefix: str) -> Kind:
        if isinstance(kind, ListOf):
            return replace(kind, item=kind_of(kind.item, prefix))
        if isinstance(kind, Either):
            return replace(kind, kind=kind_of(kind.kind, prefix))
        if isinstance(kind, Group):
            return replace(kind, fields=[field_of(f, prefix + f.name) for f in kind.fields])
        return kind

    def field_of(field: Field, path: str) -> Field:
        field = replace(field, kind=kind_of(field.kind, path + "."))
        entry = texts.get(path)
        if entry is None:
            return field
        return replace(
            field,
            help={lang: fill(text, values, lang) for lang, text in entry.help.items()},
            example=entry.example,
            examples=dict(entry.examples or {}),
        )

    return kind_of(schema, "")


# What an entry may hold.
_TEXT = Text()
ENTRY = Group(
    [
        Field("help", Group([Field(lang, _TEXT) for lang in LANGUAGES], hint="a help text in each language"), required=False),
        Field("example", _TEXT, required=False),
        Field(
            "examples", Group([Field(lang, _TEXT, required=False) for lang in LANGUAGES], hint="an example per language"), required=False
        ),
        Field("same_as", Text(pattern=r"(?:\w+:)?[\w.]+", pattern_hint="a dotted field path, or <file>:<path>"), required=False),
    ],
    hint="a field's help (help: {en: ..., ar: ...}, optionally example and examples) or same_as",
)


class _Paths(Kind):
    hint = "a mapping of dotted field paths to their help"

    def check(self, node, where):
        if not isinstance(node, yaml.MappingNode):
            yield node, where, f"received {received(node)}, expected {self.hint}"


_PATHS = _Paths()


def check(name: str, schema: Group, placeholders=(), directory: Path = FIELDS_DIR, root: Path = paths.REPO) -> list[Problem]:
    """Problems of data/fields/<name>.yml against `schema`: every field has help in
    every language (but the parts of a per-language text), no entry names a field
    that does not exist, `same_as` names an entry with its own help, and help uses
    only the placeholders this schema fills."""
    path = path_of(name, directory)
    rel = paths.relative(path, root)
    node, found = datafile.check(path, root, "fields", _PATHS)
    if node is None or not isinstance(node, yaml.MappingNode):
        return found
    fields = dict(walk(schema))
    parents = {prefix + f.name: group for prefix, group in _groups(schema) for f in group.fields}
    problems = []
    present = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = yamlnodes.line_of(key_node)
        if key in present:
            problems.append(Problem(rel, line, key, "appears twice: keep one"))
            continue
        present[key] = value_node
        if key not in fields:
            problems.append(
                Problem(rel, line, key, f"no field of the {name} schema has this path{closest(key, fields)}: remove it or correct the path")
            )
            continue
        problems += [Problem(rel, yamlnodes.line_of(n), where, message) for n, where, message in ENTRY.check(value_node, key)]
        problems += _entry_problems(rel, key, value_node, name, directory, placeholders)
    for path_name in fields:
        if path_name not in present and not per_language(parents[path_name]):
            problems.append(
                Problem(
                    rel, 1, path_name, f"has no help: add '{path_name}:' with 'help: {{{', '.join(f'{lang}: ...' for lang in LANGUAGES)}}}'"
                )
            )
    return sorted(found + problems, key=lambda p: p.line)


def _groups(kind: Kind, prefix: str = ""):
    """(path prefix, Group) of every group of the schema."""
    kind = _inner(kind)
    if isinstance(kind, Group):
        yield prefix, kind
        for field in kind.fields:
            yield from _groups(field.kind, prefix + field.name + ".")


def _entry_problems(rel: str, key: str, node: yaml.Node, name: str, directory: Path, placeholders) -> list[Problem]:
    if not isinstance(node, yaml.MappingNode):
        return []  # ENTRY has said so
    values = {k.value: v for k, v in node.value}
    line = yamlnodes.line_of(node)
    if ("help" in values) == ("same_as" in values):
        return [Problem(rel, line, key, "give either 'help' (a text per language) or 'same_as' (the path of a field with the same help)")]
    problems = []
    reference = values.get("same_as")
    if isinstance(reference, yaml.ScalarNode):
        file_name, target = _target(str(reference.value), name)
        entry = _raw(path_of(file_name, directory)).get(target)
        if not isinstance(entry, dict) or not isinstance(entry.get("help"), dict):
            problems.append(
                Problem(
                    rel,
                    yamlnodes.line_of(reference),
                    f"{key}.same_as",
                    f"{reference.value!r} names no entry with its own help in {file_name}.yml",
                )
            )
    texts = values.get("help")
    for text_node in texts.value if isinstance(texts, yaml.MappingNode) else []:
        for unknown in sorted({m[1] for m in PLACEHOLDER.finditer(str(text_node[1].value))} - set(placeholders)):
            allowed = ", ".join("{" + p + "}" for p in placeholders) or "none"
            problems.append(
                Problem(
                    rel,
                    yamlnodes.line_of(text_node[1]),
                    f"{key}.help.{text_node[0].value}",
                    f"{{{unknown}}} is not filled here (placeholders: {allowed})",
                )
            )
    return problems
