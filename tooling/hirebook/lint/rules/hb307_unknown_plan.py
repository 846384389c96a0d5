"""HB307 — A touchpoint names a plan that does not exist in the same client's folder.

Progress reports (`type: progress_report`) report on a recruitment plan, and any touchpoint
may name the plan it concerns. The plan must be one of the same client, so that the report
stops that plan's `progress-report` clock.

Example::

    # records/clients/acme-tech/touchpoints/tp-2026-0311-weekly.yaml
    type: progress_report
    plan: plan-2026-030      # no clients/acme-tech/plans/plan-2026-030.yaml

Fix: correct the plan id, or move the touchpoint to the client whose plan it reports on.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB307"
NAME = "unknown-plan"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for touchpoint in repo.touchpoints.values():
        plan = touchpoint.plan
        if plan and not repo.exists("plan", plan, touchpoint.client):
            yield problem(
                CODE,
                touchpoint,
                ("plan",),
                f"plan `{plan}` is not in clients/{touchpoint.client}/plans/; a touchpoint can "
                "only name a plan of its own client",
            )
