"""HB305 — A requirement named in a record does not exist in the same client's folder.

Applications, plans, touchpoints and feedback refer to requirements by id. The reference must
resolve *inside the same client's folder*: an application of ACME cannot be for a Harbor
Logistics requirement.

Example::

    # records/clients/acme-tech/applications/app-2026-0101.yaml
    requirement: req-2026-099     # no clients/acme-tech/requirements/req-2026-099.yaml

Fix: correct the id, or move the record to the folder of the client that owns the requirement.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.model import Record
from hirebook.records.repository import Repository

CODE = "HB305"
NAME = "unknown-requirement"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record, path, requirement in _references(repo):
        if repo.exists("requirement", requirement, record.client):
            continue
        elsewhere = repo.paths_of("requirement", requirement)
        hint = (
            f"it belongs to another client ({elsewhere[0]}); a record can only refer to its own "
            "client's requirements"
            if elsewhere
            else "check the id"
        )
        yield problem(
            CODE,
            record,
            path,
            f"requirement `{requirement}` is not in clients/{record.client}/requirements/; {hint}",
        )


def _references(repo: Repository) -> Iterator[tuple[Record, tuple, str]]:
    for application in repo.applications.values():
        yield application, ("requirement",), application.requirement
    for plan in repo.plans.values():
        for index, requirement in enumerate(plan.requirements):
            yield plan, ("requirements", index), requirement
    for touchpoint in repo.touchpoints.values():
        if touchpoint.requirement:
            yield touchpoint, ("requirement",), touchpoint.requirement
    for feedback in repo.feedback.values():
        if feedback.requirement:
            yield feedback, ("requirement",), feedback.requirement
