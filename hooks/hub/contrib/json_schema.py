"""The JSON Schema files for editors, derived from the core's schemas.

Editors with the YAML language server read them to autocomplete fields and
flag unknown themes; they are generated, never edited by hand.
"""

from __future__ import annotations

import json

from hub.model import case_schema, paths, strings
from hub.support import country_card_schema, event_schema, network_schema, solution_schema


def _document(schema, title: str, source: str) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{title} (Women in Local Leadership hub)",
        "description": f"Generated from {source} by scripts/generate; do not edit by hand.",
        **schema.json_schema(),
    }


def case_document(rules: case_schema.CaseRules) -> dict:
    return _document(rules.schema, "Case front matter", "hooks/hub/model/case_schema.py")


def documents(rules: case_schema.CaseRules, vocabulary: network_schema.Vocabulary) -> dict:
    """{path: text} of every generated schema file."""
    docs = {
        "case": case_document(rules),
        "network": _document(network_schema.network_schema(vocabulary), "Network entry", "hooks/hub/support/network_schema.py"),
        "event": _document(event_schema.event_schema(), "Event entry", "hooks/hub/support/event_schema.py"),
        "country_card": _document(country_card_schema.card_schema(), "Country card", "hooks/hub/support/country_card_schema.py"),
        "solution": _document(
            solution_schema.solution_schema(list(rules.themes)), "Solutions register challenge", "hooks/hub/support/solution_schema.py"
        ),
    }
    return {paths.SCHEMAS / f"{name}.schema.json": json.dumps(doc, ensure_ascii=False, indent=2) + "\n" for name, doc in docs.items()}


def derived_files(layout) -> dict:
    """{path: text} of every committed file derived from the schemas (paths in
    this checkout), written with the themes, topics, kinds of support and
    regions, and interface strings of a project layout
    (hub.checks.project.Layout); ValueError when those data files have problems."""
    from hub.contrib import entry_templates, issue_form, pr_templates, scaffold

    rules, strings_by_lang = case_schema.rules_of(layout), strings.load(layout.strings_dir)
    vocabulary, problems = network_schema.read_vocabulary(layout.support_file, layout.root, [t.id for t in rules.topics])
    if vocabulary is None:
        raise ValueError("\n".join(problem.text() for problem in problems))
    card_template = {paths.REPO / "country_cards" / "_template.yml": country_card_schema.template()}
    return {
        **documents(rules, vocabulary),
        **scaffold.templates(rules),
        **issue_form.files(rules, strings_by_lang=strings_by_lang),
        **pr_templates.files(rules, strings_by_lang=strings_by_lang),
        **entry_templates.files(rules.themes, vocabulary, strings_by_lang),
        **card_template,
    }
