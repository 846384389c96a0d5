"""HB504 — A candidate's data is kept past `retain_until`.

Candidates consent to their data being kept for a purpose and a time. After `retain_until`
their file must be deleted, or the consent renewed and the date moved. The SLA board shows
the same deadline as the `data-retention` clock; lint warns once the day has passed.

Example::

    retain_until: 2026-03-10     # and today is 2026-11-25

Fix: delete the candidate's file (and anonymise their applications' candidate id if your
policy requires), or record renewed consent and a new `retain_until`.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB504"
NAME = "retention-expired"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for candidate in repo.candidates.values():
        if candidate.retain_until and candidate.retain_until < context.today:
            yield problem(
                CODE,
                candidate,
                ("retain_until",),
                f"candidate `{candidate.id}` was to be kept until "
                f"{candidate.retain_until}; delete the file or renew consent and move "
                "`retain_until`",
            )
