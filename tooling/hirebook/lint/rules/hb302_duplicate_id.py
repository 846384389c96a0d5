"""HB302 — Two records of the same kind share an id.

Ids are unique within their kind across the whole repository — two clients cannot both have
a `req-2026-014` — because references and reports name records by id alone.

Two files of one name are reported on the second; a record copied under a new file name
that kept the old `id:` is reported on the copy (together with HB301).

Example::

    records/clients/acme-tech/requirements/req-2026-014.yaml
    records/clients/harbor-logistics/requirements/req-2026-014.yaml

Fix: give one of the two records the next free id (`hirebook new` picks one) and rename its file.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
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
    for record in repo.all_records():
        place = record.doc.place
        if place.expected_id is None or record.id == place.expected_id:
            continue
        holders = [path for path in repo.paths_of(place.kind, record.id) if path != record.doc.rel]
        if holders:
            yield problem(
                CODE,
                record,
                ("id",),
                f"{place.kind} id `{record.id}` is already used by {holders[0]}; a copied record "
                f"needs its own id — write `id: {place.expected_id}` (its file name) or choose "
                "the next free id",
            )
