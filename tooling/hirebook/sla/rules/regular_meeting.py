"""regular-meeting — each client is met at the rhythm its tier (or contract) sets.

Recurring: the first interval starts on the client's `since` day and each `meeting` or `visit`
touchpoint stops one interval and starts the next (calls, e-mails and revisits do not count).
The goal is the client's `meetings.every`, else the tier's: 30d / 90d / 180d of calendar time.
"""

from hirebook.sla.context import SlaContext
from hirebook.sla.duration import Duration

RULE = "regular-meeting"
TITLE = "Regular meeting"
STARTS = "client `since`, then each `meeting` or `visit` touchpoint"
STOPS = "the next such touchpoint"
OWNER = "account manager"
DEFAULT_GOALS = {"strategic": "30d", "key": "90d", "ordinary": "180d"}
COUNTS = ("meeting", "visit")


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        if client.since is None:
            continue
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        if client.meetings and client.meetings.every and RULE not in client.sla:
            goal = Duration.parse(client.meetings.every)
        start = ctx.day_start(client.since, business=goal.is_business)
        meetings = sorted(
            t.at for t in ctx.records(client, "touchpoint") if t.type in COUNTS and t.at >= start
        )
        for number, at in enumerate(meetings, start=1):
            yield ctx.clock(
                RULE,
                client,
                client,
                f"{client.id}#meeting-{number}",
                f"Meeting {number} with {client.id}",
                start,
                goal,
                at,
                ("since",),
            )
            start = at
        number = len(meetings) + 1
        yield ctx.clock(
            RULE,
            client,
            client,
            f"{client.id}#meeting-{number}",
            f"Meeting {number} with {client.id}",
            start,
            goal,
            None,
            ("meetings",) if client.meetings else ("since",),
        )
