"""What a lint rule is: a module declaring its code, name, severity and (usually) a check.

Like yamllint's rules, each rule is one module under ``hirebook.lint.rules``; its docstring is
the user documentation published in the handbook's lint-code reference: a first line
``HBNNN — what is wrong``, why, an ``Example::`` block and a ``Fix:`` line (tests check all
three). A rule module defines:

``CODE``      stable code, ``HB`` + three digits (``HB1xx`` YAML and encoding, ``HB2xx`` schema,
              ``HB3xx`` ids and references, ``HB4xx`` process and chronology, ``HB5xx``
              personal data, ``HB6xx`` calendar);
``NAME``      a short kebab-case name;
``SEVERITY``  the default severity (``policy.yaml`` ``lint.severity`` may change it);
``check``     ``check(repo, context) -> Iterable[Problem]`` for rules over loaded records.
              Codes raised while a file is read (``HB1xx``) or validated against its schema
              (``HB2xx``) have no ``check``: the loader reports them, and the module documents them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from hirebook.problem import Problem, Severity
from hirebook.records.model import Record


@dataclass(frozen=True)
class Context:
    """What rules may know besides the records: the day the check is made."""

    today: date


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Callable[..., Iterable[Problem]] | None

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            doc=(module.__doc__ or "").strip(),
            check=getattr(module, "check", None),
        )

    @property
    def summary(self) -> str:
        """The first line of the docstring, without the code."""
        first = self.doc.splitlines()[0] if self.doc else ""
        return first.split("—", 1)[-1].strip()


def problem(code: str, record: Record, path: tuple, message: str, key: bool = False) -> Problem:
    """A problem about ``record`` at the value (or with ``key=True`` the key) of ``path``.

    Its severity is a placeholder: the engine gives it the rule's (or the policy's) afterwards.
    """
    doc = record.doc
    if doc is None:
        return Problem("", 1, 1, code, Severity.ERROR, message, record.id)
    line, column = doc.key_where(*path) if key else doc.where(*path)
    return Problem(doc.rel, line, column, code, Severity.ERROR, message, record.id)
