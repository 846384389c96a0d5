"""The indentation scanner answers exactly what the composer answers, or declines."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirebook.records import quickpos, yamlread
from hirebook.records.document import split_front_matter

DEMO = Path(__file__).resolve().parents[2] / "records"


def source(path: Path) -> tuple[str, int]:
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    if path.suffix == ".md":
        text, offset, _ = split_front_matter(text)
        return text, offset
    return text, 0


def compare(text: str, offset: int = 0) -> tuple[int, int]:
    """(answered, declined) over every path of ``text``; fails on a wrong answer."""
    answered = declined = 0
    for path, expected in yamlread.positions(text, offset).positions.items():
        found = quickpos.locate(text, path, offset)
        if found is None:
            declined += 1
        else:
            assert found == expected, (path, text)
            answered += 1
    return answered, declined


def test_every_value_of_every_demo_record():
    answered = declined = 0
    files = sorted(DEMO.rglob("*.yaml")) + sorted((DEMO / "cases").glob("*.md"))
    assert len(files) > 800
    for path in files:
        a, d = compare(*source(path))
        answered, declined = answered + a, declined + d
    # Records are plain block YAML: the scanner must answer nearly always to be worth having.
    assert answered > 14_000
    assert declined <= answered // 100


def test_positions_by_hand():
    text = (
        "id: app-1\n"
        "# a comment\n"
        "notes: |\n"
        "  at: not a key\n"
        "interviews:\n"
        "- {round: 1, at: 2026-03-05T10:00:00+08:00}\n"
        "- round: 2\n"
        "  at: 2026-03-09T10:00:00+08:00\n"
        "offer:\n"
        "  made_on: 2026-03-12\n"
        "  accepted_on:\n"
        "tags: [a, 'it''s, b', \"x\"]\n"
    )
    assert quickpos.locate(text, ()) == (1, 1)
    assert quickpos.locate(text, ("notes",)) == (3, 8)
    assert quickpos.locate(text, ("interviews", 0, "at")) == (6, 18)
    assert quickpos.locate(text, ("interviews", 1)) == (7, 3)
    assert quickpos.locate(text, ("interviews", 1, "at")) == (8, 7)
    assert quickpos.locate(text, ("offer",)) == (10, 3)
    assert quickpos.locate(text, ("offer", "accepted_on")) == (11, 15)
    assert quickpos.locate(text, ("tags", 2)) == (12, 23)
    assert quickpos.locate(text, ("tags", 2), line_offset=1) == (13, 23)
    assert compare(text) == (17, 0)


def test_declines_what_it_does_not_model():
    assert quickpos.locate("a:\n\tb: 1\n", ("a", "b")) is None  # tabs
    assert quickpos.locate("a: {b: 1,\n  c: 2}\n", ("a", "c")) is None  # flow over two lines
    assert quickpos.locate('"a": 1\n', ("a",)) is None  # a quoted key
    assert quickpos.locate("a: 1\n", ("missing",)) is None  # the composer finds the parent
    assert quickpos.locate("---\na: 1\n", ("a",)) is None


KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
TEXT = st.text(
    alphabet=st.sampled_from(list("ab z:#,'\"-[]{}&*!|>?%@`\\é王\n")), min_size=0, max_size=14
)
SCALARS = st.one_of(TEXT, st.integers(-5, 5), st.booleans(), st.none(), st.dates())
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=16,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(KEYS, DATA, min_size=1, max_size=6),
    st.sampled_from([False, None]),
    st.sampled_from([2, 4]),
    st.sampled_from([20, 80]),
)
def test_agrees_with_the_composer_on_any_dumped_mapping(data, flow, indent, width):
    text = yaml.safe_dump(
        data, default_flow_style=flow, indent=indent, width=width, allow_unicode=True
    )
    try:
        yamlread.parse(text)
    except (yamlread.LoadProblem, yamlread.LoadFailed):
        return  # not a record the loader accepts (e.g. a tag PyYAML wrote for a date)
    compare(text)
