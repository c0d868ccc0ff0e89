"""Build the two languages at once, one per processor core (part of the MkDocs adapter).

static-i18n builds the default language, then each other language, in one
process. Once the core has checked the content and made its Site (shared by
every language), `mkdocs build` forks: the child builds the other language,
the parent the default one. Nothing either writes is written by the other,
except what both builds of static-i18n write at the site root:

* the theme's files (assets): the same bytes from both;
* /404.html: rewritten per language by the adapter at the end, as before;
* sitemap.xml (and .gz): static-i18n's lists the pages of every language
  built so far; the parent joins its own with the child's, in the order the
  one-process build gives (default language first).

The child sends its sitemap and 404 page through a pipe and writes its own
search index; the parent waits for it, fails the build if it failed, and
writes everything else. scripts/serve's first build splits too (the child
also sends what the next builds keep of its language: hooks/rebuild.py);
`mkdocs serve`, `--dirty` builds and HUB_ONE_PROCESS=1 keep the one-process
build (the result is the same, byte for byte: tests/test_language_split.py).
"""

from __future__ import annotations

import atexit
import gzip
import logging
import os
import pickle
import signal
import sys
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError

SITEMAP = "sitemap.xml"
_CLEAN = utils.clean_directory


class Split:
    """This process's share of a build split by language."""

    def __init__(self, lang: str, child_pid: int | None, reader: int | None, writer: int | None):
        self.lang = lang
        self.child_pid = child_pid  # in the parent: the child building the other language
        self.reader = reader  # in the parent: what the child sends
        self.writer = writer  # in the child
        self.sitemap = ""
        self.sitemap_timestamp = 0


def wanted(command: str | None, dirty: bool, languages, asked: bool = False) -> bool:
    """`mkdocs build`, or a builder that asks (scripts/serve's first build, before it serves)."""
    return (
        (command == "build" or asked)
        and not dirty
        and len(languages) == 2
        and hasattr(os, "fork")
        and os.environ.get("HUB_ONE_PROCESS") != "1"
    )


def fork(config, i18n, default: str, other: str) -> Split:
    """Split the build here (from on_config, before static-i18n configures a language)."""
    # Both processes write into site_dir: empty it once, now, and never again.
    utils.clean_directory(config.site_dir)
    utils.clean_directory = lambda path: None
    # static-i18n builds no other language after its own (each process has one).
    i18n.building = True
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        i18n.current_language = other
        # One "Documentation built in …" per build, the parent's; warnings still show.
        logging.getLogger("mkdocs.commands.build").setLevel(logging.WARNING)
        return Split(other, None, None, writer)
    os.close(writer)
    # If the parent stops early (a failed check of its pages), the child stops too.
    atexit.register(_stop, pid)
    return Split(default, pid, reader, None)


def keep_sitemap(split: Split, output: str, files) -> None:
    """The sitemap this process built (on_post_template), and its gzip time."""
    split.sitemap = output
    pages = [f.page for f in files.documentation_pages() if f.page is not None] if files is not None else None
    split.sitemap_timestamp = utils.get_build_timestamp(pages=pages)


def child_done(split: Split, not_found: str | None, kept=None) -> None:
    """In the child, once its language is built: hand over what the parent
    writes, and what a long-running builder keeps of this language (`kept`)."""
    with os.fdopen(split.writer, "wb") as pipe:
        pickle.dump({"sitemap": split.sitemap, "not_found": not_found, "kept": kept}, pipe)


def parent_done(split: Split, site_dir: str) -> dict:
    """In the parent, once its language is built: wait for the child, write the
    joined sitemap, and return what the child sent ("not_found": its 404 page,
    "kept")."""
    with os.fdopen(split.reader, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(split.child_pid, 0)
    atexit.unregister(_stop)
    utils.clean_directory = _CLEAN
    if status != 0 or not sent:
        raise PluginError("the build of the other language failed: see its messages above")
    got = pickle.loads(sent)  # from our own child process, through our own pipe
    _write_sitemap(Path(site_dir), join_sitemaps(split.sitemap, got["sitemap"]), split.sitemap_timestamp)
    return got


def join_sitemaps(first: str, second: str) -> str:
    """One urlset: the <url> entries of `first`, then those of `second`."""
    start2, end2 = second.find("<url>"), second.rfind("</url>")
    end1 = first.rfind("</url>")
    if start2 < 0:
        return first
    if end1 < 0:
        return second
    cut = end1 + len("</url>")
    # The template's own spacing between two entries (a new line and an indent).
    spacing = second[second.rfind(">", 0, start2) + 1 : start2]
    return first[:cut] + spacing + second[start2 : end2 + len("</url>")] + first[cut:]


def _write_sitemap(site_dir: Path, text: str, timestamp: int) -> None:
    # As MkDocs writes them: the text, and the same gzipped with the build's time.
    path = site_dir / SITEMAP
    path.write_bytes(text.encode("utf-8"))
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb", mtime=timestamp) as packed:
        packed.write(text.encode("utf-8"))


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except (ProcessLookupError, ChildProcessError):
        pass
