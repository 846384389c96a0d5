"""The numbers behind the reports page and the team pages, from ``hirebook.reports``.

Every number is the reports engine's (``compute_report``): one definition per metric for the
command line, the JSON output and the handbook. The handbook only asks for more periods — the
year to date, and each of the last twelve months for the trends — and, for the time-to-fill
histogram, the individual values behind the engine's summary.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime

from hirebook.records.repository import Repository
from hirebook.reports.context import ReportContext
from hirebook.reports.engine import compute_report
from hirebook.reports.period import Period
from hirebook.sla.engine import Board

TREND_MONTHS = 12
TREND_METRICS = ("sla-compliance", "satisfaction")


@dataclass(frozen=True)
class ReportData:
    period: Period
    summary: dict
    """``compute_report`` over the year to date: every metric, in the shape of
    ``hirebook report --format json``."""
    months: list[str]
    """``YYYY-MM`` of the trend months, oldest first."""
    monthly: list[dict]
    """``compute_report`` of :data:`TREND_METRICS` for each month of :attr:`months`."""
    time_to_fill_days: list[int]
    """One value per accepted offer of the period (the engine reports their summary)."""


def compute(repo: Repository, as_of: datetime, board: Board) -> ReportData:
    today = as_of.astimezone(repo.zone).date()
    period = Period.year_to_date(today)
    summary = compute_report(repo, board, period, as_of)
    months = month_periods(today, TREND_MONTHS)
    monthly = [compute_report(repo, board, month, as_of, names=TREND_METRICS) for month in months]
    return ReportData(
        period=period,
        summary=summary,
        months=[f"{month.start:%Y-%m}" for month in months],
        monthly=monthly,
        time_to_fill_days=time_to_fill_days(ReportContext(repo, board, period, as_of)),
    )


def month_periods(today: date, count: int) -> list[Period]:
    """The last ``count`` calendar months up to ``today`` (the current one ends today)."""
    periods = []
    year, month = today.year, today.month
    for _ in range(count):
        last = date(year, month, monthrange(year, month)[1])
        periods.append(Period(date(year, month, 1), min(last, today)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(periods))


def time_to_fill_days(ctx: ReportContext) -> list[int]:
    """The values ``time-to-fill`` summarises, by its definition (a test checks they agree):
    per accepted offer counted in the period, days from the requirement's ``received_at`` day
    to ``offer.accepted_on``."""
    days = []
    for application in ctx.records("application"):
        accepted = application.accepted_on
        requirement = ctx.repo.requirements.get(application.requirement)
        if ctx.counts(accepted) and requirement is not None and requirement.received_at:
            days.append((accepted - ctx.day(requirement.received_at)).days)
    return sorted(days)
