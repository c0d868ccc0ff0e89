"""Markdown of the media pages: the index of podcasts and videos, and each episode.

An episode page holds the player (nothing downloaded before the reader
presses play), the full transcript as text with timestamps that seek the
player, the facts, and links to the cases it discusses. A video hosted
elsewhere is a placeholder that names the host and loads nothing from it
until the reader asks (overrides/assets/hub/media.js).
"""

from __future__ import annotations

import json
import posixpath

from hub.checks import safe_html
from hub.media import media_files, transcript
from hub.model import urls
from hub.model.languages import DEFAULT, DIRECTION, NAMES, other
from hub.render import pages

esc = pages.esc


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
        (pages.pick(versions, lang) for versions in episodes.values()),
        key=lambda e: (-e.meta["date"].toordinal(), e.meta["title"].casefold(), e.id),
    )


def _duration_html(seconds: float) -> str:
    """A duration readers see as 1:05 and machines read as PT1M5S, isolated in any text direction."""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    iso = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"
    return f'<time datetime="{iso}" dir="ltr">{esc(media_files.clock(seconds))}</time>'


def _player(episode, t: dict, page_lang: str, url: str) -> str:
    meta = episode.meta
    label = esc(f"{t['episode_player']}: {meta['title']}")
    if episode.embed is not None:
        embed = episode.embed
        return (
            f'<div class="hub-embed" data-embed-src="{esc(embed.src)}" data-embed-title="{esc(meta["title"])}">'
            f'<p class="hub-embed__notice">{esc(t["embed_notice"].format(provider=embed.provider, host=embed.host))}</p>'
            f'<p><button type="button" class="md-button md-button--primary hub-embed__load" hidden>{esc(t["embed_button"].format(host=embed.host))}</button></p>'
            f'<p><a href="{esc(meta["media"].strip())}" rel="noopener">{esc(t["embed_elsewhere"].format(provider=embed.provider))}</a></p>'
            "</div>\n\n"
        )
    root = _root_prefix(page_lang, url)
    src = esc(root + urls.MEDIA_FILES + episode.file)
    tracks = "".join(
        f'<track kind="captions" srclang="{lang}" label="{esc(NAMES.get(lang, lang))}" src="{esc(root + urls.MEDIA_FILES + path)}"'
        f"{' default' if lang == page_lang else ''}>"
        for lang, path in sorted(episode.captions.items())
    )
    measured = episode.measured
    # Each value is isolated so that "MP3" and "1:13" keep their order in Arabic text.
    download = esc(t["episode_download"]).format(
        type=f"<bdi>{esc(episode.file.rsplit('.', 1)[-1].upper())}</bdi>",
        size=f"<bdi>{esc(_size(measured.size, t))}</bdi>",
        duration=f"<bdi>{esc(media_files.clock(episode.duration))}</bdi>",
    )
    fallback = f'<p>{esc(t["episode_no_player"])} <a href="{src}">{download}</a></p>'
    tag = meta["kind"]
    element = (
        f'<{tag} class="hub-player__{tag}" controls preload="none" aria-label="{label}" aria-describedby="player-length"'
        f"{' playsinline' if tag == 'video' else ''}>"
        f'<source src="{src}" type="{esc(measured.mime)}">{tracks}{fallback}</{tag}>'
    )
    length = esc(t["episode_length"]).format(duration=_duration_html(episode.duration))
    return (
        f'<div class="hub-player" id="player"><p class="hub-player__length" id="player-length">{length}</p>{element}'
        f'<p class="hub-player__download"><a href="{src}" download>{download}</a></p></div>\n\n'
    )


def _facts(ctx: pages.Context, episode, t: dict, url: str) -> str:
    meta = episode.meta
    themes = pages.theme_tags(ctx, meta["themes"], episode.lang, url)
    voices = "<br>".join(f"{esc(s['name'])} ({esc(s['role'])})" for s in meta["speakers"])
    spoken = t.get(f"language_name_{meta['language']}", meta["language"])
    rows = [
        (t["media_filter_kind"], esc(t["media_kind_" + meta["kind"]])),
        (t["label_date"], f'<time datetime="{meta["date"].isoformat()}">{meta["date"].isoformat()}</time>'),
        (t["label_duration"], esc(media_files.clock(episode.duration))),
        (t["label_recording_language"], esc(spoken)),
        (t["label_speakers"], voices),
        (t["label_themes"], themes),
    ]
    if episode.captions:
        separator = "، " if episode.lang == "ar" else ", "
        rows.append((t["label_captions"], esc(separator.join(t.get(f"language_name_{lang}", lang) for lang in sorted(episode.captions)))))
    return (
        f'<dl class="hub-facts" aria-label="{esc(t["episode_facts"])}">'
        + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
        + "</dl>\n\n"
    )


def episode_page(ctx: pages.Context, versions: dict, strings_by_lang: dict, has_feed: bool) -> str:
    """An episode in `ctx.lang`, or in the other language with its own labels when untranslated."""
    episode = pages.pick(versions, ctx.lang)
    t = strings_by_lang[episode.lang]  # the panel speaks the language of the text it sits in
    meta, url = episode.meta, urls.episode(episode.id)
    parts = []
    meta_fields = dict(
        title=meta["title"], description=meta["summary"], hub_page="episode", content_lang=episode.lang, episode_id=episode.id
    )
    if has_feed:
        meta_fields["feed"] = feed_href(url)
    parts.append(pages.front_matter(**meta_fields))
    parts.append(f'<p class="hub-lead">{esc(meta["summary"])}</p>\n\n')
    if meta["narration"] == "synthesized":
        parts.append(f'<p class="hub-synthesized" role="note">{esc(t["episode_synthesized"])}</p>\n\n')
    parts.append(_player(episode, t, ctx.lang, url))
    parts.append(_facts(ctx, episode, t, url))
    other_lang = other(episode.lang)
    if other_lang in versions:
        prefix = "" if other_lang == DEFAULT else f"{other_lang}/"
        parts.append(
            f'<p class="hub-translation"><a href="{esc(_root_prefix(ctx.lang, url) + prefix + url)}" hreflang="{other_lang}" lang="{other_lang}" dir="{DIRECTION[other_lang]}">'
            f"{esc(strings_by_lang[other_lang]['episode_other_language'])}: {esc(versions[other_lang].meta['title'])}</a></p>\n\n"
        )
    seekable = episode.embed is None
    parts.append(f'<h2 id="transcript">{esc(t["episode_transcript"])}</h2>\n\n')
    if seekable and transcript.timestamps(episode.item.body, 1):
        parts.append(f'<p class="hub-transcript-hint">{esc(t["episode_transcript_hint"])}</p>\n\n')
    # The transcript is contributed text: rendered and sanitised here, like a case body.
    transcript_html = safe_html.clean_body(episode.item.body.strip(), episode.item.root)
    parts.append(f'<div class="hub-transcript">{pages.raw(transcript.linked(transcript_html, seekable))}</div>\n\n')
    related = [pages.pick(ctx.cases[case_id], ctx.lang) for case_id in meta.get("related_cases") or [] if case_id in ctx.cases]
    if related:
        parts.append(f'<h2 id="cases">{esc(t["episode_related_cases"])}</h2>\n\n')
        parts.append(pages.case_list(ctx, related, url))
    links = [f'<a href="{esc(urls.relative(url, urls.MEDIA))}">{esc(t["episode_all"])}</a>']
    if has_feed:
        links.append(f'<a href="{esc(feed_href(url))}" type="application/rss+xml">{esc(t["media_feed"])}</a>')
    parts.append(f'\n<p class="hub-media-links">{" · ".join(links)}</p>\n')
    return "".join(parts)


def episode_list(ctx: pages.Context, items: list, from_url: str) -> str:
    """An HTML list of episode cards; `data-*` attributes feed the filters."""
    if not items:
        return f'<p class="hub-empty">{esc(ctx.t["media_none"])}</p>\n'
    rows = []
    for episode in items:
        meta = episode.meta
        attrs = pages.lang_attrs(episode.lang, ctx.lang)
        rows.append(
            f'<li class="hub-episode" data-theme="{esc(" ".join(meta["themes"]))}" data-kind="{esc(meta["kind"])}">'
            f'<span class="hub-badge hub-badge--{esc(meta["kind"])}">{esc(ctx.t["media_kind_" + meta["kind"]])}</span>'
            f'<a class="hub-episode__title" href="{esc(urls.relative(from_url, urls.episode(episode.id)))}"{attrs}>{esc(meta["title"])}</a>'
            f'<span class="hub-episode__facts"><time datetime="{meta["date"].isoformat()}">{meta["date"].isoformat()}</time> · '
            f"{esc(media_files.clock(episode.duration))} · {esc(ctx.t['label_themes'])} {esc(pages.theme_names(ctx, meta['themes']))}</span>"
            f'<span class="hub-episode__summary"{attrs}>{esc(meta["summary"])}</span></li>'
        )
    return '<ul class="hub-episodes" id="hub-episode-list">\n' + "\n".join(rows) + "\n</ul>\n"


def media_index(ctx: pages.Context, has_feed: bool) -> str:
    url = urls.MEDIA
    items = sorted_episodes(ctx.episodes, ctx.lang)
    filters = "".join(
        [
            pages._filter_select(ctx, "theme", ctx.t["filter_theme"], pages.theme_options(ctx)),
            pages._filter_select(
                ctx, "kind", ctx.t["media_filter_kind"], [(kind, ctx.t["media_kind_" + kind]) for kind in ("audio", "video")]
            ),
        ]
    )
    plural = {key[len("media_count_") :]: text for key, text in ctx.t.items() if key.startswith("media_count_")}
    meta_fields = dict(title=ctx.t["media_title"], description=ctx.t["media_intro"], hub_page="media")
    feed = ""
    if has_feed:
        meta_fields["feed"] = feed_href(url)
        feed = f'<p class="hub-feed">{esc(ctx.t["media_feed_hint"])} <a href="{esc(feed_href(url))}" type="application/rss+xml">{esc(ctx.t["media_feed"])}</a></p>\n\n'
    return "".join(
        [
            pages.front_matter(**meta_fields),
            # The navigation calls this page "Media"; the heading says what it holds.
            f"<h1>{esc(ctx.t['media_title'])}</h1>\n\n",
            f'<p class="hub-lead">{esc(ctx.t["media_intro"])}</p>\n\n',
            feed,
            f'<form class="hub-filters" id="hub-media-filters" data-hub-filter="hub-episode-list" data-hub-count="hub-media-count" aria-label="{esc(ctx.t["media_filter_label"])}" '
            f'data-plural="{esc(json.dumps(plural, ensure_ascii=False, sort_keys=True))}">'
            f'{filters}<button type="reset" class="md-button">{esc(ctx.t["filter_reset"])}</button></form>\n\n',
            f'<p class="hub-count" id="hub-media-count" role="status">{esc(ctx.t["media_total"].format(n=len(items)))}</p>\n\n',
            episode_list(ctx, items, url),
        ]
    )
