"""What a progress report says, computed from the records: one client, its plans, one period.

The period is a span of instants, start included and end excluded (:class:`Period`). By
default it is the week that ended at the as-of instant: the seven 24-hour days before it
(as of Friday 2026-11-20 17:00, from Friday 2026-11-13 17:00). ``--from``/``--to`` name whole
days instead, both included, in the policy's timezone. An event with a date but no time
(``offer.made_on``, ``placement.start_on``, ``done_on``) happens at 00:00 of its day, as the
SLA engine takes a date that stops a clock.

Everything the report says about *where things stand* — the stage of each candidate, the
feedback still pending and how late it is, the milestones' and commitments' states, the open
follow-ups — is as of the period's end: events recorded for later are left out, so a report
of a past week reads as it would have been written then. One exception, because the records
cannot tell it: an interview carries no date of booking, so a round dated after the end counts
as *booked* whenever it was arranged.

Deadlines and lateness are the SLA engine's (``client-feedback``, ``milestone`` and
``client-commitment`` clocks on a board evaluated at the period's end), in the clock's own
time: working time for business-day goals. The model holds ids and record text only; names
of candidates never enter it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hirebook.records.model import Application, Client, Interview, Plan, Requirement
from hirebook.records.repository import Repository
from hirebook.records.stage import application_stage
from hirebook.sla.clock import Finding, State
from hirebook.sla.engine import Board, calendar_of

STAGE_ORDER = (
    "screening",
    "awaiting feedback",
    "interview requested",
    "on hold",
    "interviewing",
    "offered",
    "accepted",
    "placed",
    "declined",
    "rejected",
    "withdrawn",
)
"""The stages of :func:`~hirebook.records.stage.application_stage`, in the order a client
reads a pipeline: moving forward first, then the ones that left it."""

CLOCK_RULES = ("client-feedback", "milestone", "client-commitment")
"""The SLA rules whose deadlines the report quotes; a board for it needs these at least."""

RUNNING_PLAN = ("active", "closed")


class ProgressError(ValueError):
    """The report cannot be made as asked (a plan of another client, a period that ends
    after the as-of instant); the message says what to change."""


# --------------------------------------------------------------------------- the period

_OUTSIDE_CALENDAR = "the period reaches beyond the calendar (years 1 to 9999); choose its days"


@dataclass(frozen=True)
class Period:
    """The instants from ``start`` (included) to ``end`` (excluded), in the policy's zone."""

    start: datetime
    end: datetime
    whole_days: bool = False
    """Named as days (``--from``/``--to``): shown as dates, not instants."""

    @classmethod
    def week_before(cls, instant: datetime) -> Period:
        """The default: the seven 24-hour days that ended at ``instant``."""
        try:
            return cls(instant - timedelta(days=7), instant)
        except OverflowError:
            raise ProgressError(_OUTSIDE_CALENDAR) from None

    @classmethod
    def days(cls, first: date, last: date, zone: ZoneInfo) -> Period:
        """From 00:00 of ``first`` to 24:00 of ``last`` (both days included)."""
        if last < first:
            raise ProgressError(f"the period starts ({first}) after it ends ({last})")
        try:
            return cls(midnight(first, zone), midnight(last + timedelta(days=1), zone), True)
        except OverflowError:
            raise ProgressError(_OUTSIDE_CALENDAR) from None

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last day with an instant in the period."""
        return (self.end - timedelta(microseconds=1)).date()

    def holds(self, instant: datetime | None) -> bool:
        return instant is not None and self.start <= instant < self.end

    def holds_day(self, day: date | None) -> bool:
        return day is not None and self.holds(midnight(day, self.zone))

    def by_end(self, instant: datetime | None) -> bool:
        """Happened before the period's end (in it or earlier)."""
        return instant is not None and instant < self.end

    def day_by_end(self, day: date | None) -> bool:
        return day is not None and midnight(day, self.zone) < self.end

    @property
    def zone(self) -> ZoneInfo:
        return self.end.tzinfo  # type: ignore[return-value]


def midnight(day: date, zone) -> datetime:
    """00:00 of ``day`` in ``zone``: when an event with a date and no time happens."""
    return datetime.combine(day, time.min, tzinfo=zone)


# --------------------------------------------------------------------------- the content


@dataclass(frozen=True)
class Submission:
    application: str
    candidate: str
    at: datetime
    channel: str | None


@dataclass(frozen=True)
class Round:
    """An interview round: held in the period, or booked after its end."""

    application: str
    candidate: str
    round: int
    at: datetime
    result: str | None


@dataclass(frozen=True)
class Pending:
    """A resume the client has not answered by the period's end."""

    application: str
    candidate: str
    submitted_at: datetime
    due: datetime | None
    """The agreed deadline (the ``client-feedback`` clock's due instant)."""
    late: timedelta | None
    """How late at the end (None: not late), in the clock's own time."""
    business: bool
    """``late`` counts working time."""


@dataclass(frozen=True)
class OfferEvent:
    """An offer made, accepted or declined, or a start, in the period."""

    application: str
    candidate: str
    event: str
    """``made``, ``accepted``, ``declined`` or ``started``."""
    on: date


@dataclass(frozen=True)
class RequirementProgress:
    id: str
    title: str
    title_local: str | None
    status: str
    openings: int
    target_fill_by: date | None
    submitted: tuple[Submission, ...]
    """Resumes sent in the period."""
    submitted_total: int
    """Resumes sent up to the period's end (the running total)."""
    stages: tuple[tuple[str, int], ...]
    """(stage, applications) at the end, in :data:`STAGE_ORDER`; stages with none left out."""
    held: tuple[Round, ...]
    booked: tuple[Round, ...]
    pending: tuple[Pending, ...]
    offers: tuple[OfferEvent, ...]
    hires: int
    """Offers accepted up to the end."""


@dataclass(frozen=True)
class DatedItem:
    """A milestone or a client commitment, as of the end."""

    name: str
    due: date | None
    done_on: date | None
    state: str | None
    """The SLA state (``met``, ``breached``, ``overdue``, ``at_risk``, ``on_track``); None when
    the engine keeps no clock for it (a plan that is not active)."""


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up of a touchpoint: a next step."""

    action: str
    owner: str | None
    """The owner's name (a team member's; the id if unknown)."""
    due: date | None
    touchpoint: str
    late: bool


@dataclass(frozen=True)
class Figure:
    """One line of the period's figures against the plan's targets."""

    key: str
    period: int
    to_date: int
    target: int | None
    """None: the plan sets no target for it."""


@dataclass(frozen=True)
class PlanProgress:
    id: str
    status: str
    reporting_every: str | None
    requirements: tuple[RequirementProgress, ...]
    milestones: tuple[DatedItem, ...]
    commitments: tuple[DatedItem, ...]
    """The client's commitments still open at the end."""
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class ProgressReport:
    client: str
    client_label: str
    period: Period
    plans: tuple[PlanProgress, ...]
    next_steps: tuple[FollowUp, ...]
    """The client's follow-ups still open at the end, by due date."""
    day_length: timedelta
    """The policy calendar's working day: the business day lateness is counted in."""


# --------------------------------------------------------------------------- computing it


def plans_for(repo: Repository, client: Client, period: Period, plan_id: str | None) -> list[Plan]:
    """``--plan``, or every plan of the client that ran in the period (confirmed by its end,
    not closed before its start)."""
    plans = repo.of_client(client.id, "plan")
    if plan_id is not None:
        chosen = [plan for plan in plans if plan.id == plan_id]
        if not chosen:
            theirs = ", ".join(plan.id for plan in plans) or "none"
            raise ProgressError(
                f"no plan `{plan_id}` of client `{client.id}`; the client's plans: {theirs}"
            )
        return chosen
    return [
        plan
        for plan in plans
        if plan.status in RUNNING_PLAN
        and period.day_by_end(plan.client_confirmed_on)
        and (plan.closed_on is None or midnight(plan.closed_on, period.zone) >= period.start)
    ]


def progress_report(
    repo: Repository, client: Client, period: Period, board: Board, plan_id: str | None = None
) -> ProgressReport:
    """The report of ``client`` for ``period``; ``board`` is evaluated at ``period.end`` with
    at least :data:`CLOCK_RULES`."""
    clocks = _clocks_of(board, client.id)
    plans = tuple(
        _plan(repo, plan, period, clocks) for plan in plans_for(repo, client, period, plan_id)
    )
    steps = tuple(_next_steps(repo, client, period))
    day_length = calendar_of(repo).day_length
    return ProgressReport(client.id, client.label, period, plans, steps, day_length)


def _clocks_of(board: Board, client_id: str) -> dict[tuple[str, str], Finding]:
    return {
        (finding.clock.rule, finding.clock.subject): finding
        for finding in board.findings
        if finding.clock.client == client_id and finding.clock.rule in CLOCK_RULES
    }


def _plan(repo: Repository, plan: Plan, period: Period, clocks) -> PlanProgress:
    requirements = tuple(
        _requirement(repo, repo.requirements[rid], period, clocks)
        for rid in plan.requirements
        if rid in repo.requirements
    )
    milestones = tuple(_items(plan, "milestones", "milestone", period, clocks))
    commitments = tuple(
        item
        for item in _items(plan, "client_commitments", "commitment", period, clocks)
        if item.done_on is None
    )
    figures = _figures(repo, plan, requirements, period, clocks)
    every = plan.reporting.every if plan.reporting else None
    return PlanProgress(plan.id, plan.status, every, requirements, milestones, commitments, figures)


def _requirement(
    repo: Repository, requirement: Requirement, period: Period, clocks
) -> RequirementProgress:
    applications = [
        _as_of(application, period)
        for application in repo.applications_by_requirement.get(requirement.id, ())
        if period.by_end(application.submitted_at)
    ]
    stages = Counter(application_stage(application) for application in applications)
    return RequirementProgress(
        id=requirement.id,
        title=requirement.title,
        title_local=requirement.title_local,
        status=requirement.status,
        openings=requirement.openings,
        target_fill_by=requirement.target_fill_by,
        submitted=tuple(
            Submission(a.id, a.candidate, a.submitted_at, a.channel)
            for a in _by_time(applications)
            if period.holds(a.submitted_at)
        ),
        submitted_total=len(applications),
        stages=tuple((stage, stages[stage]) for stage in STAGE_ORDER if stages[stage]),
        held=tuple(_rounds(applications, lambda at: period.holds(at))),
        booked=tuple(_rounds(applications, lambda at: at >= period.end)),
        pending=tuple(_pending(applications, clocks)),
        offers=tuple(_offer_events(applications, period)),
        hires=sum(1 for a in applications if a.accepted_on is not None),
    )


def _by_time(applications: Iterable[Application]) -> list[Application]:
    return sorted(applications, key=lambda a: (a.submitted_at, a.id))


def _as_of(application: Application, period: Period) -> Application:
    """The application as its record would have read at the period's end: later events left
    out (interviews stay: a round dated later was booked, see the module's docstring)."""
    feedback = application.client_feedback
    if feedback is not None and not period.by_end(feedback.at):
        feedback = None
    offer = application.offer
    if offer is not None:
        if not period.day_by_end(offer.made_on):
            offer = None
        else:
            offer = replace(
                offer,
                accepted_on=offer.accepted_on if period.day_by_end(offer.accepted_on) else None,
                declined_on=offer.declined_on if period.day_by_end(offer.declined_on) else None,
            )
    placement = application.placement
    if placement is not None and (offer is None or offer.accepted_on is None):
        placement = None  # a start is arranged once the offer is accepted
    withdrawn = application.withdrawn
    if withdrawn is not None and not period.day_by_end(withdrawn.on):
        withdrawn = None
    return replace(
        application,
        client_feedback=feedback,
        interviews=[_interview_as_of(interview, period) for interview in application.interviews],
        offer=offer,
        placement=placement,
        withdrawn=withdrawn,
    )


def _interview_as_of(interview: Interview, period: Period) -> Interview:
    if period.by_end(interview.result_at):
        return interview
    return replace(interview, result=None, result_at=None)


def _rounds(applications: list[Application], wanted) -> Iterable[Round]:
    rounds = [
        Round(a.id, a.candidate, interview.round, interview.at, interview.result)
        for a in applications
        for interview in a.interviews
        if interview.at is not None and wanted(interview.at)
    ]
    return sorted(rounds, key=lambda r: (r.at, r.application, r.round))


def _pending(applications: list[Application], clocks) -> Iterable[Pending]:
    for application in _by_time(applications):
        if application.client_feedback is not None or application.withdrawn is not None:
            continue
        finding = clocks.get(("client-feedback", application.id))
        late = -finding.remaining if finding and finding.remaining < timedelta(0) else None
        yield Pending(
            application.id,
            application.candidate,
            application.submitted_at,
            finding.clock.due if finding else None,
            late,
            finding.clock.business if finding else False,
        )


_OFFER_LIFE = ("made", "accepted", "declined", "started")
"""An offer's events in the order they happen, which orders those of one day."""


def _offer_events(applications: list[Application], period: Period) -> Iterable[OfferEvent]:
    events = []
    for a in applications:
        offer, placement = a.offer, a.placement
        dated = [
            ("made", offer.made_on if offer else None),
            ("accepted", offer.accepted_on if offer else None),
            ("declined", offer.declined_on if offer else None),
            ("started", placement.start_on if placement else None),
        ]
        events += [
            OfferEvent(a.id, a.candidate, event, on)
            for event, on in dated
            if on and period.holds_day(on)
        ]
    return sorted(events, key=lambda e: (e.on, e.application, _OFFER_LIFE.index(e.event)))


def _items(plan: Plan, field: str, label: str, period: Period, clocks) -> Iterable[DatedItem]:
    """The plan's milestones or commitments as of the end, with their clocks' states."""
    rule = "milestone" if label == "milestone" else "client-commitment"
    for index, item in enumerate(getattr(plan, field), start=1):
        finding = clocks.get((rule, f"{plan.id}#{label}-{index}"))
        done = item.done_on if period.day_by_end(item.done_on) else None
        yield DatedItem(
            getattr(item, "name", None) or getattr(item, "what", ""),
            item.due,
            done,
            str(finding.state) if finding else None,
        )


def _figures(
    repo: Repository, plan: Plan, requirements: tuple[RequirementProgress, ...], period, clocks
) -> tuple[Figure, ...]:
    applications = [
        _as_of(a, period)
        for r in requirements
        for a in repo.applications_by_requirement.get(r.id, ())
        if period.by_end(a.submitted_at)
    ]
    held = [i for a in applications for i in a.interviews if period.by_end(i.at)]
    accepted = [a.accepted_on for a in applications if a.accepted_on]
    reached = [m.done_on for m in plan.milestones if period.day_by_end(m.done_on)]
    due_by_end = sum(1 for m in plan.milestones if m.due and m.due <= period.last_day)
    late_period, late_to_date = _late_feedback(applications, period, clocks)
    return (
        Figure(
            "submitted",
            sum(len(r.submitted) for r in requirements),
            sum(r.submitted_total for r in requirements),
            None,
        ),
        Figure("interviews", sum(1 for i in held if period.holds(i.at)), len(held), None),
        Figure(
            "hires",
            sum(1 for on in accepted if period.holds_day(on)),
            len(accepted),
            sum(r.openings for r in requirements),
        ),
        Figure(
            "milestones", sum(1 for on in reached if period.holds_day(on)), len(reached), due_by_end
        ),
        Figure("late_feedback", late_period, late_to_date, 0),
    )


def _late_feedback(applications: list[Application], period: Period, clocks) -> tuple[int, int]:
    """Resumes answered after the agreed deadline, or unanswered past it at the end: (those
    answered late in the period or still late at its end, all of them to date)."""
    in_period = to_date = 0
    for application in applications:
        finding = clocks.get(("client-feedback", application.id))
        if finding is None or finding.state not in (State.BREACHED, State.OVERDUE):
            continue
        to_date += 1
        feedback = application.client_feedback
        in_period += finding.state is State.OVERDUE or period.holds(feedback and feedback.at)
    return in_period, to_date


def _next_steps(repo: Repository, client: Client, period: Period) -> Iterable[FollowUp]:
    steps = [
        FollowUp(
            item.action,
            _person(repo, item.owner),
            item.due,
            touchpoint.id,
            item.due is not None
            and midnight(item.due + timedelta(days=1), period.zone) <= period.end,
        )
        for touchpoint in repo.of_client(client.id, "touchpoint")
        if period.by_end(touchpoint.at)
        for item in touchpoint.follow_ups
        if not period.day_by_end(item.done_on)
    ]
    return sorted(steps, key=lambda s: (s.due is None, s.due or date.min, s.touchpoint))


def _person(repo: Repository, person_id: str | None) -> str | None:
    person = repo.people.get(person_id or "")
    return person.name if person else person_id
