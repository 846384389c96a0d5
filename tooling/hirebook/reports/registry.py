"""The one place where metrics are registered, in the order of the reports and
the handbook's ``reference/metrics.md``.

Adding a metric: its module under ``hirebook/reports/metrics/`` (:mod:`hirebook.reports.metric`
says what it declares), its name here, its title in the Chinese catalogues, and a test.
"""

from __future__ import annotations

import importlib

from hirebook.reports.metric import Metric

METRIC_MODULES = (
    "time_to_fill",
    "time_to_first_submission",
    "client_feedback_time",
    "funnel",
    "channels",
    "offer_acceptance",
    "fill_rate",
    "retention_90",
    "sla_compliance",
    "satisfaction",
    "workload",
)

METRICS: tuple[Metric, ...] = tuple(
    Metric.from_module(importlib.import_module(f"hirebook.reports.metrics.{name}"))
    for name in METRIC_MODULES
)
METRICS_BY_NAME: dict[str, Metric] = {metric.name: metric for metric in METRICS}
