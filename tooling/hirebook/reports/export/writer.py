"""Write the export tables into a new SQLite file, all or nothing.

The database is built in a temporary file next to the target and moved into place only when
complete, so a failure never leaves a half-written file — and never destroys the file it was
asked to replace.

Every text cell passes through the :class:`~hirebook.privacy.redaction.Redactor` first: when
the records hold personal data (the rules the handbook refuses to publish with), a candidate's
name is written as the id and an e-mail address or phone number as
``[personal data withheld]``.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, datetime, tzinfo
from pathlib import Path

from hirebook import atomic
from hirebook.privacy import Redactor
from hirebook.records.repository import Repository
from hirebook.reports.export.schema import SqlTable
from hirebook.reports.export.tables import TABLES
from hirebook.sla.engine import Board


def sql_value(value: object, zone: tzinfo) -> object:
    """ISO 8601 text for dates and datetimes (these in the policy's timezone, so that the first
    ten characters are the local day), JSON text for lists, 0/1 for booleans."""
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


PERSON_COLUMNS = {
    ("people", "name"), ("people", "email"), ("people", "github"),
    ("client_contacts", "name"), ("client_contacts", "email"), ("client_contacts", "phone"),
    ("clients", "website"),
}  # fmt: skip
"""Columns meant for a person's own data or address: only a candidate's is withheld there
(:meth:`Redactor.field`); every other text column is free text (:meth:`Redactor.text`)."""


def write_sqlite(
    target: Path, repo: Repository, board: Board, redactor: Redactor | None = None
) -> dict[str, int]:
    """Write every table to ``target`` (replacing it); returns the row count per table.

    ``redactor`` defaults to the one of ``repo`` (:meth:`Redactor.of`). A failure of the disk
    raises ``OSError`` or ``sqlite3.OperationalError``; either way the temporary file is gone
    and ``target`` is as it was.
    """
    if redactor is None:
        redactor = Redactor.of(repo)
    with atomic.replacing(target) as temporary:
        return _fill(temporary, repo, board, redactor)


def _fill(path: Path, repo: Repository, board: Board, redactor: Redactor) -> dict[str, int]:
    counts = {}
    with closing(sqlite3.connect(path)) as connection, connection:
        # A failed export is thrown away whole, so it needs no rollback journal — a file
        # beside the target that a failure could leave behind.
        connection.execute("PRAGMA journal_mode = MEMORY")
        for table in TABLES:
            connection.execute(table.ddl())
            found = table.rows(repo, board)
            if redactor:
                found = (_redacted(table.name, row, redactor) for row in found)
            rows = [_values(table, row, repo.zone) for row in found]
            connection.executemany(table.insert(), rows)
            counts[table.name] = len(rows)
    return counts


def _values(table: SqlTable, row: dict, zone: tzinfo) -> tuple:
    names = [column.name for column in table.columns]
    if list(row) != names:
        raise ValueError(f"{table.name}: row keys {list(row)} are not the columns {names}")
    return tuple(sql_value(row[name], zone) for name in names)


def _redacted(table: str, row: dict, redactor: Redactor) -> dict:
    """``row`` with personal data withheld from its texts and the texts of its lists."""
    cells = {}
    for name, value in row.items():
        if isinstance(value, str):
            person = (table, name) in PERSON_COLUMNS
            value = redactor.field(value) if person else redactor.text(value)
        elif isinstance(value, list | tuple):
            value = [redactor.text(item) if isinstance(item, str) else item for item in value]
        cells[name] = value
    return cells
