"""A country card (country_cards/<code>.yml): its fields, one source of the rules.

One declaration gives the check with lines, the JSON Schema for editors, the
contribution guide's table and the template (scripts/generate). A fact that
no checked source gives is written `unknown`, never guessed; the card shows
the word. Every block cites the numbered `sources` at the end of the file.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

import yaml

from hub.model import field_texts, strings, yamlnodes
from hub.model.case_schema import SOURCE, YEAR
from hub.model.languages import LANGUAGES
from hub.model.schema import Choice, Date, Decimal, Either, Field, Group, Integer, Kind, ListOf, Text, Url, _scalar, received
from hub.model.themes import bilingual
from hub.support.network_schema import COUNTRY_CODE

UNKNOWN = "unknown"
QUOTA_KINDS = ("legislated", "reserved-seats", "voluntary-party", "none")
BINDS = ("yes", "no", UNKNOWN)
MAX_SOURCES = 40


def or_unknown(kind: Kind) -> Either:
    return Either((UNKNOWN,), kind)


@dataclass
class YearOrDate(Kind):
    """When: a year (2027) or a day (2026-04-25), quoted or not."""

    hint = "a year (2027) or a date written YYYY-MM-DD"

    def check(self, node, where):
        problems = list(_scalar(node, where, self.hint))
        if problems:
            yield from problems
            return
        text = node.value.strip()
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", text)
        try:
            ok = match is not None and 1900 <= int(match[1]) <= 2100 and (match[2] is None or datetime.date.fromisoformat(text))
        except ValueError:
            ok = False
        if not ok:
            yield node, where, f"received {received(node)}, expected {self.hint}"

    def json_schema(self):
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, {"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$"}]}


CITES = Field("sources", ListOf(Integer(1, MAX_SOURCES, hint="a source number"), unique=True))
NOTE = Field("note", bilingual(600), required=False)
# Sweden's press-freedom act, which opened official documents to the public, dates from 1766.
LAW_YEAR = Integer(1700, 2100, hint="a year (four digits)")
PERCENT = or_unknown(Decimal(0, 100, hint="a share in percent"))


def _needs_when(condition, names: tuple):
    """A rule: the fields `names` are required when `condition(present)` holds."""

    def rule(present: dict, where: str):
        if condition(present):
            for name in names:
                if name not in present:
                    node = next(iter(present.values()), None)
                    if node is not None:
                        yield node, f"{where}.{name}", f"is required here but missing: add '{name}:' (or '{name}: unknown')"

    return rule


def _word(present: dict, name: str) -> str | None:
    node = present.get(name)
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else None


QUOTA = Group(
    [
        Field("kind", Choice(QUOTA_KINDS, "a kind of quota")),
        Field("rule", bilingual(600)),
        Field("sanction", or_unknown(bilingual(400)), required=False),
        Field("since", or_unknown(YEAR), required=False),
        NOTE,
        CITES,
    ],
    rules=[_needs_when(lambda present: _word(present, "kind") not in (None, "none"), ("sanction", "since"))],
    hint="a quota block (kind, rule, sanction, since, sources)",
)

LATEST = Group(
    [Field("year", YEAR), Field("women_councillors_percent", PERCENT), Field("women_mayors_percent", PERCENT), NOTE, CITES],
    hint="the latest elections (year, women_councillors_percent, women_mayors_percent, sources)",
)

ACCESS = Group(
    [
        Field("law", Either(("none",), bilingual(300))),
        Field("year", or_unknown(LAW_YEAR), required=False),
        Field("binds_municipalities", Choice(BINDS, "yes, no or unknown"), required=False),
        NOTE,
        CITES,
    ],
    rules=[_needs_when(lambda present: _word(present, "law") != "none", ("year", "binds_municipalities"))],
    hint="an access-to-information block (law, year, binds_municipalities, sources)",
)

NEXT = Group([Field("when", or_unknown(YearOrDate())), NOTE, CITES], hint="the next elections (when, sources)")


@dataclass
class WebUrl(Url):
    """A web address; a stored public page may be http:// only (the check warns)."""

    hint = "a web address starting with https:// (or http://)"

    def check(self, node, where):
        if isinstance(node, yaml.ScalarNode) and node.tag == yamlnodes.STR and node.value.strip().lower().startswith("http://"):
            node = yaml.ScalarNode(node.tag, "https://" + node.value.strip()[7:], node.start_mark, node.end_mark)
        yield from super().check(node, where)

    def json_schema(self):
        return {"type": "string", "pattern": "^https?://", "format": "uri"}


def plain_http(node: yaml.Node) -> list[tuple[yaml.Node, int]]:
    """(url node, source number) of sources given as http:// (a warning: readers may be sent an altered page)."""
    sources = dict((k.value, v) for k, v in node.value).get("sources") if isinstance(node, yaml.MappingNode) else None
    if not isinstance(sources, yaml.SequenceNode):
        return []
    found = []
    for n, source in enumerate(sources.value, start=1):
        url = dict((k.value, v) for k, v in source.value).get("url") if isinstance(source, yaml.MappingNode) else None
        if isinstance(url, yaml.ScalarNode) and url.value.strip().lower().startswith("http://"):
            found.append((url, n))
    return found


# A case's source, with the address required (each figure links to it) and a
# year that may be unknown when the page gives none.
CARD_SOURCE = Group(
    [
        SOURCE.field("title"),
        SOURCE.field("publisher"),
        replace(SOURCE.field("year"), kind=or_unknown(YEAR)),
        replace(SOURCE.field("url"), kind=WebUrl(), required=True),
        SOURCE.field("language"),
    ],
    hint="a source with title, publisher, year, url and language",
)


def _cited_numbers(blocks):
    """(number node, block name) of every number the blocks cite; `blocks` are (name, node) pairs."""
    for name, block in blocks:
        if name == "sources" or not isinstance(block, yaml.MappingNode):
            continue
        for key, inner in block.value:
            if key.value == "sources" and isinstance(inner, yaml.SequenceNode):
                for number in inner.value:
                    if number.tag == yamlnodes.INT and number.value.isdigit():
                        yield number, name


def _citations_exist(present: dict, where: str):
    sources = present.get("sources")
    count = len(sources.value) if isinstance(sources, yaml.SequenceNode) else 0
    for number, name in _cited_numbers(present.items()):
        if int(number.value) > count:
            yield (
                number,
                f"{name}.sources",
                f"cites source {number.value}, but the file lists {count}: add it to 'sources' or correct the number",
            )


def uncited(node: yaml.Node) -> list[tuple[yaml.Node, int]]:
    """(source node, number) of each source that no block cites (a warning: a source no fact rests on)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    blocks = [(k.value, v) for k, v in node.value]
    sources = dict(blocks).get("sources")
    if not isinstance(sources, yaml.SequenceNode):
        return []
    cited = {int(n.value) for n, _ in _cited_numbers(blocks)}
    return [(child, n) for n, child in enumerate(sources.value, start=1) if n not in cited]


BLOCKS = ("electoral_system", "quota", "latest_local_elections", "access_to_information", "campaign_finance", "next_local_elections")


def _text(length: int) -> list:
    """A text in each language, with the block's note and cited sources."""
    return [*bilingual(length).fields, NOTE, CITES]


def card_schema() -> Group:
    schema = Group(
        [
            Field("country", COUNTRY_CODE),
            Field("reviewed", Date()),
            Field("reviewer", Text(120)),
            Field("electoral_system", Group(_text(600), hint="the electoral system (en, ar, sources)")),
            Field("quota", or_unknown(QUOTA)),
            Field("latest_local_elections", or_unknown(LATEST)),
            Field("access_to_information", or_unknown(ACCESS)),
            Field("campaign_finance", or_unknown(Group(_text(800), hint="campaign-finance rules (en, ar, sources)"))),
            Field("next_local_elections", or_unknown(NEXT)),
            Field("sources", ListOf(CARD_SOURCE, max_items=MAX_SOURCES)),
        ],
        rules=[_citations_exist],
        hint="the card's fields",
    )
    return field_texts.apply(schema, "country_card")


def guide_schema(schema: Group | None = None) -> Group:
    """The same fields with each block's own fields in view (for the guide's table)."""
    schema = schema or card_schema()

    def unwrap(field: Field) -> Field:
        kind = field.kind.kind if isinstance(field.kind, Either) and isinstance(field.kind.kind, Group) else field.kind
        return replace(field, kind=kind)

    return replace(schema, fields=[unwrap(f) for f in schema.fields])


def template(schema: Group | None = None) -> str:
    """country_cards/_template.yml: every field with its help in both languages."""
    schema = guide_schema(schema)
    t = strings.load()
    lines = [
        "# yaml-language-server: $schema=../hooks/hub/schemas/country_card.schema.json",
        *(f"# {t[lang]['template_card_copy']}" for lang in LANGUAGES),
        "# " + " | ".join(t[lang]["template_card_unknown"] for lang in LANGUAGES),
    ]

    def write(group: Group, indent: str) -> None:
        for field in group.fields:
            if not indent:
                lines.append("")
            lines.extend(f"{indent}# {field.help[lang]}" for lang in LANGUAGES if lang in field.help)
            kind = field.kind.kind if isinstance(field.kind, Either) and isinstance(field.kind.kind, Group) else field.kind
            # Only the note is left out: sanction, since, year... are needed unless the kind or law is none.
            prefix = f"{indent}# " if field.name == NOTE.name else indent
            if isinstance(kind, Group) and field.name not in ("note",) and not _is_bilingual(kind):
                lines.append(f"{prefix}{field.name}:")
                write(kind, indent + "  ")
            else:
                lines.append(f"{prefix}{field.name}: {field.example or chr(34) * 2}")

    write(schema, "")
    return "\n".join(lines) + "\n"


def _is_bilingual(group: Group) -> bool:
    return [f.name for f in group.fields] == list(LANGUAGES)
