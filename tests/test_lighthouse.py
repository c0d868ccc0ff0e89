"""Lighthouse, mobile preset: accessibility, best practices and SEO at 100 on the key pages."""

from __future__ import annotations

import pytest

import lighthouse
from helpers import real_report

CASE = sorted(real_report().cases)[0]
EPISODE = sorted(real_report().episodes)[0]
# The first views the budgets name: home, library, a case, an episode, the assessment.
PAGES = ["", "good-practices/", f"good-practices/{CASE}/", f"media/{EPISODE}/", "assessment/"]


@pytest.mark.parametrize("lang", ["", "ar/"])
@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_are_perfect(server, lang, path):
    result = lighthouse.scores(server.url + lang + path)
    assert (result["accessibility"], result["best-practices"], result["seo"]) == (100, 100, 100), result
