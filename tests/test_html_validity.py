"""Every built page passes the Nu HTML Checker (vnu.jar from npm, run with the machine's Java)."""

from __future__ import annotations

import json
import re
import subprocess

from helpers import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages caused by Material for MkDocs' own templates, which the project
# does not write. Each is matched by its message AND by the theme markup it
# quotes, so the same mistake in our own markup still fails.
THEME_MESSAGES = [
    # Material puts autocomplete="off" on its checkbox toggles (drawer,
    # search, navigation sections) to stop browsers restoring their state.
    (r"Attribute “autocomplete” is only allowed when the input type is", r'class="md-(toggle|nav__toggle)[^"]*"'),
    # Material's table-of-contents title labels a toggle it omits on pages
    # whose contents it renders inside the navigation.
    (
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'class="md-nav__title" for="__toc"',
    ),
    # Material writes tabindex="" on navigation section labels it keeps out
    # of the tab order when navigation.tabs is on.
    (
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex=""',
    ),
]


def is_theme_message(message: dict) -> bool:
    return any(re.search(text, message["message"]) and re.search(markup, message.get("extract", "")) for text, markup in THEME_MESSAGES)


def test_every_page_is_valid_html(site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m.get("type") == "error" and not is_theme_message(m)]
    assert errors == [], "\n".join(f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in errors[:20])
    assert report["messages"], "the checker ran and found the theme's known messages"


def test_our_own_markup_would_not_hide_behind_a_theme_filter():
    ours = {
        "message": "Attribute “autocomplete” is only allowed when the input type is “text”",
        "extract": '<input class="hub-file" type="file" autocomplete="off">',
    }
    assert not is_theme_message(ours)
