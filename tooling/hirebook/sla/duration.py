"""SLA goal durations as written in ``policy.yaml`` and ``client.yaml``.

A goal is a whole number followed by a unit:

``bd``
    business days on the policy calendar (working time, see :mod:`hirebook.sla.calendar`);
``d``, ``h``, ``m``
    elapsed calendar time in days, hours and minutes (24 hours a day, ``m`` is *minutes*);
``0``
    the goal of due-date rules: the item is due on its own due date.

The text form is deliberately narrow (no signs, no leading zeros, no spaces, no mixed
units such as ``1d12h``): goals are contract terms read by people, and there should be
exactly one way to write each of them so that reviews and diffs stay obvious. A goal has at
most five digits (``99999bd`` is four centuries): a longer one is a typo, and the clocks would
count it past the last year a date can hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

__all__ = ["Duration", "UNITS"]

#: Accepted units, in the order they are documented.
UNITS: tuple[str, ...] = ("bd", "d", "h", "m")

MAX_DIGITS = 5
"""The most digits a goal's amount has (the schemas' ``duration`` pattern says the same)."""

_ACCEPTED = (
    '"0" or a positive whole number of at most five digits followed by bd, d, h or m '
    '(e.g. "3bd", "24h", "30d", "90m")'
)
_PATTERN = re.compile(rf"(?P<amount>[1-9][0-9]{{0,{MAX_DIGITS - 1}}})(?P<unit>bd|d|h|m)")
_TIMEDELTA_UNIT = {"d": "days", "h": "hours", "m": "minutes"}


@dataclass(frozen=True)
class Duration:
    """A goal: ``amount`` units of business (``bd``) or calendar (``d``/``h``/``m``) time.

    Instances are values (frozen, hashable) so that goals read from the policy can be
    compared, deduplicated and used as dictionary keys without surprises.
    """

    amount: int
    unit: str

    def __post_init__(self) -> None:
        # bool is an int subclass; ``Duration(True, "d")`` is a bug, not a one-day goal.
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise ValueError(f"duration amount must be a whole number, got {self.amount!r}")
        if self.amount < 0:
            raise ValueError(f"duration amount must not be negative, got {self.amount}")
        if self.unit not in UNITS:
            raise ValueError(
                f"unknown duration unit {self.unit!r}; accepted units are bd, d, h and m"
            )

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read a goal such as ``"3bd"``, ``"24h"``, ``"30d"``, ``"90m"`` or ``"0"``.

        ``"0"`` becomes ``Duration(0, "d")``: a due-date goal is measured in calendar days
        (the item is due at the end of its due day), never in working time. The integer
        ``0`` is accepted too, because an unquoted ``0`` in YAML is read as a number.
        Any other zero (``"0bd"``, ``"0h"``) is refused so that a zero goal has one
        spelling only.
        """
        if type(text) is int and text == 0:
            return cls(0, "d")
        if not isinstance(text, str):
            raise ValueError(
                f'a duration must be text such as "3bd", got {type(text).__name__} '
                f"{text!r}; accepted forms: {_ACCEPTED}"
            )
        if text == "0":
            return cls(0, "d")
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise ValueError(
                f"invalid duration {text!r}: {_why(text)}; accepted forms: {_ACCEPTED}"
            )
        return cls(int(match["amount"]), match["unit"])

    @property
    def is_business(self) -> bool:
        """True for ``bd`` goals, which run on the work calendar instead of the clock."""
        return self.unit == "bd"

    @property
    def is_zero(self) -> bool:
        """True for due-date goals (``0``): due at the end of the item's due day."""
        return self.amount == 0

    def as_timedelta(self) -> timedelta:
        """The elapsed time of a calendar goal (``d``, ``h``, ``m``).

        Business days have no fixed length in elapsed time (a weekend may sit in the
        middle), so asking for one is an error: use the work calendar instead.
        """
        if self.is_business:
            raise ValueError(
                f"{self} is measured in business days and has no fixed elapsed length; "
                "add it with WorkCalendar.add_duration or add_business_days"
            )
        return timedelta(**{_TIMEDELTA_UNIT[self.unit]: self.amount})

    def __str__(self) -> str:
        """The canonical text, which :meth:`parse` reads back to an equal value."""
        if self.amount == 0:
            return "0"
        return f"{self.amount}{self.unit}"


def _why(text: str) -> str:
    """Say what is wrong with a rejected duration text, for the error message."""
    if text.strip() != text:
        return "it has leading or trailing spaces"
    if text == "":
        return "it is empty"
    if text.startswith(("-", "+")):
        return "signs are not allowed (goals are never negative)"
    if " " in text:
        return "spaces are not allowed"
    if "." in text or "," in text:
        return "only whole numbers are allowed"
    digits = len(text) - len(text.lstrip("0123456789"))
    amount, unit = text[:digits], text[digits:]
    if not amount:
        return "it does not start with a whole number"
    if len(amount.lstrip("0")) > MAX_DIGITS:  # before int(): Python refuses 4,300 digits
        return f"a goal has at most {MAX_DIGITS} digits"
    if int(amount) == 0:
        return 'a zero goal is written "0"'
    if not unit:
        return "it has no unit"
    if unit not in UNITS:
        if any(c.isdigit() for c in unit):
            return "mixed units are not allowed"
        return f"unknown unit {unit!r}"
    return "leading zeros are not allowed"
