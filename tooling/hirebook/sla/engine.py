"""Evaluate every SLA clock of a repository as of an instant.

Pure: a function of the repository and ``as_of``. It reads no clock, prints nothing and
never exits; the CLI, the reports and the handbook all call :func:`evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from hirebook.problem import first_of
from hirebook.records.repository import Repository, few_collections, unusable_calendar
from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.clock import STATE_ORDER, Finding, State, evaluate
from hirebook.sla.context import SlaContext
from hirebook.sla.registry import SLA_RULES

DEFAULT_WARN_WITHIN = 0.25


class PolicyError(ValueError):
    """The policy cannot drive the clocks (e.g. a date both holiday and make-up workday)."""


def calendar_of(repo: Repository) -> WorkCalendar:
    if repo.policy is None or repo.policy.doc is None:
        raise PolicyError(_policy_unread(repo))
    document = repo.policy.doc
    raw = document.data
    try:
        return WorkCalendar.from_policy(raw.get("calendar") or {}, raw.get("timezone", "UTC"))
    except (ValueError, TypeError) as err:
        problem = unusable_calendar(document)  # lint's HB207, at its line and column
        if problem is not None:
            raise PolicyError(_told(repo, f"{problem.location}: {problem.message}")) from None
        line, column = document.where("timezone")  # else the zone (lint's HB204)
        raise PolicyError(
            _told(repo, f"{document.rel}:{line}:{column}: the calendar cannot be used: {err}")
        ) from None


def _policy_unread(repo: Repository) -> str:
    """Why there is no policy to read the calendar from, with its first problem at its place."""
    rel = f"{repo.records_prefix}policy.yaml"
    refusal = f"{rel} is missing or invalid; run `hirebook lint`"
    problems = [p for p in repo.problems if p.file == rel]
    if not problems:
        return refusal
    return f"{refusal}: {_told(repo, first_of(problems))}"


def _told(repo: Repository, refusal: str) -> str:
    """A refusal that may quote the policy's text, as a terminal and a CI log may show it:
    inert, and with a candidate's data withheld as every output withholds it."""
    from hirebook.output.inert import inert
    from hirebook.privacy import Candidates, Redactor

    return inert(Redactor(Candidates.of(repo)).text(refusal))


@dataclass(frozen=True)
class Board:
    """Every finding as of one instant."""

    as_of: datetime
    findings: list[Finding] = field(default_factory=list)

    def count(self, state: State) -> int:
        return sum(1 for finding in self.findings if finding.state is state)


def finding_order(finding: Finding) -> tuple:
    """Overdue first, then by due instant; the record and rule make the order total."""
    clock = finding.clock
    return (STATE_ORDER[finding.state], clock.due, clock.subject, clock.record, clock.rule)


@few_collections()  # a clock per record or more, all of them kept
def evaluate_all(
    repo: Repository, as_of: datetime, rules: Iterable[str] | None = None, lines: bool = True
) -> Board:
    """All findings (every state), sorted: overdue first, then by due instant. ``lines``:
    look up each clock's line (see :class:`SlaContext`)."""
    calendar = calendar_of(repo)
    findings = findings_of(repo, as_of, rules, lines, calendar)
    findings.sort(key=finding_order)
    return Board(as_of=calendar.to_local(as_of), findings=findings)


def findings_of(
    repo: Repository,
    as_of: datetime,
    rules: Iterable[str] | None = None,
    lines: bool = True,
    calendar: WorkCalendar | None = None,
) -> list[Finding]:
    """All findings, rule by rule, unsorted: for a caller that sorts them with others (the
    pipeline merges the parts' findings and sorts them once). ``calendar``: the policy's, when
    the caller has made it already."""
    calendar = calendar or calendar_of(repo)
    context = SlaContext(repo=repo, calendar=calendar, as_of=as_of, lines=lines)
    warn_within = repo.policy.warn_within if repo.policy else DEFAULT_WARN_WITHIN
    wanted = set(rules) if rules is not None else None
    findings = []
    for rule in SLA_RULES:
        if wanted is not None and rule.id not in wanted:
            continue
        try:
            for clock in rule.clocks(context):
                if clock is not None:
                    findings.append(evaluate(clock, as_of, calendar, warn_within))
        except ValueError as err:  # a goal that does not parse: reported, not a traceback
            raise PolicyError(f"SLA rule {rule.id}: {err}") from None
    return findings
