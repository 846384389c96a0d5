"""requirement-confirmation — a new need is confirmed and signed by both sides quickly.

The clock starts when the client raises the need (`received_at`) and stops on the day both
sides have signed the requirement confirmation (the later of `client_signed_on` and
`agency_signed_on`). Business days, by tier. A requirement cancelled before it was signed drops
its clock; one `on_hold` keeps a clock only once signed.
"""

from hirebook.sla.context import SlaContext

RULE = "requirement-confirmation"
TITLE = "Requirement confirmation"
STARTS = "requirement `received_at`"
STOPS = "both signatures present (the later `*_signed_on`)"
OWNER = "account manager"
DEFAULT_GOALS = {"strategic": "2bd", "key": "3bd", "ordinary": "5bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for requirement in ctx.records(client, "requirement"):
            signed = requirement.signed_on
            if requirement.received_at is None:
                continue
            if signed is None and requirement.status in ("cancelled", "on_hold", "filled"):
                continue
            yield ctx.clock(
                RULE,
                requirement,
                client,
                requirement.id,
                f"Confirmation of {requirement.id} ({requirement.title})",
                requirement.received_at,
                goal,
                ctx.date_stop(signed),
                ("confirmation",)
                if signed or "confirmation" in requirement.doc.data
                else ("received_at",),
                stop_is_date=True,
            )
