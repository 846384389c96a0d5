"""``markdown``: a digest for a CI job summary, a pull-request comment or an issue body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from hirebook.output.base import Reporter, plural
from hirebook.output.inert import inert
from hirebook.sla.clock import State

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.reports.view import Table
    from hirebook.sla.engine import Board


_MENTION = re.compile(r"(?<![\w`])@[\w/.-]*\w|(?<!`)#\w+")
"""An @-mention (`@octocat`, `@org/team`) or an issue reference (`#12`, `owner/repo#12`)."""


def cell(text: object, code: bool = False) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, no line breaks, no raw HTML,
    control characters visible (:func:`~hirebook.output.inert.inert`; white space first
    folded to one space). Outside a code span (``code``) an @-mention or issue reference is
    put in one: the digest is an issue body, where record text would notify whoever it names
    and link itself from another repository's issue; an image is a link, which GitHub does
    not fetch from another host."""
    value = inert(" ".join(str(text).split()))
    value = value.replace("\\", "\\\\").replace("|", "\\|")
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    if code or not ("@" in value or "#" in value or "![" in value):
        return value
    return _MENTION.sub(lambda match: f"`{match.group()}`", value).replace("![", "\\![")


def code(text: object) -> str:
    """``text`` as a code span in a table cell (:func:`cell`'s ``code``), fenced by one backtick
    more than its longest run of them: a file name with a backtick in it would close a
    one-backtick span early, and the rest of the name would be read as Markdown."""
    value = cell(text, code=True)
    fence = "`" * (max(map(len, _BACKTICKS.findall(value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""  # CommonMark strips one
    return f"{fence}{pad}{value}{pad}{fence}"


_BACKTICKS = re.compile("`+")


class MarkdownReporter(Reporter):
    name = "markdown"
    description = "a Markdown digest (job summary, issue body)"

    def lint(self, result: LintResult) -> str:
        errors, warnings = len(result.errors), len(result.warnings)
        lines = [f"## hirebook lint: {plural(errors, 'error')}, {plural(warnings, 'warning')}", ""]
        if not result.problems:
            lines.append(f"No problems in {plural(result.files, 'file')}. ✅")
            return "\n".join(lines)
        lines += ["| file | line | code | severity | message |", "|---|---:|---|---|---|"]
        for problem in result.problems:
            lines.append(
                f"| {code(problem.file)} | {problem.line} | {problem.code} | "
                f"{problem.severity} | {cell(problem.message)} |"
            )
        lines += ["", f"{plural(result.files, 'file')} checked."]
        return "\n".join(lines)

    def sla(self, board: Board) -> str:
        """A digest for a job summary or an issue body: per owner, overdue first."""
        overdue, at_risk = board.count(State.OVERDUE), board.count(State.AT_RISK)
        lines = [
            f"## SLA board: {overdue} overdue, {at_risk} at risk",
            "",
            f"As of {board.as_of:%Y-%m-%d %H:%M %Z}.",
            "",
        ]
        if not board.findings:
            lines.append("No clocks to show. ✅")
            return "\n".join(lines)
        owners = sorted({f.clock.owner or "" for f in board.findings}, key=lambda o: (o == "", o))
        for owner in owners:
            lines += [
                f"### {cell(owner) if owner else 'No owner (data protection)'}",
                "",
                "| state | rule | what | due | record |",
                "|---|---|---|---|---|",
            ]
            for finding in board.findings:
                if (finding.clock.owner or "") != owner:
                    continue
                clock = finding.clock
                lines.append(
                    f"| {finding.state} | {clock.rule} | {cell(finding.message)} | "
                    f"{clock.due:%Y-%m-%d %H:%M} | {code(f'{clock.record}:{clock.line}')} |"
                )
            lines.append("")
        return "\n".join(lines)

    def report(self, result: dict) -> str:
        """Several metrics: a headline table and the summary tables. One metric: in full."""
        from hirebook.reports.display import scope
        from hirebook.reports.engine import metrics_in

        metrics = list(metrics_in(result))
        if len(metrics) == 1:
            metric, data = metrics[0]
            lines = [f"## {cell(metric.title)} (`{metric.name}`)", "", f"{scope(result)}.", ""]
            lines += [cell(metric.description), "", f"**{cell(metric.headline(data))}**"]
            for table in metric.tables(data):
                lines += ["", f"### {cell(table.title)}", "", *self._table(table)]
            return "\n".join(lines)
        lines = ["## Reports", "", f"{scope(result)}.", ""]
        lines += ["| metric | result |", "|---|---|"]
        lines += [f"| {cell(m.title)} | {cell(m.headline(data))} |" for m, data in metrics]
        for metric, data in metrics:
            for table in metric.tables(data):
                if table.in_summary:
                    title = f"{metric.title} — {table.title.lower()}"
                    lines += ["", f"### {cell(title)}", "", *self._table(table)]
        return "\n".join(lines)

    def _table(self, table: Table) -> list[str]:
        from hirebook.reports.display import cell_text, is_numeric

        if not table.rows:
            return ["None."]
        numeric = [any(is_numeric(row[i]) for row in table.rows) for i in range(len(table.columns))]
        return [
            "| " + " | ".join(cell(column) for column in table.columns) + " |",
            "|" + "|".join("---:" if right else "---" for right in numeric) + "|",
            *("| " + " | ".join(cell(cell_text(c)) for c in row) + " |" for row in table.rows),
        ]
