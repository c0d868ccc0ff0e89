"""The site's URL scheme for generated pages, in one place.

Paths are relative to a language's root (`/` for English, `/ar/` for Arabic)
and end with a slash, as MkDocs writes them with `use_directory_urls`.
"""

from __future__ import annotations

THEMES = "themes/"
LIBRARY = "good-practices/"
COUNTRIES = "countries/"
MEDIA = "media/"
ASSESSMENT = "assessment/"  # a hand-written page (docs/<lang>/assessment.md)
ASSESSMENT_QUESTIONS = "assessment-questions/"
ASSESSMENT_DETAILS_FILE = "details.json"  # beside the assessment page, fetched by its script
NETWORKS = "networks/"
EVENTS = "events/"
SOLUTIONS = "solutions/"  # the solutions register: challenges and their solutions
FEED = "podcast/feed.xml"  # one per language root, like the pages
MEDIA_FILES = "podcasts/"  # shipped media, once at the site root for both languages


def language_root(lang: str) -> str:
    """The folder of a language's pages in the built site: "" for the default, "ar/" for Arabic."""
    from hub.model.languages import DEFAULT

    return "" if lang == DEFAULT else f"{lang}/"


def episode(episode_id: str) -> str:
    return f"{MEDIA}{episode_id}/"


def theme(slug: str) -> str:
    """A theme's page, by its readable slug (themes.Theme.slug)."""
    return f"{THEMES}{slug}/"


def theme_redirect(theme_id: str) -> str:
    """The first address of a theme page (themes/a/), kept as a redirect to the readable one."""
    return f"{THEMES}{theme_id.lower()}/"


def case(case_id: str) -> str:
    return f"{LIBRARY}{case_id}/"


def country(code: str) -> str:
    return f"{COUNTRIES}{code.lower()}/"


def networks_filter(kind: str, value: str) -> str:
    """The directory filtered by one value: place (country code or region), support or language."""
    return f"{NETWORKS}{kind}/{value.lower()}/"


def event(event_id: str) -> str:
    return f"{EVENTS}{event_id}/"


def event_calendar(event_id: str) -> str:
    return f"{EVENTS}{event_id}.ics"


def solution(challenge_id: str) -> str:
    return f"{SOLUTIONS}{challenge_id}/"


def source_of(url: str) -> str:
    """The Markdown source path MkDocs needs for a page URL."""
    return url + "index.md" if url in (THEMES, LIBRARY, COUNTRIES, MEDIA, NETWORKS, EVENTS, SOLUTIONS) else url.rstrip("/") + ".md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another, relative so the site works from any sub-path."""
    here = [part for part in from_url.split("/") if part]
    there = [part for part in to_url.split("/") if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) + "/" if parts else "./"
