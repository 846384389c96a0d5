"""progress-report — the client gets a progress report at the plan's agreed rhythm.

Recurring: the first interval starts on the day the client confirmed the plan
(`client_confirmed_on`, 00:00) and each `progress_report` touchpoint for the plan stops one
interval and starts the next. The goal is the plan's `reporting.every` (default 7d), calendar
time, for all tiers. Only active plans keep an open interval.
"""

from hirebook.sla.context import SlaContext
from hirebook.sla.duration import Duration

RULE = "progress-report"
TITLE = "Progress report"
STARTS = "plan `client_confirmed_on`, then each progress report"
STOPS = "the next `progress_report` touchpoint for that plan"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "7d"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        for plan in ctx.records(client, "plan"):
            if plan.client_confirmed_on is None:
                continue
            goal = ctx.goal(RULE, DEFAULT_GOALS, client)
            if plan.reporting and plan.reporting.every:
                goal = Duration.parse(plan.reporting.every)
            start = ctx.day_start(plan.client_confirmed_on, business=goal.is_business)
            reports = sorted(
                (
                    t
                    for t in ctx.repo.touchpoints_by_plan.get(plan.id, ())
                    if t.type == "progress_report" and t.client == client.id and t.at >= start
                ),
                key=lambda t: t.at,
            )
            for number, report in enumerate(reports, start=1):
                yield ctx.clock(
                    RULE,
                    plan,
                    client,
                    f"{plan.id}#report-{number}",
                    f"Progress report {number} for {plan.id}",
                    start,
                    goal,
                    report.at,
                    ("reporting",),
                )
                start = report.at
            if plan.status == "active":
                number = len(reports) + 1
                yield ctx.clock(
                    RULE,
                    plan,
                    client,
                    f"{plan.id}#report-{number}",
                    f"Progress report {number} for {plan.id}",
                    start,
                    goal,
                    None,
                    ("reporting",),
                )
