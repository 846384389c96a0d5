"""HB309 — A case names a client that does not exist, or a client's folder has no client.yaml.

A knowledge-sharing case may say which client it is about (`client:` in its front matter);
the handbook links the case to that client's page, so the id must exist.

A requirement, plan, application, touchpoint or feedback belongs to the client whose folder
holds it. Without that folder's `client.yaml` (deleted, renamed, or a folder in its place)
the record belongs to no client: the SLA board, the reports, the export and the handbook
leave it out, so each such record is reported.

Example::

    ---
    title: Winning back a lost account
    client: harbour-logistics     # the folder is clients/harbor-logistics/
    ---

Fix: use the client's folder name, or leave `client` out for a general case; for a record,
restore its client's `client.yaml` or move the record into its client's folder.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.layout import CLIENT_FOLDERS
from hirebook.records.repository import Repository

CODE = "HB309"
NAME = "unknown-client"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    yield from _cases(repo)
    yield from _records_without_client(repo)


def _records_without_client(repo: Repository) -> Iterator[Problem]:
    for kind in CLIENT_FOLDERS.values():  # the kinds that live in a client's folder
        for record in repo.table(kind).values():
            if not repo.exists("client", record.client):
                yield problem(
                    CODE,
                    record,
                    ("id",),
                    f"records/clients/{record.client}/ has no client.yaml, so this {kind} "
                    "belongs to no client and the SLA board, reports, export and handbook "
                    "leave it out; restore the client's client.yaml or move the record into "
                    "its client's folder",
                )


def _cases(repo: Repository) -> Iterator[Problem]:
    for case in repo.cases.values():
        if case.client_id and not repo.exists("client", case.client_id):
            yield problem(
                CODE,
                case,
                ("client",),
                f"client `{case.client_id}` does not exist (no records/clients/{case.client_id}/"
                "client.yaml); use a client folder name",
            )
