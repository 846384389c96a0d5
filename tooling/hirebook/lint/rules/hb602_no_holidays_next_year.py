"""HB602 — From 1 November, the calendar has no public holiday in the next year.

A warning for the leads, two months ahead: on 1 January every business-day clock will count
the new year's public holidays as working days unless `calendar.holidays` lists them (then
HB601 is an error). Governments publish the next year's holidays and make-up working days in
the autumn; the holidays package follows within weeks.

Example::

    calendar:
      holidays: [2026-10-01, 2026-10-02]     # and today is 2026-11-02

Fix: `hirebook holidays --year 2027`. Where the government has not announced the year's
make-up working days yet, the command says so: add each to `calendar.extra_workdays` as it is
announced, or run the command again once a newer hirebook brings a holidays package that knows
them (hirebook pins the package's version); it adds what is new and never removes a date.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.lint.rules.hb601_no_holidays_this_year import holidays_path
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB602"
NAME = "no-holidays-next-year"
SEVERITY = Severity.WARNING
FROM_MONTH = 11


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    policy = repo.policy
    if policy is None or context.today.month < FROM_MONTH:
        return
    year = context.today.year + 1
    if any(day.year == year for day in policy.calendar.holidays):
        return
    yield problem(
        CODE,
        policy,
        holidays_path(policy),
        f"`calendar.holidays` lists no day in {year}, which starts on 1 January: run "
        f"`hirebook holidays --year {year}`",
        key=True,
    )
