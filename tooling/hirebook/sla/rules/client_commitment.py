"""client-commitment — what the client promised in the plan is followed up like our own work.

Each item of a plan's `client_commitments` (客戶配合事項: interviewers named, rooms booked) is due
at the end of its `due` day and stops on `done_on`. At risk when less than a day remains. The
account manager chases the client. Items of plans that are not active are left out unless done.
"""

from hirebook.sla.context import SlaContext

RULE = "client-commitment"
TITLE = "Client commitment"
STARTS = "commitment `due`"
STOPS = "commitment `done_on`"
OWNER = "account manager (chases the client)"
DEFAULT_GOALS = {"all": "0"}


def clocks(ctx: SlaContext):
    return ctx.plan_items(
        RULE, "client_commitments", "commitment", lambda item: f'Client commitment "{item.what}"'
    )
