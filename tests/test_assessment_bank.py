"""The question bank: checked by the core like content, and big enough to be useful."""

from __future__ import annotations

from pathlib import Path

from hub import assessment, themes

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
        (24, "assessment.phases[1].dimensions[1].indicators[1].statement.ar"),
        (26, "id"),
        (28, "assessment.phases[1].dimensions[1].indicators[2].levels.en"),
        (35, "assessment.phases[2].dimensions[1].kind"),
    ]
    messages = {p.line: p.message for p in found}
    assert "'F' is not a theme" in messages[19]
    assert "is required but missing" in messages[24]
    assert "already used on line 23" in messages[26]
    assert "expected at least 4" in messages[28]
    assert "'personal' is not a kind of dimension" in messages[35]


def test_the_page_data_holds_one_language_and_links_to_cases():
    bank = assessment.load()
    data = assessment.page_data(bank, "ar", {"themes": {}, "cases": {}})
    first = data["phases"][0]["dimensions"][0]["indicators"][0]
    assert set(first) == {"id", "statement", "levels"}
    assert len(first["levels"]) == 4 and all(isinstance(level, str) for level in first["levels"])
    assert first["statement"] == bank["phases"][0]["dimensions"][0]["indicators"][0]["statement"]["ar"]
