"""Contributed text becomes HTML only within an allowlist.

Patterns over Markdown source cannot be complete (tags span lines, `attr_list`
adds attributes without any `<`, entities hide a `javascript:` scheme), so the
check looks at what a browser would get: the body is rendered with the site's
own Markdown settings (read from mkdocs.yml), parsed as HTML5 by justhtml, and
every element, attribute and address is compared with data/html_allowlist.yml.
Whatever is outside is reported with the source line it most likely came from.

The build adds a second, independent guard: the rendered body passes through
the Ammonia sanitiser (nh3) with the same allowlist, so even a rule this check
missed cannot reach a reader's browser.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import justhtml
import markdown
import nh3
import yaml

from hub.model import paths

ALLOWLIST_FILE = paths.DATA / "html_allowlist.yml"

# A body without any of these cannot produce an element, attribute or address
# beyond plain paragraphs, lists, emphasis and headings: it needs no rendering.
MARKUP_SIGNS = ("<", "{", "&", "](", "]:", "!!!", "???", "```", "~~~", "\\")

# Generated HTML is spliced in at markers like these; contributed text may not
# write one.
SITE_MARKER = re.compile(r"<!--\s*hub-", re.I)

# Browsers drop ASCII tab and newline anywhere in an address and C0 controls
# and spaces around it before they read the scheme.
URL_IGNORED = re.compile(r"[\t\n\r]")
URL_TRIMMED = "".join(chr(c) for c in range(0x21)) + "\x7f"


@dataclass(frozen=True)
class Allowlist:
    elements: dict  # tag -> frozenset of attributes
    values: dict  # attribute -> compiled pattern (full match)
    link_schemes: frozenset
    image_schemes: frozenset


@functools.cache
def allowlist(path: Path = ALLOWLIST_FILE) -> Allowlist:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return Allowlist(
        elements={tag: frozenset(attrs) for tag, attrs in data["elements"].items()},
        values={name: re.compile(pattern) for name, pattern in data["values"].items()},
        link_schemes=frozenset(data["link_schemes"]),
        image_schemes=frozenset(data["image_schemes"]),
    )


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !ENV or !!python tags."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _without_none(value):
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    return value


@functools.cache
def site_extensions(mkdocs_yml: Path) -> tuple[list, dict]:
    """The Markdown extensions and their settings, as the site's mkdocs.yml lists them.

    Settings given as Python objects (a slug function) are left at their
    defaults: they shape anchors, not which elements appear.
    """
    config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    names, settings = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            settings[name] = _without_none(options or {})
        else:
            names.append(entry)
    return names, settings


_renderers = threading.local()


def render(body: str, mkdocs_yml: Path) -> str:
    """The body as HTML, rendered as the site renders it."""
    cache = _renderers.__dict__.setdefault("by_config", {})
    md = cache.get(mkdocs_yml)
    if md is None:
        names, settings = site_extensions(mkdocs_yml)
        md = cache[mkdocs_yml] = markdown.Markdown(extensions=names, extension_configs=settings)
    return md.reset().convert(body)


def _scheme(address: str) -> str | None:
    """The scheme a browser would read from an address, or None if relative."""
    cleaned = URL_IGNORED.sub("", address).strip(URL_TRIMMED)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    if match:
        return match[1].lower()
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return "//"  # another server, with the page's scheme
    return None


def _address_problem(tag: str, attr: str, address: str, rules: Allowlist) -> str | None:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in address):
        return f"the address {address[:60]!r} holds a control character (tab, new line...): write it on one line without them"
    scheme = _scheme(address)
    if tag == "img":
        if scheme is not None and scheme not in rules.image_schemes:
            return f"an image from {address[:60]!r} is not allowed: images must be files of this site (a relative address); another server would learn who reads the page"
        return None
    if scheme is None or scheme in rules.link_schemes:
        return None
    allowed = ", ".join(f"{s}:" for s in sorted(rules.link_schemes))
    return f"a link with the address {address[:60]!r} is not allowed (only {allowed} or a relative address): it could run code or open something unexpected"


def _findings(html_text: str, rules: Allowlist) -> Iterator[tuple[tuple[str, ...], str]]:
    """(what to look for in the source, message) for each thing outside the allowlist."""
    document = justhtml.JustHTML(html_text, fragment=True, sanitize=False)
    stack = [document.root]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None) or []
        stack.extend(reversed(children))
        name = getattr(node, "name", "")
        if name == "#comment":
            if SITE_MARKER.match("<!--" + (node.data or "")):
                yield ("<!--",), "this HTML comment looks like one of the site's own markers (<!--hub-...-->): remove it"
            continue
        if not isinstance(node, justhtml.Element):
            continue
        if node.namespace not in (None, "html"):
            yield (f"<{name}",), f"<{name}> ({node.namespace.upper()}) is not allowed in content: remove it"
            continue
        allowed = rules.elements.get(name)
        if allowed is None:
            yield (
                (f"<{name}", "```", "~~~", "!!!", "???", "{"),
                f"<{name}> is not allowed in content: remove it (write plain Markdown); allowed: see the contribution guide",
            )
            continue
        for attr, text in (node.attrs or {}).items():
            text = text or ""
            if attr not in allowed:
                what = "an inline event handler" if attr.startswith("on") else "the attribute"
                yield (attr, "{"), f"{what} {attr!r} on <{name}> is not allowed in content: remove it"
            elif attr in rules.values and not rules.values[attr].fullmatch(text):
                yield (text[:20], attr, "{"), f"the value {text[:60]!r} of {attr!r} on <{name}> is not allowed: remove the attribute"
            elif attr in ("href", "src") and (problem := _address_problem(name, attr, text, rules)):
                yield (text[:20], f"{attr}=", "](", "]:", "<"), problem


def _source_line(body_lines: list[str], first_line: int, needles: tuple[str, ...], after: int) -> int:
    """The first body line, from `after` on, holding the first needle found (any case).

    Rendered HTML has lost the source's lines; the text that produced the
    problem (a tag name, an attribute, an address) usually still stands there.
    Entities and Markdown syntax can hide it, hence the fallbacks.
    """
    for needle in (n.lower() for n in needles if n):
        for start in (after, 0):
            for index in range(start, len(body_lines)):
                if needle in body_lines[index].lower():
                    return first_line + index
    return first_line + after


def problems(body: str, first_line: int, mkdocs_yml: Path, rules: Allowlist | None = None) -> list[tuple[int, str]]:
    """(line, message) for every part of the rendered body outside the allowlist."""
    if not any(sign in body for sign in MARKUP_SIGNS):
        return []
    mkdocs_yml = site_file(Path(mkdocs_yml).parent)
    rules = rules or allowlist()
    body_lines = body.splitlines()
    found, cursor = [], 0
    for needles, message in _findings(render(body, mkdocs_yml), rules):
        line = _source_line(body_lines, first_line, needles, cursor)
        cursor = max(cursor, line - first_line)
        if (line, message) not in found:
            found.append((line, message))
    return sorted(found)


def site_file(root: Path) -> Path:
    """The mkdocs.yml whose Markdown settings render the project's content."""
    own = Path(root) / "mkdocs.yml"
    return own if own.is_file() else paths.REPO / "mkdocs.yml"


def clean_body(body: str, root: Path) -> str:
    """A contributed body as the HTML a page may hold: rendered, then sanitised."""
    return sanitise(render(body, site_file(root)))


def sanitise(html_text: str, rules: Allowlist | None = None) -> str:
    """The same HTML with everything outside the allowlist removed (Ammonia)."""
    rules = rules or allowlist()
    values = rules.values

    def keep(tag: str, attr: str, value: str) -> str | None:
        if attr in values and not values[attr].fullmatch(value):
            return None
        if attr in ("href", "src") and _address_problem(tag, attr, value, rules):
            return None
        return value

    return nh3.clean(
        html_text,
        tags=set(rules.elements),
        clean_content_tags={"script", "style"},
        attributes={tag: set(attrs) for tag, attrs in rules.elements.items()},
        attribute_filter=keep,
        url_schemes=set(rules.link_schemes),
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
