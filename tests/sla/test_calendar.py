"""Tests for hirebook.sla.calendar: working periods, business days and calendar time.

Every expectation is worked out by hand in a comment. Dates used (2026):

- March:   Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9 ... Fri 13, Mon 16,
           Fri 27, Sun 29, Mon 30.
- Sep/Oct: Mon 14, Mon 21, Fri 25, Sat 26 (make-up workday), Sun 27, Mon 28, Tue 29,
           Wed 30, Thu Oct 1 + Fri Oct 2 (holidays), Sat 3, Sun 4, Mon 5, Mon 12.
- Oct/Nov: Sun Oct 25, Fri 30, Sat 31, Sun Nov 1, Mon 2.

Asia/Shanghai is UTC+08:00 all year. America/New_York: EST (-05:00) until Sun 2026-03-08
02:00, then EDT (-04:00) until Sun 2026-11-01 02:00. Europe/Berlin: CET (+01:00) until
Sun 2026-03-29 02:00, CEST (+02:00) until Sun 2026-10-25 03:00.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hirebook.sla.calendar import WEEKDAYS, WorkCalendar
from hirebook.sla.duration import Duration

H = timedelta(hours=1)
MIN = timedelta(minutes=1)
BD = 9 * H  # one business day with 09:00-18:00 hours

SHANGHAI = WorkCalendar(
    "Asia/Shanghai",
    holidays=[date(2026, 10, 1), date(2026, 10, 2)],
    extra_workdays=[date(2026, 9, 26)],
)
NEW_YORK = WorkCalendar("America/New_York")
BERLIN = WorkCalendar(ZoneInfo("Europe/Berlin"))


def at(text: str) -> datetime:
    """An aware datetime from ISO text with an offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None
    return value


def iso(value: datetime) -> str:
    """ISO text: checks both the instant and that it is expressed in the local offset."""
    return value.isoformat()


# =========================================================================== construction


def test_defaults():
    cal = WorkCalendar("Asia/Shanghai")
    assert cal.workdays == ("mon", "tue", "wed", "thu", "fri")
    assert cal.start == time(9) and cal.end == time(18)
    assert cal.day_length == 9 * H  # 18:00 - 09:00
    assert cal.holidays == () and cal.extra_workdays == ()
    assert cal.timezone == ZoneInfo("Asia/Shanghai")


def test_day_length_follows_the_hours():
    # 17:15 - 08:30 = 8h45m
    cal = WorkCalendar("UTC", start=time(8, 30), end=time(17, 15))
    assert cal.day_length == timedelta(hours=8, minutes=45)


def test_holidays_are_sorted_and_deduplicated():
    cal = WorkCalendar("UTC", holidays=[date(2026, 10, 2), date(2026, 10, 1), date(2026, 10, 2)])
    assert cal.holidays == (date(2026, 10, 1), date(2026, 10, 2))


def test_is_immutable_and_a_value():
    cal = WorkCalendar("Asia/Shanghai")
    with pytest.raises(AttributeError):
        cal._start = time(8)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        cal.start = time(8)  # type: ignore[misc]
    same = WorkCalendar(ZoneInfo("Asia/Shanghai"), workdays=["fri", "mon", "tue", "wed", "thu"])
    assert cal == same and hash(cal) == hash(same)
    assert cal != WorkCalendar("Asia/Shanghai", end=time(17))
    assert "Asia/Shanghai" in repr(cal)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workdays": []}, "at least one workday"),
        ({"workdays": ["monday"]}, "unknown weekday"),
        ({"workdays": ["Mon"]}, "unknown weekday"),
        ({"workdays": "mon"}, "list of weekday names"),  # a string would be m, o, n
        ({"start": time(18), "end": time(9)}, "must be after start"),
        ({"start": time(9), "end": time(9)}, "must be after start"),
        ({"start": time(9, tzinfo=UTC)}, "without tzinfo"),
        (
            {"holidays": [date(2026, 9, 26)], "extra_workdays": [date(2026, 9, 26)]},
            "both as holidays and as extra workdays: 2026-09-26",
        ),
    ],
)
def test_constructor_rejects_bad_values(kwargs, message):
    with pytest.raises(ValueError, match=message):
        WorkCalendar("Asia/Shanghai", **kwargs)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "asia/shanghai/x", "../etc/passwd"])
def test_unknown_timezone_is_a_value_error(name):
    with pytest.raises(ValueError, match="timezone"):
        WorkCalendar(name)


def test_constructor_rejects_wrong_types():
    with pytest.raises(TypeError):
        WorkCalendar(8)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WorkCalendar("UTC", holidays=[datetime(2026, 10, 1)])  # a datetime is not a day
    with pytest.raises(TypeError):
        WorkCalendar("UTC", holidays=["2026-10-01"])  # strings are for from_policy
    with pytest.raises(TypeError):
        WorkCalendar("UTC", start="09:00")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- from_policy


def test_from_policy_reads_the_documented_example():
    # The policy.yaml example of the schemas, with dates as a YAML loader may deliver them:
    # some loaders resolve dates, others (YAML 1.2 core schema) leave strings.
    cal = WorkCalendar.from_policy(
        {
            "workdays": ["mon", "tue", "wed", "thu", "fri"],
            "hours": {"start": "09:00", "end": "18:00"},
            "holidays": [date(2026, 10, 1), "2026-10-02"],
            "extra_workdays": ["2026-09-26"],
        },
        "Asia/Shanghai",
    )
    assert cal == SHANGHAI


def test_from_policy_defaults_missing_keys():
    assert WorkCalendar.from_policy({}, "UTC") == WorkCalendar("UTC")
    # An empty YAML list or key (None) means "none".
    assert WorkCalendar.from_policy({"holidays": None}, "UTC") == WorkCalendar("UTC")


def test_from_policy_reads_hours_and_workdays():
    cal = WorkCalendar.from_policy(
        {
            "workdays": ["sun", "mon", "tue", "wed", "thu"],
            "hours": {"start": "08:30", "end": "17:00"},
        },
        "Asia/Dubai",
    )
    assert cal.workdays == ("mon", "tue", "wed", "thu", "sun")  # Monday-first order
    assert cal.start == time(8, 30) and cal.end == time(17)
    assert cal.day_length == timedelta(hours=8, minutes=30)  # 17:00 - 08:30


@pytest.mark.parametrize(
    ("calendar", "message"),
    [
        (["mon"], "must be a mapping"),
        ({"holiday": ["2026-10-01"]}, "unknown key.*holiday"),  # misspelt: would drop holidays
        ({"workdays": "mon"}, "must be a list"),
        ({"workdays": ["mon", "funday"]}, "unknown weekday"),
        ({"workdays": []}, "at least one workday"),
        ({"hours": {"start": "09:00"}}, 'exactly "start" and "end"'),
        ({"hours": "09:00-18:00"}, 'exactly "start" and "end"'),
        ({"hours": {"start": "9:00", "end": "18:00"}}, "HH:MM"),
        ({"hours": {"start": "09:00", "end": "24:00"}}, "HH:MM"),
        ({"hours": {"start": "09:00", "end": "18:00:00"}}, "HH:MM"),
        ({"hours": {"start": 540, "end": "18:00"}}, "quote it"),  # YAML 1.1 sexagesimal
        ({"hours": {"start": "18:00", "end": "09:00"}}, "must be after start"),
        ({"holidays": "2026-10-01"}, "must be a list"),
        ({"holidays": ["2026/10/01"]}, "YYYY-MM-DD"),
        ({"holidays": ["2026-13-01"]}, "impossible date"),
        ({"holidays": [datetime(2026, 10, 1, 9)]}, "YYYY-MM-DD"),
        ({"extra_workdays": [20260926]}, "YYYY-MM-DD"),
        ({"holidays": ["2026-09-26"], "extra_workdays": ["2026-09-26"]}, "both as holidays"),
    ],
)
def test_from_policy_reports_bad_data_as_value_error(calendar, message):
    with pytest.raises(ValueError, match=message):
        WorkCalendar.from_policy(calendar, "Asia/Shanghai")


def test_from_policy_rejects_unknown_timezone():
    with pytest.raises(ValueError, match="timezone"):
        WorkCalendar.from_policy({}, "Asia/Shangai")


# =========================================================================== days


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 2), True),  # Monday
        (date(2026, 3, 6), True),  # Friday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 10, 1), False),  # Thursday, holiday
        (date(2026, 10, 2), False),  # Friday, holiday
        (date(2026, 9, 26), True),  # Saturday, make-up workday: wins over the weekend
        (date(2026, 9, 27), False),  # Sunday, ordinary weekend
        (date(2026, 9, 30), True),  # Wednesday before the holidays
    ],
)
def test_is_workday(day, expected):
    assert SHANGHAI.is_workday(day) is expected


def test_is_workday_with_other_weekdays():
    # A Sunday-to-Thursday week: Friday off, Sunday on.
    cal = WorkCalendar("Asia/Dubai", workdays=["sun", "mon", "tue", "wed", "thu"])
    assert not cal.is_workday(date(2026, 3, 6))  # Friday
    assert not cal.is_workday(date(2026, 3, 7))  # Saturday
    assert cal.is_workday(date(2026, 3, 8))  # Sunday
    # Thursday 17:00 + 1bd: 1h Thursday, (Fri, Sat off), 8h Sunday -> Sunday 17:00
    assert iso(cal.add_business_days(at("2026-03-05T17:00:00+04:00"), 1)) == (
        "2026-03-08T17:00:00+04:00"
    )


def test_is_workday_refuses_a_datetime():
    # Which local day a datetime falls on depends on the zone; the caller must say.
    with pytest.raises(TypeError):
        SHANGHAI.is_workday(datetime(2026, 3, 2, 9))


def test_holiday_on_a_weekend_changes_nothing():
    cal = WorkCalendar("Asia/Shanghai", holidays=[date(2026, 3, 7)])  # a Saturday
    assert not cal.is_workday(date(2026, 3, 7))
    # Fri 2026-03-06 09:00 -> Tue 2026-03-10 09:00: Friday 9h + Monday 9h = 18h
    assert (
        cal.working_time_between(at("2026-03-06T09:00:00+08:00"), at("2026-03-10T09:00:00+08:00"))
        == 18 * H
    )
    # Mon 2026-03-02 09:00 -> Mon 2026-03-30 09:00: 4 full weeks * 5 days * 9h = 180h
    assert (
        cal.working_time_between(at("2026-03-02T09:00:00+08:00"), at("2026-03-30T09:00:00+08:00"))
        == 180 * H
    )


def test_extra_workday_on_a_standard_workday_changes_nothing():
    cal = WorkCalendar("Asia/Shanghai", extra_workdays=[date(2026, 3, 4)])  # a Wednesday
    # Mon 2026-03-02 09:00 -> Mon 2026-03-16 09:00: 2 weeks * 45h = 90h
    assert (
        cal.working_time_between(at("2026-03-02T09:00:00+08:00"), at("2026-03-16T09:00:00+08:00"))
        == 90 * H
    )


def test_start_and_end_of_day():
    # Due-date rules are due at the last second of the due day (the due-date rules' example).
    assert iso(SHANGHAI.start_of_day(date(2026, 4, 10))) == "2026-04-10T00:00:00+08:00"
    assert iso(SHANGHAI.end_of_day(date(2026, 4, 10))) == "2026-04-10T23:59:59+08:00"
    # Also on a day that is not a workday: these are calendar instants.
    assert iso(SHANGHAI.end_of_day(date(2026, 10, 1))) == "2026-10-01T23:59:59+08:00"


def test_start_and_end_of_day_on_dst_days():
    # New York 2026-03-08: midnight is still EST, 23:59:59 already EDT.
    assert iso(NEW_YORK.start_of_day(date(2026, 3, 8))) == "2026-03-08T00:00:00-05:00"
    assert iso(NEW_YORK.end_of_day(date(2026, 3, 8))) == "2026-03-08T23:59:59-04:00"
    # 2026-11-01: midnight is still EDT, 23:59:59 is EST.
    assert iso(NEW_YORK.start_of_day(date(2026, 11, 1))) == "2026-11-01T00:00:00-04:00"
    assert iso(NEW_YORK.end_of_day(date(2026, 11, 1))) == "2026-11-01T23:59:59-05:00"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 3), "2026-03-03T09:00:00+08:00"),  # Tuesday: its own opening
        (date(2026, 3, 7), "2026-03-09T09:00:00+08:00"),  # Saturday -> Monday morning
        (date(2026, 10, 1), "2026-10-05T09:00:00+08:00"),  # holiday Thu; Fri hol, weekend
        (date(2026, 10, 2), "2026-10-05T09:00:00+08:00"),  # holiday Fri -> Monday
        (date(2026, 9, 26), "2026-09-26T09:00:00+08:00"),  # make-up Saturday works
        (date(2026, 9, 27), "2026-09-28T09:00:00+08:00"),  # Sunday after it -> Monday
    ],
)
def test_start_of_working_day(day, expected):
    assert iso(SHANGHAI.start_of_working_day(day)) == expected


def test_day_functions_refuse_datetimes():
    for method in (
        SHANGHAI.start_of_day,
        SHANGHAI.end_of_day,
        SHANGHAI.start_of_working_day,
    ):
        with pytest.raises(TypeError):
            method(at("2026-03-03T10:00:00+08:00"))


# =========================================================================== instants


def test_to_local():
    # 01:00 UTC = 09:00 in Shanghai (+8)
    assert iso(SHANGHAI.to_local(at("2026-03-02T01:00:00+00:00"))) == ("2026-03-02T09:00:00+08:00")


def test_localize_reads_wall_time_in_the_calendar_zone():
    assert iso(SHANGHAI.localize(datetime(2026, 3, 5, 14, 30))) == "2026-03-05T14:30:00+08:00"
    # New York, summer: EDT
    assert iso(NEW_YORK.localize(datetime(2026, 7, 1, 9))) == "2026-07-01T09:00:00-04:00"


def test_localize_non_existent_and_repeated_wall_times():
    # 02:30 does not exist on 2026-03-08 in New York (02:00 EST -> 03:00 EDT). fold=0 reads
    # it with the offset before the gap: 02:30 EST = 07:30 UTC = 03:30 EDT.
    assert iso(NEW_YORK.localize(datetime(2026, 3, 8, 2, 30))) == "2026-03-08T03:30:00-04:00"
    # 01:30 occurs twice on 2026-11-01; fold=0 takes the first one, still EDT.
    assert iso(NEW_YORK.localize(datetime(2026, 11, 1, 1, 30))) == "2026-11-01T01:30:00-04:00"


def test_localize_refuses_aware_values():
    with pytest.raises(ValueError, match="naive"):
        SHANGHAI.localize(at("2026-03-05T14:30:00+08:00"))


NAIVE = datetime(2026, 3, 3, 10, 0)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.to_local(NAIVE),
        lambda c: c.next_working_moment(NAIVE),
        lambda c: c.add_working_time(NAIVE, H),
        lambda c: c.add_working_time(NAIVE, timedelta(0)),
        lambda c: c.add_business_days(NAIVE, 1),
        lambda c: c.add_duration(NAIVE, Duration.parse("24h")),
        lambda c: c.add_duration(NAIVE, Duration.parse("1bd")),
        lambda c: c.working_time_between(NAIVE, at("2026-03-03T10:00:00+08:00")),
        lambda c: c.working_time_between(at("2026-03-03T10:00:00+08:00"), NAIVE),
    ],
)
def test_naive_datetimes_are_refused(call):
    # Guessing the zone of a naive value is how reports end up eight hours off.
    with pytest.raises(ValueError, match="naive"):
        call(SHANGHAI)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # inside working hours: itself
        ("2026-03-03T10:15:00+08:00", "2026-03-03T10:15:00+08:00"),
        # exactly at the opening: inside ([start, end) includes start)
        ("2026-03-03T09:00:00+08:00", "2026-03-03T09:00:00+08:00"),
        # one minute before closing: inside
        ("2026-03-03T17:59:00+08:00", "2026-03-03T17:59:00+08:00"),
        # before hours Tuesday 07:00 -> Tuesday 09:00
        ("2026-03-03T07:00:00+08:00", "2026-03-03T09:00:00+08:00"),
        # exactly at closing (end is exclusive) -> Wednesday 09:00
        ("2026-03-03T18:00:00+08:00", "2026-03-04T09:00:00+08:00"),
        # after hours Tuesday 20:30 -> Wednesday 09:00
        ("2026-03-03T20:30:00+08:00", "2026-03-04T09:00:00+08:00"),
        # Friday 18:00 -> (Sat, Sun) -> Monday 09:00
        ("2026-03-06T18:00:00+08:00", "2026-03-09T09:00:00+08:00"),
        # Saturday noon -> Monday 09:00
        ("2026-03-07T12:00:00+08:00", "2026-03-09T09:00:00+08:00"),
        # Wednesday 18:30 before the holidays -> (Thu, Fri hol; Sat, Sun) -> Mon Oct 5
        ("2026-09-30T18:30:00+08:00", "2026-10-05T09:00:00+08:00"),
        # Friday 19:00 -> make-up Saturday 09:00
        ("2026-09-25T19:00:00+08:00", "2026-09-26T09:00:00+08:00"),
        # given in UTC: 01:00Z = Tuesday 09:00 Shanghai; answered in Shanghai time
        ("2026-03-03T01:00:00+00:00", "2026-03-03T09:00:00+08:00"),
        # 2026-03-02T23:00Z = Tuesday 07:00 Shanghai (a different date in UTC) -> 09:00
        ("2026-03-02T23:00:00+00:00", "2026-03-03T09:00:00+08:00"),
    ],
)
def test_next_working_moment(moment, expected):
    assert iso(SHANGHAI.next_working_moment(at(moment))) == expected


# =========================================================================== working time


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Monday 09:00 + 1bd: 9h of Monday -> Monday 18:00 (end-of-period rule: not Tue 09:00)
        ("2026-03-02T09:00:00+08:00", 1, "2026-03-02T18:00:00+08:00"),
        # Friday 17:00 + 1bd: 1h Friday + 8h Monday (09:00 + 8h) -> Monday 17:00
        ("2026-03-06T17:00:00+08:00", 1, "2026-03-09T17:00:00+08:00"),
        # Tuesday 20:30 (after hours) + 1bd: counts from Wed 09:00, 9h -> Wednesday 18:00
        ("2026-03-03T20:30:00+08:00", 1, "2026-03-04T18:00:00+08:00"),
        # Tuesday 07:00 (before hours) + 1bd: counts from Tue 09:00 -> Tuesday 18:00
        ("2026-03-03T07:00:00+08:00", 1, "2026-03-03T18:00:00+08:00"),
        # Tuesday 18:00 exactly + 1bd: counts from Wed 09:00 -> Wednesday 18:00
        ("2026-03-03T18:00:00+08:00", 1, "2026-03-04T18:00:00+08:00"),
        # Saturday + 1bd: counts from Monday 09:00 -> Monday 18:00
        ("2026-03-07T10:00:00+08:00", 1, "2026-03-09T18:00:00+08:00"),
        # Wednesday 14:00 + 3bd = 27h: Wed 4h (14-18), Thu 9h (13), Fri 9h (22),
        # Mon 5h -> Monday 14:00
        ("2026-03-04T14:00:00+08:00", 3, "2026-03-09T14:00:00+08:00"),
        # Monday 09:00 + 3bd = 27h: Mon 9, Tue 9, Wed 9 -> Wednesday 18:00
        ("2026-03-02T09:00:00+08:00", 3, "2026-03-04T18:00:00+08:00"),
        # Holiday crossing. Wednesday 2026-09-30 15:00 + 1bd: Wed 3h, Thu+Fri holidays,
        # weekend, Mon Oct 5 6h (09:00 + 6h) -> Monday 15:00
        ("2026-09-30T15:00:00+08:00", 1, "2026-10-05T15:00:00+08:00"),
        # Make-up Saturday. Friday 2026-09-25 15:00 + 1bd: Fri 3h, Sat 26 6h -> Sat 15:00
        ("2026-09-25T15:00:00+08:00", 1, "2026-09-26T15:00:00+08:00"),
        # Friday 2026-09-25 10:00 + 3bd = 27h: Fri 8h (10-18), Sat 9h (17), Sun off,
        # Mon 28 9h (26), Tue 29 1h -> Tuesday 10:00
        ("2026-09-25T10:00:00+08:00", 3, "2026-09-29T10:00:00+08:00"),
        # Monday 2026-09-21 09:00 + 10bd: workdays Mon 21..Fri 25 (5), Sat 26 (6),
        # Mon 28, Tue 29, Wed 30 (9), Oct 1-2 holidays, weekend, Mon Oct 5 (10) -> Oct 5 18:00
        ("2026-09-21T09:00:00+08:00", 10, "2026-10-05T18:00:00+08:00"),
        # Monday 2026-09-14 09:00 + 15bd: Sep 14-18 (5), 21-25 (10), Sat 26 (11),
        # Sep 28-30 (14), Oct 5 (15) -> Monday 2026-10-05 18:00
        ("2026-09-14T09:00:00+08:00", 15, "2026-10-05T18:00:00+08:00"),
        # Long span, no exceptions. Monday 2026-03-02 09:00 + 20bd = four full weeks
        # (Mar 2-6, 9-13, 16-20, 23-27) -> Friday 2026-03-27 18:00
        ("2026-03-02T09:00:00+08:00", 20, "2026-03-27T18:00:00+08:00"),
        # ... + 21bd: one more day -> Monday 2026-03-30 18:00
        ("2026-03-02T09:00:00+08:00", 21, "2026-03-30T18:00:00+08:00"),
        # Wednesday 2026-03-04 12:00 + 10bd: lands at 12:00 ten workdays later:
        # Thu 5, Fri 6, Mon 9 .. Fri 13 (7), Mon 16, Tue 17, Wed 18 (10) -> Wed 18 12:00
        ("2026-03-04T12:00:00+08:00", 10, "2026-03-18T12:00:00+08:00"),
        # zero business days: the start itself, even outside working hours
        ("2026-03-07T12:00:00+08:00", 0, "2026-03-07T12:00:00+08:00"),
    ],
)
def test_add_business_days(start, days, due):
    assert iso(SHANGHAI.add_business_days(at(start), days)) == due


@pytest.mark.parametrize(
    ("start", "amount", "due"),
    [
        # Monday 09:00 + 9h -> Monday 18:00 (runs out exactly at closing: due at closing)
        ("2026-03-02T09:00:00+08:00", 9 * H, "2026-03-02T18:00:00+08:00"),
        # Monday 09:00 + 9h01m -> 9h Monday, 1 minute Tuesday -> Tuesday 09:01
        ("2026-03-02T09:00:00+08:00", 9 * H + MIN, "2026-03-03T09:01:00+08:00"),
        # Tuesday 07:00 + 2h: counts from 09:00 -> 11:00
        ("2026-03-03T07:00:00+08:00", 2 * H, "2026-03-03T11:00:00+08:00"),
        # Tuesday 18:00 + 1h: counts from Wednesday 09:00 -> 10:00
        ("2026-03-03T18:00:00+08:00", H, "2026-03-04T10:00:00+08:00"),
        # Tuesday 17:30 + 30min -> 18:00 (not Wednesday 09:00)
        ("2026-03-03T17:30:00+08:00", 30 * MIN, "2026-03-03T18:00:00+08:00"),
        # Tuesday 17:30 + 31min -> 30min Tuesday + 1min Wednesday -> Wednesday 09:01
        ("2026-03-03T17:30:00+08:00", 31 * MIN, "2026-03-04T09:01:00+08:00"),
        # Friday 17:00 + 10h: 1h Friday, 9h Monday -> Monday 18:00
        ("2026-03-06T17:00:00+08:00", 10 * H, "2026-03-09T18:00:00+08:00"),
        # seconds survive: Tuesday 10:00 + 1s -> 10:00:01
        ("2026-03-03T10:00:00+08:00", timedelta(seconds=1), "2026-03-03T10:00:01+08:00"),
        # Start given in UTC: 2026-03-02T01:00Z = Monday 09:00 Shanghai; + 9h -> 18:00 local
        ("2026-03-02T01:00:00+00:00", 9 * H, "2026-03-02T18:00:00+08:00"),
    ],
)
def test_add_working_time(start, amount, due):
    assert iso(SHANGHAI.add_working_time(at(start), amount)) == due


def test_long_spans():
    # 2026 has 261 Mon-Fri days (365 = 52 weeks + 1 day, and Jan 1 is a Thursday); in
    # Shanghai minus the two October holidays plus the make-up Saturday: 260 workdays.
    new_year = at("2026-01-01T00:00:00+08:00")
    # + 260bd from midnight Jan 1: every workday of 2026 in full -> Thu 2026-12-31 18:00
    assert iso(SHANGHAI.add_business_days(new_year, 260)) == "2026-12-31T18:00:00+08:00"
    # + 261bd: the first workday of 2027, Friday Jan 1 (no 2027 holidays listed) -> 18:00
    assert iso(SHANGHAI.add_business_days(new_year, 261)) == "2027-01-01T18:00:00+08:00"
    # 2027 starts on a Friday: 52 weeks + Friday Dec 31 = 261 workdays. Two years:
    # (260 + 261) * 9h = 4689h
    assert SHANGHAI.working_time_between(new_year, at("2028-01-01T00:00:00+08:00")) == (4689 * H)


def test_every_whole_number_of_days_over_a_year():
    # From an opening, n bd end exactly at the closing of the n-th workday (counting the
    # start day as the first), whatever n: enumerate Shanghai's 2026 workdays by the rule
    # (Mon-Fri except Oct 1-2, plus Sat Sep 26) and check every n up to a year's worth.
    workdays = []
    day = date(2026, 1, 5)  # a Monday
    while day < date(2027, 1, 1):
        if (day.weekday() < 5 and day not in (date(2026, 10, 1), date(2026, 10, 2))) or (
            day == date(2026, 9, 26)
        ):
            workdays.append(day)
        day += timedelta(days=1)
    start = at("2026-01-05T09:00:00+08:00")
    for n, nth in enumerate(workdays, start=1):
        expected = datetime.combine(nth, time(18), tzinfo=ZoneInfo("Asia/Shanghai"))
        assert iso(SHANGHAI.add_business_days(start, n)) == iso(expected), n
        assert SHANGHAI.working_time_between(start, expected) == n * BD, n


def test_a_year_of_holidays():
    # A Sunday-only calendar with every Sunday of 2026 off (Jan 4 + 7k, 52 of them): the
    # next working moment after New Year 2026 is Sunday 2027-01-03 09:00 (UTC).
    sundays = [date(2026, 1, 4) + timedelta(weeks=k) for k in range(52)]
    assert sundays[-1] == date(2026, 12, 27)
    cal = WorkCalendar("UTC", workdays=["sun"], holidays=sundays)
    start = at("2026-01-01T00:00:00+00:00")
    assert iso(cal.next_working_moment(start)) == "2027-01-03T09:00:00+00:00"
    assert iso(cal.add_business_days(start, 1)) == "2027-01-03T18:00:00+00:00"
    assert cal.working_time_between(start, at("2027-01-01T00:00:00+00:00")) == timedelta(0)


def test_end_of_the_supported_range():
    cal = WorkCalendar("UTC")
    # Thu 9999-12-30 + 10bd would fall in year 10000, which datetime cannot represent.
    with pytest.raises(ValueError, match="supported range"):
        cal.add_business_days(at("9999-12-30T10:00:00+00:00"), 10)


def test_add_working_time_zero_returns_the_start_unchanged():
    # Saturday noon + 0 stays Saturday noon (not Monday 09:00): nothing is waited for.
    start = at("2026-03-07T12:00:00+08:00")
    assert SHANGHAI.add_working_time(start, timedelta(0)) == start
    # The same instant, expressed in the calendar's zone: 04:00Z is 12:00 in Shanghai.
    assert iso(SHANGHAI.add_working_time(at("2026-03-07T04:00:00+00:00"), timedelta(0))) == (
        "2026-03-07T12:00:00+08:00"
    )


def test_add_working_time_rejects_bad_amounts():
    start = at("2026-03-03T10:00:00+08:00")
    with pytest.raises(ValueError, match="negative"):
        SHANGHAI.add_working_time(start, -H)
    with pytest.raises(ValueError, match="negative"):
        SHANGHAI.add_business_days(start, -1)
    with pytest.raises(TypeError):
        SHANGHAI.add_working_time(start, 9)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SHANGHAI.add_business_days(start, 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SHANGHAI.add_business_days(start, True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # same day, inside hours: 10:00 -> 12:30 = 2h30m
        ("2026-03-03T10:00:00+08:00", "2026-03-03T12:30:00+08:00", timedelta(hours=2.5)),
        # into the evening: 17:00 -> 20:00 counts only 17:00-18:00 = 1h
        ("2026-03-03T17:00:00+08:00", "2026-03-03T20:00:00+08:00", H),
        # early morning to mid morning: 07:00 -> 10:00 counts 09:00-10:00 = 1h
        ("2026-03-03T07:00:00+08:00", "2026-03-03T10:00:00+08:00", H),
        # closing to next opening: 18:00 Tue -> 09:00 Wed = 0
        ("2026-03-03T18:00:00+08:00", "2026-03-04T09:00:00+08:00", timedelta(0)),
        # a whole working day: Tue 09:00 -> Tue 18:00 = 9h
        ("2026-03-03T09:00:00+08:00", "2026-03-03T18:00:00+08:00", 9 * H),
        # weekend: Fri 17:00 -> Mon 10:00 = 1h Friday + 1h Monday = 2h
        ("2026-03-06T17:00:00+08:00", "2026-03-09T10:00:00+08:00", 2 * H),
        # the weekend itself: Sat 10:00 -> Sun 20:00 = 0
        ("2026-03-07T10:00:00+08:00", "2026-03-08T20:00:00+08:00", timedelta(0)),
        # holidays: Wed 2026-09-30 17:00 -> Mon 2026-10-05 10:00 = 1h Wed + 1h Mon = 2h
        ("2026-09-30T17:00:00+08:00", "2026-10-05T10:00:00+08:00", 2 * H),
        # make-up Saturday: Fri 09-25 17:00 -> Mon 09-28 10:00 = 1 + 9 (Sat) + 1 = 11h
        ("2026-09-25T17:00:00+08:00", "2026-09-28T10:00:00+08:00", 11 * H),
        # four full weeks: Mon 03-02 09:00 -> Mon 03-30 09:00 = 4 * 5 * 9h = 180h
        ("2026-03-02T09:00:00+08:00", "2026-03-30T09:00:00+08:00", 180 * H),
        # four weeks over the holidays: Mon 09-14 09:00 -> Mon 10-12 09:00:
        # Sep 14-18 (5) + 21-25 (5) + Sat 26 (1) + 28-30 (3) + Oct 5-9 (5) = 19 days = 171h
        ("2026-09-14T09:00:00+08:00", "2026-10-12T09:00:00+08:00", 171 * H),
        # same, starting mid-week mid-day: Wed 09-16 12:00 -> Wed 10-14 12:00:
        # Wed 16 6h; Thu 17..Fri 25 (7 days) 63h; Sat 26 9h; Mon 28..Wed 30 27h;
        # Oct 5..Tue 13 (7 days) 63h; Wed 14 3h -> 6 + 63 + 9 + 27 + 63 + 3 = 171h
        ("2026-09-16T12:00:00+08:00", "2026-10-14T12:00:00+08:00", 171 * H),
        # one year: 2026 has 261 Mon-Fri days; Jan 1 2026 -> Jan 1 2027 (Shanghai, with
        # the two holidays Thu/Fri Oct 1-2 and the make-up Sat Sep 26) = 261 - 2 + 1 = 260
        # workdays = 2340h
        ("2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", 2340 * H),
        # equal instants: nothing
        ("2026-03-03T10:00:00+08:00", "2026-03-03T10:00:00+08:00", timedelta(0)),
        # negative: b before a gives minus the working time of [b, a) (weekend case above)
        ("2026-03-09T10:00:00+08:00", "2026-03-06T17:00:00+08:00", -2 * H),
        # instants in other zones: 09:00Z = 17:00 Shanghai Fri; 02:00Z = 10:00 Mon -> 2h
        ("2026-03-06T09:00:00+00:00", "2026-03-09T02:00:00+00:00", 2 * H),
    ],
)
def test_working_time_between(a, b, expected):
    assert SHANGHAI.working_time_between(at(a), at(b)) == expected


def test_working_time_between_measures_lateness():
    # Due Monday 2026-03-09 17:00, still open Wednesday 2026-03-11 11:00:
    # Mon 1h + Tue 9h + Wed 2h = 12h late; remaining is -12h.
    due, now = at("2026-03-09T17:00:00+08:00"), at("2026-03-11T11:00:00+08:00")
    assert SHANGHAI.working_time_between(due, now) == 12 * H
    assert SHANGHAI.working_time_between(now, due) == -12 * H


# =========================================================================== add_duration


@pytest.mark.parametrize(
    ("start", "goal", "due"),
    [
        # 24h is calendar time: Friday 17:00 + 24h = Saturday 17:00 (across the weekend)
        ("2026-03-06T17:00:00+08:00", "24h", "2026-03-07T17:00:00+08:00"),
        # 2d: Friday 17:00 + 48h = Sunday 17:00
        ("2026-03-06T17:00:00+08:00", "2d", "2026-03-08T17:00:00+08:00"),
        # 90m: Tuesday 17:00 + 1h30 = 18:30 (after hours: calendar time does not care)
        ("2026-03-03T17:00:00+08:00", "90m", "2026-03-03T18:30:00+08:00"),
        # 24h over a holiday: Wed 2026-09-30 12:00 + 24h = Thu 2026-10-01 12:00
        ("2026-09-30T12:00:00+08:00", "24h", "2026-10-01T12:00:00+08:00"),
        # 1bd: Friday 17:00 -> Monday 17:00 (business calendar)
        ("2026-03-06T17:00:00+08:00", "1bd", "2026-03-09T17:00:00+08:00"),
        # 30d: 2026-03-02 09:00 + 30 days = 2026-04-01 09:00 (March has 31 days)
        ("2026-03-02T09:00:00+08:00", "30d", "2026-04-01T09:00:00+08:00"),
        # zero: the start itself
        ("2026-03-07T12:00:00+08:00", "0", "2026-03-07T12:00:00+08:00"),
        # start given in UTC, answer in Shanghai time: 01:00Z + 24h = 01:00Z next day = 09:00+8
        ("2026-03-02T01:00:00+00:00", "24h", "2026-03-03T09:00:00+08:00"),
    ],
)
def test_add_duration(start, goal, due):
    assert iso(SHANGHAI.add_duration(at(start), Duration.parse(goal))) == due
    assert iso(SHANGHAI.add_duration(at(start), goal)) == due  # text is read with parse


def test_add_duration_rejects_other_types():
    with pytest.raises(TypeError):
        SHANGHAI.add_duration(at("2026-03-02T09:00:00+08:00"), timedelta(hours=1))
    with pytest.raises(ValueError, match="accepted forms"):
        SHANGHAI.add_duration(at("2026-03-02T09:00:00+08:00"), "1 day")


# =========================================================================== daylight saving


def test_dst_spring_forward_business_day():
    # Fri 2026-03-06 17:00 EST + 1bd: 1h Friday, 8h Monday 2026-03-09 (now EDT) -> 17:00 EDT
    start = at("2026-03-06T17:00:00-05:00")
    due = NEW_YORK.add_business_days(start, 1)
    assert iso(due) == "2026-03-09T17:00:00-04:00"
    # 9h of working time in between, although 71 real hours passed (72 wall-clock - 1h)
    assert NEW_YORK.working_time_between(start, due) == 9 * H
    assert due - start == 71 * H


def test_dst_fall_back_business_day():
    # Fri 2026-10-30 17:00 EDT + 1bd: 1h Friday, 8h Monday 2026-11-02 (EST) -> 17:00 EST
    start = at("2026-10-30T17:00:00-04:00")
    due = NEW_YORK.add_business_days(start, 1)
    assert iso(due) == "2026-11-02T17:00:00-05:00"
    assert due - start == 73 * H  # 72 wall-clock hours + the repeated hour


def test_dst_elapsed_24h_is_24_real_hours():
    # Sat 2026-03-07 12:00 EST = 17:00Z; + 24h = Sun 17:00Z = 13:00 EDT (-4):
    # 24 real hours, while the wall clock moved 25 (12:00 -> 13:00 next day).
    start = at("2026-03-07T12:00:00-05:00")
    due = NEW_YORK.add_duration(start, Duration.parse("24h"))
    assert iso(due) == "2026-03-08T13:00:00-04:00"
    assert due - start == 24 * H
    # Sat 2026-10-31 12:00 EDT = 16:00Z; + 24h = Sun 16:00Z = 11:00 EST (wall clock 23h)
    start = at("2026-10-31T12:00:00-04:00")
    due = NEW_YORK.add_duration(start, Duration.parse("24h"))
    assert iso(due) == "2026-11-01T11:00:00-05:00"
    assert due - start == 24 * H


def test_dst_days_in_new_york():
    # Monday 2026-03-09 (first EDT workday): 09:00-18:00 EDT is 9 real hours
    assert (
        NEW_YORK.working_time_between(
            at("2026-03-09T09:00:00-04:00"), at("2026-03-09T18:00:00-04:00")
        )
        == 9 * H
    )
    # Sunday 2026-03-08 noon -> Monday 09:00 EDT
    assert iso(NEW_YORK.next_working_moment(at("2026-03-08T12:00:00-04:00"))) == (
        "2026-03-09T09:00:00-04:00"
    )
    # Two weeks over the change: Mon 03-02 09:00 EST -> Mon 03-16 09:00 EDT:
    # 10 workdays * 9h = 90h (the change happens on Sunday at 02:00, outside hours)
    assert (
        NEW_YORK.working_time_between(
            at("2026-03-02T09:00:00-05:00"), at("2026-03-16T09:00:00-04:00")
        )
        == 90 * H
    )
    # Mon 03-02 09:00 EST + 10bd = 90h: Mar 2-6 and 9-13 full -> Friday 03-13 18:00 EDT
    assert iso(NEW_YORK.add_business_days(at("2026-03-02T09:00:00-05:00"), 10)) == (
        "2026-03-13T18:00:00-04:00"
    )
    # Mon 2026-10-26 09:00 EDT -> Mon 2026-11-09 09:00 EST: 10 workdays = 90h
    assert (
        NEW_YORK.working_time_between(
            at("2026-10-26T09:00:00-04:00"), at("2026-11-09T09:00:00-05:00")
        )
        == 90 * H
    )


def test_dst_in_berlin():
    # Fri 2026-03-27 17:00 CET + 1bd: 1h Fri, 8h Mon 03-30 (CEST) -> 17:00 CEST
    assert iso(BERLIN.add_business_days(at("2026-03-27T17:00:00+01:00"), 1)) == (
        "2026-03-30T17:00:00+02:00"
    )
    # Fri 2026-10-23 17:00 CEST + 1bd -> Mon 2026-10-26 17:00 CET
    assert iso(BERLIN.add_business_days(at("2026-10-23T17:00:00+02:00"), 1)) == (
        "2026-10-26T17:00:00+01:00"
    )
    # Mon 2026-03-23 09:00 CET -> Mon 2026-04-06 09:00 CEST: 10 workdays = 90h
    assert (
        BERLIN.working_time_between(
            at("2026-03-23T09:00:00+01:00"), at("2026-04-06T09:00:00+02:00")
        )
        == 90 * H
    )


# A Sunday-only calendar whose hours contain New York's 02:00 changes, to check that
# working time is real elapsed time inside wall-clock periods.
NIGHT_SHIFT = WorkCalendar("America/New_York", workdays=["sun"], start=time(1), end=time(5))


def test_period_containing_spring_forward_is_an_hour_shorter():
    # Sun 2026-03-08 01:00 EST (06:00Z) to 05:00 EDT (09:00Z): 3 real hours
    assert (
        NIGHT_SHIFT.working_time_between(
            at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")
        )
        == 3 * H
    )
    # 3h from the opening runs out exactly at closing, 05:00 EDT
    assert iso(NIGHT_SHIFT.add_working_time(at("2026-03-08T01:00:00-05:00"), 3 * H)) == (
        "2026-03-08T05:00:00-04:00"
    )
    # 1h from 01:30 EST: 01:30 + 1h = 02:30 EST = 07:30Z = 03:30 EDT
    assert iso(NIGHT_SHIFT.add_working_time(at("2026-03-08T01:30:00-05:00"), H)) == (
        "2026-03-08T03:30:00-04:00"
    )


def test_period_containing_fall_back_is_an_hour_longer():
    # Sun 2026-11-01 01:00 EDT (05:00Z, first 01:00) to 05:00 EST (10:00Z): 5 real hours
    assert (
        NIGHT_SHIFT.working_time_between(
            at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")
        )
        == 5 * H
    )
    # next Sunday 2026-11-08 01:00 EST (06:00Z) to 05:00 EST (10:00Z): 4h as usual
    assert (
        NIGHT_SHIFT.working_time_between(
            at("2026-11-08T00:00:00-05:00"), at("2026-11-09T00:00:00-05:00")
        )
        == 4 * H
    )
    # A "bd" is day_length = 4h: Sat 2026-10-31 + 1bd from the opening 01:00 EDT (05:00Z)
    # -> 09:00Z = 04:00 EST (one hour before the 05:00 closing, the day being 5h long)
    assert iso(NIGHT_SHIFT.add_business_days(at("2026-10-31T12:00:00-04:00"), 1)) == (
        "2026-11-01T04:00:00-05:00"
    )


def test_period_inside_the_gap_is_empty():
    # 02:30-03:15 on 2026-03-08: 02:30 (fold=0, EST) = 07:30Z = 03:30 EDT is after
    # 03:15 EDT = 07:15Z, so that Sunday has no working time; the next is 03-15 02:30 EDT.
    cal = WorkCalendar("America/New_York", workdays=["sun"], start=time(2, 30), end=time(3, 15))
    assert cal.working_time_between(
        at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")
    ) == timedelta(0)
    assert iso(cal.next_working_moment(at("2026-03-08T00:00:00-05:00"))) == (
        "2026-03-15T02:30:00-04:00"
    )
    # Sunday 2026-03-01 02:30 EST + 45min = 03:15 EST; + 46 min: 45 min on 03-01, none on
    # 03-08, 1 min on 03-15 -> 02:31 EDT
    assert iso(cal.add_working_time(at("2026-03-01T02:30:00-05:00"), 46 * MIN)) == (
        "2026-03-15T02:31:00-04:00"
    )


# =========================================================================== properties


def _reference_working_time(cal: WorkCalendar, a: datetime, b: datetime) -> timedelta:
    """Brute force, independent of the module: visit every local date, rebuild its period
    from the model (weekday list, holidays, make-up days, fold=0 wall times) and sum the
    overlaps with [a, b)."""
    if b < a:
        return -_reference_working_time(cal, b, a)
    tz = cal.timezone
    holidays, extra = set(cal.holidays), set(cal.extra_workdays)
    total = timedelta(0)
    day = a.astimezone(tz).date() - timedelta(days=1)
    last = b.astimezone(tz).date() + timedelta(days=1)
    while day <= last:
        works = day in extra or (WEEKDAYS[day.weekday()] in cal.workdays and day not in holidays)
        if works:
            opens = datetime.combine(day, cal.start, tzinfo=tz).astimezone(UTC)
            closes = datetime.combine(day, cal.end, tzinfo=tz).astimezone(UTC)
            lo, hi = max(opens, a.astimezone(UTC)), min(closes, b.astimezone(UTC))
            if hi > lo:
                total += hi - lo
        day += timedelta(days=1)
    return total


CALENDARS = [
    SHANGHAI,
    NEW_YORK,
    BERLIN,
    NIGHT_SHIFT,
    WorkCalendar(
        "Europe/Berlin",
        workdays=["mon", "tue", "thu"],
        start=time(7, 45),
        end=time(16, 20),
        holidays=[date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 2), date(2026, 12, 24)],
        extra_workdays=[date(2026, 3, 28), date(2026, 10, 25)],
    ),
    WorkCalendar(
        "America/New_York",
        holidays=[date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1)],
        extra_workdays=[date(2026, 3, 8)],  # a make-up Sunday on the spring-forward day
    ),
]

instants = st.datetimes(min_value=datetime(2025, 10, 1), max_value=datetime(2027, 6, 30)).map(
    lambda naive: naive.replace(tzinfo=UTC)
)
# up to 40 business days of 9h, to the second
amounts = st.integers(min_value=0, max_value=40 * 9 * 3600).map(lambda s: timedelta(seconds=s))
calendars = st.sampled_from(CALENDARS)


@settings(max_examples=300, deadline=None)
@given(calendars, instants, amounts)
def test_adding_then_measuring_gives_the_amount_back(cal, moment, amount):
    start = cal.next_working_moment(moment)
    due = cal.add_working_time(start, amount)
    assert cal.working_time_between(start, due) == amount
    # From a non-working moment too: the idle time before the clock starts counts for nothing.
    assert cal.working_time_between(moment, cal.add_working_time(moment, amount)) == amount


@settings(max_examples=300, deadline=None)
@given(calendars, instants, amounts)
def test_due_instant_is_the_earliest_one(cal, moment, amount):
    assume(amount > timedelta(0))
    due = cal.add_working_time(moment, amount)
    # A microsecond earlier, the amount has not yet been used up.
    assert cal.working_time_between(moment, due - timedelta(microseconds=1)) < amount
    # And the due instant is inside a working period or at its closing, never after hours.
    local = due.astimezone(cal.timezone)
    assert cal.is_workday(local.date())
    assert local.tzinfo is cal.timezone


@settings(max_examples=300, deadline=None)
@given(calendars, instants, amounts, amounts)
def test_add_working_time_is_monotonic_in_the_amount(cal, moment, x, y):
    small, large = sorted((x, y))
    assert cal.add_working_time(moment, small) <= cal.add_working_time(moment, large)


@settings(max_examples=300, deadline=None)
@given(calendars, instants, instants, amounts)
def test_add_working_time_is_monotonic_in_the_start(cal, m1, m2, amount):
    early, late = sorted((m1, m2))
    assert cal.add_working_time(early, amount) <= cal.add_working_time(late, amount)


@settings(max_examples=300, deadline=None)
@given(calendars, instants, instants, instants)
def test_working_time_between_is_additive_and_antisymmetric(cal, a, b, c):
    ab, bc, ac = (
        cal.working_time_between(a, b),
        cal.working_time_between(b, c),
        cal.working_time_between(a, c),
    )
    assert ab + bc == ac
    assert cal.working_time_between(b, a) == -ab


@settings(max_examples=300, deadline=None)
@given(calendars, instants, instants)
def test_working_time_between_matches_brute_force(cal, a, b):
    # The week-skipping implementation must agree with a day-by-day walk of the model.
    assert cal.working_time_between(a, b) == _reference_working_time(cal, a, b)


@settings(max_examples=300, deadline=None)
@given(calendars, instants)
def test_next_working_moment_is_a_working_moment(cal, moment):
    found = cal.next_working_moment(moment)
    assert found >= moment
    # No working time between the moment and what was found ...
    assert cal.working_time_between(moment, found) == timedelta(0)
    # ... and work starts right there: the next second is working time.
    second = timedelta(seconds=1)
    assert cal.working_time_between(found, found + second) == second


@settings(max_examples=200, deadline=None)
@given(calendars, instants, st.integers(min_value=0, max_value=30))
def test_business_days_are_day_length_multiples(cal, moment, n):
    due = cal.add_business_days(moment, n)
    assert due == cal.add_working_time(moment, n * cal.day_length)
    assert due == cal.add_duration(moment, Duration(n, "bd"))
