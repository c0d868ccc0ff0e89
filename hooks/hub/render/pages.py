"""Markdown for the pages that exist only in the build: themes, cases, library, countries.

Each function returns the full Markdown of one page (front matter included)
for one language. Contributed text is escaped before it is placed in HTML,
and every link is relative, so the site works from any sub-path.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from hub import render
from hub.checks import citations
from hub.contrib import guide
from hub.model import countries, strings, urls
from hub.model.case_schema import TYPES
from hub.model.languages import DIRECTION, other


@dataclass
class Context:
    """What every page of one language build needs."""

    lang: str
    t: dict  # interface strings of this language
    themes: list
    cases: dict  # id -> {lang: content.Item}
    episodes: dict = field(default_factory=dict)  # id -> {lang: episodes.Episode}
    networks: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (networks/)
    vocabulary: object = None  # network_schema.Vocabulary: kinds of support, regions
    events: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (events/)


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def front_matter(**meta) -> str:
    # JSON is valid YAML and much faster to write than PyYAML's emitter.
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str) + "\n---\n\n"


# Generated HTML goes into the page after Markdown has run: Markdown sees only
# a comment standing for it. Parsing large generated HTML through Markdown
# was most of the cost of a build with many cases. HTML that search need not
# index (card lists that repeat the cases, a case's facts panel, the
# assessment's application) goes in even later, after the search plugin has
# read the page, which spares it parsing that markup too.
RAW_HTML: dict[str, str] = {}
RAW_MARKER = re.compile(r"<!--(hub-(?:raw|late)-\d+)-->")
LATE_MARKER = re.compile(r"<!--(hub-late-\d+)-->")


def raw(html_text: str, searchable: bool = True) -> str:
    key = f"hub-{'raw' if searchable else 'late'}-{len(RAW_HTML)}"
    RAW_HTML[key] = html_text
    return f"\n\n<!--{key}-->\n\n"


def splice_raw(page_html: str, late: bool = False) -> str:
    """Put generated HTML back in place of its markers: searchable parts into
    the page content, the rest (`late`) into the finished page."""
    if late:
        return LATE_MARKER.sub(lambda match: RAW_HTML.get(match[1], match[0]), page_html)
    return RAW_MARKER.sub(lambda match: RAW_HTML[match[1]] if match[1].startswith("hub-raw-") else match[0], page_html)


# Pages that only list cases stay out of search: results lead to the cases.
LIST_PAGE = {"exclude": True}


def pick(versions: dict, lang: str):
    """The case file in `lang`, or the other language's when not translated yet."""
    return versions.get(lang) or versions[other(lang)]


def lang_attrs(item_lang: str, page_lang: str) -> str:
    """Mark text that is not in the page's language with its own language and direction."""
    return "" if item_lang == page_lang else f' lang="{item_lang}" dir="{DIRECTION[item_lang]}"'


def period_text(period: dict, t: dict) -> str:
    start, end = period.get("start"), period.get("end")
    if end is None:
        # Words, not "2018–": a trailing dash reads backwards in Arabic.
        return t["period_since"].format(start=start)
    return str(start) if end == start else f"{start}–{end}"


def sorted_cases(cases: dict, lang: str) -> list:
    """Newest first, then by title, so the order is the same in every build."""
    return sorted(
        (pick(versions, lang) for versions in cases.values()),
        key=lambda item: (-item.meta["period"]["start"], item.meta["title"].casefold(), item.id),
    )


def theme_names(ctx: Context, ids) -> str:
    by_id = {theme.id: theme for theme in ctx.themes}
    return "، ".join(by_id[i].name[ctx.lang] for i in ids) if ctx.lang == "ar" else ", ".join(by_id[i].name[ctx.lang] for i in ids)


def filter_values(meta: dict) -> dict[str, list[str]]:
    """The values a case has for each filter (library and search facets)."""
    # A case about both phases belongs to each phase's filter.
    phases = ["election", "office"] if meta["phase"] == "both" else [meta["phase"]]
    return {"theme": list(meta["themes"]), "type": [meta["type"]], "country": [meta["country"]], "phase": phases}


def theme_options(ctx: Context) -> list[tuple[str, str]]:
    """(id, "label · name") of each theme, for the theme filters."""
    return [(t.id, f"{t.label[ctx.lang]} · {t.name[ctx.lang]}") for t in ctx.themes]


def theme_tags(ctx: Context, ids, lang: str, from_url: str) -> str:
    """Links to the pages of the themes `ids`, labelled in `lang` (the text's language)."""
    by_id = {theme.id: theme for theme in ctx.themes}
    return " ".join(
        f'<a class="hub-tag" href="{esc(urls.relative(from_url, urls.theme(by_id[i].slug)))}">{esc(by_id[i].label[lang])} · {esc(by_id[i].name[lang])}</a>'
        for i in ids
    )


def filter_choices(ctx: Context) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(name, label, [(value, text)]) of each filter, for the published cases."""
    items = ctx.cases.values()
    used_countries = sorted({pick(versions, ctx.lang).meta["country"] for versions in items}, key=lambda c: countries.name(c, ctx.lang))
    return [
        ("theme", ctx.t["filter_theme"], theme_options(ctx)),
        ("type", ctx.t["filter_type"], [(value, ctx.t["type_" + value]) for value in TYPES]),
        ("country", ctx.t["filter_country"], [(c, countries.name(c, ctx.lang)) for c in used_countries]),
        ("phase", ctx.t["filter_phase"], [(p, ctx.t["phase_" + p]) for p in ("election", "office")]),
    ]


def case_list(ctx: Context, items: list, from_url: str, list_id: str | None = None) -> str:
    """An HTML list of case cards; `data-*` attributes feed the library filters."""
    if not items:
        return raw(f'<p class="hub-empty">{esc(ctx.t["cases_none"])}</p>')
    rows = []
    for item in items:
        meta = item.meta
        attrs = lang_attrs(item.lang, ctx.lang)
        href = urls.relative(from_url, urls.case(item.id))
        data = "".join(f' data-{name}="{esc(" ".join(values))}"' for name, values in filter_values(meta).items())
        rows.append(
            f'<li class="hub-case"{data}>'
            f'<span class="hub-badge hub-badge--{esc(meta["type"])}">{esc(ctx.t["type_" + meta["type"]])}</span>'
            f'<a class="hub-case__title" href="{esc(href)}"{attrs}>{esc(meta["title"])}</a>'
            f'<span class="hub-case__facts">{esc(countries.name(meta["country"], ctx.lang))} · {esc(period_text(meta["period"], ctx.t))} · '
            f"{esc(ctx.t['label_themes'])} {esc(theme_names(ctx, meta['themes']))}</span>"
            f'<span class="hub-case__summary"{attrs}>{esc(meta["summary"])}</span></li>'
        )
    # The cards repeat what each case page says; search finds the case itself.
    list_id_attr = f' id="{list_id}"' if list_id else ""
    return raw(f'<ul class="hub-cases"{list_id_attr}>\n' + "\n".join(rows) + "\n</ul>", searchable=False)


PLACEHOLDER = re.compile(r"^<!-- hub:(?P<name>[a-z-]+) -->$", re.M)


def fill_placeholders(markdown: str, ctx: Context, page_url: str) -> str:
    """Replace each `<!-- hub:NAME -->` line of a hand-written page with generated content."""

    def replace(match):
        if match["name"] not in PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {match.group(0)}; known: {', '.join(sorted(PLACEHOLDERS))}")
        return PLACEHOLDERS[match["name"]](ctx, page_url)

    return PLACEHOLDER.sub(replace, markdown)


def themes_list(ctx: Context, from_url: str, counted: bool = False) -> str:
    """The five themes, each linked to its page, as an HTML list (with their case counts when `counted`)."""
    items = []
    for theme in ctx.themes:
        count = ""
        if counted:
            n = sum(1 for versions in ctx.cases.values() if theme.id in pick(versions, ctx.lang).meta["themes"])
            count = f'<span class="hub-theme__count">{esc(plural(ctx, "count_cases", n))}</span>'
        items.append(
            f'<li class="hub-theme"><a class="hub-theme__name" href="{esc(urls.relative(from_url, urls.theme(theme.slug)))}">'
            f'<span class="hub-theme__letter">{esc(theme.label[ctx.lang])}.</span> {esc(theme.name[ctx.lang])}</a>'
            f'<span class="hub-theme__description">{esc(theme.description[ctx.lang])}</span>{count}</li>\n'
        )
    return raw('<ul class="hub-themes">\n' + "".join(items) + "</ul>")


def _country_codes(ctx: Context) -> set[str]:
    return {pick(versions, ctx.lang).meta["country"] for versions in ctx.cases.values()}


def home_numbers(ctx: Context, from_url: str) -> str:
    """Cases, countries and episodes, counted from the content, each linked to where they are."""
    counts = [
        {"text": plural(ctx, "count_cases", len(ctx.cases)), "href": urls.relative(from_url, urls.LIBRARY)},
        {"text": plural(ctx, "count_countries", len(_country_codes(ctx))), "href": urls.relative(from_url, urls.COUNTRIES)},
        {"text": plural(ctx, "count_episodes", len(ctx.episodes)), "href": urls.relative(from_url, urls.MEDIA)},
    ]
    return raw(render.html("counts", counts=counts, label=ctx.t["home_numbers"]), searchable=False)


def case_facts_line(ctx: Context, meta: dict) -> str:
    return f"{countries.name(meta['country'], ctx.lang)} · {period_text(meta['period'], ctx.t)}"


def home_newest(ctx: Context, from_url: str, count: int = 3) -> str:
    """The newest cases (by the year they start), as short cards."""
    cases = [
        {
            "href": urls.relative(from_url, urls.case(item.id)),
            "title": item.meta["title"],
            "lang_attrs": Markup(lang_attrs(item.lang, ctx.lang)),
            "type": item.meta["type"],
            "type_text": ctx.t["type_" + item.meta["type"]],
            "facts": case_facts_line(ctx, item.meta),
        }
        for item in sorted_cases(ctx.cases, ctx.lang)[:count]
    ]
    if not cases:
        return raw(f'<p class="hub-empty">{esc(ctx.t["cases_none"])}</p>')
    return raw(
        render.html("newest_cases", cases=cases, all_href=urls.relative(from_url, urls.LIBRARY), all_text=ctx.t["home_all_cases"]),
        searchable=False,
    )


def plural(ctx: Context, prefix: str, n: int) -> str:
    return strings.plural(ctx.t, prefix, n, ctx.lang)


def type_counts(ctx: Context, items: list) -> list[dict]:
    """How many good practices and faltering implementations `items` holds, as count texts."""
    good = sum(1 for item in items if item.meta["type"] == "good-practice")
    return [
        {"text": plural(ctx, "count_good", good), "href": "#good-practice" if good else None},
        {"text": plural(ctx, "count_faltering", len(items) - good), "href": "#faltering-implementation" if len(items) > good else None},
    ]


def case_groups(ctx: Context, items: list, from_url: str) -> str:
    """The cases of a theme or country, good practices apart from faltering implementations."""
    groups = []
    for case_type, heading in (("good-practice", "theme_good_heading"), ("faltering-implementation", "theme_faltering_heading")):
        of_type = [item for item in items if item.meta["type"] == case_type]
        listing = case_list(ctx, of_type, from_url) if of_type else raw(f'<p class="hub-empty">{esc(ctx.t["cases_none_of_type"])}</p>')
        groups.append(f'<h2 id="{case_type}">{esc(ctx.t[heading])} <span class="hub-group-count">({len(of_type)})</span></h2>\n\n{listing}')
    return "\n".join(groups)


def events_list(ctx: Context, page_url: str) -> str:
    """The working group's events, upcoming and past (for the working-group page)."""
    from hub.support import events  # imported here: events builds its pages with this module's front_matter

    return events.listing_html(ctx.events, ctx.lang, ctx.t, page_url, events.build_day())


# Placeholder name -> function(ctx, page_url) returning Markdown. Modules that
# generate parts of hand-written pages (assessment, contribution guide) add theirs.
PLACEHOLDERS = {
    "themes": themes_list,
    "events": events_list,
    "home-numbers": home_numbers,
    "home-newest": home_newest,
    **guide.PLACEHOLDERS,
}


def themes_overview(ctx: Context) -> str:
    front = front_matter(title=ctx.t["themes_title"], description=ctx.t["themes_intro"], hub_page="themes")
    return front + f"{esc(ctx.t['themes_intro'])}\n\n" + themes_list(ctx, urls.THEMES, counted=True)


def theme_page(ctx: Context, theme) -> str:
    url = urls.theme(theme.slug)
    items = [item for item in sorted_cases(ctx.cases, ctx.lang) if theme.id in item.meta["themes"]]
    library = urls.relative(url, urls.LIBRARY) + f"?theme={theme.id}"
    title = ctx.t["theme_title"].format(letter=theme.label[ctx.lang], name=theme.name[ctx.lang])
    episodes = sum(1 for versions in ctx.episodes.values() if theme.id in pick(versions, ctx.lang).meta["themes"])
    counts = type_counts(ctx, items) + [
        {
            "text": plural(ctx, "count_episodes", episodes),
            "href": urls.relative(url, urls.MEDIA) + f"?theme={theme.id}" if episodes else None,
        }
    ]
    return "".join(
        [
            front_matter(title=title, description=theme.description[ctx.lang], hub_page="theme"),
            f'<p class="hub-lead">{esc(theme.description[ctx.lang])}</p>\n\n',
            raw(render.html("counts", counts=counts, label=None), searchable=False),
            case_groups(ctx, items, url),
            f'\n<p><a href="{esc(library)}">{esc(ctx.t["theme_in_library"])}</a> · '
            f'<a href="{esc(urls.relative(url, urls.THEMES))}">{esc(ctx.t["themes_all"])}</a></p>\n',
        ]
    )


def _filter_select(ctx: Context, name: str, label: str, options: list) -> str:
    opts = f'<option value="">{esc(ctx.t["filter_all"])}</option>' + "".join(
        f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
    )
    return (
        f'<div class="hub-filter"><label for="filter-{name}">{esc(label)}</label>'
        f'<select id="filter-{name}" name="{name}">{opts}</select></div>'
    )


def library(ctx: Context) -> str:
    url = urls.LIBRARY
    items = sorted_cases(ctx.cases, ctx.lang)
    filters = "".join(_filter_select(ctx, name, label, options) for name, label, options in filter_choices(ctx))
    plural = {key[len("cases_count_") :]: text for key, text in ctx.t.items() if key.startswith("cases_count_")}
    return "".join(
        [
            front_matter(title=ctx.t["library_title"], description=ctx.t["library_intro"], hub_page="library", search=LIST_PAGE),
            f"<h1>{esc(ctx.t['library_title'])}</h1>\n\n",
            f'<p class="hub-lead">{esc(ctx.t["library_intro"])}</p>\n\n',
            raw(
                f'<form class="hub-filters" id="hub-filters" data-hub-filter="hub-case-list" data-hub-count="hub-count" aria-label="{esc(ctx.t["filter_label"])}" '
                f'data-plural="{esc(json.dumps(plural, ensure_ascii=False, sort_keys=True))}">'
                f'{filters}<button type="reset" class="md-button">{esc(ctx.t["filter_reset"])}</button></form>\n'
                f'<p class="hub-count" id="hub-count" role="status">{esc(ctx.t["library_total"].format(n=len(items)))}</p>'
            ),
            case_list(ctx, items, url, "hub-case-list"),
            f'\n<p><a href="{esc(urls.relative(url, urls.COUNTRIES))}">{esc(ctx.t["countries_title"])}</a> · '
            f'<a href="{esc(urls.relative(url, urls.THEMES))}">{esc(ctx.t["themes_all"])}</a></p>\n',
        ]
    )


def countries_overview(ctx: Context) -> str:
    url = urls.COUNTRIES
    counts: dict[str, int] = {}
    for versions in ctx.cases.values():
        code = pick(versions, ctx.lang).meta["country"]
        counts[code] = counts.get(code, 0) + 1
    rows = "".join(
        f'<li><a href="{esc(urls.relative(url, urls.country(code)))}">{esc(countries.name(code, ctx.lang))}</a> '
        f'<span class="hub-theme__count">{esc(plural(ctx, "count_cases", n))}</span></li>\n'
        for code, n in sorted(counts.items(), key=lambda kv: countries.name(kv[0], ctx.lang))
    )
    body = raw(f'<ul class="hub-countries">\n{rows}</ul>' if rows else f'<p class="hub-empty">{esc(ctx.t["cases_none"])}</p>')
    return (
        front_matter(title=ctx.t["countries_title"], description=ctx.t["countries_intro"], hub_page="countries", search=LIST_PAGE)
        + f"{esc(ctx.t['countries_intro'])}\n\n"
        + body
    )


def country_page(ctx: Context, code: str) -> str:
    url = urls.country(code)
    items = [item for item in sorted_cases(ctx.cases, ctx.lang) if item.meta["country"] == code]
    name = countries.name(code, ctx.lang)
    return "".join(
        [
            front_matter(
                title=ctx.t["country_title"].format(country=name),
                description=ctx.t["country_intro"].format(country=name),
                hub_page="country",
                search=LIST_PAGE,
            ),
            f'<p class="hub-lead">{esc(ctx.t["country_intro"].format(country=name))}</p>\n\n',
            raw(render.html("counts", counts=type_counts(ctx, items), label=None), searchable=False),
            case_groups(ctx, items, url),
            f'\n<p><a href="{esc(urls.relative(url, urls.LIBRARY))}?country={esc(code)}">{esc(ctx.t["country_in_library"])}</a> · '
            f'<a href="{esc(urls.relative(url, urls.COUNTRIES))}">{esc(ctx.t["countries_title"])}</a></p>\n',
        ]
    )


def _fact(label: str, value_html: str) -> str:
    return f"<dt>{esc(label)}</dt><dd>{value_html}</dd>"


# HTML put around a generated page's content once the search plugin has read
# it: source path -> (before, after). A case's facts and sources are not
# re-parsed by Markdown or by search, which keeps large builds fast.
PAGE_PARTS: dict[str, tuple[str, str]] = {}


def case_page(ctx: Context, versions: dict, strings_by_lang: dict) -> tuple[str, tuple[str, str]]:
    """A case in `ctx.lang`, or in the other language with its own labels when
    untranslated: its Markdown, and the HTML (before, after) that frames it."""
    item = pick(versions, ctx.lang)
    t = strings_by_lang[item.lang]  # the panel speaks the language of the text it sits in
    meta, url = item.meta, urls.case(item.id)
    themes = theme_tags(ctx, meta["themes"], item.lang, url)
    country = f'<a href="{esc(urls.relative(url, urls.country(meta["country"])))}">{esc(countries.name(meta["country"], item.lang))}</a>'
    facts = [
        _fact(t["label_type"], f'<span class="hub-badge hub-badge--{esc(meta["type"])}">{esc(t["type_" + meta["type"]])}</span>'),
        _fact(t["label_themes"], themes),
        _fact(t["label_country"], country),
    ]
    if meta.get("place"):
        facts.append(_fact(t["label_place"], esc(meta["place"])))
    facts += [
        _fact(t["label_level"], esc(t["level_" + meta["level"]])),
        _fact(t["label_period"], esc(period_text(meta["period"], t))),
        _fact(t["label_phase"], esc(t["phase_" + meta["phase"]])),
        _fact(
            t["label_reviewed"],
            esc(t["reviewed_by"]).format(
                date=f'<time datetime="{meta["reviewed"].isoformat()}">{meta["reviewed"].isoformat()}</time>',
                reviewer=esc(meta["reviewer"]),
            ),
        ),
    ]
    translation = ""
    other_lang = other(item.lang)
    if other_lang in versions:
        other_item = versions[other_lang]
        prefix = "" if other_lang == "en" else f"{other_lang}/"
        # The other language's page sits at the same path under its own root.
        depth = "../" * (url.count("/") + (0 if ctx.lang == "en" else 1))
        translation = (
            f'<p class="hub-translation"><a href="{esc(depth + prefix + url)}" hreflang="{other_lang}" lang="{other_lang}" dir="{DIRECTION[other_lang]}">'
            f"{esc(strings_by_lang[other_lang]['case_other_language'])}: {esc(other_item.meta['title'])}</a></p>\n"
        )
    sources = "".join(f'<li id="source-{n}">{_source_html(source, item.lang, t)}</li>' for n, source in enumerate(meta["sources"], start=1))
    before = (
        f'<p class="hub-lead">{esc(meta["summary"])}</p>'
        + f'<dl class="hub-facts" aria-label="{esc(t["case_facts"])}">{"".join(facts)}</dl>'
        + translation
    )
    after = _case_episodes(ctx, item, url, t) + f'<h2 id="sources">{esc(t["label_sources"])}</h2><ol class="hub-sources">{sources}</ol>'
    markdown = front_matter(title=meta["title"], description=meta["summary"], hub_page="case", content_lang=item.lang, case_id=item.id)
    return markdown + link_citations(item.body.strip(), len(meta["sources"])) + "\n", (before, after)


def _case_episodes(ctx: Context, item, url: str, t: dict) -> str:
    """The episodes whose related_cases name this case: the other half of the two-way link."""
    related = sorted(
        (
            pick(versions, ctx.lang)
            for versions in ctx.episodes.values()
            if item.id in (pick(versions, ctx.lang).meta.get("related_cases") or [])
        ),
        key=lambda e: (e.meta["date"], e.id),
        reverse=True,
    )
    if not related:
        return ""
    rows = "".join(
        f'<li><a href="{esc(urls.relative(url, urls.episode(e.id)))}"{lang_attrs(e.lang, item.lang)}>{esc(e.meta["title"])}</a> '
        f'<span class="hub-badge hub-badge--{esc(e.meta["kind"])}">{esc(t["media_kind_" + e.meta["kind"]])}</span></li>'
        for e in related
    )
    return f'<h2 id="episodes">{esc(t["case_episodes"])}</h2><ul class="hub-case-episodes">{rows}</ul>'


def link_citations(body: str, count: int) -> str:
    """Turn every marker [1], [2], [1][3]... of the text into a link to the numbered source list."""
    return citations.link(body, count, lambda n: f'<a class="hub-cite" href="#source-{n}">[{n}]</a>')


def _source_html(source: dict, page_lang: str, t: dict) -> str:
    title = esc(source["title"])
    if source.get("url"):
        title = f'<a href="{esc(source["url"])}" rel="noopener">{title}</a>'
    # A source's title and publisher are in the source's own language: a
    # screen reader switches voice, and their direction is isolated.
    comma = "، " if page_lang == "ar" else ", "
    language = ""
    if source["language"] != page_lang:
        name = countries.language_names(page_lang).get(source["language"], source["language"])
        language = f' <span class="hub-source-language">{esc(t["source_language"].format(language=name))}</span>'
    return f'<span lang="{esc(source["language"])}" dir="auto">{title}. {esc(source["publisher"])}</span>{comma}{esc(source["year"])}.{language}'
