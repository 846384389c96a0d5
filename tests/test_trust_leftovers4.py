"""The small trust leftovers of the last closing note, each a regression test that failed
before its change (expected values worked out by hand).

The small agency of ``conftest.py``, changed one file at a time.
"""

from __future__ import annotations

import pytest

PERSON = "team/chen-jie.yaml"
CASE = "cases/2026-acme-kick-off.md"
CASE_FRONT = (
    "---\ntitle: A case\nclient: acme\nauthor: wang-li\non: 2026-11-01\ntags: [kick-off]\n"
    "outcome: success\n---\n"
)  # eight lines: the body starts on line 9


# --- 1. a conflict marker line left alone ------------------------------------------------------
# Half a conflict deleted left `<<<<<<< HEAD` (or `>>>>>>> main`) alone: HB105 said "could not
# find expected ':'" a line later (or "did not find expected comment or line break" at column 2:
# `>` starts a folded text in YAML). Only the full, ordered set was named a conflict.


@pytest.mark.parametrize(
    ("text", "line", "marker"),
    [
        # the bottom half deleted with the markers between: YAML failed on line 3
        ("id: chen-jie\n<<<<<<< HEAD\nname: Chen Jie\nroles: [recruiter]\n", 2, "<<<<<<<"),
        # the top marker and their side deleted: YAML failed at column 2 of line 4
        ("id: chen-jie\nname: Chen Jie\nroles: [recruiter]\n>>>>>>> feature/names\n", 4, ">>>>>>>"),
        # the `<<<<<<<` line deleted: `=======` is where YAML fails, beside a `>>>>>>>` line
        ("id: chen-jie\nname: Chen Jie\n=======\nname: 陈杰\n>>>>>>> main\n", 3, "======="),
        # in a list; the line after it continues it, and YAML fails on line 7
        (
            "id: chen-jie\nname: Chen Jie\nroles:\n  - recruiter\n<<<<<<< HEAD\n  - lead\n"
            "active: true\n",
            5,
            "<<<<<<<",
        ),
        # Windows line ends; the marker alone, with no branch name
        ("id: chen-jie\r\nname: Chen Jie\r\n<<<<<<<\r\nroles: [recruiter]\r\n", 3, "<<<<<<<"),
        # a text over several lines before it does not hide it
        ('id: chen-jie\nname: "Chen\n  Jie"\n<<<<<<< HEAD\nroles: [recruiter]\n', 4, "<<<<<<<"),
    ],
)
def test_a_lone_conflict_marker_is_named_at_its_line(agency, text, line, marker):
    (problem,) = agency.check(PERSON, text, expect=[(line, 1, "HB105")])
    assert problem.message.startswith(f"a line left from a merge conflict: `{marker}`, the line ")
    assert problem.message.endswith(
        "whose other marker lines are gone; keep the lines you want from both sides and delete "
        "this line"
    )


def test_a_lone_marker_in_a_cases_front_matter_counts_the_files_lines(agency):
    text = CASE_FRONT.replace("author: wang-li\n", "<<<<<<< HEAD\nauthor: wang-li\n")
    (problem,) = agency.check(CASE, text, expect=[(4, 1, "HB105")])  # `---` is line 1
    assert problem.message.startswith("a line left from a merge conflict: `<<<<<<<`")


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("\nWe asked twice.\n>>>>>>> main\n", 11),  # Markdown: a quote seven deep
        ("\n<<<<<<< HEAD\nWe asked twice.\n", 10),
        ("\r\nWe asked twice.\r\n\r\n<<<<<<< HEAD\r\n", 12),
    ],
)
def test_a_lone_marker_in_a_cases_body_is_refused(agency, body, line):
    (problem,) = agency.check(CASE, CASE_FRONT + body, expect=[(line, 1, "HB105")])
    assert problem.message.endswith(
        "delete this line (to show such a line in the case, indent it as code)"
    )


@pytest.mark.parametrize(
    "body",
    [
        "\nWhat we learnt\n=======\n\nA heading underlined: Markdown's, not Git's.\n",
        "\nGit wrote:\n\n    <<<<<<< HEAD\n    >>>>>>> main\n",  # indented: code
        "\nSigns: <<<<<<< and >>>>>>> within a line.\n>>>>>>>> eight are no marker\n",
    ],
)
def test_what_is_no_lone_marker_in_a_cases_body(agency, body):
    agency.check(CASE, CASE_FRONT + body, expect=[])


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a quoted text may hold the line (valid YAML); the tab two lines on is the problem
        (
            'id: chen-jie\nname: "Chen\n<<<<<<< HEAD\nJie"\nroles:\n\t- recruiter\n',
            (6, 1),
        ),
        # a marker after the line YAML fails on is not what it failed on
        ("id: chen-jie\nroles:\n\t- recruiter\n<<<<<<< HEAD\n", (3, 1)),
        # `=======` alone is not named a conflict
        ("id: chen-jie\nname: Chen Jie\n=======\nroles: [recruiter]\n", (4, 1)),
    ],
)
def test_a_syntax_error_that_no_marker_caused_keeps_yamls_words(agency, text, where):
    (problem,) = agency.check(PERSON, text, expect=[(*where, "HB105")])
    assert problem.message.startswith("YAML syntax error: ")


def test_a_marker_line_inside_a_quoted_text_stays_valid(agency):
    """Valid YAML: the name holds the line. Only a file YAML cannot read points to one."""
    text = "id: chen-jie\nname: 'Chen\n>>>>>>> Jie'\nroles: [recruiter]\nactive: true\n"
    agency.check(PERSON, text, expect=[])
