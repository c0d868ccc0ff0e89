"""Generated parts of the self-assessment pages, placed by `<!-- hub:... -->` lines.

* `assessment`: the container the script fills, with what the start needs
  (phases, dimensions, statements, strings) embedded as JSON in the reader's
  language; a note and a link to the list of statements when scripts cannot run.
* `assessment-workshop`: the same data for the facilitator's workshop view.
* `assessment-dimensions` and `assessment-bands`: the methodology tables.

Also the page listing every statement with its levels (read without the
script, printed, discussed in a group), and a details file per language
(level descriptions, next steps, recommendations) that the script fetches
when a reader opens a part or the results: the first view does without them.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from hub import render
from hub.model import assessment, urls
from hub.model.languages import DEFAULT, list_separator
from hub.render.context import Context, front_matter, pick


def candidates(cases: dict, episodes: dict) -> tuple[list, list]:
    """Cases and episodes as the recommendations rank them. An episode is about
    the topics of the cases it discusses; its themes are its own."""
    case_list = [
        assessment.Candidate(case_id, frozenset(meta["topics"]), frozenset(meta["themes"]), meta["phase"])
        for case_id, meta in ((case_id, next(iter(versions.values())).meta) for case_id, versions in cases.items())
    ]
    topics_of = {c.id: c.topics for c in case_list}
    episode_list = []
    for episode_id, versions in episodes.items():
        meta = next(iter(versions.values())).meta
        shared = frozenset().union(*(topics_of.get(i, frozenset()) for i in meta.get("related_cases") or []))
        episode_list.append(assessment.Candidate(episode_id, shared, frozenset(meta["themes"])))
    return case_list, episode_list


def network_candidates(networks: dict, vocabulary) -> list:
    """Networks as the recommendations rank them: about the topics of their kinds of support."""
    return [
        assessment.Candidate(
            entry.id,
            frozenset(t for kind in entry.meta["support"] for t in vocabulary.support[kind]["topics"]),
            frozenset(),
            entry.meta["phase"],
        )
        for entry in networks.values()
    ]


def _links(ctx: Context, page_url: str) -> dict:
    themes = {
        t.id: {"label": t.label[ctx.lang], "name": t.name[ctx.lang], "url": urls.relative(page_url, urls.theme(t.slug))} for t in ctx.themes
    }

    def case_link(case_id: str) -> dict:
        item = pick(ctx.cases[case_id], ctx.lang)
        return {
            "title": item.meta["title"],
            "url": urls.relative(page_url, urls.case(item.id)),
            "type": item.meta["type"],
            "lang": item.lang,
        }

    def episode_link(episode_id: str) -> dict:
        episode = pick(ctx.episodes[episode_id], ctx.lang)
        return {
            "title": episode.meta["title"],
            "url": urls.relative(page_url, urls.episode(episode.id)),
            "kind": episode.meta["kind"],
            "lang": episode.lang,
        }

    ranked = assessment.recommendations(assessment.load(), *candidates(ctx.cases, ctx.episodes))
    recommendations = {
        dim_id: {"cases": [case_link(i) for i in found["cases"]], "episodes": [episode_link(i) for i in found["episodes"]]}
        for dim_id, found in ranked.items()
    }
    directory = urls.relative(page_url, urls.NETWORKS)
    network_ids = assessment.network_recommendations(assessment.load(), network_candidates(ctx.networks, ctx.vocabulary))
    for dim_id, ids in network_ids.items():
        recommendations.setdefault(dim_id, {})["networks"] = [
            {"name": ctx.networks[i].meta["name"][ctx.lang], "url": f"{directory}#{i}"} for i in ids
        ]
    return {"themes": themes, "recommendations": recommendations, "networks_url": directory}


def _data(ctx: Context, page_url: str) -> dict:
    data = assessment.page_data(assessment.load(), ctx.lang, _links(ctx, page_url))
    # What the start does not show comes from the details file (details_files);
    # topics served the ranking at build time only.
    del data["recommendations"]
    for phase in data["phases"]:
        for dimension in phase["dimensions"]:
            for key in ("topics", "next_steps"):
                del dimension[key]
            for indicator in dimension["indicators"]:
                del indicator["levels"]
    data["details_url"] = urls.relative(page_url, urls.ASSESSMENT) + urls.ASSESSMENT_DETAILS_FILE
    data["strings"] = {
        key: text
        for key, text in ctx.t.items()
        if key.startswith(("assess_", "type_", "media_kind_")) and not key.startswith("assess_page_")
    }
    return data


def details_files(contexts: dict) -> dict[str, str]:
    """{site path: JSON} per language (`contexts`: lang -> Context), beside
    the assessment page: each statement's level descriptions, each dimension's
    next steps and what is recommended for it (links relative to that page)."""
    bank = assessment.load()
    out = {}
    for lang, ctx in contexts.items():
        dimensions = [dim for phase in bank["phases"] for dim in phase["dimensions"]]
        details = {
            "levels": {ind["id"]: ind["levels"][lang] for dim in dimensions for ind in dim["indicators"]},
            "next_steps": {dim["id"]: dim["next_steps"][lang] for dim in dimensions},
            "recommendations": _links(ctx, urls.ASSESSMENT)["recommendations"],
        }
        path = ("" if lang == DEFAULT else f"{lang}/") + urls.ASSESSMENT + urls.ASSESSMENT_DETAILS_FILE
        out[path] = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return out


def _json_text(data: dict) -> Markup:
    # `<`, `>` and `&` escaped so no text in the data can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def app(ctx: Context, page_url: str, mode: str = "assessment") -> str:
    """The container the script fills, with what its start needs as JSON."""
    html_text = render.html(
        "assessment_app",
        mode=mode,
        noscript=ctx.t["assess_page_noscript"],
        loading=ctx.t["assess_loading"],
        questions_href=urls.relative(page_url, urls.ASSESSMENT_QUESTIONS),
        questions_link=ctx.t["assess_page_questions_link"],
        data_json=_json_text(_data(ctx, page_url)),
    )
    return ctx.raw(html_text, searchable=False)


def questions_page(ctx: Context) -> str:
    """Every statement with its four levels, by phase and dimension: the
    assessment on paper, and what the page offers when scripts cannot run."""
    bank, lang, t = assessment.load(), ctx.lang, ctx.t
    scale = [level["name"][lang] for level in bank["scale"]]
    phases = [
        {
            "id": phase["id"],
            "name": phase["name"][lang],
            "description": phase["description"][lang],
            "dimensions": [
                {
                    "id": dim["id"],
                    "name": dim["name"][lang],
                    "kind": t["assess_kind_" + dim["kind"]],
                    "description": dim["description"][lang],
                    "indicators": [
                        {
                            "statement": ind["statement"][lang],
                            "levels": [{"name": n, "text": x} for n, x in zip(scale, ind["levels"][lang])],
                        }
                        for ind in dim["indicators"]
                    ],
                }
                for dim in phase["dimensions"]
            ],
        }
        for phase in bank["phases"]
    ]
    url = urls.ASSESSMENT_QUESTIONS
    body = render.html(
        "assessment_questions",
        phases=phases,
        intro=t["assess_page_questions_intro"],
        online_href=urls.relative(url, urls.ASSESSMENT),
        online_text=t["assess_page_questions_online"],
        other=f"{t['assess_dont_know']} · {t['assess_not_applicable']}",
    )
    meta = front_matter(
        title=t["assess_page_questions_title"], description=t["assess_page_questions_description"], hub_page="assessment-questions"
    )
    return meta + f"# {escape(t['assess_page_questions_title'])}\n\n" + ctx.raw(body)


def _table(ctx: Context, head: list[str], groups: list[dict], label: str) -> str:
    """A methodology table (one tbody per group of rows) in a box that
    scrolls on its own when a screen is too narrow for it."""
    columns = [dict(zip(("name", "bracket"), _heading(text), strict=True)) for text in head]
    return ctx.raw(render.html("methodology_table", columns=columns, groups=groups, label=label, separator=list_separator(ctx.lang)))


def _heading(text: str) -> tuple[str, str | None]:
    """A column heading split before its "(…)" part, which never breaks and keeps its order in Arabic."""
    name, bracket, rest = text.partition("(")
    return (name, bracket + rest) if bracket else (text, None)


def dimensions_table(ctx: Context, page_url: str) -> str:
    bank = assessment.load()
    t = ctx.t
    by_id = {theme.id: theme for theme in ctx.themes}
    head = [t[k] for k in ("assess_col_dimension", "assess_col_kind", "assess_col_themes", "assess_col_indicators")]
    # The phase heads its group of rows instead of filling a column: the
    # table then fits a phone's width.
    groups = [
        {
            "heading": phase["name"][ctx.lang],
            "rows": [
                {
                    "cells": [dim["name"][ctx.lang], t["assess_kind_" + dim["kind"]]],
                    "themes": [
                        {
                            "href": urls.relative(page_url, urls.theme(by_id[i].slug)),
                            "label": by_id[i].label[ctx.lang],
                            "name": by_id[i].name[ctx.lang],
                        }
                        for i in dim["themes"]
                    ],
                    "count": len(dim["indicators"]),
                }
                for dim in phase["dimensions"]
            ],
        }
        for phase in bank["phases"]
    ]
    return _table(ctx, head, groups, t["assess_col_dimension"])


def bands_table(ctx: Context, page_url: str) -> str:
    bands = assessment.load()["bands"]
    rows = [
        {"cells": [band["name"][ctx.lang]], "range": f"{band['min']}–{bands[index + 1]['min'] - 1 if index + 1 < len(bands) else 100}"}
        for index, band in enumerate(bands)
    ]
    return _table(ctx, [ctx.t["assess_col_band"], ctx.t["assess_col_score"]], [{"heading": None, "rows": rows}], ctx.t["assess_col_band"])


PLACEHOLDERS = {
    "assessment": app,
    "assessment-workshop": lambda ctx, url: app(ctx, url, "workshop"),
    "assessment-dimensions": dimensions_table,
    "assessment-bands": bands_table,
}
