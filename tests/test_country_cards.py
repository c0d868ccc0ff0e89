"""Country cards: the schema against hostile input, the repository's cards, the card as a view model."""

from __future__ import annotations

import copy
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, build, close_context, real_report
from hub import render
from hub.checks import project
from hub.contrib import guide, json_schema
from hub.model import strings
from hub.support import country_card_schema, country_cards
from test_fixture_site import make_project

FIXTURES = Path(__file__).parent / "fixtures" / "country_cards"
STRINGS = strings.load()
LINE = re.compile(r"^[^:]+:\d+: (warning: )?[^:]+: .+$")
MENA = {"TN", "JO", "MA", "PS", "DZ", "EG", "IQ", "LB", "MR"}


def check(folder: Path, case_countries=None):
    return country_cards.check(folder, folder, case_countries)


def test_broken_cards_give_exactly_these_problems_on_their_lines():
    cards, found, checked = check(FIXTURES / "broken", {"DZ", "JO"})
    assert checked == 3 and list(cards) == ["DZ"]
    assert sorted((p.path, p.line, p.field, p.severity) for p in found) == [
        ("DZ.yml", 11, "sources[1].url", "warning"),
        ("DZ.yml", 12, "sources[2]", "warning"),
        ("JO.yml", 1, "country", "error"),
        ("JO.yml", 2, "reviewed", "error"),
        ("JO.yml", 5, "electoral_system.ar", "error"),
        ("JO.yml", 6, "electoral_system.sources", "error"),
        ("JO.yml", 8, "quota.kind", "error"),
        ("JO.yml", 8, "quota.sanction", "error"),
        ("JO.yml", 10, "quota.since", "error"),
        ("JO.yml", 14, "latest_local_elections.women_councillors_percent", "error"),
        ("JO.yml", 15, "latest_local_elections.women_mayors_percent", "error"),
        ("JO.yml", 18, "access_to_information.year", "error"),
        ("JO.yml", 19, "access_to_information.binds_municipalities", "error"),
        ("JO.yml", 21, "campaign_finance", "error"),
        ("JO.yml", 23, "next_local_elections.when", "error"),
        ("JO.yml", 29, "sources[1].url", "error"),
        ("JO.yml", 30, "sources[1].language", "error"),
        ("MA.yml", 3, "reviewer", "error"),
    ]


def test_the_messages_say_what_was_received_and_how_to_fix_it():
    _, found, _ = check(FIXTURES / "broken")
    messages = {(p.path, p.field): p.message for p in found}
    assert "did you mean 'unknown'?" in messages[("JO.yml", "campaign_finance")]
    assert "write it in capitals: JO" in messages[("JO.yml", "country")]
    assert (
        messages[("JO.yml", "electoral_system.sources")]
        == "cites source 9, but the file lists 1: add it to 'sources' or correct the number"
    )
    assert "without quotes" in messages[("JO.yml", "latest_local_elections.women_councillors_percent")]
    assert "between 0 and 100" in messages[("JO.yml", "latest_local_elections.women_mayors_percent")]
    assert "javascript: address is not allowed" in messages[("JO.yml", "sources[1].url")]
    assert "e-mail" in messages[("MA.yml", "reviewer")]


def test_a_card_must_be_named_after_its_country_and_without_a_case_it_only_warns(tmp_path):
    shutil.copy(FIXTURES / "valid" / "TN.yml", tmp_path / "MA.yml")
    shutil.copy(FIXTURES / "valid" / "TN.yml", tmp_path / "TN.yml")
    cards, found, _ = check(tmp_path, case_countries={"FR"})
    assert list(cards) == ["TN"]
    assert [(p.path, p.field, p.severity) for p in found] == [("MA.yml", "country", "error"), ("TN.yml", "country", "warning")]
    assert "differs from the file name 'MA.yml'" in found[0].message and "no case from TN yet" in found[1].message


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"


@pytest.mark.parametrize(
    "text, field",
    [
        (BOMB, "country card"),  # aliases refused before anything is expanded
        ("country: [TN", "country card"),
        ("", "country card"),
        ("- just\n- a list\n", "country card"),
        # A Python tag is a value like any other (never constructed): the wrong kind of value.
        ("country: TN\nquota: !!python/object/apply:os.system ['true']\n", "quota"),
        ("country: TN\u202e\n", "country"),  # a hidden direction mark, named
    ],
)
def test_hostile_files_are_refused_with_a_message(tmp_path, text, field):
    (tmp_path / "TN.yml").write_text(text, encoding="utf-8")
    cards, found, _ = check(tmp_path)
    assert not cards and found
    assert field in [p.field for p in found]
    assert all(LINE.match(p.text()) for p in found)


def valid_card() -> dict:
    """The valid fixture as values (its unquoted yes given back as the word, as the reader does)."""
    return country_cards.normalised(yaml.safe_load((FIXTURES / "valid" / "TN.yml").read_text(encoding="utf-8")))


# Values a hand (or an attacker) might put anywhere in a card.
junk = st.one_of(
    st.text(max_size=20),
    st.integers(-5, 3000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["unknown", "unkown", "none", "yes", "no", "47%", "javascript:alert(1)", "http://x.org", "2026-02-30", "<script>"]),
    st.lists(st.integers(-3, 60), max_size=4),
    st.dictionaries(st.sampled_from(["en", "ar", "fr", "sources", "note", "kind"]), st.text(max_size=8), max_size=3),
)


def paths_of(value, prefix=()):
    """Every key path into a card, to replace one of its values."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths_of(child, (*prefix, index))


CARD_PATHS = [p for p in paths_of(valid_card()) if p]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(CARD_PATHS), value=junk, drop=st.booleans())
def test_any_damaged_value_gives_line_messages_not_tracebacks_and_a_valid_card_renders(tmp_path, where, value, drop):
    card = copy.deepcopy(valid_card())
    parent = card
    for key in where[:-1]:
        parent = parent[key]
    if drop and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    (tmp_path / "TN.yml").write_text(yaml.safe_dump(card, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cards, found, _ = check(tmp_path)
    for problem in found:
        assert LINE.match(problem.text()) and problem.line >= 1, problem.text()
    for entry in cards.values():  # whatever passes the check must render in both languages
        for lang in ("en", "ar"):
            assert country_cards.card_html(entry, lang, STRINGS[lang])


def test_the_repository_cards_pass_and_the_mena_cards_are_all_there():
    report = real_report()
    assert not [p for p in report.errors if p.path.startswith("country_cards/")]
    assert MENA <= set(report.country_cards)
    for code in MENA:
        meta = report.country_cards[code].meta
        assert meta["sources"] and all(s["url"].startswith(("https://", "http://")) for s in meta["sources"]), code
        assert meta["reviewed"].isoformat() == "2026-11-30", code


def _tn():
    cards, found, _ = check(FIXTURES / "valid")
    assert not found
    return cards["TN"]


def test_unknown_facts_are_said_in_words_in_both_languages():
    for lang in ("en", "ar"):
        model = country_cards.card(_tn().meta, lang, STRINGS[lang])
        values = {row["id"]: [f["value"] for f in row["facts"]] for row in model["rows"]}
        unknown = STRINGS[lang]["card_unknown"]
        assert values["campaign-finance"] == [{"text": unknown, "unknown": True}]
        assert values["next-local-elections"] == [{"text": unknown, "unknown": True}]
        assert {"text": unknown, "unknown": True} in values["latest-local-elections"]  # women mayors
        assert {"text": unknown, "unknown": True} in values["quota"]  # the sanction
    ar = country_cards.card(_tn().meta, "ar", STRINGS["ar"])
    assert ar["rows"][0]["facts"][0]["value"]["text"].startswith("نموذج")
    assert ar["sources"][1]["year"] == STRINGS["ar"]["card_year_unknown"]


def test_each_block_links_to_its_numbered_sources_and_the_card_shows_its_review_day():
    html = country_cards.card_html(_tn(), "en", STRINGS["en"])
    assert 'id="country-card"' in html and '<time datetime="2026-11-30" dir="ltr">2026-11-30</time>' in html
    assert re.findall(r'href="#card-source-(\d)"', html) == ["1", "1", "2", "2", "2"]
    assert 'id="card-source-1"' in html and 'id="card-source-2"' in html
    assert "47.05%" in html and "Legislated candidate quota" in html
    assert "Sample: the sources disagree on the first year." in html
    # A source in another language than the page says which, and keeps its own.
    assert '<span lang="ar" dir="auto">' in html and "(in Arabic)" in html


def test_a_yes_written_without_quotes_is_shown_as_the_word_not_as_true():
    model = country_cards.card(_tn().meta, "ar", STRINGS["ar"])
    access = next(r for r in model["rows"] if r["id"] == "access-to-information")
    assert STRINGS["ar"]["card_binds_yes"] in [f["value"]["text"] for f in access["facts"]]


def test_contributed_text_is_escaped_in_the_card(tmp_path):
    card = valid_card()
    card["campaign_finance"] = {"en": "<script>alert(1)</script>", "ar": "<img src=x onerror=alert(1)>", "sources": [1]}
    (tmp_path / "TN.yml").write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    cards, found, _ = check(tmp_path)
    assert not found
    for lang in ("en", "ar"):
        html = country_cards.card_html(cards["TN"], lang, STRINGS[lang])
        assert "<script>" not in html and "<img" not in html


def test_the_json_schema_and_template_come_from_the_declaration_and_the_template_is_valid_yaml():
    documents = json_schema.derived_files(project.Layout())
    schema = json.loads(documents[REPO / "hooks/hub/schemas/country_card.schema.json"])
    assert schema["properties"]["quota"]["anyOf"][0] == {"enum": ["unknown"]}
    assert schema["required"] == [f.name for f in country_card_schema.card_schema().fields]
    template = documents[REPO / "country_cards/_template.yml"]
    assert yaml.safe_load(template)["quota"]["kind"] == "legislated"
    assert (REPO / "country_cards/_template.yml").read_text(encoding="utf-8") == template


def test_the_guide_table_shows_each_block_s_own_fields():
    rows = [name for name, _ in guide.field_rows(country_card_schema.guide_schema())]
    assert {
        "quota.kind",
        "quota.sanction",
        "latest_local_elections.women_mayors_percent",
        "access_to_information.binds_municipalities",
    } <= set(rows)
    assert "sources[].year" in rows


def test_the_card_template_is_the_core_s_renderer():
    assert render.html("country_card", card=country_cards.card(_tn().meta, "en", STRINGS["en"])).startswith("<section")


class _Text(HTMLParser):
    """The text of a page's country card, each piece with the language it is marked with."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.langs, self.inside, self.depth, self.pieces = [], False, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "country-card":
            self.inside = True
        if self.inside:
            self.depth += 1
            self.langs.append(attrs.get("lang") or (self.langs[-1] if self.langs else ""))

    def handle_endtag(self, tag):
        if self.inside:
            self.depth -= 1
            self.langs.pop()
            self.inside = self.depth > 0

    def handle_data(self, data):
        if self.inside and data.strip():
            self.pieces.append((data.strip(), self.langs[-1] if self.langs else ""))


def card_text(page: Path) -> list[tuple[str, str]]:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.pieces


@pytest.fixture(scope="module")
def card_site(tmp_path_factory):
    """The fixture site (Tunisian and French cases) with a card for Tunisia only."""
    tmp = tmp_path_factory.mktemp("cards")
    project = make_project(tmp, "valid")
    shutil.copytree(FIXTURES / "valid", project / "country_cards", dirs_exist_ok=True)
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_country_page_shows_its_card_above_the_cases_with_unknown_in_words(card_site, lang):
    root = card_site / ("ar" if lang == "ar" else "")
    page = root / "countries" / "tn" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.index('id="country-card"') < text.index('id="good-practice"')
    assert 'href="../../assets/hub/country.css"' in text or "assets/hub/country.css" in text
    pieces = [piece for piece, _ in card_text(page)]
    assert STRINGS[lang]["card_unknown"] in pieces and STRINGS[lang]["card_title"].format(country=pieces[0].split(": ")[-1]) == pieces[0]
    # Every source link of the card leads to a source of its list.
    anchors = set(re.findall(r'id="(card-source-\d+)"', text))
    assert anchors == {"card-source-1", "card-source-2"}
    assert set(re.findall(r'href="#(card-source-\d+)"', text)) == anchors
    assert '<time datetime="2026-11-30" dir="ltr">2026-11-30</time>' in text  # read left to right in Arabic too


def test_the_arabic_card_holds_no_latin_word_outside_text_marked_with_its_language(card_site):
    from reader_measures import latin_words

    page = card_site / "ar" / "countries" / "tn" / "index.html"
    assert '<html lang="ar" dir="rtl"' in page.read_text(encoding="utf-8").replace("\n", " ")[:400] or 'lang="ar"' in page.read_text(
        encoding="utf-8"
    )
    unmarked = [piece for piece, lang in card_text(page) if lang in ("", "ar") and latin_words(piece)]
    assert unmarked == []


def test_a_country_without_a_card_keeps_the_plain_page_and_the_overview_links_each_card(card_site):
    for root in (card_site, card_site / "ar"):
        assert 'id="country-card"' not in (root / "countries" / "fr" / "index.html").read_text(encoding="utf-8")
        overview = (root / "countries" / "index.html").read_text(encoding="utf-8")
        assert overview.count("#country-card") == 1 and 'href="tn/#country-card"' in overview


def test_the_contribution_guide_lists_the_card_fields_in_both_languages(card_site):
    for root in (card_site, card_site / "ar"):
        guide_page = (root / "contribute" / "index.html").read_text(encoding="utf-8")
        assert "country_cards/" in guide_page
        for name in ("quota.kind", "latest_local_elections.women_mayors_percent", "access_to_information.binds_municipalities"):
            assert name in guide_page, name


@pytest.mark.parametrize("path", ["countries/tn/", "ar/countries/tn/"])
def test_the_card_passes_axe_and_fits_a_phone_and_its_source_links_work_by_keyboard(card_site, browser, path):
    from axe import violations
    from helpers import Server

    with Server(card_site) as server:
        context = browser.new_context(viewport={"width": 320, "height": 800})
        tab = context.new_page()
        tab.goto(server.url + path)
        assert violations(tab) == []
        assert tab.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        link = tab.locator('#country-card a.hub-cite[href="#card-source-2"]').first
        link.focus()
        tab.keyboard.press("Enter")
        assert tab.evaluate("() => location.hash") == "#card-source-2"
        close_context(context)
