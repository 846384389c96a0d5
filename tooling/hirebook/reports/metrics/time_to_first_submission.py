"""time-to-first-submission — how soon the client sees a first resume for a requirement.

The first submission is what completes the measurement, so a requirement counts in the period
in which its first resume was sent; requirements still waiting for one are not in it.
"""

from __future__ import annotations

from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import durations

NAME = "time-to-first-submission"
TITLE = "Time to first submission"
DESCRIPTION = """Per requirement with at least one submitted application: calendar days from
the day of its `received_at` to the day of the earliest `submitted_at` among its applications
(days in the policy's timezone). A requirement counts in the period by that first
`submitted_at`. Reports count, median, mean and p90 (linear interpolation, numpy's default)."""


def compute(ctx: ReportContext) -> dict:
    days = []
    for requirement in ctx.records("requirement"):
        if requirement.received_at is None:
            continue
        first = min(
            (
                application.submitted_at
                for application in ctx.repo.applications_by_requirement.get(requirement.id, ())
                if application.submitted_at and application.client == requirement.client
            ),
            default=None,
        )
        if ctx.counts(first):
            days.append((ctx.day(first) - ctx.day(requirement.received_at)).days)
    return stats.summary(days)


def headline(result: dict) -> str:
    return durations(result, "days", "requirement")
