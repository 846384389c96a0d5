"""client-feedback — the client gives feedback on a submitted resume within the agreed deadline.

Starts when the resume is sent (`submitted_at`) and stops at `client_feedback.at`. Business days,
by tier; clients often agree their own deadline (`sla: {client-feedback: …}` in
`client.yaml`). The account manager chases the client: good candidates are lost when feedback
is slow. A withdrawn application without feedback drops its clock.
"""

from hirebook.sla.context import SlaContext

RULE = "client-feedback"
TITLE = "Client feedback on a resume"
STARTS = "application `submitted_at`"
STOPS = "`client_feedback.at`"
OWNER = "account manager (chases the client)"
DEFAULT_GOALS = {"strategic": "1bd", "key": "2bd", "ordinary": "3bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for application in ctx.records(client, "application"):
            if application.submitted_at is None:
                continue
            feedback = application.client_feedback.at if application.client_feedback else None
            if feedback is None and application.withdrawn:
                continue
            yield ctx.clock(
                RULE,
                application,
                client,
                application.id,
                f"Client feedback on {application.id} ({application.requirement})",
                application.submitted_at,
                goal,
                feedback,
                ("client_feedback", "at") if feedback else ("submitted_at",),
            )
