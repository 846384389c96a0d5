"""tier-review — each client's tier is reviewed at least once a year.

Starts on the client's `tier_reviewed_on` (or `since` when never reviewed) and is due 365 days
later; recording a later `tier_reviewed_on` starts the next year (only the current review is on
record, so the clock shown is always the current one).
"""

from hirebook.sla.context import SlaContext

RULE = "tier-review"
TITLE = "Tier review"
STARTS = "client `tier_reviewed_on` (or `since`)"
STOPS = "a later `tier_reviewed_on`"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "365d"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        reviewed = client.tier_reviewed_on or client.since
        if reviewed is None:
            continue
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        path = ("tier_reviewed_on",) if client.tier_reviewed_on else ("since",)
        yield ctx.clock(
            RULE,
            client,
            client,
            f"{client.id}#tier-review",
            f"Tier review of {client.id}",
            ctx.day_start(reviewed, business=False),
            goal,
            None,
            path,
        )
