"""A histogram: how many values fall into each bucket (time-to-fill in days)."""

from __future__ import annotations

from collections.abc import Sequence

from hirebook.handbook.charts.svg import Svg, number

WIDTH = 640
HEIGHT = 220
LEFT = 40
BOTTOM = 40
TOP = 16


def buckets(values: Sequence[float], width: int) -> list[tuple[int, int, int]]:
    """(start, end, count) buckets of ``width`` covering every value; empty for no values."""
    if not values:
        return []
    last = int(max(values) // width)
    counts = [0] * (last + 1)
    for value in values:
        counts[int(value // width)] += 1
    return [(index * width, (index + 1) * width - 1, count) for index, count in enumerate(counts)]


def histogram(
    chart_id: str, title: str, desc: str, rows: Sequence[tuple[int, int, int]], unit: str
) -> Svg:
    svg = Svg(chart_id, WIDTH, HEIGHT, title, desc)
    plot_w, plot_h = WIDTH - LEFT - 10, HEIGHT - TOP - BOTTOM
    top = max((count for _, _, count in rows), default=0) or 1
    slot = plot_w / max(len(rows), 1)
    base = TOP + plot_h
    for index, (start, end, count) in enumerate(rows):
        height = plot_h * count / top
        x = LEFT + index * slot
        svg.rect(x + 2, base - height, slot - 4, height, "hb-bar hb-series-1")
        svg.text(x + slot / 2, base - height - 4, number(count), "hb-value", anchor="middle")
        svg.text(x + slot / 2, base + 16, f"{start}–{end}", anchor="middle")
    svg.line(LEFT, base, WIDTH - 10, base, "hb-axis")
    svg.text(LEFT + plot_w / 2, HEIGHT - 6, unit, anchor="middle")
    return svg
