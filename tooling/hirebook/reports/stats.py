"""The few statistics the metrics use, each returning ``None`` for an empty input.

An empty denominator is an honest ``null`` in the output, never a crash and never a made-up
zero: a team lead must be able to tell "no data" from "zero".
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def rate(part: int, whole: int) -> float | None:
    """``part / whole`` as an unrounded fraction; ``None`` when ``whole`` is zero."""
    return part / whole if whole else None


def median(values: Sequence[float]) -> float | None:
    """The usual median: the middle value, or the mean of the two middle values."""
    return statistics.median(values) if values else None


def mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def p90(values: Sequence[float]) -> float | None:
    """The 90th percentile by linear interpolation between closest ranks.

    The value at rank ``h = 0.9 * (n - 1)`` (0-based) of the sorted values, interpolated
    between the two neighbouring ranks: numpy's default ("linear", Hyndman & Fan type 7) and
    the spreadsheet ``PERCENTILE.INC``, so an analyst can reproduce it anywhere.
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = 0.9 * (len(ordered) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (rank - low) * (ordered[high] - ordered[low])


def summary(values: Sequence[float]) -> dict:
    """``count``, ``median``, ``mean`` and ``p90`` of a list of durations."""
    return {
        "count": len(values),
        "median": median(values),
        "mean": mean(values),
        "p90": p90(values),
    }
