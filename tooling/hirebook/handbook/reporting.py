"""The numbers behind the reports pages and the team pages, from ``hirebook.reports``.

Every number is the reports engine's (``compute_report``): one definition per metric for the
command line, the JSON output and the handbook. The handbook only asks for more periods — one
reports page for each of :data:`PERIODS`, and each of the last twelve months for the trends —
and, for the time-to-fill histogram, the individual values behind the engine's summary.

The periods are calendar periods around the day the site describes (the as-of instant's day in
the policy's timezone), both ends included, as ``hirebook report --from --to`` takes them:

``this-quarter``    the first day of today's calendar quarter up to today;
``last-quarter``    the whole calendar quarter before it;
``year-to-date``    1 January up to today (the reports section's own page);
``last-12-months``  the twelve calendar months of the trend charts: the first day of the month
                    eleven months back up to today.

Quarters are calendar quarters — January–March, April–June, July–September, October–December —
not an agency's fiscal quarters.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hirebook.records.repository import Repository
from hirebook.reports.context import ReportContext
from hirebook.reports.engine import compute_report
from hirebook.reports.period import Period
from hirebook.sla.engine import Board

TREND_MONTHS = 12
TREND_METRICS = ("sla-compliance", "satisfaction")
PERIODS = ("this-quarter", "last-quarter", "year-to-date", "last-12-months")
"""The reports pages' periods, in the order their selector lists them."""
LANDING = "year-to-date"
"""The period of the reports section's own page (the others are pages beside it)."""


@dataclass(frozen=True)
class PeriodReport:
    """Every metric over one of :data:`PERIODS`."""

    key: str
    period: Period
    summary: dict
    """``compute_report`` over the period: every metric, in the shape of
    ``hirebook report --format json``."""
    time_to_fill_days: list[int]
    """One value per accepted offer of the period (the engine reports their summary)."""


@dataclass(frozen=True)
class ReportData:
    periods: dict[str, PeriodReport]
    """One report per key of :data:`PERIODS`, in that order."""
    months: list[str]
    """``YYYY-MM`` of the trend months, oldest first (the same on every period's page)."""
    monthly: list[dict]
    """``compute_report`` of :data:`TREND_METRICS` for each month of :attr:`months`."""

    @property
    def landing(self) -> PeriodReport:
        return self.periods[LANDING]

    @property
    def period(self) -> Period:
        """The year to date, the period the team pages' numbers are read over."""
        return self.landing.period

    @property
    def summary(self) -> dict:
        return self.landing.summary

    @property
    def time_to_fill_days(self) -> list[int]:
        return self.landing.time_to_fill_days


def compute(repo: Repository, as_of: datetime, board: Board) -> ReportData:
    today = as_of.astimezone(repo.zone).date()
    reports = {}
    for key in PERIODS:
        period = period_of(key, today)
        reports[key] = PeriodReport(
            key=key,
            period=period,
            summary=compute_report(repo, board, period, as_of),
            time_to_fill_days=time_to_fill_days(ReportContext(repo, board, period, as_of)),
        )
    months = month_periods(today, TREND_MONTHS)
    monthly = [compute_report(repo, board, month, as_of, names=TREND_METRICS) for month in months]
    return ReportData(
        periods=reports,
        months=[f"{month.start:%Y-%m}" for month in months],
        monthly=monthly,
    )


def period_of(key: str, today: date) -> Period:
    """The period ``key`` (one of :data:`PERIODS`) around ``today``."""
    if key == "this-quarter":
        return Period(quarter_start(today), today)
    if key == "last-quarter":
        end = quarter_start(today) - timedelta(days=1)
        return Period(quarter_start(end), end)
    if key == "year-to-date":
        return Period.year_to_date(today)
    if key == "last-12-months":
        return Period(month_periods(today, TREND_MONTHS)[0].start, today)
    raise KeyError(key)


def quarter_start(day: date) -> date:
    """The first day of ``day``'s calendar quarter (1 January, April, July or October)."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


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
