"""The trust rules one by one: duplicate ids, links on disk, feeds, the
Content-Security-Policy, escaped front matter, and the build's date."""

from __future__ import annotations

import dataclasses
import html
import os
import re
import shutil
import subprocess
import xml.dom.minidom

import pytest

from helpers import REPO, build, real_report
from hub.checks import project
from hub.contrib import case_from_issue
from hub.contrib.case_from_issue import BodyError
from hub.media import podcast_feed
from hub.model import strings
from hub.render import csp
from test_fixture_site import make_project

VALID = REPO / "tests" / "fixtures" / "valid"


def test_two_cases_with_one_id_in_different_folders_are_both_named(tmp_path):
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    (tmp_path / "good_practices" / "more").mkdir()
    shutil.copy(tmp_path / "good_practices" / "sample-quota.en.md", tmp_path / "good_practices" / "more" / "sample-quota.en.md")
    report = project.check(project.Layout(root=tmp_path))
    duplicates = [p for p in report.errors if p.field == "id"]
    assert [(p.path, p.line) for p in duplicates] == [("good_practices/sample-quota.en.md", 1)]
    assert "good_practices/more/sample-quota.en.md has the same id and language" in duplicates[0].message


def test_case_from_issue_never_writes_through_a_symbolic_link(tmp_path):
    cases = tmp_path / "good_practices"
    cases.mkdir()
    outside = tmp_path / "outside.md"
    (cases / "vienna-gender-budgeting.en.md").symlink_to(outside)  # dangling: the target does not exist yet
    body = (REPO / "tests" / "fixtures" / "issue_bodies" / "good-practice.en.md").read_text(encoding="utf-8")
    with pytest.raises(BodyError) as refused:
        case_from_issue.convert([("issue.md", body)], project.Layout(root=tmp_path), case_id="vienna-gender-budgeting", force=True)
    assert "symbolic link" in " ".join(refused.value.problems)
    assert not outside.exists()


def test_a_control_character_never_makes_the_feed_ill_formed():
    report = real_report()
    channel = report.channel
    versions = next(iter(report.episodes.values()))
    english = versions["en"]
    hostile_meta = dict(english.meta, title="Bell \u0007 and escape \u001b in a title", summary="<b>bold</b> & \u0008")
    hostile = dataclasses.replace(english, item=dataclasses.replace(english.item, meta=hostile_meta))
    text = podcast_feed.feed(channel, {english.id: {"en": hostile}}, "en", "https://hub.test/", strings.load()["en"])
    document = xml.dom.minidom.parseString(text.encode("utf-8"))  # raises on ill-formed XML
    titles = [node.firstChild.data for node in document.getElementsByTagName("title")]
    assert "Bell  and escape  in a title" in titles
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in text


def test_the_policy_hashes_the_layout_scripts_but_never_the_content():
    layout_script = "<script>document.documentElement.classList.add('js')</script>"
    content = "<p>text</p><script>alert(1)</script>"
    page = f"<html><head>{layout_script}<script src='x.js'></script><script type=\"application/json\">{{}}</script></head><body>{content}</body></html>"
    result = csp.with_policy(page, content)
    policy = re.search(r'content="([^"]+)"', result)[1]
    assert result.index("Content-Security-Policy") < result.index(layout_script)
    assert csp.script_hashes(layout_script)[0] in policy
    assert csp.script_hashes("<script>alert(1)</script>")[0] not in policy
    for directive in ("script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_every_built_page_carries_the_policy(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    missing = [p.relative_to(site).as_posix() for p in pages if 'http-equiv="Content-Security-Policy"' not in p.read_text(encoding="utf-8")]
    assert missing == []


def test_hostile_front_matter_is_escaped_in_every_place_material_prints_it(tmp_path):
    project_dir = make_project(tmp_path, "valid")
    case = project_dir / "good_practices" / "sample-quota.en.md"
    payload = '"><img src=x onerror=alert(1)>'
    text = case.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: '" + payload + "'", text)
    text = re.sub(r"(?m)^summary: .*$", "summary: '" + payload + " summary'", text)
    case.write_text(text, encoding="utf-8")
    result = build(project_dir, tmp_path / "site", env={"SITE_URL": "https://hub.test/"})
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "good-practices" / "sample-quota" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in page
    escaped = html.escape(payload, quote=True)
    assert f"<title>{escaped} - " in page
    assert f'<meta name="description" content="{escaped} summary">' in page
    assert f"<h1>{escaped}</h1>" in page


def test_a_build_is_dated_by_its_commit_not_by_the_clock(tmp_path):
    project_dir = make_project(tmp_path, "valid")
    git = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@invalid",
        "GIT_AUTHOR_DATE": "2020-02-03T12:00:00Z",
        "GIT_COMMITTER_DATE": "2020-02-03T12:00:00Z",
    }
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | git
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "fixture"]):
        subprocess.run(command, cwd=project_dir, env=env, check=True, capture_output=True)
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        result = build(project_dir, tmp_path / "site", env={"SITE_URL": "https://hub.test/"})
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert result.returncode == 0, result.stderr[-2000:]
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2020-02-03"}
