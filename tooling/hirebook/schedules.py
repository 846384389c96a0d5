"""The workflows' schedules, moved to the agency's own timezone.

GitHub runs a scheduled workflow by a cron line read in UTC. hirebook's workflows are written
for an agency in :data:`WRITTEN_FOR` — the morning SLA issues at 08:30 on working days, the
handbook rebuilt at 06:17 every day — and each cron line's comment says that local time.
``hirebook init --timezone`` moves every cron line to the same local time in the agency's zone,
so that a London agency's SLA issues do not open at half past midnight. A zone with summer
time gets its standard (winter) offset, and its comment says the runs come an hour later in
summer: a cron line has no timezone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

WRITTEN_FOR = "Asia/Shanghai"

# `- cron: "M H * * DAYS" # comment naming WRITTEN_FOR`: the form of every schedule in
# .github/workflows/ (tests/test_schedules.py checks that there is no other).
CRON = re.compile(
    r'^(?P<lead>\s*- cron: )"(?P<minute>\d+) (?P<hour>\d+) \* \* (?P<days>\*|[0-6]-[0-6])"'
    r"(?P<comment>[ \t]*#.*)$",
    re.MULTILINE,
)

_DAY = timedelta(days=1)


def standard_offset(zone: str) -> timedelta:
    """The zone's offset from UTC outside summer time: the lesser of January's and July's (for
    either hemisphere). Not the offset less ``dst()``: the zone database makes Irish summer
    time the standard one (Europe/Dublin's winter is a *negative* saving), which would put a
    Dublin agency's 08:30 at 07:30 all winter."""
    return min(_mid_month_offsets(zone))


def has_summer_time(zone: str) -> bool:
    """Whether the zone's offset differs between January and July."""
    january, july = _mid_month_offsets(zone)
    return january != july


def _mid_month_offsets(zone: str) -> tuple[timedelta, timedelta]:
    """The zone's offsets from UTC on 15 January and 15 July of this year."""
    year = datetime.now().year
    january, july = (datetime(year, m, 15, 12, tzinfo=ZoneInfo(zone)) for m in (1, 7))
    return january.utcoffset(), july.utcoffset()


def moved(text: str, zone: str) -> str:
    """``text`` (a workflow) with every cron line at the same local time in ``zone`` as it
    had in :data:`WRITTEN_FOR`, and its comment naming ``zone``."""
    if zone == WRITTEN_FOR:
        return text
    shift = standard_offset(WRITTEN_FOR) - standard_offset(zone)
    summer = " (standard time: an hour later in summer)" if has_summer_time(zone) else ""
    return CRON.sub(lambda match: _line(match, shift, zone, summer), text)


def kept_lines(text: str, zone: str) -> list[str]:
    """The cron lines of ``text``, a workflow ``init`` kept as it was (a fork's own), that run
    at :data:`WRITTEN_FOR`'s local times where ``zone``'s differ: each as :func:`moved` would
    write it for ``zone``, for the person to put in its place. A line whose comment names
    another zone was moved already, or by hand, and is left alone."""
    lines = []
    for match in CRON.finditer(text):
        if WRITTEN_FOR not in match["comment"]:
            continue
        line = moved(match.group().strip(), zone)
        if CRON.fullmatch(line).group("minute", "hour", "days") != match.group(
            "minute", "hour", "days"
        ):
            lines.append(line)
    return lines


def _line(match: re.Match, shift: timedelta, zone: str, summer: str) -> str:
    at = timedelta(hours=int(match["hour"]), minutes=int(match["minute"])) + shift
    day_shift, time_of_day = divmod(at, _DAY)  # a local morning can be UTC's day before
    hours, minutes = divmod(int(time_of_day.total_seconds()) // 60, 60)
    comment = match["comment"].replace(WRITTEN_FOR, zone + summer)
    return f'{match["lead"]}"{minutes} {hours} * * {_days(match["days"], day_shift)}"{comment}'


def _days(days: str, shift: int) -> str:
    """A day-of-week range moved with the time (``1-5`` a day earlier is ``0-4``)."""
    if days == "*" or shift == 0:
        return days
    first, last = (int(day) + shift for day in days.split("-"))
    if not (first >= 0 and last <= 6):  # Monday–Friday cannot cross the week's end this way
        raise ValueError(f"the days {days} cannot be moved by {shift} day(s)")
    return f"{first}-{last}"
