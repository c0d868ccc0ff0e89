"""The site of one build, as a value: every generated page and written file.

`build(report, strings_by_lang, site_url)` runs once per build, after the
checks, and returns a `Site`. The MkDocs adapter (hooks/site.py) only hands
its parts to MkDocs: the pages, as if they were files under docs/<lang>/ (so
static-i18n pairs the languages, writes alternates and sitemap entries, and
the language switch leads to the same page); the splices, put into each
page's HTML; the files (feeds, calendars, assessment details, redirects),
written into the built site. Nothing here imports MkDocs or keeps state
between builds.

The pages of each language are made when first asked for (`Pages`): a build
that makes each language in its own process makes only that language's.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial

from hub import render
from hub.media import media_pages, podcast_feed
from hub.model import urls
from hub.model.languages import DEFAULT, DIRECTION, LANGUAGES
from hub.render import assessment_page, pages, placeholders
from hub.render.context import Context, filter_choices, pick
from hub.render.pages import Page
from hub.render.splices import Splices
from hub.support import country_cards, events, networks, solutions


class Pages(Mapping):
    """src_uri ("<lang>/<path>.md") -> Page, each made the first time it is asked for."""

    def __init__(self) -> None:
        self._makers: dict[str, Callable[[], Page | str] | None] = {}
        self._made: dict[str, Page] = {}

    def later(self, src_uri: str, make: Callable[[], Page | str]) -> None:
        self._makers[src_uri] = make

    def __setitem__(self, src_uri: str, page: Page) -> None:
        self._makers[src_uri] = None
        self._made[src_uri] = page

    def __getitem__(self, src_uri: str) -> Page:
        if src_uri not in self._made:
            page = self._makers[src_uri]()  # a KeyError for a page the site does not have
            self._made[src_uri] = page if isinstance(page, Page) else Page(page)
        return self._made[src_uri]

    def get(self, src_uri: str, default=None):
        # Not Mapping.get: that would take a KeyError from inside a page's making for "no such page".
        return self[src_uri] if src_uri in self._makers else default

    def __contains__(self, src_uri) -> bool:
        return src_uri in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


@dataclass
class Site:
    """Everything one build generates from the checked content."""

    report: object  # hub.checks.project.Report
    strings: dict  # lang -> interface strings
    contexts: dict  # lang -> Context
    splices: Splices
    pages: Pages = field(default_factory=Pages)  # "<lang>/<path>.md" -> Page
    files: dict[str, str] = field(default_factory=dict)  # site path -> text (feeds, calendars, details)
    redirects: dict[str, str] = field(default_factory=dict)  # site path -> HTML page

    def markdown(self, src_uri: str) -> str | None:
        page = self.pages.get(src_uri)
        return page.markdown if page else None

    def frame(self, src_uri: str) -> tuple[str, str] | None:
        """The HTML before and after a generated page's content, if any."""
        page = self.pages.get(src_uri)
        return (page.before, page.after) if page and (page.before or page.after) else None

    def fingerprint(self, src_uri: str) -> str:
        """A short hash of all a generated page shows (its Markdown with every
        splice in place, and its frame): the same in two builds when the page
        is. Splice markers are numbered per build, hence filled first."""
        page = self.pages[src_uri]
        return fingerprint(*(self._spliced(text) for text in (page.markdown, page.before, page.after)))

    def written_fingerprint(self, markdown: str, lang: str, page_url: str) -> str:
        """The same for a hand-written page: its text, and its generated parts."""
        return fingerprint(markdown, self._spliced(self.fill_placeholders(markdown, lang, page_url)))

    def _spliced(self, text: str) -> str:
        return self.splices.fill(self.splices.fill(text), late=True)

    def fill_placeholders(self, markdown: str, lang: str, page_url: str) -> str:
        """A hand-written page's Markdown with its `<!-- hub:NAME -->` lines filled."""
        return placeholders.fill(markdown, self.contexts[lang], page_url)

    def filter_choices(self, lang: str) -> list:
        return filter_choices(self.contexts[lang])

    def search_filters(self, case_id: str | None, lang: str) -> dict | None:
        """The filter values search keeps for a case page."""
        versions = self.report.cases.get(case_id)
        return pages.filter_values(pick(versions, lang).meta) if versions else None


def fingerprint(*texts: str) -> str:
    """A short hash of these texts, in order."""
    digest = hashlib.blake2b(digest_size=16)
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def contexts(report, strings_by_lang: dict, splices: Splices) -> dict[str, Context]:
    return {
        lang: Context(
            lang,
            strings_by_lang[lang],
            report.themes,
            report.cases,
            report.episodes,
            networks=report.networks,
            vocabulary=report.vocabulary,
            events=report.events,
            country_cards=report.country_cards,
            solutions=report.solutions,
            case_rules=report.case_rules,
            strings=strings_by_lang,
            splices=splices,
        )
        for lang in LANGUAGES
    }


class MadeCasePages:
    """Case pages one build made, for the next one of a long-running server
    (scripts/serve): a case page is made again only when its case's files
    (their items, kept by the check while unchanged) or what any case page
    shows besides (strings, themes, episodes, solutions) have changed."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple] = {}  # src_uri -> (what else it showed, its items, Page)

    def get(self, src_uri: str, shown: str, versions: dict, make: Callable[[], Page]) -> Page:
        items = tuple(versions.items())
        kept = self.pages.get(src_uri)
        # The items themselves are kept, so an unchanged case is the same objects.
        if kept and kept[0] == shown and len(kept[1]) == len(items) and all(a[0] == b[0] and a[1] is b[1] for a, b in zip(kept[1], items)):
            return kept[2]
        page = make()
        self.pages[src_uri] = (shown, items, page)
        return page


def build(report, strings_by_lang: dict, site_url: str = "", today: datetime.date | None = None, made: MadeCasePages | None = None) -> Site:
    """The whole generated site. `site_url` makes absolute addresses (feeds,
    calendars, canonical links of redirects); `today` decides which events are
    upcoming; `made` keeps case pages from one build to the next."""
    today = today or events.build_day()
    splices = Splices()
    site = Site(report, strings_by_lang, contexts(report, strings_by_lang, splices), splices)
    shown = _shown_on_case_pages(report, strings_by_lang) if made is not None else ""
    case_versions = {urls.case(case_id): versions for case_id, versions in report.cases.items()}
    for lang in LANGUAGES:
        for url, make in language_pages(site.contexts[lang], report):
            src_uri = f"{lang}/{urls.source_of(url)}"
            if made is not None and url in case_versions:
                make = partial(made.get, src_uri, shown, case_versions[url], make)
            site.pages.later(src_uri, make)
    titles = {lang: output_titles(report, lang) for lang in LANGUAGES}
    for src_uri, markdown in {
        **networks.generated(report.networks, strings_by_lang, report.vocabulary),
        **events.generated(report.events, strings_by_lang, titles, today),
        **solutions.generated(report.solutions, strings_by_lang, report.themes, report.cases),
    }.items():
        site.pages[src_uri] = Page(markdown)
    site.files.update(assessment_page.details_files(site.contexts))
    if report.channel:
        site.files.update(podcast_feed.feeds(report.channel, report.episodes, site_url, strings_by_lang))
    site.files.update(events.calendars(report.events, site_url, strings_by_lang, today))
    site.redirects.update(redirects(report, strings_by_lang, site_url))
    return site


def _shown_on_case_pages(report, strings_by_lang: dict) -> str:
    """A fingerprint of what case pages show besides their own case."""
    return fingerprint(repr(strings_by_lang), repr(report.themes), repr(report.episodes), repr(report.solutions))


def language_pages(ctx: Context, report):
    """(url, what makes its Markdown or Page) of every generated page of one language."""
    lang = ctx.lang
    yield urls.THEMES, partial(pages.themes_overview, ctx)
    for theme in report.themes:
        yield urls.theme(theme.slug), partial(pages.theme_page, ctx, theme)
    yield urls.LIBRARY, partial(pages.library, ctx)
    yield urls.ASSESSMENT_QUESTIONS, partial(assessment_page.questions_page, ctx)
    yield urls.COUNTRIES, partial(pages.countries_overview, ctx)
    for code in pages.country_codes(report.cases):
        yield urls.country(code), partial(_country_page, ctx, code)
    for case_id, versions in report.cases.items():
        # static-i18n serves an untranslated English case under /ar/ by
        # itself (with our notice); an Arabic-only case needs an English
        # page made from the Arabic text, marked as Arabic.
        if lang in versions or lang == DEFAULT:
            yield urls.case(case_id), partial(pages.case_page, ctx, versions)
    has_feed = report.channel is not None
    yield urls.MEDIA, partial(media_pages.media_index, ctx, has_feed)
    for episode_id, versions in report.episodes.items():
        if lang in versions or lang == DEFAULT:  # the same fallback as cases
            yield urls.episode(episode_id), partial(media_pages.episode_page, ctx, versions, has_feed)


def _country_page(ctx: Context, code: str):
    return pages.country_page(ctx, code, country_cards.card_html(ctx.country_cards.get(code), ctx.lang, ctx.t))


def output_titles(report, lang: str) -> dict:
    """{("cases"|"episodes", id): (title, language, url)} of what an event can link to."""
    titles = {}
    for kind, items, url_of in (("cases", report.cases, urls.case), ("episodes", report.episodes, urls.episode)):
        for item_id, versions in items.items():
            version = pick(versions, lang)
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
            out[f"{root}{old}index.html"] = render.html(
                "redirect",
                lang=lang,
                dir=DIRECTION[lang],
                href=urls.relative(old, new),
                canonical=site_url + root + new,
                title=t["redirect_title"],
                text=t["redirect_text"],
                name=t["theme_title"].format(letter=theme.label[lang], name=theme.name[lang]),
            )
    return out
