"""The reader's way into the hub (issue 13): home counts, theme and country
pages, Arabic theme labels, readable theme addresses with redirects, a 404
page per language, sources marked with their own language, no English frame
text on Arabic pages."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pytest

from helpers import html_pages, is_arabic, real_report, redirect_pages, tags
from hub.model import strings, themes
from hub.render import pages

REPORT = real_report()
STRINGS = strings.load()
THEMES = themes.load()
LANGS = [("en", ""), ("ar", "ar/")]


def read(site: Path, path: str) -> str:
    return html.unescape((site / path).read_text(encoding="utf-8"))


def test_plural_forms_follow_each_languages_rules():
    t = STRINGS["ar"]
    assert [strings.plural(t, "count_cases", n, "ar") for n in (0, 1, 2, 3, 11, 100)] == [
        "لا حالات بعد",
        "حالة واحدة",
        "حالتان",
        "3 حالات",
        "11 حالة",
        "100 حالة",
    ]
    assert [strings.plural(STRINGS["en"], "count_countries", n, "en") for n in (1, 2)] == ["1 country", "2 countries"]


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_home_page_counts_cases_countries_and_episodes_from_the_content(site, lang, prefix):
    page = read(site, f"{prefix}index.html")
    counts = re.search(r'<ul class="hub-counts"[^>]*>(.*?)</ul>', page, re.S)[1]
    expected = [
        strings.plural(STRINGS[lang], "count_cases", len(REPORT.cases), lang),
        strings.plural(STRINGS[lang], "count_countries", len({pages.pick(v, lang).meta["country"] for v in REPORT.cases.values()}), lang),
        strings.plural(STRINGS[lang], "count_episodes", len(REPORT.episodes), lang),
    ]
    assert re.findall(r">([^<>]+)</a>", counts) == expected


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_home_page_leads_to_cases_assessment_media_and_the_proposal_form_without_a_sidebar(site, lang, prefix):
    page_path = site / prefix / "index.html"
    hrefs = [attrs.get("href") for tag, attrs in tags(page_path) if tag == "a"]
    for target in ("good-practices/", "assessment/", "media/", "propose/"):
        assert target in hrefs, target
    sidebar = [attrs for tag, attrs in tags(page_path) if tag == "div" and "md-sidebar--primary" in attrs.get("class", "")]
    assert "hidden" in sidebar[0]
    # A page inside a section keeps its section's navigation.
    section = [
        attrs
        for tag, attrs in tags(site / prefix / "assessment-method" / "index.html")
        if tag == "div" and "md-sidebar--primary" in attrs.get("class", "")
    ]
    assert "hidden" not in section[0]


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_each_theme_lives_at_its_readable_address_and_the_old_one_redirects(site, lang, prefix):
    for theme in THEMES:
        new = site / prefix / "themes" / theme.slug / "index.html"
        assert new.exists()
        old = site / prefix / "themes" / theme.id.lower() / "index.html"
        attrs = [a for tag, a in tags(old) if tag == "meta" and a.get("http-equiv") == "refresh"][0]
        assert attrs["content"] == f"0; url=../{theme.slug}/"
        assert (old.parent / f"../{theme.slug}/index.html").resolve() == new.resolve()
        root = [a for tag, a in tags(old) if tag == "html"][0]
        assert root == {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr"}
        links = [a["href"] for tag, a in tags(old) if tag == "a"]
        assert links == [f"../{theme.slug}/"], "a link for browsers that do not follow the refresh"
        assert "Content-Security-Policy" in old.read_text(encoding="utf-8")


def test_no_page_links_to_a_theme_by_its_old_address(site):
    old = {f"themes/{t.id.lower()}/" for t in THEMES}
    for page in html_pages(site):
        for _tag, attrs in tags(page):
            href = attrs.get("href") or ""
            assert not any(href.endswith(o) for o in old), (page, href)
    assert len(redirect_pages(site)) == 2 * len(THEMES)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_theme_pages_show_counts_and_keep_good_practice_apart_from_faltering_implementation(site, lang, prefix):
    for theme in THEMES:
        page = read(site, f"{prefix}themes/{theme.slug}/index.html")
        items = [pages.pick(v, lang) for v in REPORT.cases.values() if theme.id in pages.pick(v, lang).meta["themes"]]
        good = sum(1 for i in items if i.meta["type"] == "good-practice")
        assert strings.plural(STRINGS[lang], "count_good", good, lang) in page
        assert strings.plural(STRINGS[lang], "count_faltering", len(items) - good, lang) in page
        sections = re.split(r'<h2 id="faltering-implementation"', page)
        assert len(sections) == 2
        assert sections[0].count('class="hub-case"') == good
        assert sections[1].count('class="hub-case"') == len(items) - good
        assert theme.description[lang] in page


def test_arabic_pages_label_themes_with_arabic_letters(site):
    labels = {t.id: t.label["ar"] for t in THEMES}
    assert list(labels.values()) == ["أ", "ب", "ج", "د", "هـ"]
    for theme in THEMES:
        page = read(site, f"ar/themes/{theme.slug}/index.html")
        assert f"<h1>المحور {theme.label['ar']}: {theme.name['ar']}</h1>" in page
    library = read(site, "ar/good-practices/index.html")
    options = re.findall(r'<option value="([A-E])">([^<]*)</option>', library)
    assert options == [(t.id, f"{t.label['ar']} · {t.name['ar']}") for t in THEMES]
    for case_id, versions in REPORT.cases.items():
        if "ar" not in versions:
            continue
        page = read(site, f"ar/good-practices/{case_id}/index.html")
        tags_text = re.findall(r'<a class="hub-tag" href="[^"]*">([^<]*)</a>', page)
        assert tags_text[: len(versions["ar"].meta["themes"])] == [
            f"{labels[i]} · {next(t.name['ar'] for t in THEMES if t.id == i)}" for i in versions["ar"].meta["themes"]
        ]


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_source_carries_its_own_language(site, lang, prefix):
    for case_id, versions in REPORT.cases.items():
        item = pages.pick(versions, lang)
        page = site / prefix / "good-practices" / case_id / "index.html"
        found = [attrs.get("lang") for tag, attrs in tags(page) if tag == "span" and attrs.get("dir") == "auto"]
        assert found == [source["language"] for source in item.meta["sources"]], case_id


@pytest.mark.parametrize("lang, prefix, home", [("en", "", "/"), ("ar", "ar/", "/ar/")])
def test_each_language_has_its_own_404_page_with_links_back(site, lang, prefix, home):
    page = site / prefix / "404.html"
    root = [a for tag, a in tags(page) if tag == "html"][0]
    assert root["lang"] == lang and root["dir"] == ("rtl" if lang == "ar" else "ltr")
    text = read(site, f"{prefix}404.html")
    assert f"<h1>{STRINGS[lang]['notfound_title']}</h1>" in text
    # The 404 page is served at any address: its links start from the site's root.
    assert posixpath.normpath(home) in {posixpath.normpath(a.get("href") or "") for tag, a in tags(page) if tag == "a"}


def test_arabic_pages_have_no_english_frame_text(site):
    for page in [p for p in html_pages(site) if is_arabic(site, p)] + [site / "ar" / "404.html"]:
        text = page.read_text(encoding="utf-8")
        assert "Made with" not in text and "Material for MkDocs</a>" not in text, page
        assert 'title="Permanent link"' not in text, page
    english = (site / "assessment-method" / "index.html").read_text(encoding="utf-8")
    assert f'title="{STRINGS["en"]["permalink_title"]}"' in english


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_an_episode_shows_its_length_before_anything_is_played(site, lang, prefix):
    from hub.media import media_files

    for episode_id, versions in REPORT.episodes.items():
        episode = pages.pick(versions, lang)
        if episode.embed is not None:
            continue
        page = site / prefix / "media" / episode_id / "index.html"
        found = [(tag, a) for tag, a in tags(page) if tag in ("audio", "video", "time") or a.get("id") == "player-length"]
        player = next(a for tag, a in found if tag in ("audio", "video"))
        assert player["preload"] == "none" and player["aria-describedby"] == "player-length"
        length = re.search(
            r'<p class="hub-player__length" id="player-length">(.*?)</p>', read(site, f"{prefix}media/{episode_id}/index.html")
        )[1]
        assert f">{media_files.clock(episode.duration)}</time>" in length


def test_a_source_in_another_language_says_which_one():
    from hub.model import countries

    source = {"title": "Loi n° 2016-1", "publisher": "JORT", "year": 2016, "language": "fr"}
    arabic = pages.source_html(source, "ar", STRINGS["ar"])
    assert arabic.startswith('<span lang="fr" dir="auto">Loi n° 2016-1. JORT</span>، 2016.')
    assert arabic.endswith(f"({STRINGS['ar']['source_language'].format(language=countries.language_names('ar')['fr'])[1:-1]})</span>")
    assert "(باللغة الفرنسية)" in arabic
    assert "hub-source-language" not in pages.source_html({**source, "language": "en"}, "en", STRINGS["en"])
