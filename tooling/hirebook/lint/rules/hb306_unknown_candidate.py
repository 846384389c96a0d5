"""HB306 — An application names a candidate that does not exist.

Every application is for one candidate, named by id; the candidate's personal data lives in
`records/candidates/<id>.yaml` and nowhere else.

Example::

    candidate: cand-0420    # no records/candidates/cand-0420.yaml

Fix: correct the id, or add the candidate file (with their consent) under `records/candidates/`.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB306"
NAME = "unknown-candidate"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        if not repo.exists("candidate", application.candidate):
            yield problem(
                CODE,
                application,
                ("candidate",),
                f"candidate `{application.candidate}` does not exist (no records/candidates/"
                f"{application.candidate}.yaml); correct the id or add the candidate",
            )
