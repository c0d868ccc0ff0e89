"""Words as search compares them: the same rules for the index and the query.

`terms(text, lang)` turns text into index terms. Each word is normalised
(`normalise`), dropped when it is a stop word, then reduced to a *stem*; a
word that starts with a letter that may be a one-letter prefix (و ف ب ل ك)
also gets an *alternative* stem without it, weighed less, because that letter
belongs to the word as often as not («وتونس» is «و» + «تونس», «بلدية» is not
«ب» + «لدية»).

overrides/assets/hub/search.js carries the same rules for the query; the
tests compare the two on every word of the site, so change both together.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Arabic: short vowels and other marks, the dagger alef, Quranic signs; the
# tatweel (ـ) stretches words; format characters (ZWNJ, bidi marks) are invisible.
_DROPPED = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",  # alef with hamza or madda: bare alef
        "ؤ": "ء",
        "ئ": "ء",  # hamza on a carrier: the hamza (مسؤول = مسئول)
        "ى": "ي",  # alef maqsura written for final ya, and the reverse
        "ة": "ه",  # ta marbuta written as ha
        "ک": "ك",
        "ی": "ي",
        "ے": "ي",  # Persian/Urdu keyboard letters
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_WORD = re.compile(r"[^\W_]+")
_ARABIC_START = re.compile("[\u0621-\u064a]")

STOP = {
    "en": frozenset("a an and are as at be by for from in into is it its of on or that the this to was were with".split()),
    "ar": frozenset("في من علي الي عن ان او و ما لا لم لن قد ثم مع هذا هذه ذلك تلك التي الذي الذين كان كانت هو هي".split()),
}

# Arabic affixes, longest first. The article with what may precede it:
_ARTICLE = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_PROCLITIC = "وفبلك"
_PRONOUN = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا")
_NUMBER = ("ات", "ون", "ين", "ه")


def normalise(text: str, lang: str) -> str:
    """Lower case, no accents or Arabic marks, one spelling per letter."""
    text = _DROPPED.sub("", text).translate(_FOLD).lower()
    if not text.isascii():  # accents, ligatures, presentation forms
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")
    return text


def words(text: str, lang: str) -> list[str]:
    """The normalised words of `text`, stop words and single letters left out."""
    stop = STOP.get(lang, frozenset())
    return [w for w in _WORD.findall(normalise(text, lang)) if len(w) > 1 and w not in stop]


def _strip_article(word: str) -> str:
    for article in _ARTICLE:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def _strip_suffixes(word: str) -> str:
    for pronoun in _PRONOUN:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= 3:
            word = word[: -len(pronoun)]
            if word.endswith("ت") and not word.endswith("ات"):
                word = word[:-1] + "ه"  # مشاركتها: مشاركة + ها
            break
    for suffix in _NUMBER:
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if len(suffix) == 1 else 3):
            return word[: -len(suffix)]
    return word


def _stem_ar(word: str) -> tuple[str, str | None]:
    bare = _strip_article(word)
    stem = _strip_suffixes(bare)
    if bare != word or word[0] not in _PROCLITIC or len(word) < 4:
        return stem, None
    alternative = _strip_suffixes(word[1:])
    return stem, (alternative if alternative != stem else None)


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
        return word[:-1]
    return word


def _stem_en(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing") and re.search("[aeiouy]", word[:-3]):
        word = _undouble(word[:-3])
    elif len(word) > 4 and word.endswith("ed") and re.search("[aeiouy]", word[:-2]):
        word = _undouble(word[:-2])
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def stem(word: str, lang: str) -> tuple[str, str | None]:
    """A normalised word's stem, and its alternative stem (or None). Arabic
    words are Arabic and Latin ones English whatever the page's language."""
    if word.isascii() and word.isdigit():
        return word, None
    if _ARABIC_START.match(word):
        return _stem_ar(word)
    return _stem_en(word), None


def prefix_form(word: str, lang: str) -> str:
    """A word still being typed, as the start of the stems it may become."""
    return _strip_article(word) if _ARABIC_START.match(word) else word


def terms(text: str, lang: str) -> list[tuple[str, str | None]]:
    """(stem, alternative) for each word of `text`."""
    return [stem(w, lang) for w in words(text, lang)]


def counted_terms(text: str, lang: str, cache: dict):
    """The terms of `text` as `terms` gives them, with how often each
    written word (anything between spaces) occurs: each distinct one is
    analysed once (`cache` keeps them across texts), which makes indexing a
    large site fast. Normalising never adds nor removes a space, so this
    splits the text as `terms` does."""
    for written, count in Counter(text.split()).items():
        found = cache.get(written)
        if found is None:
            found = cache[written] = terms(written, lang)
        yield found, count
