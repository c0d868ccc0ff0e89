"""Case templates and new case files, written from the case schema.

The templates in good_practices/ and the files `scripts/new-case` creates
come from here, so their comments always match the validator's rules.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from hub.model import case_schema, ids, paths, strings
from hub.model.languages import LANGUAGES
from hub.model.schema import Choice, Date, Field, Integer, ListOf

# Values a new case starts with: valid YAML that scripts/check flags until
# filled in. A field not named here starts from its kind (see _starting_value).
STARTING_VALUES = {
    "id": "{id}",
    "period": "\n  start: {year}",
    "sources": '\n  - title: ""\n    publisher: ""\n    year: {year}\n    url: "https://"\n    language: ""',
    "reviewer": '"{reviewer}"',
}


def text(lang: str, rules: case_schema.CaseRules, case_id: str = "your-case-id", today: datetime.date | None = None) -> str:
    """A case file to fill in; without `today`, the template's placeholders."""
    year, date = (today.year, today.isoformat()) if today else ("YYYY", "YYYY-MM-DD")
    t = strings.load()[lang]
    reviewer = t["default_reviewer"]
    lines = ["---", "# yaml-language-server: $schema=../hooks/hub/schemas/case.schema.json", f"# {t['template_case_header']}"]
    for field in rules.schema.fields:
        need = t["template_required"] if field.required else t["template_optional"]
        lines.append(f"# {field.name}: {field.help[lang]} {need}")
        value = _starting_value(field).format(id=case_id, year=year, today=date, reviewer=reviewer)
        lines.append(f"{field.name}:{value}" if value.startswith("\n") else f"{field.name}: {value}")
    lines.append("---")
    for names in case_schema.sections()["good-practice"]:
        lines += ["", f"## {names[lang]}", "", f"<!-- {names['hint'][lang]} -->"]
    other = case_schema.sections()["faltering-implementation"]
    note = t["template_case_other_sections"].format(sections=", ".join(f"## {names[lang]}" for names in other))
    lines += ["", f"<!-- {note} -->", ""]
    return "\n".join(lines)


def _starting_value(field: Field) -> str:
    """A field's first value: a choice's first option, an empty list, today, a year, or empty text."""
    if field.name in STARTING_VALUES:
        return STARTING_VALUES[field.name]
    kind = field.kind
    if isinstance(kind, Choice):
        return str(kind.options[0])
    if isinstance(kind, ListOf):
        return "[]"
    if isinstance(kind, Date):
        return "{today}"
    if isinstance(kind, Integer):
        return "{year}"
    return '""'


def templates(rules: case_schema.CaseRules, root: Path = paths.REPO) -> dict:
    """{path: text} of the two case templates."""
    return {root / "good_practices" / f"_template.{lang}.md": text(lang, rules) for lang in LANGUAGES}


def new_case(case_id: str, rules: case_schema.CaseRules, root: Path = paths.REPO) -> list[Path]:
    """Write both language files of a new case; refuse a bad or taken id."""
    if not ids.is_id(case_id):
        raise ValueError(f"{case_id!r} is not a valid id: use {ids.ID_RULE}, e.g. tunisia-parity-2018")
    targets = [root / "good_practices" / f"{case_id}.{lang}.md" for lang in LANGUAGES]
    taken = [paths.relative(t, root) for t in targets if t.exists()]
    if taken:
        raise ValueError(f"{', '.join(taken)} already exists: choose another id")
    for target, lang in zip(targets, LANGUAGES):
        target.write_text(text(lang, rules, case_id, datetime.date.today()), encoding="utf-8")
    return targets
