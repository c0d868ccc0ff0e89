"""The topics: a small shared vocabulary, finer than the themes, from data/topics.yml.

Cases list the topics they are really about, and each dimension of the
self-assessment lists its own; the results page recommends the cases that
share a topic with a weak dimension. The ids are checked here, once; the case
schema and the question bank take the list of valid ids from `load()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hub.model import datafile, paths
from hub.model.problems import Problem
from hub.model.schema import Choice, Field, Group, ListOf, Text
from hub.model.themes import bilingual

ID_PATTERN = r"[a-z]+(?:-[a-z]+)*"
TOPIC = Group(
    [
        Field("id", Text(40, ID_PATTERN, "lower-case words joined by single hyphens"), example="gender-budgeting"),
        Field("name", bilingual(80)),
    ],
    hint="a topic (id, name)",
)
TOPICS_SCHEMA = ListOf(TOPIC, min_items=1)
# A case or a dimension is about a few topics, not all of them.
MAX_PER_ITEM = 4


@dataclass(frozen=True)
class Topic:
    id: str
    name: dict  # lang -> text


def read(path: Path = paths.TOPICS_FILE, root: Path = paths.REPO) -> tuple[list[Topic] | None, list[Problem]]:
    """The topics in file order (None if the file has problems), and its problems."""
    items, found = datafile.read_list(path, root, "topics", TOPICS_SCHEMA, "topic")
    return ([Topic(item["id"], item["name"]) for item in items] if items is not None else None), found


def load(path: Path = paths.TOPICS_FILE) -> list[Topic]:
    """The topics in file order, from a file known to be valid."""
    return [Topic(item["id"], item["name"]) for item in datafile.load(path)]


def kind(topic_ids) -> ListOf:
    """The value of a `topics:` field (a case's, a dimension's): 1 to MAX_PER_ITEM known ids."""
    return ListOf(Choice(tuple(topic_ids), "a topic of hooks/hub/data/topics.yml"), unique=True, max_items=MAX_PER_ITEM)
