"""How numbers and table cells read in text: percentages, one decimal, display width.

Client and team names are often Chinese, and a CJK character takes two columns on a terminal.
Padding by ``len`` would break every table that holds one, so columns are measured with
``wcwidth`` (the width a terminal gives the text).
"""

from __future__ import annotations

from wcwidth import wcswidth

from hirebook.reports.view import Amount, Cell, Rate

NOT_AVAILABLE = "n/a"


def percent(value: float | None) -> str:
    """``0.8`` → ``80.0%``; ``None`` (an empty denominator) → ``n/a``."""
    return NOT_AVAILABLE if value is None else f"{value * 100:.1f}%"


def amount(value: float | None) -> str:
    """A median, mean or score with one decimal; ``None`` → ``n/a``."""
    return NOT_AVAILABLE if value is None else f"{value:.1f}"


def cell_text(cell: Cell) -> str:
    if isinstance(cell, Rate):
        return percent(cell.value)
    if isinstance(cell, Amount):
        return amount(cell.value)
    return "" if cell is None else str(cell)


def is_numeric(cell: Cell) -> bool:
    """Numbers are right-aligned so that their digits line up."""
    return isinstance(cell, Rate | Amount | int) and not isinstance(cell, bool)


def width(text: str) -> int:
    """Columns the text takes on a terminal (CJK characters count two)."""
    measured = wcswidth(text)
    return measured if measured >= 0 else len(text)  # -1: a control character


def pad(text: str, size: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``size`` display columns (on the left when ``right``)."""
    fill = " " * max(0, size - width(text))
    return fill + text if right else text + fill


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def durations(summary: dict, unit: str, what: str, whats: str | None = None) -> str:
    """A duration summary as one line: ``median 41.5 days, mean 44.1, p90 63.8 (12 hires)``."""
    count = plural(summary["count"], what, whats)
    if not summary["count"]:
        return f"no data ({count})"
    return (
        f"median {amount(summary['median'])} {unit}, mean {amount(summary['mean'])}, "
        f"p90 {amount(summary['p90'])} ({count})"
    )
