"""The MkDocs adapter: runs the core's checks and adds the generated pages.

Thin on purpose: all rules and page texts live in hooks/hub/. What is here is
only the glue to MkDocs 1.6 and mkdocs-static-i18n 1.3.1 (pinned):

* on_config: check every content and data file (fail with the core's
  messages), then build the core's Site (hub.render.site): every generated
  page, the splices of generated HTML, feeds, calendars and redirects.
* on_files (early): add each generated page as if it were docs/<lang>/<path>.md,
  so static-i18n pairs the languages (switch, hreflang, sitemap, fallback).
* on_nav (late, after static-i18n rebuilt its file objects): give those files
  their generated Markdown. static-i18n crashes on File.generated(content=...)
  and drops files from outside docs/, hence the two steps.
* on_page_content / on_post_page: the Site's splices back into each page,
  searchable ones first, the others once search has read the page.
* on_page_context / on_post_build: each page's text into the search index of
  its language (hub.search), written once every language is built, with the
  Site's files.

Under `mkdocs build` the two languages are built at once, one per process,
after on_config (hooks/language_split.py); the parent writes what is shared.

The only state is the one `Build` of the current build (see `_current`).
"""

from __future__ import annotations

import copy
import gc
import html
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

import language_split
from hub import search
from hub.checks import project, safe_html
from hub.media import episodes
from hub.model import build_date, strings, urls
from hub.model import problems as problem_format
from hub.model.languages import DEFAULT, DIRECTION, LANGUAGES
from hub.render import csp
from hub.render import site as hub_site

log = get_plugin_logger("hub")

# Front-matter values that Material's templates print without escaping.
ESCAPED_META = ("title", "description", "subtitle")
# How a hand-written page marks a generated part (hub.render.placeholders).
PLACEHOLDER_START = "<!-- hub:"
# The title Python-Markdown's toc extension gives heading links (not configurable per language).
PERMALINK_TITLE = "Permanent link"


class Build:
    """What the adapter keeps from on_config to on_post_build of one build:
    the core's Site, the search indexes filled page by page, the shipped
    media and each language's 404 page."""

    def __init__(self, site: hub_site.Site, index: search.SiteIndex, media: list, memory=None):
        self.site = site
        self.index = index
        self.media = media
        self.not_found: dict[str, str] = {}
        self.files = None  # MkDocs' files of this language (the sitemap's time)
        self.split: language_split.Split | None = None  # this process's language, when split
        # Each language's pages in MkDocs' order, and what search keeps of
        # each (None: not searched); the index is written in that order.
        self.order: dict[str, list[str]] = {}
        self.searched: dict[str, dict] = {lang: {} for lang in LANGUAGES}
        # Under scripts/serve (rebuild.py): what the last build kept, and
        # each page's fingerprint in this one (unchanged pages are not rebuilt).
        self.memory = memory
        self.fingerprints: dict[str, str] = {}


# How MkDocs was started (on_startup): only `mkdocs build` splits by language.
_started: dict = {}


# The one build in progress. MkDocs calls hooks as module functions, so the
# adapter (not the core) holds it; a new build replaces it in on_config.
_current: list[Build] = []


def _build() -> Build:
    return _current[0]


def on_startup(command, dirty):
    _started.update(command=command, dirty=dirty)


def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building and _current:
        return config  # static-i18n's build of another language: already checked and generated
    gc.unfreeze()  # a new build under `mkdocs serve`: the last one's objects may go
    _current.clear()
    # The project is the folder of mkdocs.yml, so fixture sites in tests work too.
    layout = project.Layout(root=Path(config.config_file_path).resolve().parent)
    build_date.pin(layout.root)
    # scripts/serve's long-running builder hands over what its last build kept.
    memory = getattr(config, "hub_memory", None)
    asked = getattr(config, "hub_split", False)  # its first build, before it serves
    split = i18n is not None and language_split.wanted(_started.get("command"), _started.get("dirty", False), LANGUAGES, asked)
    # A build that splits by language may use two processes for the check too.
    report = project.check(layout, workers=2 if split else 1, memory=memory.cases if memory else None)
    for warning in report.warnings:
        log.info(warning.text())
    if report.errors:
        lines = [p.text() for p in report.errors]
        raise PluginError("content check failed:\n" + "\n".join(lines) + "\n" + problem_format.summary(report.errors))
    if report.channel and not config.site_url:
        raise PluginError("the podcast feeds need absolute addresses: set site_url (SITE_URL) in mkdocs.yml")
    strings_by_lang = strings.load()
    # Pages, feeds and calendars are made now, with the checks, so a failing build writes none.
    site = hub_site.build(report, strings_by_lang, config.site_url or "", made=memory.case_pages if memory else None)
    index = search.SiteIndex(
        LANGUAGES,
        DEFAULT,
        {lang: (strings_by_lang[lang]["filter_all"], site.filter_choices(lang)) for lang in LANGUAGES},
        memory.words if memory else None,
    )
    media = [(layout.podcasts_dir / rel, rel) for rel in episodes.shipped_files(report.episodes, report.channel)]
    build = Build(site, index, media, memory)
    _current.append(build)
    # Everything read so far lives for the whole build: keep it out of the
    # garbage collector's repeated scans (and, once forked, unshared).
    gc.freeze()
    if split:
        other = next(lang for lang in LANGUAGES if lang != DEFAULT)
        build.split = language_split.fork(config, i18n, DEFAULT, other)
    return config


@event_priority(100)
def on_files(files, config):
    for src_uri in _build().site.pages:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def on_nav(nav, config, files):
    build = _build()
    build.files = files
    site = build.site
    pages = files.documentation_pages()
    # As Page.url gives them (the home page's is "", its file's "./").
    build.order[config.theme["language"]] = ["" if file.url in (".", "./") else file.url for file in pages]
    for file in pages:
        markdown = site.markdown(file.src_uri)
        if markdown is not None:
            file.content_string = markdown
            file.generated_by = "hub"
        if build.memory is not None:
            _keep_if_unchanged(build, file, config)
    return nav


def _keep_if_unchanged(build: Build, file, config) -> None:
    """Under scripts/serve: a page whose fingerprint is the last build's, and
    whose HTML is still there, is not built again (in a --dirty build); any
    other is."""
    if file.generated_by == "hub":
        mark = build.site.fingerprint(file.src_uri)
    else:
        markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
        if PLACEHOLDER_START not in markdown:
            return  # a hand-written page without generated parts: MkDocs compares the files' times
        lang = config.theme["language"]
        mark = build.site.written_fingerprint(markdown, lang, _page_url(file.url, lang))
    build.fingerprints[file.dest_uri] = mark
    unchanged = build.memory.pages.get(file.dest_uri) == mark and Path(file.abs_dest_path).is_file()
    # (A hand-written page's own file may be older than its HTML while its generated parts changed.)
    file.is_modified = _unchanged if unchanged else _changed


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


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
    return _with_repository(_build().site.fill_placeholders(markdown, lang, _page_url(page.url, lang)), config)


def _page_url(url: str, lang: str) -> str:
    """A page's address within its language root."""
    return url[len(lang) + 1 :] if url.startswith(f"{lang}/") else url


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
    title = _build().site.strings[config.theme["language"]]["permalink_title"]
    html_text = html_text.replace(f'title="{PERMALINK_TITLE}"', f'title="{html.escape(title, quote=True)}"')
    return _build().site.splices.fill(html_text)


@event_priority(-100)
def on_page_context(context, page, config, nav):
    lang = config.theme["language"]
    build = _build()
    # Search reads the page before the parts it need not index are added.
    # Pages shown in the other language (untranslated) stay out of this one's.
    searched = None
    if (page.meta.get("content_lang") or getattr(page.file, "locale", lang)) == lang and not (page.meta.get("search") or {}).get("exclude"):
        filters = build.site.search_filters(page.meta.get("case_id"), lang)
        searched = build.index.page(lang, page.url, page.meta.get("title") or page.title or "", page.content or "", filters)
    build.searched[lang][page.url] = searched
    frame = build.site.frame(page.file.src_uri)
    if frame is not None:
        page.content = frame[0] + page.content + frame[1]
    return context


def on_env(env, config, files):
    build = _build()
    if build.memory is not None:
        # MkDocs makes a new template environment each build: keep the compiled templates.
        env.bytecode_cache = build.memory.templates
    env.globals["hub_strings"] = build.site.strings
    env.globals["hub_direction"] = DIRECTION
    env.globals["hub_search"] = {lang: build.index.interface(lang, build.site.strings[lang]) for lang in LANGUAGES}
    return env


def on_post_page(output, page, config):
    # The policy hashes the layout's inline scripts only, so it is computed
    # while the content is still exactly page.content.
    if page.content and page.content not in output:
        raise PluginError(f"{page.file.src_uri}: the page's content is not found in its HTML; cannot write its Content-Security-Policy")
    output = csp.with_policy(output, page.content)
    output = _build().site.splices.fill(output, late=True)
    return _with_root_direction(output, config.theme["language"])


def _with_root_direction(output: str, lang: str) -> str:
    # Material puts dir only on <body>; the root element must carry it too.
    return output.replace(f'<html lang="{lang}"', f'<html lang="{lang}" dir="{DIRECTION[lang]}"', 1)


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        # static-i18n leaves the language switch of the last page built in
        # place (as an attribute of `extra`, which templates read before its
        # key); a page for any missing address links each language's home.
        i18n = config.plugins.get("i18n")
        if i18n is not None and i18n.extra_alternate:
            config.extra.alternate = copy.deepcopy(i18n.extra_alternate)
    return template


def on_post_template(output, template_name, config):
    build = _build()
    if template_name == language_split.SITEMAP and build.split is not None:
        language_split.keep_sitemap(build.split, output, build.files)
    # Pages from theme templates alone (404.html) carry the same policy.
    if not template_name.endswith(".html"):
        return output
    output = _with_root_direction(csp.with_policy(output, ""), config.theme["language"])
    if template_name == "404.html":
        # Every language build writes /404.html over the last one: keep each
        # language's, written at its own root once all are built.
        _build().not_found[config.theme["language"]] = output
    return output


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    build, out = _build(), Path(config.site_dir)
    split = build.split
    if split is None and i18n is not None and i18n.building:
        return  # an inner language build: the search indexes are written at the end
    languages = list(LANGUAGES) if split is None else [split.lang]
    _fill_index(build, languages)
    if split is not None and split.child_pid is None:
        # The child: its language's index, then the rest goes to the parent.
        build.index.write(out, languages)
        kept = (build.fingerprints, build.searched[split.lang]) if build.memory is not None else None
        language_split.child_done(split, build.not_found.get(split.lang), kept)
        return
    build.index.write(out, languages)
    # The first addresses of theme pages (themes/a/) lead to the readable ones.
    files = {rel: csp.with_policy(page, "") for rel, page in build.site.redirects.items()}
    # One feed, calendar and file of assessment details per language.
    files.update(build.site.files)
    _write(out, files)
    # Shipped media once at the site root for both languages.
    for source, rel in build.media:
        target = out / urls.MEDIA_FILES / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if split is not None:
        # Only now wait for the other language (it has been building meanwhile).
        other = next(lang for lang in LANGUAGES if lang != split.lang)
        got = language_split.parent_done(split, config.site_dir)
        if got["not_found"] is not None:
            build.not_found[other] = got["not_found"]
        if got["kept"] is not None:
            fingerprints, build.searched[other] = got["kept"]
            build.fingerprints.update(fingerprints)
        i18n.building = False
    _write(out, {f"{urls.language_root(lang)}404.html": text for lang, text in build.not_found.items()})
    if build.memory is not None:
        build.memory.pages, build.memory.searched = build.fingerprints, build.searched


def _fill_index(build: Build, languages: list[str]) -> None:
    """Each language's searched pages into its index, in MkDocs' order; a page
    this build kept from the last one keeps the last one's search entry."""
    kept = build.memory.searched if build.memory is not None else {}
    for lang in languages:
        searched, before = build.searched[lang], kept.get(lang, {})
        for url in build.order.get(lang, []):
            page = searched[url] if url in searched else before.get(url)
            if url in searched or url in before:
                searched[url] = page
            if page is not None:
                build.index.indexes[lang].add(page)


def _write(out: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
