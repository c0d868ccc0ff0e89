"""Interface strings of the site in every language, from data/strings/*.yml.

Templates and generated pages take every visible word from here, so a string
missing in one language is a build error, not a silent English word on an
Arabic page. The strings are split into one file per part of the site
(site, media, assessment...); a key may be defined in one file only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale

from hub.model import paths, yamlnodes
from hub.model.languages import LANGUAGES
from hub.model.problems import Problem


def plural(t: dict, prefix: str, n: int, lang: str) -> str:
    """The text `<prefix>_<form>` for the count `n` by the language's plural
    rules (CLDR, as the browser's Intl.PluralRules), `zero` first when given."""
    form = "zero" if n == 0 and f"{prefix}_zero" in t else Locale.parse(lang).plural_form(n)
    return t.get(f"{prefix}_{form}", t[f"{prefix}_other"]).format(n=n)


def files(folder: Path = paths.STRINGS_DIR) -> list[Path]:
    return sorted(Path(folder).glob("*.yml"))


def check(folder: Path = paths.STRINGS_DIR, root: Path = paths.REPO) -> list[Problem]:
    found, seen = [], {}
    for path in files(folder):
        found += _check_file(path, root, seen)
    return found


def _check_file(path: Path, root: Path, seen: dict) -> list[Problem]:
    rel = paths.relative(path, root)
    try:
        node = yamlnodes.compose(Path(path).read_text(encoding="utf-8"))
    except yamlnodes.YamlSyntaxError as exc:
        return [Problem(rel, exc.line, "strings", exc.reason)]
    if not isinstance(node, yaml.MappingNode):
        return [Problem(rel, 1, "strings", "expected a mapping of keys to texts in each language")]
    found = []
    for key_node, value_node in node.value:
        key = key_node.value
        if key in seen:
            found.append(Problem(rel, yamlnodes.line_of(key_node), key, f"is already defined in {seen[key]}: keep one"))
            continue
        seen[key] = rel
        if not isinstance(value_node, yaml.MappingNode):
            found.append(Problem(rel, yamlnodes.line_of(key_node), key, "expected a text per language (en:, ar:)"))
            continue
        texts = {k.value: v for k, v in value_node.value}
        for lang in LANGUAGES:
            text = texts.get(lang)
            if text is None or not isinstance(text, yaml.ScalarNode) or not str(text.value).strip():
                found.append(Problem(rel, yamlnodes.line_of(key_node), key, f"the {lang} text is missing: add '{lang}: ...'"))
        for extra in set(texts) - set(LANGUAGES):
            found.append(Problem(rel, yamlnodes.line_of(texts[extra]), key, f"{extra!r} is not a site language ({', '.join(LANGUAGES)})"))
    return found


def load(folder: Path = paths.STRINGS_DIR) -> dict[str, dict[str, str]]:
    """lang -> key -> text, from every strings file (a fresh copy for each caller)."""
    stamps = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files(folder))
    return {lang: dict(texts) for lang, texts in _read(stamps).items()}


@lru_cache(maxsize=4)
def _read(stamps: tuple) -> dict[str, dict[str, str]]:
    # Keyed by each file's path, modification time and size: an edited file
    # (under `mkdocs serve`) is read again; the same files are read once.
    raw: dict = {}
    for name, _, _ in stamps:
        raw.update(yaml.load(Path(name).read_text(encoding="utf-8"), Loader=yamlnodes.LOADER) or {})
    return {lang: {key: str(texts[lang]) for key, texts in raw.items()} for lang in LANGUAGES}
