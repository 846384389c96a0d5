"""Compute the report: every metric (or the ones asked for) over one context.

Pure, like the SLA engine: a function of the repository, the board evaluated once by the
caller, the period, ``as_of`` and the filters. The result is plain JSON-able data keyed by
metric name, with ``as_of``, ``from``, ``to`` and ``filters`` beside the metrics — the shape of
``hirebook report --format json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from hirebook.records.repository import Repository
from hirebook.reports.context import Filters, ReportContext
from hirebook.reports.metric import Metric
from hirebook.reports.period import Period
from hirebook.reports.registry import METRICS, METRICS_BY_NAME
from hirebook.sla.engine import Board

META_KEYS = ("as_of", "from", "to", "filters")

REPORTED_KINDS = ("policy", "person", "client", "requirement", "plan", "application", "feedback")
"""The record kinds the metrics read: never candidates (personal data), touchpoints or cases.
A parallel ``hirebook report`` types only these (a test compares it with one process)."""


def compute_report(
    repo: Repository,
    board: Board,
    period: Period,
    as_of: datetime,
    filters: Filters | None = None,
    names: Iterable[str] | None = None,
) -> dict:
    """``{"as_of", "from", "to", "filters", <metric name>: <its result>, ...}``.

    ``names`` limits the metrics (in registry order); unknown names raise ``KeyError``.
    """
    context = ReportContext(repo, board, period, as_of, filters or Filters())
    wanted = {METRICS_BY_NAME[name].name for name in names} if names is not None else None
    result: dict = {
        "as_of": as_of.astimezone(repo.zone).isoformat(),
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "filters": context.filters.as_dict(),
    }
    for metric in METRICS:
        if wanted is None or metric.name in wanted:
            result[metric.name] = metric.compute(context)
    return result


def metrics_in(result: dict) -> Iterator[tuple[Metric, dict]]:
    """The metrics a report result holds, in registry order, with their data."""
    for metric in METRICS:
        if metric.name in result:
            yield metric, result[metric.name]
