"""What a metric shows to people, independent of the output format.

A metric's ``tables(result)`` chooses *what* a person sees — which breakdown, which columns —
as :class:`Table` objects whose cells keep their kind (a count, a rate, an amount, a word).
The text and Markdown reporters decide *how*: rates as percentages with one decimal, columns
aligned by display width. Machines read the JSON or CSV instead, which hold every number.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rate:
    """A fraction, shown as a percentage with one decimal; ``None`` is "n/a"."""

    value: float | None


@dataclass(frozen=True)
class Amount:
    """A median, mean or score, shown with one decimal; ``None`` is "n/a"."""

    value: float | None


Cell = str | int | Rate | Amount | None


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    in_summary: bool = False
    """Shown under the headlines of the all-metrics summary too, not only in full."""
