"""What a metric is: a module declaring its name, title and definition, and a ``compute``.

Each module under ``hirebook/reports/metrics/`` is one metric of ``hirebook report``. Its docstring
explains the choices behind it; its ``DESCRIPTION`` is the definition word for word as
implemented (the handbook's ``reference/metrics.md`` prints it). A metric module defines:

``NAME``         the name used by ``hirebook report NAME``, the JSON keys and the handbook;
``TITLE``        a short name for people;
``DESCRIPTION``  the definition, exactly as computed;
``compute``      ``compute(context) -> dict``: plain JSON-able data, counts beside rates,
                 ``None`` where a denominator is zero;
``headline``     ``headline(result) -> str``: one line for the Monday-morning summary;
``tables``       optional ``tables(result) -> list[Table]``: what the full view shows;
``KEYED_BY``     optional: the dimension the result's top-level keys are values of
                 (``channel`` for ``channels``), for the tidy CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from hirebook.reports.view import Table


def _no_tables(result: dict) -> list[Table]:
    return []


@dataclass(frozen=True)
class Metric:
    name: str
    title: str
    description: str
    doc: str
    compute: Callable[..., dict]
    headline: Callable[[dict], str]
    tables: Callable[[dict], list[Table]]
    keyed_by: str | None = None

    @classmethod
    def from_module(cls, module: ModuleType) -> Metric:
        return cls(
            name=module.NAME,
            title=module.TITLE,
            description=" ".join(module.DESCRIPTION.split()),
            doc=(module.__doc__ or "").strip(),
            compute=module.compute,
            headline=module.headline,
            tables=getattr(module, "tables", _no_tables),
            keyed_by=getattr(module, "KEYED_BY", None),
        )
