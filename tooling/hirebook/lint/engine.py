"""Run every lint rule over a loaded repository and settle severities and silenced codes.

Pure: a function of the repository and the day; it prints nothing and never exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hirebook.lint.registry import RULES, RULES_BY_CODE
from hirebook.lint.rule import Context
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository, few_collections

OFF = "off"


@dataclass(frozen=True)
class LintResult:
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def lint(repo: Repository, today: date, only: Iterable[str] | None = None) -> LintResult:
    """Every problem of ``repo``; with ``only`` (relative paths), just those files' problems."""
    return settle(repo, find(repo, today), only)


@few_collections()  # the rules' indexes and findings live on, like the records
def find(repo: Repository, today: date) -> list[Problem]:
    """What loading and every rule found, as written: no severities settled, nothing silenced."""
    context = Context(today=today)
    found: list[Problem] = list(repo.problems)
    for rule in RULES:
        if rule.check is not None:
            found.extend(rule.check(repo, context))
    return found


def settle(
    repo: Repository, found: Iterable[Problem], only: Iterable[str] | None = None
) -> LintResult:
    """:func:`find`'s problems with the policy's severities and the ignore comments applied."""
    overrides = repo.policy.lint.severity if repo.policy else {}
    selected = set(only) if only is not None else None
    problems = []
    for item in found:
        if selected is not None and item.file not in selected:
            continue
        settled = _settle(item, overrides)
        if settled is not None and not _silenced(repo, settled):
            problems.append(settled)
    problems.sort(key=lambda p: (p.file, p.line, p.column, p.code))
    files = len(selected) if selected is not None else _file_count(repo)
    return LintResult(problems=problems, files=files)


def as_written(found: Iterable[Problem], codes: Iterable[str]) -> list[Problem]:
    """The problems of ``codes`` among :func:`find`'s, sorted, whatever the policy's severities
    and ignore comments say (the handbook never publishes personal data, even when lint is told
    to)."""
    wanted = set(codes)
    return sorted(problem for problem in found if problem.code in wanted)


def always_errors(code: str) -> bool:
    """Whether ``code`` stays an error whatever the policy and ignore comments say: a file
    that cannot be read (HB1xx) or is not valid (HB2xx) is left out of the model, and two
    records with one id (HB301, HB302) cannot both be in it — every output would silently
    lose or confuse a record."""
    return code[:3] in ("HB1", "HB2") or code in ("HB301", "HB302")


def _settle(item: Problem, overrides: dict[str, str]) -> Problem | None:
    """Apply the registry's default severity, then the policy's override ("off" drops it)."""
    wanted = None if always_errors(item.code) else overrides.get(item.code)
    if wanted == OFF:
        return None
    if wanted is not None:
        return item.with_severity(Severity(wanted))
    rule = RULES_BY_CODE.get(item.code)
    return item.with_severity(rule.severity) if rule else item


def _silenced(repo: Repository, item: Problem) -> bool:
    if always_errors(item.code):
        return False
    document = repo.documents.get(item.file)
    return document is not None and item.code in document.ignored


def _file_count(repo: Repository) -> int:
    counted = set(repo.documents) | {p.file for p in repo.problems}
    return len(counted)
