"""Citation markers: uncited figures and markers without a source, with their lines; links in every position."""

from __future__ import annotations

from pathlib import Path

from hub.checks import citations, project

FIXTURES = Path(__file__).parent / "fixtures" / "citations"
UNCITED = "states a figure or a date without a source: add the marker of the source that gives it, e.g. [1]"
SEVERITY = "error" if citations.UNCITED_FIGURES_ARE_ERRORS else "warning"


def test_the_fixture_case_gets_exactly_these_lines_and_messages():
    report = project.check(project.Layout(root=FIXTURES))
    assert [(p.path, p.line, p.field, p.severity, p.message) for p in report.problems if p.field == "body"] == [
        ("good_practices/figures.en.md", 24, "body", SEVERITY, f"«Turnout was 35.6% in Organic Law No. 2017-7 of the year.» {UNCITED}"),
        ("good_practices/figures.en.md", 27, "body", SEVERITY, f"«In ٢٠١٨ the law changed.» {UNCITED}"),
        (
            "good_practices/figures.en.md",
            38,
            "body",
            "error",
            "the marker [4] points to no source: the case lists 3 sources; cite one of [1] to [3]",
        ),
        (
            "good_practices/figures.en.md",
            38,
            "body",
            "error",
            "the marker [0] points to no source: the case lists 3 sources; cite one of [1] to [3]",
        ),
    ]


def test_scripts_check_prints_them_as_path_line_body():
    import subprocess

    from helpers import REPO

    result = subprocess.run([str(REPO / "scripts" / "check"), "--root", str(FIXTURES)], capture_output=True, text=True)
    prefix = "warning: " if SEVERITY == "warning" else ""
    assert f"good_practices/figures.en.md:27: {prefix}body: «In ٢٠١٨ the law changed.» {UNCITED}" in result.stdout.splitlines()
    assert result.returncode == 1  # the markers without a source are errors in any case


def test_headings_code_and_addresses_are_not_prose_and_sentences_keep_their_first_line():
    body = "## Results 2019\n\n```\nIn 2019 [9].\n```\n\nSee `Law 40` and <https://example.org/2019>.\nA first\nsentence with 3 parts [1]. Then 4 more.\n"
    assert citations.problems(body, 10, 1) == [(18, SEVERITY, f"«Then 4 more.» {UNCITED}")]
    assert [line for line, _ in citations.sentences(body, 10)] == [16, 17, 18]


def test_sentences_split_after_their_markers_but_not_after_abbreviations_or_decimals():
    body = "Women won 42.4% of seats.[1] Law No. 22 of 2016 applies [2]. Art. 46 too [1].\n1. A list item of 2018 [1].\n> - 3 quoted [2]."
    assert [text for _, text in citations.sentences(body, 1)] == [
        "Women won 42.4% of seats.[1]",
        "Law No. 22 of 2016 applies [2].",
        "Art. 46 too [1].",
        "A list item of 2018 [1].",
        "3 quoted [2].",
    ]
    assert citations.problems(body, 1, 2) == []


def test_markers_without_a_source_when_the_case_has_one_or_none():
    assert citations.problems("In 2018 [2].", 5, 1) == [
        (5, "error", "the marker [2] points to no source: the case lists 1 source; cite [1]")
    ]
    assert citations.problems("In 2018 [1].", 5, 0)[0][2].endswith("lists 0 sources; add the source to `sources` first")


def test_every_marker_is_linked_in_every_position_but_not_in_code_or_links():
    body = (
        "[2]: at the start of a line.\n"
        "Two at once [2][3], and [1].\n"
        "Not [a link](https://example.org/[2]), not `[1]` in code, not [text][2], not [4].\n"
        "```\n[1]\n```"
    )
    linked = citations.link(body, 3, lambda n: f"<{n}>")
    assert linked == (
        "<2>: at the start of a line.\n"
        "Two at once <2><3>, and <1>.\n"
        "Not [a link](https://example.org/[2]), not `[1]` in code, not [text][2], not [4].\n"
        "```\n[1]\n```"
    )
