"""Horizontal bar charts: the hiring funnel and channel effectiveness.

Horizontal bars leave room for long category names (Chinese or English) on the left and print
their value at the end of each bar, so the numbers are readable without colour or hover.
"""

from __future__ import annotations

from collections.abc import Sequence

from hirebook.handbook.charts.svg import Svg, number

LABEL_WIDTH = 170
WIDTH = 640
BAR = 16
GAP = 10
TOP = 8


def horizontal_bars(
    chart_id: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
) -> Svg:
    """One group of bars per category, one bar per series (``(name, values)``)."""
    per_group = len(series) * BAR + GAP
    legend = 22 if len(series) > 1 else 0
    height = TOP + legend + per_group * len(categories) + 8
    svg = Svg(chart_id, WIDTH, max(height, 40), title, desc)
    top = max((max(values, default=0) for _, values in series), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 60
    if legend:
        _legend(svg, [name for name, _ in series])
    for index, category in enumerate(categories):
        y0 = TOP + legend + index * per_group
        svg.text(LABEL_WIDTH - 8, y0 + len(series) * BAR / 2 + 4, category, anchor="end")
        for number_in_group, (_, values) in enumerate(series):
            value = values[index] if index < len(values) else 0
            y = y0 + number_in_group * BAR
            width = span * (value / top)
            svg.rect(LABEL_WIDTH, y + 1, width, BAR - 2, f"hb-bar hb-series-{number_in_group + 1}")
            svg.text(LABEL_WIDTH + width + 4, y + BAR - 4, number(value), "hb-value")
    svg.line(LABEL_WIDTH, TOP + legend - 2, LABEL_WIDTH, height - 6, "hb-axis")
    return svg


def _legend(svg: Svg, names: Sequence[str]) -> None:
    x = LABEL_WIDTH
    for index, name in enumerate(names):
        svg.rect(x, 4, 12, 12, f"hb-bar hb-series-{index + 1}")
        svg.text(x + 16, 14, name)
        x += 24 + 8 * max(len(name), 4)
