"""The generated parts of the contribution guide (docs/<lang>/contribute.md).

Each function fills one `<!-- hub:NAME -->` line of the hand-written guide
with a table or list written from the case schema, in the page's language,
so the guide never retypes a field, a section heading or a review rule.
They take the same `(ctx, page_url)` as every placeholder of pages.py.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from hub import render
from hub.checks import safe_html
from hub.contrib import checklists
from hub.media import episode_schema
from hub.model import case_schema
from hub.model.languages import DIRECTION, LANGUAGES
from hub.model.schema import Group, ListOf
from hub.support import event_schema, network_schema, solution_schema


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "&#124;")


def _code(text: str, lang: str = "en") -> str:
    # Code keeps the direction of its own language (left-to-right for field
    # names and examples, even on Arabic pages), so quotes and braces stay in place.
    return _inline("code", text, lang) if text else ""


def _inline(kind: str, text: str, lang: str) -> str:
    return render.html("inline", kind=kind, text=Markup(_cell(text)), lang=lang)


# In a right-to-left help text, a run of Latin letters is a value to type (a
# field value, a code, a date format, a folder, an address) or a standard's
# name with its number: set apart as code, so it reads left to right, is never
# broken up by the Arabic around it, and is spoken as what it is.
LATIN_RUN = re.compile(r"ISO \d+(?:-\d+)?|[\w./:-]*[A-Za-z][\w./:-]*[\w/]|[A-Za-z]", re.ASCII)


def _help(text: str, lang: str) -> str:
    """A field's help text for a table cell, its Latin runs as code on right-to-left pages."""
    text = _cell(text)
    if DIRECTION[lang] == "ltr":
        return text
    # The text is escaped already: an entity (&amp;, &#124;) is never a run.
    return re.sub(r"&#?\w+;|" + LATIN_RUN.pattern, lambda m: m[0] if m[0].startswith("&") else _code(m[0]), text, flags=re.ASCII)


def _example(field, lang: str) -> str:
    """The field's example in the page's language: a quoted text in that
    language as text (isolated), anything else (codes, lists) as code."""
    example = field.example_in(lang)
    if example == field.example or not example.startswith('"'):
        return _code(example)
    return _inline("bdi", example, lang)


def _heading(name: str, lang: str) -> str:
    """A section heading as typed in a file: code for Latin, plain text for Arabic
    (a monospace face spreads Arabic letters apart and breaks their shapes)."""
    if DIRECTION[lang] == "ltr":
        return _code("## " + name, lang)
    return _inline("span", "## " + name, lang)


def field_rows(schema: Group, prefix: str = ""):
    """(dotted name, Field) for every field, the fields of groups and of lists of groups after their parent."""
    for field in schema.fields:
        name = prefix + field.name
        yield name, field
        kind = field.kind.item if isinstance(field.kind, ListOf) else field.kind
        if isinstance(kind, Group):
            yield from field_rows(kind, name + ("[]." if isinstance(field.kind, ListOf) else "."))


def fields_table(schema: Group, ctx) -> str:
    """A table of front-matter fields: name, required or not, what to write, an example."""
    t = ctx.t
    rows = [
        f"| {t['guide_field']} | {t['guide_need']} | {t['guide_what']} | {t['guide_example']} |",
        "| --- | --- | --- | --- |",
    ]
    for name, field in field_rows(schema):
        if ctx.lang not in field.help:
            continue  # a part its parent's row already explains (e.g. one caption file per language)
        need = t["guide_required"] if field.required else t["guide_optional"]
        rows.append(f"| {_code(name)} | {need} | {_help(field.help[ctx.lang], ctx.lang)} | {_example(field, ctx.lang)} |")
    return "\n".join(rows) + "\n"


def case_fields(ctx, page_url: str) -> str:
    return fields_table(ctx.case_rules.schema, ctx)


def episode_fields(ctx, page_url: str) -> str:
    return fields_table(episode_schema.episode_schema(ctx.themes), ctx)


def network_fields(ctx, page_url: str) -> str:
    return fields_table(network_schema.network_schema(ctx.vocabulary or network_schema.load_vocabulary()), ctx)


def event_fields(ctx, page_url: str) -> str:
    return fields_table(event_schema.event_schema(), ctx)


def solution_fields(ctx, page_url: str) -> str:
    return fields_table(solution_schema.solution_schema(ctx.themes), ctx)


def case_sections(ctx, page_url: str) -> str:
    """For each case type, its required headings in both languages and what goes under each."""
    t = ctx.t
    parts = []
    for case_type, sections in case_schema.sections().items():
        parts.append(t["guide_sections_of"].format(type=f"**{t['type_' + case_type]}**", value=f"`{case_type}`") + "\n\n")
        header = [t[f"guide_section_{lang}"] for lang in LANGUAGES] + [t["guide_what"]]
        parts.append("| " + " | ".join(header) + " |\n" + "| --- " * len(header) + "|\n")
        for names in sections:
            headings = [_heading(names[lang], lang) for lang in LANGUAGES]
            parts.append("| " + " | ".join(headings) + f" | {_cell(names['hint'][ctx.lang])} |\n")
        parts.append("\n")
    return "".join(parts)


def case_checklist(ctx, page_url: str) -> str:
    return checklists.markdown(checklists.new_case(ctx.t, ctx.lang, ctx.case_rules), boxes=False)


def translation_checklist(ctx, page_url: str) -> str:
    return checklists.markdown(checklists.translation(ctx.t, ctx.lang, ctx.case_rules), boxes=False)


def html_allowlist(ctx, page_url: str) -> str:
    """The HTML a body may hold, as data/html_allowlist.yml allows it."""
    rules = safe_html.allowlist()
    t = ctx.t
    rows = [f"| {t['guide_html_element']} | {t['guide_html_attributes']} |", "| --- | --- |"]
    for tag, attrs in rules.elements.items():
        rows.append(f"| {_code('<' + tag + '>')} | {' '.join(_code(a) for a in sorted(attrs)) or t['guide_html_none']} |")
    schemes = " ".join(_code(s + ":") for s in sorted(rules.link_schemes))
    return "\n".join(rows) + "\n\n" + t["guide_html_links"].format(schemes=schemes) + "\n"


PLACEHOLDERS = {
    "html-allowlist": html_allowlist,
    "case-fields": case_fields,
    "episode-fields": episode_fields,
    "network-fields": network_fields,
    "event-fields": event_fields,
    "solution-fields": solution_fields,
    "case-sections": case_sections,
    "case-checklist": case_checklist,
    "translation-checklist": translation_checklist,
}
