"""HB311 — A record's file or folder has a name Windows keeps for a device.

Windows cannot create a file or folder called `con`, `prn`, `aux`, `nul`, `com1`–`com9` or
`lpt1`–`lpt9`, in any case and with any extension (`aux.yaml` is `aux`). Ids are file names
(`team/aux.yaml`, `clients/nul/client.yaml`), so the schema's pattern lets such an id through,
but a colleague on Windows cannot check the repository out: Git stops at that file.

Example::

    # records/team/aux.yaml
    id: aux

Fix: choose another id (`aux-li`) and rename the file or folder to match.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB311"
NAME = "windows-reserved-name"
SEVERITY = Severity.ERROR

RESERVED = frozenset(
    ("con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
     *(f"lpt{n}" for n in range(1, 10)))
)  # fmt: skip


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record in repo.all_records():
        doc = record.doc
        name = doc.place.expected_id if doc is not None else None
        if name is None or name.lower() not in RESERVED:
            continue
        what = "folder" if doc.rel.endswith("/client.yaml") else "file"
        yield problem(
            CODE,
            record,
            ("id",),
            f"`{name}` is a name Windows keeps for a device: no one on Windows can check out "
            f"this {what}; choose another id and rename the {what} to match",
        )
