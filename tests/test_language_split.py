"""`mkdocs build` builds the two languages in two processes (hooks/language_split.py):
the site is the same, byte for byte, as the one-process build's, and a failure
in either language fails the build."""

from __future__ import annotations

import re

import pytest

import language_split
from helpers import build
from test_fixture_site import make_project


def files_of(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("split")
    project = make_project(tmp, "valid")
    split = build(project, tmp / "split")
    one = build(project, tmp / "one", {"HUB_ONE_PROCESS": "1"})
    assert split.returncode == 0, split.stderr
    assert one.returncode == 0, one.stderr
    return files_of(tmp / "split"), files_of(tmp / "one")


def test_the_split_build_writes_the_same_site_as_the_one_process_build(both_ways):
    split, one = both_ways
    assert sorted(split) == sorted(one)
    assert sorted(name for name in split if split[name] != one[name]) == []


@pytest.mark.parametrize("way", [0, 1])
def test_each_404_page_leads_to_the_home_page_of_the_other_language(both_ways, way):
    site = both_ways[way]
    assert b'<a href="/ar/" hreflang="ar" lang="ar" class="hub-language__link">' in site["404.html"]
    assert b'<a href="/" hreflang="en" lang="en" class="hub-language__link">' in site["ar/404.html"]


def test_the_sitemap_lists_both_languages_once_each(both_ways):
    split, _ = both_ways
    sitemap = split["sitemap.xml"].decode("utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(set(locs)) and any("/ar/" in loc for loc in locs) and any("/ar/" not in loc for loc in locs)
    first_arabic = next(i for i, loc in enumerate(locs) if "/ar/" in loc)
    assert all("/ar/" in loc for loc in locs[first_arabic:])  # the default language first, as one process gives


def test_a_failure_in_the_other_language_fails_the_build(tmp_path):
    project = make_project(tmp_path, "valid")
    # A link to a missing page, in an Arabic page only: a warning, so --strict stops that language's build.
    page = project / "docs" / "ar" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[رابط](missing-page.md)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "missing-page.md" in result.stderr
    assert "the build of the other language failed" in result.stderr


def test_sitemaps_join_in_order_with_the_templates_spacing():
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n    '
    first = head + "<url>a</url>\n    <url>b</url>\n</urlset>"
    second = head + "<url>c</url>\n</urlset>"
    assert language_split.join_sitemaps(first, second) == head + "<url>a</url>\n    <url>b</url>\n    <url>c</url>\n</urlset>"
    empty = head.rstrip() + "\n</urlset>"
    assert language_split.join_sitemaps(empty, second) == second
    assert language_split.join_sitemaps(first, empty) == first


def test_only_a_plain_build_on_several_cores_splits(monkeypatch):
    monkeypatch.delenv("HUB_ONE_PROCESS", raising=False)
    two = ("en", "ar")
    assert language_split.wanted("build", False, two)
    assert not language_split.wanted("serve", False, two)
    assert not language_split.wanted("build", True, two)
    assert not language_split.wanted("build", False, ("en",))
    monkeypatch.setenv("HUB_ONE_PROCESS", "1")
    assert not language_split.wanted("build", False, two)
