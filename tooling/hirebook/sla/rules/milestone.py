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
    return ctx.plan_items(RULE, "milestones", "milestone", lambda item: f'Milestone "{item.name}"')
