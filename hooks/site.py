"""The MkDocs adapter: runs the core's checks and adds the generated pages.

Thin on purpose: all rules and page texts live in hooks/hub/. What is here is
only the glue to MkDocs 1.6 and mkdocs-static-i18n 1.3.1 (pinned):

* on_config: check every content and data file; fail with the core's messages.
* on_files (early): add each generated page as if it were docs/<lang>/<path>.md,
  so static-i18n pairs the languages (switch, hreflang, sitemap, fallback).
* on_nav (late, after static-i18n rebuilt its file objects): give those files
  their generated Markdown. static-i18n crashes on File.generated(content=...)
  and drops files from outside docs/, hence the two steps.
* on_page_context / on_post_build: each page's text into the search index of
  its language (hub.search), written once every language is built.
"""

from __future__ import annotations

import gc
import html
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from hub import search
from hub.checks import project, safe_html
from hub.media import episodes, podcast_feed
from hub.model import build_date, strings, urls
from hub.model import problems as problem_format
from hub.model.languages import DEFAULT, DIRECTION, LANGUAGES
from hub.render import assessment_page, csp, pages, site_pages  # noqa: F401 (assessment_page adds placeholders)
from hub.support import events

log = get_plugin_logger("hub")

# Front-matter values that Material's templates print without escaping.
ESCAPED_META = ("title", "description", "subtitle")
# The title Python-Markdown's toc extension gives heading links (not configurable per language).
PERMALINK_TITLE = "Permanent link"

_state: dict = {}


def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building and _state:
        return config  # static-i18n's build of another language: already checked and generated
    gc.unfreeze()  # a new build under `mkdocs serve`: the last one's objects may go
    # The project is the folder of mkdocs.yml, so fixture sites in tests work too.
    layout = project.Layout(root=Path(config.config_file_path).resolve().parent)
    build_date.pin(layout.root)
    report = project.check(layout)
    for warning in report.warnings:
        log.info(warning.text())
    if report.errors:
        lines = [p.text() for p in report.errors]
        raise PluginError("content check failed:\n" + "\n".join(lines) + "\n" + problem_format.summary(report.errors))
    strings_by_lang = strings.load()
    pages.RAW_HTML.clear()
    pages.PAGE_PARTS.clear()
    contexts = {
        lang: pages.Context(
            lang,
            strings_by_lang[lang],
            report.themes,
            report.cases,
            report.episodes,
            networks=report.networks,
            vocabulary=report.vocabulary,
            events=report.events,
        )
        for lang in LANGUAGES
    }
    _state["assessment_details"] = assessment_page.details_files(contexts)
    _state["search"] = search.SiteIndex(
        LANGUAGES, DEFAULT, {lang: (ctx.t["filter_all"], pages.filter_choices(ctx)) for lang, ctx in contexts.items()}
    )
    _state["report"] = report
    _state["strings"] = strings_by_lang
    _state["pages"] = site_pages.generated(report, strings_by_lang)
    # Feeds are rendered now, with the checks, so a failing build writes none.
    if report.channel and not config.site_url:
        raise PluginError("the podcast feeds need absolute addresses: set site_url (SITE_URL) in mkdocs.yml")
    _state["feeds"] = podcast_feed.feeds(report.channel, report.episodes, config.site_url, strings_by_lang) if report.channel else {}
    _state["feeds"].update(events.calendars(report.events, config.site_url, strings_by_lang, events.build_day()))
    # Everything read so far lives for the whole build: keep it out of the
    # garbage collector's repeated scans.
    gc.freeze()
    _state["media"] = [(layout.podcasts_dir / rel, rel) for rel in episodes.shipped_files(report.episodes, report.channel)]
    return config


@event_priority(100)
def on_files(files, config):
    for src_uri in _state["pages"]:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def on_nav(nav, config, files):
    for file in files.documentation_pages():
        markdown = _state["pages"].get(file.src_uri)
        if markdown is not None:
            file.content_string = markdown
            file.generated_by = "hub"
    return nav


def on_page_markdown(markdown, page, config, files):
    # Material prints these unescaped into <title>, <meta> and the header:
    # front matter is text, never markup.
    for key in ESCAPED_META:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)
    # A page outside any section would have only itself in the left sidebar:
    # hide it (on phones Material keeps its menu in the drawer).
    hide = page.meta.get("hide") or []
    if page.parent is None and "navigation" not in hide:
        page.meta["hide"] = [*hide, "navigation"]
    if page.file.generated_by == "hub":
        return markdown
    lang = config.theme["language"]
    report = _state["report"]
    ctx = pages.Context(
        lang,
        _state["strings"][lang],
        report.themes,
        report.cases,
        report.episodes,
        networks=report.networks,
        vocabulary=report.vocabulary,
        events=report.events,
    )
    url = page.url[len(lang) + 1 :] if page.url.startswith(f"{lang}/") else page.url
    return _with_repository(pages.fill_placeholders(markdown, ctx, url), config)


def _with_repository(markdown: str, config) -> str:
    # Links to the repository (its issue forms...) are written `hub-repository:<path>`
    # in pages: the address itself is set once, in mkdocs.yml (extra.repository).
    return markdown.replace("](hub-repository:", "](" + config.extra["repository"].rstrip("/") + "/")


def on_page_content(html_text, page, config, files):
    if page.meta.get("hub_page") == "case":
        # The check has refused anything outside the allowlist; this is the
        # second guard, on exactly what the reader will get.
        html_text = safe_html.sanitise(html_text)
    # The toc extension's heading links have one title for every language.
    title = _state["strings"][config.theme["language"]]["permalink_title"]
    html_text = html_text.replace(f'title="{PERMALINK_TITLE}"', f'title="{html.escape(title, quote=True)}"')
    return pages.splice_raw(html_text)


@event_priority(-100)
def on_page_context(context, page, config, nav):
    lang = config.theme["language"]
    # Search reads the page before the parts it need not index are added.
    # Pages shown in the other language (untranslated) stay out of this one's.
    if (page.meta.get("content_lang") or getattr(page.file, "locale", lang)) == lang and not (page.meta.get("search") or {}).get("exclude"):
        case = _state["report"].cases.get(page.meta.get("case_id"))
        filters = pages.filter_values(pages.pick(case, lang).meta) if case else None
        _state["search"].add(lang, page.url, page.meta.get("title") or page.title or "", page.content or "", filters)
    parts = pages.PAGE_PARTS.get(page.file.src_uri)
    if parts is not None:
        page.content = parts[0] + page.content + parts[1]
    return context


def on_env(env, config, files):
    env.globals["hub_strings"] = _state["strings"]
    env.globals["hub_search"] = {lang: _state["search"].interface(lang, _state["strings"][lang]) for lang in LANGUAGES}
    return env


def on_post_page(output, page, config):
    # The policy hashes the layout's inline scripts only, so it is computed
    # while the content is still exactly page.content.
    if page.content and page.content not in output:
        raise PluginError(f"{page.file.src_uri}: the page's content is not found in its HTML; cannot write its Content-Security-Policy")
    output = csp.with_policy(output, page.content)
    output = pages.splice_raw(output, late=True)
    return _with_root_direction(output, config.theme["language"])


def _with_root_direction(output: str, lang: str) -> str:
    # Material puts dir only on <body>; the root element must carry it too.
    return output.replace(f'<html lang="{lang}"', f'<html lang="{lang}" dir="{DIRECTION[lang]}"', 1)


def on_post_template(output, template_name, config):
    # Pages from theme templates alone (404.html) carry the same policy.
    if not template_name.endswith(".html"):
        return output
    output = _with_root_direction(csp.with_policy(output, ""), config.theme["language"])
    if template_name == "404.html":
        # Every language build writes /404.html over the last one: keep each
        # language's, written at its own root once all are built.
        _state.setdefault("not_found", {})[config.theme["language"]] = output
    return output


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an inner language build: the search indexes are written at the end
    _state["search"].write(Path(config.site_dir))
    for lang, output in _state.get("not_found", {}).items():
        (Path(config.site_dir) / urls.language_root(lang) / "404.html").write_text(output, encoding="utf-8")
    # The first addresses of theme pages (themes/a/) lead to the readable ones.
    for rel, page in site_pages.redirects(_state["report"], _state["strings"], config.site_url or "").items():
        (Path(config.site_dir) / rel).parent.mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / rel).write_text(csp.with_policy(page, ""), encoding="utf-8")
    # Shipped media once at the site root for both languages; one feed and
    # one file of assessment details per language.
    for source, rel in _state["media"]:
        target = Path(config.site_dir) / urls.MEDIA_FILES / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for rel, text in {**_state["feeds"], **_state["assessment_details"]}.items():
        (Path(config.site_dir) / rel).parent.mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / rel).write_text(text, encoding="utf-8")
