"""HB406 — A requirement is `confirmed` (or `filled`) without both signatures.

"Confirmed" means the Recruitment Requirement Confirmation is signed by both sides: the
client's signatory (`client_signed_by`, `client_signed_on`) and the agency's
(`agency_signed_by`, `agency_signed_on`).

Example::

    status: confirmed
    confirmation:
      client_signed_by: Zhang Wei
      client_signed_on: 2026-03-05
      # no agency signature

Fix: add the missing signature, or set `status: draft` until both sides have signed.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB406"
NAME = "confirmed-unsigned"
SEVERITY = Severity.ERROR

_FIELDS = ("client_signed_by", "client_signed_on", "agency_signed_by", "agency_signed_on")


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for requirement in repo.requirements.values():
        if requirement.status not in ("confirmed", "filled"):
            continue
        missing = [name for name in _FIELDS if not getattr(requirement.confirmation, name)]
        if missing:
            yield problem(
                CODE,
                requirement,
                ("confirmation",),
                key=True,
                message=f"status is `{requirement.status}` but the confirmation lacks "
                f"{', '.join(f'`{m}`' for m in missing)}; add them or set `status: draft`",
            )
