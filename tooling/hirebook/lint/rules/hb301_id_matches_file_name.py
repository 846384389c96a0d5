"""HB301 — A record's `id` differs from its file name.

A record's id *is* its file name without `.yaml` (for `client.yaml`, the client's folder
name). That is how references are resolved and how a reviewer finds a record; an id that
differs from the file name points readers to a file that does not exist. A case has no `id:`
(its file name is its id), so its file name must be an id: lower-case letters, digits and
dashes, as the schemas' ids are (`2026 Case.md` or a name with a tab is not one).

Example::

    # records/clients/acme-tech/requirements/req-2026-014.yaml
    id: req-2026-14

Fix: make the `id` and the file name the same (rename the file, or correct the id).
"""

import dataclasses
from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.layout import ID
from hirebook.records.repository import Repository

CODE = "HB301"
NAME = "id-matches-file-name"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record in repo.all_records():
        expected = record.doc.place.expected_id
        if record.doc.kind == "case" and expected is not None and not ID.fullmatch(expected):
            found = problem(
                CODE,
                record,
                (),
                f"a case's file name is its id, and `{expected}` is not one; rename the file "
                "with lower-case letters, digits and dashes (2026-northwind-data-team.md)",
            )
            yield dataclasses.replace(found, line=1, column=1)  # the file, not its front matter
        elif expected is not None and record.id != expected:
            yield problem(
                CODE,
                record,
                ("id",),
                f"id `{record.id}` differs from the file name `{expected}`; make them the same",
            )
