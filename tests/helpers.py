"""Shared test tools: building a site, serving it, and reading built HTML."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import static_server  # noqa: E402 (scripts/ is not a package)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def examples(full: int) -> int:
    """How many generated inputs a property test with its own count tries:
    all of them in the full suite, a quarter under `scripts/test --fast`."""
    return full if os.environ.get("HUB_TEST_PROFILE", "full") == "full" else max(20, full // 4)


def build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real strict MkDocs build of `project` into `site_dir`."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "hooks"))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=project,
    )


class Server:
    """A static file server on 127.0.0.1, like any static host (byte ranges, gzip,
    a 404 page per language: scripts/static_server.py, which scripts/serve uses)."""

    def __init__(self, root: Path):
        self.httpd = static_server.server(root)
        # A short poll: stopping the server waits for the loop to look up.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def close_context(context) -> None:
    """Close a browser context once its pages are still. Chromium may never
    answer a close that arrives while a page is navigating (a click or a key
    that leaves the page just before the test ends), so each page is first
    settled on a blank one."""
    from playwright.sync_api import Error

    for tab in context.pages:
        try:
            tab.goto("about:blank")
        except Error:
            pass  # a page already closing (page.close(run_before_unload=True) does not wait)
    context.close()


REDIRECT_MARK = '<meta http-equiv="refresh"'


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can open (not the 404 pages, not the redirects from old addresses)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and REDIRECT_MARK not in p.read_text(encoding="utf-8")[:2000])


def redirect_pages(site: Path) -> list[Path]:
    """The pages left at old addresses that lead to the new ones."""
    return sorted(p for p in site.rglob("*.html") if REDIRECT_MARK in p.read_text(encoding="utf-8")[:2000])


def page_url(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def is_arabic(site: Path, page: Path) -> bool:
    return page.relative_to(site).parts[0] == "ar"


class TagCollector(HTMLParser):
    """Collects (tag, attrs) of every start tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: Path) -> list[tuple[str, dict]]:
    parser = TagCollector()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


ARABIC = re.compile(r"[\u0600-\u06FF]")


@functools.lru_cache(maxsize=1)
def real_report():
    """The repository's own content, checked once per test session: every test
    module reads it, none changes it (a test that needs changed content makes
    its own copy)."""
    from hub.checks import project

    return project.check()
