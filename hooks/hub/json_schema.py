"""The JSON Schema files for editors, derived from the core's schemas.

Editors with the YAML language server read them to autocomplete fields and
flag unknown themes; they are generated, never edited by hand.
"""

from __future__ import annotations

import json

from . import case_schema, paths, themes


def case_document() -> dict:
    schema = case_schema.case_schema(themes.load()).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Case front matter (Women in Local Leadership hub)",
        "description": "Generated from hooks/hub/case_schema.py by scripts/schemas; do not edit by hand.",
        **schema,
    }


def documents() -> dict:
    """{path: text} of every generated schema file."""
    return {paths.SCHEMAS / "case.schema.json": json.dumps(case_document(), ensure_ascii=False, indent=2) + "\n"}


def derived_files() -> dict:
    """{path: text} of every committed file derived from the schemas."""
    from . import issue_form, pr_templates, scaffold

    return {**documents(), **scaffold.templates(), **issue_form.files(), **pr_templates.files()}
