"""Serve a built site as a static host does, for scripts/serve and the tests.

Python's own http.server is close to a host but not quite: it ignores HTTP
Range (so a browser cannot seek in audio or video it serves, and transcript
timestamps do nothing), does not compress, and answers a missing page with
its own error text. This handler adds byte ranges, gzip for text when the
client accepts it, and each language's 404 page (/ar/404.html under /ar/).

    python scripts/static_server.py [--port 8000] [--watch] SITE_DIR

With --watch the site is built first (strictly), then again whenever a
source file changes, in this process and only as far as the change reaches
(hooks/rebuild.py); reload the page to see the result.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import logging
import os
import re
import sys
import threading
import time
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".vtt", ".txt")
RANGE = re.compile(r"bytes=(\d+)-(\d*)")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with byte ranges, gzip for text, and a 404 page per language."""

    def log_message(self, *args):
        pass

    def send_head(self):
        self.range_left = None
        self.validators = {}
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self._not_found()
        wanted = RANGE.fullmatch(self.headers.get("Range", ""))
        if wanted:
            return self._range(Path(path), wanted)
        compressed = "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(COMPRESSIBLE)
        # A browser may keep a file but asks each time whether it changed
        # (no-cache): after a rebuild a reload shows the new CSS at once, and
        # an unchanged file costs a short "not modified" answer, not a resend.
        stamp = os.stat(path)
        self.validators = {"ETag": f'"{stamp.st_mtime_ns:x}-{stamp.st_size:x}{"-gz" if compressed else ""}"', "Cache-Control": "no-cache"}
        if self.validators["ETag"] in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.end_headers()
            return None
        if compressed:
            with open(path, "rb") as handle:
                return self._body(200, gzip.compress(handle.read(), compresslevel=6, mtime=0), self.guess_type(path), gzip_encoded=True)
        return super().send_head()

    def end_headers(self):
        if self.command in ("GET", "HEAD") and not self._headers_buffer_has(b"Accept-Ranges"):
            self.send_header("Accept-Ranges", "bytes")
        for name, value in getattr(self, "validators", {}).items():
            self.send_header(name, value)
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def _headers_buffer_has(self, name: bytes) -> bool:
        return any(line.startswith(name) for line in getattr(self, "_headers_buffer", []))

    def _body(self, status: int, body: bytes, content_type: str, gzip_encoded: bool = False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if gzip_encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        # The deepest language root above the address that has a 404 page.
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        for depth in range(min(len(parts), 1), -1, -1):
            page = Path(self.directory, *parts[:depth], "404.html")
            if page.is_file():
                return self._body(404, page.read_bytes(), "text/html; charset=utf-8")
        self.send_error(404)
        return None

    def _range(self, path: Path, wanted):
        size = path.stat().st_size
        start = int(wanted[1])
        end = min(int(wanted[2]) if wanted[2] else size - 1, size - 1)
        if start >= size or end < start:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        stream = path.open("rb")
        stream.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.range_left = end - start + 1
        return stream

    def copyfile(self, source, outputfile):
        left = self.range_left
        if left is None:
            return super().copyfile(source, outputfile)
        while left > 0:
            chunk = source.read(min(64 * 1024, left))
            if not chunk:
                break
            outputfile.write(chunk)
            left -= len(chunk)


class StaticServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A reader who leaves a page before it has loaded closes the
        # connection mid-answer: normal for a web server, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def server(root: Path, port: int = 0, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    return StaticServer((host, port), functools.partial(StaticHandler, directory=str(root)))


def watched(project: Path) -> list[str]:
    """Where a change starts a rebuild: the docs, the theme overrides, mkdocs.yml and
    the folders its `watch` list names (one list for both ways of serving)."""
    folders = re.search(r"^watch:\n((?:  - .*\n)+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
    listed = re.findall(r"  - (\S+)", folders.group(1)) if folders else []
    return ["docs", "overrides", "mkdocs.yml", *listed]


def _stamps(project: Path) -> dict[Path, int]:
    """Every watched file and its modification time."""
    stamps = {}
    for name in watched(project):
        target = project / name
        if not target.exists():
            continue
        files = [target] if target.is_file() else (p for p in target.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        stamps.update((p, p.stat().st_mtime_ns) for p in files)
    return stamps


# How often the sources are looked at (a change shows within this, plus the build).
POLL_SECONDS = 0.5


def _watch(project: Path, rebuilder, last: dict) -> None:
    """Rebuild the site whenever a source file changes (polled: no dependency)."""
    code = project / "hooks"
    while True:
        time.sleep(POLL_SECONDS)
        now = _stamps(project)
        if now == last:
            continue
        changed = [path for path, stamp in now.items() if last.get(path) != stamp]
        removed = [path for path in last if path not in now]
        last = now
        if any(path.is_relative_to(code) for path in [*changed, *removed]):
            # A running process keeps the code it imported: start afresh.
            print("the hub's code changed: restarting…", flush=True)
            os.execv(sys.executable, [sys.executable, *sys.argv])
        print("change seen: rebuilding…", flush=True)
        rebuilder.build(changed, removed)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--watch", action="store_true", help="build the site, then again when a source file changes")
    args = parser.parse_args(argv)
    if args.watch:
        # MkDocs' warnings and errors, as its own command prints them.
        logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
        from rebuild import Rebuilder  # the MkDocs adapter's builder (hooks/rebuild.py)

        project = Path.cwd()
        stamps = _stamps(project)  # before the build: a change made during it is seen
        rebuilder = Rebuilder(project, args.site)
        if not rebuilder.build():
            return 1
        threading.Thread(target=_watch, args=(project, rebuilder, stamps), daemon=True).start()
    httpd = server(args.site, args.port)
    print(f"Serving {args.site} at http://127.0.0.1:{httpd.server_address[1]}/ (Arabic at /ar/); Ctrl+C stops.", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
