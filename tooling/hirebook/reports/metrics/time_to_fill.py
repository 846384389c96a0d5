"""time-to-fill — how long a client waits from raising a need to an accepted offer.

The industry's usual definition: from the opening of the requisition (the requirement's
`received_at`) to the day a candidate accepts the offer. Every accepted offer is one value, so
a requirement with two openings filled by two hires counts twice.
"""

from __future__ import annotations

from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import durations

NAME = "time-to-fill"
TITLE = "Time to fill"
DESCRIPTION = """Per accepted offer: calendar days from the day of the requirement's
`received_at` (in the policy's timezone) to `offer.accepted_on`. An offer counts in the period
by `offer.accepted_on`. Reports count, median, mean and p90 (linear interpolation between
closest ranks, numpy's default)."""


def compute(ctx: ReportContext) -> dict:
    days = []
    for application in ctx.records("application"):
        accepted = application.accepted_on
        if not ctx.counts(accepted):
            continue
        requirement = ctx.repo.requirements.get(application.requirement)
        if requirement is None or requirement.received_at is None:
            continue
        days.append((accepted - ctx.day(requirement.received_at)).days)
    return stats.summary(days)


def headline(result: dict) -> str:
    return durations(result, "days", "accepted offer")
