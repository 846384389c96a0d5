"""A report result as one tidy table: one row per number, for spreadsheets and data frames.

Columns ``metric, group, key, label, measure, value``:

- ``group`` is the breakdown (``rule``, ``tier``, ``client``, ``owner``, ``channel``,
  ``person``) and ``key`` the value within it; both are empty for a metric's overall numbers;
- ``label`` is the client's or person's name where the key is an id, else empty;
- ``measure`` is the JSON key, nested keys joined by dots (``step_rates.accepted``,
  ``clients.strategic``);
- ``value`` is the number exactly as in the JSON, empty for ``null``.

Every number of the JSON output appears exactly once, so a pivot table rebuilds any view.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hirebook.reports.engine import metrics_in
from hirebook.reports.metric import Metric

COLUMNS = ("metric", "group", "key", "label", "measure", "value")


@dataclass(frozen=True)
class TidyRow:
    metric: str
    group: str
    key: str
    label: str
    measure: str
    value: object

    def as_tuple(self) -> tuple:
        return (self.metric, self.group, self.key, self.label, self.measure, self.value)


def tidy_rows(result: dict) -> Iterator[TidyRow]:
    for metric, data in metrics_in(result):
        yield from _metric_rows(metric, data)


def _metric_rows(metric: Metric, data: dict) -> Iterator[TidyRow]:
    if metric.keyed_by:
        for key, entry in data.items():
            yield from _entry_rows(metric.name, metric.keyed_by, key, entry)
        return
    for name, value in data.items():
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            group = name.removeprefix("by_")
            for key, entry in value.items():
                yield from _entry_rows(metric.name, group, key, entry)
        else:
            for measure, leaf in _leaves(name, value):
                yield TidyRow(metric.name, "", "", "", measure, leaf)


def _entry_rows(metric: str, group: str, key: str, entry: dict) -> Iterator[TidyRow]:
    label = entry.get("name", "")
    for name, value in entry.items():
        if name == "name":
            continue
        for measure, leaf in _leaves(name, value):
            yield TidyRow(metric, group, key, label, measure, leaf)


def _leaves(name: str, value: object) -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(f"{name}.{key}", inner)
    else:
        yield name, value
