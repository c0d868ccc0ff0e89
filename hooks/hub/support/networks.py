"""The networks directory: checked entries from networks/, and its pages as values.

Pages are computed as plain view models (dicts) by small functions and
rendered by templates/networks.html.j2, one page kind: the whole directory,
or the directory filtered by one value (a country or region, a kind of
support, a language). Filtered pages are real pages, so the filters work
without JavaScript.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from hub import render
from hub.model import countries, urls
from hub.model.languages import LANGUAGES
from hub.render.context import front_matter
from hub.support import network_schema, yaml_entries

FILTERS = ("place", "support", "language")


def check(folder: Path, root: Path, vocabulary: network_schema.Vocabulary):
    """({id: Entry}, problems, files checked) for the networks/ folder."""
    return yaml_entries.read(folder, root, network_schema.network_schema(vocabulary), "network")


def text_direction(code: str) -> str:
    """ltr or rtl for a language code, from the Unicode CLDR data."""
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except (ValueError, UnknownLocaleError):
        return "ltr"


def place_of(meta: dict) -> str:
    """The filter value of an entry's country (lower-case ISO code) or region id."""
    return meta["country"].lower() if "country" in meta else meta["region"]


def place_name(value: str, lang: str, vocabulary) -> str:
    region = vocabulary.regions.get(value)
    return region["name"][lang] if region else countries.name(value.upper(), lang)


def values_of(meta: dict) -> dict[str, list[str]]:
    return {"place": [place_of(meta)], "support": list(meta["support"]), "language": list(meta["languages"])}


def value_name(kind: str, value: str, lang: str, vocabulary) -> str:
    if kind == "place":
        return place_name(value, lang, vocabulary)
    if kind == "support":
        return vocabulary.support[value]["name"][lang]
    return countries.language_names(lang).get(value, value)


def card(meta: dict, lang: str, t: dict, vocabulary, page_url: str) -> dict:
    name = meta["name"]
    return {
        "id": meta["id"],
        "name": name[lang],
        "official": name["official"] if name["official"] != name[lang] else "",
        "official_lang": name["language"],
        "official_dir": text_direction(name["language"]),
        "place": {
            "text": place_name(place_of(meta), lang, vocabulary),
            "url": urls.relative(page_url, urls.networks_filter("place", place_of(meta))),
        },
        "phase": t["network_phase_" + meta["phase"]],
        "members": meta["members"][lang],
        "summary": meta["summary"][lang],
        "support": [
            {"text": vocabulary.support[s]["name"][lang], "url": urls.relative(page_url, urls.networks_filter("support", s))}
            for s in meta["support"]
        ],
        "languages": [
            {"text": value_name("language", code, lang, vocabulary), "url": urls.relative(page_url, urls.networks_filter("language", code))}
            for code in meta["languages"]
        ],
        "contact": meta.get("contact", ""),
        "sources": [{"title": s["title"], "publisher": s["publisher"], "url": s["url"], "lang": s["language"]} for s in meta["sources"]],
        "reviewed": meta["reviewed"].isoformat(),
    }


def sorted_entries(entries: dict, lang: str) -> list:
    return sorted(entries.values(), key=lambda e: (e.meta["name"][lang].casefold(), e.id))


def filter_groups(entries: dict, lang: str, t: dict, vocabulary, page_url: str, current: tuple | None) -> list[dict]:
    """Each filter with the values used by at least one entry, their counts and links."""
    groups = []
    for kind in FILTERS:
        counts: dict[str, int] = {}
        for entry in entries.values():
            for value in values_of(entry.meta)[kind]:
                counts[value] = counts.get(value, 0) + 1
        options = sorted(
            (
                {
                    "text": value_name(kind, value, lang, vocabulary),
                    "count": n,
                    "url": urls.relative(page_url, urls.networks_filter(kind, value)),
                    "current": current == (kind, value),
                }
                for value, n in counts.items()
            ),
            key=lambda o: o["text"].casefold(),
        )
        # On a filtered page the group holding the current filter is open, so it shows which one.
        groups.append({"kind": kind, "label": t["network_filter_" + kind], "options": options, "open": any(o["current"] for o in options)})
    return groups


def directory(entries: dict, lang: str, t: dict, vocabulary, current: tuple | None = None) -> dict:
    """The view model of the directory, whole or filtered by (kind, value)."""
    page_url = urls.networks_filter(*current) if current else urls.NETWORKS
    shown = [e for e in sorted_entries(entries, lang) if current is None or current[1] in values_of(e.meta)[current[0]]]
    title = t["networks_title"]
    if current:
        title = t["networks_filtered_title"].format(value=value_name(current[0], current[1], lang, vocabulary))
    return {
        "title": title,
        "intro": t["networks_intro"],
        "count": t["networks_count"].format(n=len(shown)),
        "all_url": urls.relative(page_url, urls.NETWORKS) if current else "",
        "filters": filter_groups(entries, lang, t, vocabulary, page_url, current),
        "cards": [card(e.meta, lang, t, vocabulary, page_url) for e in shown],
        "t": {key: t[key] for key in t if key.startswith("network")},
    }


def page(entries: dict, lang: str, t: dict, vocabulary, current: tuple | None = None) -> str:
    model = directory(entries, lang, t, vocabulary, current)
    meta = {"title": model["title"], "description": t["networks_intro"], "hub_page": "networks"}
    if current:
        meta["search"] = {"exclude": True}  # the whole directory is indexed once
    return front_matter(**meta) + render.html("networks", page=model) + "\n"


def generated(entries: dict, strings_by_lang: dict, vocabulary) -> dict[str, str]:
    """{"<lang>/<path>.md": markdown} of the directory and its filtered pages, in every language."""
    # The index exists even with no entry: the navigation and pages link to it.
    used = sorted({(kind, value) for e in entries.values() for kind, values in values_of(e.meta).items() for value in values})
    out = {}
    for lang in LANGUAGES:
        t = strings_by_lang[lang]
        out[f"{lang}/{urls.source_of(urls.NETWORKS)}"] = page(entries, lang, t, vocabulary)
        for current in used:
            out[f"{lang}/{urls.source_of(urls.networks_filter(*current))}"] = page(entries, lang, t, vocabulary, current)
    return out
