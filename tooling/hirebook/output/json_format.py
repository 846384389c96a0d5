"""``json``: stable, documented keys for programs.

Lint: ``{"files": N, "errors": N, "warnings": N, "problems": [{file, line, column, code,
severity, message, record}]}``.
"""

from __future__ import annotations

import json

from hirebook.lint.engine import LintResult
from hirebook.output.base import Reporter


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
