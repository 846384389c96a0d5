"""What an event did to the SLA clocks: the board before and after it, compared.

Both boards come from the SLA engine (:func:`hirebook.sla.engine.evaluate_all`) as of the same
instant, so a clock's state and message are the very ones ``hirebook sla`` shows. A clock is
the same clock before and after when its rule and subject are (``app-2026-0101#interview-2``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from hirebook.sla.clock import Finding
from hirebook.sla.engine import Board


@dataclass(frozen=True)
class ClockChange:
    """The clocks the event stopped, started and ended (no longer timed at all)."""

    as_of: datetime
    """The instant of both boards, in the policy's timezone (as ``hirebook sla`` shows it)."""
    stopped: list[Finding] = field(default_factory=list)
    """Open before, met or breached after."""
    started: list[Finding] = field(default_factory=list)
    """Not on the board before, on it after."""
    ended: list[Finding] = field(default_factory=list)
    """On the board before, gone after (a withdrawal ends the clocks of its application),
    as they stood before the event."""

    def __bool__(self) -> bool:
        return bool(self.stopped or self.started or self.ended)


def difference(before: Board, after: Board) -> ClockChange:
    """The clocks that changed between two boards of one instant, in board order."""
    old = {_key(finding): finding for finding in before.findings}
    new = {_key(finding): finding for finding in after.findings}
    stopped = [
        finding
        for key, finding in new.items()
        if key in old and old[key].state.is_open and not finding.state.is_open
    ]
    started = [finding for key, finding in new.items() if key not in old]
    ended = [finding for key, finding in old.items() if key not in new]
    return ClockChange(after.as_of, stopped, started, ended)


def _key(finding: Finding) -> tuple[str, str]:
    return finding.clock.rule, finding.clock.subject
