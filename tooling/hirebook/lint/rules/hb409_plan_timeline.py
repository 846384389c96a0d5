"""HB409 — A plan's confirmation is missing or out of order.

A plan is proposed to the client (`proposed_on`) and then confirmed by the client
(`client_confirmed_on`, on or after the proposal). An `active` plan is one the client has
confirmed: its confirmation day starts the `first-submission` and `progress-report` clocks.
A `closed` plan is finished or abandoned, so it may have no confirmation: a draft or proposed
plan given up (its requirement cancelled, the client turned it down) is closed unconfirmed.

Example::

    status: active
    proposed_on: 2026-03-06
    # no client_confirmed_on

Fix: record the day the client confirmed the plan, or keep the plan at `proposed`.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB409"
NAME = "plan-timeline"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for plan in repo.plans.values():
        if plan.status == "active" and plan.client_confirmed_on is None:
            yield problem(
                CODE,
                plan,
                ("status",),
                f"the plan is `{plan.status}` but has no `client_confirmed_on`; add the "
                "day the client confirmed it",
            )
        if (
            plan.proposed_on
            and plan.client_confirmed_on
            and plan.client_confirmed_on < plan.proposed_on
        ):
            yield problem(
                CODE,
                plan,
                ("client_confirmed_on",),
                f"`client_confirmed_on` ({plan.client_confirmed_on}) is before "
                f"`proposed_on` ({plan.proposed_on}); correct the date",
            )
