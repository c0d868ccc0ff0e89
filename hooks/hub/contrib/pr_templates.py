"""The pull-request templates for content, written from the case schema.

A contributor picks one by adding `?template=new-case.md` (or
`translation.md`) to the address of a new pull request. Their checklists are
the review checklists of checklists.py, so they change with the schema;
`scripts/generate` writes them. The episode and code templates beside them
are hand-written.
"""

from __future__ import annotations

from pathlib import Path

from hub.contrib import checklists
from hub.model import case_schema, paths, strings

FOLDER = Path(".github") / "PULL_REQUEST_TEMPLATE"
HEADER = "<!-- Generated from hooks/hub/model/case_schema.py by scripts/generate; do not edit by hand. -->\n"
GUIDE = (
    "<!-- The same checklist, with the fields and sections explained, is in the contribution guide:\n"
    "     docs/en/contribute.md (English), docs/ar/contribute.md (العربية). -->\n"
)

TEMPLATES = {
    "new-case.md": (
        "# New case",
        '<!-- Which case, in which languages, from which issue ("Closes #…" if it came from an issue form).\n'
        "     Say who checked the sources, and anything the reviewers should look at first. -->",
        checklists.new_case,
    ),
    "translation.md": (
        "# Translation of a case",
        "<!-- Which case (its id), from which language into which, and who compared the two files. -->",
        checklists.translation,
    ),
}


def text(name: str, rules: case_schema.CaseRules, strings_by_lang=None) -> str:
    title, prompt, checklist = TEMPLATES[name]
    t = (strings_by_lang or strings.load())["en"]
    items = checklist(t, "en", rules)
    return f"{HEADER}{GUIDE}\n{title}\n\n{prompt}\n\n## Checklist\n\n{checklists.markdown(items)}"


def files(rules: case_schema.CaseRules, root: Path = paths.REPO, strings_by_lang=None) -> dict:
    """{path: text} of the generated pull-request templates."""
    strings_by_lang = strings_by_lang or strings.load()
    return {root / FOLDER / name: text(name, rules, strings_by_lang) for name in TEMPLATES}
