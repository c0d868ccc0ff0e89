"""The search index of one language, as static files fetched piece by piece.

Layout under <language root>/search/:

* meta.json: {"v", "key", "n": number of pages, "c": first term of each chunk,
  "f": the case filters offered beside the results, with their labels}
* <key>/t/<i>.json: a chunk of terms, sorted: {term: [page, weight, ...]},
  page numbers as gaps from the previous one, weights as integers; a case's
  filter values are terms too ("~theme:a"), which no word can be
* <key>/d/<i>.json: PAGES_PER_FILE pages in a row, each {"u": address from
  the language root, "t": title, "x": text}, fetched for the results shown,
  for their excerpts (a file per page would double the files a build writes)

`key` changes with the content, so a browser never mixes chunks of two
builds. A query reads meta.json, the one or two chunks its words fall in and
the pages it shows: a few kilobytes whatever the size of the site.

`Searcher` answers queries from these files the way overrides/assets/hub/
search-engine.js does in the browser; the tests use it to measure recall.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import text as wordtext

TITLE_WEIGHT, HEADING_WEIGHT, ALTERNATIVE_WEIGHT = 5.0, 2.0, 0.5
K1, B = 1.2, 0.75
CHUNK_BYTES = 12_000
PAGES_PER_FILE = 3
MAX_CHUNKS_PER_PREFIX = 2
MIN_PREFIX = 3

_DROP = re.compile(r"<(script|style|template)\b.*?</\1>|<a class=\"headerlink\"[^>]*>[^<]*</a>", re.S | re.I)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S | re.I)
_BLOCK = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|dl|dt|dd|br|hr|section|article|aside|nav|blockquote|pre|figure|figcaption|details|summary|header|footer|form|label|option|audio|video)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")


def plain(fragment: str) -> str:
    """The visible text of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub("", _BLOCK.sub(" ", fragment))).split())


@dataclass(frozen=True)
class Page:
    url: str  # from the language root, e.g. "good-practices/x/"
    title: str
    headings: str
    text: str
    facets: tuple[str, ...] = ()


def facet(name: str, value: str) -> str:
    return f"~{name}:{value}"


def page_from_html(url: str, title: str, content_html: str, filters: dict | None = None) -> Page:
    """A page of the site; `filters` holds its case's values per filter name."""
    content_html = _DROP.sub(" ", content_html)
    headings = plain(" ".join(m[1] for m in _HEADING.findall(content_html)))
    facets = tuple(facet(name, value) for name, values in (filters or {}).items() for value in values)
    return Page(url, plain(title), headings, plain(content_html), facets)


class Index:
    """Pages of one language, reduced to weighted terms."""

    def __init__(self, lang: str, analysed: dict | None = None):
        """`analysed`: each word's terms as found before (kept by a long-running
        server between builds; a word's terms depend on nothing else)."""
        self.lang = lang
        self.pages: list[Page] = []
        self._analysed: dict[str, list] = {} if analysed is None else analysed

    def add(self, page: Page) -> None:
        self.pages.append(page)

    def _count(self, text: str, weight: float, counts: dict) -> int:
        found = 0
        for pairs, n in wordtext.counted_terms(text, self.lang, self._analysed):
            for stem, alternative in pairs:
                counts[stem] += weight * n
                if alternative is not None:
                    counts[alternative] += weight * n * ALTERNATIVE_WEIGHT
            found += n * len(pairs)
        return found

    def postings(self) -> tuple[list[Page], dict[str, list[tuple[int, int]]]]:
        """Pages in address order, and term -> [(page number, weight)]."""
        pages = sorted(self.pages, key=lambda p: p.url)
        per_page, lengths = [], []
        for page in pages:
            counts: dict[str, float] = defaultdict(float)
            self._count(page.title, TITLE_WEIGHT, counts)
            self._count(page.headings, HEADING_WEIGHT - 1.0, counts)  # headings are in the text too
            lengths.append(self._count(page.text, 1.0, counts) or 1)
            per_page.append(counts)
        n = len(pages)
        average = sum(lengths) / n if n else 1.0
        frequency: Counter = Counter()
        for counts in per_page:
            frequency.update(counts.keys())
        scale = {term: 10 * (K1 + 1) * math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, counts in enumerate(per_page):
            norm = K1 * (1 - B + B * lengths[number] / average)
            for term, tf in counts.items():
                postings[term].append((number, round(scale[term] * tf / (tf + norm)) or 1))
        for number, page in enumerate(pages):
            for term in page.facets:
                postings[term].append((number, 1))
        return pages, postings


def _chunks(postings: dict) -> list[dict]:
    chunks, current, size = [], {}, 0
    for term in sorted(postings):
        flat, last = [], 0
        for number, weight in postings[term]:
            flat += (number - last, weight)
            last = number
        entry_size = len(term) * 2 + 4 * len(flat)
        if current and size + entry_size > CHUNK_BYTES:
            chunks.append(current)
            current, size = {}, 0
        current[term] = flat
        size += entry_size
    if current:
        chunks.append(current)
    return chunks


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# The name of one version of an index's files: the start of their hash.
KEY = re.compile(r"[0-9a-f]{12}")


def write(index: Index, folder: Path, filters=None) -> dict:
    """Write the index files into `folder` (<language root>/search); return sizes.
    `filters` ({"all": label, "by": [[name, label, [[value, text]]]]}) go to meta.json."""
    pages, postings = index.postings()
    chunks = [_dump(chunk) for chunk in _chunks(postings)]
    docs = [
        "[" + ",".join(_dump({"u": p.url, "t": p.title, "x": p.text}) for p in pages[i : i + PAGES_PER_FILE]) + "]"
        for i in range(0, len(pages), PAGES_PER_FILE)
    ]
    digest = hashlib.sha256()
    for part in chunks + docs:
        digest.update(part.encode("utf-8"))
    key = digest.hexdigest()[:12]
    for sub, parts in (("t", chunks), ("d", docs)):
        target = folder / key / sub
        target.mkdir(parents=True, exist_ok=True)
        for number, part in enumerate(parts):
            (target / f"{number}.json").write_bytes(part.encode("utf-8"))
    firsts = [next(iter(json.loads(c))) for c in chunks]
    meta = {"v": 1, "key": key, "n": len(pages), "k": PAGES_PER_FILE, "c": firsts}
    if filters:
        meta["f"] = filters
    (folder / "meta.json").write_text(_dump(meta), encoding="utf-8")
    # A site rebuilt in place (scripts/serve) keeps only the version meta.json names.
    for old in folder.iterdir():
        if old.is_dir() and old.name != key and KEY.fullmatch(old.name):
            shutil.rmtree(old)
    return {"pages": len(pages), "terms": len(postings), "chunks": len(chunks)}


class Searcher:
    """Queries over written index files, as search.js runs them."""

    def __init__(self, folder: Path, lang: str):
        self.folder, self.lang = Path(folder), lang
        self.meta = json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        self._chunks: dict[int, dict] = {}
        self.fetched: list[str] = []

    def _chunk(self, number: int) -> dict:
        if number not in self._chunks:
            path = f"{self.meta['key']}/t/{number}.json"
            self.fetched.append(path)
            self._chunks[number] = json.loads((self.folder / path).read_text(encoding="utf-8"))
        return self._chunks[number]

    def _chunk_of(self, term: str) -> int:
        firsts, low, high = self.meta["c"], 0, len(self.meta["c"])
        while low < high:  # the last chunk whose first term is <= term
            middle = (low + high) // 2
            if firsts[middle] <= term:
                low = middle + 1
            else:
                high = middle
        return max(0, low - 1)

    def _postings(self, term: str) -> dict[int, int]:
        flat = self._chunk(self._chunk_of(term)).get(term, [])
        found, number = {}, 0
        for i in range(0, len(flat), 2):
            number += flat[i]
            found[number] = flat[i + 1]
        return found

    def _with_prefix(self, prefix: str) -> list[str]:
        first = self._chunk_of(prefix)
        found = []
        for number in range(first, min(first + MAX_CHUNKS_PER_PREFIX, len(self.meta["c"]))):
            if number > first and not self.meta["c"][number].startswith(prefix):
                break
            found += [t for t in self._chunk(number) if t.startswith(prefix)]
        return found

    def query_terms(self, query: str) -> list[list[tuple[str, float]]]:
        """Per word of the query: (term, factor) candidates."""
        groups, seen = [], set()
        found = wordtext.words(query, self.lang)
        complete = not query or query[-1].isspace()
        for position, word in enumerate(found):
            if word in seen:
                continue
            seen.add(word)
            stem, alternative = wordtext.stem(word, self.lang)
            # «بتونس» or «بلدية»: of the two readings, the one more pages use.
            reading = alternative if alternative and len(self._postings(alternative)) > len(self._postings(stem)) else stem
            group = [(reading, 1.0)]
            prefix = wordtext.prefix_form(word, self.lang)
            if position == len(found) - 1 and not complete and len(prefix) >= MIN_PREFIX:
                group += [(t, ALTERNATIVE_WEIGHT) for t in self._with_prefix(prefix) if t != stem and t != alternative]
            groups.append(group)
        return groups

    def search(self, query: str, filters: dict | None = None) -> list[int]:
        """Page numbers, best first: those matching the most words of the query
        (and every chosen filter: {name: value})."""
        totals: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for group in self.query_terms(query):
            best: dict[int, float] = {}
            for term, factor in group:
                for number, weight in self._postings(term).items():
                    score = factor * weight
                    if score > best.get(number, 0):
                        best[number] = score
            for number, score in best.items():
                totals[number] += score
                matched[number] += 1
        if not matched:
            return []
        top = max(matched.values())
        found = sorted((n for n in matched if matched[n] == top), key=lambda n: (-totals[n], n))
        for name, value in sorted((filters or {}).items()):
            allowed = self._postings(facet(name, value))
            found = [n for n in found if n in allowed]
        return found

    def page(self, number: int) -> dict:
        per_file = self.meta["k"]
        path = self.folder / self.meta["key"] / "d" / f"{number // per_file}.json"
        return json.loads(path.read_text(encoding="utf-8"))[number % per_file]

    def urls(self, query: str, limit: int = 10) -> list[str]:
        return [self.page(n)["u"] for n in self.search(query)[:limit]]
