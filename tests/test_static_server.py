"""The server behind scripts/serve and the tests answers as a static host does."""

from __future__ import annotations

import gzip
import threading
import urllib.error
import urllib.request

import pytest

from helpers import REPO, static_server
from hub.checks import project


@pytest.fixture
def served(tmp_path):
    (tmp_path / "ar").mkdir()
    (tmp_path / "clip.mp3").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "page.html").write_text("<p>hello</p>" * 50, encoding="utf-8")
    (tmp_path / "404.html").write_text("not found", encoding="utf-8")
    (tmp_path / "ar" / "404.html").write_text("غير موجودة", encoding="utf-8")
    httpd = static_server.server(tmp_path)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_a_byte_range_is_answered_with_206_and_exactly_those_bytes(served):
    status, headers, body = fetch(served + "clip.mp3", Range="bytes=10-19")
    assert (status, headers["Content-Range"], body) == (206, "bytes 10-19/1024", bytes(range(10, 20)))
    status, headers, body = fetch(served + "clip.mp3", Range="bytes=1000-")
    assert (status, len(body), headers["Content-Range"]) == (206, 24, "bytes 1000-1023/1024")


def test_a_whole_file_says_that_it_accepts_ranges_and_a_range_past_the_end_is_refused(served):
    status, headers, body = fetch(served + "clip.mp3")
    assert (status, headers["Accept-Ranges"], len(body)) == (200, "bytes", 1024)
    status, headers, _ = fetch(served + "clip.mp3", Range="bytes=5000-")
    assert (status, headers["Content-Range"]) == (416, "bytes */1024")


def test_text_is_compressed_for_clients_that_accept_gzip(served):
    status, headers, body = fetch(served + "page.html", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    assert gzip.decompress(body).decode() == "<p>hello</p>" * 50


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_an_unchanged_file_is_not_sent_again_and_a_changed_one_is(served, tmp_path, encoding):
    status, headers, body = fetch(served + "page.html", **{"Accept-Encoding": encoding})
    assert (status, headers["Cache-Control"]) == (200, "no-cache")
    assert fetch(served + "page.html", **{"Accept-Encoding": encoding, "If-None-Match": headers["ETag"]})[:3:2] == (304, b"")
    # A rebuild that writes the file again, even within the same second, is seen.
    (tmp_path / "page.html").write_text("<p>changed</p>", encoding="utf-8")
    status, _, body = fetch(served + "page.html", **{"Accept-Encoding": encoding, "If-None-Match": headers["ETag"]})
    assert status == 200
    assert (gzip.decompress(body) if encoding else body) == b"<p>changed</p>"


@pytest.mark.parametrize("path, expected", [("missing/", "not found"), ("ar/missing/", "غير موجودة")])
def test_a_missing_page_gets_its_languages_404_page(served, path, expected):
    status, _, body = fetch(served + path)
    assert (status, body.decode()) == (404, expected)


def test_serve_rebuilds_on_a_change_in_any_content_folder():
    watched = set(static_server.watched(REPO))
    assert {d.name for d in project.Layout(root=REPO).content_dirs} <= watched
    assert {"docs", "overrides", "hooks", "mkdocs.yml"} <= watched
