"""What a reporter is: it turns results into the text of one output format.

A reporter implements one method per kind of result it can show — ``lint`` for lint problems,
``sla`` for SLA findings, ``report`` for metrics. A format that lacks a method is simply not
offered for that command (``--format`` choices are derived from the methods).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputOptions:
    """How the output is shown, independent of the format."""

    color: bool = False
    """ANSI colours (only on a terminal, and never with ``NO_COLOR`` set)."""
    root_prefix: str = ""
    """Prefix for paths in GitHub annotations when the project is below the repository root."""


class Reporter:
    """Base class: a named output format."""

    name: str = ""
    description: str = ""

    def __init__(self, options: OutputOptions | None = None) -> None:
        self.options = options or OutputOptions()

    @classmethod
    def supports(cls, subject: str) -> bool:
        return callable(getattr(cls, subject, None))


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``: the count with its word, as every format's summary says it."""
    return f"{count} {word}{'' if count == 1 else 's'}"
