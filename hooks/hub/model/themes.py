"""The five themes, read from data/themes.yml and checked against their schema."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hub.model import paths
from hub.model.languages import DEFAULT, LANGUAGES
from hub.model.problems import Problem
from hub.model.schema import Field, Group, ListOf, Text


def bilingual(max_length: int | None = None) -> Group:
    """A text given once per site language."""
    return Group([Field(lang, Text(max_length)) for lang in LANGUAGES], hint="a text in each language (" + ", ".join(LANGUAGES) + ")")


THEME = Group(
    [
        Field("id", Text(pattern=r"[A-Z]", pattern_hint="one capital letter"), example="A"),
        Field("label", bilingual(3)),
        Field("name", bilingual(80)),
        Field("description", bilingual(400)),
    ],
    hint="a theme (id, label, name, description)",
)
THEMES_SCHEMA = ListOf(THEME, min_items=1)


@dataclass(frozen=True)
class Theme:
    id: str
    label: dict  # lang -> the short label readers see (A / أ)
    name: dict  # lang -> text
    description: dict

    @property
    def slug(self) -> str:
        """The theme's address: its name in the default language, readable."""
        return re.sub(r"[^a-z0-9]+", "-", self.name[DEFAULT].casefold().replace("'", "")).strip("-")


def read(path: Path = paths.THEMES_FILE, root: Path = paths.REPO) -> tuple[list[Theme] | None, list[Problem]]:
    """The themes in file order (None if the file has problems), and its problems."""
    from hub.model import datafile

    items, found = datafile.read_list(path, root, "themes", THEMES_SCHEMA, "theme")
    return (_themes(items) if items is not None else None), found


def load(path: Path = paths.THEMES_FILE) -> list[Theme]:
    """The themes in file order, from a file known to be valid."""
    from hub.model import datafile

    return _themes(datafile.load(path))


def _themes(items: list) -> list[Theme]:
    return [Theme(item["id"], item["label"], item["name"], item["description"]) for item in items]
