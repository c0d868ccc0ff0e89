"""Country cards: checked files from country_cards/, and the card as a view model.

A card sits on its country's page, above the cases (templates/country_card.html.j2):
the electoral system, the quota, the latest elections, the access-to-information
law, campaign finance and the next elections, each with links to its numbered
sources, the word "unknown" where no source gives a fact, and the day the facts
were last checked.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hub import render
from hub.checks import private_details
from hub.model import countries, datafile, paths, yamlnodes
from hub.model.languages import list_separator
from hub.model.problems import Problem
from hub.support import country_card_schema as schema
from hub.support.yaml_entries import Entry, find

ANCHOR = "country-card"


def check(folder: Path, root: Path, case_countries: set | None = None) -> tuple[dict[str, Entry], list[Problem], int]:
    """({country code: Entry} of the valid cards, problems, files checked).

    A card whose country has no case yet is a warning: no page shows it."""
    cards, found, files = {}, [], find(folder)
    kind = schema.card_schema()
    for path in files:
        rel = paths.relative(path, root)
        node, problems = datafile.check(path, root, "", kind)
        problems = [p if p.field not in ("", "front matter") else Problem(p.path, p.line, "country card", p.message) for p in problems]
        if node is not None and isinstance(node, yaml.MappingNode):
            # Only the card's own texts: source titles are public documents' own, and
            # dates (2021-2022, a mistyped reviewed day) look like phone numbers.
            texts = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value if k.value not in ("sources", "reviewed", "country")])
            problems += [Problem(rel, yamlnodes.line_of(n), where, message) for n, where, message in private_details.findings(texts)]
        if node is None or problems:
            found += problems
            continue
        found += [
            Problem(
                rel,
                yamlnodes.line_of(source),
                f"sources[{n}]",
                "no block cites this source: cite it where it gives a fact, or remove it",
                "warning",
            )
            for source, n in schema.uncited(node)
        ]
        found += [
            Problem(
                rel,
                yamlnodes.line_of(url),
                f"sources[{n}].url",
                "is a plain http:// address: give the https:// one if the site has it",
                "warning",
            )
            for url, n in schema.plain_http(node)
        ]
        meta = normalised(yamlnodes.value(node))
        code = meta["country"]
        country_node = next(v for k, v in node.value if k.value == "country")
        if code != path.stem:
            found.append(
                Problem(
                    rel, yamlnodes.line_of(country_node), "country", f"{code!r} differs from the file name {path.name!r}: make them equal"
                )
            )
            continue
        if case_countries is not None and code not in case_countries:
            found.append(
                Problem(
                    rel,
                    yamlnodes.line_of(country_node),
                    "country",
                    f"no case from {code} yet, so no page shows this card: add a case",
                    "warning",
                )
            )
        cards[code] = Entry(code, rel, meta, node)
    return cards, found, len(files)


def normalised(meta: dict) -> dict:
    """YAML 1.1 reads an unquoted yes/no as true/false: give the words back."""
    access = meta.get("access_to_information")
    if isinstance(access, dict) and isinstance(access.get("binds_municipalities"), bool):
        access["binds_municipalities"] = "yes" if access["binds_municipalities"] else "no"
    return meta


def _number(value) -> str:
    """47.05 -> "47.05", 47.0 -> "47", as written, without trailing zeros."""
    return f"{value:g}" if isinstance(value, float) else str(value)


class _Card:
    """Builds the rows of one card in one language."""

    def __init__(self, meta: dict, lang: str, t: dict):
        self.meta, self.lang, self.t = meta, lang, t

    def value(self, text, unknown: bool = False) -> dict:
        return {"text": self.t["card_unknown"] if unknown else str(text), "unknown": unknown}

    def maybe(self, raw, show=str) -> dict:
        return self.value("", unknown=True) if raw == schema.UNKNOWN else self.value(show(raw))

    def block(self, name: str, facts: list, data: dict | None) -> dict:
        data = data or {}
        cites = [{"n": n, "href": f"#card-source-{n}"} for n in data.get("sources", [])]
        note = data.get("note", {}).get(self.lang, "") if isinstance(data.get("note"), dict) else ""
        return {"id": name.replace("_", "-"), "label": self.t["card_" + name], "facts": facts, "cites": cites, "note": note}

    def unknown_block(self, name: str) -> dict:
        return self.block(name, [{"label": "", "value": self.value("", unknown=True)}], None)

    def percent(self, raw) -> dict:
        return self.maybe(raw, lambda v: self.t["card_percent"].format(n=_number(v)))

    def rows(self) -> list[dict]:
        t, lang, m = self.t, self.lang, self.meta
        rows = [self.block("electoral_system", [{"label": "", "value": self.value(m["electoral_system"][lang])}], m["electoral_system"])]

        quota = m["quota"]
        if quota == schema.UNKNOWN:
            rows.append(self.unknown_block("quota"))
        else:
            facts = [
                {"label": t["card_quota_kind"], "value": self.value(t["card_quota_" + quota["kind"].replace("-", "_")])},
                {"label": t["card_quota_rule"], "value": self.value(quota["rule"][lang])},
            ]
            if "sanction" in quota:
                facts.append({"label": t["card_quota_sanction"], "value": self.maybe(quota["sanction"], lambda v: v[lang])})
            if "since" in quota:
                facts.append({"label": t["card_quota_since"], "value": self.maybe(quota["since"])})
            rows.append(self.block("quota", facts, quota))

        latest = m["latest_local_elections"]
        if latest == schema.UNKNOWN:
            rows.append(self.unknown_block("latest_local_elections"))
        else:
            facts = [
                {"label": t["card_latest_year"], "value": self.value(latest["year"])},
                {"label": t["card_women_councillors"], "value": self.percent(latest["women_councillors_percent"])},
                {"label": t["card_women_mayors"], "value": self.percent(latest["women_mayors_percent"])},
            ]
            rows.append(self.block("latest_local_elections", facts, latest))

        access = m["access_to_information"]
        if access == schema.UNKNOWN:
            rows.append(self.unknown_block("access_to_information"))
        else:
            law = access["law"]
            facts = [{"label": t["card_access_law"], "value": self.value(t["card_access_none"] if law == "none" else law[lang])}]
            if "year" in access:
                facts.append({"label": t["card_access_year"], "value": self.maybe(access["year"])})
            if "binds_municipalities" in access:
                binds = access["binds_municipalities"]
                facts.append({"label": t["card_access_binds"], "value": self.maybe(binds, lambda v: t["card_binds_" + v])})
            rows.append(self.block("access_to_information", facts, access))

        finance = m["campaign_finance"]
        if finance == schema.UNKNOWN:
            rows.append(self.unknown_block("campaign_finance"))
        else:
            rows.append(self.block("campaign_finance", [{"label": "", "value": self.value(finance[lang])}], finance))

        upcoming = m["next_local_elections"]
        if upcoming == schema.UNKNOWN:
            rows.append(self.unknown_block("next_local_elections"))
        else:
            rows.append(self.block("next_local_elections", [{"label": "", "value": self.maybe(upcoming["when"])}], upcoming))
        return rows


def card(meta: dict, lang: str, t: dict) -> dict:
    """The view model of one card in one language (templates/country_card.html.j2)."""
    comma = list_separator(lang)
    sources = []
    for n, s in enumerate(meta["sources"], start=1):
        language = ""
        if s["language"] != lang:
            name = countries.language_names(lang).get(s["language"], s["language"])
            language = t["source_language"].format(language=name)
        year = t["card_year_unknown"] if s["year"] == schema.UNKNOWN else s["year"]
        sources.append(
            {
                "n": n,
                "lang": s["language"],
                "url": s["url"],
                "title": s["title"],
                "publisher": s["publisher"],
                "comma": comma,
                "year": year,
                "language": language,
            }
        )
    reviewed = meta["reviewed"].isoformat()
    return {
        "anchor": ANCHOR,
        "title": t["card_title"].format(country=countries.name(meta["country"], lang)),
        # The reviewer (a role, written once in English) is for maintainers; readers see the date.
        "reviewed": reviewed,
        "rows": _Card(meta, lang, t).rows(),
        "sources": sources,
        "t": {key: t[key] for key in ("card_reviewed", "card_sources", "card_cites", "card_facts_label")},
    }


def card_html(entry: Entry | None, lang: str, t: dict) -> str:
    """The card's HTML for a country page, or "" when the country has none."""
    return render.html("country_card", card=card(entry.meta, lang, t)) if entry is not None else ""
