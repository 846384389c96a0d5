"""funnel — how applications move from a submitted resume to a hire who stays.

Each stage is an event, and an application counts at a stage in the period that holds that
stage's event (the rule of every metric: a record counts by the date of the event that
completes it). The stage counts therefore agree with the other metrics of the same period —
`accepted` here is `accepted` in `offer-acceptance`, `retained_90` is `retained` in
`retention-90` — and the step rates compare the flow through each stage within the period.
They are throughput ratios, not the conversion of one cohort: in a short period a stage can
receive applications submitted before it, so a step rate can exceed 100%.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from hirebook.records.model import Application
from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.metrics.retention_90 import ninetieth_day, stayed
from hirebook.reports.view import Rate, Table

NAME = "funnel"
TITLE = "Funnel"
DESCRIPTION = """Applications counted at each stage in the period by the date of the stage's
own event: `submitted` (`submitted_at`; every application with one, withdrawn ones included)
→ `interview_requested` (`client_feedback.at` with decision `interview`) → `interviewed` (the
first interview's `at`) → `offered` (`offer.made_on`) → `accepted` (`offer.accepted_on`) →
`retained_90` (the 90th day after `placement.start_on`, with no `left_on` before it). Step
rates: each stage's count / the previous stage's count in the same period."""

STAGES = ("submitted", "interview_requested", "interviewed", "offered", "accepted", "retained_90")
LABELS = {
    "submitted": "submitted",
    "interview_requested": "interview requested",
    "interviewed": "interviewed",
    "offered": "offered",
    "accepted": "accepted",
    "retained_90": "retained 90 days",
}


def stage_events(application: Application) -> dict[str, date | datetime | None]:
    """The event that puts the application at each stage (None: it never reached it)."""
    feedback = application.client_feedback
    offer = application.offer
    placement = application.placement
    return {
        "submitted": application.submitted_at,
        "interview_requested": (
            feedback.at if feedback and feedback.decision == "interview" else None
        ),
        "interviewed": min((i.at for i in application.interviews if i.at), default=None),
        "offered": offer.made_on if offer else None,
        "accepted": offer.accepted_on if offer else None,
        "retained_90": ninetieth_day(placement) if placement and stayed(placement) else None,
    }


def empty_counts() -> dict[str, int]:
    return dict.fromkeys(STAGES, 0)


def add(counts: dict[str, int], application: Application, ctx: ReportContext) -> None:
    """Count ``application`` at every stage whose event falls in the period."""
    for stage, event in stage_events(application).items():
        if ctx.counts(event):
            counts[stage] += 1


def with_step_rates(counts: dict[str, int]) -> dict:
    """The counts, and beside them each stage's count over the previous stage's."""
    return {
        **counts,
        "step_rates": {
            stage: stats.rate(counts[stage], counts[previous])
            for previous, stage in zip(STAGES, STAGES[1:], strict=False)
        },
    }


def funnel_of(applications: Iterable[Application], ctx: ReportContext) -> dict:
    counts = empty_counts()
    for application in applications:
        add(counts, application, ctx)
    return with_step_rates(counts)


def compute(ctx: ReportContext) -> dict:
    return funnel_of(ctx.records("application"), ctx)


def headline(result: dict) -> str:
    return " → ".join(f"{result[stage]} {LABELS[stage]}" for stage in STAGES)


def tables(result: dict) -> list[Table]:
    first, *rest = STAGES
    rows = [(LABELS[first], result[first], None)]
    rows += [(LABELS[stage], result[stage], Rate(result["step_rates"][stage])) for stage in rest]
    return [Table("Stages", ("stage", "applications", "step rate"), rows)]
