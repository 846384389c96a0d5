"""HB601 — The calendar has no public holiday in the current year.

Every business-day goal (`bd`) and every business-time clock counts the days of
`calendar.holidays` as days off. A year with none listed counts every public holiday as a
working day, and every clock that spans one is silently wrong: due too early, overdue too soon.
Public holidays come from the holidays package, by the policy's `calendar.country` (or
`--country`), with the make-up working days of countries that have them.

Example::

    calendar:
      holidays: [2025-10-01, 2025-10-02]     # and today is 2026-01-05

Fix: `hirebook holidays --year 2026` adds that year's public holidays and make-up working days
to `policy.yaml`, keeping its comments, and shows what it added. Add a company holiday by hand
if you have one; the command never removes a date.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB601"
NAME = "no-holidays-this-year"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    policy = repo.policy
    year = context.today.year
    if policy is None or any(day.year == year for day in policy.calendar.holidays):
        return
    yield problem(CODE, policy, holidays_path(policy), missing_year(year), key=True)


def missing_year(year: int) -> str:
    return (
        f"`calendar.holidays` lists no day in {year}: business-day clocks count {year}'s public "
        f"holidays as working days; run `hirebook holidays --year {year}`"
    )


def holidays_path(policy) -> tuple:
    """The key a missing year's problem points at (HB601 and HB602): ``calendar.holidays``,
    or ``calendar`` when the policy has no holidays list to point at."""
    data = policy.doc.data if policy.doc else {}
    calendar = data.get("calendar") if isinstance(data, dict) else None
    if isinstance(calendar, dict) and "holidays" in calendar:
        return ("calendar", "holidays")
    return ("calendar",)
