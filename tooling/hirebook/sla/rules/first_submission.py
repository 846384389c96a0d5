"""first-submission — the first resume reaches the client soon after the plan is confirmed.

Starts on the day the client confirmed the plan (`client_confirmed_on`, at the start of working
hours) and stops at the first `submitted_at` of an application for any of the plan's
requirements. Business days, by tier. A plan that is not `active` starts no new clock.
"""

from hirebook.sla.context import SlaContext

RULE = "first-submission"
TITLE = "First submission"
STARTS = "plan `client_confirmed_on`"
STOPS = "the first application `submitted_at` for any of its requirements"
OWNER = "account manager"
DEFAULT_GOALS = {"strategic": "5bd", "key": "7bd", "ordinary": "10bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for plan in ctx.records(client, "plan"):
            if plan.client_confirmed_on is None:
                continue
            started = ctx.day_start(plan.client_confirmed_on, business=True)
            submissions = [
                application.submitted_at
                for requirement in plan.requirements
                for application in ctx.repo.applications_by_requirement.get(requirement, ())
                if application.submitted_at and application.client == client.id
            ]
            first = min(submissions, default=None)
            if first is None and plan.status != "active":
                continue
            yield ctx.clock(
                RULE,
                plan,
                client,
                plan.id,
                f"First submission for {plan.id}",
                started,
                goal,
                first,
                ("client_confirmed_on",),
            )
