"""Line charts over months: one trend (satisfaction) and small multiples (SLA rules).

Sixteen SLA rules on one set of axes would be a tangle; small multiples give every rule its own
row on a shared month axis, with the latest value written out at the end of the row.
Missing months (nothing was due) leave a gap instead of a fake zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hirebook.handbook.charts.svg import Svg, number

WIDTH = 640


def shorten(label: str, width: int) -> str:
    """A chart label cut to ``width`` characters (the table under the chart has it in full)."""
    return label if len(label) <= width else label[: width - 1] + "…"


def _segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive known points (None breaks the line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    months: Sequence[str],
    values: Sequence[float | None],
    low: float,
    high: float,
) -> Svg:
    """One series over ``months`` on a fixed scale ``low``..``high`` (e.g. scores 1..5)."""
    height, left, top, bottom = 220, 40, 16, 40
    svg = Svg(chart_id, WIDTH, height, title, desc)
    plot_w, plot_h = WIDTH - left - 20, height - top - bottom
    step = plot_w / max(len(months) - 1, 1)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - low) / ((high - low) or 1))

    for tick in range(int(low), int(high) + 1):
        svg.line(left, y_of(tick), WIDTH - 20, y_of(tick), "hb-grid")
        svg.text(left - 6, y_of(tick) + 4, tick, anchor="end")
    points = [
        (left + index * step, y_of(value)) if value is not None else None
        for index, value in enumerate(values)
    ]
    for run in _segments(points):
        svg.polyline(run, "hb-line hb-series-1")
    for point, value in zip(points, values, strict=True):
        if point is not None:
            svg.circle(point[0], point[1], 3.5, "hb-dot hb-series-1")
            svg.text(point[0], point[1] - 8, f"{value:.1f}", "hb-value", anchor="middle")
    _month_axis(svg, months, left, step, top + plot_h)
    return svg


def small_multiples(
    chart_id: str,
    title: str,
    desc: str,
    months: Sequence[str],
    rows: Sequence[tuple[str, Sequence[float | None]]],
) -> Svg:
    """One row per series of rates in 0..1; the row's last known rate is printed at its end."""
    label_w, row_h, top, right = 250, 34, 8, 50
    height = top + row_h * len(rows) + 30
    svg = Svg(chart_id, WIDTH, height, title, desc)
    plot_w = WIDTH - label_w - right
    step = plot_w / max(len(months) - 1, 1)
    for index, (label, values) in enumerate(rows):
        y0 = top + index * row_h
        svg.text(label_w - 8, y0 + row_h / 2 + 4, shorten(label, 38), anchor="end")
        svg.line(label_w, y0 + row_h - 4, label_w + plot_w, y0 + row_h - 4, "hb-grid")
        points = [
            (label_w + n * step, y0 + 4 + (row_h - 8) * (1 - value)) if value is not None else None
            for n, value in enumerate(values)
        ]
        for run in _segments(points):
            svg.polyline(run, "hb-line hb-series-1")
            for x, y in run:
                svg.circle(x, y, 2.5, "hb-dot hb-series-1")
        known = [value for value in values if value is not None]
        if known:
            svg.text(label_w + plot_w + 8, y0 + row_h / 2 + 4, f"{known[-1]:.0%}", "hb-value")
    _month_axis(svg, months, label_w, step, top + row_h * len(rows))
    return svg


def month_label(months: Sequence[str], index: int) -> str:
    """``2026-01`` in full where a year starts (and first), else just the month: ``02``."""
    month = months[index]
    return month if index == 0 or month.endswith("-01") else month[-2:]


def _month_axis(svg: Svg, months: Sequence[str], left: float, step: float, base: float) -> None:
    # Labels must not overlap: skip some when a full label (about 48 units) is wider than a step.
    every = max(1, math.ceil(48 / step)) if step else 1
    for index in range(len(months)):
        if index % every == 0:
            svg.text(left + index * step, base + 18, month_label(months, index), anchor="middle")
    svg.line(left, base, left + step * max(len(months) - 1, 1), base, "hb-axis")


__all__ = ["line_chart", "small_multiples", "number"]
