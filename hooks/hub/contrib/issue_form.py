"""The issue forms for proposing a case without git, written from the case schema.

One form per case type and language (.github/ISSUE_TEMPLATE/case-<lang>-<type>.yml):
a form has no conditional questions, and each type has its own sections.
Every question fills exactly one schema field (or one body section), so
`scripts/case-from-issue` can turn a submitted form back into a case file,
and the forms, the validator and the guide cannot drift apart: all three
are derived from case_schema.py by `scripts/generate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

import yaml

from hub.model import case_schema, paths, strings
from hub.model.languages import LANGUAGES
from hub.model.problems import Problem
from hub.model.schema import Choice, Group, ListOf, Text

FOLDER = Path(".github") / "ISSUE_TEMPLATE"
# The maintainer who turns the issue into a file checks its sources then, so
# the date of that check, and the role that made it, are theirs to write, not the proposer's.
NOT_ASKED = {
    "reviewed": "set by scripts/case-from-issue to the day of conversion (option --date)",
    "reviewer": "set by scripts/case-from-issue to the role in the strings' default_reviewer",
}
# A proposer need not invent an id; the maintainer chooses one when converting.
OPTIONAL_IN_FORM = {"id"}
# Longer texts get a text area; shorter ones a one-line input.
ONE_LINE_LIMIT = 200
CONSENT = ("form_consent_facts", "form_consent_conduct", "form_consent_licence")


@dataclass(frozen=True)
class Question:
    """One question of a form and what it fills in the case file."""

    id: str  # the form element's id
    fills: str  # a schema field ("title", "period.start"), "section:<n>", or "" (consent)
    type: str  # input, textarea, dropdown or checkboxes
    required: bool
    label: dict  # lang -> label (the `### ` heading of the submitted issue)
    description: dict = dataclass_field(default_factory=dict)  # lang -> text
    options: tuple = ()  # ((value, {lang: label}), ...) for dropdowns
    multiple: bool = False
    placeholder: dict = dataclass_field(default_factory=dict)  # lang -> example answer


def _option_labels(name: str, values, t: dict, rules: case_schema.CaseRules) -> tuple:
    """Dropdown options as (value, {lang: label}); themes show their letter and name, topics their name."""
    if name == "themes":
        by_id = {theme.id: theme for theme in rules.themes}
        return tuple((v, {lang: f"{by_id[v].label[lang]} · {by_id[v].name[lang]}" for lang in LANGUAGES}) for v in values)
    if name == "topics":
        by_id = {topic.id: topic for topic in rules.topics}
        return tuple((v, dict(by_id[v].name)) for v in values)
    return tuple((v, {lang: t[lang].get(f"{name}_{v}", v) for lang in LANGUAGES}) for v in values)


def _placeholder(field) -> dict:
    # Free text shows an example only when it has one in each language.
    if isinstance(field.kind, Text) and field.name != "id" and not field.examples or not field.example:
        return {}
    return {lang: field.example_in(lang).strip('"') for lang in LANGUAGES}


def _source_placeholder(source: Group, t: dict, lang: str) -> str:
    lines = []
    for part in source.fields:
        example = part.example_in(lang).strip('"') or "https://…"
        lines.append(f"{t[lang]['form_source_' + part.name]} {example}")
    return "\n".join(lines)


def label_keys(rules: case_schema.CaseRules) -> list[str]:
    """The interface strings the form needs: a label for each case field it asks."""
    keys = []
    for field in rules.schema.fields:
        if field.name in NOT_ASKED:
            continue
        if isinstance(field.kind, Group):
            keys += [f"form_label_{field.name}_{part.name}" for part in field.kind.fields]
        else:
            keys.append(f"form_label_{field.name}")
    return keys


def check_labels(strings_dir, root, rules: case_schema.CaseRules) -> list[Problem]:
    """A problem for each case field the issue form asks without a label in the strings."""
    t = strings.load(strings_dir)
    rel = paths.relative(Path(strings_dir) / "contribute.yml", root)
    return [
        Problem(rel, 1, key, f"the case field has no label for the issue form in {lang}: add `{key}:` with `en:` and `ar:` texts")
        for key in label_keys(rules)
        for lang in LANGUAGES
        if key not in t[lang]
    ]


def questions(case_type: str, rules: case_schema.CaseRules, strings_by_lang=None) -> list[Question]:
    """The questions of the form for one case type, in the schema's order, then its sections."""
    t = strings_by_lang or strings.load()
    found = []

    def describe(name: str, help_text: dict) -> dict:
        # The schema's help speaks of files ("leave the line out"); where a
        # form needs other words, form_help_<name> replaces it, and
        # form_<name>_note adds what only a form user needs to know.
        help_key, note_key = f"form_help_{name}", f"form_{name}_note"
        return {
            lang: (t[lang][help_key] if help_key in t[lang] else help_text[lang]) + (" " + t[lang][note_key] if note_key in t[lang] else "")
            for lang in LANGUAGES
        }

    for field in rules.schema.fields:
        if field.name in NOT_ASKED:
            continue
        required = field.required and field.name not in OPTIONAL_IN_FORM
        kind = field.kind
        if isinstance(kind, Group):
            for part in kind.fields:
                key = f"form_label_{field.name}_{part.name}"
                found.append(
                    Question(
                        f"{field.name}-{part.name}",
                        f"{field.name}.{part.name}",
                        "input",
                        required and part.required,
                        {lang: t[lang][key] for lang in LANGUAGES},
                        describe(part.name, part.help),
                        placeholder=_placeholder(part),
                    )
                )
            continue
        label = {lang: t[lang][f"form_label_{field.name}"] for lang in LANGUAGES}
        if isinstance(kind, ListOf) and isinstance(kind.item, Group):
            found.append(
                Question(
                    field.name,
                    field.name,
                    "textarea",
                    required,
                    label,
                    describe(field.name, field.help),
                    placeholder={lang: _source_placeholder(kind.item, t, lang) for lang in LANGUAGES},
                )
            )
        elif isinstance(kind, ListOf) and isinstance(kind.item, Choice):
            found.append(
                Question(
                    field.name,
                    field.name,
                    "dropdown",
                    required,
                    label,
                    describe(field.name, field.help),
                    _option_labels(field.name, kind.item.options, t, rules),
                    multiple=True,
                )
            )
        elif isinstance(kind, Choice):
            # The form is for one type: its type question has that single answer.
            single = field.name == "type"
            values = (case_type,) if single else kind.options
            found.append(
                Question(
                    field.name,
                    field.name,
                    "dropdown",
                    required,
                    label,
                    {} if single else describe(field.name, field.help),
                    _option_labels(field.name, values, t, rules),
                )
            )
        else:
            long_text = isinstance(kind, Text) and (kind.max_length or 0) > ONE_LINE_LIMIT
            found.append(
                Question(
                    field.name,
                    field.name,
                    "textarea" if long_text else "input",
                    required,
                    label,
                    describe(field.name, field.help),
                    placeholder=_placeholder(field),
                )
            )
    for number, names in enumerate(case_schema.sections()[case_type], start=1):
        found.append(
            Question(
                f"section-{number}", f"section:{number}", "textarea", True, {lang: names[lang] for lang in LANGUAGES}, dict(names["hint"])
            )
        )
    found.append(
        Question(
            "consent",
            "",
            "checkboxes",
            True,
            {lang: t[lang]["form_label_consent"] for lang in LANGUAGES},
            options=tuple((key, {lang: t[lang][key] for lang in LANGUAGES}) for key in CONSENT),
        )
    )
    return found


def _element(question: Question, lang: str) -> dict:
    attributes = {"label": question.label[lang]}
    if question.description:
        attributes["description"] = question.description[lang]
    if question.type == "checkboxes":
        attributes["options"] = [{"label": labels[lang], "required": True} for _, labels in question.options]
        return {"type": "checkboxes", "id": question.id, "attributes": attributes}
    if question.type == "dropdown":
        attributes["multiple"] = question.multiple
        attributes["options"] = [labels[lang] for _, labels in question.options]
        if len(question.options) == 1:
            attributes["default"] = 0
    if question.placeholder:
        attributes["placeholder"] = question.placeholder[lang]
    return {"type": question.type, "id": question.id, "attributes": attributes, "validations": {"required": question.required}}


def form(case_type: str, lang: str, rules: case_schema.CaseRules, strings_by_lang=None) -> dict:
    """The issue form for one case type in one language, as GitHub's form schema."""
    t = (strings_by_lang or strings.load())[lang]
    type_name = t["type_" + case_type]
    return {
        "name": t["form_name"].format(type=type_name),
        "description": t["form_description"],
        "title": t["form_issue_title"],
        "body": [{"type": "markdown", "attributes": {"value": t["form_intro"].format(type=type_name)}}]
        + [_element(q, lang) for q in questions(case_type, rules, strings_by_lang)],
    }


def path(case_type: str, lang: str, root: Path = paths.REPO) -> Path:
    return root / FOLDER / f"case-{lang}-{case_type}.yml"


HEADER = "# Generated from hooks/hub/model/case_schema.py by scripts/generate; do not edit by hand.\n"


class _Dumper(yaml.SafeDumper):
    """Writes texts of several lines as literal blocks, as a person would."""


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def files(rules: case_schema.CaseRules, root: Path = paths.REPO, strings_by_lang=None) -> dict:
    """{path: text} of every issue form."""
    strings_by_lang = strings_by_lang or strings.load()
    return {
        path(case_type, lang, root): HEADER
        + yaml.dump(form(case_type, lang, rules, strings_by_lang), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        for lang in LANGUAGES
        for case_type in case_schema.TYPES
    }
