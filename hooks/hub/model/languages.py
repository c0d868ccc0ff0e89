"""The site's languages and the facts of each: the one place that says which
languages there are, which is the default (served at /), which way each is
written and how it separates the items of a list. Templates read these
through the globals of hub.render (`languages`, `direction`)."""

DEFAULT = "en"
LANGUAGES = ("en", "ar")
DIRECTION = {"en": "ltr", "ar": "rtl"}
NAMES = {"en": "English", "ar": "العربية"}
# Arabic separates list items with the Arabic comma.
LIST_SEPARATOR = {"en": ", ", "ar": "، "}
# Items that hold commas of their own (a theme's name) are set apart by semicolons.
ITEM_SEPARATOR = {"en": "; ", "ar": "؛ "}


def other(lang: str) -> str:
    """The other site language (the site has exactly two)."""
    return next(code for code in LANGUAGES if code != lang)


def list_separator(lang: str) -> str:
    return LIST_SEPARATOR.get(lang, ", ")


def joined(items, lang: str, separator: dict = LIST_SEPARATOR) -> str:
    """The items as one text in the language's way of listing them."""
    return separator.get(lang, separator[DEFAULT]).join(str(item) for item in items)
