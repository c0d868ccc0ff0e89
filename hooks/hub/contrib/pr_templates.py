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
from hub.model import paths, strings
from hub.model import themes as theme_data

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


def text(name: str, theme_list=None, strings_by_lang=None) -> str:
    title, prompt, checklist = TEMPLATES[name]
    t = (strings_by_lang or strings.load())["en"]
    items = checklist(t, "en", list(theme_list if theme_list is not None else theme_data.load()))
    return f"{HEADER}{GUIDE}\n{title}\n\n{prompt}\n\n## Checklist\n\n{checklists.markdown(items)}"


def files(root: Path = paths.REPO) -> dict:
    """{path: text} of the generated pull-request templates."""
    theme_list, strings_by_lang = theme_data.load(), strings.load()
    return {root / FOLDER / name: text(name, theme_list, strings_by_lang) for name in TEMPLATES}
