"""Latin words in Arabic text: marked with their own language, or allowed.

An Arabic page may hold a word in Latin letters only inside an element that
says its language (`<span lang="fr">Les Elegides</span>`), inside code, or
when data/latin_allowlist.yml allows it (licences, codes, addresses, brand
names with no Arabic form). A screen reader then reads each name in its own
voice, and the name keeps its own direction inside the Arabic sentence.

The browser test (tests/test_reader_browser.py) reads every built Arabic page
with these rules; this check tells a contributor the file and the line before
any build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import justhtml
import yaml

from hub.checks import safe_html
from hub.model import paths

ALLOWLIST_FILE = paths.DATA / "latin_allowlist.yml"
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+")

# A case's front-matter fields written in the file's own language and shown
# as text; a source's title and publisher are shown in the source's language.
TEXT_FIELDS = ("title", "place", "summary", "reviewer")
SOURCE_TEXT_FIELDS = ("title", "publisher")
# What a source line shows of itself when marked or code: set aside to find
# the line where a word stands unmarked.
UNMARKED = re.compile(r'<span lang="(?!ar)[^>]*>.*?</span>|`[^`]*`')


@dataclass(frozen=True)
class Allowlist:
    words: frozenset
    patterns: tuple  # compiled; text they match is set aside first
    elements: frozenset  # elements whose text is code, never prose


@functools.cache
def allowlist(path: Path = ALLOWLIST_FILE) -> Allowlist:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Allowlist(frozenset(data["words"]), tuple(re.compile(p) for p in data["patterns"]), frozenset(data["elements"]))


def stray_words(text: str, rules: Allowlist | None = None) -> list[str]:
    """The Latin words of `text` that the allowlist does not allow, in order."""
    if not LATIN_WORD.search(text):
        return []  # most Arabic text: no Latin letter at all
    rules = rules or allowlist()
    for pattern in rules.patterns:
        text = pattern.sub(" ", text)
    return [word for word in LATIN_WORD.findall(text) if word not in rules.words]


def _own_language(node, rules: Allowlist) -> Iterator[str]:
    """The text of the nodes under `node` that is in the page's own language
    (not inside another language's element, not code)."""
    for child in getattr(node, "children", None) or []:
        if child.name == "#text":
            yield child.data or ""
        elif isinstance(child, justhtml.Element):
            lang = (child.attrs or {}).get("lang")
            if child.name in rules.elements or (lang and not lang.startswith("ar")):
                continue
            yield from _own_language(child, rules)


def _fix(word: str) -> str:
    return f'write it in Arabic, or mark its language where it stands: <span lang="fr">{word}</span> (its code: en, fr, de, es...)'


def body_problems(body: str, first_line: int, mkdocs_yml: Path) -> list[tuple[int, str]]:
    """(line, message) for each Latin word of an Arabic body that is neither marked nor allowed."""
    rules = allowlist()
    if not stray_words(UNMARKED.sub(" ", body), rules):
        return []  # every Latin word of the source is marked, code or allowed: no need to render
    mkdocs_yml = safe_html.site_file(Path(mkdocs_yml).parent)
    document = justhtml.JustHTML(safe_html.render(body, mkdocs_yml), fragment=True, sanitize=False)
    words = dict.fromkeys(word for text in _own_language(document.root, rules) for word in stray_words(text, rules))
    lines = body.splitlines()
    found = []
    for word in words:
        # The rendered HTML has lost the lines: the first line holding the word unmarked.
        line = next((n for n, text in enumerate(lines) if word in stray_words(UNMARKED.sub(" ", text), rules)), 0)
        found.append((first_line + line, f"{word!r} is in Latin letters on an Arabic page: {_fix(word)}"))
    return sorted(found)


def _scalar(node, field: str, advice: str) -> list[tuple[int, str, str]]:
    if not isinstance(node, yaml.ScalarNode) or not (words := stray_words(str(node.value))):
        return []
    listed = ", ".join(repr(w) for w in dict.fromkeys(words))
    return [(node.start_mark.line + 1, field, f"{listed} in Latin letters on an Arabic page: {advice}")]


def _arabic_sources(sources, prefix: str, advice: str) -> list[tuple[int, str, str]]:
    """The title and publisher of each source in Arabic: written as the source writes them."""
    found = []
    for n, source in enumerate(sources.value if isinstance(sources, yaml.SequenceNode) else []):
        fields = {k.value: v for k, v in source.value} if isinstance(source, yaml.MappingNode) else {}
        if getattr(fields.get("language"), "value", None) == "ar":
            for name in SOURCE_TEXT_FIELDS:
                found += _scalar(fields.get(name), f"{prefix}sources[{n}].{name}", advice)
    return found


def front_problems(front: yaml.Node | None) -> list[tuple[int, str, str]]:
    """(line, field, message) for each Latin word in an Arabic file's text fields
    and in the title or publisher of its Arabic sources."""
    if not isinstance(front, yaml.MappingNode):
        return []
    advice = "write the Arabic form (a name in another language may be marked in the text below, not here)"
    found = []
    for key, value in front.value:
        if key.value in TEXT_FIELDS:
            found += _scalar(value, key.value, advice)
        elif key.value == "sources":
            found += _arabic_sources(value, "", advice)
    return found


def bilingual_problems(node: yaml.Node, field: str = "") -> list[tuple[int, str, str]]:
    """(line, field, message) for each Latin word in the Arabic text of a data
    file that holds both languages (`{en: ..., ar: ...}`), and in its Arabic
    sources' titles and publishers."""
    advice = "write the Arabic form; the name in its own language belongs in the English text or its own field"
    found = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{field}.{key.value}" if field else str(key.value)
            if key.value == "ar":
                found += _scalar(value, name, advice)
            elif key.value == "sources":
                found += _arabic_sources(value, f"{field}." if field else "", advice)
            found += bilingual_problems(value, name)
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            found += bilingual_problems(item, f"{field}[{n}]")
    return found
