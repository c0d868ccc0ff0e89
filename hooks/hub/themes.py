"""The five themes, read from data/themes.yml and checked against their schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths
from .languages import LANGUAGES
from .problems import Problem
from .schema import Field, Group, ListOf, Text, check_tree


def bilingual(max_length: int | None = None) -> Group:
    """A text given once per site language."""
    return Group([Field(lang, Text(max_length)) for lang in LANGUAGES], hint="a text in each language (" + ", ".join(LANGUAGES) + ")")


THEME = Group(
    [
        Field("id", Text(pattern=r"[A-Z]", pattern_hint="one capital letter"), example="A"),
        Field("name", bilingual(80)),
        Field("description", bilingual(400)),
    ],
    hint="a theme (id, name, description)",
)
THEMES_SCHEMA = ListOf(THEME, min_items=1)


@dataclass(frozen=True)
class Theme:
    id: str
    name: dict  # lang -> text
    description: dict

    @property
    def slug(self) -> str:
        return self.id.lower()


def check(path: Path = paths.THEMES_FILE, root: Path = paths.REPO) -> list[Problem]:
    from . import datafile

    return datafile.check_list(path, root, "themes", THEMES_SCHEMA, "theme")


def load(path: Path = paths.THEMES_FILE) -> list[Theme]:
    """The themes in file order. Call check() first: this assumes a valid file."""
    from . import datafile

    return [Theme(item["id"], item["name"], item["description"]) for item in datafile.load(path)]
