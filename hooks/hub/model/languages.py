"""The site's languages: English first (the default, served at /), then Arabic."""

DEFAULT = "en"
LANGUAGES = ("en", "ar")
DIRECTION = {"en": "ltr", "ar": "rtl"}
NAMES = {"en": "English", "ar": "العربية"}


def other(lang: str) -> str:
    """The other site language (the site has exactly two)."""
    return next(code for code in LANGUAGES if code != lang)
