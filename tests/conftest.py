"""Fixtures: the real site built once, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from helpers import CHROMIUM, CHROMIUM_ARGS, REPO, Server, build, close_context

# Fixtures that build the real site (or a full copy of it), build one site in
# two ways to compare them, or start Chromium. A test that uses one is marked
# `slow`; `scripts/test --fast` runs the others: the core's unit tests and the
# tiny fixture sites.
SLOW_FIXTURES = {"_served", "browser", "hub", "hostile_site", "external_site", "both_ways"}


# Property tests try 1,000 generated inputs; `--fast` tries fewer.
settings.register_profile("full", max_examples=1000)
settings.register_profile("fast", max_examples=50)
settings.load_profile(os.environ.get("HUB_TEST_PROFILE", "full"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the fixture site's generated pages")


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def _served(tmp_path_factory, request):
    """The project's own site, built strictly with the address it is served at,
    as a deployment would be (canonical links, sitemap and feeds use it); and,
    when the Lighthouse tests are to run, their audits, started at once in the
    background (about a minute on the machine's other core)."""
    out = tmp_path_factory.mktemp("site")
    with Server(out) as running:
        result = build(REPO, out, env={"SITE_URL": running.url})
        assert result.returncode == 0, result.stdout + result.stderr
        early = None
        if any(item.nodeid.startswith("tests/test_lighthouse.py") for item in request.session.items):
            import lighthouse
            import test_lighthouse

            early = lighthouse.Batch(test_lighthouse.urls(running))
        yield out, running, early
        if early is not None and early.process.poll() is None:
            early.process.kill()  # a run stopped before the Lighthouse tests
            early.process.wait()


@pytest.fixture(scope="session")
def site(_served):
    return _served[0]


@pytest.fixture(scope="session")
def server(_served):
    return _served[1]


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
    tab.failures = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("response", lambda response: tab.failures.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    yield tab
    close_context(context)
