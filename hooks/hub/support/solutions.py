"""The solutions register (solutions/*.yml): checked challenges and their pages as values.

A challenge names the cases that document each solution tried elsewhere, so
the check refuses a case id that does not exist. Pages are small view models
(dicts) rendered by templates/solutions.html.j2 (the register, grouped by
theme: plain links, no script) and templates/solution.html.j2 (one challenge
with its solutions, laid out to print as a one-page handout).
"""

from __future__ import annotations

from pathlib import Path

from babel.dates import format_date

from hub import render
from hub.model import countries, urls
from hub.model.languages import LANGUAGES
from hub.model.problems import Problem
from hub.render.context import front_matter, pick
from hub.support import solution_schema, yaml_entries

# The contribution guide's section on the register: its heading has the same id in every language.
GUIDE = "contribute/"
GUIDE_ANCHOR = "solutions-register"


def check(folder: Path, root: Path, themes, case_ids) -> tuple[dict, list[Problem], int]:
    """({id: Entry}, problems, files checked); every case named must exist."""
    entries, found, checked = yaml_entries.read(folder, root, solution_schema.solution_schema(themes), "challenge")
    for entry in list(entries.values()):
        missing = yaml_entries.unknown_ids(entry, ("cases",), "cases", entry.meta.get("cases") or [], case_ids, "cases")
        for kind in ("solutions_elsewhere", "devised"):
            for index, solution in enumerate(entry.meta[kind]):
                field = f"{kind}[{index + 1}].cases"
                missing += yaml_entries.unknown_ids(entry, (kind, index, "cases"), field, solution.get("cases") or [], case_ids, "cases")
        if missing:
            found += missing
            del entries[entry.id]
    return entries, found, checked


def _day(day, lang: str) -> dict:
    return {"iso": day.isoformat(), "text": format_date(day, format="long", locale=lang)}


def _case_links(ids, cases: dict, lang: str, t: dict, page_url: str) -> list[dict]:
    links = []
    for case_id in ids:
        version = pick(cases[case_id], lang)
        links.append(
            {
                "title": version.meta["title"],
                "lang": version.lang,
                "type": t["type_" + version.meta["type"]],
                "url": urls.relative(page_url, urls.case(case_id)),
            }
        )
    return links


def citing(entries: dict, case_id: str) -> list:
    """The challenges that name a case: as showing the challenge, or as
    documenting a solution tried elsewhere or one the group devised."""
    found = []
    for entry in entries.values():
        meta = entry.meta
        named = set(meta.get("cases") or [])
        for solution in [*(meta.get("solutions_elsewhere") or []), *(meta.get("devised") or [])]:
            named.update(solution.get("cases") or [])
        if case_id in named:
            found.append(entry)
    return sorted(found, key=lambda entry: entry.id)


def _themes(meta: dict, themes, lang: str, page_url: str) -> list[dict]:
    return [
        {"label": theme.label[lang], "name": theme.name[lang], "url": urls.relative(page_url, urls.theme(theme.slug))}
        for theme in themes
        if theme.id in meta["themes"]
    ]


def _devised(item: dict, cases: dict, lang: str, t: dict, page_url: str) -> dict:
    owner = item["owner"]
    return {
        "owner": owner["municipality"][lang],
        "country": countries.name(owner["country"], lang),
        "status": t["solution_status_" + item["status"]],
        "description": item["description"][lang],
        "agreed": _day(item["agreed"], lang),
        "follow_ups": [{**_day(f["date"], lang), "note": f["note"][lang]} for f in item.get("follow_ups") or []],
        "next": _day(item["next_follow_up"], lang) if "next_follow_up" in item else None,
        "cases": _case_links(item.get("cases") or [], cases, lang, t, page_url),
    }


def strings_of(t: dict) -> dict:
    return {k: v for k, v in t.items() if k.startswith("solution")}


def challenge(meta: dict, lang: str, t: dict, themes, cases: dict) -> dict:
    """The view model of one challenge's page."""
    page_url = urls.solution(meta["id"])
    return {
        "id": meta["id"],
        "title": meta["title"][lang],
        "description": meta["description"][lang],
        "phase": t["phase_" + meta["phase"]],
        "themes": _themes(meta, themes, lang, page_url),
        "cases": _case_links(meta.get("cases") or [], cases, lang, t, page_url),
        "elsewhere": [
            {"description": s["description"][lang], "cases": _case_links(s["cases"], cases, lang, t, page_url)}
            for s in meta["solutions_elsewhere"]
        ],
        "devised": [_devised(item, cases, lang, t, page_url) for item in meta["devised"]],
        "reviewed": _day(meta["reviewed"], lang),
        "index_url": urls.relative(page_url, urls.SOLUTIONS),
        "guide_url": urls.relative(page_url, GUIDE) + "#" + GUIDE_ANCHOR,
        "t": strings_of(t),
    }


def register(entries: dict, lang: str, t: dict, themes) -> dict:
    """The view model of the register: every challenge under each of its themes."""
    page_url = urls.SOLUTIONS
    ordered = sorted(entries.values(), key=lambda e: (e.meta["title"][lang].casefold(), e.id))
    groups = []
    for theme in themes:
        listed = [e.meta for e in ordered if theme.id in e.meta["themes"]]
        groups.append(
            {
                "anchor": f"theme-{theme.id.lower()}",
                "label": theme.label[lang],
                "name": theme.name[lang],
                "theme_url": urls.relative(page_url, urls.theme(theme.slug)),
                "challenges": [
                    {
                        "title": meta["title"][lang],
                        "url": urls.relative(page_url, urls.solution(meta["id"])),
                        "phase": t["phase_" + meta["phase"]],
                        "elsewhere": t["solutions_count_elsewhere"].format(n=len(meta["solutions_elsewhere"])),
                        "devised": t["solutions_count_devised"].format(n=len(meta["devised"])),
                    }
                    for meta in listed
                ],
            }
        )
    return {
        "count": t["solutions_count"].format(n=len(entries)),
        "groups": groups,
        "guide_url": urls.relative(page_url, GUIDE) + "#" + GUIDE_ANCHOR,
        "t": strings_of(t),
    }


def generated(entries: dict, strings_by_lang: dict, themes, cases: dict) -> dict[str, str]:
    """{"<lang>/solutions/...md": markdown}: the register and a page per challenge, in every language."""
    out = {}
    for lang in LANGUAGES:
        t = strings_by_lang[lang]
        # The register exists even with no challenge: the working-group page links to it.
        meta = {"title": t["solutions_title"], "description": t["solutions_intro"], "hub_page": "solutions"}
        out[f"{lang}/{urls.source_of(urls.SOLUTIONS)}"] = (
            front_matter(**meta) + render.html("solutions", page=register(entries, lang, t, themes)) + "\n"
        )
        for entry in entries.values():
            model = challenge(entry.meta, lang, t, themes, cases)
            meta = {"title": model["title"], "description": model["description"][:300], "hub_page": "solution"}
            out[f"{lang}/{urls.source_of(urls.solution(entry.id))}"] = front_matter(**meta) + render.html("solution", page=model) + "\n"
    return out
