"""``github``: GitHub Actions workflow commands, which become annotations on pull requests.

``::error file=F,line=L,col=C,title=T::M`` — paths relative to the repository root, and the
property and message values escaped as the Actions runner requires (``%``, CR, LF, and in
properties also ``:`` and ``,``). Other control characters, bidirectional controls and
``##[`` in record text are made inert first (:func:`~hirebook.output.inert.inert`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirebook.lint.registry import RULES_BY_CODE
from hirebook.output.base import Reporter, plural
from hirebook.output.inert import inert
from hirebook.sla.clock import State

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.sla.engine import Board

_SLA_LEVEL = {
    State.OVERDUE: "error",
    State.AT_RISK: "warning",
    State.BREACHED: "notice",
    State.ON_TRACK: "notice",
    State.MET: "notice",
}


def escape_data(text: str) -> str:
    return inert(text, breaks=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, file: str, line: int, column: int | None, title: str, message: str) -> str:
    props = [f"file={escape_property(file)}", f"line={line}"]
    if column:
        props.append(f"col={column}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def _title(code: str) -> str:
    rule = RULES_BY_CODE.get(code)
    return f"{code} {rule.name}" if rule else code


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (workflow commands)"

    def lint(self, result: LintResult) -> str:
        lines = [
            command(
                str(problem.severity),
                self.options.root_prefix + problem.file,
                problem.line,
                problem.column,
                _title(problem.code),
                problem.message,
            )
            for problem in result.problems
        ]
        lines.append(
            f"hirebook lint: {plural(len(result.errors), 'error')}, "
            f"{plural(len(result.warnings), 'warning')} in {plural(result.files, 'file')}"
        )
        return "\n".join(lines)

    def sla(self, board: Board) -> str:
        """One annotation per open clock, on the line that should change."""
        lines = [
            command(
                _SLA_LEVEL[finding.state],
                self.options.root_prefix + finding.clock.record,
                finding.clock.line,
                None,
                f"SLA {finding.clock.rule} {finding.state}",
                f"{finding.message} (due {finding.clock.due:%Y-%m-%d %H:%M}, "
                f"owner {finding.clock.owner or 'none'})",
            )
            for finding in board.findings
            if finding.state.is_open
        ]
        lines.append(
            f"hirebook sla: {board.count(State.OVERDUE)} overdue, "
            f"{board.count(State.AT_RISK)} at risk as of {board.as_of.isoformat()}"
        )
        return "\n".join(lines)
