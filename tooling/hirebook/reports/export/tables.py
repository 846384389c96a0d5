"""The export's tables: one per record kind, child tables for the lists inside records, and
the clocks. Primary keys are record ids; items of a list are keyed by their parent's id and
their 1-based ``position`` (the number in SLA subjects such as ``plan-2026-003#milestone-2``).

Candidates appear with their id, consent dates and ``retain_until`` only: their personal
fields are not in the typed model at all, so they cannot reach the file. Column names follow
the YAML keys, except where the key is an SQL keyword or would be ambiguous: ``on`` →
``on_date``, ``by`` → ``by_person``, ``with`` → ``with_people``, ``primary`` → ``is_primary``;
a record's client folder is ``client_id`` and references end in ``_id``.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook import __version__
from hirebook.records.model import Action
from hirebook.records.repository import Repository
from hirebook.reports.export.schema import Column, Row, SqlTable
from hirebook.sla.engine import Board

TEXT, INTEGER, REAL = "TEXT", "INTEGER", "REAL"
CLIENT = Column("client_id", TEXT, "the client folder the record sits in", "clients(id)")


def _position(parent: str, table: str, doc: str) -> tuple[Column, Column]:
    """The key of a list item: its parent's id and its 1-based place in the list."""
    return (
        Column(f"{parent}_id", TEXT, f"the {parent} this {doc} belongs to", f"{table}(id)"),
        Column("position", INTEGER, "1-based place in the list"),
    )


# --- rows ----------------------------------------------------------------------------------


def _meta(repo: Repository, board: Board) -> Iterator[Row]:
    policy = repo.policy
    yield {"key": "agency", "value": policy.agency if policy else ""}
    yield {"key": "timezone", "value": repo.zone.key}
    yield {"key": "as_of", "value": board.as_of.isoformat()}
    yield {"key": "hirebook_version", "value": __version__}


def _people(repo: Repository, board: Board) -> Iterator[Row]:
    for p in repo.people.values():
        yield {
            "id": p.id,
            "name": p.name,
            "roles": p.roles,
            "email": p.email,
            "github": p.github,
            "active": p.active,
            "joined_on": p.joined_on,
            "left_on": p.left_on,
        }


def _candidates(repo: Repository, board: Board) -> Iterator[Row]:
    for c in repo.candidates.values():
        yield {
            "id": c.id,
            "consent_given_on": c.consent.given_on,
            "consent_withdrawn_on": c.consent.withdrawn_on,
            "retain_until": c.retain_until,
        }


def _clients(repo: Repository, board: Board) -> Iterator[Row]:
    for c in repo.clients.values():
        yield {
            "id": c.id,
            "name": c.name,
            "name_local": c.name_local,
            "industry": c.industry,
            "tier": c.tier,
            "tier_reason": c.tier_reason,
            "tier_reviewed_on": c.tier_reviewed_on,
            "status": c.status,
            "since": c.since,
            "account_manager": c.account_manager,
            "backup_manager": c.backup_manager,
            "meetings_every": c.meetings.every if c.meetings else None,
            "website": c.website,
            "address": c.address,
            "tags": c.tags,
            "notes": c.notes,
        }


def _client_contacts(repo: Repository, board: Board) -> Iterator[Row]:
    for c in repo.clients.values():
        for position, contact in enumerate(c.contacts, start=1):
            yield {
                "client_id": c.id,
                "position": position,
                "name": contact.name,
                "role": contact.role,
                "email": contact.email,
                "phone": contact.phone,
                "is_primary": contact.primary,
            }


def _client_sla(repo: Repository, board: Board) -> Iterator[Row]:
    for c in repo.clients.values():
        for rule, goal in c.sla.items():
            yield {"client_id": c.id, "rule": rule, "goal": goal}


def _requirements(repo: Repository, board: Board) -> Iterator[Row]:
    for r in repo.requirements.values():
        salary, budget, signed = r.salary, r.budget, r.confirmation
        yield {
            "id": r.id,
            "client_id": r.client,
            "title": r.title,
            "title_local": r.title_local,
            "status": r.status,
            "received_at": r.received_at,
            "openings": r.openings,
            "location": r.location,
            "background": r.background,
            "responsibilities": r.responsibilities,
            "must": r.requirements.must,
            "nice": r.requirements.nice,
            "salary_min": salary.min if salary else None,
            "salary_max": salary.max if salary else None,
            "salary_currency": salary.currency if salary else None,
            "salary_per": salary.per if salary else None,
            "budget_amount": budget.amount if budget else None,
            "budget_currency": budget.currency if budget else None,
            "target_fill_by": r.target_fill_by,
            "hiring_manager": r.hiring_manager,
            "client_signed_by": signed.client_signed_by,
            "client_signed_on": signed.client_signed_on,
            "agency_signed_by": signed.agency_signed_by,
            "agency_signed_on": signed.agency_signed_on,
            "signed_on": signed.signed_on,
            "closed_on": r.closed_on,
            "close_reason": r.close_reason,
        }


def _requirement_changes(repo: Repository, board: Board) -> Iterator[Row]:
    for r in repo.requirements.values():
        for position, change in enumerate(r.changes, start=1):
            yield {
                "requirement_id": r.id,
                "position": position,
                "on_date": change.on,
                "summary": change.summary,
                "reconfirmed_on": change.reconfirmed_on,
            }


def _plans(repo: Repository, board: Board) -> Iterator[Row]:
    for p in repo.plans.values():
        yield {
            "id": p.id,
            "client_id": p.client,
            "status": p.status,
            "proposed_on": p.proposed_on,
            "client_confirmed_on": p.client_confirmed_on,
            "closed_on": p.closed_on,
            "position_analysis": p.position_analysis,
            "channels": p.channels,
            "reporting_every": p.reporting.every if p.reporting else None,
        }


def _plan_requirements(repo: Repository, board: Board) -> Iterator[Row]:
    for p in repo.plans.values():
        for requirement in dict.fromkeys(p.requirements):
            yield {"plan_id": p.id, "requirement_id": requirement}


def _plan_items(field: str, columns: dict[str, str]):
    """Rows of one list of a plan; ``columns`` maps column names to the items' fields."""

    def rows(repo: Repository, board: Board) -> Iterator[Row]:
        for p in repo.plans.values():
            for position, item in enumerate(getattr(p, field), start=1):
                row: Row = {"plan_id": p.id, "position": position}
                row.update({column: getattr(item, name) for column, name in columns.items()})
                yield row

    return rows


def _applications(repo: Repository, board: Board) -> Iterator[Row]:
    for a in repo.applications.values():
        feedback, offer, placement, withdrawn = (
            a.client_feedback,
            a.offer,
            a.placement,
            a.withdrawn,
        )
        salary = offer.salary if offer else None
        yield {
            "id": a.id,
            "client_id": a.client,
            "requirement_id": a.requirement,
            "candidate_id": a.candidate,
            "channel": a.channel,
            "recruiter": a.recruiter,
            "submitted_at": a.submitted_at,
            "feedback_at": feedback.at if feedback else None,
            "feedback_decision": feedback.decision if feedback else None,
            "feedback_note": feedback.note if feedback else None,
            "offer_made_on": offer.made_on if offer else None,
            "offer_accepted_on": offer.accepted_on if offer else None,
            "offer_declined_on": offer.declined_on if offer else None,
            "offer_salary_amount": salary.amount if salary else None,
            "offer_salary_currency": salary.currency if salary else None,
            "start_on": placement.start_on if placement else None,
            "left_on": placement.left_on if placement else None,
            "left_reason": placement.left_reason if placement else None,
            "withdrawn_on": withdrawn.on if withdrawn else None,
            "withdrawn_reason": withdrawn.reason if withdrawn else None,
        }


def _interviews(repo: Repository, board: Board) -> Iterator[Row]:
    for a in repo.applications.values():
        for position, i in enumerate(a.interviews, start=1):
            yield {
                "application_id": a.id,
                "position": position,
                "round": i.round,
                "at": i.at,
                "result": i.result,
                "result_at": i.result_at,
                "candidate_notified_at": i.candidate_notified_at,
                "note": i.note,
            }


def _check_ins(repo: Repository, board: Board) -> Iterator[Row]:
    for a in repo.applications.values():
        check_ins = a.placement.check_ins if a.placement else []
        for position, c in enumerate(check_ins, start=1):
            yield {
                "application_id": a.id,
                "position": position,
                "day": c.day,
                "on_date": c.on,
                "note": c.note,
            }


def _touchpoints(repo: Repository, board: Board) -> Iterator[Row]:
    for t in repo.touchpoints.values():
        yield {
            "id": t.id,
            "client_id": t.client,
            "type": t.type,
            "at": t.at,
            "by_person": t.by,
            "with_people": t.with_,
            "plan_id": t.plan,
            "requirement_id": t.requirement,
            "summary": t.summary,
        }


def _action_row(parent: str, parent_id: str, position: int, action: Action) -> Row:
    return {
        f"{parent}_id": parent_id,
        "position": position,
        "action": action.action,
        "owner": action.owner,
        "due": action.due,
        "done_on": action.done_on,
    }


def _touchpoint_follow_ups(repo: Repository, board: Board) -> Iterator[Row]:
    for t in repo.touchpoints.values():
        for position, action in enumerate(t.follow_ups, start=1):
            yield _action_row("touchpoint", t.id, position, action)


def _feedback(repo: Repository, board: Board) -> Iterator[Row]:
    for f in repo.feedback.values():
        yield {
            "id": f.id,
            "client_id": f.client,
            "on_date": f.on,
            "collected_by": f.collected_by,
            "respondent": f.respondent,
            "requirement_id": f.requirement,
            "score_overall": f.scores.overall,
            "score_responsiveness": f.scores.responsiveness,
            "score_candidate_quality": f.scores.candidate_quality,
            "score_communication": f.scores.communication,
            "nps": f.nps,
            "comments": f.comments,
        }


def _feedback_actions(repo: Repository, board: Board) -> Iterator[Row]:
    for f in repo.feedback.values():
        for position, action in enumerate(f.actions, start=1):
            yield _action_row("feedback", f.id, position, action)


def _cases(repo: Repository, board: Board) -> Iterator[Row]:
    for c in repo.cases.values():
        yield {
            "id": c.id,
            "title": c.title,
            "client_id": c.client_id,
            "author": c.author,
            "on_date": c.on,
            "tags": c.tags,
            "outcome": c.outcome,
            "summary": c.summary,
            "body": c.body,
        }


def _clocks(repo: Repository, board: Board) -> Iterator[Row]:
    for number, finding in enumerate(board.findings, start=1):
        clock = finding.clock
        data = finding.as_dict()
        yield {
            "id": number,
            "rule": clock.rule,
            "state": data["state"],
            "client_id": clock.client,
            "tier": clock.tier,
            "record": clock.record,
            "line": clock.line,
            "subject": clock.subject,
            "owner": clock.owner,
            "goal": data["goal"],
            "business": clock.business,
            "started": data["started"],
            "due": data["due"],
            "stopped": data["stopped"],
            "remaining_seconds": data["remaining_seconds"],
            "message": finding.message,
        }


# --- the tables ------------------------------------------------------------------------------

PERSON = "people(id)"
ACTION_COLUMNS = (
    Column("action", TEXT, "what is to be done"),
    Column("owner", TEXT, "who does it", PERSON),
    Column("due", TEXT, "due date"),
    Column("done_on", TEXT, "when it was done (NULL: open)"),
)

TABLES: tuple[SqlTable, ...] = (
    SqlTable(
        "meta",
        "How the export was made: agency, timezone, as_of (the instant the clocks were "
        "evaluated at), hirebook_version.",
        (Column("key", TEXT, "name of the setting"), Column("value", TEXT, "its value")),
        ("key",),
        _meta,
    ),
    SqlTable(
        "people",
        "Agency staff (`team/<id>.yaml`).",
        (
            Column("id", TEXT, "person id"),
            Column("name", TEXT, "name as written in the record"),
            Column("roles", TEXT, "JSON list: account_manager, recruiter, lead"),
            Column("email", TEXT, "staff e-mail"),
            Column("github", TEXT, "GitHub user"),
            Column("active", INTEGER, "1 if still with the agency"),
            Column("joined_on", TEXT, "date"),
            Column("left_on", TEXT, "date"),
        ),
        ("id",),
        _people,
    ),
    SqlTable(
        "candidates",
        "Candidates: the id, consent dates and retention date only — never personal data.",
        (
            Column("id", TEXT, "candidate id"),
            Column("consent_given_on", TEXT, "date consent was given"),
            Column("consent_withdrawn_on", TEXT, "date consent was withdrawn"),
            Column("retain_until", TEXT, "delete or renew consent by this date"),
        ),
        ("id",),
        _candidates,
    ),
    SqlTable(
        "clients",
        "Clients (`clients/<id>/client.yaml`).",
        (
            Column("id", TEXT, "client id (its folder name)"),
            Column("name", TEXT, "company name"),
            Column("name_local", TEXT, "name in the local language"),
            Column("industry", TEXT, "industry"),
            Column("tier", TEXT, "strategic, key or ordinary"),
            Column("tier_reason", TEXT, "why this tier"),
            Column("tier_reviewed_on", TEXT, "date of the last tier review"),
            Column("status", TEXT, "prospect, active, paused or former"),
            Column("since", TEXT, "client since (date)"),
            Column("account_manager", TEXT, "designated account manager", PERSON),
            Column("backup_manager", TEXT, "backup account manager", PERSON),
            Column("meetings_every", TEXT, "agreed meeting cadence (duration)"),
            Column("website", TEXT, "website"),
            Column("address", TEXT, "address"),
            Column("tags", TEXT, "JSON list of tags"),
            Column("notes", TEXT, "free text"),
        ),
        ("id",),
        _clients,
    ),
    SqlTable(
        "client_contacts",
        "People on the client's side (business contact data from `client.yaml`).",
        (
            Column("client_id", TEXT, "the client", "clients(id)"),
            Column("position", INTEGER, "1-based place in the list"),
            Column("name", TEXT, "contact's name"),
            Column("role", TEXT, "role at the client"),
            Column("email", TEXT, "business e-mail"),
            Column("phone", TEXT, "business phone"),
            Column("is_primary", INTEGER, "1 for the primary contact"),
        ),
        ("client_id", "position"),
        _client_contacts,
    ),
    SqlTable(
        "client_sla",
        "Per-client SLA goals agreed in the contract (`sla:` in `client.yaml`).",
        (
            Column("client_id", TEXT, "the client", "clients(id)"),
            Column("rule", TEXT, "SLA rule id"),
            Column("goal", TEXT, "goal (duration, e.g. 2bd)"),
        ),
        ("client_id", "rule"),
        _client_sla,
    ),
    SqlTable(
        "requirements",
        "Requirement confirmations (`requirements/<id>.yaml`).",
        (
            Column("id", TEXT, "requirement id"),
            CLIENT,
            Column("title", TEXT, "position title"),
            Column("title_local", TEXT, "title in the local language"),
            Column("status", TEXT, "draft, confirmed, on_hold, filled or cancelled"),
            Column("received_at", TEXT, "datetime the client raised the need"),
            Column("openings", INTEGER, "number of hires wanted"),
            Column("location", TEXT, "location"),
            Column("background", TEXT, "why the position exists"),
            Column("responsibilities", TEXT, "JSON list"),
            Column("must", TEXT, "JSON list: must-have requirements"),
            Column("nice", TEXT, "JSON list: nice-to-have requirements"),
            Column("salary_min", REAL, "salary range minimum"),
            Column("salary_max", REAL, "salary range maximum"),
            Column("salary_currency", TEXT, "ISO 4217 currency"),
            Column("salary_per", TEXT, "salary period (month, year)"),
            Column("budget_amount", REAL, "the client's budget for the hire"),
            Column("budget_currency", TEXT, "ISO 4217 currency"),
            Column("target_fill_by", TEXT, "date"),
            Column("hiring_manager", TEXT, "a client contact's name"),
            Column("client_signed_by", TEXT, "client signatory"),
            Column("client_signed_on", TEXT, "date"),
            Column("agency_signed_by", TEXT, "agency signatory", PERSON),
            Column("agency_signed_on", TEXT, "date"),
            Column("signed_on", TEXT, "the later signature date (NULL until both signed)"),
            Column("closed_on", TEXT, "date filled or cancelled"),
            Column("close_reason", TEXT, "why it closed"),
        ),
        ("id",),
        _requirements,
    ),
    SqlTable(
        "requirement_changes",
        "Changes to a requirement after confirmation.",
        (
            *_position("requirement", "requirements", "change"),
            Column("on_date", TEXT, "date of the change (`on`)"),
            Column("summary", TEXT, "what changed"),
            Column("reconfirmed_on", TEXT, "date both sides re-confirmed"),
        ),
        ("requirement_id", "position"),
        _requirement_changes,
    ),
    SqlTable(
        "plans",
        "Recruitment plans (`plans/<id>.yaml`).",
        (
            Column("id", TEXT, "plan id"),
            CLIENT,
            Column("status", TEXT, "draft, proposed, active or closed"),
            Column("proposed_on", TEXT, "date"),
            Column("client_confirmed_on", TEXT, "date"),
            Column("closed_on", TEXT, "date"),
            Column("position_analysis", TEXT, "free text"),
            Column("channels", TEXT, "JSON list of sourcing channels"),
            Column("reporting_every", TEXT, "progress report cadence (duration)"),
        ),
        ("id",),
        _plans,
    ),
    SqlTable(
        "plan_requirements",
        "Which requirements a plan covers.",
        (
            Column("plan_id", TEXT, "the plan", "plans(id)"),
            Column("requirement_id", TEXT, "a requirement it covers", "requirements(id)"),
        ),
        ("plan_id", "requirement_id"),
        _plan_requirements,
    ),
    SqlTable(
        "plan_milestones",
        "Timeline milestones of a plan.",
        (
            *_position("plan", "plans", "milestone"),
            Column("name", TEXT, "milestone"),
            Column("due", TEXT, "due date"),
            Column("done_on", TEXT, "date reached"),
        ),
        ("plan_id", "position"),
        _plan_items("milestones", {"name": "name", "due": "due", "done_on": "done_on"}),
    ),
    SqlTable(
        "plan_interview_steps",
        "The interview process designed in a plan.",
        (
            *_position("plan", "plans", "step"),
            Column("round", INTEGER, "interview round"),
            Column("name", TEXT, "name of the round"),
            Column("by_whom", TEXT, "who interviews (`by`: agency or client)"),
        ),
        ("plan_id", "position"),
        _plan_items("interview_process", {"round": "round", "name": "name", "by_whom": "by"}),
    ),
    SqlTable(
        "plan_commitments",
        "What the client committed to in a plan.",
        (
            *_position("plan", "plans", "commitment"),
            Column("what", TEXT, "the commitment"),
            Column("due", TEXT, "due date"),
            Column("done_on", TEXT, "date done"),
        ),
        ("plan_id", "position"),
        _plan_items("client_commitments", {"what": "what", "due": "due", "done_on": "done_on"}),
    ),
    SqlTable(
        "applications",
        "One candidate for one requirement, start to finish (`applications/<id>.yaml`); "
        "the nested client feedback, offer, placement and withdrawal are columns.",
        (
            Column("id", TEXT, "application id"),
            CLIENT,
            Column("requirement_id", TEXT, "the requirement", "requirements(id)"),
            Column("candidate_id", TEXT, "the candidate", "candidates(id)"),
            Column("channel", TEXT, "source of the candidate"),
            Column("recruiter", TEXT, "recruiter", PERSON),
            Column("submitted_at", TEXT, "datetime the resume was sent to the client"),
            Column("feedback_at", TEXT, "datetime of the client's feedback"),
            Column("feedback_decision", TEXT, "interview, reject or hold"),
            Column("feedback_note", TEXT, "the client's note"),
            Column("offer_made_on", TEXT, "date"),
            Column("offer_accepted_on", TEXT, "date"),
            Column("offer_declined_on", TEXT, "date"),
            Column("offer_salary_amount", REAL, "offered salary"),
            Column("offer_salary_currency", TEXT, "ISO 4217 currency"),
            Column("start_on", TEXT, "placement start date"),
            Column("left_on", TEXT, "date the hire left"),
            Column("left_reason", TEXT, "why the hire left"),
            Column("withdrawn_on", TEXT, "date the candidate withdrew"),
            Column("withdrawn_reason", TEXT, "why"),
        ),
        ("id",),
        _applications,
    ),
    SqlTable(
        "interviews",
        "Interviews of an application.",
        (
            *_position("application", "applications", "interview"),
            Column("round", INTEGER, "interview round"),
            Column("at", TEXT, "datetime of the interview"),
            Column("result", TEXT, "pass, fail or pending"),
            Column("result_at", TEXT, "datetime the client told the result"),
            Column("candidate_notified_at", TEXT, "datetime the candidate was told"),
            Column("note", TEXT, "free text"),
        ),
        ("application_id", "position"),
        _interviews,
    ),
    SqlTable(
        "check_ins",
        "Onboarding check-ins of a placement.",
        (
            *_position("application", "applications", "check-in"),
            Column("day", INTEGER, "N of the day-N check-in (7, 30, 90)"),
            Column("on_date", TEXT, "date of the check-in (`on`)"),
            Column("note", TEXT, "free text"),
        ),
        ("application_id", "position"),
        _check_ins,
    ),
    SqlTable(
        "touchpoints",
        "Every contact with a client (`touchpoints/<id>.yaml`).",
        (
            Column("id", TEXT, "touchpoint id"),
            CLIENT,
            Column("type", TEXT, "meeting, call, visit, revisit, progress_report, email, other"),
            Column("at", TEXT, "datetime"),
            Column("by_person", TEXT, "who from the agency (`by`)", PERSON),
            Column("with_people", TEXT, "JSON list of client contacts (`with`)"),
            Column("plan_id", TEXT, "the plan reported on", "plans(id)"),
            Column("requirement_id", TEXT, "the requirement concerned", "requirements(id)"),
            Column("summary", TEXT, "free text"),
        ),
        ("id",),
        _touchpoints,
    ),
    SqlTable(
        "touchpoint_follow_ups",
        "Follow-up actions agreed in a touchpoint.",
        (*_position("touchpoint", "touchpoints", "follow-up"), *ACTION_COLUMNS),
        ("touchpoint_id", "position"),
        _touchpoint_follow_ups,
    ),
    SqlTable(
        "feedback",
        "Client satisfaction surveys (`feedback/<id>.yaml`).",
        (
            Column("id", TEXT, "feedback id"),
            CLIENT,
            Column("on_date", TEXT, "date of the survey (`on`)"),
            Column("collected_by", TEXT, "who collected it", PERSON),
            Column("respondent", TEXT, "who answered on the client's side"),
            Column("requirement_id", TEXT, "the requirement concerned", "requirements(id)"),
            Column("score_overall", INTEGER, "1-5"),
            Column("score_responsiveness", INTEGER, "1-5"),
            Column("score_candidate_quality", INTEGER, "1-5"),
            Column("score_communication", INTEGER, "1-5"),
            Column("nps", INTEGER, "0-10"),
            Column("comments", TEXT, "free text"),
        ),
        ("id",),
        _feedback,
    ),
    SqlTable(
        "feedback_actions",
        "Improvement actions from a feedback record.",
        (*_position("feedback", "feedback", "action"), *ACTION_COLUMNS),
        ("feedback_id", "position"),
        _feedback_actions,
    ),
    SqlTable(
        "cases",
        "Knowledge-sharing cases (`cases/<id>.md`).",
        (
            Column("id", TEXT, "case id (file name)"),
            Column("title", TEXT, "title"),
            Column("client_id", TEXT, "the client concerned", "clients(id)"),
            Column("author", TEXT, "author", PERSON),
            Column("on_date", TEXT, "date (`on`)"),
            Column("tags", TEXT, "JSON list"),
            Column("outcome", TEXT, "success, failure or mixed"),
            Column("summary", TEXT, "one-line summary"),
            Column("body", TEXT, "the write-up (Markdown)"),
        ),
        ("id",),
        _cases,
    ),
    SqlTable(
        "clocks",
        "Every SLA clock with its state as of `meta.as_of`: the fields of `hirebook sla "
        "--format json`.",
        (
            Column("id", INTEGER, "clock number in board order (overdue first, then by due)"),
            Column("rule", TEXT, "SLA rule id"),
            Column("state", TEXT, "met, breached, overdue, at_risk or on_track"),
            Column("client_id", TEXT, "the client (NULL for data-retention)", "clients(id)"),
            Column("tier", TEXT, "the client's tier"),
            Column("record", TEXT, "record file, relative to the project"),
            Column("line", INTEGER, "line of the field that starts or should stop the clock"),
            Column("subject", TEXT, "the record or item timed (app-2026-0101#interview-1)"),
            Column("owner", TEXT, "who must act (NULL: anyone)", PERSON),
            Column("goal", TEXT, "goal (duration)"),
            Column("business", INTEGER, "1 if it counts working time only"),
            Column("started", TEXT, "datetime"),
            Column("due", TEXT, "datetime"),
            Column("stopped", TEXT, "datetime, or date for date-only stops; NULL if running"),
            Column("remaining_seconds", INTEGER, "time left at as_of (negative: late)"),
            Column("message", TEXT, "the finding in words"),
        ),
        ("id",),
        _clocks,
    ),
)
