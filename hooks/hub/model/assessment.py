"""The self-assessment's question bank: its schema, its checks and what the page needs.

The bank (data/assessment.yml) is the single source of the questions. The
build checks it with the same error format as content files and hands the
assessment page one language's view of it, together with the theme pages and
cases each dimension's recommendations link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from hub.model import datafile, paths, topics, yamlnodes
from hub.model.ids import id_kind
from hub.model.languages import LANGUAGES
from hub.model.problems import Problem
from hub.model.schema import Choice, Field, Group, Integer, ListOf, Text
from hub.model.themes import bilingual

BANK_FILE = paths.DATA / "assessment.yml"
KINDS = ("capacity", "environment")
LEVELS = 4
ID = id_kind()


def _per_language(item, count=None) -> Group:
    """A list given once per language, e.g. the four level descriptors."""
    exact = {"min_items": count, "max_items": count} if count else {"min_items": 1}
    return Group([Field(lang, ListOf(item, **exact)) for lang in LANGUAGES], hint="a list per language (" + ", ".join(LANGUAGES) + ")")


def bank_schema(theme_ids, topic_ids) -> Group:
    indicator = Group(
        [
            Field("id", ID),
            Field("statement", bilingual(300)),
            Field("levels", _per_language(Text(300), LEVELS)),
        ],
        hint="an indicator (id, statement, levels)",
    )
    dimension = Group(
        [
            Field("id", ID),
            Field("name", bilingual(80)),
            Field("kind", Choice(KINDS, "a kind of dimension")),
            Field("themes", ListOf(Choice(tuple(theme_ids), "a theme"), unique=True)),
            Field("topics", topics.kind(topic_ids)),
            Field("description", bilingual(300)),
            Field("next_steps", _per_language(Text(400))),
            Field("indicators", ListOf(indicator, min_items=2)),
        ],
        hint="a dimension",
    )
    phase = Group(
        [
            Field("id", Choice(("election", "office"), "a phase")),
            Field("name", bilingual(80)),
            Field("description", bilingual(300)),
            Field("dimensions", ListOf(dimension)),
        ],
        hint="a phase",
    )
    band = Group(
        [
            Field("id", ID),
            Field("min", Integer(0, 100, hint="a score from 0 to 100")),
            Field("name", bilingual(40)),
        ],
        hint="a band",
    )
    level = Group([Field("level", Integer(1, LEVELS, hint="a level")), Field("name", bilingual(40))], hint="a level")
    return Group(
        [
            Field("version", Integer(1, 10_000, hint="a version number")),
            Field("scale", ListOf(level, min_items=LEVELS, max_items=LEVELS)),
            Field("bands", ListOf(band, min_items=2)),
            Field("phases", ListOf(phase, min_items=2, max_items=2)),
        ],
        hint="the question bank",
    )


def _ids(node, key):
    """(node, value) of `key` in every mapping under `node`, depth first."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key and isinstance(v, yaml.ScalarNode):
                yield v
            yield from _ids(v, key)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _ids(child, key)


def check(theme_ids, path: Path = BANK_FILE, root: Path = paths.REPO, topic_ids=None) -> list[Problem]:
    """Problems of the bank; its topics are checked against `topic_ids` (default: data/topics.yml)."""
    rel = paths.relative(path, root)
    topic_ids = list(topic_ids) if topic_ids is not None else [t.id for t in topics.load()]
    node, found = datafile.check(path, root, "assessment", bank_schema(list(theme_ids), topic_ids))
    if node is None:
        return found
    seen: dict[str, int] = {}
    for id_node in _ids(node, "id"):
        line = yamlnodes.line_of(id_node)
        if id_node.value in seen and id_node.value not in ("election", "office"):
            found.append(
                Problem(rel, line, "id", f"{id_node.value!r} is already used on line {seen[id_node.value]}: every id must be unique")
            )
        seen.setdefault(id_node.value, line)
    if not found:
        raw = yamlnodes.value(node)
        if [b["min"] for b in raw["bands"]][0] != 0 or sorted(b["min"] for b in raw["bands"]) != [b["min"] for b in raw["bands"]]:
            found.append(Problem(rel, 1, "bands", "bands must start at min 0 and rise in order"))
        if [s["level"] for s in raw["scale"]] != list(range(1, LEVELS + 1)):
            found.append(Problem(rel, 1, "scale", f"levels must be 1 to {LEVELS} in order"))
    return sorted(found, key=lambda p: (p.line, p.field))


def load(path: Path = BANK_FILE) -> dict:
    """The bank as plain data (cached until the file changes)."""
    return _load(Path(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yamlnodes.LOADER)


def page_data(bank: dict, lang: str, links: dict) -> dict:
    """One language's view of the bank, with the links its recommendations use.

    `links` holds {"themes": {id: {"name", "url"}}, "recommendations": {dimension id:
    {"cases": [{"title", "url", "type", "lang"}], "episodes": [...]}}} (see recommendations()).
    """
    return {
        "version": bank["version"],
        "lang": lang,
        "scale": [s["name"][lang] for s in bank["scale"]],
        "bands": [{"id": b["id"], "min": b["min"], "name": b["name"][lang]} for b in bank["bands"]],
        "phases": [
            {
                "id": phase["id"],
                "name": phase["name"][lang],
                "description": phase["description"][lang],
                "dimensions": [
                    {
                        "id": dim["id"],
                        "name": dim["name"][lang],
                        "kind": dim["kind"],
                        "themes": dim["themes"],
                        "topics": dim["topics"],
                        "description": dim["description"][lang],
                        "next_steps": dim["next_steps"][lang],
                        "indicators": [
                            {"id": ind["id"], "statement": ind["statement"][lang], "levels": ind["levels"][lang]}
                            for ind in dim["indicators"]
                        ],
                    }
                    for dim in phase["dimensions"]
                ],
            }
            for phase in bank["phases"]
        ],
        **links,
    }


def counts(bank: dict) -> list[tuple[str, str, int]]:
    """(phase, dimension, number of indicators), for reports."""
    return [(p["id"], d["id"], len(d["indicators"])) for p in bank["phases"] for d in p["dimensions"]]


# How many cases and episodes a weak dimension's recommendation shows.
CASES_SHOWN = 4
EPISODES_SHOWN = 3


@dataclass(frozen=True)
class Candidate:
    """A case or an episode, as the recommendations rank it."""

    id: str
    topics: frozenset
    themes: frozenset
    phase: str = "both"  # election, office or both; episodes speak to both


def _ranked(dimension: dict, phase: str, candidates: list[Candidate]) -> list[str]:
    """Ids of the candidates for a dimension, best first.

    Those sharing the most topics come first; among equals, those of the
    dimension's phase (or both phases), then those sharing more themes, then
    by id. Only when none shares a topic do the ones sharing a theme stand in.
    """
    wanted_topics, wanted_themes = set(dimension["topics"]), set(dimension["themes"])

    def key(c: Candidate):
        return (-len(wanted_topics & c.topics), c.phase not in (phase, "both"), -len(wanted_themes & c.themes), c.id)

    by_topic = [c for c in candidates if wanted_topics & c.topics]
    chosen = by_topic or [c for c in candidates if wanted_themes & c.themes]
    return [c.id for c in sorted(chosen, key=key)]


# How many networks of the directory a dimension's recommendation shows.
NETWORKS_SHOWN = 4


def network_recommendations(bank: dict, networks: list[Candidate]) -> dict:
    """{dimension id: [network ids]}: the networks whose kinds of support share
    a topic with the dimension (backing, networks, safety, mentoring...), best first."""
    return {dim["id"]: _ranked(dim, phase["id"], networks)[:NETWORKS_SHOWN] for phase in bank["phases"] for dim in phase["dimensions"]}


def recommendations(bank: dict, cases: list[Candidate], episodes: list[Candidate]) -> dict:
    """{dimension id: {"cases": [case ids], "episodes": [episode ids]}}, best match first."""
    return {
        dim["id"]: {
            "cases": _ranked(dim, phase["id"], cases)[:CASES_SHOWN],
            "episodes": _ranked(dim, phase["id"], episodes)[:EPISODES_SHOWN],
        }
        for phase in bank["phases"]
        for dim in phase["dimensions"]
    }
