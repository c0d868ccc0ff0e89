"""Site search: Arabic-aware words (text), static index files (index),
recall measurement (evaluation). The browser side is
overrides/assets/hub/search.js."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .index import Index, Searcher, page_from_html, write


class SiteIndex:
    """The pages of every language, collected during a build."""

    def __init__(self, languages, default: str, filters: dict | None = None, analysed: dict | None = None):
        """`filters`: per language, (label of "all", [(name, label, [(value, text)])]);
        `analysed`: per language, the words' terms already found (see Index)."""
        self.default = default
        self.indexes = {lang: Index(lang, (analysed or {}).get(lang)) for lang in languages}
        self.filters = {
            lang: {"all": all_label, "by": [[name, label, [list(option) for option in options]] for name, label, options in choices]}
            for lang, (all_label, choices) in (filters or {}).items()
        }

    def root(self, lang: str) -> str:
        return "" if lang == self.default else f"{lang}/"

    def interface(self, lang: str, texts: dict) -> dict:
        """What the header's search form prints: the index folder from the site
        root, and the result counts in every plural form (JSON, HTML-escaped)."""
        plural = {form: texts["search_count_" + form] for form in ("zero", "one", "two", "few", "many", "other")}
        return {
            "path": self.root(lang) + "search/",
            "plural": html.escape(json.dumps(plural, ensure_ascii=False, sort_keys=True), quote=True),
        }

    def page(self, lang: str, url: str, title: str, content_html: str, filters: dict | None = None):
        """A page as the index of `lang` keeps it (its words, from its HTML)."""
        root = self.root(lang)
        url = url[len(root) :] if root and url.startswith(root) else url
        return page_from_html(url, title, content_html, filters)

    def add(self, lang: str, url: str, title: str, content_html: str, filters: dict | None = None) -> None:
        self.indexes[lang].add(self.page(lang, url, title, content_html, filters))

    def write(self, site_dir: Path, languages=None) -> dict:
        """Write each language's index (or those of `languages`) under <language root>/search/."""
        return {
            lang: write(index, Path(site_dir) / self.root(lang) / "search", self.filters.get(lang))
            for lang, index in self.indexes.items()
            if languages is None or lang in languages
        }


def searcher(site_dir: Path, lang: str, default: str) -> Searcher:
    root = "" if lang == default else f"{lang}/"
    return Searcher(Path(site_dir) / root / "search", lang)


__all__ = ["Index", "Searcher", "SiteIndex", "page_from_html", "searcher", "write"]
