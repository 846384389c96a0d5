"""fill-rate — the share of closed requirements that ended with a hire.

A requirement is closed when it is `filled` or `cancelled`; its `closed_on` is the event that
completes it. Requirements still open are in neither count. A closed requirement without
`closed_on` cannot be placed in a period and is not counted (lint requires `closed_on` for a
`filled` one).
"""

from __future__ import annotations

from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import percent

NAME = "fill-rate"
TITLE = "Fill rate"
DESCRIPTION = """`filled` / (`filled` + `cancelled`): requirements whose `status` is `filled`,
respectively `cancelled`, and whose `closed_on` is in the period."""


def compute(ctx: ReportContext) -> dict:
    closed = {"filled": 0, "cancelled": 0}
    for requirement in ctx.records("requirement"):
        if requirement.status in closed and ctx.counts(requirement.closed_on):
            closed[requirement.status] += 1
    filled, cancelled = closed["filled"], closed["cancelled"]
    return {
        "filled": filled,
        "cancelled": cancelled,
        "rate": stats.rate(filled, filled + cancelled),
    }


def headline(result: dict) -> str:
    return f"{percent(result['rate'])} ({result['filled']} filled, {result['cancelled']} cancelled)"
