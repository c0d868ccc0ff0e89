"""Tiny projects with episodes, made in a temporary folder for tests.

The media files are copied from the real seed episodes rather than stored
twice; the fixture folders hold only the episode files and broken inputs.
"""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from helpers import REPO, static_server

FIXTURES = Path(__file__).parent / "fixtures"


def content_root(tmp: Path, scenario: str) -> Path:
    """good_practices/ of the valid fixture and podcasts/ of a media scenario."""
    shutil.copytree(FIXTURES / "valid" / "good_practices", tmp / "good_practices")
    shutil.copytree(FIXTURES / "media" / scenario / "podcasts", tmp / "podcasts")
    (tmp / "podcasts" / "media").mkdir(exist_ok=True)
    shutil.copy(REPO / "podcasts" / "cover.jpg", tmp / "podcasts" / "cover.jpg")
    shutil.copy(REPO / "podcasts" / "media" / "hub-trailer.en.mp3", tmp / "podcasts" / "media" / "ok.mp3")
    return tmp


def site_project(tmp: Path, scenario: str) -> Path:
    """A buildable project: the real configuration, hooks, theme and pages."""
    project = content_root(tmp / "project", scenario)
    shutil.copy(REPO / "mkdocs.yml", project)
    for folder in ("networks", "events", "solutions", "country_cards"):  # watched by mkdocs.yml, so they must exist
        (project / folder).mkdir()
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return project


@contextmanager
def ranged_server(root: Path):
    """Serve `root` on 127.0.0.1 with byte ranges; yields the base address."""
    httpd = static_server.server(root)  # byte ranges, as static hosts answer them
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
