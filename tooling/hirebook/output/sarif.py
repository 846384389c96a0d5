"""``sarif``: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Messages are text that viewers show, so record text in them is made inert
(:func:`~hirebook.output.inert.inert`); ``properties`` hold the data as JSON does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from hirebook import __version__
from hirebook.lint.registry import RULES
from hirebook.output.base import Reporter
from hirebook.output.inert import inert
from hirebook.output.json_format import dumps
from hirebook.sla.clock import State
from hirebook.sla.registry import SLA_RULES

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.sla.engine import Board

_SLA_LEVEL = {State.OVERDUE: "error", State.AT_RISK: "warning"}

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning"}


def sarif_log(rules: list[dict], results: list[dict]) -> str:
    return dumps(
        {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "hirebook",
                            "version": __version__,
                            "informationUri": "https://github.com/hirebook/hirebook",
                            "rules": rules,
                        }
                    },
                    "results": results,
                }
            ],
        }
    )


def location(file: str, line: int, column: int | None = None) -> dict:
    region = {"startLine": line}
    if column:
        region["startColumn"] = column
    return {"physicalLocation": {"artifactLocation": {"uri": uri(file)}, "region": region}}


def uri(file: str) -> str:
    """A record's path as the relative URI reference SARIF asks for: every byte but letters,
    digits, ``-._~`` and ``/`` percent-encoded (UTF-8; a name's bytes that are not UTF-8 as
    they are). Raw, ``#`` or ``?`` in a file name cut the path short (``a#b.yaml`` located
    ``a``), and ``%0A`` was read back as a line break."""
    return quote(file, safe="/", errors="surrogateescape")


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 (code scanning)"

    def lint(self, result: LintResult) -> str:
        rules = [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc},
                "defaultConfiguration": {"level": _LEVEL[str(rule.severity)]},
            }
            for rule in RULES
        ]
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        results = [
            {
                "ruleId": problem.code,
                "ruleIndex": index.get(problem.code, 0),
                "level": _LEVEL[str(problem.severity)],
                "message": {"text": inert(problem.message)},
                "locations": [location(problem.file, problem.line, problem.column)],
            }
            for problem in result.problems
        ]
        return sarif_log(rules, results)

    def sla(self, board: Board) -> str:
        rules = [
            {
                "id": rule.id,
                "name": rule.title,
                "shortDescription": {
                    "text": f"{rule.title}: starts at {rule.starts}, stops at "
                    f"{rule.stops}; goal {rule.goal_text()}"
                },
                "fullDescription": {"text": rule.doc},
            }
            for rule in SLA_RULES
        ]
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        results = [
            {
                "ruleId": finding.clock.rule,
                "ruleIndex": index[finding.clock.rule],
                "level": _SLA_LEVEL.get(finding.state, "note"),
                "message": {"text": inert(finding.message)},
                "locations": [location(finding.clock.record, finding.clock.line)],
                "properties": finding.as_dict(),
            }
            for finding in board.findings
            if finding.state.is_open
        ]
        return sarif_log(rules, results)
