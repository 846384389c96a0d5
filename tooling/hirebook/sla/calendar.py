"""The work calendar: working time for business clocks, plain elapsed time for the rest.

The model
=========

Working periods
    Every *workday* has exactly one working period, ``[start, end)`` in **local wall-clock
    time** of the policy timezone (09:00–18:00 by default). A date is a workday when its
    weekday is listed in ``workdays`` and it is not a holiday, or when it is listed in
    ``extra_workdays`` (make-up working days, 調休, which win over the weekend).
    Holidays that fall on a non-workday change nothing.

Working time
    The working time between two instants is the *real elapsed time* (as measured in UTC)
    that lies inside working periods. Because periods are wall-clock hours, a working day
    whose period contains a daylight-saving change is an hour shorter or longer in real
    time; with usual hours (changes happen at night) every period lasts ``day_length``.

Business days
    ``1bd`` is one working day's worth of working time, ``day_length`` (9 hours for
    09:00–18:00), counted from the clock's start. Friday 17:00 + 1bd is therefore Monday
    17:00 (1 hour on Friday, 8 on Monday) — the service-desk model of the SLA design, in
    which a goal is a *budget of working time*, not a count of calendar dates.

End-of-period rule
    A goal that runs out exactly at the end of a working period is due *at* that end
    (Monday 09:00 + 1bd is Monday 18:00), not at the next opening: the due instant is the
    earliest instant at which the budget is used up. A clock started outside working
    hours starts counting at the next working moment.

Calendar time
    Goals in ``d``, ``h`` and ``m`` are absolute elapsed time: 24h across a weekend is 24
    real hours, and across a daylight-saving change the local wall clock moves by 23 or
    25 hours.

Due dates
    Due-date rules (goal ``0``) are due at the last second of their due day,
    :meth:`WorkCalendar.end_of_day`; date-only events start business clocks at
    :meth:`WorkCalendar.start_of_working_day` and calendar clocks at
    :meth:`WorkCalendar.start_of_day`.

Conventions
===========

All datetimes must be timezone-aware (a naive value raises ``ValueError``: guessing a
zone is how SLA reports become wrong by eight hours). Arithmetic is done in UTC and
results are returned in the calendar's timezone. Local wall times are turned into instants
with ``fold=0`` (RFC 5545 reading): a wall time that occurs twice takes its first
occurrence, and one that does not exist (inside a spring-forward gap) is read with the
offset in force before the gap. If that makes a period's end fall on or before its start
(only possible with working hours inside the gap itself), the day has no working time.

The calendar is immutable and meant to be built once per policy and called very often.
It memoises blocks of 256 consecutive dates: each block holds the dates' working periods
(as UTC instants) and the cumulative working time from the block's first date. Working
time over any span is then a few subtractions, and the due instant of a goal is found by
bisecting the cumulative list, so neither depends on the length of the span (beyond one
step per 256 days) and both stay exact across daylight-saving changes, since every
period's real length is measured rather than assumed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hirebook.sla.duration import Duration

__all__ = ["WEEKDAYS", "WorkCalendar"]

#: Weekday names as written in ``policy.yaml``, Monday first (``date.weekday()`` order).
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_ZERO = timedelta(0)
_US = timedelta(microseconds=1)
_MIDNIGHT = time(0)
_LAST_SECOND = time(23, 59, 59)
# Dates are memoised in blocks of _BLOCK consecutive ordinals (about 8.5 months), each filled
# once; the limit (some 2,800 years of blocks) only
# stops a pathological caller from growing the memo without bound.
_BLOCK = 256
_BLOCK_CACHE_LIMIT = 4096
_MIN_ORDINAL = date.min.toordinal()
_MAX_ORDINAL = date.max.toordinal()
_POLICY_KEYS = ("country", "workdays", "hours", "holidays", "extra_workdays")
_HHMM = re.compile(r"(?P<h>[01][0-9]|2[0-3]):(?P<m>[0-5][0-9])")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_Period = tuple[datetime, datetime]
# (periods, cumulative): periods[i] is the working period of ordinal block * _BLOCK + i or
# None; cumulative[i] is the working time, in microseconds, of periods[:i].
_Block = tuple[tuple["_Period | None", ...], tuple[int, ...]]


class WorkCalendar:
    """Workdays, working hours, holidays and make-up days in one IANA timezone.

    Build it once (usually with :meth:`from_policy`) and share it: it is immutable,
    hashable and safe to use from several threads.
    """

    __slots__ = (
        "_tz",
        "_mask",
        "_start",
        "_end",
        "_holidays",
        "_extra",
        "_holiday_set",
        "_extra_set",
        "_day_length",
        "_search_limit",
        "_blocks",
        "_totals",
    )

    def __init__(
        self,
        timezone: str | ZoneInfo,
        workdays: Iterable[str] = ("mon", "tue", "wed", "thu", "fri"),
        start: time = time(9),
        end: time = time(18),
        holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        tz = _zone(timezone)
        mask = _weekday_mask(workdays)
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, time):
                raise TypeError(f"working hours {name} must be a datetime.time, got {value!r}")
            if value.tzinfo is not None:
                raise ValueError(
                    f"working hours {name} must be a local wall-clock time without tzinfo "
                    "(the calendar's timezone applies)"
                )
        if end <= start:
            raise ValueError(
                f"working hours end ({end.isoformat()}) must be after start "
                f"({start.isoformat()}); a working period cannot run past midnight"
            )
        # fold=1 would make the opening an ambiguous hour's *second* occurrence; the model
        # reads wall times with fold=0.
        start, end = start.replace(fold=0), end.replace(fold=0)
        holiday_tuple = _date_tuple(holidays, "holidays")
        extra_tuple = _date_tuple(extra_workdays, "extra_workdays")
        clash = sorted(set(holiday_tuple) & set(extra_tuple))
        if clash:
            # Silently preferring one list would hide a policy mistake that moves due dates.
            raise ValueError(
                "dates listed both as holidays and as extra workdays: "
                + ", ".join(d.isoformat() for d in clash)
            )

        set_ = object.__setattr__
        set_(self, "_tz", tz)
        set_(self, "_mask", mask)
        set_(self, "_start", start)
        set_(self, "_end", end)
        set_(self, "_holidays", holiday_tuple)
        set_(self, "_extra", extra_tuple)
        set_(self, "_holiday_set", frozenset(holiday_tuple))
        set_(self, "_extra_set", frozenset(extra_tuple))
        set_(
            self,
            "_day_length",
            datetime.combine(date.min, end) - datetime.combine(date.min, start),
        )
        # The longest possible run of blocks without working time: each holiday can idle at
        # most a week (one workday a week), plus slack for a partial block and for
        # daylight-saving days with an empty period. Searches give up (with an error) past
        # this, so no input can make them loop forever.
        set_(self, "_search_limit", 3 + 7 * (len(holiday_tuple) + 1) // _BLOCK)
        set_(self, "_blocks", {})
        # Each block's working time alone, kept past the block memo's limit: spans longer than
        # the memo (an --as-of millennia away) would otherwise fill every block again for each
        # clock. An int per block: all of them together are small.
        set_(self, "_totals", {})

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_policy(cls, calendar: Mapping, timezone: str) -> WorkCalendar:
        """Build the calendar from the ``calendar`` mapping of ``policy.yaml``.

        ``calendar`` is plain YAML data: ``workdays`` (list of ``mon``..``sun``),
        ``hours`` (``{start: "09:00", end: "18:00"}``), ``holidays`` and
        ``extra_workdays`` (lists of ``datetime.date`` or ``YYYY-MM-DD`` strings, since
        loaders differ in whether they resolve dates); ``country`` is for ``hirebook holidays``
        and not read here. Missing keys take the constructor
        defaults; unknown keys are refused, because a misspelt ``holiday:`` would silently
        drop every holiday. Every problem is reported as ``ValueError``.
        """
        if not isinstance(calendar, Mapping):
            raise ValueError(f"policy calendar must be a mapping, got {type(calendar).__name__}")
        unknown = sorted(str(k) for k in calendar if k not in _POLICY_KEYS)
        if unknown:
            raise ValueError(
                f"unknown key(s) in policy calendar: {', '.join(unknown)}; "
                f"accepted keys: {', '.join(_POLICY_KEYS)}"
            )
        kwargs: dict[str, object] = {}
        if calendar.get("workdays") is not None:
            workdays = calendar["workdays"]
            if not isinstance(workdays, list | tuple):
                raise ValueError(
                    f"calendar.workdays must be a list such as [mon, tue, wed, thu, fri], "
                    f"got {workdays!r}"
                )
            kwargs["workdays"] = workdays
        hours = calendar.get("hours")
        if hours is not None:
            if not isinstance(hours, Mapping) or set(hours) != {"start", "end"}:
                raise ValueError(
                    'calendar.hours must be a mapping with exactly "start" and "end", '
                    f'e.g. {{start: "09:00", end: "18:00"}}; got {hours!r}'
                )
            kwargs["start"] = _policy_time(hours["start"], "calendar.hours.start")
            kwargs["end"] = _policy_time(hours["end"], "calendar.hours.end")
        for key in ("holidays", "extra_workdays"):
            kwargs[key] = _policy_dates(calendar.get(key), f"calendar.{key}")
        try:
            return cls(timezone, **kwargs)  # type: ignore[arg-type]
        except TypeError as exc:  # keep the promise: bad policy data is a ValueError
            raise ValueError(str(exc)) from exc

    # ------------------------------------------------------------------ read-only data

    @property
    def timezone(self) -> ZoneInfo:
        """The policy timezone; working hours are wall-clock hours in it."""
        return self._tz

    @property
    def workdays(self) -> tuple[str, ...]:
        """The standard workdays, Monday first (``("mon", ..., "fri")``)."""
        return tuple(name for name, on in zip(WEEKDAYS, self._mask, strict=True) if on)

    @property
    def start(self) -> time:
        """Local time at which every working period begins."""
        return self._start

    @property
    def end(self) -> time:
        """Local time at which every working period ends (exclusive)."""
        return self._end

    @property
    def holidays(self) -> tuple[date, ...]:
        """Holidays, sorted and without duplicates."""
        return self._holidays

    @property
    def extra_workdays(self) -> tuple[date, ...]:
        """Make-up workdays, sorted and without duplicates."""
        return self._extra

    @property
    def day_length(self) -> timedelta:
        """Wall-clock length of a working period (``end - start``): the size of ``1bd``."""
        return self._day_length

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("WorkCalendar is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("WorkCalendar is immutable")

    def _key(self) -> tuple:
        return (str(self._tz), self._mask, self._start, self._end, self._holidays, self._extra)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"WorkCalendar({str(self._tz)!r}, workdays={list(self.workdays)!r}, "
            f"start={self._start.isoformat()!r}, end={self._end.isoformat()!r}, "
            f"holidays={len(self._holidays)}, extra_workdays={len(self._extra)})"
        )

    # ------------------------------------------------------------------ days

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` has working hours: an extra workday, or a standard weekday that
        is not a holiday."""
        _require_date(d)
        if d in self._extra_set:
            return True
        return self._mask[d.weekday()] and d not in self._holiday_set

    def start_of_day(self, d: date) -> datetime:
        """00:00 local on ``d``: where calendar clocks started by a date-only event begin."""
        _require_date(d)
        return self._wall(d, _MIDNIGHT)

    def end_of_day(self, d: date) -> datetime:
        """23:59:59 local on ``d``: the due instant of due-date rules.

        The last *second* rather than the next midnight so that the due instant is written
        on the due day itself (``2026-04-10T23:59:59+08:00``), as readers expect.
        """
        _require_date(d)
        return self._wall(d, _LAST_SECOND)

    def start_of_working_day(self, d: date) -> datetime:
        """The opening of ``d``'s working hours, or the next working moment if ``d`` is
        not a workday: where business clocks started by a date-only event begin."""
        _require_date(d)
        return self.next_working_moment(self.start_of_day(d))

    # ------------------------------------------------------------------ instants

    def to_local(self, dt: datetime) -> datetime:
        """The same instant, expressed in the calendar's timezone."""
        return _utc(dt).astimezone(self._tz)

    def localize(self, naive: datetime) -> datetime:
        """Read a naive wall-clock value (a bare ``2026-03-05T14:30``) in the calendar's
        timezone, as the record model prescribes for datetimes without an offset."""
        if not isinstance(naive, datetime):
            raise TypeError(f"expected a datetime, got {type(naive).__name__}")
        if naive.tzinfo is not None and naive.utcoffset() is not None:
            raise ValueError(
                f"localize expects a naive datetime, got {naive.isoformat()}; "
                "use to_local to convert an aware one"
            )
        return self._wall(naive.date(), naive.time())

    def next_working_moment(self, dt: datetime) -> datetime:
        """``dt`` itself if it lies inside a working period, else the next period's start.

        This is where a clock started outside working hours begins to count.
        """
        u = _utc(dt)
        ordinal = u.astimezone(self._tz).toordinal()
        period = self._period(ordinal)
        if period is not None and u < period[1]:
            return (u if u > period[0] else period[0]).astimezone(self._tz)
        return self._first_period_from(ordinal + 1)[0].astimezone(self._tz)

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant by which ``amount`` of working time has passed since
        ``start``.

        "Earliest" is what puts a goal that runs out at closing time *at* closing time
        (18:00) rather than at the next opening. Counting starts at the next working
        moment when ``start`` is outside working hours. A zero amount returns ``start``
        itself (in the calendar's timezone), not the next working moment: nothing has to
        be waited for.
        """
        u = _utc(start)
        if not isinstance(amount, timedelta):
            raise TypeError(f"amount must be a timedelta, got {type(amount).__name__}")
        if amount < _ZERO:
            raise ValueError(f"amount of working time must not be negative, got {amount}")
        tz = self._tz
        if not amount:
            return u.astimezone(tz)
        ordinal = u.astimezone(tz).toordinal()
        period = self._period(ordinal)
        if period is not None and u < period[1]:
            begin = u if u > period[0] else period[0]
            available = period[1] - begin
            if amount <= available:
                return (begin + amount).astimezone(tz)
            amount -= available
        # From the next date on, whole days: walk the memoised blocks, subtracting what
        # each holds, until the rest of the amount fits in one; the due date is where the
        # cumulative working time first reaches the target (bisect_left: the earliest such
        # date, which is what makes "exactly at closing" due at closing).
        remaining = amount // _US
        block, index = divmod(ordinal + 1, _BLOCK)
        idle_blocks = 0
        while True:
            periods, cumulative = self._block(block)
            available = cumulative[-1] - cumulative[index]
            if remaining <= available:
                target = cumulative[index] + remaining
                day = bisect_left(cumulative, target, index + 1) - 1
                begin = periods[day][0]  # type: ignore[index]  # has working time
                return (begin + (target - cumulative[day]) * _US).astimezone(tz)
            remaining -= available
            idle_blocks = idle_blocks + 1 if available == 0 else 0
            if idle_blocks > self._search_limit:
                raise ValueError(f"{self!r} has no working time after {_block_date(block)}")
            block, index = block + 1, 0

    def add_business_days(self, start: datetime, n: int) -> datetime:
        """``start`` plus ``n`` working days of working time (``n * day_length``).

        With 09:00–18:00: Friday 17:00 + 1 → Monday 17:00; Monday 09:00 + 1 → Monday 18:00.
        """
        if not isinstance(n, int) or isinstance(n, bool):
            raise TypeError(f"number of business days must be an int, got {n!r}")
        if n < 0:
            raise ValueError(f"number of business days must not be negative, got {n}")
        return self.add_working_time(start, n * self._day_length)

    def add_duration(self, start: datetime, duration: Duration | str) -> datetime:
        """Add an SLA goal: ``bd`` on the work calendar, ``d``/``h``/``m`` as elapsed time.

        Calendar goals are added in UTC, so 24h is always 24 real hours, even across a
        daylight-saving change (where the local wall clock moves by 23 or 25 hours).
        """
        if isinstance(duration, str):
            duration = Duration.parse(duration)
        elif not isinstance(duration, Duration):
            raise TypeError(f"expected a Duration, got {type(duration).__name__}")
        if duration.is_business:
            return self.add_business_days(start, duration.amount)
        return (_utc(start) + duration.as_timedelta()).astimezone(self._tz)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time in ``[a, b)``; negative (``-(working time in [b, a))``) if ``b < a``.

        Answers "how much working time remains until the due instant" and "how late is
        it, in working time" with one function.
        """
        ua, ub = _utc(a), _utc(b)
        if ub < ua:
            return -self.working_time_between(b, a)
        tz = self._tz
        first = ua.astimezone(tz).toordinal()
        last = ub.astimezone(tz).toordinal()
        if first == last:
            return _overlap(self._period(first), ua, ub)
        whole_days = self._full_days(first + 1, last)
        return (
            _overlap(self._period(first), ua, ub)
            + whole_days * _US
            + _overlap(self._period(last), ua, ub)
        )

    # ------------------------------------------------------------------ internals

    def _wall(self, d: date, t: time) -> datetime:
        """Local wall time ``t`` on ``d`` as an aware local datetime (fold=0, normalised
        through UTC so that a non-existent wall time shows the instant it stands for)."""
        return datetime.combine(d, t, tzinfo=self._tz).astimezone(UTC).astimezone(self._tz)

    def _block(self, block: int) -> _Block:
        """The memoised working periods and cumulative working time of one block of dates."""
        found = self._blocks.get(block)
        if found is not None:
            return found
        if block * _BLOCK > _MAX_ORDINAL or (block + 1) * _BLOCK <= _MIN_ORDINAL:
            raise ValueError("date outside the supported range (years 1 to 9999)")
        tz, start, end = self._tz, self._start, self._end
        extra, holidays, mask = self._extra_set, self._holiday_set, self._mask
        periods: list[_Period | None] = []
        cumulative = [0]
        total = 0
        for ordinal in range(block * _BLOCK, (block + 1) * _BLOCK):
            period = None
            if _MIN_ORDINAL <= ordinal <= _MAX_ORDINAL:
                d = date.fromordinal(ordinal)
                if d in extra or (mask[d.weekday()] and d not in holidays):
                    try:
                        begin = datetime.combine(d, start, tzinfo=tz).astimezone(UTC)
                        finish = datetime.combine(d, end, tzinfo=tz).astimezone(UTC)
                    except OverflowError:  # within hours of date.min / date.max
                        pass
                    else:
                        if finish > begin:  # see the module docstring on fold=0
                            period = (begin, finish)
                            total += (finish - begin) // _US
            periods.append(period)
            cumulative.append(total)
        result = (tuple(periods), tuple(cumulative))
        if len(self._blocks) >= _BLOCK_CACHE_LIMIT:
            self._blocks.clear()
        self._blocks[block] = result
        return result

    def _period(self, ordinal: int) -> _Period | None:
        """The working period of the date with this ordinal (UTC instants), or None when
        that date has no working time."""
        block, index = divmod(ordinal, _BLOCK)
        return self._block(block)[0][index]

    def _full_days(self, first: int, stop: int) -> int:
        """Working time, in microseconds, of the whole dates with ordinals in [first, stop)."""
        if stop <= first:
            return 0
        block1, index1 = divmod(first, _BLOCK)
        block2, index2 = divmod(stop, _BLOCK)
        cumulative = self._block(block1)[1]
        if block1 == block2:
            return cumulative[index2] - cumulative[index1]
        total = cumulative[-1] - cumulative[index1]
        totals = self._totals
        for block in range(block1 + 1, block2):
            whole = totals.get(block)
            if whole is None:
                whole = totals[block] = self._block(block)[1][-1]
            total += whole
        return total + self._block(block2)[1][index2]

    def _first_period_from(self, ordinal: int) -> _Period:
        """The first working period on the date with this ordinal or later."""
        block, index = divmod(ordinal, _BLOCK)
        for _ in range(self._search_limit + 1):
            periods, cumulative = self._block(block)
            if cumulative[-1] > cumulative[index]:
                # the first date after index whose cumulative sum grows has working time
                day = bisect_right(cumulative, cumulative[index], index) - 1
                return periods[day]  # type: ignore[return-value]
            block, index = block + 1, 0
        raise ValueError(f"{self!r} has no working time after {_block_date(block)}")


# ---------------------------------------------------------------------- helpers


def _utc(dt: datetime) -> datetime:
    """``dt`` in UTC; refuses naive values instead of guessing their zone."""
    if not isinstance(dt, datetime):
        raise TypeError(f"expected a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(
            f"naive datetime {dt.isoformat()} has no UTC offset; SLA arithmetic needs "
            "aware datetimes (use WorkCalendar.localize to read a wall-clock time in the "
            "policy timezone)"
        )
    return dt.astimezone(UTC)


def _block_date(block: int) -> str:
    """The first date of a block, for error messages."""
    return date.fromordinal(min(max(block * _BLOCK, _MIN_ORDINAL), _MAX_ORDINAL)).isoformat()


def _overlap(period: _Period | None, a: datetime, b: datetime) -> timedelta:
    """Length of ``[a, b)`` ∩ ``period`` (all UTC)."""
    if period is None:
        return _ZERO
    lo = a if a > period[0] else period[0]
    hi = b if b < period[1] else period[1]
    return hi - lo if hi > lo else _ZERO


def _require_date(d: object) -> None:
    # A datetime is a date too, but which local date it means depends on the zone.
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(
            f"expected a datetime.date, got {type(d).__name__} "
            "(for a datetime, pass calendar.to_local(dt).date())"
        )


def _zone(timezone: str | ZoneInfo) -> ZoneInfo:
    if isinstance(timezone, ZoneInfo):
        return timezone
    if not isinstance(timezone, str):
        raise TypeError(f"timezone must be an IANA name or ZoneInfo, got {timezone!r}")
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(
            f"unknown timezone {timezone!r}; use an IANA name such as 'Asia/Shanghai'"
        ) from exc


def _weekday_mask(workdays: Iterable[str]) -> tuple[bool, ...]:
    if isinstance(workdays, str):
        raise ValueError(f"workdays must be a list of weekday names, got the string {workdays!r}")
    names = list(workdays)
    unknown = [name for name in names if name not in WEEKDAYS]
    if unknown:
        raise ValueError(
            f"unknown weekday name(s) {', '.join(map(repr, unknown))}; use {', '.join(WEEKDAYS)}"
        )
    if not names:
        # Without weekly workdays every search for working time would run forever.
        raise ValueError("a work calendar needs at least one workday (e.g. [mon, tue, wed])")
    return tuple(name in names for name in WEEKDAYS)


def _date_tuple(values: Iterable[date], field: str) -> tuple[date, ...]:
    if isinstance(values, str | date):
        raise TypeError(f"{field} must be a collection of dates, got {values!r}")
    result = set()
    for value in values:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{field} must contain datetime.date values, got {value!r}")
        result.add(value)
    return tuple(sorted(result))


def _policy_time(value: object, field: str) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        match = _HHMM.fullmatch(value)
        if match:
            return time(int(match["h"]), int(match["m"]))
    hint = " (quote it: YAML 1.1 reads 09:00 as a number)" if isinstance(value, int) else ""
    raise ValueError(f'{field} must be a time "HH:MM" from 00:00 to 23:59, got {value!r}{hint}')


def _policy_dates(values: object, field: str) -> list[date]:
    if values is None:
        return []
    if not isinstance(values, list | tuple):
        raise ValueError(f"{field} must be a list of dates (YYYY-MM-DD), got {values!r}")
    dates: list[date] = []
    for value in values:
        if isinstance(value, date) and not isinstance(value, datetime):
            dates.append(value)
            continue
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                dates.append(date.fromisoformat(value))
                continue
            except ValueError as exc:
                raise ValueError(f"{field} has an impossible date {value!r}") from exc
        raise ValueError(f"{field} must contain dates written YYYY-MM-DD, got {value!r}")
    return dates
