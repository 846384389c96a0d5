"""retention-90 — whether placements last: the share of hires still there on their 90th day.

A placement can only be judged once its 90th day has come, so it counts in the period that
holds that day (and only once that day is on or before `--as-of`). Hires who left on the 90th
day itself or later stayed the 90 days.
"""

from __future__ import annotations

from datetime import date, timedelta

from hirebook.records.model import Placement
from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import percent, plural

NAME = "retention-90"
TITLE = "90-day retention"
DESCRIPTION = """Placements whose 90th day after `start_on` (`start_on` + 90 days) is in the
period and on or before the day of `--as-of`: `retained` / `placements`, where a placement is
retained unless its `left_on` is before that 90th day."""

DAYS = 90


def ninetieth_day(placement: Placement | None) -> date | None:
    """``start_on`` + 90 days, or None without a start."""
    if placement is None or placement.start_on is None:
        return None
    return placement.start_on + timedelta(days=DAYS)


def stayed(placement: Placement) -> bool:
    """No ``left_on`` before the 90th day."""
    day = ninetieth_day(placement)
    return day is not None and (placement.left_on is None or placement.left_on >= day)


def compute(ctx: ReportContext) -> dict:
    placements = retained = 0
    for application in ctx.records("application"):
        placement = application.placement
        if not ctx.counts(ninetieth_day(placement)):
            continue
        placements += 1
        retained += stayed(placement)
    return {
        "placements": placements,
        "retained": retained,
        "left": placements - retained,
        "rate": stats.rate(retained, placements),
    }


def headline(result: dict) -> str:
    return (
        f"{percent(result['rate'])} ({result['retained']} of "
        f"{plural(result['placements'], 'placement')} past day 90 stayed)"
    )
