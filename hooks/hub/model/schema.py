"""Building blocks of a front-matter schema, checked against YAML nodes.

A schema is a `Group` of `Field`s. Each kind of value knows three things: how
to check a node (yielding `(node, field, message)` so problems keep their
line), how to write itself as JSON Schema for editors, and how to describe
itself in one line for the contribution guide. The content types built from
these blocks live in `case_schema.py` and `themes.py`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import yaml

from hub.checks import characters
from hub.model import yamlnodes

Finding = tuple  # (node, field path, message)


def received(node: yaml.Node) -> str:
    """Say in a few words what a node holds, for 'received ...' messages."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a group of fields"
    if node.tag == yamlnodes.NULL:
        return "nothing"
    text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    if node.tag == yamlnodes.STR:
        return repr(text)
    if node.tag == yamlnodes.INT:
        return f"the number {text}"
    if node.tag == yamlnodes.TIMESTAMP:
        return f"the date {text}"
    return f"{text!r} ({node.tag.rsplit(':', 1)[-1]})"


def closest(word: str, options) -> str:
    match = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


class Kind:
    """One kind of value. Subclasses implement check, json_schema and hint."""

    hint = ""

    def check(self, node: yaml.Node, where: str) -> Iterator[Finding]:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


def _scalar(node: yaml.Node, where: str, expected: str) -> Iterator[Finding]:
    if not isinstance(node, yaml.ScalarNode) or node.tag == yamlnodes.NULL:
        yield node, where, f"received {received(node)}, expected {expected}"


def hidden_characters(node: yaml.Node, where: str) -> Iterator[Finding]:
    if isinstance(node, yaml.ScalarNode) and (match := characters.HIDDEN.search(node.value)):
        yield node, where, characters.advice(match[0], match.start() + 1)


@dataclass
class Text(Kind):
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""

    @property
    def hint(self) -> str:
        limit = f", at most {self.max_length} characters" if self.max_length else ""
        return (self.pattern_hint or "text") + limit

    def check(self, node, where):
        problems = list(_scalar(node, where, "text"))
        if problems:
            yield from problems
            return
        if node.tag != yamlnodes.STR:
            yield node, where, f"received {received(node)}, expected text: put the value in quotes"
            return
        hidden = list(hidden_characters(node, where))
        if hidden:
            yield from hidden
            return
        text = node.value.strip()
        if not text:
            yield node, where, "is empty: write a value or remove the field if it is optional"
        elif self.max_length and len(text) > self.max_length:
            yield node, where, f"has {len(text)} characters, the limit is {self.max_length}: shorten it"
        elif self.pattern and not re.fullmatch(self.pattern, text):
            yield node, where, f"received {received(node)}, expected {self.pattern_hint}"

    def json_schema(self):
        schema = {"type": "string", "minLength": 1}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        return schema


@dataclass
class Url(Kind):
    hint = "a web address starting with https://"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        hidden = list(hidden_characters(node, where))
        if hidden:
            yield from hidden
            return
        address = str(node.value).strip()
        scheme = address.split(":", 1)[0].lower() if ":" in address else ""
        if scheme in {"javascript", "data", "vbscript"}:
            yield node, where, f"a {scheme}: address is not allowed (it can run code in the reader's browser); link to a https:// page"
        elif not re.fullmatch(r"https://[^\s/]+\.[^\s]+", address):
            yield node, where, f"received {received(node)}, expected {self.hint}"

    def json_schema(self):
        return {"type": "string", "pattern": "^https://", "format": "uri"}


@dataclass
class Choice(Kind):
    options: tuple
    label: str = ""  # e.g. "a theme"; used in the message

    @property
    def hint(self) -> str:
        return "one of " + ", ".join(str(o) for o in self.options)

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        text = node.value.strip()
        if text not in self.options:
            what = f"is not {self.label}" if self.label else "is not allowed"
            yield node, where, f"{text!r} {what}{closest(text, self.options)}; use {self.hint}"

    def json_schema(self):
        return {"enum": list(self.options)}


@dataclass
class Code(Kind):
    """A code from a long list (e.g. countries), shown by example, not listed."""

    codes: dict  # code -> human name, for examples and suggestions
    hint: str = ""
    example: str = ""

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        text = node.value.strip()
        if text in self.codes:
            return
        by_name = {name.lower(): code for code, name in self.codes.items()}
        suggestion = ""
        if text.upper() in self.codes:
            suggestion = f" (write it in capitals: {text.upper()})"
        elif text.lower() in by_name:
            suggestion = f" (for {text} write {by_name[text.lower()]})"
        yield node, where, f"{text!r} is not {self.hint}{suggestion}; for example {self.example}"

    def json_schema(self):
        return {"enum": sorted(self.codes)}


@dataclass
class Integer(Kind):
    minimum: int
    maximum: int
    hint: str = "a whole number"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        if node.tag != yamlnodes.INT:
            yield node, where, f"received {received(node)}, expected {self.hint} without quotes"
            return
        if len(node.value.lstrip("+-").replace("_", "")) > len(str(self.maximum)) + 1:
            yield (
                node,
                where,
                f"received a number of {len(node.value)} digits, expected {self.hint} between {self.minimum} and {self.maximum}",
            )
            return
        number = yamlnodes.value(node)
        if not self.minimum <= number <= self.maximum:
            yield node, where, f"received {number}, expected {self.hint} between {self.minimum} and {self.maximum}"

    def json_schema(self):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass
class Date(Kind):
    hint = "a date written YYYY-MM-DD, without quotes"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        try:
            ok = isinstance(yamlnodes.value(node), datetime.date) and node.tag == yamlnodes.TIMESTAMP
        except (ValueError, yaml.YAMLError):
            ok = False
        if not ok or "T" in node.value or " " in node.value.strip():
            yield node, where, f"received {received(node)}, expected {self.hint}"

    def json_schema(self):
        return {"type": "string", "format": "date"}


@dataclass
class ListOf(Kind):
    item: Kind
    min_items: int = 1
    unique: bool = False
    max_items: int | None = None

    @property
    def hint(self) -> str:
        return f"a list of {self.item.hint}"

    def check(self, node, where):
        if not isinstance(node, yaml.SequenceNode):
            # The suggestion is one line, whatever the value held (a quoted "\n", say).
            one_line = " ".join(node.value.split()) if isinstance(node, yaml.ScalarNode) and node.tag != yamlnodes.NULL else ""
            if one_line:
                yield node, where, f"received {received(node)}, expected a list: write [{one_line}]"
            else:
                yield node, where, f"received {received(node)}, expected {self.hint}"
            return
        if len(node.value) < self.min_items:
            yield node, where, f"has {len(node.value)} items, expected at least {self.min_items}"
        if self.max_items is not None and len(node.value) > self.max_items:
            yield node, where, f"has {len(node.value)} items, expected at most {self.max_items}"
        seen = set()
        for index, child in enumerate(node.value):
            child_where = f"{where}[{index + 1}]"
            yield from self.item.check(child, child_where)
            if self.unique and isinstance(child, yaml.ScalarNode):
                if child.value in seen:
                    yield child, child_where, f"{child.value!r} is listed twice: remove the repeat"
                seen.add(child.value)

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema(), "minItems": self.min_items}
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass
class Field:
    name: str
    kind: Kind
    required: bool = True
    help: dict = dataclass_field(default_factory=dict)  # language -> one sentence for contributors
    example: str = ""  # a YAML value, shown when the field is missing
    # The example in other languages, for free text (a title, a name): the
    # Arabic guide and forms show an Arabic title, not an English one.
    examples: dict = dataclass_field(default_factory=dict)

    def example_in(self, lang: str) -> str:
        return self.examples.get(lang, self.example)


@dataclass
class Group(Kind):
    fields: list
    # Rules across fields: each takes {name: node} and yields findings.
    rules: list = dataclass_field(default_factory=list)
    hint: str = "a group of fields"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def check(self, node, where):
        if not isinstance(node, yaml.MappingNode):
            # A hint that already names the fields, "a theme (id, label...)", is not followed by them again.
            names = "" if self.hint.endswith(")") else f" ({', '.join(f.name for f in self.fields)})"
            yield node, where or "front matter", f"received {received(node)}, expected {self.hint}{names}"
            return
        known = {f.name: f for f in self.fields}
        present: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            path = f"{where}.{key}" if where else key
            if key in present:
                yield key_node, path, "appears twice: keep one"
                continue
            if key not in known:
                allowed = ", ".join(known)
                yield key_node, path, f"unknown field{closest(key, known)}; allowed fields: {allowed}"
                continue
            present[key] = value_node
            yield from known[key].kind.check(value_node, path)
        for f in self.fields:
            if f.required and f.name not in present:
                path = f"{where}.{f.name}" if where else f.name
                example = f", e.g. '{f.name}: {f.example}'" if f.example else ""
                yield node, path, f"is required but missing: add it{example}"
        for rule in self.rules:
            yield from rule(present, where)

    def json_schema(self):
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: {**f.kind.json_schema(), **({"description": f.help["en"]} if f.help else {})} for f in self.fields},
        }


def check_tree(kind: Kind, node: yaml.Node | None, where: str = "") -> list[Finding]:
    """Run a kind over a composed document; an empty document is a group with no fields."""
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [], start_mark=yaml.Mark("", 0, 0, 0, None, None))
    return list(kind.check(node, where))


FLOAT = "tag:yaml.org,2002:float"


@dataclass
class Decimal(Kind):
    """A number with or without decimals (a share in percent, say), within bounds."""

    minimum: float
    maximum: float
    hint: str = "a number"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        if node.tag not in (yamlnodes.INT, FLOAT) or not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", node.value.strip()):
            yield node, where, f"received {received(node)}, expected {self.hint} without quotes, e.g. 47.5"
            return
        number = float(node.value)
        if not self.minimum <= number <= self.maximum:
            yield node, where, f"received {node.value}, expected {self.hint} between {self.minimum:g} and {self.maximum:g}"

    def json_schema(self):
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass
class Either(Kind):
    """A value of `kind`, or one of a few words standing for it (`unknown`, `none`)."""

    words: tuple
    kind: Kind

    @property
    def hint(self) -> str:
        return f"{self.kind.hint}, or {' or '.join(self.words)}"

    def check(self, node, where):
        if isinstance(node, yaml.ScalarNode) and node.tag == yamlnodes.STR:
            text = node.value.strip()
            if text in self.words:
                return
            problems = [] if isinstance(self.kind, Group) else list(self.kind.check(node, where))
            suggestion = closest(text, self.words)
            if problems and not suggestion:
                yield from problems  # the value's own advice (e.g. write a year without quotes)
            elif problems or isinstance(self.kind, Group):
                yield node, where, f"received {received(node)}, expected {self.hint}{suggestion}"
            return
        yield from self.kind.check(node, where)

    def json_schema(self):
        return {"anyOf": [{"enum": list(self.words)}, self.kind.json_schema()]}
