"""Which events a report period counts: days by the calendar, instants by their local day."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from hirebook.reports.context import ReportContext
from hirebook.reports.period import Period

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def context(zone: str, period: Period = MARCH, as_of: datetime | None = None) -> ReportContext:
    as_of = as_of or datetime(2026, 6, 30, 12, tzinfo=ZoneInfo(zone))
    return ReportContext(SimpleNamespace(zone=ZoneInfo(zone)), None, period, as_of)


@pytest.mark.parametrize(
    ("instant", "counted"),
    [
        # Shanghai is UTC+8: 1 March starts at 16:00 UTC on 28 February.
        (datetime(2026, 2, 28, 15, 59, 59, tzinfo=UTC), False),
        (datetime(2026, 2, 28, 16, 0, tzinfo=UTC), True),
        (datetime(2026, 3, 31, 23, 59, 59, tzinfo=ZoneInfo("Asia/Shanghai")), True),
        (datetime(2026, 4, 1, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai")), False),
        (datetime(2026, 3, 31, 15, 59, tzinfo=UTC), True),  # 23:59 in Shanghai
        (datetime(2026, 3, 31, 16, 0, tzinfo=UTC), False),  # 00:00 on 1 April there
    ],
)
def test_an_instant_counts_by_its_local_day(instant, counted):
    assert context("Asia/Shanghai").counts(instant) is counted


def test_days_count_by_the_calendar():
    ctx = context("Asia/Shanghai")
    assert [
        ctx.counts(day) for day in (date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 31))
    ] == [
        False,
        True,
        True,
    ]
    assert not ctx.counts(date(2026, 4, 1))
    assert not ctx.counts(None)


def test_nothing_after_as_of_counts():
    as_of = datetime(2026, 3, 15, 12, tzinfo=ZoneInfo("Asia/Shanghai"))
    ctx = context("Asia/Shanghai", as_of=as_of)
    assert ctx.counts(as_of)
    assert not ctx.counts(as_of + timedelta(seconds=1))
    assert ctx.counts(date(2026, 3, 15))
    assert not ctx.counts(date(2026, 3, 16))


def test_a_period_across_a_daylight_saving_change():
    # New York moves its clocks forward on 8 March 2026 (02:00 → 03:00): March is then
    # 31 local days of 743 hours, from 05:00 UTC on 1 March to 04:00 UTC on 1 April.
    ctx = context("America/New_York")
    assert not ctx.counts(datetime(2026, 3, 1, 4, 59, tzinfo=UTC))
    assert ctx.counts(datetime(2026, 3, 1, 5, 0, tzinfo=UTC))
    assert ctx.counts(datetime(2026, 4, 1, 3, 59, tzinfo=UTC))
    assert not ctx.counts(datetime(2026, 4, 1, 4, 0, tzinfo=UTC))
