"""The line reader (plainyaml) answers exactly what composing with libyaml answers, or steps
aside: on every demo record, on a generated agency, on hand-picked hard cases and on random
texts made of the constructs where the two could part."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirebook.records import plainyaml, yamlread
from hirebook.records.document import split_front_matter

BENCHMARKS = Path(__file__).resolve().parents[2] / "tooling" / "benchmarks"


def composed(text: str) -> object:
    """What libyaml and the builder make of ``text``: its data, or "refused"."""
    try:
        builder = yamlread._Builder(0)
        data = builder.build(yamlread._compose(text, 0), 0)
    except yamlread.LoadProblem:
        return "refused"
    return "refused" if builder.duplicates else data


def same(a: object, b: object) -> bool:
    """Equal, with equal types all the way down (True is not 1, 1 is not 1.0) and key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def agrees(text: str) -> bool:
    """The line reader steps aside, or gives what composing gives (and composing accepts)."""
    plain = plainyaml.read(text)
    return plain is None or same(plain, composed(text))


def sources(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(folder.rglob("*.yaml")) + sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            if not text.startswith("---"):
                continue
            text = split_front_matter(text)[0]
        found.append((path, text))
    return found


def test_every_demo_record_reads_the_same(demo_records: Path) -> None:
    files = sources(demo_records)
    plain = [path for path, text in files if plainyaml.read(text) is not None]
    assert [path for path, text in files if not agrees(text)] == []
    # The demo is written as users write records: nearly all of it takes the quick path.
    assert len(plain) >= 0.9 * len(files), (len(plain), len(files))


def test_a_generated_agency_reads_the_same(tmp_path: Path) -> None:
    name = "hirebook_benchmarks_generate"
    generate = sys.modules.get(name)
    if generate is None:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / "generate.py")
        generate = importlib.util.module_from_spec(spec)
        sys.modules[name] = generate  # dataclasses look their module up while the class is made
        spec.loader.exec_module(generate)
    generate.write(generate.generate(600, 3), tmp_path)
    files = sources(tmp_path / "records")
    assert len(files) >= 600
    assert [path for path, text in files if not agrees(text)] == []
    assert [path for path, text in files if not positions_agree(text)] == []
    plain = sum(plainyaml.read(text) is not None for _, text in files)
    assert plain >= 0.8 * len(files), (plain, len(files))


READ = [
    ("id: x\nn: 3\nf: 0.5\nb: true\nz: ~\nd: 2026-03-05\n",
     {"id": "x", "n": 3, "f": 0.5, "b": True, "z": None, "d": "2026-03-05"}),
    ("on: yes\nt: 09:00\nx: 0x1F\no: 0o17\ni: -.inf\n",
     {"on": "yes", "t": "09:00", "x": 31, "o": 15, "i": float("-inf")}),
    ('q: "say: hi # not a comment"\ns: \'it\'\'s\'  # a comment\n',
     {"q": "say: hi # not a comment", "s": "it's"}),
    # " #" starts a comment, even before "2"
    ("note: Fang Qing's offer #2 # the comment\n", {"note": "Fang Qing's offer"}),
    ("url: http://x.example/a#b\nat: 2026-03-05T14:30:00+08:00\n",
     {"url": "http://x.example/a#b", "at": "2026-03-05T14:30:00+08:00"}),
    ("with: [Deng Hui, 鄭磊, 7]\nnone: []\nempty: {}\n",
     {"with": ["Deng Hui", "鄭磊", 7], "none": [], "empty": {}}),
    ("consent: {given_on: 2021-12-03, purpose: Recruitment for roles}\n",
     {"consent": {"given_on": "2021-12-03", "purpose": "Recruitment for roles"}}),
    # Quoted words in flow collections: commas, colons, brackets and # are text inside quotes.
    ("consent: {given_on: 2022-06-08, purpose: \"Talent pool: future roles\"}\n",
     {"consent": {"given_on": "2022-06-08", "purpose": "Talent pool: future roles"}}),
    ("l: ['x', y, \"a, b\" ,'it''s', \"[#1]\", '', O'Brien]  # c\n",
     {"l": ["x", "y", "a, b", "it's", "[#1]", "", "O'Brien"]}),
    ("m: { k: '1',j: \"true\" }\n", {"m": {"k": "1", "j": "true"}}),
    ("requirements: {must: [SQL, \"Go, Rust\"], nice: []}\nsla: {client-feedback: 1bd}\n",
     {"requirements": {"must": ["SQL", "Go, Rust"], "nice": []},
      "sla": {"client-feedback": "1bd"}}),
    ("l: [[a, 1], {k: [x]}, []]\n", {"l": [["a", 1], {"k": ["x"]}, []]}),
    ("a:\n  b:\n    c: 1\n  d:\nafter: 2\n", {"a": {"b": {"c": 1}, "d": None}, "after": 2}),
    ("contacts:\n  - name: A\n    role: B\n  - name: C\nnext: x\n",
     {"contacts": [{"name": "A", "role": "B"}, {"name": "C"}], "next": "x"}),
    ("list:\n- a\n-\n- b\nnext: 1\n", {"list": ["a", None, "b"], "next": 1}),
    ("list:\n  -\n    k: v\n  - x\n", {"list": [{"k": "v"}, "x"]}),
    ("# head\n\nid: x   \n   # indented comment\nn: 1\n", {"id": "x", "n": 1}),
    ("key:   # comment only\n", {"key": None}),
    ("r: R&D and S&OP\nback: C:\\files\n", {"r": "R&D and S&OP", "back": "C:\\files"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READ)
def test_plain_text_is_read_line_by_line(text: str, expected: dict) -> None:
    assert same(plainyaml.read(text), expected)
    assert same(composed(text), expected)  # what libyaml says, as worked out by hand


STEPS_ASIDE = [
    "note: |\n  two\n  lines\n",  # block scalar
    "note: >-\n  folded\n",
    "note: one\n  continued\n",  # plain text over two lines
    'q: "esc\\"aped"\n',
    'q: "over\n  two lines"\n',
    "q: 'open\n",
    "a: &anchor 1\nb: *anchor\n",
    "a: !!str 1\n",
    "a: b: c\n",  # refused by libyaml
    "a: x:\n",
    "a:b\n",
    "a: 1\na: 2\n",  # duplicate key
    "m: {a: 1, a: 2}\n",
    "m: {a: [[[[[[[[1]]]]]]]]}\n",  # nested deeper than records nest
    "m: {a: [1], b: {c}}\n",
    "m: {a: [1]]}\n",
    "m: {a: [1}\n",
    "m: {a}\n",
    "l: [a, , b]\n",
    "l: [a, b,]\n",
    "l: ['x' y]\n",  # something after a quoted word
    'l: ["x"y]\n',
    'l: ["esc\\"aped"]\n',
    "l: ['open]\n",
    'l: ["x", ]\n',
    'm: {"k": v}\n',  # a quoted key
    "m: {k: 'v' # c}\n",
    "m: {k: }\n",
    'm: {k: "a", k: b}\n',
    "l: [a,\n  b]\n",
    "l: [a] tail\n",
    "- a\n- b\n",  # not a mapping
    "",
    "# only a comment\n",
    "---\nid: x\n",
    "id: x\n...\n",
    "%YAML 1.2\n---\nid: x\n",
    "\tid: x\n",
    "id: x\r\n",
    "id: a\u2028b\n",
    "id: a\x85b\n",
    "id: a\x07b\n",
    '"quoted key": 1\n',
    "spaced key: 1\n",
    "? complex\n: key\n",
    "l:\n  - - nested\n",
    "a:\n    b: 1\n  c: 2\n",  # bad indentation
    "v: - x\n",
    "v: @x\n",
    "v: `x\n",
    "v: %x\n",
    "a:\n" + "".join(" " * (2 * n) + f"k{n}:\n" for n in range(1, 30)),  # deep
]


@pytest.mark.parametrize("text", STEPS_ASIDE)
def test_anything_else_is_left_to_libyaml(text: str) -> None:
    assert plainyaml.read(text) is None


# Random texts from the pieces where a line reader could misread YAML: indentation, list
# markers, quotes, flow collections, comments, colons, core-schema words, odd characters.
_indent = st.sampled_from(["", "", " ", "  ", "   ", "    "])
_key = st.sampled_from(["id", "note", "a", "b", "on", "x1", "名字", "k-y", '"q"', "a b"])
_word = st.sampled_from(
    ["x", "Deng Hui", "鄭磊", "1", "-2", "0.5", "1e3", ".inf", ".nan", "0x1F", "0o7", "true",
     "null", "~", "yes", "09:00", "2026-03-05", "a: b", "a:b", "a #c", "a#c", "x:", "- x",
     "-", "'q''s'", "'q", '"d"', '"d\\"', "[a, b]", "[]", "{a: 1}", "{}", "[a, ]", "{a}",
     "[x: y]", "&a", "*a", "!t", "|", ">", "@", "`", "%", "?", ":", ",", "#", "it's",
     "a, b", "R&D", "x ", "\t", "\u00a0", "\u2028", "中，文", "['a, b', \"c: d\"]",
     "{k: \"a: b\", j: 'it''s'}", "[\"x\" y]", "{k: \"]\"}", "['', \"#\"]", "[O'Brien]",
     "{k: 'x}", "{k: [a, \"b\"], j: {}}", "[[1, x], {a: []}]", "{a-b: c}", "{k: [a}"]
)  # fmt: skip
_line = st.one_of(
    st.builds(lambda i, k, v: f"{i}{k}: {v}", _indent, _key, _word),
    st.builds(lambda i, k: f"{i}{k}:", _indent, _key),
    st.builds(lambda i, v: f"{i}- {v}", _indent, _word),
    st.builds(lambda i, k, v: f"{i}- {k}: {v}", _indent, _key, _word),
    st.builds(lambda i: f"{i}-", _indent),
    st.builds(lambda i: f"{i}# comment", _indent),
    st.builds(lambda i, v: f"{i}{v}", _indent, _word),
    st.just(""),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, min_size=1, max_size=8))
def test_random_lines_are_read_as_libyaml_reads_them_or_left_to_it(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert agrees(text), text


# Random documents shaped like records: nested mappings and lists written in block style with
# varying indentation and compact lists, holding the same tricky words. Most are valid YAML, so
# the line reader's answers (not only its refusals) are compared.
_plain_key = st.sampled_from(["id", "note", "a", "b", "on", "x1", "名字", "with", "at"])
_tree = st.recursive(
    _word,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3),
        st.dictionaries(_plain_key, inner, min_size=1, max_size=3),
    ),
    max_leaves=8,
)


def _block(value: object, indent: int, draw) -> list[str]:
    """``value`` (a mapping or a list) as block-style lines at ``indent``."""
    pad, lines = " " * indent, []
    items = value.items() if isinstance(value, dict) else [(None, item) for item in value]
    for key, item in items:
        head = f"{pad}{key}:" if key is not None else f"{pad}-"
        if isinstance(item, str):
            lines.append(f"{head} {item}")
            continue
        compact = key is not None and isinstance(item, list) and draw(st.booleans())
        inline = key is None and isinstance(item, dict) and draw(st.booleans())
        if inline:  # `- key: value` with the other keys under the first one
            nested = _block(item, indent + 2, draw)
            lines.append(f"{pad}- {nested[0].lstrip(' ')}")
            lines.extend(nested[1:])
            continue
        lines.append(head)
        lines.extend(_block(item, indent if compact else indent + draw(_width), draw))
        if draw(st.booleans()):
            lines.append(f"{' ' * draw(st.integers(0, 6))}# between")
    return lines


_width = st.integers(1, 4)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_plain_key, _tree, min_size=1, max_size=4), st.data())
def test_random_documents_are_read_as_libyaml_reads_them(tree: dict, data) -> None:
    text = "\n".join(_block(tree, 0, data.draw)) + "\n"
    assert agrees(text), text
    assert positions_agree(text), text


# --- positions ----------------------------------------------------------------------------


def positions_agree(text: str) -> bool:
    """The line reader's positions are libyaml's, wherever it reads the text at all."""
    found = plainyaml.positions(text)
    if found is None:
        return plainyaml.read(text) is None
    composed_positions = yamlread.positions(text)
    if found != (composed_positions.positions, composed_positions.key_positions):
        return False
    return lines_agree(text, found[0])


def lines_agree(text: str, positions: dict) -> bool:
    """A value's line found from its top-level key's lines alone is the line of the walk over
    every line, and so is the line of a missing value's nearest present parent."""
    for path, (line, _column) in positions.items():
        if not path or not isinstance(path[0], str):
            continue
        for asked in (path, (*path, "missing"), (*path, 99), (*path, "missing", 0)):
            if plainyaml.line_of(text, asked) not in (None, line):
                return False
    return True


def test_every_demo_record_has_the_positions_libyaml_gives(demo_records: Path) -> None:
    files = sources(demo_records)
    assert [path for path, text in files if not positions_agree(text)] == []
    assert sum(plainyaml.positions(text) is not None for _, text in files) >= 0.9 * len(files)


@pytest.mark.parametrize(("text", "expected"), READ)
def test_positions_of_the_hand_worked_texts(text: str, expected: dict) -> None:
    assert positions_agree(text)


def test_positions_worked_out_by_hand() -> None:
    text = (
        "id: x\n"  # 1
        "with: [Deng Hui,  鄭磊]\n"  # 2
        "consent: {given_on: 2021-12-03,   purpose: roles}\n"  # 3
        "contacts:\n"  # 4
        "  - name: A\n"  # 5
        "    role:\n"  # 6
        "list:\n"  # 7
        "-\n"  # 8
        "- b   # note\n"  # 9
        'need: {must: [SQL, "Go, Rust"],  nice: x}\n'  # 10
    )
    found, keys = plainyaml.positions(text)
    assert found[()] == (1, 1)
    assert found[("with",)] == (2, 7) and found[("with", 1)] == (2, 19)
    assert found[("consent", "purpose")] == (3, 44) and keys[("consent", "purpose")] == (3, 35)
    assert found[("contacts",)] == (5, 3) and found[("contacts", 0)] == (5, 5)
    assert found[("contacts", 0, "role")] == (6, 10)  # an empty value: right after the colon
    assert keys[("contacts", 0, "role")] == (6, 5)
    assert (
        found[("list",)] == (8, 1) and found[("list", 0)] == (8, 2) and found[("list", 1)] == (9, 3)
    )
    assert found[("need", "must")] == (10, 14) and found[("need", "must", 1)] == (10, 20)
    assert plainyaml.line_of(text, ("with", 1)) == 2  # in a flow collection: on its line
    assert plainyaml.line_of(text, ("need", "nice", 3)) == 10  # missing: its parent's line
    assert plainyaml.line_of(text, ("contacts",)) == 5  # its value is below it
    assert plainyaml.line_of(text, ("contacts", 0, "role")) == 6
    assert plainyaml.line_of(text, ("contacts", 1, "role")) == 5  # no second contact
    assert plainyaml.line_of(text, ("list", 1)) == 9  # a list at its key's level
    assert plainyaml.line_of(text, ("name",)) is None  # not a top-level key
    assert keys[("need", "nice")] == (10, 34) and found[("need", "nice")] == (10, 40)


def test_a_cases_front_matter_is_placed_after_its_opening_line() -> None:
    from hirebook.records.document import read_document
    from hirebook.records.layout import place_of

    raw = b"---\ntitle: A hard search\ntags: [search, fintech]\n---\n\nBody text.\n"
    document = read_document("x.md", "records/cases/x.md", place_of("cases/x.md"), raw)
    assert document.where("title") == (2, 8)
    assert document.where("tags", 1) == (3, 16)
    assert document.key_where("tags") == (3, 1)
    assert document.where("no", "such") == (2, 1)  # the nearest parent: the mapping itself
    assert document.line("tags", 5) == 3  # the nearest parent: the list
    assert document.line("no", "such") == 2


# --- the flat fast path -------------------------------------------------------------------


def test_a_flat_record_is_read_at_once() -> None:
    text = (
        "id: tp-2026-0301-1\n"
        "type: call\n"
        "at: 2026-03-01T10:00:00+08:00\n"
        "with: [Deng Hui, 鄭磊]\n"
        'consent: {given_on: 2022-06-08, purpose: "Talent pool: future roles"}\n'
        "openings: 2   \n"
        "summary: Agreed the shortlist with O'Brien at 09:30\n"
    )
    expected = {
        "id": "tp-2026-0301-1",
        "type": "call",
        "at": "2026-03-01T10:00:00+08:00",
        "with": ["Deng Hui", "鄭磊"],
        "consent": {"given_on": "2022-06-08", "purpose": "Talent pool: future roles"},
        "openings": 2,
        "summary": "Agreed the shortlist with O'Brien at 09:30",
    }
    assert same(plainyaml._flat(text), expected)
    assert same(plainyaml._block(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n# c\nb: 2\n",  # a comment line
        "a: 1 # c\n",  # a comment after a value
        "a: 1\n\nb: 2\n",  # a blank line
        "a:\n  b: 1\n",  # nesting
        "a:\n- 1\n",
        "a: 1\na: 2\n",  # a key twice
        "a: x: y\n",
        "a: x:\n",
        "a:   \n",
        "a: [1,\n",
        "a b: 1\n",
    ],
)
def test_anything_but_flat_lines_is_left_to_the_line_walk(text: str) -> None:
    assert plainyaml._flat(text) is None


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.builds(lambda k, v: f"{k}: {v}", _key, _word), min_size=1, max_size=8))
def test_flat_texts_are_read_as_the_line_walk_reads_them(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    flat = plainyaml._flat(text)
    assert flat is None or same(flat, plainyaml._block(text)), text
    assert agrees(text), text
