"""The instant a command or the handbook judges by: the one asked for, or else a default.

An explicit ``--as-of`` (or ``HIREBOOK_AS_OF``, or the plugin's ``as_of``) always wins: one
reader for both front ends (:func:`parse_as_of`), one step from what was written to an instant
in the policy's timezone (:func:`as_of_instant`). Without one (:func:`default_instant`), a
demo or training agency's policy may name its own instant, ``demo_as_of``: its records tell a
story dated that day, and judged by any other day its planted clocks would all be overdue and
its candidates past retention. Every other agency — ``hirebook init`` writes no
``demo_as_of`` — is judged by the current time.

The clock is a parameter (default: the system's), so that a test can ask what any day resolves
to without touching the system clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from hirebook.records.convert import YEARS, YEARS_HELD

if TYPE_CHECKING:
    from hirebook.records.repository import Repository

Clock = Callable[[tzinfo], datetime]
"""The current time in a timezone."""


def system_clock(zone: tzinfo) -> datetime:
    return datetime.now(zone)


AS_OF_VARIABLE = "HIREBOOK_AS_OF"
"""The environment variable that gives ``--as-of`` (and the plugin's ``as_of``) when it
is not given."""


def as_of_instant(repo: Repository, as_of: date | datetime | None) -> datetime:
    """An ``--as-of`` (or the plugin's ``as_of``) as an instant: a datetime without an offset is
    in the policy's timezone, a bare date is the end of that day's working hours, none is
    :func:`default_instant`."""
    if as_of is None:
        return default_instant(repo)
    if isinstance(as_of, datetime):
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=repo.zone)
    end = repo.policy.calendar.hours.end if repo.policy else "18:00"
    return datetime.combine(as_of, time.fromisoformat(end), tzinfo=repo.zone)


MINUTE = timedelta(minutes=1)


def in_whole_minutes(instant: datetime, written: datetime) -> datetime:
    """``instant``, what ``written`` (a ``log --at`` or ``new --received-at``) is recorded as,
    or :class:`ValueError` when either has an offset with seconds: records write offsets in
    hours and minutes (the schemas' datetime), as a policy's times are. Typed, such an offset
    (``+08:05:43``) is a slip; reached through the policy's timezone, it is the zone's local
    mean time (Asia/Shanghai's before 1901), and the year is the slip. Refused either way,
    rather than recorded as another instant or in another offset than the one typed."""
    if written.tzinfo is not None and written.utcoffset() % MINUTE:
        raise ValueError(
            f"{written.isoformat()} has an offset with seconds; records write offsets in hours "
            "and minutes (+08:00, +05:45): give the time with one"
        )
    if instant.utcoffset() % MINUTE:
        raise ValueError(
            f"{written.isoformat()} is {instant.isoformat()} in {instant.tzinfo}, whose offset "
            "then was its local mean time, with seconds, which records do not write (they write "
            "hours and minutes): check the year"
        )
    return instant


def default_instant(repo: Repository, clock: Clock = system_clock) -> datetime:
    """The policy's ``demo_as_of`` if it has one, else the clock's time (whole seconds); either
    way in the policy's timezone. ``repo`` needs only its policy (``load_policy``)."""
    policy = repo.policy
    if policy is not None and policy.demo_as_of is not None:
        return policy.demo_as_of.astimezone(repo.zone)
    return clock(repo.zone).replace(microsecond=0)


_AS_OF = re.compile(
    r"\d{4}-\d{2}-\d{2}"  # a calendar date, written out: 2026-11-20
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?)?",
    re.ASCII,
)


def parse_as_of(text: str) -> date | datetime:
    """An ``--as-of`` (or ``log --at``, ``new --received-at``, the plugin's ``as_of``) as
    written: a date (``2026-11-20``) or a date and time with or without offset
    (``2026-11-20T17:00:00+08:00``), in the years records hold (:data:`YEARS`, as written).
    :class:`ValueError` for anything else — Python also reads ISO's basic and week forms
    (``20261120``, ``2026-W47-5``), which would make ``20261120`` midnight where
    ``2026-11-20`` is the end of the working day.

    A year outside the records' is a typo: judged by 0001 or 9999, the records would fail lint
    for a calendar without that year's holidays, and an event logged then would not lint. The
    range also keeps an instant a day inside Python's calendar in every timezone."""
    if not _AS_OF.fullmatch(text):
        raise ValueError(f"{text!r} is not a date or datetime in ISO 8601's extended form")
    value = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    return in_years(value, text)


def in_years(value: date | datetime, written: str | None = None) -> date | datetime:
    """``value`` if its year, as written, is one records hold (:data:`YEARS`), else
    :class:`ValueError` naming the range (``written``: the text it was read from)."""
    if value.year not in YEARS:
        shown = value.isoformat() if written is None else written
        raise ValueError(f"{shown!r} is in the year {value.year}, outside {YEARS_HELD}")
    return value
