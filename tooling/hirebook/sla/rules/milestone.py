"""milestone — the plan's milestones are reached by their due dates.

Each milestone of a plan is due at the end of its `due` day and stops on `done_on`. At risk when
less than a day remains. Milestones of plans that are not active are left out unless done.
"""

from hirebook.sla.context import SlaContext

RULE = "milestone"
TITLE = "Plan milestone"
STARTS = "milestone `due`"
STOPS = "milestone `done_on`"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "0"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        for plan in ctx.records(client, "plan"):
            for index, item in enumerate(plan.milestones, start=1):
                if item.due is None or (item.done_on is None and plan.status != "active"):
                    continue
                yield ctx.due_date_clock(
                    RULE,
                    plan,
                    client,
                    f"{plan.id}#milestone-{index}",
                    f'Milestone "{item.name}" ({plan.id})',
                    item.due,
                    item.done_on,
                    ("milestones", index - 1),
                )
