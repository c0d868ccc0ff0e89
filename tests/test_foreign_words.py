"""Latin words on Arabic pages, checked in the source with file and line
(hub.checks.foreign_words); the browser test reads the built pages with the
same rules (tests/test_reader_browser.py)."""

from __future__ import annotations

import yaml

from helpers import REPO
from hub.checks import foreign_words
from hub.model import case_schema, content, themes, topics

MKDOCS_YML = REPO / "mkdocs.yml"


def test_allowed_words_addresses_and_file_names_are_not_stray():
    text = "رخصة CC BY 4.0 وخلاصة RSS على https://example.org/a-b وملف case.ar.md وموقع djazairess.com"
    assert foreign_words.stray_words(text) == []
    assert foreign_words.stray_words("برنامج CapDeL في Élancourt") == ["CapDeL", "Élancourt"]


def test_a_name_marked_with_another_language_or_in_code_is_not_stray():
    body = '## السياق\n\nبرنامج <span lang="fr">CapDeL</span> والحقل `summary` ورخصة MIT.\n'
    assert foreign_words.body_problems(body, 10, MKDOCS_YML) == []


def test_an_unmarked_name_is_reported_on_its_line_once():
    body = '## السياق\n\nنص عربي.\n\nبرنامج CapDeL و<span lang="ar">Tunis</span>.\n\nثم CapDeL مرة أخرى.\n'
    problems = foreign_words.body_problems(body, 10, MKDOCS_YML)
    # An element marked Arabic is still Arabic text.
    assert [(line, message.split(" is ")[0]) for line, message in problems] == [(14, "'CapDeL'"), (14, "'Tunis'")]
    assert '<span lang="fr">CapDeL</span>' in problems[0][1]


def test_latin_in_arabic_text_fields_and_in_arabic_sources_is_reported_with_its_line():
    front = yaml.compose(
        "title: عنوان عربي\n"
        "summary: درّب برنامج CapDeL الجمعيات\n"
        "sources:\n"
        "  - title: Réseau des femmes élues\n"
        "    publisher: CILG-VNG\n"
        "    language: fr\n"
        "  - title: عنوان\n"
        "    publisher: Roya News\n"
        "    language: ar\n"
    )
    found = foreign_words.front_problems(front)
    assert [(line, field) for line, field, _ in found] == [(2, "summary"), (8, "sources[1].publisher")]
    assert "'Roya', 'News'" in found[1][2]


def test_every_arabic_case_is_free_of_stray_latin_words():
    found = []
    for path in sorted((REPO / "good_practices").glob("*.ar.md")):
        item, problems = content.read(path, REPO)
        assert item is not None, problems
        found += [(item.rel, line) for line, _ in foreign_words.body_problems(item.body, item.body_line, MKDOCS_YML)]
        found += [(item.rel, line, field) for line, field, _ in foreign_words.front_problems(item.front)]
    assert found == []


def test_scripts_check_warns_with_the_line_and_the_case_still_builds(tmp_path):
    source = REPO / "good_practices" / "vienna-gender-budgeting.ar.md"
    marked = source.read_text(encoding="utf-8")
    line = marked[: marked.index('<span lang="en">URBACT</span>')].count("\n") + 1
    text = marked.replace('<span lang="en">URBACT</span>', "URBACT", 1)
    (tmp_path / "good_practices").mkdir()
    path = tmp_path / "good_practices" / source.name
    path.write_text(text, encoding="utf-8")
    item, problems = content.read(path, tmp_path)
    problems += content.check_case(item, case_schema.rules(themes.load(), topics.load()).schema)
    assert [(p.line, p.field, p.severity) for p in problems] == [(line, "body", "warning")]
    assert item.valid


def test_the_arabic_text_of_a_bilingual_data_file_is_checked_field_by_field():
    node = yaml.compose(
        "id: x\n"
        'name: {official: "Helene Weber Kolleg", language: de, en: "Helene Weber College", ar: "كلية Helene Weber"}\n'
        "summary:\n"
        "  en: Run by the EAF Berlin\n"
        '  ar: "تديرها أكاديمية EAF"\n'
        "sources:\n"
        "  - {title: عنوان, publisher: Roya News, language: ar}\n"
        "  - {title: A title, publisher: A publisher, language: en}\n"
        "speakers:\n"
        "  - role: {en: GIZ, ar: ممثلة برنامج WOMENA}\n"
    )
    found = foreign_words.bilingual_problems(node)
    assert [(line, field) for line, field, _ in found] == [
        (2, "name.ar"),
        (5, "summary.ar"),
        (7, "sources[0].publisher"),
        (10, "speakers[0].role.ar"),
    ]


def test_every_network_and_event_is_free_of_stray_latin_words_in_arabic():
    found = []
    for folder in ("networks", "events"):
        for path in sorted((REPO / folder).glob("[!_]*.yml")):
            found += [
                (path.name, line, field)
                for line, field, _ in foreign_words.bilingual_problems(yaml.compose(path.read_text(encoding="utf-8")))
            ]
    assert found == []
