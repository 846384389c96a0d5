"""How numbers and table cells read in text: percentages, one decimal, display width.

Client and team names are often Chinese, and a CJK character takes two columns on a terminal.
Padding by ``len`` would break every table that holds one, so columns are measured with
``wcwidth`` (the width a terminal gives the text).
"""

from __future__ import annotations

from datetime import datetime

from wcwidth import wcswidth

from hirebook.output.inert import inert
from hirebook.reports.view import Amount, Cell, Rate, Table

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


def clip(text: str, size: int) -> str:
    """``text`` cut to ``size`` display columns, ending in ``...`` when cut (ASCII dots: the
    ellipsis character is ambiguous-width and takes two columns on many CJK terminals)."""
    if width(text) <= size:
        return text
    kept, used = [], 0
    for char in text:
        used += width(char)
        if used > size - 3:
            break
        kept.append(char)
    return "".join(kept) + "..."


def text_table(table: Table, indent: str = "  ", widest: int = 40) -> list[str]:
    """The table's lines, columns aligned by display width, numbers right-aligned; words
    longer than ``widest`` columns (long client names) are clipped to keep rows on a line."""
    # Cells hold client and team names: record text, made inert before it is measured.
    cells = [[clip(inert(cell_text(cell)), widest) for cell in row] for row in table.rows]
    numeric = [any(is_numeric(row[i]) for row in table.rows) for i in range(len(table.columns))]
    sizes = [
        max([width(column)] + [width(row[i]) for row in cells])
        for i, column in enumerate(table.columns)
    ]

    def line(texts: list[str] | tuple[str, ...]) -> str:
        padded = (pad(t, sizes[i], right=numeric[i]) for i, t in enumerate(texts))
        return (indent + "  ".join(padded)).rstrip()

    if not table.rows:
        return [f"{indent}(none)"]
    return [line(table.columns), *(line(row) for row in cells)]


def scope(result: dict) -> str:
    """The period, the instant and the filters of a report, in one line for people."""
    as_of = datetime.fromisoformat(result["as_of"]).isoformat(sep=" ", timespec="minutes")
    text = f"{result['from']} to {result['to']}, as of {as_of}"
    filters = [
        f"{option} {', '.join(values)}"
        for option, values in result.get("filters", {}).items()
        if values
    ]
    return f"{text}; only {'; '.join(filters)}" if filters else text
