"""Golden files: the generated pages of a tiny fixture site, as the core makes them.

Each page the core generates from tests/fixtures/valid/ (three case files) is
compared with its file under tests/golden/: the page's Markdown with every
splice put back and the HTML that frames it, so a change to a template or a
view model shows as a readable diff. After an intended change, rewrite them:

    scripts/test tests/test_golden_pages.py --update-golden
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from helpers import REPO
from hub.checks import project
from hub.model import strings
from hub.render import site as hub_site

FIXTURE = REPO / "tests" / "fixtures" / "valid"
GOLDEN = REPO / "tests" / "golden"
# Pages whose content is the repository's own data, not the fixture's: they
# change with the question bank, not with the code under test.
LEFT_OUT = ("assessment-questions.md",)


def _site():
    report = project.check(project.Layout(root=FIXTURE))
    assert not report.errors, [p.text() for p in report.errors]
    return hub_site.build(report, strings.load(), "https://example.org/", today=datetime.date(2026, 1, 1))


def rendered_pages() -> dict[str, str]:
    """{golden file name: text} of every generated page of the fixture site."""
    site = _site()
    out = {}
    for src_uri, page in sorted(site.pages.items()):
        if src_uri.endswith(LEFT_OUT):
            continue
        text = site.splices.fill(site.splices.fill(page.markdown), late=True)
        if page.before or page.after:
            text += "\n<!-- before the content -->\n" + page.before + "\n<!-- after the content -->\n" + page.after + "\n"
        # One element per line, so a diff shows what changed.
        out[src_uri] = text.replace("><", ">\n<")
    return out


def test_the_golden_files_match_the_generated_pages(request):
    pages = rendered_pages()
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for name, text in pages.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    stored = {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8") for path in GOLDEN.rglob("*.md")}
    assert sorted(stored) == sorted(pages), "pages added or gone: rewrite with --update-golden"
    for name, text in pages.items():
        assert text == stored[name], f"{name} differs from tests/golden/{name}: look at the diff, then rewrite with --update-golden"


def test_the_golden_pages_hold_the_fixture_cases():
    pages = rendered_pages()
    case = pages["en/good-practices/sample-quota.md"]
    assert 'class="hub-facts"' in case and 'id="source-1"' in case
    assert "<!--hub-" not in "".join(pages.values()), "every splice marker was filled"
    assert {Path(name).parts[0] for name in pages} == {"en", "ar"}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_generated_pages_are_the_same_from_one_build_to_the_next(lang):
    first, second = rendered_pages(), rendered_pages()
    assert {k: v for k, v in first.items() if k.startswith(lang)} == {k: v for k, v in second.items() if k.startswith(lang)}
