"""HB404 — An active plan covers a requirement that is not signed by both sides.

No hiring project starts before its Recruitment Requirement Confirmation (招聘需求確認書) is
signed by the client and the agency. A plan may be drafted and proposed early, but it is
`active` only when every requirement it lists carries both signatures.

Example::

    # plan-2026-003.yaml
    status: active
    requirements: [req-2026-014]    # req-2026-014 has no client_signed_on

Fix: get the confirmation signed (record both `*_signed_by` / `*_signed_on`), or keep the
plan at `proposed` until it is.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB404"
NAME = "active-plan-unsigned"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for plan in repo.plans.values():
        if plan.status != "active":
            continue
        for index, requirement_id in enumerate(plan.requirements):
            requirement = repo.requirements.get(requirement_id)
            if requirement is not None and requirement.signed_on is None:
                yield problem(
                    CODE,
                    plan,
                    ("requirements", index),
                    f"the plan is active but `{requirement_id}` is not signed by both sides; "
                    "record both signatures or set the plan back to `proposed`",
                )
