"""scripts/serve's builds (hooks/rebuild.py): after a change, only what it
reaches is built again, and the site is then the same, byte for byte, as a
whole build of the changed project."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import REPO, build
from rebuild import Rebuilder
from test_fixture_site import make_project
from test_language_split import files_of

pytestmark = pytest.mark.slow

EPOCH = "1767225600"  # one build date for the builds compared here


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return make_project(tmp_path, "valid")


def whole_build(project, tmp_path):
    out = tmp_path / "whole"
    shutil.rmtree(out, ignore_errors=True)
    result = build(project, out, {"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return files_of(out)


def a_case(project):
    return sorted((project / "good_practices").glob("[!_]*.en.md"))[0]


def retitled(path, words: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {words}", text, count=1), encoding="utf-8")


def test_a_changed_case_is_rebuilt_alone_and_the_site_is_as_a_whole_build_makes_it(project, tmp_path):
    rebuilder = Rebuilder(project, tmp_path / "site")
    assert rebuilder.build()
    case = a_case(project)
    page = tmp_path / "site" / "good-practices" / case.name.split(".")[0] / "index.html"
    untouched = tmp_path / "site" / "assessment-method" / "index.html"
    before = untouched.stat().st_mtime_ns
    retitled(case, "A title changed while serving")
    assert rebuilder.partial([case])
    assert rebuilder.build([case])
    assert "A title changed while serving" in page.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before, "a page the change does not reach is not written again"
    assert files_of(tmp_path / "site") == whole_build(project, tmp_path)


def test_a_new_case_and_an_edited_page_are_built_in_and_the_search_finds_them(project, tmp_path):
    rebuilder = Rebuilder(project, tmp_path / "site")
    assert rebuilder.build()
    case = a_case(project)
    added = case.with_name("a-case-added-while-serving.en.md")
    text = case.read_text(encoding="utf-8").replace(f"id: {case.name.split('.')[0]}", "id: a-case-added-while-serving", 1)
    added.write_text(text, encoding="utf-8")
    retitled(added, "Zanzibarian quorum rules")
    about = project / "docs" / "en" / "contribute.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA line added while serving.\n", encoding="utf-8")
    assert rebuilder.partial([added, about])
    assert rebuilder.build([added, about])
    site = files_of(tmp_path / "site")
    assert "zanzibarian" in b"".join(v for k, v in site.items() if k.startswith("search/")).decode("utf-8").lower()
    assert site == whole_build(project, tmp_path)


def test_a_removed_file_or_a_setting_rebuilds_everything(project, tmp_path):
    rebuilder = Rebuilder(project, tmp_path / "site")
    assert rebuilder.build()
    case = a_case(project)
    assert not rebuilder.partial([project / "mkdocs.yml"])
    assert not rebuilder.partial([project / "overrides" / "main.html"])
    assert not rebuilder.partial([], removed=[case])
    case.unlink()
    assert rebuilder.build([], removed=[case])
    assert not (tmp_path / "site" / "good-practices" / case.name.split(".")[0]).exists()
    assert files_of(tmp_path / "site") == whole_build(project, tmp_path)


def test_a_failed_build_says_why_keeps_the_last_site_and_the_next_is_whole(project, tmp_path, caplog):
    rebuilder = Rebuilder(project, tmp_path / "site")
    assert rebuilder.build()
    case = a_case(project)
    good = case.read_text(encoding="utf-8")
    case.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    assert not rebuilder.build([case])
    assert f"good_practices/{case.name}:5: front matter: broken YAML" in caplog.text
    assert (tmp_path / "site" / "index.html").is_file()
    assert not rebuilder.partial([case])
    case.write_text(good, encoding="utf-8")
    assert rebuilder.build([case])
    assert files_of(tmp_path / "site") == whole_build(project, tmp_path)


def test_scripts_serve_shows_a_changed_case_without_a_restart(project, tmp_path):
    """The static server with --watch: built at start, a case edited, the page
    served again with the change (how long it takes: scripts/bench)."""
    site = tmp_path / "site"
    server = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "static_server.py"), "--watch", "--port", "0", str(site)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = []
        for line in server.stdout:
            lines.append(line)
            if line.startswith("Serving"):
                break
        assert lines and lines[-1].startswith("Serving"), "".join(lines)
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[-1])[0]
        case = a_case(project)
        address = url + "good-practices/" + case.name.split(".")[0] + "/"
        retitled(case, "Seen without a restart")
        deadline = time.monotonic() + 60
        while "Seen without a restart" not in urllib.request.urlopen(address).read().decode("utf-8"):
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
