"""The JSON Schema files for editors, derived from the core's schemas.

Editors with the YAML language server read them to autocomplete fields and
flag unknown themes; they are generated, never edited by hand.
"""

from __future__ import annotations

import json

from hub.model import case_schema, paths, themes
from hub.support import country_card_schema, event_schema, network_schema, solution_schema


def _document(schema, title: str, source: str) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{title} (Women in Local Leadership hub)",
        "description": f"Generated from {source} by scripts/generate; do not edit by hand.",
        **schema.json_schema(),
    }


def case_document() -> dict:
    return _document(case_schema.case_schema(themes.load()), "Case front matter", "hooks/hub/model/case_schema.py")


def documents() -> dict:
    """{path: text} of every generated schema file."""
    docs = {
        "case": case_document(),
        "network": _document(
            network_schema.network_schema(network_schema.load_vocabulary()), "Network entry", "hooks/hub/support/network_schema.py"
        ),
        "event": _document(event_schema.event_schema(), "Event entry", "hooks/hub/support/event_schema.py"),
        "country_card": _document(country_card_schema.card_schema(), "Country card", "hooks/hub/support/country_card_schema.py"),
        "solution": _document(
            solution_schema.solution_schema(themes.load()), "Solutions register challenge", "hooks/hub/support/solution_schema.py"
        ),
    }
    return {paths.SCHEMAS / f"{name}.schema.json": json.dumps(doc, ensure_ascii=False, indent=2) + "\n" for name, doc in docs.items()}


def derived_files() -> dict:
    """{path: text} of every committed file derived from the schemas."""
    from hub.contrib import entry_templates, issue_form, pr_templates, scaffold

    card_template = {paths.REPO / "country_cards" / "_template.yml": country_card_schema.template()}
    return {**documents(), **scaffold.templates(), **issue_form.files(), **pr_templates.files(), **entry_templates.files(), **card_template}
