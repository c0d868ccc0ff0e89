"""Episodes in the core: schema, media files, captions, transcripts, related cases, the feed."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest

from helpers import REPO, build, real_report
from hub.checks import project
from hub.media import episodes, external_video, media_files, podcast_feed, transcript, webvtt
from hub.model import strings
from media_fixtures import content_root, site_project

REPORT = real_report()
STRINGS = strings.load()


def test_the_seed_episodes_are_valid_and_in_both_languages():
    assert REPORT.errors == []
    assert set(REPORT.episodes) == {"hub-trailer", "library-walkthrough"}
    for versions in REPORT.episodes.values():
        assert set(versions) == {"en", "ar"}
        for episode in versions.values():
            assert episode.meta["narration"] == "synthesized"
            assert episode.meta["language"] == episode.lang


def test_the_seed_media_are_small():
    for versions in REPORT.episodes.values():
        for episode in versions.values():
            limit = 1_000_000 if episode.meta["kind"] == "audio" else 3_000_000
            assert episode.measured.size <= limit, (episode.file, episode.measured.size)


def test_the_trailer_transcript_is_exactly_its_captions():
    """The trailer's text is what was narrated: the transcript says the caption cues, in order."""
    for lang, episode in REPORT.episodes["hub-trailer"].items():
        cues = webvtt.parse((REPO / "podcasts" / episode.captions[lang]).read_text(encoding="utf-8")).cues
        spoken = " ".join(cue.text for cue in cues)
        written = " ".join(transcript.STAMP.sub("", paragraph).strip() for paragraph in episode.item.body.strip().split("\n\n"))
        assert written == spoken
        stamps = [seconds for _, seconds, _ in transcript.timestamps(episode.item.body, 1)]
        assert stamps[0] == 0 and stamps == sorted(stamps)


def test_the_trailer_names_every_theme_from_the_themes_file():
    for lang, episode in REPORT.episodes["hub-trailer"].items():
        for theme in REPORT.themes:
            assert theme.name[lang] in episode.item.body


def test_every_broken_episode_is_reported_with_its_line(tmp_path):
    report = project.check(project.Layout(root=content_root(tmp_path, "broken")))
    found = [(p.path, p.line, p.field) for p in report.errors]
    assert found == [
        ("podcasts/bad-captions.en.md", 14, "captions.ar"),
        ("podcasts/bad-host.en.md", 10, "speaker"),
        ("podcasts/bad-host.en.md", 12, "media"),
        ("podcasts/external-audio.en.md", 11, "media"),
        ("podcasts/media/bad.vtt", 4, "captions"),
        ("podcasts/media/bad.vtt", 8, "captions"),
        ("podcasts/media/bad.vtt", 12, "captions"),
        ("podcasts/missing-file.en.md", 11, "media"),
        ("podcasts/not-audio.en.md", 11, "media"),
        ("podcasts/unknown-case.en.md", 14, "related_cases[2]"),
        ("podcasts/wrong-times.en.md", 12, "duration"),
        ("podcasts/wrong-times.en.md", 19, "body"),
        ("podcasts/wrong-times.en.md", 21, "body"),
    ]
    text = "\n".join(p.text() for p in report.errors)
    for expected in (
        "captions.ar: 'media/missing.vtt' does not exist under podcasts/",
        "speaker: unknown field (did you mean 'speakers'?)",
        "media: videos from www.dailymotion.com are not allowed",
        "media: an audio episode must be a file shipped under podcasts/",
        "bad.vtt:4: captions: the cue ends before it starts",
        "bad.vtt:8: captions: expected a cue timing line like '00:00:01.000 --> 00:00:04.000', received '00:01.000 -> 00:02.000'",
        "bad.vtt:12: captions: this cue ends at 9:00, after the end of the recording (1:13)",
        "media: 'media/nowhere.mp3': the file does not exist",
        "media: 'media/not-audio.mp3': the file's content is not audio/mpeg",
        "related_cases[2]: 'sample-quotas' is not a case in good_practices/ (did you mean 'sample-quota'?)",
        "duration: says 9:00 but the file lasts 1:13",
        "body: the timestamp [0:10] comes before the one above it",
        "body: the timestamp [5:00] is after the end of the recording (1:13)",
    ):
        assert expected in text
    assert report.episodes == {}, "no broken episode reaches the pages or the feed"


def test_a_broken_episode_fails_the_build_and_writes_no_feed(tmp_path):
    project_dir = site_project(tmp_path, "broken")
    site = tmp_path / "site"
    result = build(project_dir, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "podcasts/missing-file.en.md:11: media: 'media/nowhere.mp3': the file does not exist" in result.stderr
    assert "13 errors" in result.stderr
    assert not (site / "podcast" / "feed.xml").exists() and not (site / "podcasts").exists()


@pytest.mark.parametrize(
    "address, src",
    [
        ("https://www.youtube.com/watch?v=aaaaaaaaaaa", "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"),
        ("https://youtube-nocookie.com/embed/aaaaaaaaaaa", "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"),
        ("https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789?dnt=1"),
        ("https://player.vimeo.com/video/123456789", "https://player.vimeo.com/video/123456789?dnt=1"),
    ],
)
def test_allowed_video_addresses_embed_privately(address, src):
    assert external_video.embed(address).src == src


@pytest.mark.parametrize(
    "address, reason",
    [
        ("https://youtu.be/aaaaaaaaaaa", "not allowed"),
        ("http://www.youtube.com/watch?v=aaaaaaaaaaa", "https://"),
        ("https://www.youtube.com/channel/abc", "cannot find the YouTube video id"),
        ("https://vimeo.com/about", "cannot find the Vimeo video number"),
        ("https://evil.example/vimeo.com/1", "not allowed"),
    ],
)
def test_other_video_addresses_are_refused(address, reason):
    with pytest.raises(ValueError, match=reason):
        external_video.embed(address)


def test_webvtt_header_and_empty_files_are_refused():
    assert webvtt.parse("WEBVTT FILE\n\n00:01.000 --> 00:02.000\nHi\n").problems == []
    assert webvtt.parse("\ufeffWEBVTT\n\nNOTE a comment\n\n00:00:01.000 --> 00:00:02.000 align:start\nHi\n").problems == []
    assert webvtt.parse("1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n").problems[0][0] == 1
    assert "no cue" in webvtt.parse("WEBVTT\n").problems[0][1]


def test_media_are_measured_from_the_file_not_the_name(tmp_path):
    trailer = REPORT.episodes["hub-trailer"]["en"]
    assert trailer.measured.mime == "audio/mpeg"
    assert trailer.measured.size == (REPO / "podcasts" / trailer.file).stat().st_size
    video = REPORT.episodes["library-walkthrough"]["en"].measured
    assert video.mime == "video/mp4" and video.duration > 10
    renamed = tmp_path / "audio.mp4"
    renamed.write_bytes((REPO / "podcasts" / trailer.file).read_bytes())
    with pytest.raises(media_files.MediaError, match="not video/mp4"):
        media_files.measure(renamed)
    assert media_files.image_size(REPO / "podcasts" / "cover.jpg") == REPORT.channel.image_size


def test_the_podcast_image_must_be_square_and_large_enough(tmp_path):
    root = content_root(tmp_path, "external")
    (root / "podcasts" / "cover.jpg").write_bytes(b"not an image")
    report = project.check(project.Layout(root=root))
    assert [(p.field, p.message) for p in report.errors] == [("image", "podcasts/cover.jpg: the image is not a readable PNG or JPEG file")]


def test_feed_addresses_follow_the_configured_site_url():
    feeds = podcast_feed.feeds(REPORT.channel, REPORT.episodes, "https://hub.example.org/sub/", STRINGS)
    assert set(feeds) == {"podcast/feed.xml", "ar/podcast/feed.xml"}
    for path, xml in feeds.items():
        tree = ET.fromstring(xml)
        urls = [e.get("url") or e.get("href") for e in tree.iter() if e.get("url") or e.get("href")]
        urls += [e.text for e in tree.iter() if e.tag in ("link", "url")]
        assert urls and all(u.startswith("https://hub.example.org/sub/") for u in urls), urls
        assert tree.find("channel/{http://www.w3.org/2005/Atom}link").get("href") == "https://hub.example.org/sub/" + path


def test_feed_text_is_escaped(tmp_path):
    trailer = REPORT.episodes["hub-trailer"]["en"]
    original = dict(trailer.item.meta)
    trailer.item.meta.update(title="Tom & Jerry <b>", date=datetime.date(2026, 1, 2))
    try:
        xml = podcast_feed.feed(REPORT.channel, {"hub-trailer": {"en": trailer}}, "en", "https://x.example/", STRINGS["en"])
    finally:
        trailer.item.meta.clear()
        trailer.item.meta.update(original)
    item = ET.fromstring(xml).find("channel/item")
    assert item.findtext("title") == "Tom & Jerry <b>"
    assert item.findtext("pubDate") == "Fri, 02 Jan 2026 00:00:00 +0000"


def test_shipped_files_are_the_media_captions_and_image():
    files = episodes.shipped_files(REPORT.episodes, REPORT.channel)
    assert "cover.jpg" in files
    assert {"media/hub-trailer.en.mp3", "media/library-walkthrough.ar.mp4", "media/library-walkthrough.en.ar.vtt"} <= set(files)
    assert all((REPO / "podcasts" / f).is_file() for f in files)
