"""Check a whole project tree and hand back what the pages are built from.

`check(layout)` runs every rule over every file and collects every problem
before anything fails, so a contributor fixes all their mistakes in one go.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from hub.checks import citations
from hub.contrib import issue_form
from hub.media import episode_schema, episodes, podcast_feed
from hub.model import assessment, case_schema, content, field_texts, paths, strings
from hub.model.problems import Problem
from hub.support import country_card_schema, country_cards, event_schema, events, network_schema, networks, solution_schema, solutions


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its data and content (tests point it at fixtures)."""

    root: Path = paths.REPO
    themes_file: Path = paths.THEMES_FILE
    topics_file: Path = paths.TOPICS_FILE
    strings_dir: Path = paths.STRINGS_DIR
    assessment_file: Path = assessment.BANK_FILE
    podcast_file: Path = podcast_feed.CHANNEL_FILE
    support_file: Path = network_schema.SUPPORT_FILE

    @property
    def cases_dir(self) -> Path:
        return self.root / "good_practices"

    @property
    def podcasts_dir(self) -> Path:
        return self.root / "podcasts"

    @property
    def networks_dir(self) -> Path:
        return self.root / "networks"

    @property
    def events_dir(self) -> Path:
        return self.root / "events"

    @property
    def country_cards_dir(self) -> Path:
        return self.root / "country_cards"

    @property
    def solutions_dir(self) -> Path:
        return self.root / "solutions"

    @property
    def content_dirs(self) -> tuple[Path, ...]:
        """Every folder of contributed content (a change there changes the site)."""
        return (self.cases_dir, self.podcasts_dir, self.networks_dir, self.events_dir, self.country_cards_dir, self.solutions_dir)


@dataclass
class Report:
    problems: list = field(default_factory=list)
    themes: list = field(default_factory=list)  # [themes.Theme]
    topics: list = field(default_factory=list)  # [topics.Topic]
    case_rules: case_schema.CaseRules | None = None  # the case schema of these themes and topics
    cases: dict = field(default_factory=dict)  # id -> {lang: content.Item}
    episodes: dict = field(default_factory=dict)  # id -> {lang: episodes.Episode}
    channel: object = None  # podcast_feed.Channel, once there are episodes
    vocabulary: object = None  # network_schema.Vocabulary (kinds of support, regions)
    networks: dict = field(default_factory=dict)  # id -> yaml_entries.Entry
    events: dict = field(default_factory=dict)  # id -> yaml_entries.Entry
    country_cards: dict = field(default_factory=dict)  # country code -> yaml_entries.Entry
    solutions: dict = field(default_factory=dict)  # id -> yaml_entries.Entry (solutions/: the register's challenges)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def _citation_problems(item) -> list[Problem]:
    sources = item.meta.get("sources")
    if not isinstance(sources, list):
        return []  # the schema has said what is wrong with them
    return [
        Problem(item.rel, line, "body", message, severity)
        for line, severity, message in citations.problems(item.body, item.body_line, len(sources))
    ]


def _check_each(paths: list[Path], root: Path, rules: case_schema.CaseRules) -> list[tuple]:
    """Read and check these case files, each on its own: [(item read or None, its problems)]."""
    checked = []
    for path in paths:
        item, found = content.read(path, root)
        if item is not None:
            found = found + content.check_case(item, rules.schema) + _citation_problems(item)
        checked.append((item, found))
    return checked


def _check_case_files(paths: list[Path], root: Path, rules: case_schema.CaseRules) -> tuple[list, list[Problem]]:
    """The items read and all problems of these case files."""
    items, found = [], []
    for item, problems in _check_each(paths, root, rules):
        found += problems
        if item is not None:
            items.append(item)
    return items, found


def _trim(item) -> None:
    """Keep only the YAML nodes the pair check needs (the shared fields' lines):
    whole node trees cost a large build memory and garbage-collector work."""
    item.front = None
    item.nodes = {name: item.nodes[name] for name in case_schema.SHARED_FIELDS if name in item.nodes}


def _check_case_files_apart(paths: list[Path], root: Path, rules: case_schema.CaseRules) -> tuple[list, list[Problem]]:
    """The same, in a worker process: what goes back is trimmed."""
    items, found = _check_case_files(paths, root, rules)
    for item in items:
        _trim(item)
    return items, found


@dataclass
class CaseFileMemory:
    """Each case file's check, kept between builds by a long-running server
    (scripts/serve): a file whose time and size have not changed is not read
    again, as long as the themes and topics are the same."""

    rules: str = ""  # the themes and topics the kept checks were made with
    files: dict = field(default_factory=dict)  # path -> ((mtime_ns, size), item or None, problems)


def _check_remembered(paths: list[Path], root: Path, report: Report, memory: CaseFileMemory) -> tuple[list, list[Problem]]:
    rules = repr((report.themes, report.topics))
    if memory.rules != rules:
        memory.rules, memory.files = rules, {}
    stamps = {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in paths}
    changed = [path for path in paths if path not in memory.files or memory.files[path][0] != stamps[path]]
    if changed:
        for path, (item, problems) in zip(changed, _check_each(changed, root, report.case_rules)):
            if item is not None:
                _trim(item)
            memory.files[path] = (stamps[path], item, problems)
    for gone in set(memory.files) - set(stamps):
        del memory.files[gone]
    items, found = [], []
    for path in paths:
        _, item, problems = memory.files[path]
        found += problems
        if item is not None:
            items.append(item)
    return items, found


# Below this many case files, starting processes costs more than it saves.
PARALLEL_FROM = 400


def check_cases(layout: Layout, report: Report, workers: int = 1, memory: CaseFileMemory | None = None) -> list:
    """Check every case file under the layout's good_practices/ into `report`
    (its case rules already made); the items read, valid or not.
    With `workers` > 1, large folders are checked in that many processes
    (forked: the result is the same, in the same order). With `memory`,
    only the files changed since the last check are read."""
    paths = content.find(layout.cases_dir)
    report.files_checked += len(paths)
    if memory is not None:
        checked = [_check_remembered(paths, layout.root, report, memory)]
    elif workers > 1 and len(paths) >= PARALLEL_FROM and hasattr(os, "fork"):
        size = -(-len(paths) // workers)
        parts = [paths[start : start + size] for start in range(0, len(paths), size)]
        with ProcessPoolExecutor(len(parts), mp_context=multiprocessing.get_context("fork")) as pool:
            checked = list(pool.map(_check_case_files_apart, parts, repeat(layout.root), repeat(report.case_rules)))
    else:
        checked = [_check_case_files(paths, layout.root, report.case_rules)]
    items = []
    for part_items, found in checked:
        items += part_items
        report.problems += found
    report.problems += content.check_pairs([i for i in items if i.valid], case_schema.SHARED_FIELDS)
    for item in items:
        _trim(item)
        if item.valid:
            report.cases.setdefault(item.id, {})[item.lang] = item
    return items


def check(layout: Layout | None = None, workers: int = 1, memory: CaseFileMemory | None = None) -> Report:
    """Every problem of the project; `workers` > 1 checks many case files in
    that many processes; `memory` keeps each case file's check for the next call."""
    layout = layout or Layout()
    report = Report()
    rules, found = case_schema.read_rules(layout.themes_file, layout.topics_file, layout.root)
    report.problems += found
    report.problems += strings.check(layout.strings_dir, layout.root)
    report.problems += case_schema.check_sections(root=layout.root)
    if report.problems:
        # Without valid theme and topic lists (and sections) no case can be judged; say so once.
        return report
    report.themes, report.topics, report.case_rules = list(rules.themes), list(rules.topics), rules
    report.problems += issue_form.check_labels(layout.strings_dir, layout.root, rules)
    report.problems += assessment.check([t.id for t in report.themes], layout.assessment_file, layout.root, [t.id for t in report.topics])
    items = check_cases(layout, report, workers, memory)
    report.episodes, found, checked = episodes.check(layout.podcasts_dir, layout.root, report.themes, {i.id for i in items})
    report.problems += found
    report.files_checked += checked
    if report.episodes:
        # The podcast's image and titles matter once there is an episode to publish.
        report.channel, found = podcast_feed.check_channel(layout.podcast_file, layout.podcasts_dir, layout.root)
        report.problems += found
    vocabulary, found = network_schema.read_vocabulary(layout.support_file, layout.root, [t.id for t in report.topics])
    report.problems += found
    if vocabulary is not None:
        report.vocabulary = vocabulary
        report.networks, found, checked = networks.check(layout.networks_dir, layout.root, report.vocabulary)
        report.problems += found
        report.files_checked += checked
    report.events, found, checked = events.check(layout.events_dir, layout.root, {i.id for i in items}, set(report.episodes))
    report.problems += found
    report.files_checked += checked
    case_countries = {item.meta["country"] for item in items if item.valid}
    report.country_cards, found, checked = country_cards.check(layout.country_cards_dir, layout.root, case_countries)
    report.problems += found
    report.files_checked += checked
    report.solutions, found, checked = solutions.check(layout.solutions_dir, layout.root, report.themes, {i.id for i in items})
    report.problems += found
    report.files_checked += checked
    report.problems += field_text_problems(layout.root, rules, report.vocabulary)
    report.problems.sort(key=lambda p: (p.path, p.line, p.field))
    return report


def field_text_problems(root: Path, rules: case_schema.CaseRules, vocabulary=None) -> list[Problem]:
    """The help of every schema's fields (data/fields/<schema>.yml) against the schema:
    each field has its help in every language, no help names a field that does not exist."""
    vocabulary = vocabulary or network_schema.Vocabulary({}, {})
    theme_list = list(rules.themes)
    schemas = {
        "case": (rules.schema, rules.help_values),
        "episode": (episode_schema.episode_schema(theme_list), episode_schema.help_values(theme_list)),
        "network": (network_schema.network_schema(vocabulary), network_schema.help_values(vocabulary)),
        "event": (event_schema.event_schema(), {}),
        "solution": (solution_schema.solution_schema(theme_list), solution_schema.help_values(theme_list)),
        "country_card": (country_card_schema.card_schema(), {}),
    }
    return [problem for name, (schema, values) in schemas.items() for problem in field_texts.check(name, schema, values, root=root)]
