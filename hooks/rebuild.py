"""Builds for scripts/serve, in one long-running process (part of the MkDocs adapter).

The first build is whole. Each later one starts from what the last one kept
(`Memory`): the check of every case file that has not changed
(hub.checks.project.CaseFileMemory), each page's fingerprint and its search
entry. MkDocs then builds as with `--dirty`, and the adapter (hooks/site.py)
tells it which pages have not changed, so only the pages a change touches are
rendered and written again (the case, the lists and counts that show it);
the search indexes, feeds and sitemap are written whole, as always.

A change outside the content folders and docs/ (mkdocs.yml, the theme
overrides), or a file removed, rebuilds everything; a build that failed is
followed by a whole one. Changes to the code under hooks/ need a new process
(a running one keeps the modules it imported): scripts/static_server.py
restarts itself for them.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
import traceback
from collections.abc import Iterable
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from hub.checks import project
from hub.model.languages import LANGUAGES
from hub.render import site as hub_site

# MkDocs warns about every --dirty build; in strict mode a warning fails it.
DIRTY_WARNING = "A 'dirty' build is being performed"


class Memory:
    """What one build keeps for the next (read and replaced by hooks/site.py)."""

    def __init__(self) -> None:
        self.cases = project.CaseFileMemory()
        self.pages: dict[str, str] = {}  # built file (dest_uri) -> fingerprint
        self.searched: dict[str, dict] = {}  # language -> {page url: search entry, or None}
        self.words: dict[str, dict] = {lang: {} for lang in LANGUAGES}  # language -> {word: its search terms}
        self.templates = _CompiledTemplates()  # the theme's templates, compiled once
        self.case_pages = hub_site.MadeCasePages()  # each case page, while nothing it shows changes


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, in memory (keyed by Jinja with each template's source hash)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class Rebuilder:
    """Builds one project's site into `site_dir`, again and again."""

    def __init__(self, root: Path, site_dir: Path):
        self.root = Path(root).resolve()
        self.site_dir = Path(site_dir).resolve()
        self.memory = Memory()
        self.built = False  # the last build succeeded: the next may start from it
        self.started = False  # a build has begun (only the first may split by language)
        logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())

    def partial(self, changed: Iterable[Path], removed: Iterable[Path] = ()) -> bool:
        """Whether these changes can be built from the last build."""
        if not self.built or list(removed):
            return False
        folders = [*project.Layout(root=self.root).content_dirs, self.root / "docs"]
        return all(any(Path(path).resolve().is_relative_to(folder) for folder in folders) for path in changed)

    def build(self, changed: Iterable[Path] = (), removed: Iterable[Path] = ()) -> bool:
        """Build the site (only what the changes touch, when they allow it);
        False, with MkDocs' messages printed, when the build fails."""
        changed, removed = list(changed), list(removed)
        dirty = self.partial(changed, removed)
        first, parent = not self.started, os.getpid()
        self.started = True
        start = time.perf_counter()
        try:
            config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir), strict=True)
            config.hub_memory = self.memory
            # The first build may use both processor cores, as `mkdocs build`
            # does (hooks/language_split.py): nothing is served yet, and no
            # other thread runs while the process forks.
            config.hub_split = first
            # static-i18n builds its other languages dirty or not by the command line.
            argv = sys.argv
            sys.argv = [*argv, "--dirty"] if dirty else [a for a in argv if a != "--dirty"]
            try:
                build(config, dirty=dirty)
            finally:
                sys.argv = argv
                gc.unfreeze()  # the adapter freezes what a build reads, for that build only
                if os.getpid() != parent:
                    # The child of a split build has built its language and sent what the
                    # parent needs; it must not go on to serve.
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(0 if sys.exc_info()[0] is None else 1)
        except (Abort, BuildError, ConfigurationError, PluginError) as error:
            print(f"the build failed: {error}", file=sys.stderr, flush=True)
            self.built = False
            return False
        except Exception:
            # A fault of the hub itself: say where, and keep serving the last site.
            traceback.print_exc()
            self.built = False
            return False
        self.built = True
        print(f"{'rebuilt' if dirty else 'built'} in {time.perf_counter() - start:.1f} s: reload the page", flush=True)
        return True
