"""The schemas' help and examples in data/fields/*.yml: read into the schemas, and checked with lines."""

from __future__ import annotations

import shutil

from hub.checks import project
from hub.model import case_schema, field_texts, paths, themes, topics
from hub.support import event_schema

THEMES, TOPICS = themes.load(), topics.load()
RULES = case_schema.rules(THEMES, TOPICS)


def _copy(tmp_path):
    folder = tmp_path / "fields"
    shutil.copytree(field_texts.FIELDS_DIR, folder)
    return folder


def _edit(path, *replacements):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_the_repositorys_field_texts_have_no_problem():
    assert project.field_text_problems(paths.REPO, RULES) == []


def test_the_help_reaches_the_schema_with_its_placeholders_filled():
    schema = RULES.schema
    themes_help = schema.field("themes").help
    assert themes_help["en"].startswith("One or more theme letters: A ") and "{" not in themes_help["en"]
    assert "؛ " in themes_help["ar"]
    assert f"1 to {topics.MAX_PER_ITEM} topics" in schema.field("topics").help["en"]
    source = schema.field("sources").kind.item
    assert source.field("title").examples == {"ar": '"الانتخابات البلدية 2018: النتائج النهائية"'}
    # same_as across files: an event's sources say what a case's say.
    assert event_schema.event_schema().field("sources").kind.item.field("title").help == source.field("title").help


def test_each_mistake_in_a_fields_file_is_named_with_its_line(tmp_path):
    folder = _copy(tmp_path)
    _edit(
        folder / "case.yml",
        ("\nplace:\n", "\nplaice:\n"),
        ("'One or more theme letters: {themes}.'", "'One or more theme letters: {themse}.'"),
        ("    ar: سنة النشر.\n", ""),
    )
    _edit(folder / "event.yml", ("same_as: case:sources.title", "same_as: case:sources.titel"))
    found = field_texts.check("case", RULES.schema, RULES.help_values, folder, tmp_path)
    found += field_texts.check("event", event_schema.event_schema(), {}, folder, tmp_path)
    lines = {name: (folder / name).read_text(encoding="utf-8").splitlines() for name in ("case.yml", "event.yml")}

    def line(name, text):
        return next(n for n, row in enumerate(lines[name], start=1) if row.startswith(text))

    assert [(p.path, p.line, p.field, p.message) for p in found] == [
        ("fields/case.yml", 1, "place", "has no help: add 'place:' with 'help: {en: ..., ar: ...}'"),
        (
            "fields/case.yml",
            line("case.yml", "    en: 'One or more"),
            "themes.help.en",
            "{themse} is not filled here (placeholders: {themes}, {topics}, {max_topics})",
        ),
        (
            "fields/case.yml",
            line("case.yml", "plaice:"),
            "plaice",
            "no field of the case schema has this path (did you mean 'place'?): remove it or correct the path",
        ),
        ("fields/case.yml", line("case.yml", "    en: Year of publication."), "sources.year.help.ar", "is required but missing: add it"),
        (
            "fields/event.yml",
            line("event.yml", "  same_as: case:sources.titel"),
            "sources.title.same_as",
            "'case:sources.titel' names no entry with its own help in case.yml",
        ),
    ]


def test_an_entry_gives_help_or_same_as_not_both(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "event.yml", ("\nreviewed:\n  help:", "\nreviewed:\n  same_as: id\n  help:"))
    found = field_texts.check("event", event_schema.event_schema(), {}, folder, tmp_path)
    assert [(p.field, p.message) for p in found] == [
        ("reviewed", "give either 'help' (a text per language) or 'same_as' (the path of a field with the same help)")
    ]


def test_the_case_sections_file_is_checked_with_lines(tmp_path):
    broken = tmp_path / "case_sections.yml"
    text = case_schema.SECTIONS_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("  ar: السياق\n", "", 1), encoding="utf-8")
    found = case_schema.check_sections(broken, tmp_path)
    assert [(p.path, p.field, p.message) for p in found] == [
        ("case_sections.yml", "sections.good-practice[1].ar", "is required but missing: add it")
    ]
    assert case_schema.check_sections() == []
