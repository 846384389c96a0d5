"""What a person types for an event, read as a record will keep it — or a :class:`ValueError`
that says why not (``hirebook log`` shows it as a usage error, before any record is read).

- :func:`text`: a note, a reason, a name — kept exactly as typed, so refused where a record
  cannot keep it so;
- :func:`amount` and :func:`currency`: the schema's ``money`` (an offer's salary).
"""

from __future__ import annotations

import re
import unicodedata

_AMOUNT = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,3})?")
"""Digits with at most 3 decimals; 12 digits before the dot keep every digit through a float."""
_CURRENCY = re.compile(r"[A-Z]{3}")
"""ISO 4217, as the schema's pattern."""


def text(value: str) -> str:
    """``value``, unless it holds a character a record does not keep as typed: a control
    character but tab and new line (ESC, CR, NUL…: YAML writes them as escapes, and they act
    on terminals), a line break only some YAML readers see (NEL, U+2028, U+2029: lint's HB112)
    or a byte that was not UTF-8 (Python's stand-in for it, a lone surrogate)."""
    for position, character in enumerate(value, start=1):
        problem = _unkept(character)
        if problem:
            raise ValueError(
                f"character {position} is {problem}, which a record does not keep as typed; "
                "remove it"
            )
    return value


def _unkept(character: str) -> str | None:
    """What ``character`` is, when a record cannot keep it as typed; None when it can."""
    code = ord(character)
    if 0xD800 <= code <= 0xDFFF:
        return "a byte that is not UTF-8 (is the terminal set to UTF-8?)"
    if character in "\u0085\u2028\u2029":
        return f"U+{code:04X}, a line break only some YAML readers see (HB112)"
    if character not in "\t\n" and unicodedata.category(character) == "Cc":
        return f"the control character U+{code:04X}"
    return None


def amount(value: str) -> int | float:
    """An amount of money (``55000``, ``8500.50``): an int when whole, so that it is written
    as it was typed."""
    if not _AMOUNT.fullmatch(value):
        raise ValueError(
            f"{value!r} is not an amount: at most 12 digits and at most 3 decimals after a "
            "dot, no separators or currency (e.g. 55000 or 8500.50)"
        )
    return float(value) if "." in value else int(value)


def currency(value: str) -> str:
    """A currency code: three capitals (ISO 4217)."""
    if not _CURRENCY.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a currency code: three capital letters (ISO 4217), "
            "e.g. CNY, HKD, TWD, USD"
        )
    return value
