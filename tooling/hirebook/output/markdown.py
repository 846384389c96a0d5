"""``markdown``: a digest for a CI job summary, a pull-request comment or an issue body."""

from __future__ import annotations

from hirebook.lint.engine import LintResult
from hirebook.output.base import Reporter


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, no line breaks, no raw HTML."""
    value = str(text).replace("\\", "\\\\").replace("|", "\\|")
    value = value.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(value.split())


class MarkdownReporter(Reporter):
    name = "markdown"
    description = "a Markdown digest (job summary, issue body)"

    def lint(self, result: LintResult) -> str:
        errors, warnings = len(result.errors), len(result.warnings)
        lines = [f"## hirebook lint: {errors} errors, {warnings} warnings", ""]
        if not result.problems:
            lines.append(f"No problems in {result.files} files. ✅")
            return "\n".join(lines)
        lines += ["| file | line | code | severity | message |", "|---|---:|---|---|---|"]
        for problem in result.problems:
            lines.append(
                f"| `{cell(problem.file)}` | {problem.line} | {problem.code} | "
                f"{problem.severity} | {cell(problem.message)} |"
            )
        lines += ["", f"{result.files} files checked."]
        return "\n".join(lines)
