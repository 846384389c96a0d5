"""plan-proposal — a recruitment plan is proposed soon after the requirement is confirmed.

Starts on the day the requirement confirmation carries both signatures (at the start of that
day's working hours) and stops on the earliest `proposed_on` of a plan that lists the
requirement. Business days, by tier. A requirement cancelled or on hold without a proposal
drops its clock.
"""

from hirebook.sla.context import SlaContext

RULE = "plan-proposal"
TITLE = "Plan proposal"
STARTS = "requirement confirmed (the later signature)"
STOPS = "a plan listing it has `proposed_on`"
OWNER = "account manager"
DEFAULT_GOALS = {"strategic": "2bd", "key": "3bd", "ordinary": "5bd"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        goal = ctx.goal(RULE, DEFAULT_GOALS, client)
        for requirement in ctx.records(client, "requirement"):
            signed = requirement.signed_on
            if signed is None:
                continue
            proposals = [
                plan.proposed_on
                for plan in ctx.repo.plans_by_requirement.get(requirement.id, ())
                if plan.proposed_on and plan.client == client.id
            ]
            if not proposals and requirement.status in ("cancelled", "on_hold", "filled"):
                continue
            yield ctx.clock(
                RULE,
                requirement,
                client,
                requirement.id,
                f"Plan proposal for {requirement.id} ({requirement.title})",
                ctx.day_start(signed, business=True),
                goal,
                ctx.date_stop(min(proposals, default=None)),
                ("confirmation",),
                stop_is_date=True,
            )
