"""Lighthouse, mobile preset: accessibility, best practices and SEO at 100 on the key pages."""

from __future__ import annotations

import pytest

import lighthouse
from hub import project

CASE = sorted(project.check().cases)[0]
PAGES = ["", "good-practices/", f"good-practices/{CASE}/", "assessment/", "media/"]


@pytest.mark.parametrize("lang", ["", "ar/"])
@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_are_perfect(server, lang, path):
    result = lighthouse.scores(server.url + lang + path)
    assert (result["accessibility"], result["best-practices"], result["seo"]) == (100, 100, 100), result
