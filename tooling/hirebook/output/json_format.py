"""``json``: stable, documented keys for programs.

Lint: ``{"files": N, "errors": N, "warnings": N, "problems": [{file, line, column, code,
severity, message, record}]}``.

SLA: ``{"as_of": ISO, "findings": [{rule, state, client, tier, record, line, subject, owner,
goal, started, due, stopped, remaining_seconds, message}]}`` (``stopped`` is a date for rules
whose stop is a date such as ``done_on``).

Report: ``{"as_of": ISO, "from": DATE, "to": DATE, "filters": {client, owner, tier},
<metric name>: {...}}`` — each metric's counts beside its rates, rates unrounded, ``null``
where a denominator is zero (``hirebook.reports``).

Strings hold the records' text exactly; the characters a terminal or the Actions runner would
act on are written as JSON escapes (:func:`~hirebook.output.inert.json_text`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from hirebook.output.base import Reporter
from hirebook.output.inert import json_text

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.sla.engine import Board


def dumps(value: object) -> str:
    return json_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False))


_COMPACT = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(item, ensure_ascii=False)`` without building an encoder per item."""


def compact(item: dict) -> str:
    """One item of a listing: compact JSON, as :func:`dumps_listing` writes it (record text
    made inert with JSON's own escapes, :func:`~hirebook.output.inert.json_text`)."""
    return json_text(_COMPACT(item))


def dumps_listing(head: dict, key: str, items: Iterable[dict]) -> str:
    """``head`` with ``key`` holding ``items``, one compact item per line.

    Readable in a diff or a log; ``indent`` would make Python fall back to its pure-Python
    encoder. ``items`` may be made one at a time: each is let go once it is written.
    """
    lines = [compact(item) for item in items]
    parts = ["{\n"]
    for name, value in head.items():
        parts.append(f"  {json.dumps(name)}: {json_text(json.dumps(value, ensure_ascii=False))},\n")
    parts.append(f"  {json.dumps(key)}: ")
    # Joined once: a large agency's listing is tens of megabytes, and every `+` copies it all.
    parts += ["[\n    ", ",\n    ".join(lines), "\n  ]"] if lines else ["[]"]
    parts.append("\n}")
    return "".join(parts)


class JsonReporter(Reporter):
    name = "json"
    description = "JSON with stable keys, for programs"

    def lint(self, result: LintResult) -> str:
        head = {
            "files": result.files,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
        }
        return dumps_listing(head, "problems", (problem.as_dict() for problem in result.problems))

    def sla(self, board: Board) -> str:
        return dumps_listing(
            {"as_of": board.as_of.isoformat()},
            "findings",
            (finding.as_dict() for finding in board.findings),
        )

    def report(self, result: dict) -> str:
        return dumps(result)
