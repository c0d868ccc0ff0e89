"""Recall of a search engine on queries whose answers come from the pages' text.

A query names *target* words; a page is relevant when its text holds one of
them as a word, possibly with a one-letter prefix or the article before it
(«وتونس», «للنساء», «فالمرشحات»). Only marks and the tatweel are ignored
here: every other spelling difference (hamza, ى, ة, plurals) is what the
engine under test has to bridge, so the answer does not lean on its rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_WORD = re.compile(r"[^\W_]+")
CLITICS_AR = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل")


@dataclass(frozen=True)
class Query:
    category: str
    text: str
    targets: tuple[str, ...]  # spellings found in the pages, without article or prefix


def page_words(text: str, lang: str) -> set[str]:
    text = _MARKS.sub("", text)
    return set(_WORD.findall(text if lang == "ar" else text.lower()))


def surface_forms(target: str, lang: str) -> set[str]:
    if lang != "ar":
        return {target.lower()}
    return {clitic + target for clitic in CLITICS_AR}


def relevant(query: Query, pages: dict[str, set[str]], lang: str) -> set[str]:
    forms = set().union(*(surface_forms(t, lang) for t in query.targets))
    return {url for url, words in pages.items() if words & forms}


def recall_at(results: list[str], wanted: set[str], k: int = 10) -> float:
    """Share of the relevant pages in the first k results (all k when more are relevant)."""
    if not wanted:
        raise ValueError("no relevant page")
    return len(set(results[:k]) & wanted) / min(k, len(wanted))


@dataclass
class Report:
    lang: str
    by_category: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    misses: list[str] = field(default_factory=list)

    def add(self, query: Query, score: float, missed: set[str]) -> None:
        self.by_category[query.category].append(score)
        if score < 1:
            self.misses.append(f"{query.category}: «{query.text}» {score:.2f}, missed {sorted(missed)[:3]}")

    @property
    def overall(self) -> float:
        scores = [s for values in self.by_category.values() for s in values]
        return sum(scores) / len(scores)

    def table(self) -> str:
        lines = [f"recall@10, {self.lang}: {self.overall:.1%} over {sum(map(len, self.by_category.values()))} queries"]
        for category, scores in self.by_category.items():
            lines.append(f"  {category:<22} {sum(scores) / len(scores):6.1%}  ({len(scores)} queries)")
        return "\n".join(lines)


def evaluate(queries: list[Query], pages: dict[str, str], search, lang: str, k: int = 10) -> Report:
    """Run `search(text) -> [url, ...]` on every query against `pages` (url -> text)."""
    words = {url: page_words(text, lang) for url, text in pages.items()}
    report = Report(lang)
    for query in queries:
        wanted = relevant(query, words, lang)
        if not wanted:
            raise ValueError(f"«{query.text}»: no page holds {query.targets}; choose another word")
        results = search(query.text)
        report.add(query, recall_at(results, wanted, k), wanted - set(results[:k]))
    return report
