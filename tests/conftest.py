"""Fixtures: the real site built once, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, REPO, Server, build


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The project's own site, built strictly into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = build(REPO, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def server(site):
    with Server(site) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()
