"""Tests for hirebook.sla.duration: parsing, canonical text and conversions of SLA goals."""

from dataclasses import FrozenInstanceError
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirebook.sla.duration import UNITS, Duration

# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("0", 0, "d"),  # due-date goal: measured in calendar days (end of the due day)
        ("1bd", 1, "bd"),
        ("3bd", 3, "bd"),
        ("10bd", 10, "bd"),
        ("24h", 24, "h"),
        ("30d", 30, "d"),
        ("365d", 365, "d"),
        ("90m", 90, "m"),  # m = minutes, not months
    ],
)
def test_parse_accepts_the_documented_forms(text, amount, unit):
    assert Duration.parse(text) == Duration(amount, unit)


def test_parse_accepts_yaml_integer_zero():
    # An unquoted `0` in policy.yaml arrives as the int 0, not the string "0".
    assert Duration.parse(0) == Duration(0, "d")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("3", "no unit"),
        ("bd", "does not start with a whole number"),
        ("3w", "unknown unit 'w'"),
        ("3y", "unknown unit 'y'"),
        ("3BD", "unknown unit 'BD'"),  # units are lower case
        ("24H", "unknown unit 'H'"),
        ("03bd", "leading zeros"),
        ("0bd", 'zero goal is written "0"'),
        ("0h", 'zero goal is written "0"'),
        ("00", 'zero goal is written "0"'),  # "00" has no unit either; zero is the issue
        ("-1d", "signs are not allowed"),
        ("+1d", "signs are not allowed"),
        ("1.5d", "only whole numbers"),
        ("1,5d", "only whole numbers"),
        ("3 bd", "spaces are not allowed"),
        (" 3bd", "leading or trailing spaces"),
        ("3bd ", "leading or trailing spaces"),
        ("1d12h", "mixed units"),
        ("\u0663bd", "does not start with a whole number"),  # Arabic-Indic digit three
    ],
)
def test_parse_rejects_other_text_and_says_why(text, reason):
    with pytest.raises(ValueError) as info:
        Duration.parse(text)
    message = str(info.value)
    assert repr(text) in message  # names the offending value
    assert reason in message  # says what is wrong
    assert "accepted forms" in message and '"3bd"' in message  # and what would be right


@pytest.mark.parametrize("value", [None, 3, 2.5, 0.0, True, False, ["3bd"]])
def test_parse_rejects_non_text(value):
    # Only the text forms (and the int 0 YAML produces for "0") are goals; 3 has no unit,
    # True/False are YAML booleans, 0.0 is a float.
    with pytest.raises(ValueError, match="accepted forms"):
        Duration.parse(value)


# --------------------------------------------------------------------------- the value


@pytest.mark.parametrize(
    ("amount", "unit"),
    [(-1, "d"), (1, "w"), (1, "BD"), (1, ""), (True, "d"), (1.5, "d"), ("3", "d")],
)
def test_constructor_validates(amount, unit):
    with pytest.raises(ValueError):
        Duration(amount, unit)


def test_is_frozen_and_hashable():
    goal = Duration(3, "bd")
    with pytest.raises(FrozenInstanceError):
        goal.amount = 4  # type: ignore[misc]
    assert {Duration(3, "bd"), Duration.parse("3bd")} == {goal}


def test_is_business_only_for_bd():
    assert Duration.parse("3bd").is_business
    assert not Duration.parse("3d").is_business
    assert not Duration.parse("24h").is_business
    assert not Duration.parse("90m").is_business
    assert not Duration.parse("0").is_business


def test_is_zero():
    assert Duration.parse("0").is_zero
    assert Duration(0, "bd").is_zero  # any zero amount is a zero goal
    assert not Duration.parse("1bd").is_zero
    assert not Duration.parse("90m").is_zero


@pytest.mark.parametrize("text", ["0", "1bd", "3bd", "24h", "30d", "90m", "1234m"])
def test_str_is_the_canonical_text(text):
    assert str(Duration.parse(text)) == text


def test_str_of_any_zero_is_0():
    # All zero goals mean "due on the due date", so they share one spelling.
    assert str(Duration(0, "bd")) == "0"
    assert str(Duration(0, "h")) == "0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", timedelta(hours=24)),
        ("30d", timedelta(days=30)),
        ("90m", timedelta(minutes=90)),  # 90 * 60 s = 5400 s
        ("0", timedelta(0)),
    ],
)
def test_as_timedelta_for_calendar_units(text, expected):
    assert Duration.parse(text).as_timedelta() == expected


def test_as_timedelta_refuses_business_days():
    # A business day has no fixed elapsed length (a weekend may sit in the middle).
    with pytest.raises(ValueError, match="business days"):
        Duration.parse("2bd").as_timedelta()


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(UNITS))
def test_parse_of_str_round_trips(amount, unit):
    goal = Duration(amount, unit)
    assert Duration.parse(str(goal)) == goal
