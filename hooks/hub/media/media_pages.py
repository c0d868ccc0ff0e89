"""Markdown of the media pages: the index of podcasts and videos, and each episode.

An episode page holds the player (nothing downloaded before the reader
presses play), the full transcript as text with timestamps that seek the
player, the facts, and links to the cases it discusses. A video hosted
elsewhere is a placeholder that names the host and loads nothing from it
until the reader asks (overrides/assets/hub/media.js).
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup, escape

from hub import render
from hub.checks import safe_html
from hub.media import media_files, transcript
from hub.model import urls
from hub.model.languages import DEFAULT, NAMES, list_separator
from hub.render import pages
from hub.render.context import Context, front_matter, pick, plural_forms, text_lang, theme_names, theme_options


def _root_prefix(lang: str, url: str) -> str:
    """From a page at `url` in `lang` to the site root, where shipped media live."""
    return "../" * (url.count("/") + (0 if lang == DEFAULT else 1))


def feed_href(from_url: str) -> str:
    return posixpath.relpath(urls.FEED, from_url.rstrip("/") or ".")


def _size(n: int, t: dict) -> str:
    if n < 1_000_000:
        return t["media_size_kb"].format(n=max(1, round(n / 1000)))
    return t["media_size_mb"].format(n=f"{n / 1_000_000:.1f}")


def sorted_episodes(episodes: dict, lang: str) -> list:
    """Newest first, then by title, so the order is the same in every build."""
    return sorted(
        (pick(versions, lang) for versions in episodes.values()),
        key=lambda e: (-e.meta["date"].toordinal(), e.meta["title"].casefold(), e.id),
    )


def _duration(seconds: float) -> Markup:
    """A duration readers see as 1:05 and machines read as PT1M5S, isolated in any text direction."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    iso = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"
    return render.markup("time", datetime=iso, text=media_files.clock(seconds), dir="ltr")


def _player(episode, t: dict, page_lang: str, url: str) -> Markup:
    meta = episode.meta
    if episode.embed is not None:
        embed = episode.embed
        view = {
            "src": embed.src,
            "title": meta["title"],
            "notice": t["embed_notice"].format(provider=embed.provider, host=embed.host),
            "button": t["embed_button"].format(host=embed.host),
            "href": meta["media"].strip(),
            "elsewhere": t["embed_elsewhere"].format(provider=embed.provider),
        }
        return render.markup("player", player={"embed": view})
    root = _root_prefix(page_lang, url)
    measured = episode.measured
    # Each value is isolated so that "MP3" and "1:13" keep their order in Arabic text.
    download = escape(t["episode_download"]).format(
        type=render.markup("bdi", text=episode.file.rsplit(".", 1)[-1].upper()),
        size=render.markup("bdi", text=_size(measured.size, t)),
        duration=render.markup("bdi", text=media_files.clock(episode.duration)),
    )
    view = {
        "embed": None,
        "tag": meta["kind"],
        "src": root + urls.MEDIA_FILES + episode.file,
        "mime": measured.mime,
        "label": f"{t['episode_player']}: {meta['title']}",
        "tracks": [
            {"lang": lang, "label": NAMES.get(lang, lang), "src": root + urls.MEDIA_FILES + path, "default": lang == page_lang}
            for lang, path in sorted(episode.captions.items())
        ],
        "no_player": t["episode_no_player"],
        "download": download,
        "length": escape(t["episode_length"]).format(duration=_duration(episode.duration)),
    }
    return render.markup("player", player=view)


def _facts(ctx: Context, episode, t: dict, url: str) -> list[dict]:
    meta = episode.meta
    day = meta["date"].isoformat()
    rows = [
        (t["media_filter_kind"], t["media_kind_" + meta["kind"]]),
        (t["label_date"], render.markup("time", datetime=day, text=day, dir=None)),
        (t["label_duration"], media_files.clock(episode.duration)),
        (t["label_recording_language"], t.get(f"language_name_{meta['language']}", meta["language"])),
        (t["label_speakers"], {"lines": [f"{s['name']} ({s['role']})" for s in meta["speakers"]]}),
        (t["label_themes_fact"], {"tags": pages.theme_tags(ctx, meta["themes"], episode.lang, url)}),
    ]
    if episode.captions:
        names = [t.get(f"language_name_{lang}", lang) for lang in sorted(episode.captions)]
        rows.append((t["label_captions"], list_separator(episode.lang).join(names)))
    return [{"label": label, "value": value} for label, value in rows]


def episode_page(ctx: Context, versions: dict, has_feed: bool) -> str:
    """An episode in `ctx.lang`, or in the other language with its own labels when untranslated."""
    episode = pick(versions, ctx.lang)
    t = ctx.strings_of(episode.lang)  # the panel speaks the language of the text it sits in
    meta, url = episode.meta, urls.episode(episode.id)
    meta_fields = dict(
        title=meta["title"], description=meta["summary"], hub_page="episode", content_lang=episode.lang, episode_id=episode.id
    )
    if has_feed:
        meta_fields["feed"] = feed_href(url)
    seekable = episode.embed is None
    # The transcript is contributed text: rendered and sanitised here, like a case body.
    transcript_html = safe_html.clean_body(episode.item.body.strip(), episode.item.root)
    related = [pick(ctx.cases[case_id], ctx.lang) for case_id in meta.get("related_cases") or [] if case_id in ctx.cases]
    links = [{"href": urls.relative(url, urls.MEDIA), "text": t["episode_all"], "type": None}]
    if has_feed:
        links.append({"href": feed_href(url), "text": t["media_feed"], "type": "application/rss+xml"})
    view = {
        "summary": meta["summary"],
        "synthesized": t["episode_synthesized"] if meta["narration"] == "synthesized" else None,
        "player": _player(episode, t, ctx.lang, url),
        "facts_label": t["episode_facts"],
        "facts": _facts(ctx, episode, t, url),
        "translation": pages.translation_link(ctx, versions, episode, url, "episode_other_language"),
        "transcript_heading": t["episode_transcript"],
        "transcript_hint": t["episode_transcript_hint"] if seekable and transcript.timestamps(episode.item.body, 1) else None,
        "transcript": Markup(transcript.linked(transcript_html, seekable)),
        "cases_heading": t["episode_related_cases"],
        "cases": pages.case_cards(ctx, related, url),
        "links": links,
    }
    return front_matter(**meta_fields) + ctx.raw(render.html("episode", episode=view, late=ctx.splices.late))


def media_index(ctx: Context, has_feed: bool) -> str:
    url = urls.MEDIA
    items = sorted_episodes(ctx.episodes, ctx.lang)
    kinds = [(kind, ctx.t["media_kind_" + kind]) for kind in ("audio", "video")]
    form = {
        "id": "hub-media-filters",
        "list_id": "hub-episode-list",
        "count_id": "hub-media-count",
        "label": ctx.t["media_filter_label"],
        "plural": plural_forms(ctx.t, "media_count_"),
        "filters": [
            {"name": "theme", "label": ctx.t["filter_theme"], "options": theme_options(ctx)},
            {"name": "kind", "label": ctx.t["media_filter_kind"], "options": kinds},
        ],
        "all_text": ctx.t["filter_all"],
        "reset_text": ctx.t["filter_reset"],
        "total_text": ctx.t["media_total"].format(n=len(items)),
    }
    cards = [
        {
            "href": urls.relative(url, urls.episode(episode.id)),
            "title": episode.meta["title"],
            "text_lang": text_lang(episode.lang, ctx.lang),
            "kind": episode.meta["kind"],
            "kind_text": ctx.t["media_kind_" + episode.meta["kind"]],
            "themes": " ".join(episode.meta["themes"]),
            "date": episode.meta["date"].isoformat(),
            "duration": media_files.clock(episode.duration),
            "facts": f"{ctx.t['label_themes']} {theme_names(ctx, episode.meta['themes'])}",
            "summary": episode.meta["summary"],
        }
        for episode in items
    ]
    meta_fields = dict(title=ctx.t["media_title"], description=ctx.t["media_intro"], hub_page="media")
    feed = None
    if has_feed:
        meta_fields["feed"] = feed_href(url)
        feed = {"hint": ctx.t["media_feed_hint"], "href": feed_href(url), "text": ctx.t["media_feed"]}
    # The navigation calls this page "Media"; the heading says what it holds.
    page = {
        "title": ctx.t["media_title"],
        "lead": ctx.t["media_intro"],
        "feed": feed,
        "form": form,
        "cards": cards,
        "empty_text": ctx.t["media_none"],
    }
    return front_matter(**meta_fields) + ctx.raw(render.html("media_index", page=page))
