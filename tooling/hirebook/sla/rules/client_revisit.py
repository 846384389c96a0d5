"""client-revisit — the client is revisited after a placement, to build the relationship.

Starts on a placement's `start_on` (00:00) and stops at the first `revisit` touchpoint of the same
client on or after that day. Calendar days, by tier.
"""

from hirebook.sla.context import SlaContext

RULE = "client-revisit"
TITLE = "Client revisit after a placement"
STARTS = "placement `start_on`"
STOPS = "a `revisit` touchpoint on or after it"
OWNER = "account manager"
DEFAULT_GOALS = {"strategic": "30d", "key": "30d", "ordinary": "45d"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        revisits = sorted(t.at for t in ctx.records(client, "touchpoint") if t.type == "revisit")
        for application in ctx.records(client, "application"):
            placement = application.placement
            if placement is None or placement.start_on is None:
                continue
            started = ctx.day_start(placement.start_on, business=goal.is_business)
            stop = next(
                (at for at in revisits if at >= ctx.calendar.start_of_day(placement.start_on)), None
            )
            yield ctx.clock(
                RULE,
                application,
                client,
                f"{application.id}#revisit",
                f"Client revisit after the placement of {application.id}",
                started,
                goal,
                stop,
                ("placement", "start_on"),
            )
