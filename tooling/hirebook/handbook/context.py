"""What every page builder reads: the records, the clocks, the words, computed once.

Generation must stay linear in the number of records, so anything more than one page needs
(open clocks per client and per owner, clients per manager, people's names) is indexed here
once, on first use, and page builders only look things up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.labels import Labels
from hirebook.handbook.reporting import ReportData
from hirebook.handbook.sources import Sources
from hirebook.problem import Problem
from hirebook.records.model import Client
from hirebook.records.repository import Repository
from hirebook.sla.clock import Finding
from hirebook.sla.engine import Board, calendar_of

OPEN_REQUIREMENT = ("draft", "confirmed", "on_hold")


@dataclass
class Context:
    repo: Repository
    as_of: datetime
    """The instant the site describes, in the policy's timezone."""
    labels: Labels
    board: Board
    problems: list[Problem] = field(default_factory=list)
    sources: Sources = field(default_factory=Sources)
    report: ReportData | None = None
    """The reports engine's numbers (year to date and monthly trends)."""

    @property
    def language(self) -> str:
        return self.labels.language

    @cached_property
    def day_length(self) -> timedelta:
        """The policy calendar's working day: the unit of business time in clock messages."""
        return calendar_of(self.repo).day_length

    # --- indexes ------------------------------------------------------------------------------

    @cached_property
    def open_findings(self) -> list[Finding]:
        """Clocks someone must still stop, in board order (overdue first)."""
        return [finding for finding in self.board.findings if finding.state.is_open]

    @cached_property
    def open_by_client(self) -> dict[str | None, list[Finding]]:
        index: dict[str | None, list[Finding]] = defaultdict(list)
        for finding in self.open_findings:
            index[finding.clock.client].append(finding)
        return index

    @cached_property
    def open_by_owner(self) -> dict[str | None, list[Finding]]:
        index: dict[str | None, list[Finding]] = defaultdict(list)
        for finding in self.open_findings:
            index[finding.clock.owner].append(finding)
        return index

    @cached_property
    def clients_by_manager(self) -> dict[str, list[Client]]:
        index: dict[str, list[Client]] = defaultdict(list)
        for client in self.sorted_clients:
            if client.account_manager:
                index[client.account_manager].append(client)
        return index

    @cached_property
    def clients_by_backup(self) -> dict[str, list[Client]]:
        index: dict[str, list[Client]] = defaultdict(list)
        for client in self.sorted_clients:
            if client.backup_manager:
                index[client.backup_manager].append(client)
        return index

    @cached_property
    def sorted_clients(self) -> list[Client]:
        return sorted(self.repo.clients.values(), key=lambda c: (c.name.casefold(), c.id))

    @cached_property
    def tiers(self) -> list[str]:
        """Tier names in the policy's order (the three of the schemas if the policy has none)."""
        named = list(self.repo.policy.tiers) if self.repo.policy else []
        return named or ["strategic", "key", "ordinary"]

    # --- words --------------------------------------------------------------------------------

    def tier_label(self, tier: str | None) -> str:
        """The policy's own label of a tier in the handbook's language, escaped."""
        policy_tier = self.repo.policy.tiers.get(tier or "") if self.repo.policy else None
        words = policy_tier.label if policy_tier else {}
        return escape.text(words.get(self.language) or words.get("en") or tier or "")

    def person_name(self, person_id: str | None) -> str:
        """A team member's name, escaped (the id if the person is unknown)."""
        if not person_id:
            return self.labels("not_set")
        person = self.repo.people.get(person_id)
        return escape.text(person.name if person else person_id)

    def person_link(self, from_page: str, person_id: str | None) -> str:
        if not person_id or person_id not in self.repo.people:
            return self.person_name(person_id)
        return blocks.link(
            self.person_name(person_id), paths.link(from_page, paths.person(person_id))
        )

    def client_link(self, from_page: str, client_id: str | None, short: bool = False) -> str:
        """A link to the client's page, labelled with its name (``short``: without local name)."""
        client = self.repo.clients.get(client_id or "")
        if client is None:
            return blocks.code(client_id) if client_id else self.labels("sla.no_client")
        label = escape.text(client.name if short else client.label)
        return blocks.link(label, paths.link(from_page, paths.client(client.id)))

    def requirement_link(self, from_page: str, requirement_id: str | None) -> str:
        requirement = self.repo.requirements.get(requirement_id or "")
        if requirement is None or requirement.client is None:
            return blocks.code(requirement_id or "")
        target = paths.link(from_page, paths.requirement(requirement.client, requirement.id))
        return blocks.link(f"{escape.text(requirement.title)} ({requirement.id})", target)

    def source(self, rel: str | None, line: int | None = None, short: bool = False) -> str:
        """The record file as a link to the repository, or as text without one.

        ``short`` shows only the file name, for tables whose rows already name the record.
        """
        if not rel:
            return ""
        url = self.sources.view_url(rel, line)
        name = rel.rsplit("/", 1)[-1] if short else rel
        label = blocks.code(f"{name}:{line}" if line else name)
        return blocks.link(label, url) if url else label

    def date(self, value: date | None) -> str:
        return value.isoformat() if value else self.labels("not_set")

    def instant(self, value: datetime | None) -> str:
        """A datetime in the policy's timezone, to the minute."""
        if value is None:
            return self.labels("not_set")
        return value.astimezone(self.repo.zone).strftime("%Y-%m-%d %H:%M")

    def as_of_line(self) -> str:
        zone = escape.text(self.repo.zone.key)
        when = self.labels("punct.aside", text=f"{self.as_of:%Y-%m-%d %H:%M}", aside=zone)
        return self.labels("punct.field", label=self.labels("as_of"), value=when)
