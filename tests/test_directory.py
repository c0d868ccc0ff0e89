"""The networks directory and the working group's events: checks, view models, pages, calendars."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml

from helpers import REPO, build, examples, real_report, tags
from hub.checks import private_details
from hub.contrib import entry_templates
from hub.model import strings, themes, yamlnodes
from hub.render import assessment_page, pages
from hub.support import events, network_schema, networks
from test_fixture_site import FIXTURES, make_project

VOCABULARY = network_schema.load_vocabulary()
STRINGS = strings.load()


def test_broken_network_and_event_files_give_exactly_these_problems():
    root = FIXTURES / "directory_broken"
    _, found, checked = networks.check(root / "networks", root, VOCABULARY)
    _, event_found, event_checked = events.check(root / "events", root, {"sample-quota"}, set())
    assert (checked, event_checked) == (2, 2)
    assert sorted((p.path, p.line, p.field) for p in found + event_found) == [
        ("events/broken-event.yml", 4, "end"),
        ("events/broken-event.yml", 5, "place"),
        ("events/broken-event.yml", 8, "speakers[1].name"),
        ("events/missing-case.yml", 7, "outputs.cases[2]"),
        ("networks/broken-network.yml", 4, "name.language"),
        ("networks/broken-network.yml", 8, "country"),
        ("networks/broken-network.yml", 9, "phase"),
        ("networks/broken-network.yml", 11, "members.en"),
        ("networks/broken-network.yml", 12, "members.ar"),
        ("networks/broken-network.yml", 14, "summary.ar"),
        ("networks/broken-network.yml", 15, "support[2]"),
        ("networks/broken-network.yml", 17, "contact"),
        ("networks/broken-network.yml", 18, "sources"),
        ("networks/broken-network.yml", 19, "reviewed"),
        ("networks/broken-network.yml", 20, "founded"),
        ("networks/wrong-name.yml", 1, "id"),
    ]


def test_the_check_suggests_the_case_meant_and_names_the_speakers_field_it_refuses():
    root = FIXTURES / "directory_broken"
    _, found, _ = events.check(root / "events", root, {"sample-quota"}, set())
    messages = {p.field: p.message for p in found}
    assert "did you mean 'sample-quota'?" in messages["outputs.cases[2]"]
    assert messages["speakers[1].name"] == "unknown field; allowed fields: role"


@pytest.mark.parametrize(
    "text, refused",
    [
        ("Write to chair@example.org", True),
        ("mailto:chair@example.org", True),
        ("Call +216 71 123 456", True),
        ("Tel. 0049 (0)30 1234567", True),
        ("Founded on 2024-05-16 in Amman", False),
        ("Met on 30/11/2026 and 16.05.2024", False),
        ("Reviewed 2026/11/30", False),
        ("Between 2014/2015 and 2019", False),
        ("https://example.org/news/940530.html?p=10497", False),
        ("Over 1,850 signatories in 36 countries", False),
    ],
)
def test_contact_details_of_people_are_refused_and_dates_or_figures_are_not(text, refused):
    node = yamlnodes.compose(f"members: {{en: {text!r}}}\n")
    assert bool(list(private_details.findings(node))) is refused


def test_the_repository_directory_has_fifteen_sourced_networks_from_eight_countries():
    report = real_report()
    assert not [p for p in report.errors if p.path.startswith(("networks/", "events/"))]
    countries = {e.meta["country"] for e in report.networks.values() if "country" in e.meta}
    assert len(report.networks) >= 15 and len(countries) >= 8
    assert all(e.meta["sources"] and all(s["url"].startswith("https://") for s in e.meta["sources"]) for e in report.networks.values())
    assert {"2024-05-virtual-kickoff", "2024-10-amman-workshop"} <= set(report.events)


def _entries():
    root = FIXTURES / "directory"
    entries, found, _ = networks.check(root / "networks", root, VOCABULARY)
    assert not found
    return entries


def test_a_filtered_directory_holds_only_the_matching_networks_and_marks_its_filter():
    model = networks.directory(_entries(), "en", STRINGS["en"], VOCABULARY, ("support", "safety"))
    assert [c["id"] for c in model["cards"]] == ["sample-region"]
    assert model["title"] == "Networks and mentoring: Safety"
    current = [o for g in model["filters"] for o in g["options"] if o["current"]]
    assert [o["text"] for o in current] == ["Safety"]
    assert [g["kind"] for g in model["filters"] if g["open"]] == ["support"]
    assert model["all_url"] == "../../"


def test_the_whole_directory_lists_every_value_used_with_its_count_in_each_language():
    for lang in ("en", "ar"):
        model = networks.directory(_entries(), lang, STRINGS[lang], VOCABULARY)
        options = {g["kind"]: {o["url"]: o["count"] for o in g["options"]} for g in model["filters"]}
        assert options["place"] == {"place/tn/": 1, "place/africa/": 1}
        assert options["support"] == {"support/mentoring/": 1, "support/peer-network/": 1, "support/safety/": 1}
        assert options["language"] == {"language/fr/": 1, "language/ar/": 1, "language/en/": 1}
    ar = networks.directory(_entries(), "ar", STRINGS["ar"], VOCABULARY)
    card = next(c for c in ar["cards"] if c["id"] == "sample-network")
    assert card["name"] == "شبكة نموذجية للمنتخبات" and card["official"] == "Réseau d'exemple des élues" and card["official_dir"] == "ltr"


def _events():
    root = FIXTURES / "directory"
    entries, found, _ = events.check(root / "events", root, {"sample-quota"}, set())
    assert not found
    return entries


def test_only_an_event_that_has_not_ended_gets_a_calendar_file():
    today = datetime.date(2026, 11, 30)
    model = events.listing(_events(), "en", STRINGS["en"], "working-group/", today)
    assert [e["id"] for e in model["upcoming"]] == ["sample-upcoming"]
    assert [e["id"] for e in model["past"]] == ["sample-past"]
    assert model["upcoming"][0]["calendar"] == "../events/sample-upcoming.ics" and model["past"][0]["calendar"] == ""
    files = events.calendars(_events(), "https://example.org/hub/", STRINGS, today)
    assert sorted(files) == ["ar/events/sample-upcoming.ics", "events/sample-upcoming.ics"]
    # On its last day an event is still upcoming; the day after, it is past.
    assert events.is_upcoming(_events()["sample-upcoming"].meta, datetime.date(2099, 10, 17))
    assert not events.is_upcoming(_events()["sample-upcoming"].meta, datetime.date(2099, 10, 18))


def test_the_calendar_file_parses_with_its_dates_title_and_place_in_each_language():
    files = events.calendars(_events(), "https://example.org/hub/", STRINGS, datetime.date(2026, 11, 30))
    for rel, lang in (("events/sample-upcoming.ics", "en"), ("ar/events/sample-upcoming.ics", "ar")):
        text = files[rel]
        assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
        calendar = icalendar.Calendar.from_ical(text)
        (event,) = calendar.walk("VEVENT")
        meta = _events()["sample-upcoming"].meta
        assert str(event["SUMMARY"]) == meta["title"][lang]
        assert str(event["DESCRIPTION"]) == meta["summary"][lang]
        assert str(event["LOCATION"]) == meta["place"][lang]
        assert event.decoded("DTSTART") == datetime.date(2099, 10, 15)
        assert event.decoded("DTEND") == datetime.date(2099, 10, 18)  # exclusive: the day after the last
        assert str(event["URL"]) == "https://example.org/hub/" + ("ar/" if lang == "ar" else "") + "events/sample-upcoming/"


def test_an_event_page_shows_speakers_by_role_and_links_its_outputs():
    titles = {("cases", "sample-quota"): ("Sample quota", "en", "good-practices/sample-quota/")}
    model = events.detail(_events()["sample-past"].meta, "ar", STRINGS["ar"], titles, datetime.date(2026, 11, 30))
    assert model["speakers"] == ["نائبة رئيس بلدية سابقة"]
    assert model["outputs"] == [{"title": "Sample quota", "lang": "en", "url": "../../good-practices/sample-quota/", "kind": "حالة"}]
    assert model["calendar"] == ""


@pytest.fixture(scope="module")
def directory_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("directory")
    project_dir = make_project(tmp, "valid")
    for folder in ("networks", "events"):
        shutil.copytree(FIXTURES / "directory" / folder, project_dir / folder, dirs_exist_ok=True)
    result = build(project_dir, tmp / "site", env={"SOURCE_DATE_EPOCH": "1764460800"})  # 2025-11-30
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_the_directory_and_event_pages_are_built_in_both_languages(directory_site):
    for root in ("", "ar/"):
        for page in (
            "networks/",
            "networks/support/safety/",
            "networks/place/tn/",
            "networks/language/fr/",
            "events/sample-past/",
            "events/sample-upcoming/",
        ):
            assert (directory_site / root / page / "index.html").is_file(), root + page
        assert (directory_site / root / "events" / "sample-upcoming.ics").is_file()
        assert not (directory_site / root / "events" / "sample-past.ics").exists()


def _cards(page: Path) -> list[str]:
    return [attrs["id"] for tag, attrs in tags(page) if tag == "li" and "hub-network" in attrs.get("class", "").split()]


def test_the_filters_are_plain_links_to_filtered_pages_that_work_without_javascript(directory_site):
    # Each language sorts by the names it shows.
    for root, order in (("", ["sample-network", "sample-region"]), ("ar/", ["sample-region", "sample-network"])):
        assert _cards(directory_site / root / "networks" / "index.html") == order
        assert _cards(directory_site / root / "networks" / "support" / "safety" / "index.html") == ["sample-region"]
        assert _cards(directory_site / root / "networks" / "place" / "tn" / "index.html") == ["sample-network"]
        links = [attrs.get("href") for tag, attrs in tags(directory_site / root / "networks" / "index.html") if tag == "a"]
        assert "support/safety/" in links and "place/africa/" in links and "language/fr/" in links


def test_the_generated_pages_hold_no_inline_script_or_event_handler(directory_site):
    for page in list((directory_site / "networks").rglob("index.html")) + list((directory_site / "events").rglob("index.html")):
        for tag, attrs in tags(page):
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
        body = page.read_text(encoding="utf-8")
        start = body.index('<div class="hub-networks">' if "/networks/" in page.as_posix() else '<div class="hub-event">')
        assert "<script" not in body[start : body.index("</article>", start)], page


def test_the_working_group_page_lists_the_events_with_a_calendar_link_for_the_upcoming_one(directory_site):
    for root, upcoming in (("", "Upcoming events"), ("ar/", "الفعاليات القادمة")):
        page = directory_site / root / "working-group" / "index.html"
        text = page.read_text(encoding="utf-8")
        assert upcoming in text
        links = [attrs.get("href") for tag, attrs in tags(page) if tag == "a"]
        assert "../events/sample-upcoming/" in links and "../events/sample-past/" in links
        assert "../events/sample-upcoming.ics" in links and "../events/sample-past.ics" not in links


def test_the_assessment_recommends_networks_for_backing_and_safety():
    ctx = pages.Context("en", STRINGS["en"], [], {}, {}, networks=_entries(), vocabulary=VOCABULARY)
    links = assessment_page._links(ctx, "assessment/")
    recommendations = links["recommendations"]
    # safety support serves the safety dimensions; mentoring and a peer network, backing and leadership.
    for dimension in ("election-safety", "office-safety"):
        assert [n["url"] for n in recommendations[dimension]["networks"]] == ["../networks/#sample-region"]
    for dimension in ("election-backing", "office-backing", "election-leadership", "office-leadership"):
        assert [n["url"] for n in recommendations[dimension]["networks"]] == ["../networks/#sample-network"]
    assert recommendations["election-backing"]["networks"][0]["name"] == "Sample network of elected women"
    assert links["networks_url"] == "../networks/"


@pytest.mark.parametrize("kind", ["network", "event"])
def test_each_issue_form_asks_every_field_but_the_review_date_in_both_languages(kind):
    schema, folder, _ = entry_templates.schemas(themes.load(), network_schema.load_vocabulary())[kind]
    expected = set()
    for field in schema.fields:
        if field.name in entry_templates.NOT_ASKED:
            continue
        parts = field.kind.fields if hasattr(field.kind, "fields") else None
        expected |= {f"{field.name}.{p.name}" for p in parts} if parts else {field.name}
    for lang in ("en", "ar"):
        path = REPO / ".github" / "ISSUE_TEMPLATE" / f"{kind}-{lang}.yml"
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        questions = [e for e in form["body"] if e["type"] not in ("markdown", "checkboxes")]
        assert {q["attributes"]["label"] for q in questions} == expected
        assert len({e["id"] for e in form["body"] if "id" in e}) == len(form["body"]) - 1  # unique ids, the intro has none
        assert form["name"] == STRINGS[lang][f"form_{kind}_name"] and f"{folder}/" in form["body"][0]["attributes"]["value"]
        assert all(e["attributes"]["description"] for e in questions)


def test_a_kind_of_support_with_an_unknown_topic_is_refused_on_its_line(tmp_path):
    path = tmp_path / "support.yml"
    path.write_text(
        "support:\n"
        "  - id: mentoring\n"
        "    name: {en: Mentoring, ar: الإرشاد}\n"
        "    topics: [mentoring-networks, mentorship]\n"
        "regions:\n"
        "  - id: africa\n"
        "    name: {en: Africa}\n",
        encoding="utf-8",
    )
    found = network_schema.read_vocabulary(path, tmp_path)[1]
    assert [(p.line, p.field) for p in found] == [(4, "support.support[1].topics[2]"), (7, "support.regions[1].name.ar")]


NETWORK_FIELDS = [f.name for f in network_schema.network_schema(VOCABULARY).fields]
EVENT_FIELDS = [f.name for f in events.event_schema.event_schema().fields]


def _damaged(valid: dict, changes: dict) -> dict:
    return {**{k: v for k, v in valid.items() if changes.get(k, 0) != "DROP"}, **{k: v for k, v in changes.items() if v != "DROP"}}


def _property_values():
    from hypothesis import strategies as st

    scalars = st.one_of(
        st.text(max_size=20),
        st.integers(-5, 3000),
        st.booleans(),
        st.none(),
        st.dates(),
        st.sampled_from(
            [
                "TN",
                "tn",
                "africa",
                "mentoring",
                "virtual",
                "both",
                "https://x.org",
                "mailto:a@b.org",
                "+33 1 23 45 67 89",
                "2024-13-45",
                "DROP",
            ]
        ),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["en", "ar", "role", "title", "url", "x"]), inner, max_size=3)
        ),
        max_leaves=8,
    )


def test_any_damage_to_a_network_or_event_file_gives_messages_not_tracebacks(tmp_path_factory):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    valid = {
        "network": yaml.safe_load((FIXTURES / "directory" / "networks" / "sample-network.yml").read_text(encoding="utf-8")),
        "event": yaml.safe_load((FIXTURES / "directory" / "events" / "sample-upcoming.yml").read_text(encoding="utf-8")),
    }
    fields = {"network": NETWORK_FIELDS + ["region", "extra"], "event": EVENT_FIELDS + ["extra"]}

    @settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(kind=st.sampled_from(["network", "event"]), data=st.data())
    def run(kind, data):
        changes = data.draw(st.dictionaries(st.sampled_from(fields[kind]), _property_values(), min_size=1, max_size=4))
        root = tmp_path_factory.mktemp("damaged", numbered=True)
        folder = root / (kind + "s")
        folder.mkdir()
        entry_id = valid[kind]["id"]
        (folder / f"{entry_id}.yml").write_text(
            yaml.safe_dump(_damaged(valid[kind], changes), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        if kind == "network":
            entries, found, _ = networks.check(folder, root, VOCABULARY)
        else:
            entries, found, _ = events.check(folder, root, {"sample-quota"}, set())
        assert bool(entries) != bool([p for p in found if p.severity == "error"])
        assert all(p.line >= 1 and p.field and p.message for p in found)
        if entries:  # what the check lets through renders
            if kind == "network":
                networks.directory(entries, "ar", STRINGS["ar"], VOCABULARY)
            else:
                events.calendars(entries, "https://example.org/", STRINGS, datetime.date(2026, 11, 30))
                events.listing(entries, "ar", STRINGS["ar"], "working-group/", datetime.date(2026, 11, 30))

    run()
