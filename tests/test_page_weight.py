"""First views stay within 100 KB transferred (gzip, as a static host serves them),
and none fetches the search index before the reader starts a search."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from helpers import close_context, real_report

REPORT = real_report()
PAGES = ["", "good-practices/", f"good-practices/{sorted(REPORT.cases)[0]}/", f"media/{sorted(REPORT.episodes)[0]}/", "assessment/"]
BUDGET = 100 * 1024


@pytest.mark.parametrize("lang", ["", "ar/"])
@pytest.mark.parametrize("path", PAGES)
def test_first_view_is_within_budget(browser, server, lang, path):
    context = browser.new_context()
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(server.url + lang + path, wait_until="networkidle")
    transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
    urls = [r.url for r in finished]
    close_context(context)
    assert not any("/search/" in urlsplit(u).path for u in urls), "the search index waits for the reader"
    assert any(r.endswith(".css") for r in urls), "the measure saw the page's resources"
    assert transferred <= BUDGET, f"{transferred} bytes: {urls}"
