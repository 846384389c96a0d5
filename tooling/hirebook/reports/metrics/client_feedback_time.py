"""client-feedback-time — how fast each client answers a submitted resume.

Measured in business hours on the policy's work calendar, like the `client-feedback` SLA
clock: a resume sent on Friday evening and answered on Monday morning waited a few working
hours, not three days. The median per client shows which clients lose candidates by waiting.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import durations
from hirebook.reports.view import Amount, Table

NAME = "client-feedback-time"
TITLE = "Client feedback time"
DESCRIPTION = """Per application with `client_feedback`: working hours on the policy
calendar (workdays and working hours, minus holidays, plus make-up workdays) from
`submitted_at` to `client_feedback.at`. An application counts in the period by
`client_feedback.at`. Reports count, median, mean and p90 (linear interpolation, numpy's
default) overall, and count and median per client."""

HOUR = timedelta(hours=1)


def compute(ctx: ReportContext) -> dict:
    hours_by_client: dict[str, list[float]] = defaultdict(list)
    for application in ctx.records("application"):
        feedback = application.client_feedback
        if feedback is None or application.submitted_at is None or not ctx.counts(feedback.at):
            continue
        waited = ctx.calendar.working_time_between(application.submitted_at, feedback.at)
        hours_by_client[application.client].append(waited / HOUR)
    every = [hours for values in hours_by_client.values() for hours in values]
    return {
        **stats.summary(every),
        "by_client": {
            client: {
                "name": ctx.client_name(client),
                "count": len(values),
                "median": stats.median(values),
            }
            for client, values in sorted(hours_by_client.items())
        },
    }


def headline(result: dict) -> str:
    return durations(result, "business hours", "answered resume")


def tables(result: dict) -> list[Table]:
    rows = [
        (client, entry["name"], entry["count"], Amount(entry["median"]))
        for client, entry in result["by_client"].items()
    ]
    return [Table("By client", ("client", "name", "answered", "median hours"), rows)]
