"""The search evaluation set: word forms people type, and the pages they must find.

Queries are made from the site's own text when the test runs, so they keep
working as cases are added: the most common words of the pages are taken,
then given a prefix, an article, marks, a tatweel, another alef, ى or ة
spelling. Word families (singular and plural, verb forms) are listed here;
the pages that must be found are those whose text holds a form of the
family (see hub.search.evaluation).
"""

from __future__ import annotations

import re
from collections import Counter

from hub.search.evaluation import Query, page_words

STOP_AR = {
    "على",
    "إلى",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كانت",
    "لكن",
    "حتى",
    "منذ",
    "بين",
    "خلال",
    "عند",
    "حول",
    "أيضا",
    "لدى",
    "سوى",
    "مثل",
    "كما",
    "حيث",
    "غير",
    "أخرى",
    "أكثر",
}
ARTICLES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
NON_JOINING = set("ادذرزوةىأإآؤء")

FEMININE_PLURALS = [
    ("بلدية", "بلديات"),
    ("مرشحة", "مرشحات"),
    ("مستشارة", "مستشارات"),
    ("مترشحة", "مترشحات"),
    ("قائمة", "قائمات"),
    ("حالة", "حالات"),
    ("منظمة", "منظمات"),
    ("ميزانية", "ميزانيات"),
    ("سياسة", "سياسات"),
    ("ممارسة", "ممارسات"),
    ("حملة", "حملات"),
    ("معلومة", "معلومات"),
]
# Singular, sound plural typed (often absent from the pages), then the other
# forms: a reader asking for «مرشحون» wants the pages on candidates, women too.
MASCULINE_PLURALS = [
    ("مرشح", "مرشحون", "مرشحين", "مرشحة", "مرشحات"),
    ("مترشح", "مترشحون", "مترشحين", "مترشحة", "مترشحات"),
    ("مسؤول", "مسؤولون", "مسؤولين", "مسؤولة", "مسؤولات"),
    ("ناخب", "ناخبون", "ناخبين", "ناخبة", "ناخبات"),
    ("مستشار", "مستشارون", "مستشارين", "مستشارة", "مستشارات"),
    ("منتخب", "منتخبون", "منتخبين", "منتخبة", "منتخبات"),
    ("بلدي", "بلديون", "بلديين", "بلدية", "بلديات"),
]
ENGLISH_PLURALS = [
    ("council", "councils"),
    ("candidate", "candidates"),
    ("quota", "quotas"),
    ("election", "elections"),
    ("municipality", "municipalities"),
    ("policy", "policies"),
    ("party", "parties"),
    ("seat", "seats"),
    ("list", "lists"),
    ("city", "cities"),
    ("source", "sources"),
    ("budget", "budgets"),
]
ENGLISH_VERBS = [
    ("elect", "elected", "electing", "elects"),
    ("train", "trained", "training", "trains"),
    ("vote", "voted", "voting", "votes"),
    ("fund", "funded", "funding", "funds"),
    ("plan", "planned", "planning", "plans"),
    ("require", "required", "requiring", "requires"),
    ("reserve", "reserved", "reserving", "reserves"),
    ("introduce", "introduced", "introducing", "introduces"),
    ("adopt", "adopted", "adopting", "adopts"),
    ("support", "supported", "supporting", "supports"),
]


def _bare(word: str) -> str:
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


def _common(pages: dict[str, str], keep, n: int) -> list[str]:
    """The n words most pages hold (without article) that `keep` accepts."""
    counts = Counter()
    for text in pages.values():
        counts.update({_bare(w) for w in page_words(text, "ar") if re.fullmatch("[\u0621-\u064a]+", w)})
    ranked = sorted((w for w in counts if counts[w] >= 2 and w not in STOP_AR and keep(w)), key=lambda w: (-counts[w], w))
    return ranked[:n]


def arabic(pages: dict[str, str]) -> list[Query]:
    queries = []
    plain = _common(pages, lambda w: len(w) >= 4 and w[0] not in "وفبلكاأإآ", 15)
    for i, letter in enumerate("وفبلك"):
        queries += [Query("prefix و ف ب ل ك", letter + w, (w,)) for w in plain[3 * i : 3 * i + 3]]
    words = {w for text in pages.values() for w in page_words(text, "ar")}
    with_article = _common(pages, lambda w: len(w) >= 4 and "ال" + w in words and w[0] != "ل", 16)
    for i, article in enumerate(("وال", "فال", "بال", "كال", "لل")):
        queries += [Query("prefix + article", article + w, (w,)) for w in with_article[2 * i : 2 * i + 2]]
    queries += [Query("article left out", w, (w,)) for w in with_article[10:16]]
    for forms in FEMININE_PLURALS:
        queries += [Query("ـة ↔ ـات", form, forms) for form in forms]
    for forms in MASCULINE_PLURALS:
        queries += [Query("ـون/ـين", form, forms) for form in forms[:2]]
    for w in _common(pages, lambda w: len(w) >= 4, 6):
        queries.append(Query("diacritics typed", w[0] + "\u064e" + w[1] + "\u0651\u064e" + w[2] + "\u0652" + w[3:], (w,)))
    for w in _common(pages, lambda w: len(w) >= 5 and w[1] not in NON_JOINING and w[2] not in NON_JOINING, 4):
        queries.append(Query("tatweel", w[:2] + "ـــ" + w[2:], (w,)))
    for w in _common(pages, lambda w: w[0] in "أإآ" and len(w) >= 4, 6):
        queries.append(Query("hamza and alef", "ا" + w[1:], (w,)))
    for w in _common(pages, lambda w: w[0] == "ا" and len(w) >= 5, 2):
        queries.append(Query("hamza and alef", "إ" + w[1:], (w,)))
    for w in _common(pages, lambda w: w.endswith("ى") and len(w) >= 4, 3):
        queries.append(Query("ى / ي", w[:-1] + "ي", (w,)))
    for w in _common(pages, lambda w: w.endswith("ي") and len(w) >= 4, 2):
        queries.append(Query("ى / ي", w[:-1] + "ى", (w,)))
    for w in _common(pages, lambda w: w.endswith("ة") and len(w) >= 4, 6):
        queries.append(Query("final ة / ه", w[:-1] + "ه", (w,)))
    return queries


def english(pages: dict[str, str]) -> list[Query]:
    queries = []
    for forms in ENGLISH_PLURALS:
        queries += [Query("plurals", form, forms) for form in forms]
    for forms in ENGLISH_VERBS:
        queries += [Query("verb forms", form, forms) for form in forms[:2]]
        queries.append(Query("verb forms", forms[2], forms))
    return queries


QUERIES = {"ar": arabic, "en": english}
