"""The pages of the case library, as values: themes, each theme, the library,
countries, each country and each case, for one language.

Each function computes a small view model from the checked content and
renders it with a template (hooks/hub/templates/); it returns the page's
Markdown (front matter included), or a `Page` when HTML frames the text.
Contributed text reaches HTML only through the templates' autoescape, and
every link is relative, so the site works from any sub-path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from hub import render
from hub.checks import citations
from hub.model import countries, urls
from hub.model.languages import DIRECTION, list_separator, other
from hub.render.context import (
    LIST_PAGE,
    Context,
    filter_choices,
    filter_values,
    front_matter,
    period_text,
    pick,
    plural,
    plural_forms,
    sorted_cases,
    text_lang,
    theme_names,
)
from hub.support import solutions


@dataclass(frozen=True)
class Page:
    """A generated page: its Markdown, and HTML put before and after its
    content once search has read it (a case's facts panel and sources)."""

    markdown: str
    before: str = ""
    after: str = ""


def theme_tags(ctx: Context, ids, lang: str, from_url: str) -> list[dict]:
    """Links to the pages of the themes `ids`, labelled in `lang` (the text's language)."""
    by_id = {theme.id: theme for theme in ctx.themes}
    return [
        {"href": urls.relative(from_url, urls.theme(by_id[i].slug)), "label": by_id[i].label[lang], "name": by_id[i].name[lang]}
        for i in ids
    ]


def case_cards(ctx: Context, items: list, from_url: str) -> list[dict]:
    """The view of case cards; their `data` feed the library's filters."""
    return [
        {
            "href": urls.relative(from_url, urls.case(item.id)),
            "title": item.meta["title"],
            "text_lang": text_lang(item.lang, ctx.lang),
            "type": item.meta["type"],
            "type_text": ctx.t["type_" + item.meta["type"]],
            "facts": f"{case_facts_line(ctx, item.meta)} · {ctx.t['label_themes']} {theme_names(ctx, item.meta['themes'])}",
            "summary": item.meta["summary"],
            "data": {name: " ".join(values) for name, values in filter_values(item.meta).items()},
        }
        for item in items
    ]


def case_list(ctx: Context, items: list, from_url: str) -> str:
    """Case cards as Markdown standing for their HTML (kept out of search: it finds the cases)."""
    html_text = render.html("case_cards", cards=case_cards(ctx, items, from_url), list_id=None, empty_text=ctx.t["cases_none"])
    return ctx.raw(html_text, searchable=bool(not items))


def themes_list(ctx: Context, from_url: str, counted: bool = False) -> str:
    """The five themes, each linked to its page (with their case counts when `counted`)."""
    themes = []
    for theme in ctx.themes:
        count = None
        if counted:
            n = sum(1 for versions in ctx.cases.values() if theme.id in pick(versions, ctx.lang).meta["themes"])
            count = plural(ctx, "count_cases", n)
        themes.append(
            {
                "href": urls.relative(from_url, urls.theme(theme.slug)),
                "label": theme.label[ctx.lang],
                "name": theme.name[ctx.lang],
                "description": theme.description[ctx.lang],
                "count": count,
            }
        )
    return ctx.raw(render.html("themes_list", themes=themes))


def home_numbers(ctx: Context, from_url: str) -> str:
    """Cases, countries and episodes, counted from the content, each linked to where they are."""
    used = {pick(versions, ctx.lang).meta["country"] for versions in ctx.cases.values()}
    counts = [
        {"text": plural(ctx, "count_cases", len(ctx.cases)), "href": urls.relative(from_url, urls.LIBRARY)},
        {"text": plural(ctx, "count_countries", len(used)), "href": urls.relative(from_url, urls.COUNTRIES)},
        {"text": plural(ctx, "count_episodes", len(ctx.episodes)), "href": urls.relative(from_url, urls.MEDIA)},
    ]
    return ctx.raw(render.html("counts", counts=counts, label=ctx.t["home_numbers"]), searchable=False)


def case_facts_line(ctx: Context, meta: dict) -> str:
    return f"{countries.name(meta['country'], ctx.lang)} · {period_text(meta['period'], ctx.t)}"


def home_newest(ctx: Context, from_url: str, count: int = 3) -> str:
    """The newest cases (by the year they start), as short cards."""
    cases = [
        {
            "href": urls.relative(from_url, urls.case(item.id)),
            "title": item.meta["title"],
            "text_lang": text_lang(item.lang, ctx.lang),
            "type": item.meta["type"],
            "type_text": ctx.t["type_" + item.meta["type"]],
            "facts": case_facts_line(ctx, item.meta),
        }
        for item in sorted_cases(ctx.cases, ctx.lang)[:count]
    ]
    view = {
        "cases": cases,
        "all_href": urls.relative(from_url, urls.LIBRARY),
        "all_text": ctx.t["home_all_cases"],
        "empty_text": ctx.t["cases_none"],
    }
    return ctx.raw(render.html("newest_cases", **view), searchable=not cases)


def type_counts(ctx: Context, items: list) -> list[dict]:
    """How many good practices and faltering implementations `items` holds, as count texts."""
    good = sum(1 for item in items if item.meta["type"] == "good-practice")
    return [
        {"text": plural(ctx, "count_good", good), "href": "#good-practice" if good else None},
        {"text": plural(ctx, "count_faltering", len(items) - good), "href": "#faltering-implementation" if len(items) > good else None},
    ]


def _groups(ctx: Context, items: list, from_url: str) -> list[dict]:
    """The cases of a theme or country, good practices apart from faltering implementations."""
    return [
        {
            "id": case_type,
            "heading": ctx.t[heading],
            "cards": case_cards(ctx, [item for item in items if item.meta["type"] == case_type], from_url),
            "empty_text": ctx.t["cases_none_of_type"],
        }
        for case_type, heading in (("good-practice", "theme_good_heading"), ("faltering-implementation", "theme_faltering_heading"))
    ]


def _links(*pairs) -> list[dict]:
    return [{"href": href, "text": text} for href, text in pairs]


def themes_overview(ctx: Context) -> str:
    front = front_matter(title=ctx.t["themes_title"], description=ctx.t["themes_intro"], hub_page="themes")
    return front + str(escape(ctx.t["themes_intro"])) + "\n\n" + themes_list(ctx, urls.THEMES, counted=True)


def theme_page(ctx: Context, theme) -> str:
    url = urls.theme(theme.slug)
    items = [item for item in sorted_cases(ctx.cases, ctx.lang) if theme.id in item.meta["themes"]]
    title = ctx.t["theme_title"].format(letter=theme.label[ctx.lang], name=theme.name[ctx.lang])
    episodes = sum(1 for versions in ctx.episodes.values() if theme.id in pick(versions, ctx.lang).meta["themes"])
    media = urls.relative(url, urls.MEDIA) + f"?theme={theme.id}" if episodes else None
    page = {
        "lead": theme.description[ctx.lang],
        "counts": [*type_counts(ctx, items), {"text": plural(ctx, "count_episodes", episodes), "href": media}],
        "groups": _groups(ctx, items, url),
        "card": None,
        "links": _links(
            (urls.relative(url, urls.LIBRARY) + f"?theme={theme.id}", ctx.t["theme_in_library"]),
            (urls.relative(url, urls.THEMES), ctx.t["themes_all"]),
        ),
    }
    front = front_matter(title=title, description=theme.description[ctx.lang], hub_page="theme")
    return front + ctx.raw(render.html("case_groups", page=page, late=ctx.splices.late))


def library(ctx: Context) -> str:
    url = urls.LIBRARY
    items = sorted_cases(ctx.cases, ctx.lang)
    form = {
        "id": "hub-filters",
        "list_id": "hub-case-list",
        "count_id": "hub-count",
        "label": ctx.t["filter_label"],
        "plural": plural_forms(ctx.t, "cases_count_"),
        "filters": [{"name": name, "label": label, "options": options} for name, label, options in filter_choices(ctx)],
        "all_text": ctx.t["filter_all"],
        "reset_text": ctx.t["filter_reset"],
        "total_text": ctx.t["library_total"].format(n=len(items)),
    }
    page = {
        "title": ctx.t["library_title"],
        "lead": ctx.t["library_intro"],
        "form": form,
        "cards": case_cards(ctx, items, url),
        "empty_text": ctx.t["cases_none"],
        "links": _links(
            (urls.relative(url, urls.COUNTRIES), ctx.t["countries_title"]), (urls.relative(url, urls.THEMES), ctx.t["themes_all"])
        ),
    }
    front = front_matter(title=ctx.t["library_title"], description=ctx.t["library_intro"], hub_page="library", search=LIST_PAGE)
    return front + ctx.raw(render.html("library", page=page, late=ctx.splices.late))


def country_codes(cases: dict) -> list[str]:
    """The countries that have at least one case."""
    return sorted({pick(versions, "en").meta["country"] for versions in cases.values()})


def countries_overview(ctx: Context) -> str:
    url = urls.COUNTRIES
    counts: dict[str, int] = {}
    for versions in ctx.cases.values():
        code = pick(versions, ctx.lang).meta["country"]
        counts[code] = counts.get(code, 0) + 1
    rows = [
        {
            "href": urls.relative(url, urls.country(code)),
            "name": countries.name(code, ctx.lang),
            "count": plural(ctx, "count_cases", n),
            "card": {"href": urls.relative(url, urls.country(code)) + "#country-card", "text": ctx.t["card_overview_mark"]}
            if code in ctx.country_cards
            else None,
        }
        for code, n in sorted(counts.items(), key=lambda kv: countries.name(kv[0], ctx.lang))
    ]
    front = front_matter(title=ctx.t["countries_title"], description=ctx.t["countries_intro"], hub_page="countries", search=LIST_PAGE)
    return front + ctx.raw(render.html("countries", intro=ctx.t["countries_intro"], countries=rows, empty_text=ctx.t["cases_none"]))


def country_page(ctx: Context, code: str, card: str | None = None) -> str:
    """A country's cases; `card` is the HTML of its country card, when it has one."""
    url = urls.country(code)
    items = [item for item in sorted_cases(ctx.cases, ctx.lang) if item.meta["country"] == code]
    name = countries.name(code, ctx.lang)
    page = {
        "lead": ctx.t["country_intro"].format(country=name),
        "counts": type_counts(ctx, items),
        "groups": _groups(ctx, items, url),
        "card": Markup(card) if card else None,
        "links": _links(
            (urls.relative(url, urls.LIBRARY) + f"?country={code}", ctx.t["country_in_library"]),
            (urls.relative(url, urls.COUNTRIES), ctx.t["countries_title"]),
        ),
    }
    front = front_matter(title=ctx.t["country_title"].format(country=name), description=page["lead"], hub_page="country", search=LIST_PAGE)
    return front + ctx.raw(render.html("case_groups", page=page, late=ctx.splices.late))


def case_page(ctx: Context, versions: dict) -> Page:
    """A case in `ctx.lang`, or in the other language with its own labels when
    untranslated: its Markdown, and the HTML that frames it."""
    item = pick(versions, ctx.lang)
    t = ctx.strings_of(item.lang)  # the panel speaks the language of the text it sits in
    meta, url = item.meta, urls.case(item.id)
    country = {"link": {"href": urls.relative(url, urls.country(meta["country"])), "text": countries.name(meta["country"], item.lang)}}
    facts = [
        (t["label_type"], {"badge": [meta["type"], t["type_" + meta["type"]]]}),
        (t["label_themes_fact"], {"tags": theme_tags(ctx, meta["themes"], item.lang, url)}),
        (t["label_country"], country),
    ]
    if meta.get("place"):
        facts.append((t["label_place"], meta["place"]))
    day = meta["reviewed"].isoformat()
    before, _, after = t["reviewed_by"].partition("{date}")
    reviewed = {
        "time": {"datetime": day, "text": day},
        "before": before.replace("{reviewer}", meta["reviewer"]),
        "after": after.replace("{reviewer}", meta["reviewer"]),
    }
    facts += [
        (t["label_level"], t["level_" + meta["level"]]),
        (t["label_period"], period_text(meta["period"], t)),
        (t["label_phase"], t["phase_" + meta["phase"]]),
        (t["label_reviewed"], reviewed),
    ]
    view = {
        "summary": meta["summary"],
        "facts_label": t["case_facts"],
        "facts": [{"label": label, "value": value} for label, value in facts],
        "translation": translation_link(ctx, versions, item, url, "case_other_language"),
    }
    end = {
        "episodes_heading": t["case_episodes"],
        "episodes": _case_episodes(ctx, item, url, t),
        "solutions_heading": t["case_solutions"],
        "solutions": [
            {"href": urls.relative(url, urls.solution(entry.id)), "title": entry.meta["title"][item.lang]}
            for entry in solutions.citing(ctx.solutions, item.id)
        ],
        "sources_heading": t["label_sources"],
        "sources": [source_view(source, item.lang, t) for source in meta["sources"]],
    }
    markdown = front_matter(title=meta["title"], description=meta["summary"], hub_page="case", content_lang=item.lang, case_id=item.id)
    return Page(
        markdown + link_citations(item.body.strip(), len(meta["sources"])) + "\n",
        render.html("case_facts", case=view),
        render.html("case_end", end=end),
    )


def translation_link(ctx: Context, versions: dict, item, url: str, key: str) -> dict | None:
    """The link to the same page in the other language, when that version exists."""
    other_lang = other(item.lang)
    if other_lang not in versions:
        return None
    # The other language's page sits at the same path under its own root.
    depth = "../" * (url.count("/") + (0 if ctx.lang == "en" else 1))
    prefix = "" if other_lang == "en" else f"{other_lang}/"
    return {
        "href": depth + prefix + url,
        "lang": other_lang,
        "dir": DIRECTION[other_lang],
        "text": ctx.strings_of(other_lang)[key],
        "title": versions[other_lang].meta["title"],
    }


def _case_episodes(ctx: Context, item, url: str, t: dict) -> list[dict]:
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
    return [
        {
            "href": urls.relative(url, urls.episode(e.id)),
            "title": e.meta["title"],
            "text_lang": text_lang(e.lang, item.lang),
            "kind": e.meta["kind"],
            "kind_text": t["media_kind_" + e.meta["kind"]],
        }
        for e in related
    ]


@lru_cache(maxsize=256)
def _citation_link(n: int) -> str:
    return render.html("citation", n=n)


def link_citations(body: str, count: int) -> str:
    """Turn every marker [1], [2], [1][3]... of the text into a link to the numbered source list."""
    return citations.link(body, count, _citation_link)


def source_view(source: dict, page_lang: str, t: dict) -> dict:
    """A source's title and publisher are in the source's own language: a
    screen reader switches voice, and their direction is isolated."""
    language = None
    if source["language"] != page_lang:
        name = countries.language_names(page_lang).get(source["language"], source["language"])
        language = t["source_language"].format(language=name)
    return {
        "lang": source["language"],
        "title": source["title"],
        "url": source.get("url"),
        "publisher": source["publisher"],
        "year": source["year"],
        "comma": list_separator(page_lang),
        "language": language,
    }


def source_html(source: dict, page_lang: str, t: dict) -> str:
    return render.html("source", s=source_view(source, page_lang, t))
