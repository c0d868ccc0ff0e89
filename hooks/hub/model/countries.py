"""Country codes (ISO 3166-1 alpha-2), language codes (ISO 639-1) and their names.

The names, in the site's languages, come from the Unicode CLDR data that Babel ships (already installed
with MkDocs), so no country list is typed by hand here.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

# CLDR also names regions and reserved codes that are not ISO 3166-1 countries.
NOT_ISO_3166_1 = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}


@cache
def names(lang: str) -> dict[str, str]:
    territories = Locale(lang).territories
    return {code: territories[code] for code in sorted(territories) if len(code) == 2 and code.isalpha() and code not in NOT_ISO_3166_1}


@cache
def language_names(lang: str) -> dict[str, str]:
    """ISO 639-1 language codes (two letters; CLDR also has longer ISO 639-2/3 ones) -> name."""
    languages = Locale(lang).languages
    return {code: languages[code] for code in sorted(languages) if len(code) == 2 and code.isalpha()}


def name(code: str, lang: str) -> str:
    return names(lang).get(code, code)
