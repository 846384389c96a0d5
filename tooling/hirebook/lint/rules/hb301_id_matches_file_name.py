"""HB301 — A record's `id` differs from its file name.

A record's id *is* its file name without `.yaml` (for `client.yaml`, the client's folder
name). That is how references are resolved and how a reviewer finds a record; an id that
differs from the file name points readers to a file that does not exist.

Example::

    # records/clients/acme-tech/requirements/req-2026-014.yaml
    id: req-2026-14

Fix: make the `id` and the file name the same (rename the file, or correct the id).
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB301"
NAME = "id-matches-file-name"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record in repo.all_records():
        expected = record.doc.place.expected_id
        if expected is not None and record.id != expected:
            yield problem(
                CODE,
                record,
                ("id",),
                f"id `{record.id}` differs from the file name `{expected}`; make them the same",
            )
