"""What the mutation fuzz of the records (``tests/test_fuzz_records.py``) found, each the
smallest record that showed it, as a regression test.

The small agency of ``conftest.py``; positions are counted by hand in the text shown.
"""

from __future__ import annotations

import pytest

CANDIDATE = "candidates/cand-0002.yaml"


# --- a YAML syntax error at the end of a last line without a line break --------------------
# libyaml ends the stream on a line of its own (the line after the last, column 1), so HB105
# named a line the file does not have: a truncated record (fuzz seed 1123: a candidate's file
# cut after "current_titl") was reported at 5:1 in a file of four lines.


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # "current_titl" is line 3, 12 characters: the end of the file is its column 13.
        ("id: cand-0002\nname: Zed Q\ncurrent_titl", 3, 13),
        # An unclosed flow list: "skills: [SQL" is line 2, 12 characters.
        ("id: cand-0002\nskills: [SQL", 2, 13),
        # With the line break kept, the error stays where libyaml puts it: the empty line after.
        ("id: cand-0002\nname: Zed Q\ncurrent_titl\n", 4, 1),
    ],
)
def test_syntax_error_at_the_end_is_inside_the_file(agency, text, line, column):
    agency.check(CANDIDATE, text, expect=[(line, column, "HB105")])
