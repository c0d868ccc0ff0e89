"""Generated case, library, theme and country pages in both languages."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, real_report, tags
from hub.checks import citations, project
from hub.contrib import scaffold
from hub.model import countries, strings, themes

REPORT = real_report()
STRINGS = strings.load()
CASES = REPORT.cases
RULES = REPORT.case_rules


def text_of(site: Path, path: str) -> str:
    return html.unescape((site / path / "index.html").read_text(encoding="utf-8"))


def test_the_seed_library_is_broad_enough():
    assert len(CASES) >= 12
    assert all(set(v) == {"en", "ar"} for v in CASES.values()), "every seed case exists in both languages"
    metas = [v["en"].meta for v in CASES.values()]
    assert {t for m in metas for t in m["themes"]} == {"A", "B", "C", "D", "E"}
    assert sum(m["type"] == "faltering-implementation" for m in metas) >= 4
    assert len({m["country"] for m in metas}) >= 6
    assert all(m["sources"] for m in metas)


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("ar", "ar/")])
def test_each_case_page_shows_its_facts_sources_and_other_language(site, lang, prefix):
    for case_id, versions in CASES.items():
        item = versions[lang]
        page = text_of(site, f"{prefix}good-practices/{case_id}")
        assert item.meta["title"] in page
        assert 'class="hub-facts"' in page
        assert countries.name(item.meta["country"], lang) in page
        slugs = {theme.id: theme.slug for theme in themes.load()}
        for theme in item.meta["themes"]:
            assert f'href="../../themes/{slugs[theme]}/"' in page
        for n, source in enumerate(item.meta["sources"], start=1):
            assert f'id="source-{n}"' in page and source["title"] in page
        other_prefix = "../../ar/" if lang == "en" else "../../../"
        assert f'href="{other_prefix}good-practices/{case_id}/"' in page


# A marker's link (the sanitiser may drop its class: only the target counts).
CITE_LINK = re.compile(r'<a (?:class="hub-cite" )?href="#source-(\d+)">\[(\d+)\]</a>')


def _shown(versions: dict, lang: str):
    """The language file a page shows: its own, or the other one until it is translated."""
    return versions.get(lang) or next(iter(versions.values()))


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("ar", "ar/")])
def test_each_case_page_says_when_and_by_which_role_it_was_last_reviewed(site, lang, prefix):
    for case_id, versions in CASES.items():
        item = _shown(versions, lang)
        t = STRINGS[item.lang]
        day = item.meta["reviewed"].isoformat()
        shown = t["reviewed_by"].format(date=f'<time datetime="{day}">{day}</time>', reviewer=item.meta["reviewer"])
        assert f"<dt>{t['label_reviewed']}</dt><dd>{shown}</dd>" in text_of(site, f"{prefix}good-practices/{case_id}"), case_id


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("ar", "ar/")])
def test_every_citation_marker_links_to_its_source_in_every_position(site, lang, prefix):
    """[2] at a line start, both of [2][3], after a link: each marker is a link to its source."""
    for case_id, versions in CASES.items():
        item = _shown(versions, lang)
        page = (site / prefix / "good-practices" / case_id / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        assert [int(n) for n, _ in CITE_LINK.findall(article)] == citations.markers(item.body), case_id
        assert all(a == b for a, b in CITE_LINK.findall(article))
        assert not re.search(r"\[\d{1,3}\]", CITE_LINK.sub("", article)), f"{case_id}: a marker is left as plain text"


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_library_lists_every_case_with_filter_data(site, prefix):
    page = site / prefix / "good-practices" / "index.html"
    items = [attrs for tag, attrs in tags(page) if tag == "li" and attrs.get("class") == "hub-case"]
    assert len(items) == len(CASES)
    assert all({"data-theme", "data-type", "data-country", "data-phase"} <= set(attrs) for attrs in items)
    assert any(tag == "form" and attrs.get("id") == "hub-filters" for tag, attrs in tags(page))


@pytest.mark.parametrize("prefix, lang", [("", "en"), ("ar/", "ar")])
def test_theme_and_country_pages_list_their_cases(site, prefix, lang):
    for theme in REPORT.themes:
        page = text_of(site, f"{prefix}themes/{theme.slug}")
        expected = [v[lang].meta["title"] for v in CASES.values() if theme.id in v[lang].meta["themes"]]
        assert expected, theme.id
        assert all(title in page for title in expected)
    for code in {v["en"].meta["country"] for v in CASES.values()}:
        page = text_of(site, f"{prefix}countries/{code.lower()}")
        assert countries.name(code, lang) in page
        assert all(v[lang].meta["title"] in page for v in CASES.values() if v[lang].meta["country"] == code)


def test_cases_are_not_in_the_navigation(site):
    page = (site / "good-practices" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert not any(f"good-practices/{case_id}/" in nav for case_id in CASES)


def test_contributed_text_is_escaped_in_generated_pages(tmp_path):
    import copy

    from hub.render import context, pages

    item = copy.copy(next(iter(CASES.values()))["en"])
    item.meta = dict(item.meta, title='<img src=x onerror="alert(1)">', summary="<script>alert(1)</script>")
    ctx = context.Context("en", REPORT_STRINGS["en"], REPORT.themes, {item.id: {"en": item}}, strings=REPORT_STRINGS)
    marker = pages.case_list(ctx, [item], "good-practices/")
    listing = ctx.splices.fill(ctx.splices.fill(marker), late=True)
    assert "hub-case__title" in listing
    assert "<img" not in listing and "<script>" not in listing
    assert "&lt;script&gt;" in listing


REPORT_STRINGS = __import__("hub.model.strings", fromlist=["load"]).load()


def test_derived_files_are_up_to_date():
    result = subprocess.run([str(REPO / "scripts" / "generate"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_derived_files_are_written_from_the_layouts_themes(tmp_path):
    from hub.contrib import json_schema
    from hub.model import paths

    themes_file = tmp_path / "themes.yml"
    text = paths.THEMES_FILE.read_text(encoding="utf-8")
    themes_file.write_text(text.replace("Legal barriers and gender quotas", "Laws and quotas"), encoding="utf-8")
    derived = json_schema.derived_files(project.Layout(themes_file=themes_file))
    assert "A · Laws and quotas" in derived[paths.REPO / ".github/ISSUE_TEMPLATE/case-en-good-practice.yml"]
    themes_file.write_text(text.replace("id: A", "id: AB", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"themes\.yml:\d+: themes\[1\]\.id: received 'AB'"):
        json_schema.derived_files(project.Layout(root=tmp_path, themes_file=themes_file))


def test_the_derived_files_are_written_from_the_layouts_kinds_of_support(tmp_path):
    from hub.contrib import json_schema
    from hub.model import paths
    from hub.support import network_schema

    support_file = tmp_path / "support.yml"
    text = network_schema.SUPPORT_FILE.read_text(encoding="utf-8")
    added = "support:\n  - id: childcare-help\n    name: {en: Childcare help, ar: المساعدة في رعاية الأطفال}\n    topics: [leadership]\n"
    support_file.write_text(text.replace("support:\n", added, 1), encoding="utf-8")
    derived = json_schema.derived_files(project.Layout(support_file=support_file))
    assert "childcare-help" in derived[paths.REPO / ".github/ISSUE_TEMPLATE/network-en.yml"]
    assert '"childcare-help"' in derived[paths.SCHEMAS / "network.schema.json"]
    support_file.write_text(text.replace("id: mentoring", "id: Mentoring!", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"support\.yml:\d+: support\.support\[1\]\.id: received 'Mentoring!'"):
        json_schema.derived_files(project.Layout(root=tmp_path, support_file=support_file))


def test_new_case_scaffolds_both_files_that_the_checker_then_guides(tmp_path):
    (tmp_path / "good_practices").mkdir()
    created = scaffold.new_case("my-town-quota", RULES, tmp_path)
    assert [p.name for p in created] == ["my-town-quota.en.md", "my-town-quota.ar.md"]
    report = project.check(project.Layout(root=tmp_path))
    fields = {(Path(p.path).name, p.field) for p in report.errors}
    for name in ("my-town-quota.en.md", "my-town-quota.ar.md"):
        assert {(name, "title"), (name, "themes"), (name, "country"), (name, "summary")} <= fields
    with pytest.raises(ValueError, match="already exists"):
        scaffold.new_case("my-town-quota", RULES, tmp_path)
    with pytest.raises(ValueError, match="not a valid id"):
        scaffold.new_case("My Town", RULES, tmp_path)
