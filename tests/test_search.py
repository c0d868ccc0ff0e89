"""Site search: the word rules, the index files, and recall at 10 on the
evaluation set (tests/search_eval.py), per category, in each language."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

import search_eval
from helpers import real_report
from hub.model.languages import DEFAULT, LANGUAGES
from hub.search import evaluation, searcher, text

ARABIC = re.compile("[\u0621-\u064a]")
MINIMUM_QUERIES = {"ar": 60, "en": 20}
RECALL = 0.9


def stems(word: str, lang: str) -> set[str]:
    return {s for pair in text.terms(word, lang) for s in pair if s}


@pytest.mark.parametrize(
    "typed, written",
    [
        ("مُرَشَّحَة", "مرشحة"),
        ("مرشـــحة", "مرشحة"),
        ("أمل", "امل"),
        ("إدارة", "ادارة"),
        ("آلية", "الية"),
        ("مستوى", "مستوي"),
        ("بلدية", "بلديه"),
        ("مسؤول", "مسئول"),
        ("٢٠١٨", "2018"),
    ],
)
def test_spellings_of_one_word_are_one_term(typed, written):
    assert text.terms(typed, "ar") == text.terms(written, "ar")


@pytest.mark.parametrize(
    "typed, written",
    [
        ("وتونس", "تونس"),
        ("تونس", "بتونس"),
        ("فالمرشحات", "مرشحة"),
        ("مرشحة", "المرشحات"),
        ("مرشحون", "المرشحين"),
        ("للنساء", "النساء"),
        ("كمرشحة", "مرشحة"),
        ("مشاركتها", "مشاركة"),
        ("بلدية", "والبلديات"),
    ],
)
def test_arabic_word_forms_meet(typed, written):
    assert stems(typed, "ar") & stems(written, "ar")


@pytest.mark.parametrize(
    "typed, written",
    [("councils", "council"), ("elected", "electing"), ("policies", "policy"), ("planned", "planning"), ("Régions", "region")],
)
def test_english_word_forms_meet(typed, written):
    assert stems(typed, "en") & stems(written, "en")


def test_a_letter_that_may_be_a_prefix_is_kept_in_the_main_stem():
    # «بلدية» is not «ب» + «لدية», «فرنسا» not «ف» + «رنسا»: the stripped form
    # is only an alternative, weighed less.
    assert text.terms("بلدية", "ar")[0][0] == "بلدي"
    assert text.terms("فرنسا", "ar")[0][0] == "فرنسا"


def test_stop_words_and_single_letters_are_not_terms():
    assert text.terms("في و على هذه", "ar") == []
    assert text.terms("the rights of a woman", "en") == [("right", None), ("woman", None)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_indexing_shortcut_finds_the_terms_the_query_side_finds(site, lang):
    # The index analyses each distinct space-separated word once; it must
    # give the same terms, as often, as reading the whole text does.
    index = searcher(site, lang, DEFAULT)
    texts = [index.page(n)["x"] for n in range(index.meta["n"])]
    texts.append("مُرَشَّحَة، و(تونس)… «البلديات» Régions ½ e\u0301te\u0301 ΣΑΣ co\u00adop مسؤول\u200cة 2018–٢٠١٩")
    for written in texts:
        found = Counter()
        for pairs, count in text.counted_terms(written, lang, {}):
            for pair in pairs:
                found[pair] += count
        assert found == Counter(text.terms(written, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_in_its_own_script(site, lang):
    index = searcher(site, lang, DEFAULT)
    root = site if lang == DEFAULT else site / lang
    assert not (root / "search" / "search_index.json").exists(), "Material's index is gone"
    meta = json.loads((root / "search" / "meta.json").read_text(encoding="utf-8"))
    assert meta["n"] > 10 and meta["c"] == sorted(meta["c"])
    pages = [index.page(n) for n in range(meta["n"])]
    titles = " ".join(p["t"] for p in pages)
    assert bool(ARABIC.search(titles)) == (lang == "ar")
    # Stored as UTF-8 text, relative to the language root, never the other language.
    raw = (root / "search" / meta["key"] / "d" / "0.json").read_text(encoding="utf-8")
    assert "\\u06" not in raw
    assert not any(p["u"].startswith(tuple(f"{code}/" for code in LANGUAGES)) for p in pages)
    # Pages that only list cases stay out.
    assert "good-practices/" not in {p["u"] for p in pages}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_query_reads_a_few_small_files(site, lang):
    index = searcher(site, lang, DEFAULT)
    index.search("مرشحة" if lang == "ar" else "candidate")
    assert 1 <= len(index.fetched) <= 2
    root = site if lang == DEFAULT else site / lang
    assert all((root / "search" / path).stat().st_size < 64_000 for path in index.fetched)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_at_10_on_the_evaluation_set(site, lang, capsys):
    index = searcher(site, lang, DEFAULT)
    pages = {}
    for number in range(index.meta["n"]):
        page = index.page(number)
        pages[page["u"]] = page["t"] + " " + page["x"]
    queries = search_eval.QUERIES[lang](pages)
    assert len(queries) >= MINIMUM_QUERIES[lang]
    report = evaluation.evaluate(queries, pages, index.urls, lang)
    with capsys.disabled():
        print("\n" + report.table())
    assert report.overall >= RECALL, report.table() + "\n" + "\n".join(report.misses)


@pytest.mark.parametrize("lang, query", [("en", "council"), ("ar", "بلدية")])
def test_a_filter_keeps_the_cases_that_have_its_value(site, lang, query):
    from hub.render import pages

    cases = real_report().cases
    values = {f"good-practices/{case_id}/": pages.filter_values(pages.pick(versions, lang).meta) for case_id, versions in cases.items()}
    index = searcher(site, lang, DEFAULT)
    names = [name for name, _, _ in index.meta["f"]["by"]]
    assert names == ["theme", "type", "country", "phase"]
    everything = [index.page(n)["u"] for n in index.search(query)]
    for name, _, options in index.meta["f"]["by"]:
        for value, _ in options:
            kept = [index.page(n)["u"] for n in index.search(query, {name: value})]
            assert kept == [u for u in everything if value in values.get(u, {}).get(name, [])]


def test_recall_counts_only_the_first_ten_results():
    wanted = {f"p{i}/" for i in range(12)}
    assert evaluation.recall_at([f"p{i}/" for i in range(12)], wanted) == 1.0
    assert evaluation.recall_at(["x/"] + [f"p{i}/" for i in range(12)], wanted) == 0.9
    assert evaluation.recall_at(["p0/"], {"p0/", "p1/"}) == 0.5


def test_relevance_allows_prefixes_and_the_article_only():
    query = evaluation.Query("test", "تونس", ("تونس",))
    words = {
        "a/": evaluation.page_words("في وتونس", "ar"),
        "b/": evaluation.page_words("للتونسيين", "ar"),
        "c/": evaluation.page_words("بالتونس", "ar"),
    }
    assert evaluation.relevant(query, words, "ar") == {"a/", "c/"}
