"""What contributors read: the issue forms, the pull-request templates and the guide, all from the schema."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from helpers import REPO
from hub.contrib import checklists, guide, issue_form, pr_templates
from hub.model import case_schema, strings, themes, topics
from hub.model.languages import LANGUAGES
from hub.model.schema import Group, ListOf

THEMES = themes.load()
RULES = case_schema.rules(THEMES, topics.load())
STRINGS = strings.load()
FORMS = sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("case-*.yml"))
# GitHub's form schema: the element types, and what an id may hold.
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
ID = re.compile(r"[A-Za-z0-9_-]+")


def schema_fields() -> set[str]:
    """Every value a case file holds: top-level fields, and the parts of a group such as period."""
    found = set()
    for field in RULES.schema.fields:
        if isinstance(field.kind, Group):
            found |= {f"{field.name}.{part.name}" for part in field.kind.fields}
        else:
            found.add(field.name)
    return found


def test_there_is_one_form_per_case_type_and_language():
    assert [p.name for p in FORMS] == sorted(f"case-{lang}-{t}.yml" for lang in LANGUAGES for t in case_schema.TYPES)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_each_issue_form_is_a_valid_github_form(path):
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(form) == {"name", "description", "title", "body"}
    assert all(isinstance(form[key], str) and form[key].strip() for key in ("name", "description", "title"))
    ids, labels = [], []
    for element in form["body"]:
        assert element["type"] in ELEMENT_TYPES, element
        attributes = element["attributes"]
        if element["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        assert ID.fullmatch(element["id"]), element["id"]
        ids.append(element["id"])
        labels.append(attributes["label"])
        if element["type"] == "dropdown":
            assert attributes["options"] and len(set(attributes["options"])) == len(attributes["options"])
            assert 0 <= attributes.get("default", 0) < len(attributes["options"])
        if element["type"] == "checkboxes":
            assert all(option["label"].strip() for option in attributes["options"])
        else:
            assert isinstance(element["validations"]["required"], bool)
    # GitHub refuses a form whose ids or labels repeat.
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)


@pytest.mark.parametrize("case_type", case_schema.TYPES)
def test_the_form_questions_map_one_to_one_to_the_schema(case_type):
    questions = issue_form.questions(case_type, RULES, STRINGS)
    fills = [q.fills for q in questions if q.fills]
    assert len(set(fills)) == len(fills)
    sections = {f"section:{n}" for n in range(1, len(case_schema.sections()[case_type]) + 1)}
    assert set(fills) == (schema_fields() - set(issue_form.NOT_ASKED)) | sections
    schema = RULES.schema
    for question in questions:
        field = question.fills.split(".")[0]
        if question.fills in schema_fields() and "." not in question.fills:
            # A question is required exactly when its field is, except those the maintainer fills in.
            assert question.required == (schema.field(field).required and field not in issue_form.OPTIONAL_IN_FORM), field
            kind = schema.field(field).kind
            if question.options and field != "type":
                options = kind.item.options if isinstance(kind, ListOf) else kind.options
                assert [value for value, _ in question.options] == list(options)


@pytest.mark.parametrize("case_type", case_schema.TYPES)
def test_both_languages_ask_the_same_questions_in_the_same_order(case_type):
    forms = {lang: yaml.safe_load(issue_form.path(case_type, lang).read_text(encoding="utf-8")) for lang in LANGUAGES}
    ids = {lang: [e.get("id") for e in form["body"]] for lang, form in forms.items()}
    assert ids["en"] == ids["ar"]
    sections = [e["attributes"]["label"] for e in forms["ar"]["body"] if e.get("id", "").startswith("section-")]
    assert sections == [names["ar"] for names in case_schema.sections()[case_type]]


def test_the_committed_forms_and_templates_are_the_generated_ones():
    for path, text in {**issue_form.files(RULES), **pr_templates.files(RULES)}.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(REPO)}: run scripts/generate"


def test_there_is_a_pull_request_template_per_kind_of_change():
    folder = REPO / ".github" / "PULL_REQUEST_TEMPLATE"
    assert sorted(p.name for p in folder.glob("*.md")) == ["code.md", "episode.md", "new-case.md", "translation.md"]
    default = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for path in folder.glob("*.md"):
        assert f"?template={path.name}" in default
        assert "- [ ] " in path.read_text(encoding="utf-8")


def test_the_new_case_checklist_states_the_validators_rules():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE" / "new-case.md").read_text(encoding="utf-8")
    for field in RULES.schema.fields:
        assert f"`{field.name}`" in text, field.name
    for sections in case_schema.sections().values():
        for names in sections:
            assert f"`## {names['en']}`" in text
    assert ", ".join(f"`{t.id}`" for t in THEMES) in text
    assert "`scripts/check`" in text
    assert text.count("- [ ] ") == len(checklists.new_case(STRINGS["en"], "en", RULES))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_shows_every_field_section_and_rule_in_its_language(site, lang):
    page = site / ("" if lang == "en" else "ar") / "contribute" / "index.html"
    raw = page.read_text(encoding="utf-8")
    text = html.unescape(raw)
    # The words of the page without its tags: on Arabic pages the Latin values
    # inside a help text are set apart as code.
    words = html.unescape(re.sub(r"<[^>]+>", "", raw))
    assert "<!-- hub:" not in text
    for field in RULES.schema.fields:
        assert f">{field.name}</code>" in text and field.help[lang] in words, field.name
    for sections in case_schema.sections().values():
        for names in sections:
            assert f"## {names['en']}" in text and f"## {names['ar']}" in text and names["hint"][lang] in text
    for item in checklists.new_case(STRINGS[lang], lang, RULES) + checklists.translation(STRINGS[lang], lang, RULES):
        first_words = re.sub(r"[`*]", "", item).split(" (")[0][:30]
        assert first_words in re.sub(r"<[^>]+>", "", text), first_words


def test_the_two_guides_keep_the_same_structure():
    def outline(lang):
        text = (REPO / "docs" / lang / "contribute.md").read_text(encoding="utf-8")
        return [m.group(1) or m.group(2) for m in re.finditer(r"^(#{1,3}) |^<!-- hub:([a-z-]+) -->$", text, re.M)]

    assert outline("en") == outline("ar")
    assert {"case-fields", "case-sections", "case-checklist", "translation-checklist"} <= set(outline("en"))


def test_the_readme_links_to_the_guide_and_explains_publishing():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/en/contribute.md" in readme and "docs/ar/contribute.md" in readme
    assert "SITE_URL" in readme and "sub-path" in readme
    assert "scripts/case-from-issue" in readme


def test_on_arabic_pages_the_latin_values_of_a_fields_help_are_code():
    cell = guide._help("good-practice للممارسة الجيدة، أو faltering-implementation، وفق ISO 3166-1 (YYYY-MM-DD) a|b", "ar")
    assert cell == (
        '<code lang="en" dir="ltr">good-practice</code> للممارسة الجيدة، أو <code lang="en" dir="ltr">faltering-implementation</code>، '
        'وفق <code lang="en" dir="ltr">ISO 3166-1</code> (<code lang="en" dir="ltr">YYYY-MM-DD</code>) '
        '<code lang="en" dir="ltr">a</code>&#124;<code lang="en" dir="ltr">b</code>'
    )
    assert guide._help("good-practice, or faltering-implementation", "en") == "good-practice, or faltering-implementation"


def test_a_case_field_without_a_form_label_is_a_problem_not_a_traceback(tmp_path):
    import shutil

    from hub.checks import project
    from hub.contrib import issue_form
    from hub.model import paths

    strings_dir = tmp_path / "strings"
    shutil.copytree(paths.STRINGS_DIR, strings_dir)
    path = strings_dir / "contribute.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("form_label_place:", "form_label_plaice:"), encoding="utf-8")
    found = issue_form.check_labels(strings_dir, tmp_path, RULES)
    assert [(p.field, p.line) for p in found] == [("form_label_place", 1), ("form_label_place", 1)]
    assert all(p.path == "strings/contribute.yml" and "en:" in p.message for p in found)
    assert issue_form.check_labels(paths.STRINGS_DIR, paths.REPO, RULES) == []
    assert not [p for p in project.check().problems if p.field.startswith("form_label_")]
