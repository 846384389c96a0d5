"""A plan's milestones on a time axis: when each was due, when it was done, and today.

Each milestone is a row: a diamond on its due date, a dot on the day it was done (joined by a
line, so a late milestone shows its delay as a length), and an open diamond when it is still
open. A dashed vertical line marks the build date. Shapes, not colours, carry the meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hirebook.handbook.charts.svg import Svg


@dataclass(frozen=True)
class Mark:
    name: str
    due: date | None
    done_on: date | None


WIDTH = 640
LABEL_W = 180
ROW = 26
TOP = 10


def timeline(
    chart_id: str,
    title: str,
    desc: str,
    marks: Sequence[Mark],
    today: date | None,
    today_label: str,
    legend: str = "",
) -> Svg:
    """``today`` draws the build date; leave it out for a finished plan, where it would squash
    the milestones into one corner of a long axis."""
    days = [d for mark in marks for d in (mark.due, mark.done_on) if d]
    if today:
        days.append(today)
    if not days:
        raise ValueError("a timeline needs at least one date")
    first, last = min(days) - timedelta(days=3), max(days) + timedelta(days=3)
    span = max((last - first).days, 1)
    plot_w = WIDTH - LABEL_W - 20
    height = TOP + ROW * len(marks) + (52 if legend else 34)
    svg = Svg(chart_id, WIDTH, height, title, desc)

    def x_of(day: date) -> float:
        return LABEL_W + plot_w * (day - first).days / span

    for index, mark in enumerate(marks):
        _row(svg, mark, TOP + index * ROW + ROW / 2, x_of, plot_w)
    base = TOP + ROW * len(marks)
    if today:
        svg.line(x_of(today), TOP - 4, x_of(today), base + 2, "hb-today")
        label = f"{today_label} {today.isoformat()}"
        svg.text(x_of(today), base + 14, label, "hb-value", anchor="middle")
    svg.text(LABEL_W, base + 30, first.isoformat(), anchor="start")
    svg.text(LABEL_W + plot_w, base + 30, last.isoformat(), anchor="end")
    if legend:
        svg.text(LABEL_W + plot_w / 2, base + 46, legend, anchor="middle")
    return svg


def _row(svg: Svg, mark: Mark, y: float, x_of, plot_w: float) -> None:
    svg.text(LABEL_W - 8, y + 4, mark.name, anchor="end")
    svg.line(LABEL_W, y, LABEL_W + plot_w, y, "hb-grid")
    if mark.due and mark.done_on:
        late = mark.done_on > mark.due
        cls = "hb-span hb-late" if late else "hb-span"
        svg.line(x_of(mark.due), y, x_of(mark.done_on), y, cls)
    if mark.due:
        svg.diamond(x_of(mark.due), y, 6, "hb-due" if mark.done_on else "hb-due hb-open")
    if mark.done_on:
        svg.circle(x_of(mark.done_on), y, 4, "hb-dot hb-series-1")
