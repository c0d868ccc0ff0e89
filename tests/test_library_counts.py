"""The library meets the targets of issue 11, counted from the case files.

A case counts once it is valid in both languages. The targets: 40 cases, 18
practices of a municipality (level municipal, with a place), 12 about the term
in office, 11 faltering implementations (the 5 of the seed library and 6 new
ones), 8 cases for each of themes C, D and E, 13 countries, and for every
dimension of the self-assessment at least 2 cases that share one of its topics.
"""

from __future__ import annotations

import pytest

from helpers import real_report
from hub.model import assessment

REPORT = real_report()
CASES = [versions["en"].meta for versions in REPORT.cases.values() if set(versions) == {"en", "ar"}]
DIMENSIONS = [dim for phase in assessment.load()["phases"] for dim in phase["dimensions"]]


def count(condition) -> int:
    return sum(1 for meta in CASES if condition(meta))


def test_at_least_40_cases_in_both_languages():
    assert len(CASES) >= 40


def test_at_least_18_practices_of_a_municipality():
    assert count(lambda m: m["level"] == "municipal" and m.get("place")) >= 18


def test_at_least_12_cases_about_the_term_in_office():
    assert count(lambda m: m["phase"] in ("office", "both")) >= 12


def test_at_least_11_faltering_implementations():
    assert count(lambda m: m["type"] == "faltering-implementation") >= 11


@pytest.mark.parametrize("theme", ["C", "D", "E"])
def test_at_least_8_cases_for_theme(theme):
    assert count(lambda m: theme in m["themes"]) >= 8


def test_at_least_13_countries():
    assert len({m["country"] for m in CASES}) >= 13


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d["id"])
def test_every_dimension_is_matched_by_at_least_2_cases_sharing_a_topic(dimension):
    assert count(lambda m: set(m["topics"]) & set(dimension["topics"])) >= 2
