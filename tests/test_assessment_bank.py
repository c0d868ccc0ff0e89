"""The question bank: checked by the core like content, and big enough to be useful."""

from __future__ import annotations

from pathlib import Path

from helpers import real_report
from hub.model import assessment, themes

FIXTURE = Path(__file__).parent / "fixtures" / "assessment" / "broken.yml"
THEME_IDS = [t.id for t in themes.load()]


def test_the_real_bank_is_valid_and_covers_both_phases():
    assert assessment.check(THEME_IDS) == []
    bank = assessment.load()
    counts = assessment.counts(bank)
    assert sum(n for _, _, n in counts) >= 40
    for phase in bank["phases"]:
        kinds = {d["kind"] for d in phase["dimensions"]}
        assert kinds == {"capacity", "environment"}, phase["id"]
    covered = {t for p in bank["phases"] for d in p["dimensions"] for t in d["themes"]}
    assert covered == set(THEME_IDS)


def test_every_mistake_in_a_broken_bank_is_reported_with_its_line():
    found = assessment.check(THEME_IDS, FIXTURE, FIXTURE.parent)
    assert [(p.line, p.field) for p in found] == [
        (19, "assessment.phases[1].dimensions[1].themes[2]"),
        (20, "assessment.phases[1].dimensions[1].topics[2]"),
        (25, "assessment.phases[1].dimensions[1].indicators[1].statement.ar"),
        (27, "id"),
        (29, "assessment.phases[1].dimensions[1].indicators[2].levels.en"),
        (36, "assessment.phases[2].dimensions[1].kind"),
    ]
    messages = {p.line: p.message for p in found}
    assert "'F' is not a theme" in messages[19]
    assert "'budgets' is not a topic of hooks/hub/data/topics.yml" in messages[20]
    assert "is required but missing" in messages[25]
    assert "already used on line 24" in messages[27]
    assert "expected at least 4" in messages[29]
    assert "'personal' is not a kind of dimension" in messages[36]


def test_the_page_data_holds_one_language_and_links_to_cases():
    bank = assessment.load()
    data = assessment.page_data(bank, "ar", {"themes": {}, "cases": {}})
    first = data["phases"][0]["dimensions"][0]["indicators"][0]
    assert set(first) == {"id", "statement", "levels"}
    assert len(first["levels"]) == 4 and all(isinstance(level, str) for level in first["levels"])
    assert first["statement"] == bank["phases"][0]["dimensions"][0]["indicators"][0]["statement"]["ar"]


def _real_recommendations():
    from hub.render import assessment_page

    report = real_report()
    return report, assessment.recommendations(assessment.load(), *assessment_page.candidates(report.cases, report.episodes))


def test_each_dimension_is_first_recommended_a_case_that_shares_one_of_its_topics():
    report, found = _real_recommendations()
    for phase in assessment.load()["phases"]:
        for dim in phase["dimensions"]:
            first = found[dim["id"]]["cases"][0]
            case_topics = set(next(iter(report.cases[first].values())).meta["topics"])
            assert case_topics & set(dim["topics"]), (dim["id"], first)


def test_no_two_dimensions_recommend_the_same_items():
    _, found = _real_recommendations()
    lists = {dim_id: (tuple(items["cases"]), tuple(items["episodes"])) for dim_id, items in found.items()}
    assert len(set(lists.values())) == len(lists), lists


def test_topics_rank_first_and_themes_stand_in_only_when_no_topic_is_shared():
    C = assessment.Candidate
    bank = {
        "phases": [
            {
                "id": "office",
                "dimensions": [
                    {"id": "budgets", "topics": ["gender-budgeting", "local-planning"], "themes": ["D"]},
                    {"id": "safety", "topics": ["safety"], "themes": ["B"]},
                ],
            }
        ]
    }
    cases = [
        C("a-theme-only", frozenset({"participation"}), frozenset({"D", "B"}), "office"),
        C("b-one-topic-election", frozenset({"gender-budgeting"}), frozenset({"D"}), "election"),
        C("c-one-topic-office", frozenset({"local-planning"}), frozenset(), "office"),
        C("d-two-topics", frozenset({"gender-budgeting", "local-planning"}), frozenset(), "election"),
        C("e-one-topic-office-theme", frozenset({"gender-budgeting"}), frozenset({"D"}), "both"),
    ]
    found = assessment.recommendations(bank, cases, [])
    assert found["budgets"]["cases"] == ["d-two-topics", "e-one-topic-office-theme", "c-one-topic-office", "b-one-topic-election"]
    assert found["safety"] == {"cases": ["a-theme-only"], "episodes": []}
