"""Media pages in real Chromium: playing, seeking, captions, filters, privacy, accessibility."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import axe
from helpers import CHROMIUM, CHROMIUM_ARGS, Server, build, close_context, real_report
from media_fixtures import ranged_server, site_project
from test_browser import assert_only_local

EPISODES = real_report().episodes
LANGS = ["", "ar/"]


@pytest.fixture(scope="module")
def autoplay_browser(browser):
    """A second Chromium that lets a script start playback, as a reader's click would."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + ["--autoplay-policy=no-user-gesture-required"])
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def media_server(site):
    """The built site served with byte ranges, so that the players can seek."""
    with ranged_server(site) as url:
        yield url


@pytest.fixture
def tab(autoplay_browser):
    context = autoplay_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    close_context(context)


def media_requests(page) -> list[str]:
    return [u for u in page.requests if urlsplit(u).path.startswith("/podcasts/media/") and not u.endswith(".vtt")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_audio_player_plays_the_shipped_file(tab, media_server, lang):
    tab.goto(media_server + lang + "media/hub-trailer/")
    tab.wait_for_load_state("networkidle")
    assert media_requests(tab) == [], "preload=none: nothing is downloaded before play"
    tab.evaluate("() => document.querySelector('.hub-player audio').play()")
    tab.wait_for_function("() => document.querySelector('.hub-player audio').currentTime > 0.5", timeout=15_000)
    duration = tab.evaluate("() => document.querySelector('.hub-player audio').duration")
    episode = EPISODES["hub-trailer"]["ar" if lang else "en"]
    assert abs(duration - episode.duration) < 1, "the browser measures the duration the feed states"
    assert media_requests(tab) and all(u.endswith(episode.file) for u in media_requests(tab))
    assert_only_local(tab.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_a_timestamp_link_seeks_and_plays(tab, media_server, lang):
    tab.goto(media_server + lang + "media/hub-trailer/")
    link = tab.locator("a.hub-time").nth(2)
    seconds = int(link.get_attribute("data-seek"))
    assert seconds > 5
    link.click()
    tab.wait_for_function(
        "s => { const a = document.querySelector('.hub-player audio'); return !a.paused && a.currentTime >= s && a.currentTime < s + 5; }",
        arg=seconds,
        timeout=15_000,
    )
    assert urlsplit(tab.url).fragment == f"t={seconds}"
    tab.wait_for_selector("p.hub-now a.hub-time[data-seek='%d']" % seconds)


def test_a_shared_moment_positions_the_player_without_downloading(tab, media_server):
    tab.goto(media_server + "media/hub-trailer/#t=20")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("() => document.querySelector('.hub-player audio').currentTime") == 20
    assert media_requests(tab) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_video_lists_captions_in_both_languages_and_plays(tab, media_server, lang):
    tab.goto(media_server + lang + "media/library-walkthrough/")
    tracks = tab.evaluate("() => Array.from(document.querySelector('video').textTracks).map(t => [t.kind, t.language, t.mode])")
    page_lang = "ar" if lang else "en"
    assert sorted(t[:2] for t in tracks) == [["captions", "ar"], ["captions", "en"]]
    assert [t[1] for t in tracks if t[2] == "showing"] == [page_lang]
    tab.wait_for_function(
        "() => { const t = Array.from(document.querySelector('video').textTracks).find(t => t.mode === 'showing'); return t.cues && t.cues.length > 5; }"
    )
    tab.evaluate("() => document.querySelector('video').play()")
    tab.wait_for_function("() => document.querySelector('video').currentTime > 0.5", timeout=15_000)
    assert tab.evaluate("() => document.querySelector('video').videoWidth") == 1280
    assert_only_local(tab.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_the_media_index_filters_by_kind_and_theme(page, server, lang):
    page.goto(server.url + lang + "media/")
    page.select_option("#filter-kind", "video")
    visible = page.eval_on_selector_all("ul.hub-episodes > li:not([hidden])", "els => els.map(e => e.dataset.kind)")
    assert visible == ["video"]
    assert "kind=video" in page.url
    page.select_option("#filter-theme", "C")
    assert page.locator("ul.hub-episodes > li:not([hidden])").count() == 1
    page.locator("#hub-media-filters button[type=reset]").click()
    page.wait_for_function("() => document.querySelectorAll('ul.hub-episodes > li[hidden]').length === 0")


def test_without_javascript_every_episode_is_listed_and_playable(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "media/?kind=video")
    assert page.locator("ul.hub-episodes > li:visible").count() == len(EPISODES)
    page.goto(server.url + "media/hub-trailer/")
    assert page.locator(".hub-player audio[controls]").is_visible()
    assert page.locator("#transcript").is_visible()
    close_context(context)


@pytest.mark.parametrize(
    "path", ["media/", "media/hub-trailer/", "media/library-walkthrough/", "good-practices/tunisia-local-councils-without-parity-2023/"]
)
@pytest.mark.parametrize("lang", LANGS)
def test_media_pages_have_no_serious_accessibility_violation(page, server, lang, path):
    page.goto(server.url + lang + path)
    assert axe.violations(page) == []
    assert_only_local(page.requests)
    assert page.failures == []


@pytest.fixture(scope="module")
def external_site(tmp_path_factory):
    """A fixture site whose only episode is a video hosted elsewhere (never in the public content)."""
    tmp = tmp_path_factory.mktemp("external")
    result = build(site_project(tmp, "external"), tmp / "site")
    assert result.returncode == 0, result.stderr
    with Server(tmp / "site") as running:
        yield running


@pytest.mark.parametrize("lang, host", [("", "www.youtube-nocookie.com"), ("ar/", "player.vimeo.com")])
def test_an_external_video_loads_nothing_from_its_host_before_the_click(page, external_site, lang, host):
    remote = []

    def hold(route):
        remote.append(route.request.url)
        route.abort()  # nothing leaves 127.0.0.1, but the attempt is seen

    page.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), hold)
    page.goto(external_site.url + lang + "media/external-video/")
    page.wait_for_load_state("networkidle")
    notice = page.locator(".hub-embed__notice").inner_text()
    assert host in notice and ("YouTube" in notice if "youtube" in host else "Vimeo" in notice)
    assert page.locator("iframe").count() == 0
    assert remote == [] and [u for u in page.requests if urlsplit(u).hostname != "127.0.0.1"] == []
    assert axe.violations(page) == []
    page.locator(".hub-embed__load").click()
    frame = page.locator("iframe.hub-embed__frame")
    assert frame.get_attribute("src").startswith(f"https://{host}/")
    assert frame.get_attribute("title")
    page.wait_for_timeout(300)
    assert remote and all(urlsplit(u).hostname == host for u in remote)
