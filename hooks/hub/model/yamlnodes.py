"""Read YAML as nodes that remember their line, and split Markdown front matter.

Validation works on `yaml.compose` nodes rather than on loaded values, so that
every problem can name the 1-based line where the offending value stands.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from hub.checks import characters

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"


# libyaml's parser when PyYAML has it (its wheels do): several times faster,
# with the same node marks.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(Exception):
    """Broken YAML, with the 1-based line and a readable reason."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass
class FrontMatter:
    node: yaml.Node | None  # the composed mapping (None when the block is empty)
    body: str  # the Markdown after the closing `---`
    body_line: int  # 1-based line of the body's first line in the file
    first_line: int  # 1-based line of the first front-matter line


def line_of(node: yaml.Node, offset: int = 0) -> int:
    return node.start_mark.line + 1 + offset


ANCHORS_REFUSED = (
    "anchors and aliases (&name, *name) are not allowed here: write each value out in full (a few nested aliases can expand to gigabytes)"
)


def _refuse_anchors(text: str) -> None:
    """Raise on the first anchor or alias, before anything is expanded."""
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(problem=ANCHORS_REFUSED, problem_mark=event.start_mark)


def compose(text: str, offset: int = 0) -> yaml.Node | None:
    """Compose YAML text into nodes; `offset` shifts lines to the file's.

    Anchors and aliases are refused: contributed files are read by everyone's
    build, and aliases are how a small file becomes a huge value.
    """
    if match := characters.UNREADABLE_BY_YAML.search(text):
        line = text.count("\n", 0, match.start()) + 1 + offset
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise YamlSyntaxError(line, characters.advice(match[0], column))
    try:
        if "&" in text or "*" in text:
            _refuse_anchors(text)
        return yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # "end of stream" points past the block; where the construct began helps more.
        if exc.context_mark is not None and "end of stream" in str(exc.problem):
            mark = exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        reason = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if exc.problem == ANCHORS_REFUSED:
            raise YamlSyntaxError(line, ANCHORS_REFUSED) from None
        hint = "; check the quotes, colons and indentation on this line"
        raise YamlSyntaxError(line, "broken YAML: " + (reason or "the YAML cannot be read") + hint) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + offset, "broken YAML: " + str(exc).splitlines()[0]) from None


_SIMPLE = {
    STR: str,
    INT: lambda text: (
        int(text.replace("_", ""), 0) if not text.lstrip("+-").startswith("0") or text.lstrip("+-") == "0" else _construct_scalar(INT, text)
    ),
    NULL: lambda text: None,
}


def _construct_scalar(tag: str, text: str):
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(yaml.ScalarNode(tag, text), deep=True)
    finally:
        loader.dispose()


def value(node: yaml.Node):
    """The plain Python value of a node (str, int, date, list, dict...).

    Common tags are converted directly; PyYAML's constructor handles the rest
    (dates, booleans, floats, octal numbers), with the same results.
    """
    if isinstance(node, yaml.ScalarNode):
        simple = _SIMPLE.get(node.tag)
        return simple(node.value) if simple else _construct_scalar(node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return [value(child) for child in node.value]
    if isinstance(node, yaml.MappingNode):
        return {value(key): value(child) for key, child in node.value}
    raise TypeError(f"unexpected YAML node {node!r}")


def split_front_matter(text: str) -> FrontMatter:
    """Separate the `---` block at the top of a Markdown file from its body.

    Raises YamlSyntaxError when the block is missing, unclosed or not YAML.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise YamlSyntaxError(1, "the file must start with a front-matter block: a line '---', the fields, then '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            # A blank first line stands for the opening '---', so that node
            # marks count lines exactly as the file does.
            block = "\n" + "".join(lines[1:index])
            node = compose(block)
            return FrontMatter(node, "".join(lines[index + 1 :]), index + 2, 2)
    raise YamlSyntaxError(1, "the front-matter block is never closed: add a line '---' after the last field")
