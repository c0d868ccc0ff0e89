"""The built media pages and podcast feeds, read as a browser and a podcast app would."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from mutagen import File as MutagenFile

from helpers import REPO, real_report, tags
from hub.media import media_files
from hub.model import themes
from test_built_site import resolve

REPORT = real_report()
EPISODES = REPORT.episodes
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
LANGS = [("en", ""), ("ar", "ar/")]


def local(site, server, url: str):
    """The built file an absolute address of the served site points at."""
    assert url.startswith(server.url), url
    path = urlsplit(url).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_feed_is_well_formed_rss_with_its_namespaces_declared(site, lang, prefix):
    text = (site / prefix / "podcast" / "feed.xml").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text)  # raises on malformed XML or an undeclared prefix
    assert root.tag == "rss" and root.get("version") == "2.0"
    for prefix_name, uri in NS.items():
        assert f'xmlns:{prefix_name}="{uri}"' in text


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_a_podcast_app_reads_every_tag_with_the_right_values(site, server, lang, prefix):
    feed_path = site / prefix / "podcast" / "feed.xml"
    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    channel = parsed.feed
    meta = REPORT.channel.meta
    assert channel.title == meta["title"][lang]
    assert channel.subtitle == meta["description"][lang].strip()
    assert channel.link == server.url + prefix + "media/"
    assert channel.language == lang
    assert channel.image.href == server.url + "podcasts/cover.jpg"
    width, height = media_files.image_size(local(site, server, channel.image.href))
    assert width == height and 1400 <= width <= 3000
    assert [t.term for t in channel.tags] == ["Government"]
    assert channel.podcast_guid == meta["guid"][lang]
    assert channel.podcast_locked == "yes"
    assert {"rel": "self", "href": server.url + prefix + "podcast/feed.xml", "type": "application/rss+xml"} in channel.links
    # feedparser maps itunes:explicit to True/None; read the literal value too.
    tree = ET.parse(feed_path)
    assert tree.findtext("channel/itunes:explicit", namespaces=NS) == "false"
    assert tree.find("channel/itunes:category", NS).get("text") == "Government"

    expected = {e_id: v[lang] for e_id, v in EPISODES.items() if lang in v and v[lang].file}
    assert len(parsed.entries) == len(expected) == 2
    items = tree.findall("channel/item")
    guids = set()
    for entry, item in zip(parsed.entries, items):
        episode_id = urlsplit(entry.link).path.rstrip("/").rsplit("/", 1)[-1]
        episode = expected[episode_id]
        assert entry.title == episode.meta["title"]
        assert entry.link == server.url + prefix + f"media/{episode_id}/"
        assert entry.published_parsed[:3] == episode.meta["date"].timetuple()[:3]
        assert entry.id and not entry.guidislink
        guids.add(entry.id)
        (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
        media_file = local(site, server, enclosure.href)
        assert int(enclosure.length) == media_file.stat().st_size == (REPO / "podcasts" / episode.file).stat().st_size
        assert enclosure.type == ("audio/mpeg" if episode.meta["kind"] == "audio" else "video/mp4")
        assert int(entry.itunes_duration) == round(MutagenFile(media_file).info.length)
        transcripts = item.findall("podcast:transcript", NS)
        vtts = [t for t in transcripts if t.get("type") == "text/vtt"]
        (html_transcript,) = [t for t in transcripts if t.get("type") == "text/html"]
        assert {t.get("language") for t in vtts} == set(episode.captions)
        assert vtts[0].get("language") == lang, "the captions of the spoken language come first"
        for vtt in vtts:
            assert vtt.get("rel") == "captions"
            assert local(site, server, vtt.get("url")).read_text(encoding="utf-8").startswith("WEBVTT")
        page = html_transcript.get("url")
        assert page == entry.link + "#transcript"
        assert 'id="transcript"' in local(site, server, page.split("#")[0]).read_text(encoding="utf-8")
    assert len(guids) == len(items)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_episode_pages_show_player_transcript_links_and_feed(site, lang, prefix):
    for episode_id, versions in EPISODES.items():
        episode = versions[lang]
        page = site / prefix / "media" / episode_id / "index.html"
        text = html.unescape(page.read_text(encoding="utf-8"))
        all_tags = tags(page)
        own = f"{prefix}media/{episode_id}/"
        kind = episode.meta["kind"]
        (player,) = [attrs for tag, attrs in all_tags if tag == kind]
        assert player.get("preload") == "none" and "controls" in player
        (source,) = [attrs for tag, attrs in all_tags if tag == "source"]
        assert resolve(own, source["src"]) == "/podcasts/" + episode.file
        tracks = {attrs["srclang"]: attrs for tag, attrs in all_tags if tag == "track"}
        assert set(tracks) == set(episode.captions)
        if kind == "video":
            assert set(tracks) == {"en", "ar"} and "default" in tracks[lang]
        stamps = [attrs for tag, attrs in all_tags if tag == "a" and attrs.get("class") == "hub-time"]
        assert stamps and all(a["href"] == f"#t={a['data-seek']}" for a in stamps)
        for paragraph in episode.item.body.strip().split("\n\n"):
            assert paragraph.split("] ", 1)[1] in text
        assert episode.meta["title"] in text
        assert versions[lang].meta["title"] in text
        (feed,) = [attrs for tag, attrs in all_tags if tag == "link" and attrs.get("type") == "application/rss+xml"]
        assert feed["rel"] == "alternate" and resolve(own, feed["href"]) == f"/{prefix}podcast/feed.xml"
        slugs = {theme.id: theme.slug for theme in themes.load()}
        for theme in episode.meta["themes"]:
            assert any(tag == "a" and resolve(own, attrs.get("href", "")) == f"/{prefix}themes/{slugs[theme]}/" for tag, attrs in all_tags)
        assert html.unescape(REPORT_STRINGS[lang]["episode_synthesized"]) in text


REPORT_STRINGS = __import__("hub.model.strings", fromlist=["load"]).load()


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_related_cases_are_linked_both_ways(site, lang, prefix):
    walkthrough = EPISODES["library-walkthrough"][lang]
    assert walkthrough.meta["related_cases"], "the walkthrough names the case it opens"
    own = f"{prefix}media/library-walkthrough/"
    episode_links = {resolve(own, a["href"]) for t, a in tags(site / own / "index.html") if t == "a" and "href" in a}
    for case_id in walkthrough.meta["related_cases"]:
        assert f"/{prefix}good-practices/{case_id}/" in episode_links
        case_page = f"{prefix}good-practices/{case_id}/"
        case_links = {resolve(case_page, a["href"]) for t, a in tags(site / case_page / "index.html") if t == "a" and "href" in a}
        assert f"/{own}" in case_links
    unrelated = next(c for c in REPORT.cases if c not in walkthrough.meta["related_cases"])
    assert 'id="episodes"' not in (site / prefix / "good-practices" / unrelated / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_media_index_lists_every_episode_with_filter_data(site, lang, prefix):
    page = site / prefix / "media" / "index.html"
    items = [attrs for tag, attrs in tags(page) if tag == "li" and attrs.get("class") == "hub-episode"]
    assert len(items) == len(EPISODES)
    assert {a["data-kind"] for a in items} == {"audio", "video"}
    form = next(attrs for tag, attrs in tags(page) if tag == "form" and attrs.get("id") == "hub-media-filters")
    # Hidden by CSS without JavaScript (.no-js), so the full list shows; the form names its list.
    assert form["data-hub-filter"] == "hub-episode-list"
    tabs = [attrs for tag, attrs in tags(page) if tag == "a" and "md-tabs__link" in attrs.get("class", "")]
    assert any(resolve(f"{prefix}media/", a["href"]) == f"/{prefix}media/" for a in tabs), "Media is in the navigation"
