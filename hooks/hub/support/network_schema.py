"""The directory of networks: the controlled lists (data/support.yml) and an entry's fields.

One declaration gives the check with lines, the JSON Schema for editors, the
contribution guide's table and the issue form, as for cases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from hub.model import countries, datafile, field_texts, paths, topics, yamlnodes
from hub.model.case_schema import PHASES, SOURCE
from hub.model.ids import id_kind
from hub.model.languages import LANGUAGES, joined
from hub.model.problems import Problem
from hub.model.schema import Choice, Code, Date, Field, Group, ListOf, Text, Url
from hub.model.themes import bilingual

SUPPORT_FILE = paths.DATA / "support.yml"

LANGUAGE_CODE = SOURCE.field("language").kind  # ISO 639-1, as for a case's sources
COUNTRY_CODE = Code(countries.names("en"), "an ISO 3166-1 alpha-2 country code", "TN for Tunisia, JO for Jordan, DE for Germany")
VOCABULARY_ID = Text(40, topics.ID_PATTERN, "lower-case words joined by single hyphens")


def _vocabulary_schema(topic_ids) -> Group:
    named = [Field("id", VOCABULARY_ID), Field("name", bilingual(60))]
    return Group(
        [
            Field("support", ListOf(Group([*named, Field("topics", topics.kind(topic_ids))], hint="a kind of support (id, name, topics)"))),
            Field("regions", ListOf(Group(named, hint="a region (id, name)"))),
        ],
        hint="the lists 'support' and 'regions'",
    )


@dataclass(frozen=True)
class Vocabulary:
    support: dict  # id -> {"name": {lang: text}, "topics": [topic ids]}, in file order
    regions: dict  # id -> {"name": {lang: text}}


def read_vocabulary(path: Path = SUPPORT_FILE, root: Path = paths.REPO, topic_ids=None) -> tuple[Vocabulary | None, list[Problem]]:
    """The lists (None if the file has problems), and the file's problems."""
    topic_ids = topic_ids if topic_ids is not None else [t.id for t in topics.load()]
    node, found = datafile.check(path, root, "support", _vocabulary_schema(topic_ids))
    return (_vocabulary(yamlnodes.value(node)) if node is not None and not found else None), found


def load_vocabulary(path: Path = SUPPORT_FILE) -> Vocabulary:
    """The lists in file order, from a file known to be valid."""
    return _vocabulary(datafile.load(path))


def _vocabulary(raw: dict) -> Vocabulary:
    return Vocabulary(
        {item["id"]: {"name": item["name"], "topics": item["topics"]} for item in raw["support"]},
        {item["id"]: {"name": item["name"]} for item in raw["regions"]},
    )


def _one_place(present: dict, where: str):
    if ("country" in present) == ("region" in present):
        node = present.get("region") or present.get("id")
        if node is not None:
            yield (
                node,
                "country",
                "give either 'country' (one ISO code) or 'region' (for a network across countries), not both and not neither",
            )


# A web source a reader can open: the case's source fields with the address required.
WEB_SOURCE = Group(
    [SOURCE.field("title"), SOURCE.field("publisher"), replace(SOURCE.field("url"), required=True), SOURCE.field("language")],
    hint="a source with title, publisher, url and language",
)


def network_schema(vocabulary: Vocabulary) -> Group:
    name = Group(
        [Field("official", Text(200)), Field("language", LANGUAGE_CODE), Field("en", Text(200)), Field("ar", Text(200))],
        hint="a name with official, language, en and ar",
    )
    schema = Group(
        [
            Field("id", id_kind()),
            Field("name", name),
            Field("country", COUNTRY_CODE, required=False),
            Field("region", Choice(tuple(vocabulary.regions), "a region of hooks/hub/data/support.yml"), required=False),
            Field("phase", Choice(PHASES, "a phase")),
            Field("members", bilingual(300)),
            Field("summary", bilingual(400)),
            Field("support", ListOf(Choice(tuple(vocabulary.support), "a kind of support of hooks/hub/data/support.yml"), unique=True)),
            Field("languages", ListOf(LANGUAGE_CODE, unique=True)),
            Field("contact", Url(), required=False),
            Field("sources", ListOf(WEB_SOURCE)),
            Field("reviewed", Date()),
        ],
        rules=[_one_place],
        hint="the network's fields",
    )
    return field_texts.apply(schema, "network", help_values(vocabulary))


def help_values(vocabulary: Vocabulary) -> dict:
    """What the help texts of data/fields/network.yml name by placeholder: the lists' ids."""
    lists = {"regions": vocabulary.regions, "support": vocabulary.support}
    return {key: {lang: joined(ids, lang) for lang in LANGUAGES} for key, ids in lists.items()}
