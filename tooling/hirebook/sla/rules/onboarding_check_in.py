"""onboarding-check-in — a placed candidate is checked on after 7, 30 and 90 days.

For each placement, three clocks start on the days `start_on` + 7, + 30 and + 90 (at the start of
that day's working hours) and stop on the check-in recorded with that `day`. 3 business days,
all tiers. A hire who left before the day drops the later clocks.
"""

from datetime import timedelta

from hirebook.sla.context import SlaContext

RULE = "onboarding-check-in"
TITLE = "Onboarding check-in"
STARTS = "the day `start_on` + N for N = 7, 30, 90"
STOPS = "a check-in with that `day`"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "3bd"}
DAYS = (7, 30, 90)


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for application in ctx.records(client, "application"):
            placement = application.placement
            if placement is None or placement.start_on is None:
                continue
            for day in DAYS:
                on_day = placement.start_on + timedelta(days=day)
                check_in = next((c for c in placement.check_ins if c.day == day), None)
                if check_in is None and placement.left_on and placement.left_on <= on_day:
                    continue
                yield ctx.clock(
                    RULE,
                    application,
                    client,
                    f"{application.id}#day-{day}",
                    f"Day-{day} onboarding check-in for {application.id}",
                    ctx.day_start(on_day, business=True),
                    goal,
                    ctx.date_stop(check_in.on if check_in else None),
                    ("placement",),
                    stop_is_date=True,
                )
