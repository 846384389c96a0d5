"""A clock stopped by a date (``done_on``, a check-in's day): late by whole days.

A date says nothing of the hour, so a stop on the due day is on time and a stop on a later
day is late by the days between the due day and it — never by the minutes between the due
instant and the start of the stop's day.
"""

from datetime import datetime, timedelta

from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.clock import Clock, State, evaluate
from hirebook.sla.duration import Duration

SHANGHAI = WorkCalendar("Asia/Shanghai")
EIGHT = "+08:00"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text + EIGHT)


def clock(due: str, stopped: str, due_date_rule: bool = False) -> Clock:
    return Clock(
        rule="onboarding-check-in",
        client="acme",
        tier="key",
        record="records/clients/acme/applications/app-2026-0001.yaml",
        line_number=1,
        subject="app-2026-0001#day-7",
        owner="wang-li",
        describe="Check-in on app-2026-0001",
        goal=Duration(7, "d"),
        started=at("2026-11-02T10:00:00"),
        due=at(due),
        stopped=at(stopped),
        stop_is_date=True,
        due_date_rule=due_date_rule,
    )


AS_OF = at("2026-11-30T12:00:00")


def test_a_date_on_the_due_day_is_on_time():
    # Due Mon 9 November 10:00; done on the 9th (read as 00:00 that day): on time.
    found = evaluate(clock("2026-11-09T10:00:00", "2026-11-09T00:00:00"), AS_OF, SHANGHAI, 0.25)
    assert found.state is State.MET
    assert found.message == "Check-in on app-2026-0001 was on time"


def test_a_date_one_day_after_the_due_day_is_one_day_late():
    # Due 9 November 10:00; done on the 10th: one day late (not 14 hours).
    found = evaluate(clock("2026-11-09T10:00:00", "2026-11-10T00:00:00"), AS_OF, SHANGHAI, 0.25)
    assert found.state is State.BREACHED
    assert found.remaining == -timedelta(days=1)
    assert found.message == "Check-in on app-2026-0001 was 1 day late"


def test_a_due_date_rule_stopped_the_next_day_is_one_day_late_not_a_minute():
    # Due at the end of 9 November (23:59:59); done on the 10th (00:00): one day late.
    found = evaluate(
        clock("2026-11-09T23:59:59", "2026-11-10T00:00:00", due_date_rule=True),
        AS_OF,
        SHANGHAI,
        0.25,
    )
    assert found.state is State.BREACHED
    assert found.message == "Check-in on app-2026-0001 was 1 day late"


def test_three_days_after_the_due_day_is_three_days_late():
    found = evaluate(clock("2026-11-09T10:00:00", "2026-11-12T00:00:00"), AS_OF, SHANGHAI, 0.25)
    assert found.message == "Check-in on app-2026-0001 was 3 days late"
