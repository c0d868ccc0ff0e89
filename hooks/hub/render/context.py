"""What every generated page of one language needs, and the small facts pages share.

A `Context` is made by the build (hub.render.site) for each language; page
functions read it and return values. Its `raw` and `late` put generated HTML
into the build's splices (hub.render.splices).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hub.model import countries, strings
from hub.model.case_schema import TYPES, CaseRules
from hub.model.languages import DIRECTION, list_separator, other
from hub.render.splices import Splices

# Pages that only list cases stay out of search: results lead to the cases.
LIST_PAGE = {"exclude": True}


@dataclass
class Context:
    """One language build's content and strings."""

    lang: str
    t: dict  # interface strings of this language
    themes: list
    cases: dict  # id -> {lang: content.Item}
    episodes: dict = field(default_factory=dict)  # id -> {lang: episodes.Episode}
    networks: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (networks/)
    vocabulary: object = None  # network_schema.Vocabulary: kinds of support, regions
    events: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (events/)
    country_cards: dict = field(default_factory=dict)  # country code -> yaml_entries.Entry (country_cards/)
    solutions: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (solutions/: the register's challenges)
    case_rules: CaseRules | None = None  # the case schema the guide's tables and checklists describe
    strings: dict = field(default_factory=dict)  # every language's strings (a panel speaks its text's language)
    splices: Splices = field(default_factory=Splices)

    def raw(self, html_text: str, searchable: bool = True) -> str:
        """Markdown that stands for `html_text` (see hub.render.splices)."""
        return self.splices.add(html_text, searchable)

    def strings_of(self, lang: str) -> dict:
        return self.strings.get(lang) or (self.t if lang == self.lang else {})


def front_matter(**meta) -> str:
    # JSON is valid YAML and much faster to write than PyYAML's emitter.
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str) + "\n---\n\n"


def pick(versions: dict, lang: str):
    """The file in `lang`, or the other language's when not translated yet."""
    return versions.get(lang) or versions[other(lang)]


def text_lang(item_lang: str, page_lang: str) -> dict | None:
    """{"lang", "dir"} for text that is not in the page's language (templates mark it), else None."""
    return None if item_lang == page_lang else {"lang": item_lang, "dir": DIRECTION[item_lang]}


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
    return list_separator(ctx.lang).join(by_id[i].name[ctx.lang] for i in ids)


def filter_values(meta: dict) -> dict[str, list[str]]:
    """The values a case has for each filter (library and search facets)."""
    # A case about both phases belongs to each phase's filter.
    phases = ["election", "office"] if meta["phase"] == "both" else [meta["phase"]]
    return {"theme": list(meta["themes"]), "type": [meta["type"]], "country": [meta["country"]], "phase": phases}


def theme_options(ctx: Context) -> list[tuple[str, str]]:
    """(id, "label · name") of each theme, for the theme filters."""
    return [(t.id, f"{t.label[ctx.lang]} · {t.name[ctx.lang]}") for t in ctx.themes]


def filter_choices(ctx: Context) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(name, label, [(value, text)]) of each filter, for the published cases."""
    used = sorted({pick(versions, ctx.lang).meta["country"] for versions in ctx.cases.values()}, key=lambda c: countries.name(c, ctx.lang))
    return [
        ("theme", ctx.t["filter_theme"], theme_options(ctx)),
        ("type", ctx.t["filter_type"], [(value, ctx.t["type_" + value]) for value in TYPES]),
        ("country", ctx.t["filter_country"], [(c, countries.name(c, ctx.lang)) for c in used]),
        ("phase", ctx.t["filter_phase"], [(p, ctx.t["phase_" + p]) for p in ("election", "office")]),
    ]


def plural(ctx: Context, prefix: str, n: int) -> str:
    return strings.plural(ctx.t, prefix, n, ctx.lang)


def plural_forms(t: dict, prefix: str) -> str:
    """The plural texts `<prefix><form>` as JSON, for the filter script's live count."""
    return json.dumps({key[len(prefix) :]: text for key, text in t.items() if key.startswith(prefix)}, ensure_ascii=False, sort_keys=True)
