"""Tiny projects with episodes, made in a temporary folder for tests.

The media files are copied from the real seed episodes rather than stored
twice; the fixture folders hold only the episode files and broken inputs.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from helpers import REPO

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
    for folder in ("networks", "events"):  # watched by mkdocs.yml, so they must exist
        (project / folder).mkdir()
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return project


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that answers byte ranges, as static hosts do.

    Browsers seek in audio and video with Range requests; Python's own
    handler ignores them, and a player it serves cannot seek.
    """

    def log_message(self, *args):
        pass

    def send_head(self):
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not wanted or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start = int(wanted[1])
        end = min(int(wanted[2]) if wanted[2] else size - 1, size - 1)
        if start >= size:
            self.send_error(416)
            return None
        stream = path.open("rb")
        stream.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.range_left = end - start + 1
        return stream

    def copyfile(self, source, outputfile):
        left = getattr(self, "range_left", None)
        if left is None:
            return super().copyfile(source, outputfile)
        while left > 0:
            chunk = source.read(min(64 * 1024, left))
            if not chunk:
                break
            outputfile.write(chunk)
            left -= len(chunk)


@contextmanager
def ranged_server(root: Path):
    """Serve `root` on 127.0.0.1 with byte ranges; yields the base address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RangeHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
