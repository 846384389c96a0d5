"""candidate-notice — the 24-hour rule: every candidate hears from us within 24 hours.

One clock per interview: starts at the interview (`at`) and stops at `candidate_notified_at`,
whatever the result — `pending` included: the candidate hears from the agency even when the
client has not decided. 24 hours of calendar time for every tier (面試結果24小時反饋機制).
"""

from hirebook.sla.context import SlaContext

RULE = "candidate-notice"
TITLE = "Candidate told the interview result (24-hour rule)"
STARTS = "interview `at`"
STOPS = "that interview's `candidate_notified_at`"
OWNER = "account manager"
DEFAULT_GOALS = {"all": "24h"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for application in ctx.records(client, "application"):
            for index, interview in enumerate(application.interviews):
                notified = interview.candidate_notified_at
                if interview.at is None or (notified is None and application.withdrawn):
                    continue
                path = ("interviews", index)
                yield ctx.clock(
                    RULE,
                    application,
                    client,
                    f"{application.id}#interview-{interview.round}",
                    f"Telling the candidate of {application.id} the result of interview "
                    f"{interview.round}",
                    interview.at,
                    goal,
                    notified,
                    (*path, "candidate_notified_at") if notified else (*path, "at"),
                )
