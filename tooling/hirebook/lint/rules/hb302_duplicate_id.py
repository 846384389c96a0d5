"""HB302 — Two records of the same kind share an id.

Ids are unique within their kind across the whole repository — two clients cannot both have
a `req-2026-014` — because references and reports name records by id alone.

Example::

    records/clients/acme-tech/requirements/req-2026-014.yaml
    records/clients/harbor-logistics/requirements/req-2026-014.yaml

Fix: give one of the two records the next free id (`hirebook new` picks one) and rename its file.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB302"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for kind, ids in list(repo.file_ids.items()):
        for record_id in list(ids):
            paths = repo.paths_of(kind, record_id)  # every file with the id, read or not
            for later in paths[1:]:
                yield Problem(
                    later,
                    1,
                    1,
                    CODE,
                    SEVERITY,
                    f"{kind} id `{record_id}` is already used by {paths[0]}; ids are unique per "
                    "kind across all clients — choose the next free id",
                    record_id,
                )
