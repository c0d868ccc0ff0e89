"""HTML from small Jinja templates (templates/*.html.j2) fed by plain dicts.

Autoescape is on: every value is text unless a view model marks it with
`Markup` (HTML that the core has already built and escaped).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from hub.model import languages

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    # The languages' facts come from one module (hub.model.languages).
    env.globals.update(direction=languages.DIRECTION, languages=languages.LANGUAGES, default_language=languages.DEFAULT)
    return env


def html(template: str, **view) -> str:
    """`templates/<template>.html.j2` rendered with the view model `view`."""
    return _environment().get_template(f"{template}.html.j2").render(**view).strip()


def markup(template: str, **view) -> Markup:
    """The same, marked as HTML for a view model that another template prints."""
    return Markup(html(template, **view))


def environment() -> jinja2.Environment:
    """The templates' environment (other template files, e.g. the podcast feed, use its loader too)."""
    return _environment()
