"""The YAML 1.2 *core* schema for plain scalars: which unquoted words are not text.

Shared by both record readers (:mod:`plainyaml` and :mod:`yamlread`), so that they can never
disagree on what ``no``, ``09:00`` or ``1e3`` mean.
"""

from __future__ import annotations

import re

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
MAX_DIGITS = 4300
"""Longest whole number read as a number; a longer run of digits stays text (the schema then
says whether text may stand there). Python refuses to convert more than 4,300 decimal digits
by default, and the limit is fixed here so that no interpreter setting changes an answer."""
# Only scalars starting with one of these can be anything but text: most words skip all regexes.
SPECIAL_START = frozenset("0123456789+-.~nNtTfF")
# Everything above in one expression: a word that starts like a number but is not one (a date,
# a time, `new`, `technology`) is known to be text after a single match.
_MAYBE_NOT_TEXT = re.compile(
    r"(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    r"|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)


_LIMIT = 10**MAX_DIGITS


def _within_limit(value: int, text: str) -> int | str:
    """An octal or hexadecimal number, or its text when it has more decimal digits than
    :data:`MAX_DIGITS` (it could not be written in a message)."""
    return value if value < _LIMIT else text


def resolve_plain_scalar(text: str) -> object:
    """Give a plain (unquoted) scalar its YAML 1.2 core-schema value.

    Only these become non-strings: null forms, ``true``/``false`` (three spellings each),
    integers and floats. ``on``, ``yes``, ``NO``, ``09:00`` and ``2026-03-05`` stay text;
    dates become dates later, and only where the schema says the field is a date.
    """
    if not text:
        return None
    if text[0] not in SPECIAL_START:
        return text
    # Quick answers before the expression, which most scalars need not reach: whole numbers, and
    # dates and times — no number, null or boolean holds a `:`, or a `-` but as its sign or in
    # an exponent (`1e-3`).
    if text.isdigit() and text.isascii():
        return int(text) if len(text) <= MAX_DIGITS else text
    if ":" in text or ("-" in text[1:] and "e" not in text and "E" not in text):
        return text
    if _MAYBE_NOT_TEXT.match(text) is None:
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _NUMBER.match(text):
        if not _INT.match(text):
            return float(text)
        return int(text) if len(text.lstrip("+-")) <= MAX_DIGITS else text
    if text.startswith("0o") and _OCT.match(text):
        return _within_limit(int(text[2:], 8), text)
    if text.startswith("0x") and _HEX.match(text):
        return _within_limit(int(text[2:], 16), text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text
