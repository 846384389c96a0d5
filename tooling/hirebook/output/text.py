"""``text``: for people at a terminal — grouped by file, aligned, coloured only on a terminal."""

from __future__ import annotations

from itertools import groupby

import click

from hirebook.lint.engine import LintResult
from hirebook.output.base import Reporter
from hirebook.problem import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


class TextReporter(Reporter):
    name = "text"
    description = "readable text grouped by file (the default)"

    def _style(self, text: str, **style) -> str:
        return click.style(text, **style) if self.options.color else text

    def lint(self, result: LintResult) -> str:
        lines: list[str] = []
        for file, problems in groupby(result.problems, key=lambda p: p.file):
            lines.append(self._style(file, bold=True, underline=True))
            for problem in problems:
                severity = self._style(f"{problem.severity!s:<7}", fg=_COLOURS[problem.severity])
                position = f"{problem.line}:{problem.column}"
                lines.append(f"  {position:<8} {severity} {problem.code}  {problem.message}")
            lines.append("")
        lines.append(self._summary(result))
        return "\n".join(lines)

    def _summary(self, result: LintResult) -> str:
        errors, warnings = len(result.errors), len(result.warnings)
        checked = f"{result.files} file{'s' if result.files != 1 else ''} checked"
        if not result.problems:
            return self._style(f"✓ no problems ({checked})", fg="green")
        files = len({p.file for p in result.problems})
        text = (
            f"✗ {_plural(errors, 'error')}, {_plural(warnings, 'warning')} in "
            f"{_plural(files, 'file')} ({checked})"
        )
        return self._style(text, fg="red" if errors else "yellow", bold=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
