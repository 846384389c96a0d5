"""What every metric works with: the records, the evaluated clocks, the period and the filters.

The context answers the questions every metric asks alike — which clients count, whether an
event falls in the period, which day an instant is in the policy's timezone — so that each
metric module stays a short function of its definition.

An event counts when its day is in the period *and* it had happened by ``as_of``: a report as
of an instant knows nothing later, exactly like the SLA board.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from hirebook.records.model import Client, Record
from hirebook.records.repository import Repository
from hirebook.reports.period import Period
from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.clock import Finding
from hirebook.sla.engine import Board, calendar_of

NO_GROUP = "(none)"
"""The group key for clocks without a client, tier or owner (e.g. ``data-retention``)."""


@dataclass(frozen=True)
class Filters:
    """``--client``, ``--owner`` and ``--tier``: which clients' records count.

    ``owner`` is the client's account manager; clocks are also filtered by their own owner.
    """

    clients: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.clients or self.owners or self.tiers)

    def admits(self, client: Client) -> bool:
        return (
            (not self.clients or client.id in self.clients)
            and (not self.owners or client.account_manager in self.owners)
            and (not self.tiers or client.tier in self.tiers)
        )

    def as_dict(self) -> dict:
        return {"client": list(self.clients), "owner": list(self.owners), "tier": list(self.tiers)}


@dataclass
class ReportContext:
    repo: Repository
    board: Board
    period: Period
    as_of: datetime
    filters: Filters = field(default_factory=Filters)

    # --- time ---------------------------------------------------------------------------

    def day(self, instant: datetime) -> date:
        """The calendar day of an instant in the policy's timezone."""
        return instant.astimezone(self.repo.zone).date()

    @cached_property
    def today(self) -> date:
        return self.day(self.as_of)

    def happened(self, event: date | datetime | None) -> bool:
        """Whether an event (a day or an instant) had happened by ``as_of``."""
        if event is None:
            return False
        if isinstance(event, datetime):
            return event <= self.as_of
        return event <= self.today

    def counts(self, event: date | datetime | None) -> bool:
        """Whether an event had happened by ``as_of`` on a day within the period."""
        if event is None:
            return False
        if isinstance(event, datetime):
            # Compared as instants: a metric asks this of every clock, for every month.
            start, end = self._window
            return start <= event < end and event <= self.as_of
        return event <= self.today and self.period.contains(event)

    @cached_property
    def _window(self) -> tuple[datetime, datetime]:
        """The period as instants: from the first day's local midnight (in the policy's
        timezone) to the local midnight after the last day. An instant falls inside exactly
        when its local calendar day lies in the period."""
        zone = self.repo.zone
        start = datetime.combine(self.period.start, time(), zone)
        end = datetime.combine(self.period.end + timedelta(days=1), time(), zone)
        return start, end

    @cached_property
    def calendar(self) -> WorkCalendar:
        """The policy's work calendar, for metrics in business hours."""
        return calendar_of(self.repo)

    # --- records --------------------------------------------------------------------------

    @cached_property
    def clients(self) -> list[Client]:
        """The clients whose records count, in id order (every status: history counts)."""
        return [c for _, c in sorted(self.repo.clients.items()) if self.filters.admits(c)]

    @cached_property
    def client_ids(self) -> frozenset[str]:
        return frozenset(client.id for client in self.clients)

    def records(self, kind: str) -> Iterator[Record]:
        """Every record of ``kind`` of the clients that count (by the repository's index)."""
        for client in self.clients:
            yield from self.repo.of_client(client.id, kind)

    # --- clocks ---------------------------------------------------------------------------

    @cached_property
    def findings(self) -> list[Finding]:
        """The board's findings of the clients that count (and, with ``--owner``, owners)."""
        if not self.filters.active:
            return list(self.board.findings)
        owners = self.filters.owners
        return [
            finding
            for finding in self.board.findings
            if finding.clock.client in self.client_ids
            and (not owners or finding.clock.owner in owners)
        ]

    # --- labels ---------------------------------------------------------------------------

    def client_name(self, client_id: str) -> str:
        client = self.repo.clients.get(client_id)
        return client.label if client else ""

    def person_name(self, person_id: str) -> str:
        person = self.repo.people.get(person_id)
        return person.name if person else ""
