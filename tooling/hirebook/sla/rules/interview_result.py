"""interview-result — the client gives each interview's result promptly.

One clock per interview: starts at the interview (`at`) and stops at `result_at`, when the client
told the agency the result. Business days, by tier. A withdrawn application drops the clocks of
interviews without a result.
"""

from hirebook.sla.context import SlaContext

RULE = "interview-result"
TITLE = "Interview result from the client"
STARTS = "interview `at`"
STOPS = "that interview's `result_at`"
OWNER = "account manager (chases the client)"
DEFAULT_GOALS = {"strategic": "1bd", "key": "1bd", "ordinary": "2bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for application in ctx.records(client, "application"):
            for index, interview in enumerate(application.interviews):
                if interview.at is None or (interview.result_at is None and application.withdrawn):
                    continue
                path = ("interviews", index)
                yield ctx.clock(
                    RULE,
                    application,
                    client,
                    f"{application.id}#interview-{interview.round}",
                    f"Result of interview {interview.round} for {application.id}",
                    interview.at,
                    goal,
                    interview.result_at,
                    (*path, "result_at") if interview.result_at else (*path, "at"),
                )
