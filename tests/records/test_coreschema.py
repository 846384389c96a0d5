"""Plain words get exactly the values of the YAML 1.2 core schema (spec 10.3.2), quick paths
and all: the expected values come from the spec's own regular expressions, written out here."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirebook.records.coreschema import resolve_plain_scalar


def core_schema(text: str) -> object:
    """The YAML 1.2.2 core schema's table (10.3.2. Tag Resolution), one row per line."""
    if re.fullmatch(r"null|Null|NULL|~|", text):
        return None
    if re.fullmatch(r"true|True|TRUE", text):
        return True
    if re.fullmatch(r"false|False|FALSE", text):
        return False
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    if re.fullmatch(r"[-+]?\.(inf|Inf|INF)", text):
        return -math.inf if text.startswith("-") else math.inf
    if re.fullmatch(r"\.(nan|NaN|NAN)", text):
        return math.nan
    return text


def same(a: object, b: object) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


WORKED = [
    ("2026-03-05", "2026-03-05"),  # a date stays text (dates are typed later, by the schema)
    ("2026-03-05T14:30:00+08:00", "2026-03-05T14:30:00+08:00"),
    ("09:00", "09:00"),
    ("12", 12),
    ("007", 7),
    ("-3", -3),
    ("1e-3", 0.001),
    ("-1.5E-2", -0.015),
    ("0x1F", 31),
    ("0o17", 15),
    ("-.inf", -math.inf),
    ("١٢", "١٢"),  # Arabic-Indic digits are text, not a number
    ("²", "²"),
    ("1_000", "1_000"),
    ("2-3", "2-3"),
    ("no", "no"),
    ("NULL", None),
    ("True", True),
]


@pytest.mark.parametrize(("text", "expected"), WORKED)
def test_worked_values(text: str, expected: object) -> None:
    assert same(resolve_plain_scalar(text), expected)
    assert same(core_schema(text), expected)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789+-.eExXoOabcdfABF~nulNLtrTRsSiIaA:_ ٢²", max_size=10))
def test_random_words_get_the_core_schemas_values(text: str) -> None:
    assert same(resolve_plain_scalar(text), core_schema(text)), text
