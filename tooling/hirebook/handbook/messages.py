"""A clock's message in the handbook's language: what is timed, its state, and by how much.

The SLA engine words each finding in English for the command line (``Finding.message``); the
handbook says the same in every language from the catalogues, so the Message column of a
Chinese page is there as it is on the English one: "客戶反饋履歷（app-2026-0101）已逾期 111 天".
The amount is counted as the engine counts it (:func:`hirebook.sla.clock.span_parts`).
"""

from __future__ import annotations

from hirebook.handbook.labels import Labels
from hirebook.sla.clock import Finding, span_parts


def clock_message(labels: Labels, finding: Finding, day_length) -> str:
    """The message of ``finding`` (plain text: escape it for a page). ``day_length`` is the
    policy calendar's working day, the unit of business time."""
    clock = finding.clock
    amount = " ".join(
        _unit(labels, count, unit)
        for count, unit in span_parts(abs(finding.remaining), clock.business, day_length)
    )
    return labels(
        f"sla.msg.{finding.state}",
        rule=labels.value("rule", clock.rule),
        subject=clock.subject,
        amount=amount,
    )


def _unit(labels: Labels, count: int, unit: str) -> str:
    if unit == "wh":
        return labels("sla.working_hours1") if count == 1 else labels("sla.working_hours", n=count)
    return labels(f"duration.{unit}{'1' if count == 1 else ''}", n=count)
