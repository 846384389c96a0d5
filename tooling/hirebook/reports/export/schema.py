"""What an export table is: its name, its columns with their meaning, its keys, its rows.

The tables are declared as data (:mod:`.tables`) so that the DDL, the documentation test and
the writer all read one definition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hirebook.records.repository import Repository
from hirebook.sla.engine import Board

Row = dict[str, object]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """SQLite type: TEXT (also dates and datetimes, ISO 8601), INTEGER (also 0/1), REAL."""
    doc: str
    references: str | None = None
    """``table(column)`` this column points to."""


@dataclass(frozen=True)
class SqlTable:
    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Repository, Board], Iterable[Row]]

    def ddl(self) -> str:
        parts = [f"  {c.name} {c.type}" for c in self.columns]
        parts.append(f"  PRIMARY KEY ({', '.join(self.primary_key)})")
        parts += [
            f"  FOREIGN KEY ({c.name}) REFERENCES {c.references}"
            for c in self.columns
            if c.references
        ]
        return f"CREATE TABLE {self.name} (\n" + ",\n".join(parts) + "\n)"

    def insert(self) -> str:
        names = ", ".join(c.name for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.name} ({names}) VALUES ({marks})"
