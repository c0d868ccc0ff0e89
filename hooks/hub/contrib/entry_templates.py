"""Templates and issue forms of one-file entries (networks/, events/), from their schemas.

Each field is shown with its help in both languages and its example, so a
contributor copies the file, renames it to <id>.yml and fills it in; the
comments always match the validator's rules because both come from the schema.
Who cannot use git proposes an entry with an issue form (one per kind and
language): one question per field, named as in the file, which a maintainer
copies into a new file.
"""

from __future__ import annotations

import yaml

from hub.contrib import issue_form
from hub.model import paths
from hub.model.languages import LANGUAGES
from hub.model.schema import Choice, Group, ListOf, Text
from hub.support import event_schema, network_schema, solution_schema


def template(schema: Group, folder: str, schema_file: str, strings_by_lang: dict) -> str:
    lines = [f"# yaml-language-server: $schema=../hooks/hub/schemas/{schema_file}"]
    t = strings_by_lang
    need = {True: "template_required", False: "template_optional"}
    lines += ["# " + t[lang]["template_entry_header"].format(folder=folder) for lang in LANGUAGES]
    for field in schema.fields:
        lines.append("")
        lines += [f"# {t[lang][need[field.required]]} {field.help[lang]}" for lang in LANGUAGES if lang in field.help]
        lines.append(f"{'' if field.required else '# '}{field.name}: {field.example or chr(34) * 2}")
    return "\n".join(lines) + "\n"


# The maintainer who writes the file checks the sources then: the date is theirs.
NOT_ASKED = {"reviewed"}
# A proposer need not invent an id; the maintainer chooses one.
OPTIONAL_IN_FORM = {"id"}


def _element(name: str, kind, required: bool, help_text: str, example: str) -> dict:
    attributes = {"label": name, "description": help_text}
    if isinstance(kind, ListOf) and isinstance(kind.item, Choice):
        kind_name, attributes = "dropdown", {**attributes, "multiple": True, "options": list(kind.item.options)}
    elif isinstance(kind, Choice):
        kind_name, attributes = "dropdown", {**attributes, "options": list(kind.options)}
    else:
        long_text = isinstance(kind, ListOf) or isinstance(kind, Text) and (kind.max_length or 0) > issue_form.ONE_LINE_LIMIT
        kind_name = "textarea" if long_text else "input"
        if example:
            attributes["placeholder"] = example
    return {"type": kind_name, "id": name.replace(".", "-"), "attributes": attributes, "validations": {"required": required}}


def form(schema: Group, kind: str, folder: str, lang: str, t: dict) -> dict:
    """The GitHub issue form proposing one entry, in one language."""
    intro = t.get(f"form_{kind}_intro", t["form_entry_intro"])  # a kind without web sources says what it needs instead
    body = [{"type": "markdown", "attributes": {"value": intro.format(folder=folder)}}]
    for field in schema.fields:
        if field.name in NOT_ASKED:
            continue
        if isinstance(field.kind, Group):
            # A name or a text per language: one question per part, named as in the file.
            for part in field.kind.fields:
                help_text = part.help.get(lang) or f"{field.help[lang]} ({part.name})"
                body.append(_element(f"{field.name}.{part.name}", part.kind, field.required and part.required, help_text, part.example))
        else:
            body.append(
                _element(field.name, field.kind, field.required and field.name not in OPTIONAL_IN_FORM, field.help[lang], field.example)
            )
    body.append(
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {
                "label": t["form_label_consent"],
                "options": [{"label": t[key], "required": True} for key in issue_form.CONSENT],
            },
        }
    )
    return {"name": t[f"form_{kind}_name"], "description": t[f"form_{kind}_description"], "title": t[f"form_{kind}_title"], "body": body}


def schemas(theme_list, vocabulary: network_schema.Vocabulary) -> dict:
    """{kind: (schema, folder, JSON Schema file)} of every one-file entry; a
    solution names the project's themes (`theme_list`), a network its kinds
    of support and regions (`vocabulary`)."""
    return {
        "network": (network_schema.network_schema(vocabulary), "networks", "network.schema.json"),
        "event": (event_schema.event_schema(), "events", "event.schema.json"),
        "solution": (solution_schema.solution_schema(list(theme_list)), "solutions", "solution.schema.json"),
    }


FORM_HEADER = "# Generated from hooks/hub/support/{kind}_schema.py by scripts/generate; do not edit by hand.\n"


def files(theme_list, vocabulary: network_schema.Vocabulary, strings_by_lang: dict) -> dict:
    """{path: text} of the entry templates and their issue forms."""
    t = strings_by_lang
    out = {}
    for kind, (schema, folder, schema_file) in schemas(theme_list, vocabulary).items():
        out[paths.REPO / folder / "_template.yml"] = template(schema, folder, schema_file, strings_by_lang)
        for lang in LANGUAGES:
            out[paths.REPO / issue_form.FOLDER / f"{kind}-{lang}.yml"] = FORM_HEADER.format(kind=kind) + yaml.dump(
                form(schema, kind, folder, lang, t[lang]), allow_unicode=True, sort_keys=False, width=100
            )
    return out
