"""Every page that exists only in the build, per language, keyed by source path.

The MkDocs adapter adds these as if they were files under docs/<lang>/, so
static-i18n pairs the languages, writes alternates and sitemap entries, and
the language switch leads to the same page.
"""

from __future__ import annotations

from hub import render
from hub.media import media_pages
from hub.model import urls
from hub.model.languages import DEFAULT, DIRECTION, LANGUAGES
from hub.render import assessment_page, pages
from hub.support import events, networks


def generated(report, strings_by_lang: dict) -> dict[str, str]:
    """{"<lang>/<path>.md": markdown} for every generated page in every language."""
    out: dict[str, str] = {}
    countries = sorted({pages.pick(v, "en").meta["country"] for v in report.cases.values()})
    for lang in LANGUAGES:
        ctx = pages.Context(
            lang,
            strings_by_lang[lang],
            report.themes,
            report.cases,
            report.episodes,
            networks=report.networks,
            vocabulary=report.vocabulary,
            events=report.events,
        )

        def add(url: str, page, lang: str = lang) -> None:
            """`page` is Markdown, or (Markdown, (HTML before, HTML after))."""
            src_uri = f"{lang}/{urls.source_of(url)}"
            if isinstance(page, tuple):
                page, pages.PAGE_PARTS[src_uri] = page
            out[src_uri] = page

        add(urls.THEMES, pages.themes_overview(ctx))
        for theme in report.themes:
            add(urls.theme(theme.slug), pages.theme_page(ctx, theme))
        add(urls.LIBRARY, pages.library(ctx))
        add(urls.ASSESSMENT_QUESTIONS, assessment_page.questions_page(ctx))
        add(urls.COUNTRIES, pages.countries_overview(ctx))
        for code in countries:
            add(urls.country(code), pages.country_page(ctx, code))
        for case_id, versions in report.cases.items():
            # static-i18n serves an untranslated English case under /ar/ by
            # itself (with our notice); an Arabic-only case needs an English
            # page made from the Arabic text, marked as Arabic.
            if lang in versions or lang == DEFAULT:
                add(urls.case(case_id), pages.case_page(ctx, versions, strings_by_lang))
        has_feed = report.channel is not None
        add(urls.MEDIA, media_pages.media_index(ctx, has_feed))
        for episode_id, versions in report.episodes.items():
            if lang in versions or lang == DEFAULT:  # the same fallback as cases
                add(urls.episode(episode_id), media_pages.episode_page(ctx, versions, strings_by_lang, has_feed))
    out.update(networks.generated(report.networks, strings_by_lang, report.vocabulary))
    out.update(
        events.generated(report.events, strings_by_lang, {lang: output_titles(report, lang) for lang in LANGUAGES}, events.build_day())
    )
    return out


def output_titles(report, lang: str) -> dict:
    """{("cases"|"episodes", id): (title, language, url)} of what an event can link to."""
    titles = {}
    for kind, items, url_of in (("cases", report.cases, urls.case), ("episodes", report.episodes, urls.episode)):
        for item_id, versions in items.items():
            version = pages.pick(versions, lang)
            titles[(kind, item_id)] = (version.meta["title"], version.lang, url_of(item_id))
    return titles


def redirects(report, strings_by_lang: dict, site_url: str) -> dict[str, str]:
    """{"<lang root>themes/a/index.html": html}: a page at each theme's first
    address that leads to its readable one (a meta refresh and a link; the
    Content-Security-Policy allows no script)."""
    out = {}
    for lang in LANGUAGES:
        t, root = strings_by_lang[lang], urls.language_root(lang)
        for theme in report.themes:
            old, new = urls.theme_redirect(theme.id), urls.theme(theme.slug)
            if old == new:
                continue
            href = urls.relative(old, new)
            out[f"{root}{old}index.html"] = render.html(
                "redirect",
                lang=lang,
                dir=DIRECTION[lang],
                href=href,
                canonical=site_url + root + new,
                title=t["redirect_title"],
                text=t["redirect_text"],
                name=t["theme_title"].format(letter=theme.label[lang], name=theme.name[lang]),
            )
    return out
