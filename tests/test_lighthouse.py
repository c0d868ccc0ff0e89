"""Lighthouse, mobile preset: accessibility, best practices and SEO at 100 on the key pages."""

from __future__ import annotations

import pytest

import lighthouse
from helpers import real_report

CASE = sorted(real_report().cases)[0]
EPISODE = sorted(real_report().episodes)[0]
# The first views the budgets name: home, library, a case, an episode, the assessment.
PAGES = ["", "good-practices/", f"good-practices/{CASE}/", f"media/{EPISODE}/", "assessment/"]


LANGS = ["", "ar/"]


def urls(server) -> list[str]:
    """Every key page in both languages."""
    return [server.url + lang + path for path in PAGES for lang in LANGS]


@pytest.fixture(scope="module")
def results(_served):
    """The audits, all in one run: started in the background as soon as the
    site was served (tests/conftest.py), or now."""
    _, server, early = _served
    return (early or lighthouse.Batch(urls(server))).scores()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_are_perfect(results, server, lang, path):
    result = results[server.url + lang + path]
    assert "error" not in result, result
    assert (result["accessibility"], result["best-practices"], result["seo"]) == (100, 100, 100), result
