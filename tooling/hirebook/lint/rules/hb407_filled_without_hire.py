"""HB407 — A requirement is `filled` without an accepted offer or without `closed_on`.

`filled` means a candidate accepted an offer for it: at least one of its applications has
`offer.accepted_on`. The day it was filled is recorded in `closed_on`, which starts the
`feedback-survey` clock and counts the fill in the reports.

Example::

    status: filled
    # no closed_on, and no application with an accepted offer

Fix: record the accepted offer on the application and the `closed_on` date, or correct the status.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB407"
NAME = "filled-without-hire"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for requirement in repo.requirements.values():
        if requirement.status != "filled":
            continue
        applications = repo.applications_by_requirement.get(requirement.id, ())
        if not any(a.accepted_on and a.client == requirement.client for a in applications):
            yield problem(
                CODE,
                requirement,
                ("status",),
                "status is `filled` but no application for it has an accepted offer; "
                "record `offer.accepted_on` on the hire's application",
            )
        if requirement.closed_on is None:
            yield problem(
                CODE,
                requirement,
                ("status",),
                "status is `filled` but `closed_on` is missing; add the day it was filled",
            )
