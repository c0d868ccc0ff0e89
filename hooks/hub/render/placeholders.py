"""Generated parts of hand-written pages: each `<!-- hub:NAME -->` line of a
page under docs/ is replaced by what the function of that name returns.

The table below is the whole list (nothing is registered on import). Every
function takes the language's `Context` and the page's address (for
relative links) and returns Markdown.
"""

from __future__ import annotations

import re

from hub.contrib import guide
from hub.render import assessment_page, pages
from hub.render.context import Context
from hub.support import country_card_schema, events

PLACEHOLDER = re.compile(r"^<!-- hub:(?P<name>[a-z-]+) -->$", re.M)


def _events(ctx: Context, page_url: str) -> str:
    """The working group's events, upcoming and past (the working-group page)."""
    return events.listing_html(ctx.events, ctx.lang, ctx.t, page_url, events.build_day())


def _country_card_fields(ctx: Context, page_url: str) -> str:
    """The guide's table of a country card's fields, each block's own fields in view."""
    return guide.fields_table(country_card_schema.guide_schema(), ctx)


PLACEHOLDERS = {
    "themes": pages.themes_list,
    "events": _events,
    "home-numbers": pages.home_numbers,
    "home-newest": pages.home_newest,
    "country-card-fields": _country_card_fields,
    **guide.PLACEHOLDERS,
    **assessment_page.PLACEHOLDERS,
}


def fill(markdown: str, ctx: Context, page_url: str) -> str:
    """Replace each `<!-- hub:NAME -->` line of a hand-written page with generated content."""

    def replace(match):
        if match["name"] not in PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {match.group(0)}; known: {', '.join(sorted(PLACEHOLDERS))}")
        return PLACEHOLDERS[match["name"]](ctx, page_url)

    return PLACEHOLDER.sub(replace, markdown)
