"""The reference section's index: one line per reference page, each generated from the code
(Click, the JSON Schemas, the SLA and metric registries, the export declarations, the lint
rules), so that none of them can drift from what the tools do."""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page

ENTRIES = (
    (paths.REFERENCE_COMMANDS, "ref.commands.title", "ref.commands.intro"),
    (paths.REFERENCE_RECORDS, "ref.records.title", "ref.records.intro"),
    (paths.REFERENCE_SLA, "ref.sla.title", "ref.sla.intro"),
    (paths.REFERENCE_METRICS, "ref.metrics.title", "ref.metrics.intro"),
    (paths.REFERENCE_EXPORT, "ref.export.title", "ref.export.intro"),
    (paths.LINT_CODES, "lint.title", "lint.intro"),
)
"""(page, title label, one-line label) of every reference page, in reading order."""


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    rows = [
        [blocks.link(labels(title), paths.link(paths.REFERENCE, page)), labels(intro)]
        for page, title, intro in ENTRIES
    ]
    return blocks.page(
        {"title": labels("ref.title")},
        f"# {labels('ref.title')}",
        labels("ref.intro"),
        blocks.table([labels("ref.page"), labels("ref.description")], rows),
    )
