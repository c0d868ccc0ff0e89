"""Refuse personal e-mail addresses and phone numbers in directory and event files.

The directory points readers to an organisation's public contact page; it never
publishes how to reach a person. Every text value of a composed YAML file is
looked at, so the rule holds whatever field the detail was typed into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from hub.model import yamlnodes

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the separators phone numbers are written with; dates
# and years are shorter than the eight digits required here.
PHONE = re.compile(r"(?<![\w/=&?.-])\+?\(?\d[\d ()./-]{6,}\d(?![\w/])")
MIN_PHONE_DIGITS = 8
# Dates, year first or last (2024-05-16, 2024/05/16, 30/11/2026, 16.05.2024),
# and runs of years (2014/2015) have as many digits.
NOT_A_PHONE = re.compile(
    r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|(?:19|20)\d\d(?:\s*[-/.]\s*(?:19|20)\d\d)+"
)


def _texts(node: yaml.Node, where: str) -> Iterator[tuple[yaml.Node, str]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _texts(value, f"{where}.{key.value}" if where else str(key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            yield from _texts(child, f"{where}[{index + 1}]")
    elif isinstance(node, yaml.ScalarNode) and node.tag == yamlnodes.STR:
        yield node, where


def findings(node: yaml.Node | None) -> Iterator[tuple[yaml.Node, str, str]]:
    """(node, field, message) for each e-mail address or phone number in the file."""
    if node is None:
        return
    for text_node, where in _texts(node, ""):
        text = text_node.value
        if text.lower().startswith(("mailto:", "tel:")) or EMAIL.search(text):
            yield text_node, where, "holds an e-mail address: link to the organisation's public contact page (contact: https://...) instead"
            continue
        for match in PHONE.finditer(text):
            if sum(ch.isdigit() for ch in match[0]) >= MIN_PHONE_DIGITS and not NOT_A_PHONE.fullmatch(match[0].strip()):
                yield (
                    text_node,
                    where,
                    f"holds what looks like a phone number ({match[0].strip()}): link to the organisation's public contact page instead",
                )
                break
