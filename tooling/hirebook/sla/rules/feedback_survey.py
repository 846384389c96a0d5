"""feedback-survey — client feedback is collected after every filled requirement.

Starts on a `filled` requirement's `closed_on` (at the start of working hours) and stops on the
`on` day of a feedback record that names the requirement. 10 business days, all tiers.
"""

from hirebook.sla.context import SlaContext

RULE = "feedback-survey"
TITLE = "Feedback survey after a fill"
STARTS = "a `filled` requirement's `closed_on`"
STOPS = "a feedback record for it"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "10bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for requirement in ctx.records(client, "requirement"):
            if requirement.status != "filled" or requirement.closed_on is None:
                continue
            answers = [
                f.on
                for f in ctx.repo.feedback_by_requirement.get(requirement.id, ())
                if f.on and f.client == client.id
            ]
            yield ctx.clock(
                RULE,
                requirement,
                client,
                f"{requirement.id}#survey",
                f"Feedback survey for {requirement.id} ({requirement.title})",
                ctx.day_start(requirement.closed_on, business=True),
                goal,
                ctx.date_stop(min(answers, default=None)),
                ("closed_on",),
                stop_is_date=True,
            )
