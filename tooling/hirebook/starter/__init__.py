"""The starter records of ``hirebook init``: templates shipped with the package, filled in.

``policy.yaml`` (the agency's name, timezone, language and country; the tiers and SLA goals
with their comments) gets the public holidays and make-up working days of its country for the
years asked, through the same edit as ``hirebook holidays``; ``team/lead.yaml`` is the one
person every agency has; ``clients/``, ``candidates/`` and ``cases/`` start empty (a
``.gitkeep`` each, so that Git keeps the folders).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from string import Template

from hirebook.policy_edit import add_dates
from hirebook.public_holidays import DEFAULT_CATEGORIES, YearCalendar, year_calendar

STARTER = Path(__file__).resolve().parent
ZONE_TABLES = (Path("/usr/share/zoneinfo/zone.tab"), Path("/usr/share/zoneinfo/zone1970.tab"))


def records(
    name: str,
    timezone: str,
    language: str,
    country: str,
    years: Iterable[int],
    categories: Iterable[str] = DEFAULT_CATEGORIES,
) -> tuple[dict[str, bytes], list[YearCalendar]]:
    """The starter's files (path below ``records/`` → content) and the calendars put in."""
    files = {
        path.relative_to(STARTER).as_posix(): path.read_bytes()
        for path in sorted(STARTER.rglob("*"))
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    }
    policy = Template(files["policy.yaml"].decode("utf-8")).substitute(
        agency=json.dumps(name, ensure_ascii=False),
        timezone=timezone,
        language=language,
        country=country,
    )
    calendars = [
        year_calendar(country, year, language=language, categories=tuple(categories))
        for year in years
    ]
    edit = add_dates(
        policy,
        {
            "holidays": [day for calendar in calendars for day in calendar.holidays],
            "extra_workdays": [day for calendar in calendars for day in calendar.extra_workdays],
        },
    )
    files["policy.yaml"] = edit.text.encode("utf-8")
    return files, calendars


def default_timezone(country: str) -> str | None:
    """The first timezone the system's tz database lists for ``country`` (the most populous
    by the database's convention), or None where it has no table or no zone of the country."""
    for table in ZONE_TABLES:
        try:
            lines = table.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            fields = line.split("\t")
            if len(fields) >= 3 and not line.startswith("#") and country in fields[0].split(","):
                return fields[2]
    return None
