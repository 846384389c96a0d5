"""``text``: for people at a terminal — problems grouped by file, clocks by owner, aligned,
coloured only on a terminal."""

from __future__ import annotations

import textwrap
from itertools import groupby
from typing import TYPE_CHECKING

import click

from hirebook.output.base import Reporter, plural
from hirebook.output.inert import inert
from hirebook.problem import Severity
from hirebook.sla.clock import State

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.sla.engine import Board

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}
_STATE_COLOURS = {
    State.OVERDUE: "red",
    State.AT_RISK: "yellow",
    State.ON_TRACK: "green",
    State.BREACHED: "magenta",
    State.MET: "blue",
}
NO_OWNER = "(no owner: data protection)"


class TextReporter(Reporter):
    name = "text"
    description = "readable text: problems grouped by file, clocks by owner (the default)"

    def _style(self, text: str, **style) -> str:
        return click.style(text, **style) if self.options.color else text

    def lint(self, result: LintResult) -> str:
        lines: list[str] = []
        for file, problems in groupby(result.problems, key=lambda p: p.file):
            lines.append(self._style(inert(file), bold=True, underline=True))
            for problem in problems:
                severity = self._style(f"{problem.severity!s:<7}", fg=_COLOURS[problem.severity])
                position = f"{problem.line}:{problem.column}"
                message = inert(problem.message)
                lines.append(f"  {position:<8} {severity} {problem.code}  {message}")
            lines.append("")
        lines.append(self._summary(result))
        return "\n".join(lines)

    def sla(self, board: Board) -> str:
        """Grouped by owner, overdue first; each line says how late or how much time is left."""
        lines = [self._style(f"SLA board as of {board.as_of:%Y-%m-%d %H:%M %Z}", bold=True), ""]
        by_owner: dict[str, list] = {}  # each owner's findings in the board's order
        for finding in board.findings:
            by_owner.setdefault(finding.clock.owner or NO_OWNER, []).append(finding)
        for owner in sorted(by_owner, key=lambda o: (o == NO_OWNER, o)):
            findings = by_owner[owner]
            lines.append(self._style(inert(owner), bold=True, underline=True))
            for finding in findings:
                state = self._style(f"{finding.state!s:<9}", fg=_STATE_COLOURS[finding.state])
                clock = finding.clock
                lines.append(f"  {state} {clock.rule:<25} {inert(finding.message)}")
                lines.append(
                    f"  {'':9} {'':25} due {clock.due:%Y-%m-%d %H:%M} · "
                    f"{inert(clock.record)}:{clock.line}"
                )
            lines.append("")
        counts = ", ".join(f"{board.count(state)} {state}" for state in State if board.count(state))
        lines.append(
            f"{plural(len(board.findings), 'clock')}: {counts}"
            if board.findings
            else "No clocks to show."
        )
        return "\n".join(lines)

    def report(self, result: dict) -> str:
        """Several metrics: a line each, then the tables a lead acts on. One metric: in full."""
        from hirebook.reports.display import pad, scope, text_table, width
        from hirebook.reports.engine import metrics_in

        metrics = list(metrics_in(result))
        if len(metrics) == 1:
            return self._metric_in_full(result, *metrics[0])
        lines = [self._style(inert(f"Reports {scope(result)}"), bold=True), ""]
        size = max((width(metric.title) for metric, _ in metrics), default=0)
        for metric, data in metrics:
            lines.append(f"  {pad(metric.title, size)}  {inert(metric.headline(data))}")
        for metric, data in metrics:
            for table in metric.tables(data):
                if table.in_summary:
                    title = inert(f"{metric.title} — {table.title.lower()}")
                    lines += ["", self._style(title, bold=True), *text_table(table)]
        lines += ["", "Run `hirebook report NAME` for a metric in full, its definition included."]
        return "\n".join(lines)

    def _metric_in_full(self, result: dict, metric, data: dict) -> str:
        from hirebook.reports.display import scope, text_table

        lines = [
            self._style(f"{metric.title} ({metric.name})", bold=True),
            inert(scope(result)),
            "",
            *textwrap.wrap(metric.description, 96),
            "",
            inert(metric.headline(data)),
        ]
        for table in metric.tables(data):
            lines += ["", self._style(inert(table.title), bold=True), *text_table(table)]
        return "\n".join(lines)

    def _summary(self, result: LintResult) -> str:
        errors, warnings = len(result.errors), len(result.warnings)
        checked = f"{result.files} file{'s' if result.files != 1 else ''} checked"
        if not result.problems:
            return self._style(f"✓ no problems ({checked})", fg="green")
        files = len({p.file for p in result.problems})
        text = (
            f"✗ {plural(errors, 'error')}, {plural(warnings, 'warning')} in "
            f"{plural(files, 'file')} ({checked})"
        )
        return self._style(text, fg="red" if errors else "yellow", bold=True)
