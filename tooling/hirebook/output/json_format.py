"""``json``: stable, documented keys for programs.

Lint: ``{"files": N, "errors": N, "warnings": N, "problems": [{file, line, column, code,
severity, message, record}]}``.

SLA: ``{"as_of": ISO, "findings": [{rule, state, client, tier, record, line, subject, owner,
goal, started, due, stopped, remaining_seconds, message}]}`` (``stopped`` is a date for rules
whose stop is a date such as ``done_on``).

Report: ``{"as_of": ISO, "from": DATE, "to": DATE, "filters": {client, owner, tier},
<metric name>: {...}}`` — each metric's counts beside its rates, rates unrounded, ``null``
where a denominator is zero (``hirebook.reports``).
"""

from __future__ import annotations

import json

from hirebook.lint.engine import LintResult
from hirebook.output.base import Reporter
from hirebook.sla.engine import Board


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False)


class JsonReporter(Reporter):
    name = "json"
    description = "JSON with stable keys, for programs"

    def lint(self, result: LintResult) -> str:
        return dumps(
            {
                "files": result.files,
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "problems": [problem.as_dict() for problem in result.problems],
            }
        )

    def sla(self, board: Board) -> str:
        return dumps(
            {
                "as_of": board.as_of.isoformat(),
                "findings": [finding.as_dict() for finding in board.findings],
            }
        )

    def report(self, result: dict) -> str:
        return dumps(result)
