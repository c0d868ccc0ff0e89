"""Tiny sites built for real in a temporary folder: output files, fallback, failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO, build, tags

FIXTURES = Path(__file__).parent / "fixtures"


def make_project(tmp_path: Path, content: str) -> Path:
    """The project's configuration, hooks, theme and pages with fixture cases."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project)
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURES / content / "good_practices", project / "good_practices")
    for folder in ("podcasts", "networks", "events", "solutions", "country_cards"):  # watched by mkdocs.yml, so they must exist
        (project / folder).mkdir()
    return project


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fixture")
    project = make_project(tmp, "valid")
    (project / "docs" / "en" / "only-english.md").write_text("# Only in English\n\nThis page has no Arabic version.\n", encoding="utf-8")
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site", result


def test_the_fixture_site_has_exactly_the_expected_pages(fixture_site):
    site, _ = fixture_site
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    expected_per_language = [
        "assessment-method/index.html",
        # Every statement with its levels, for readers without JavaScript.
        "assessment-questions/index.html",
        "assessment-workshop/index.html",
        "assessment/index.html",
        "contribute/index.html",
        "countries/fr/index.html",
        "countries/index.html",
        "countries/tn/index.html",
        "good-practices/index.html",
        "good-practices/sample-lonely/index.html",
        "good-practices/sample-quota/index.html",
        "index.html",
        "media/index.html",
        # The networks directory exists, empty, when a project has no networks/ folder.
        "networks/index.html",
        "only-english/index.html",
        "propose/index.html",
        # The solutions register exists, empty, when a project has no challenge: the working-group page links to it.
        "solutions/index.html",
        # Each theme at its readable address, and a redirect at its first one.
        "themes/a/index.html",
        "themes/b/index.html",
        "themes/c/index.html",
        "themes/d/index.html",
        "themes/e/index.html",
        "themes/financial-obstacles/index.html",
        "themes/index.html",
        "themes/legal-barriers-and-gender-quotas/index.html",
        "themes/participation-in-politics-and-public-affairs/index.html",
        "themes/the-community-trust-gap/index.html",
        "themes/womens-leadership-and-good-governance/index.html",
        "working-group/index.html",
    ]
    assert pages == sorted(expected_per_language + ["ar/" + p for p in expected_per_language])


def test_an_untranslated_case_falls_back_with_a_notice_and_its_true_language(fixture_site):
    site, _ = fixture_site
    page = site / "ar" / "good-practices" / "sample-lonely" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'class="hub-notice"' in text and "لم تُترجم هذه الصفحة إلى العربية بعد" in text
    wrappers = [attrs for tag, attrs in tags(page) if tag == "div" and attrs.get("lang") == "en"]
    assert wrappers and wrappers[0].get("dir") == "ltr"
    assert "Sample city: a plan that stalled" in text


def test_an_untranslated_docs_page_falls_back_too(fixture_site):
    site, _ = fixture_site
    text = (site / "ar" / "only-english" / "index.html").read_text(encoding="utf-8")
    assert 'class="hub-notice"' in text and '<div lang="en" dir="ltr">' in text


def test_translated_pages_carry_no_notice(fixture_site):
    site, _ = fixture_site
    for path in ("ar/good-practices/sample-quota/index.html", "good-practices/sample-lonely/index.html", "ar/index.html"):
        assert 'class="hub-notice"' not in (site / path).read_text(encoding="utf-8"), path


def test_the_untranslated_case_is_a_warning_in_the_build_log(fixture_site):
    _, result = fixture_site
    assert "sample-lonely.en.md:1: warning: translation" in result.stderr


def test_a_broken_content_file_fails_the_build_with_the_checker_lines(tmp_path):
    project = make_project(tmp_path, "broken")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "good_practices/wrong-types.en.md:5: themes[2]: 'F' is not a theme" in result.stderr
    assert "good_practices/script.en.md:19: body: <script> is not allowed in content" in result.stderr
    assert "27 errors" in result.stderr


def test_untranslated_pages_stay_out_of_the_other_languages_search(fixture_site):
    from hub.search import searcher

    site, _ = fixture_site
    arabic, english = searcher(site, "ar", "en"), searcher(site, "en", "en")
    arabic_pages = {arabic.page(n)["u"] for n in range(arabic.meta["n"])}
    english_pages = {english.page(n)["u"] for n in range(english.meta["n"])}
    assert "good-practices/sample-quota/" in arabic_pages
    assert "good-practices/sample-lonely/" not in arabic_pages and "only-english/" not in arabic_pages
    assert {"good-practices/sample-lonely/", "only-english/"} <= english_pages
