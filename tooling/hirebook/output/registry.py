"""The output formats by name. Adding a format: a module with a Reporter subclass, listed here."""

from __future__ import annotations

from hirebook.output.base import Reporter
from hirebook.output.csv_format import CsvReporter
from hirebook.output.github import GithubReporter
from hirebook.output.json_format import JsonReporter
from hirebook.output.markdown import MarkdownReporter
from hirebook.output.sarif import SarifReporter
from hirebook.output.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    reporter.name: reporter
    for reporter in (
        TextReporter,
        JsonReporter,
        GithubReporter,
        MarkdownReporter,
        SarifReporter,
        CsvReporter,
    )
}


def formats_for(subject: str) -> list[str]:
    """The format names that can show ``subject`` (``lint``, ``sla``, ``report``)."""
    return [name for name, reporter in REPORTERS.items() if reporter.supports(subject)]
