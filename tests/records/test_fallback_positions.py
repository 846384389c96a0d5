"""Positions of files that are not read line by line are libyaml's own marks.

The four texts below once got wrong lines from a position finder of our own (an empty `-`
item, a quoted or flow scalar continued at its key's column, a no-break space after `: ` in a
flow mapping, lone CR line breaks). The expected positions are computed here from libyaml's
node marks by a walk of the test's own; NEL, LS and PS are refused, not taken as line breaks.
"""

from __future__ import annotations

import pytest
import yaml

from hirebook.records import yamlread
from hirebook.records.document import read_document
from hirebook.records.layout import place_of

TEXTS = {
    "an empty item": "id: x\na:\n  -\n  - y\nb: z\n",
    "a quoted scalar continued at its key's column": 'id: x\nnote: "first\nsecond"\nafter: 1\n',
    "a flow scalar continued at its key's column": "id: x\nlist: [a,\nb]\nafter: 1\n",
    "a no-break space after `: ` in a flow mapping": "id: x\nm: {k:\u00a0v, l: w}\nafter: 1\n",
    "lone CR line breaks": "id: x\rnote: a\rlist:\r  - one\r  - two\rafter: 1\r",
    "CRLF line breaks": "id: x\r\nnote: a\r\nlist:\r\n  - one\r\nafter: 1\r\n",
}


def marks(node, path=()):
    """(path → (line, column)) of every value below ``node``, from libyaml's start marks."""
    found = {path: (node.start_mark.line + 1, node.start_mark.column + 1)}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found.update(marks(value, (*path, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found.update(marks(item, (*path, index)))
    return found


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_positions_are_libyamls_marks(text):
    expected = marks(yaml.compose(text))
    place = place_of("team/x.yaml")
    document = read_document("x.yaml", "records/team/x.yaml", place, text.encode())
    for path, position in expected.items():
        if path:
            assert document.where(*path) == position, path


@pytest.mark.parametrize(
    ("character", "name"),
    [("\x85", "NEL"), ("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR")],
)
def test_yaml11_line_breaks_are_reported_not_followed(character, name):
    raw = f"id: x\nname: 郭峰{character}city: X\n".encode()
    with pytest.raises(yamlread.LoadProblem) as refused:
        yamlread.decode(raw)
    assert (refused.value.code, refused.value.line, refused.value.column) == ("HB112", 2, 9)
    assert name in refused.value.message


def test_a_lint_run_names_the_file_of_a_yaml11_line_break(agency):
    agency.check(
        "team/wang-li.yaml",
        "id: wang-li\nname: 王麗\u2028roles: [account_manager]\nactive: true\n",
        expect=[(2, 9, "HB112")],
    )
