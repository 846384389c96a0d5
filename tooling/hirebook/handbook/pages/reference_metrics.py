"""The metric reference, from the metric modules: every registered metric's name, its
definition word for word as implemented (``DESCRIPTION``) and the reasoning behind it (the
module's docstring), with a link to this year's numbers on the reports page.

A new metric is on the page, and on the reports page, the moment it is registered
(:mod:`hirebook.reports.registry`); ``tests/test_reference.py`` fails when one has no
definition.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, doctext, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.reports.metric import Metric
from hirebook.reports.registry import METRICS


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE_METRICS, Page(render(ctx))


def explanation(metric: Metric) -> str:
    """The docstring after its first line (which repeats the name and says it in brief)."""
    return metric.doc.partition("\n")[2].strip()


def summary(metric: Metric) -> str:
    text = metric.doc.partition("\n")[0].removeprefix(f"{metric.name} — ").strip()
    return text[:1].upper() + text[1:]


def render(ctx: Context) -> str:
    labels = ctx.labels
    rows = [
        [
            blocks.link(escape.text(labels.value("metric", metric.name)), f"#{metric.name}"),
            doctext.code(metric.name),
            doctext.inline(summary(metric)),
        ]
        for metric in METRICS
    ]
    return blocks.page(
        {"title": labels("ref.metrics.title")},
        f"# {labels('ref.metrics.title')}",
        labels("ref.metrics.intro"),
        blocks.table([labels("ref.metric"), labels("name"), labels("what")], rows),
        *(_metric(ctx, metric) for metric in METRICS),
    )


def _metric(ctx: Context, metric: Metric) -> str:
    labels = ctx.labels
    details = blocks.definitions(
        [
            (labels("name"), doctext.code(metric.name)),
            (labels("ref.command"), doctext.code(f"hirebook report {metric.name}")),
            (labels("reports.definition"), doctext.inline(metric.description)),
            (
                labels("reports.title"),
                blocks.link(
                    labels("ref.metrics.this_year"),
                    paths.link(paths.REFERENCE_METRICS, paths.REPORTS, metric.name),
                ),
            ),
        ]
    )
    return blocks.section(
        f"{escape.text(labels.value('metric', metric.name))} {{#{metric.name}}}",
        doctext.inline(summary(metric)),
        details,
        doctext.prose(explanation(metric)),
    )
