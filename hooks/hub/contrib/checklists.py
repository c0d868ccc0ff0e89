"""The review checklists, written from the case schema in each language.

The pull-request templates and the review steps of the contribution guide
both print these lists, so what a contributor ticks, what a reviewer checks
and what `scripts/check` enforces are the same rules, stated once.
"""

from __future__ import annotations

from hub.model import case_schema
from hub.model.languages import ITEM_SEPARATOR as SEMICOLON
from hub.model.languages import LIST_SEPARATOR as COMMA
from hub.model.schema import Text

# Headings as typed: code in English; Arabic in quotation marks, as a
# monospace face spreads Arabic letters apart.
QUOTED = {"en": "`{}`", "ar": "«{}»"}


def _code_list(names, lang: str) -> str:
    return COMMA[lang].join(f"`{name}`" for name in names)


def _sections_listing(t: dict, lang: str) -> str:
    """Each type's headings in this language, e.g. 'Good practice: `## Context`, …'."""
    return SEMICOLON[lang].join(
        f"{t['type_' + case_type]}: " + COMMA[lang].join(QUOTED[lang].format(f"## {names[lang]}") for names in sections)
        for case_type, sections in case_schema.sections().items()
    )


def new_case(t: dict, lang: str, rules: case_schema.CaseRules) -> list[str]:
    """What a new case must satisfy: first the validator's rules, then a reviewer's."""
    required = [f.name for f in rules.schema.fields if f.required]
    optional = [f.name for f in rules.schema.fields if not f.required]
    return [
        t["check_files"],
        t["check_fields"].format(required=_code_list(required, lang), optional=_code_list(optional, lang)),
        t["check_id"],
        t["check_shared"].format(fields=_code_list(case_schema.SHARED_FIELDS, lang)),
        t["check_themes"].format(letters=_code_list((theme.id for theme in rules.themes), lang)),
        t["check_sources"],
        t["check_sections"].format(listing=_sections_listing(t, lang)),
        t["check_markup"],
        t["check_command"],
        t["check_facts"],
        t["check_people"],
        t["check_reviewed"],
    ]


def translated_fields(rules: case_schema.CaseRules) -> list[str]:
    """Fields written in each file's own language: the ones not shared by both files."""
    return [f.name for f in rules.schema.fields if f.name not in case_schema.SHARED_FIELDS and isinstance(f.kind, Text)]


def translation(t: dict, lang: str, rules: case_schema.CaseRules) -> list[str]:
    """What the translation of a published case must satisfy."""
    return [
        t["check_translation_file"],
        t["check_shared"].format(fields=_code_list(case_schema.SHARED_FIELDS, lang)),
        t["check_translation_text"].format(fields=_code_list(translated_fields(rules), lang)),
        t["check_translation_sources"],
        t["check_sections"].format(listing=_sections_listing(t, lang)),
        t["check_command"],
        t["check_translation_reader"],
    ]


def markdown(items: list[str], boxes: bool = True) -> str:
    """A Markdown list; with `boxes`, a task list to tick in a pull request."""
    return "".join(f"- {'[ ] ' if boxes else ''}{item}\n" for item in items)
