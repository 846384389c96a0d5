"""A clock and what it says as of an instant: the finding every SLA output speaks of.

A :class:`Clock` is built by a rule from the records (when it started, when it is due, when
it stopped). :func:`evaluate` gives it a :class:`State` as of an instant, and the resulting
:class:`Finding` carries the fields every SLA output shows (rule, state, client, record, line,
subject, owner, started, due, stopped, message).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.duration import Duration


class State(StrEnum):
    MET = "met"
    BREACHED = "breached"
    OVERDUE = "overdue"
    AT_RISK = "at_risk"
    ON_TRACK = "on_track"

    @property
    def is_open(self) -> bool:
        return self in (State.OVERDUE, State.AT_RISK, State.ON_TRACK)


# Order on the board: what needs action first.
STATE_ORDER = {
    State.OVERDUE: 0,
    State.AT_RISK: 1,
    State.ON_TRACK: 2,
    State.BREACHED: 3,
    State.MET: 4,
}


@dataclass(frozen=True)
class Clock:
    rule: str
    client: str | None
    tier: str | None
    record: str
    """The record file, relative to the project root."""
    line_number: int | None
    """The line of the field that starts or should stop the clock; None: not looked up (a
    caller that shows no lines, such as ``report``, does not ask for them)."""
    subject: str
    """What the clock times, unique within its rule and client and stable from run to run: the
    record's id, with ``#…`` when one record has several (``plan-2026-003#milestone-2``): with
    the rule and client, it is the clock's UID in the calendar feeds."""
    owner: str | None
    describe: str
    """What is being timed, as the start of a sentence: "Client feedback on app-2026-0101"."""
    goal: Duration
    started: datetime
    due: datetime
    stopped: datetime | None = None
    stop_is_date: bool = False
    """The stop is a date (``done_on``): on time when that date is on or before the due date."""
    business: bool = False
    """Remaining and late time count working time on the policy calendar."""
    due_date_rule: bool = False
    """Goal 0: due at the end of the due day, at risk with less than one day left."""

    @property
    def line(self) -> int:
        """The line to show: 1 (the file's top) when it was not looked up."""
        return 1 if self.line_number is None else self.line_number


@dataclass(frozen=True)
class Finding:
    clock: Clock
    state: State
    message: str
    remaining: timedelta
    """Time left until due (negative when late), in the clock's own time."""

    def as_dict(self) -> dict:
        clock = self.clock
        return {
            "rule": clock.rule,
            "state": _STATE_NAMES[self.state],
            "client": clock.client,
            "tier": clock.tier,
            "record": clock.record,
            "line": clock.line,
            "subject": clock.subject,
            "owner": clock.owner,
            "goal": _goal_text(clock.goal),
            "started": clock.started.isoformat(),
            "due": clock.due.isoformat(),
            "stopped": _stopped_text(clock),
            "remaining_seconds": int(self.remaining.total_seconds()),
            "message": self.message,
        }


# Made once, not per finding: every finding's span is divided by them.
_ZERO = timedelta(0)
_MINUTE = timedelta(minutes=1)
_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)

_STATE_NAMES = {state: str(state) for state in State}
"""Looked up, not computed: ``str`` of an enum member is a Python call per finding."""


@functools.cache
def _goal_text(goal: Duration) -> str:
    return str(goal)


def _stopped_text(clock: Clock) -> str | None:
    if clock.stopped is None:
        return None
    return clock.stopped.date().isoformat() if clock.stop_is_date else clock.stopped.isoformat()


def evaluate(clock: Clock, as_of: datetime, calendar: WorkCalendar, warn_within: float) -> Finding:
    """The state of ``clock`` as of ``as_of`` (a stop later than ``as_of`` has not happened yet)."""
    stopped = clock.stopped if clock.stopped is not None and clock.stopped <= as_of else None
    if stopped is not None:
        late_to = stopped
        if clock.stop_is_date:
            due_day = calendar.to_local(clock.due).date()
            on_time = stopped.date() <= due_day
            if not on_time:
                # A date says nothing of the hour: late by the days from the due day to it.
                late_to = clock.due + timedelta(days=(stopped.date() - due_day).days)
        else:
            on_time = stopped <= clock.due
        remaining = _between(clock, calendar, late_to, clock.due)
        state = State.MET if on_time else State.BREACHED
        if on_time and remaining < _ZERO:
            remaining = _ZERO
    else:
        remaining = _between(clock, calendar, as_of, clock.due)
        if as_of > clock.due:
            state = State.OVERDUE
        elif remaining < _warning(clock, calendar, warn_within):
            state = State.AT_RISK
        else:
            state = State.ON_TRACK
    return Finding(clock, state, _message(clock, state, remaining, calendar), remaining)


def _between(clock: Clock, calendar: WorkCalendar, a: datetime, b: datetime) -> timedelta:
    return calendar.working_time_between(a, b) if clock.business else b - a


def _warning(clock: Clock, calendar: WorkCalendar, warn_within: float) -> timedelta:
    if clock.due_date_rule:
        return _DAY
    if clock.goal.is_business:
        return calendar.day_length * clock.goal.amount * warn_within
    return clock.goal.as_timedelta() * warn_within


def _message(clock: Clock, state: State, remaining: timedelta, calendar: WorkCalendar) -> str:
    amount = words(abs(remaining), clock.business, calendar.day_length)
    if state is State.OVERDUE:
        return f"{clock.describe} is {amount} overdue"
    if state is State.BREACHED:
        return f"{clock.describe} was {amount} late"
    if state is State.MET:
        return f"{clock.describe} was on time"
    return f"{clock.describe} is due in {amount}"


def span_parts(
    span: timedelta, business: bool, day_length: timedelta
) -> tuple[tuple[int, str], ...]:
    """A span as a person counts it, largest unit first: ``((2, "bd"),)``, ``((1, "d"), (3,
    "h"))``, ``((45, "m"),)``. Units: ``d`` days, ``bd`` business days, ``h`` hours, ``wh``
    working hours, ``m`` minutes. :func:`words` says them in English; the handbook in its
    language."""
    day = day_length if business else _DAY
    day_unit = "bd" if business else "d"
    days, rest = divmod(span, day)
    hours, rest = divmod(rest, _HOUR)
    if days >= 2:  # hours stop mattering once it is days
        return ((days, day_unit),)
    if days:
        return ((days, day_unit), (hours, "h")) if hours else ((days, day_unit),)
    if hours:
        return ((hours, "wh" if business else "h"),)
    minutes = max(1, round(rest / _MINUTE)) if rest else 0
    return ((minutes, "m"),)


_UNIT_WORDS = {"d": "day", "bd": "business day", "h": "hour", "wh": "working hour", "m": "minute"}


def words(span: timedelta, business: bool, day_length: timedelta) -> str:
    """A span as a person says it: "2 business days", "1 day 3 hours", "45 minutes"."""
    parts = span_parts(span, business, day_length)
    return " ".join([_plural(count, _UNIT_WORDS[unit]) for count, unit in parts])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
