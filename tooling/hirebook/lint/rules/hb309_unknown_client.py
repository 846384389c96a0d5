"""HB309 — A case names a client that does not exist.

A knowledge-sharing case may say which client it is about (`client:` in its front matter);
the handbook links the case to that client's page, so the id must exist.

Example::

    ---
    title: Winning back a lost account
    client: harbour-logistics     # the folder is clients/harbor-logistics/
    ---

Fix: use the client's folder name, or leave `client` out for a general case.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB309"
NAME = "unknown-client"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for case in repo.cases.values():
        if case.client_id and not repo.exists("client", case.client_id):
            yield problem(
                CODE,
                case,
                ("client",),
                f"client `{case.client_id}` does not exist (no records/clients/{case.client_id}/"
                "client.yaml); use a client folder name",
            )
