"""The typed record model: one class per record kind of ``schemas/``, field for field.

Field names are the YAML keys (``with`` is spelled ``with_`` in Python). Dates are
:class:`datetime.date`, datetimes are timezone-aware :class:`datetime.datetime`; a value that is
absent or ``null`` in YAML is ``None`` (or an empty list). Every top-level record keeps its
:class:`~hirebook.records.document.Document` in ``doc`` so that anything said about it can name
``file:line:column``.

The candidate model deliberately carries no personal field (name, e-mail, phone): code that
cannot see personal data cannot publish it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from hirebook.records.document import Document


@dataclass
class Record:
    """What every top-level record has: its id and the document it was read from."""

    id: str = ""
    doc: Document | None = field(
        default=None, repr=False, compare=False, metadata={"derived": True}
    )

    @property
    def client(self) -> str | None:
        """The client folder the record sits in (``None`` outside ``clients/``)."""
        return self.doc.client if self.doc else None

    def where(self, *path: object) -> tuple[int, int]:
        return self.doc.where(*path) if self.doc else (1, 1)


# --- policy ------------------------------------------------------------------------------


@dataclass
class Hours:
    start: str = "09:00"
    end: str = "18:00"


@dataclass
class CalendarSettings:
    country: str | None = None
    workdays: list[str] = field(default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"])
    hours: Hours = field(default_factory=Hours)
    holidays: list[date] = field(default_factory=list)
    extra_workdays: list[date] = field(default_factory=list)


@dataclass
class Tier:
    label: dict[str, str] = field(default_factory=dict)
    description: str | None = None


@dataclass
class LintSettings:
    severity: dict[str, str] = field(default_factory=dict)


@dataclass
class Policy(Record):
    agency: str = ""
    timezone: str = "UTC"
    language: str | None = None
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    tiers: dict[str, Tier] = field(default_factory=dict)
    sla: dict[str, dict[str, str]] = field(default_factory=dict)
    warn_within: float = 0.25
    lint: LintSettings = field(default_factory=LintSettings)
    demo_as_of: datetime | None = None
    """A demo's own "now" (:mod:`hirebook.now`); a real agency never sets it."""


# --- people ------------------------------------------------------------------------------


@dataclass
class Person(Record):
    name: str = ""
    roles: list[str] = field(default_factory=list)
    email: str | None = None
    github: str | None = None
    active: bool = True
    joined_on: date | None = None
    left_on: date | None = None


@dataclass
class Consent:
    given_on: date | None = None
    purpose: str | None = None
    withdrawn_on: date | None = None


@dataclass
class Candidate(Record):
    """A candidate as the tools see one: the id and the dates that govern retention."""

    consent: Consent = field(default_factory=Consent)
    retain_until: date | None = None


# --- clients -----------------------------------------------------------------------------


@dataclass
class Contact:
    name: str = ""
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    primary: bool = False


@dataclass
class Cadence:
    every: str | None = None


@dataclass
class Client(Record):
    name: str = ""
    name_local: str | None = None
    industry: str | None = None
    tier: str = "ordinary"
    tier_reason: str | None = None
    tier_reviewed_on: date | None = None
    status: str = "active"
    since: date | None = None
    account_manager: str | None = None
    backup_manager: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    meetings: Cadence | None = None
    sla: dict[str, str] = field(default_factory=dict)
    notes: str | None = None
    website: str | None = None
    address: str | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def client(self) -> str:
        return self.id

    @property
    def label(self) -> str:
        return f"{self.name} ({self.name_local})" if self.name_local else self.name


# --- requirement confirmation --------------------------------------------------------------


@dataclass
class MustNice:
    must: list[str] = field(default_factory=list)
    nice: list[str] = field(default_factory=list)


@dataclass
class Salary:
    min: float | None = None
    max: float | None = None
    currency: str | None = None
    per: str | None = None


@dataclass
class Money:
    amount: float = 0.0
    currency: str = ""


@dataclass
class Confirmation:
    client_signed_by: str | None = None
    client_signed_on: date | None = None
    agency_signed_by: str | None = None
    agency_signed_on: date | None = None

    @property
    def signed_on(self) -> date | None:
        """The day both sides had signed (the later signature), or None if one is missing."""
        if self.client_signed_on and self.agency_signed_on:
            return max(self.client_signed_on, self.agency_signed_on)
        return None


@dataclass
class Change:
    on: date | None = None
    summary: str = ""
    reconfirmed_on: date | None = None


@dataclass
class Requirement(Record):
    title: str = ""
    title_local: str | None = None
    status: str = "draft"
    received_at: datetime | None = None
    openings: int = 1
    location: str | None = None
    background: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    requirements: MustNice = field(default_factory=MustNice)
    salary: Salary | None = None
    budget: Money | None = None
    target_fill_by: date | None = None
    hiring_manager: str | None = None
    confirmation: Confirmation = field(default_factory=Confirmation)
    changes: list[Change] = field(default_factory=list)
    closed_on: date | None = None
    close_reason: str | None = None

    @property
    def signed_on(self) -> date | None:
        return self.confirmation.signed_on


# --- recruitment plan --------------------------------------------------------------------


@dataclass
class Milestone:
    name: str = ""
    due: date | None = None
    done_on: date | None = None


@dataclass
class InterviewStep:
    round: int = 1
    name: str = ""
    by: str | None = None


@dataclass
class Commitment:
    what: str = ""
    due: date | None = None
    done_on: date | None = None


@dataclass
class Plan(Record):
    requirements: list[str] = field(default_factory=list)
    status: str = "draft"
    proposed_on: date | None = None
    client_confirmed_on: date | None = None
    closed_on: date | None = None
    position_analysis: str | None = None
    channels: list[str] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    interview_process: list[InterviewStep] = field(default_factory=list)
    reporting: Cadence | None = None
    client_commitments: list[Commitment] = field(default_factory=list)


# --- application -------------------------------------------------------------------------


@dataclass
class ClientFeedback:
    at: datetime | None = None
    decision: str | None = None
    note: str | None = None


@dataclass
class Interview:
    round: int = 1
    at: datetime | None = None
    result: str | None = None
    result_at: datetime | None = None
    candidate_notified_at: datetime | None = None
    note: str | None = None


@dataclass
class Offer:
    made_on: date | None = None
    accepted_on: date | None = None
    declined_on: date | None = None
    salary: Money | None = None


@dataclass
class CheckIn:
    day: int = 0
    on: date | None = None
    note: str | None = None


@dataclass
class Placement:
    start_on: date | None = None
    check_ins: list[CheckIn] = field(default_factory=list)
    left_on: date | None = None
    left_reason: str | None = None


@dataclass
class Withdrawn:
    on: date | None = None
    reason: str | None = None


@dataclass
class Application(Record):
    requirement: str = ""
    candidate: str = ""
    channel: str | None = None
    recruiter: str | None = None
    submitted_at: datetime | None = None
    client_feedback: ClientFeedback | None = None
    interviews: list[Interview] = field(default_factory=list)
    offer: Offer | None = None
    placement: Placement | None = None
    withdrawn: Withdrawn | None = None

    @property
    def accepted_on(self) -> date | None:
        return self.offer.accepted_on if self.offer else None


# --- touchpoint and feedback ---------------------------------------------------------------


@dataclass
class Action:
    """An improvement action or follow-up with an owner and a due date."""

    action: str = ""
    owner: str | None = None
    due: date | None = None
    done_on: date | None = None


@dataclass
class Touchpoint(Record):
    type: str = "other"
    at: datetime | None = None
    by: str | None = None
    with_: list[str] = field(default_factory=list, metadata={"key": "with"})
    plan: str | None = None
    requirement: str | None = None
    summary: str = ""
    follow_ups: list[Action] = field(default_factory=list)


@dataclass
class Scores:
    overall: int = 0
    responsiveness: int | None = None
    candidate_quality: int | None = None
    communication: int | None = None


@dataclass
class Feedback(Record):
    on: date | None = None
    collected_by: str | None = None
    respondent: str | None = None
    requirement: str | None = None
    scores: Scores = field(default_factory=Scores)
    nps: int | None = None
    comments: str | None = None
    actions: list[Action] = field(default_factory=list)


# --- knowledge sharing ---------------------------------------------------------------------


@dataclass
class Case(Record):
    title: str = ""
    client_id: str | None = field(default=None, metadata={"key": "client"})
    author: str | None = None
    on: date | None = None
    tags: list[str] = field(default_factory=list)
    outcome: str | None = None
    summary: str | None = None

    @property
    def body(self) -> str:
        return self.doc.body or "" if self.doc else ""


MODEL_OF_KIND: dict[str, type[Record]] = {
    "policy": Policy,
    "person": Person,
    "candidate": Candidate,
    "client": Client,
    "requirement": Requirement,
    "plan": Plan,
    "application": Application,
    "touchpoint": Touchpoint,
    "feedback": Feedback,
    "case": Case,
}
