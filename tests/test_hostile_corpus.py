"""Hostile contributions: refused with file and line, in bounded time, and
never run in a reader's browser even when the check is bypassed.

The corpus is in tests/hostile.py. Three layers are tested one by one:
1. `scripts/check`'s rules (the core functions it calls), per payload;
2. the sanitiser and escaping, by building a copy of the project with the
   body check switched off, so every payload reaches a page;
3. the Content-Security-Policy, in the same pages opened in Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import justhtml
import pytest

import hostile
from helpers import REPO, Server, close_context
from hub.checks import characters, safe_html
from hub.model import case_schema, content, themes, topics

BODY = hostile.body_payloads()
SCHEMA = case_schema.rules(themes.load(), topics.load()).schema
MKDOCS_YML = REPO / "mkdocs.yml"
ARTICLE = "## Context\n\n{payload}\n\n## What was done\n\nText.\n\n## Results\n\nText.\n\n## Lessons and how to replicate\n\nText.\n"


def front(case_id: str, text: str = "A title", extra: str = "") -> str:
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (
        "---\n"
        f"id: {case_id}\ntype: good-practice\ntitle: {quoted}\nthemes: [A]\ncountry: TN\nplace: {quoted}\n"
        "level: municipal\nperiod:\n  start: 2018\nphase: both\n"
        f"summary: {quoted}\n"
        f'sources:\n  - title: {quoted}\n    publisher: {quoted}\n    year: 2019\n    url: "https://example.org/s"\n    language: en\n'
        f"reviewed: 2026-11-30\nreviewer: {quoted}\ntopics: [participation]\n{extra}---\n\n"
    )


def check_file(tmp_path: Path, name: str, text: str | bytes):
    """(problems, seconds) of the case check on one file."""
    folder = tmp_path / "good_practices"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    started = time.perf_counter()
    item, problems = content.read(path, tmp_path)
    if item is not None:
        problems += content.check_case(item, SCHEMA)
    return problems, time.perf_counter() - started


def _normal(html_text: str) -> str:
    """HTML parsed and written back by an HTML5 parser, comments left out."""
    without_comments = re.sub(r"<!--.*?-->", "", html_text, flags=re.S)
    return justhtml.JustHTML(without_comments, fragment=True, sanitize=False).to_html(pretty=False)


def test_the_corpus_is_large_and_covers_every_class():
    planted_front_matter = len(hostile.FRONT_MATTER_TEXT) * 6 + len(hostile.HIDDEN_CHARACTERS)
    total = len(BODY) + planted_front_matter + len(STRUCTURE)
    classes = {cls for cls, _, _ in BODY}
    print(
        f"\nhostile corpus: {len(BODY)} bodies {sorted(classes)}, {planted_front_matter} front-matter plantings, {len(STRUCTURE)} structural files: {total} inputs"
    )
    assert total >= 150
    assert classes >= {"tag", "split-tag", "attr-list", "fake-fence", "markdown-link", "list-item", "table-cell"}


@pytest.mark.parametrize("cls,label,payload", BODY, ids=[label for _, label, _ in BODY])
def test_a_hostile_body_is_refused_with_its_line_or_is_harmless(tmp_path, cls, label, payload):
    text = front("hostile") + ARTICLE.format(payload=payload)
    problems, seconds = check_file(tmp_path, "hostile.en.md", text)
    assert seconds < 2
    # (A fake fence also hides the sections that follow it from the section check.)
    body = [p for p in problems if p.field == "body" and not p.message.startswith("section")]
    rendered = safe_html.render(ARTICLE.format(payload=payload), MKDOCS_YML)
    if not body:
        # Accepted only if Ammonia, an independent sanitiser, finds nothing to remove.
        assert _normal(safe_html.sanitise(rendered)) == _normal(rendered), "the check accepted what the sanitiser removes"
        return
    payload_lines = range(front("hostile").count("\n") + 3, front("hostile").count("\n") + 4 + payload.count("\n"))
    for problem in body:
        assert problem.path == "good_practices/hostile.en.md"
        assert problem.line in payload_lines, (problem.line, list(payload_lines), problem.message)


def test_no_accepted_body_carries_a_handler_or_a_script_address():
    """Read independently of the checker: what it accepts has no way to run code."""
    for _, label, payload in BODY:
        article = ARTICLE.format(payload=payload)
        if safe_html.problems(article, 10, MKDOCS_YML):
            continue
        document = justhtml.JustHTML(safe_html.render(article, MKDOCS_YML), fragment=True, sanitize=False)
        for element in document.query("*"):
            for name, value in (element.attrs or {}).items():
                assert not name.startswith("on"), (label, name)
                # As a browser reads it: spaces and controls around, tab and newline inside dropped.
                scheme = re.sub(r"[\t\n\r]", "", (value or "").strip("".join(map(chr, range(0x21))))).split(":", 1)[0].lower()
                assert not (name in ("href", "src") and scheme in ("javascript", "vbscript", "data")), (label, value)


def test_a_line_of_100000_angle_brackets_is_checked_in_bounded_time(tmp_path):
    problems, seconds = check_file(tmp_path, "brackets.en.md", front("brackets") + ARTICLE.format(payload="<" * 100_000))
    assert seconds < 2
    assert [p for p in problems if p.field == "body"] == []


STRUCTURE = {
    "alias-bomb": (front("bomb").replace("---\n\n", hostile.alias_bomb() + "\n---\n\n"), "front matter", "anchors and aliases"),
    "anchor-alone": (front("anchor").replace("title: ", "title: &t "), "front matter", "anchors and aliases"),
    "list-front-matter": ("---\n- a\n- b\n---\n\n## Context\n", "front matter", "expected the case's fields"),
    "scalar-front-matter": ("---\njust text\n---\n\nbody\n", "front matter", "expected the case's fields"),
    "huge-integer": (front("big").replace("start: 2018", "start: " + "9" * 5000), "period.start", "5000 digits"),
    "byte-order-mark": ("\ufeff" + front("bom") + ARTICLE.format(payload="x"), "file", "byte-order mark"),
    "long-line": (front("long") + ARTICLE.format(payload="x" * 25_000), "file", "the limit is 20,000"),
    "large-file": (front("large") + ARTICLE.format(payload=("word " * 60 + "\n\n") * 1000), "file", "larger than 256 KB"),
    "not-utf8": (front("latin").encode("utf-8") + "caf\u00e9".encode("latin-1"), "file", "not UTF-8"),
    "unclosed-front-matter": ("---\ntitle: x\n", "front matter", "never closed"),
    "duplicate-key": (front("dup").replace("type: good-practice\n", "type: good-practice\ntype: good-practice\n"), "type", "appears twice"),
    "nested-flow": ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n", "front matter", ""),
}


@pytest.mark.parametrize("label", sorted(STRUCTURE))
def test_a_hostile_file_gets_a_message_not_a_traceback(tmp_path, label):
    text, field, needle = STRUCTURE[label]
    problems, seconds = check_file(tmp_path, "hostile.en.md", text)
    assert seconds < 2
    assert problems, "nothing was reported"
    matching = [p for p in problems if p.field.startswith(field) and needle in p.message]
    assert matching, [p.text() for p in problems]
    assert all(p.line >= 1 for p in problems)


@pytest.mark.parametrize("name", sorted(hostile.HIDDEN_CHARACTERS))
def test_an_invisible_character_in_front_matter_is_named(tmp_path, name):
    char = hostile.HIDDEN_CHARACTERS[name]
    text = front("hidden", f"Before{char}after") + ARTICLE.format(payload="x")
    problems, seconds = check_file(tmp_path, "hidden.en.md", text)
    assert seconds < 2
    named = [p for p in problems if f"U+{ord(char[0]):04X}" in p.message]
    if characters.UNREADABLE_BY_YAML.match(char):
        # YAML cannot read past it: one message, on the title's line, naming it.
        assert [(p.line, p.field) for p in named] == [(4, "front matter")], [p.text() for p in problems]
        return
    # title, place, summary, the source's title and publisher, the reviewer
    assert {p.field for p in named} >= {"title", "summary", "place", "sources[1].title", "reviewer"}, [p.text() for p in problems]


# ---------------------------------------------------------------- the browser

BYPASS_HOOK = '''"""Test only: switch off every check of the body, so hostile bodies reach the pages."""
from hub.checks import citations
from hub.model import content

citations.problems = lambda *args, **kwargs: []
_check_case = content.check_case


def check_case(item, schema):
    kept = [p for p in _check_case(item, schema) if p.field != "body"]
    item.valid = not kept
    return kept


content.check_case = check_case
'''


def _plant(project: Path) -> dict:
    """Hostile cases and an episode in a copy of the project; their page paths."""
    cases = project / "good_practices"
    shutil.rmtree(cases)
    cases.mkdir()
    planted = {}
    for n, text in enumerate(hostile.FRONT_MATTER_TEXT, 1):
        case_id = f"hostile-front-{n}"
        (cases / f"{case_id}.en.md").write_text(front(case_id, text) + ARTICLE.format(payload="Plain text."), encoding="utf-8")
        planted[f"good-practices/{case_id}/"] = text
    for n in range(0, len(BODY), 10):
        case_id = f"hostile-body-{n // 10 + 1}"
        payloads = "\n\n".join(payload for _, _, payload in BODY[n : n + 10])
        (cases / f"{case_id}.en.md").write_text(front(case_id) + ARTICLE.format(payload=payloads), encoding="utf-8")
        planted[f"good-practices/{case_id}/"] = None
    # Events and the solutions register name real cases, which this copy does not hold.
    for entry in [*(project / "events").glob("*.yml"), *(project / "solutions").glob("*.yml")]:
        if not entry.name.startswith("_"):
            entry.unlink()
    episodes = project / "podcasts"
    for path in episodes.glob("library-walkthrough.*.md"):
        path.unlink()
    trailer = (episodes / "hub-trailer.en.md").read_text(encoding="utf-8")
    head, _, _ = trailer.partition("\n---\n")
    hostile_title = hostile.FRONT_MATTER_TEXT[0]
    head = head.replace("id: hub-trailer", "id: hostile-episode")

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    # The payloads in every text field of the episode schema.
    head = re.sub(r"(?m)^title: .*$", "title: " + quoted(hostile_title), head)
    head = re.sub(r"(?m)^summary: .*$", "summary: " + quoted(hostile.FRONT_MATTER_TEXT[1]), head)
    head = re.sub(r"(?m)^- name: .*$", "- name: " + quoted(hostile.FRONT_MATTER_TEXT[2]), head)
    head = re.sub(r"(?m)^  role: .*$", "  role: " + quoted(hostile.FRONT_MATTER_TEXT[3]), head)
    transcript = "\n\n".join(f"[0:{n:02d}] {payload}" for n, (_, _, payload) in enumerate(BODY[:40]))
    (episodes / "hostile-episode.en.md").write_text(head + "\n---\n\n" + transcript + "\n", encoding="utf-8")
    planted["media/hostile-episode/"] = hostile_title
    (project / "bypass_hook.py").write_text(BYPASS_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("hooks:\n  - hooks/site.py", "hooks:\n  - bypass_hook.py\n  - hooks/site.py"), encoding="utf-8"
    )
    return planted


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile-project")
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__", ".pytest_cache")
    shutil.copytree(REPO, project, dirs_exist_ok=True, ignore=ignore)
    planted = _plant(project)
    out = tmp_path_factory.mktemp("hostile-site")
    with Server(out) as running:
        # Not strict: MkDocs rightly warns about the hostile links it leaves as they are.
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
            capture_output=True,
            text=True,
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "hooks"), SITE_URL=running.url),
        )
        assert result.returncode == 0, result.stderr[-3000:]
        yield running, planted


# Every payload calls one of these; each call is reported to the test at once
# (a binding survives the navigation a payload might start).
EXECUTION_PROBE = """
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function () { window.__hubExecuted(name + ":" + Array.from(arguments).join(",")); };
}
"""


# What a reader's pointer, keyboard and clicks would fire, on every element of
# the article (inline handlers run on dispatched events as on real ones).
# Links to other sites are not followed: leaving the site is not script.
TOUCH_ALL = """
() => {
  const events = ["pointerover", "pointerenter", "mouseover", "mouseenter", "mousemove", "focus", "focusin", "toggle", "animationstart"];
  for (const el of document.querySelectorAll("article *")) {
    for (const type of events) el.dispatchEvent(new Event(type, { bubbles: true }));
    if (typeof el.focus === "function") el.focus();
    const href = el.getAttribute("href") || "";
    if (!/^https?:/i.test(href) && el.matches("a, button, summary, input, [tabindex], [onclick]")) el.click();
  }
}
"""


# Where the pointer goes to hover an element: its middle, once scrolled into
# view; nothing for an element that is hidden or has no box.
MIDDLE_OF = """
el => {
  if (!el.isConnected) return null;
  el.scrollIntoView({ block: "center", inline: "center" });
  const box = el.getBoundingClientRect();
  return box.width && box.height ? [box.x + box.width / 2, box.y + box.height / 2] : null;
}
"""


def _touch_everything(page, url: str):
    """Hover (for real) the first elements, tab through, then fire the rest."""
    for handle in page.query_selector_all("article p, article a, article img, article li, article td")[:30]:
        # The real mouse over the element's middle. Playwright's own hover()
        # first waits for the element to be stable and hit-testable, about
        # 40 ms an element: most of this test's time, for the same events.
        try:
            middle = handle.evaluate(MIDDLE_OF)
        except Exception:
            continue  # a pointer event navigated: the element is gone
        if middle:
            page.mouse.move(*middle)
    for _ in range(10):
        page.keyboard.press("Tab")
    try:
        page.evaluate(TOUCH_ALL)
    except Exception:
        pass  # a click navigated within the site: the page it left is done
    for _ in range(3):
        if page.url.split("#")[0] == url:
            break
        try:
            page.goto(url)
        except Exception:
            page.wait_for_timeout(200)  # another navigation won the race: try again


def test_no_hostile_input_runs_in_chromium_in_either_language(hostile_site, browser):
    running, planted = hostile_site
    executions, outside, violations = [], [], []
    context = browser.new_context()
    context.set_default_timeout(5000)
    context.expose_binding("__hubExecuted", lambda source, what: executions.append(f"{source['frame'].url}: {what}"))
    context.add_init_script(EXECUTION_PROBE)
    # The probe itself works: a script that does run is counted.
    control = context.new_page()
    control.goto(running.url)
    control.evaluate("alert('control')")
    assert [e.rsplit(": ", 1)[1] for e in executions] == ["alert:control"]
    executions.clear()
    control.close(run_before_unload=True)
    for path, front_text in planted.items():
        for prefix in ("", "ar/"):
            url = running.url + prefix + path
            page = context.new_page()  # a fresh tab: a late navigation from the last one cannot interfere
            page.on("dialog", lambda d: (executions.append("dialog:" + d.message), d.dismiss()))
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((running.url, "data:", "about:", "blob:")) else None)
            page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(url)
            if front_text is not None:
                # Escaped, not dropped: the reader sees exactly what was typed.
                assert page.locator("h1").first.text_content().strip() == front_text.strip(), url
                assert page.title().startswith(front_text.strip()[:20]), url
            if path.startswith("media/"):
                shown = page.locator("article").inner_text()
                assert all(text in shown for text in hostile.FRONT_MATTER_TEXT[1:4]), url
            _touch_everything(page, url)
            page.close(run_before_unload=True)  # asks to close without waiting for it
    close_context(context)
    print(
        f"\n{len(planted) * 2} hostile pages opened: {len(executions)} executions, {len(outside)} requests elsewhere, {len(violations)} CSP reports"
    )
    assert executions == []
    assert outside == []


def test_a_name_marked_with_its_language_is_accepted_and_reaches_the_page():
    article = ARTICLE.format(payload='The network <span lang="fr" dir="ltr">Les Elegides</span> met in Palma.')
    assert safe_html.problems(article, 10, MKDOCS_YML) == []
    assert '<span lang="fr" dir="ltr">Les Elegides</span>' in safe_html.sanitise(safe_html.render(article, MKDOCS_YML))
