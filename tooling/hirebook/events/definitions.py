"""The events of the process: what each checks in its record and what it writes.

Each event is a plain function of the record as hirebook reads it (:class:`Record`) and the
event's values. It returns the changes to write (:mod:`hirebook.events.changes`), with the
schema's field names, or raises :class:`Refused` when the record already says otherwise — a
second verdict, a result before its interview, a round that does not exist, an event after
a withdrawal — naming the field that is in the way, so the message can point at its line.
What lint checks across records (a placement without an accepted offer, an interview without
the client asking for one) is left to lint, which runs on the edited record before anything is
written.

:data:`EVENTS` lists them: the command's name, the kind of record it is about and what it
writes, for ``hirebook log`` and its help.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from hirebook.events.changes import Add, Change, Path, Put, Scalar


class Refused(ValueError):
    """The event contradicts the record; ``path`` is the field that says so."""

    def __init__(self, message: str, path: Path = ()) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Record:
    """A record as hirebook's reader reads it: its id, its data and the policy's timezone."""

    id: str
    data: dict
    zone: tzinfo

    def instant(self, text: object) -> datetime:
        """A datetime field's value (one without an offset is read in the policy's zone)."""
        value = datetime.fromisoformat(str(text))
        return value if value.tzinfo else value.replace(tzinfo=self.zone)

    def day(self, text: object) -> date:
        return date.fromisoformat(str(text))


@dataclass(frozen=True)
class Event:
    name: str
    kind: str
    """The kind of record it is about."""
    writes: str
    """The fields it writes."""
    summary: str
    """What happened, in a few words (the command's line in ``hirebook log --help``)."""


EVENTS = {
    event.name: event
    for event in (
        Event(
            "feedback",
            "application",
            "client_feedback: at, decision, note",
            "The client's verdict on a submitted resume.",
        ),
        Event(
            "interview",
            "application",
            "interviews[]: round, at",
            "An interview round scheduled or held.",
        ),
        Event(
            "result",
            "application",
            "interviews[round]: result, result_at, note",
            "The client's result of an interview round.",
        ),
        Event(
            "notified",
            "application",
            "interviews[round]: candidate_notified_at",
            "The candidate was told a round's result.",
        ),
        Event(
            "offer",
            "application",
            "offer: made_on (salary: amount, currency), accepted_on or declined_on",
            "An offer made, accepted or declined.",
        ),
        Event("placement", "application", "placement: start_on", "The hire's first working day."),
        Event(
            "check-in",
            "application",
            "placement.check_ins[]: day, on, note",
            "An onboarding check-in with the new hire.",
        ),
        Event(
            "withdraw",
            "application",
            "withdrawn: on, reason",
            "The application stopped before a hire.",
        ),
        Event(
            "signed",
            "requirement",
            "confirmation: <side>_signed_by, <side>_signed_on",
            "One side signed the requirement confirmation.",
        ),
        Event(
            "change",
            "requirement",
            "changes[]: on, summary, reconfirmed_on",
            "A requirement changed, or its change re-confirmed.",
        ),
        Event(
            "filled",
            "requirement",
            "status: filled, closed_on",
            "Every opening of the requirement filled.",
        ),
        Event(
            "proposed",
            "plan",
            "proposed_on (status: proposed)",
            "The recruitment plan sent to the client.",
        ),
        Event(
            "agreed",
            "plan",
            "client_confirmed_on, status: active",
            "The client agreed the recruitment plan.",
        ),
        Event(
            "closed",
            "plan",
            "status: closed, closed_on",
            "The recruitment plan finished or abandoned.",
        ),
        Event("milestone", "plan", "milestones[name]: done_on", "A plan's milestone reached."),
        Event(
            "commitment",
            "plan",
            "client_commitments[what]: done_on",
            "A client commitment of a plan kept.",
        ),
        Event(
            "follow-up",
            "touchpoint",
            "follow_ups[action]: done_on",
            "A touchpoint's follow-up action done.",
        ),
        Event(
            "action",
            "feedback",
            "actions[action]: done_on",
            "A feedback record's improvement action done.",
        ),
    )
}


# --- applications -----------------------------------------------------------------------------


def feedback(app: Record, at: datetime, decision: str, note: str | None) -> list[Change]:
    """The client's verdict on the submitted resume."""
    _not_withdrawn(app)
    given = app.data.get("client_feedback")
    if given:
        raise Refused(
            f"{app.id} already has the client's verdict: `{given.get('decision')}` at "
            f"{given.get('at')}; a second verdict is not recorded (correct the record by hand "
            "if the first was wrong)",
            ("client_feedback",),
        )
    submitted = app.data.get("submitted_at")
    if submitted is not None and app.instant(submitted) > at:
        raise Refused(
            f"{app.id}'s resume was submitted at {submitted}; a verdict at {_text(at)} would "
            "come before it",
            ("submitted_at",),
        )
    changes: list[Change] = [
        Put(("client_feedback",), "at", Scalar.of(at)),
        Put(("client_feedback",), "decision", decision),
    ]
    if note:
        changes.append(Put(("client_feedback",), "note", note))
    return changes


def interview(app: Record, at: datetime, number: int) -> list[Change]:
    """An interview round, scheduled or held: a new round, or the time of a listed one."""
    _not_withdrawn(app)
    rounds = app.data.get("interviews") or []
    for index, item in enumerate(rounds):
        if item.get("round") == number:
            if item.get("at") is not None:
                raise Refused(
                    f"round {number} of {app.id} is already at {item['at']}; a round happens "
                    "once (correct its time by hand if it moved)",
                    ("interviews", index, "at"),
                )
            return [Put(("interviews", index), "at", Scalar.of(at))]
    following = max((item.get("round", 0) for item in rounds), default=0) + 1
    if number != following:
        listed = _rounds_text(rounds)
        raise Refused(
            f"{app.id} {listed}: the next round is {following}, not {number}",
            ("interviews",) if rounds else (),
        )
    if rounds and rounds[-1].get("at") is not None and app.instant(rounds[-1]["at"]) > at:
        raise Refused(
            f"round {following - 1} of {app.id} is at {rounds[-1]['at']}; round {number} at "
            f"{_text(at)} would come before it",
            ("interviews", len(rounds) - 1, "at"),
        )
    return [Add(("interviews",), {"round": number, "at": Scalar.of(at)})]


def result(app: Record, at: datetime, number: int, outcome: str, note: str | None) -> list[Change]:
    """The client's result of a round. A `pending` result is followed by the final one, which
    replaces it; ``result_at`` stays the time of the client's first answer (it stopped the
    clock)."""
    index, item = _held_round(app, number, at, "a result")
    decided = item.get("result") == "pending" and outcome != "pending"
    if decided and item.get("result_at") is not None:
        return [Put(("interviews", index), "result", outcome), *_note(app, index, item, note)]
    if item.get("result") is not None or item.get("result_at") is not None:
        raise Refused(
            f"round {number} of {app.id} already has its result: `{item.get('result')}` at "
            f"{item.get('result_at')}; a second result is not recorded (correct it by hand)",
            ("interviews", index, "result" if item.get("result") is not None else "result_at"),
        )
    return [
        Put(("interviews", index), "result", outcome),
        Put(("interviews", index), "result_at", Scalar.of(at)),
        *_note(app, index, item, note),
    ]


def _note(app: Record, index: int, item: dict, note: str | None) -> list[Change]:
    """The round's note, never over one already written."""
    if not note:
        return []
    if item.get("note"):
        raise Refused(
            f"round {item.get('round')} of {app.id} already has a note: {item['note']!r}",
            ("interviews", index, "note"),
        )
    return [Put(("interviews", index), "note", note)]


def notified(app: Record, at: datetime, number: int) -> list[Change]:
    """The candidate was told the round's result (even `pending`)."""
    index, item = _held_round(app, number, at, "telling the candidate")
    told = item.get("candidate_notified_at")
    if told is not None:
        raise Refused(
            f"the candidate of {app.id} was already told round {number}'s result at {told}",
            ("interviews", index, "candidate_notified_at"),
        )
    return [Put(("interviews", index), "candidate_notified_at", Scalar.of(at))]


def offer(
    app: Record, on: date, answer: str | None, salary: tuple[int | float, str] | None = None
) -> list[Change]:
    """The offer made (``answer`` None), with the offered ``salary`` (amount, currency) if
    given, or the candidate's answer: accepted or declined."""
    _not_withdrawn(app)
    made = app.data.get("offer")
    if answer is None:
        if made:
            raise Refused(
                f"{app.id} already has an offer made on {made.get('made_on')}", ("offer",)
            )
        _not_before_submission(app, on, "an offer")
        changes: list[Change] = [Put(("offer",), "made_on", Scalar.of(on))]
        if salary is not None:
            amount, currency = salary
            changes += [
                Put(("offer", "salary"), "amount", amount),
                Put(("offer", "salary"), "currency", currency),
            ]
        return changes
    if not made:
        raise Refused(
            f"{app.id} has no offer yet: log the offer first (hirebook log offer {app.id})"
        )
    for field in ("accepted_on", "declined_on"):
        if made.get(field) is not None:
            raise Refused(
                f"the offer of {app.id} was already {field[:-3]} on {made[field]}",
                ("offer", field),
            )
    if app.day(made["made_on"]) > on:
        raise Refused(
            f"the offer of {app.id} was made on {made['made_on']}; {answer} on {on} would "
            "come before it",
            ("offer", "made_on"),
        )
    return [Put(("offer",), f"{answer}_on", Scalar.of(on))]


def placement(app: Record, on: date) -> list[Change]:
    """The hire's first working day."""
    _not_withdrawn(app)
    started = app.data.get("placement")
    if started:
        raise Refused(
            f"{app.id} already has a placement starting on {started.get('start_on')}",
            ("placement",),
        )
    _not_before_submission(app, on, "a start")
    return [Put(("placement",), "start_on", Scalar.of(on))]


def check_in(app: Record, on: date, day: int, note: str | None) -> list[Change]:
    """An onboarding check-in with the new hire (day 7, 30, 90…)."""
    started = app.data.get("placement")
    if not started:
        raise Refused(
            f"{app.id} has no placement yet: log it first (hirebook log placement {app.id})"
        )
    done = started.get("check_ins") or []
    for index, item in enumerate(done):
        if item.get("day") == day:
            raise Refused(
                f"the day-{day} check-in of {app.id} was already done on {item.get('on')}",
                ("placement", "check_ins", index),
            )
    if app.day(started["start_on"]) > on:
        raise Refused(
            f"the hire of {app.id} starts on {started['start_on']}; a check-in on {on} would "
            "come before it",
            ("placement", "start_on"),
        )
    item: dict = {"day": day, "on": Scalar.of(on)}
    if note:
        item["note"] = note
    return [Add(("placement", "check_ins"), item)]


def withdraw(app: Record, on: date, reason: str | None) -> list[Change]:
    """The application stopped before a hire."""
    _not_withdrawn(app)
    started = app.data.get("placement")
    if started:
        raise Refused(
            f"{app.id} is a placement (starting on {started.get('start_on')}); a hire who "
            "leaves is `placement.left_on`, not a withdrawal",
            ("placement",),
        )
    _not_before_submission(app, on, "a withdrawal")
    changes: list[Change] = [Put(("withdrawn",), "on", Scalar.of(on))]
    if reason:
        changes.append(Put(("withdrawn",), "reason", reason))
    return changes


def _not_withdrawn(app: Record) -> None:
    withdrawn = app.data.get("withdrawn")
    if withdrawn:
        raise Refused(
            f"{app.id} was withdrawn on {withdrawn.get('on')}; nothing more happens to it",
            ("withdrawn",),
        )


def _not_before_submission(app: Record, on: date, what: str) -> None:
    """A day of the application's story is not before its submission's (lint checks the
    events with a time, HB401; these days it does not)."""
    submitted = app.data.get("submitted_at")
    if submitted is not None and app.instant(submitted).astimezone(app.zone).date() > on:
        raise Refused(
            f"{app.id}'s resume was submitted at {submitted}; {what} on {on} would come before it",
            ("submitted_at",),
        )


def _held_round(app: Record, number: int, at: datetime, what: str) -> tuple[int, dict]:
    """The round ``number`` of the application, which took place before ``at``."""
    _not_withdrawn(app)
    rounds = app.data.get("interviews") or []
    for index, item in enumerate(rounds):
        if item.get("round") == number:
            held = item.get("at")
            if held is None:
                raise Refused(
                    f"round {number} of {app.id} has no time yet: log the interview first "
                    f"(hirebook log interview {app.id} --round {number} --at …)",
                    ("interviews", index),
                )
            if app.instant(held) > at:
                raise Refused(
                    f"round {number} of {app.id} is at {held}; {what} at {_text(at)} would "
                    "come before it",
                    ("interviews", index, "at"),
                )
            return index, item
    raise Refused(
        f"{app.id} {_rounds_text(rounds)}: there is no round {number} (log the interview first)",
        ("interviews",) if rounds else (),
    )


def _rounds_text(rounds: list) -> str:
    if not rounds:
        return "has no interview yet"
    numbers = ", ".join(str(item.get("round")) for item in rounds)
    return f"has round{'s' if len(rounds) > 1 else ''} {numbers}"


# --- requirements -----------------------------------------------------------------------------


def signed(req: Record, on: date, side: str, signer: str) -> list[Change]:
    """One side's signature of the requirement confirmation; both make it ``confirmed``."""
    confirmation = req.data.get("confirmation") or {}
    if confirmation.get(f"{side}_signed_on") is not None:
        raise Refused(
            f"{req.id} is already signed by the {side}: {confirmation.get(f'{side}_signed_by')} "
            f"on {confirmation[f'{side}_signed_on']}",
            ("confirmation", f"{side}_signed_on"),
        )
    changes: list[Change] = [
        Put(("confirmation",), f"{side}_signed_by", signer),
        Put(("confirmation",), f"{side}_signed_on", Scalar.of(on)),
    ]
    other = "agency" if side == "client" else "client"
    if confirmation.get(f"{other}_signed_on") is not None and req.data.get("status") == "draft":
        changes.append(Put((), "status", "confirmed"))
    return changes


def change(req: Record, on: date, summary: str | None) -> list[Change]:
    """A change agreed after confirmation (``summary``), or the client's re-confirmation of
    the oldest change not yet re-confirmed (``summary`` None)."""
    changes = req.data.get("changes") or []
    if summary:
        status = req.data.get("status")
        if status == "draft":
            raise Refused(
                f"{req.id} is still a draft: a change is recorded once the requirement is "
                "confirmed; until then, edit the draft itself",
                ("status",),
            )
        return [Add(("changes",), {"on": Scalar.of(on), "summary": summary})]
    for index, item in enumerate(changes):
        if item.get("reconfirmed_on") is None:
            if req.day(item["on"]) > on:
                raise Refused(
                    f"the change of {req.id} was agreed on {item['on']}; a re-confirmation on "
                    f"{on} would come before it",
                    ("changes", index, "on"),
                )
            return [Put(("changes", index), "reconfirmed_on", Scalar.of(on))]
    raise Refused(
        f"{req.id} has no change waiting for re-confirmation"
        + (" (every change is re-confirmed)" if changes else ""),
        ("changes",) if changes else (),
    )


def filled(req: Record, on: date) -> list[Change]:
    """Every opening filled: ``status: filled`` and ``closed_on``, which starts the
    feedback survey. Whether an offer was accepted for it is lint's to say."""
    status = req.data.get("status")
    if status in ("filled", "cancelled"):
        raise Refused(
            f"{req.id} is already {status} (closed on {req.data.get('closed_on')})", ("status",)
        )
    if status == "draft":
        raise Refused(
            f"{req.id} is still a draft: it is filled once confirmed and its hire accepted "
            f"(hirebook log signed {req.id} …)",
            ("status",),
        )
    _not_before(req, on, "received_at", "filled")
    return [Put((), "status", "filled"), Put((), "closed_on", Scalar.of(on))]


def _not_before(record: Record, on: date, field: str, what: str) -> None:
    """``on`` is not before the record's ``field`` (a date or a datetime) in its zone."""
    value = record.data.get(field)
    if value is None:
        return
    written = str(value)  # a date is 10 characters; a datetime, more
    day = (
        record.instant(written).astimezone(record.zone).date()
        if len(written) > 10
        else record.day(written)
    )
    if day > on:
        raise Refused(
            f"{record.id}'s {field} is {value}; {what} on {on} would come before it", (field,)
        )


# --- plans ------------------------------------------------------------------------------------


def proposed(plan: Record, on: date) -> list[Change]:
    """The plan sent to the client (stops plan-proposal); a draft becomes ``proposed``."""
    if plan.data.get("status") == "closed":
        raise Refused(f"{plan.id} is closed; a closed plan is not proposed", ("status",))
    if plan.data.get("proposed_on") is not None:
        raise Refused(
            f"{plan.id} was already proposed on {plan.data['proposed_on']}", ("proposed_on",)
        )
    changes: list[Change] = [Put((), "proposed_on", Scalar.of(on))]
    if plan.data.get("status") == "draft":
        changes.append(Put((), "status", "proposed"))
    return changes


def agreed(plan: Record, on: date) -> list[Change]:
    """The client confirmed the plan (starts first-submission and progress-report): a plan
    that was proposed, on or after that day, becomes ``active``."""
    confirmed = plan.data.get("client_confirmed_on")
    if confirmed is not None:
        raise Refused(
            f"{plan.id} was already agreed by the client on {confirmed}",
            ("client_confirmed_on",),
        )
    if plan.data.get("status") == "closed":
        raise Refused(f"{plan.id} is closed; a closed plan is not agreed", ("status",))
    if plan.data.get("proposed_on") is None:
        raise Refused(
            f"{plan.id} has not been proposed yet: log that first "
            f"(hirebook log proposed {plan.id})",
            ("status",) if "status" in plan.data else (),
        )
    _not_before(plan, on, "proposed_on", "the client's agreement")
    return [Put((), "client_confirmed_on", Scalar.of(on)), Put((), "status", "active")]


def closed(plan: Record, on: date) -> list[Change]:
    """The plan finished (its requirements filled) or abandoned: ``status: closed`` and
    ``closed_on``; it keeps no open progress-report interval. A plan the client never agreed
    is closed too — ``closed`` is "finished or abandoned" (the schema's words), the one end
    a plan's statuses have — on or after the day it was proposed."""
    if plan.data.get("status") == "closed":
        raise Refused(
            f"{plan.id} is already closed (closed on {plan.data.get('closed_on')})", ("status",)
        )
    _not_before(plan, on, "client_confirmed_on", "closing it")
    _not_before(plan, on, "proposed_on", "closing it")
    return [Put((), "status", "closed"), Put((), "closed_on", Scalar.of(on))]


# --- items done: milestones, commitments, follow-ups, improvement actions -----------------------


def done(record: Record, on: date, items_key: str, name_key: str, name: str) -> list[Change]:
    """The item of ``items_key`` whose ``name_key`` is ``name`` was done on ``on``."""
    items = record.data.get(items_key) or []
    names = [str(item.get(name_key)) for item in items]
    wanted = " ".join(name.split())
    matching = [i for i, each in enumerate(names) if " ".join(each.split()) == wanted]
    if not matching:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        listed = "; ".join(repr(each) for each in names) or "none"
        raise Refused(
            f"{record.id} has no {items_key} item with {name_key} {name!r}{hint} "
            f"(its {items_key}: {listed})",
            (items_key,) if items else (),
        )
    index = matching[0]
    if items[index].get("done_on") is not None:
        raise Refused(
            f"{name!r} of {record.id} was already done on {items[index]['done_on']}",
            (items_key, index, "done_on"),
        )
    return [Put((items_key, index), "done_on", Scalar.of(on))]


def _text(value: datetime) -> str:
    return value.isoformat(timespec="seconds")
