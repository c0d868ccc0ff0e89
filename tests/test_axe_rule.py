"""The accessibility check itself: its contrast rule measures Arabic text and
text of any element, and stays quiet on text that is dark enough."""

from __future__ import annotations

import axe

PALE = "color: #bbb; background: #fff"


def found_in(page, body: str) -> list[str]:
    page.set_content(f'<!doctype html><html lang="ar" dir="rtl"><head><title>t</title></head><body><main>{body}</main></body></html>')
    return [
        node for violation in axe.violations(page) if violation["id"] == "hub-arabic-safe-color-contrast" for node in violation["nodes"]
    ]


def test_pale_text_is_found_in_arabic_and_in_any_element(page):
    found = found_in(
        page,
        f'<p id="arabic" style="{PALE}">مشاركة النساء في المجالس البلدية</p>'
        f'<div id="bare" style="{PALE}">Text straight in a div</div>'
        f'<p>Some <code id="code" style="{PALE}">code</code> in a sentence</p>'
        f'<label>Name <input id="field" style="{PALE}" value="typed"></label>',
    )
    assert [node.split(" :: ")[0] for node in found] == ["#arabic", "#bare", "#code", "#field"]


def test_dark_enough_text_passes(page):
    assert found_in(page, '<p style="color: #595959; background: #fff">مشاركة النساء <code>code</code></p>') == []
