"""Generated HTML that goes into a page after Markdown has run.

Markdown sees only a comment standing for each piece (`<!--hub-raw-3-->`):
parsing large generated HTML through Markdown was most of the cost of a build
with many cases. Pieces that search need not index (card lists that repeat
the cases, a case's facts panel, the assessment's application) are "late":
they go in after the search index has read the page, which spares it parsing
that markup too.

One `Splices` belongs to one build (hub.render.site.Site); nothing is kept
between builds.
"""

from __future__ import annotations

import re

from markupsafe import Markup

MARKER = re.compile(r"<!--(hub-(?:raw|late)-\d+)-->")
LATE_MARKER = re.compile(r"<!--(hub-late-\d+)-->")


class Splices:
    """The pieces of generated HTML of one build, by marker."""

    def __init__(self) -> None:
        self._pieces: dict[str, str] = {}

    def add(self, html_text: str, searchable: bool = True) -> str:
        """The marker (as a Markdown block) that stands for `html_text` until it is spliced back."""
        key = f"hub-{'raw' if searchable else 'late'}-{len(self._pieces)}"
        self._pieces[key] = html_text
        return f"\n\n<!--{key}-->\n\n"

    def late(self, caller) -> Markup:
        """For templates: `{% call late() %}…{% endcall %}` keeps the block out of search."""
        return Markup(self.add(str(caller()), searchable=False).strip())

    def fill(self, page_html: str, late: bool = False) -> str:
        """Put the pieces back in place of their markers: searchable ones into
        the page content, the rest (`late`) into the finished page."""
        if late:
            return LATE_MARKER.sub(lambda match: self._pieces.get(match[1], match[0]), page_html)
        return MARKER.sub(lambda match: self._pieces[match[1]] if match[1].startswith("hub-raw-") else match[0], page_html)

    def __len__(self) -> int:
        return len(self._pieces)
