"""The reporting period: the inclusive dates ``--from`` and ``--to``.

A record counts in a period by the date of the event that completes it, so a
period is only ever asked one question: does it contain this day?
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")

    def contains(self, day: date) -> bool:
        """Whether ``day`` lies in the period, both ends included."""
        return self.start <= day <= self.end

    @classmethod
    def year_to_date(cls, day: date) -> Period:
        """The default period: 1 January of ``day``'s year up to ``day`` itself."""
        return cls(date(day.year, 1, 1), day)
