"""What SLA rules work with: the records, the calendar, the instant, and goal lookup.

Rules stay short because the context does the shared work: which clients have clocks at all,
which goal applies (client override, then policy, then the rule's default), how a date-only
event starts a business or a calendar clock, and how a clock is put together.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from hirebook.records.model import Client, Record
from hirebook.records.repository import Repository
from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.clock import Clock
from hirebook.sla.duration import Duration

NO_CLOCKS = ("paused", "former")
DUE_DAY = Duration(0, "d")
"""The goal of a due-date rule: due at the end of the due day (one value for every clock)."""


@dataclass
class SlaContext:
    repo: Repository
    calendar: WorkCalendar
    as_of: datetime
    lines: bool = True
    """Look up the line of each clock's field when the clock is made (while its record's text
    is at hand): what the board shows; ``report`` shows no lines and skips the lookups."""

    def clients(self) -> Iterator[Client]:
        """Clients that have clocks: paused and former ones have none."""
        for client in self.repo.clients.values():
            if client.status not in NO_CLOCKS:
                yield client

    def records(self, client: Client, kind: str) -> list:
        return self.repo.of_client(client.id, kind)

    def goal(self, rule: str, defaults: dict[str, str], client: Client | None) -> Duration:
        """Client override, then the policy's goal for the tier (or ``all``), then the default."""
        if client is not None and rule in client.sla:
            return Duration.parse(client.sla[rule])
        tier = client.tier if client else "all"
        policy_goals = self.repo.policy.sla.get(rule, {}) if self.repo.policy else {}
        for key in (tier, "all"):
            if key in policy_goals:
                return Duration.parse(policy_goals[key])
        return Duration.parse(defaults.get(tier) or defaults["all"])

    def day_start(self, day: date, business: bool) -> datetime:
        """Where a date-only event starts a clock (:mod:`hirebook.sla.calendar`)."""
        if business:
            return self.calendar.start_of_working_day(day)
        return self.calendar.start_of_day(day)

    def date_stop(self, day: date | None) -> datetime | None:
        return self.calendar.start_of_day(day) if day else None

    def local_day(self, instant: datetime) -> date:
        return self.calendar.to_local(instant).date()

    def clock(
        self,
        rule: str,
        record: Record,
        client: Client | None,
        subject: str,
        describe: str,
        started: datetime,
        goal: Duration,
        stopped: datetime | None,
        path: tuple,
        *,
        owner: str | None = None,
        stop_is_date: bool = False,
        business: bool | None = None,
        exists_before_start: bool = False,
    ) -> Clock | None:
        """A clock, or None when it has not started as of the evaluation instant.

        ``subject`` and ``describe`` are the clock's id and its words (:class:`Clock`);
        ``started`` and ``stopped`` are instants (a date-only event through :meth:`day_start`
        and :meth:`date_stop`, with ``stop_is_date``); ``path`` is the field whose line the
        board shows; ``owner`` defaults to the client's account manager, ``business`` to the
        goal's unit. Due-date rules pass ``exists_before_start``: their items are on the board
        as soon as they are recorded, counting down to the due day.
        """
        if started > self.as_of and not exists_before_start:
            return None
        is_business = goal.is_business if business is None else business
        if goal.is_zero:
            due = self.calendar.end_of_day(self.local_day(started))
        elif goal.is_business:
            due = self.calendar.add_business_days(started, goal.amount)
        elif is_business:
            due = self.calendar.add_working_time(started, goal.as_timedelta())
        else:
            due = self.calendar.to_local(started + goal.as_timedelta())
        return Clock(
            rule=rule,
            client=client.id if client else None,
            tier=client.tier if client else None,
            record=record.doc.rel if record.doc else "",
            line_number=record.doc.line(*path) if self.lines and record.doc else None,
            subject=subject,
            owner=owner if owner is not None else (client.account_manager if client else None),
            describe=describe,
            goal=goal,
            started=self.calendar.to_local(started),
            due=due,
            stopped=stopped,
            stop_is_date=stop_is_date,
            business=is_business,
            due_date_rule=goal.is_zero,
        )

    def due_date_clock(
        self,
        rule: str,
        record: Record,
        client: Client | None,
        subject: str,
        describe: str,
        due: date,
        done: date | None,
        path: tuple,
        owner: str | None = None,
    ) -> Clock | None:
        """A due-date rule's clock (goal 0): due at the last second of ``due``."""
        return self.clock(
            rule,
            record,
            client,
            subject,
            describe,
            self.calendar.start_of_day(due),
            DUE_DAY,
            self.date_stop(done),
            path,
            owner=owner,
            stop_is_date=True,
            business=False,
            exists_before_start=True,
        )

    def plan_items(self, rule: str, field: str, label: str, describe) -> Iterator[Clock | None]:
        """Due-date clocks for the dated items of every plan (milestones, client commitments).

        ``describe(item)`` names the item for a person. Items of plans that are not active are
        left out unless done: a draft or closed plan starts no new clocks.
        """
        for client in self.clients():
            for plan in self.records(client, "plan"):
                for index, item in enumerate(getattr(plan, field), start=1):
                    if item.due is None or (item.done_on is None and plan.status != "active"):
                        continue
                    yield self.due_date_clock(
                        rule,
                        plan,
                        client,
                        f"{plan.id}#{label}-{index}",
                        f"{describe(item)} ({plan.id})",
                        item.due,
                        item.done_on,
                        (field, index - 1),
                    )
