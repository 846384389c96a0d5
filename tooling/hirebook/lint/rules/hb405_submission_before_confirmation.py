"""HB405 — A resume was submitted for a requirement that was not yet confirmed.

Resumes are submitted only against a requirement whose confirmation both sides had signed on
or before the day of the submission. The requirement's `status` may since have moved on (to
`filled`, say); what counts is the signature dates.

Example::

    # application: submitted_at: 2026-03-04T10:00:00+08:00
    # its requirement: client_signed_on: 2026-03-05

Fix: correct the submission time or the signature dates; if the work really started before
the signature, record that in a touchpoint and get the confirmation signed.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB405"
NAME = "submission-before-confirmation"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        requirement = repo.requirements.get(application.requirement)
        if requirement is None or application.submitted_at is None:
            continue
        if requirement.client != application.client:
            continue  # HB305 reports the cross-client reference
        submitted = application.submitted_at.astimezone(repo.zone).date()
        signed = requirement.signed_on
        if signed is None:
            yield problem(
                CODE,
                application,
                ("submitted_at",),
                f"submitted against `{requirement.id}`, whose confirmation is not signed "
                "by both sides; get it signed before submitting resumes",
            )
        elif submitted < signed:
            yield problem(
                CODE,
                application,
                ("submitted_at",),
                f"submitted on {submitted}, before `{requirement.id}` was signed by both "
                f"sides on {signed}; correct the dates",
            )
