"""A problem found in the records: the one type that lint rules, the loader and reporters share.

Like Beancount's errors, every problem carries the file and line it is about, so that a
reporter can point an editor, a pull-request annotation or a SARIF viewer straight at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of ``hirebook lint``.

    ``file`` is relative to the project root with forward slashes; ``line`` and ``column``
    start at 1. ``message`` says what is wrong and how to fix it.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    record: str | None = None
    """The id of the record the problem is about, where there is one."""

    def with_severity(self, severity: Severity) -> Problem:
        return replace(self, severity=severity)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "record": self.record,
        }


def first_of(problems: Sequence[Problem]) -> str:
    """The first of ``problems`` (in file and line order) at its place, and how many more:
    what a command says when it refuses a record until ``hirebook lint`` is run."""
    first = min(problems)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{first.location}: {first.code} {first.message}{more}"
