"""Generated parts of the self-assessment pages, placed by `<!-- hub:... -->` lines.

* `assessment`: the container the script fills, with the bank in the reader's
  language embedded as JSON (no extra request, works offline once loaded).
* `assessment-workshop`: the same data for the facilitator's workshop view.
* `assessment-dimensions` and `assessment-bands`: the methodology tables.
"""

from __future__ import annotations

import json

from . import assessment, pages, urls
from .pages import esc


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


def _links(ctx: pages.Context, page_url: str) -> dict:
    themes = {t.id: {"label": t.label[ctx.lang], "name": t.name[ctx.lang], "url": urls.relative(page_url, urls.theme(t.slug))} for t in ctx.themes}

    def case_link(case_id: str) -> dict:
        item = pages.pick(ctx.cases[case_id], ctx.lang)
        return {"title": item.meta["title"], "url": urls.relative(page_url, urls.case(item.id)), "type": item.meta["type"], "lang": item.lang}

    def episode_link(episode_id: str) -> dict:
        episode = pages.pick(ctx.episodes[episode_id], ctx.lang)
        return {"title": episode.meta["title"], "url": urls.relative(page_url, urls.episode(episode.id)), "kind": episode.meta["kind"], "lang": episode.lang}

    ranked = assessment.recommendations(assessment.load(), *candidates(ctx.cases, ctx.episodes))
    recommendations = {
        dim_id: {"cases": [case_link(i) for i in found["cases"]], "episodes": [episode_link(i) for i in found["episodes"]]}
        for dim_id, found in ranked.items()
    }
    return {"themes": themes, "recommendations": recommendations}


def _data(ctx: pages.Context, page_url: str) -> dict:
    data = assessment.page_data(assessment.load(), ctx.lang, _links(ctx, page_url))
    data["strings"] = {key: text for key, text in ctx.t.items() if key.startswith(("assess_", "type_", "media_kind_"))}
    return data


def _json_script(data: dict) -> str:
    # `<` escaped so no text in the data can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="hub-assessment-data">{text}</script>'


def app(ctx: pages.Context, page_url: str, mode: str = "assessment") -> str:
    return pages.raw(
        f'<div id="hub-assessment" class="hub-assessment" data-mode="{mode}">'
        f'<noscript><p class="hub-notice">{esc(ctx.t["assess_noscript"])}</p></noscript>'
        f'<p class="hub-assessment__loading">{esc(ctx.t["assess_loading"])}</p></div>\n'
        + _json_script(_data(ctx, page_url)),
        searchable=False,
    )


def dimensions_table(ctx: pages.Context, page_url: str) -> str:
    bank = assessment.load()
    t = ctx.t
    rows = []
    for phase in bank["phases"]:
        for dim in phase["dimensions"]:
            by_id = {theme.id: theme for theme in ctx.themes}
            themes = ("، " if ctx.lang == "ar" else ", ").join(
                f'<a href="{esc(urls.relative(page_url, urls.theme(by_id[i].slug)))}" title="{esc(by_id[i].name[ctx.lang])}">{esc(by_id[i].label[ctx.lang])}</a>' for i in dim["themes"]
            )
            rows.append(
                f"<tr><td>{esc(phase['name'][ctx.lang])}</td><td>{esc(dim['name'][ctx.lang])}</td>"
                f"<td>{esc(t['assess_kind_' + dim['kind']])}</td><td>{themes}</td><td>{len(dim['indicators'])}</td></tr>"
            )
    head = "".join(f"<th scope=\"col\">{esc(t[k])}</th>" for k in ("assess_col_phase", "assess_col_dimension", "assess_col_kind", "assess_col_themes", "assess_col_indicators"))
    return pages.raw(f'<table class="hub-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def bands_table(ctx: pages.Context, page_url: str) -> str:
    bank = assessment.load()
    bands = bank["bands"]
    rows = []
    for index, band in enumerate(bands):
        upper = bands[index + 1]["min"] - 1 if index + 1 < len(bands) else 100
        rows.append(f"<tr><td>{esc(band['name'][ctx.lang])}</td><td>{band['min']}–{upper}</td></tr>")
    head = f'<th scope="col">{esc(ctx.t["assess_col_band"])}</th><th scope="col">{esc(ctx.t["assess_col_score"])}</th>'
    return pages.raw(f'<table class="hub-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


pages.PLACEHOLDERS.update({
    "assessment": app,
    "assessment-workshop": lambda ctx, url: app(ctx, url, "workshop"),
    "assessment-dimensions": dimensions_table,
    "assessment-bands": bands_table,
})
