"""workload — who carries what right now: a snapshot per person as of `--as-of`.

Unlike the other metrics, workload is a state, not a flow, so the period does not apply: it
counts what is open at the `--as-of` instant. Rows are the account managers of the clients
that count, plus anyone else who owns an overdue or at-risk clock (the owner of an improvement
action, say); clocks nobody owns (`data-retention`) are under `(none)`.
"""

from __future__ import annotations

from collections import defaultdict

from hirebook.records.model import Application, Requirement
from hirebook.reports.context import NO_GROUP, ReportContext
from hirebook.reports.display import plural
from hirebook.reports.view import Table
from hirebook.sla.clock import State

NAME = "workload"
TITLE = "Workload"
DESCRIPTION = """A snapshot as of `--as-of` (the period does not apply), one row per account
manager of the clients that count and per owner of an overdue or at-risk clock (`(none)` for
clocks nobody owns): `clients` by tier = their clients (as `account_manager`) that are not
`former`; `open_requirements` = requirements of their clients received by `--as-of` and not
closed by then (closed: `status` `filled` or `cancelled`, with `closed_on` on or before the day
of `--as-of` or without `closed_on`); `open_applications` = applications of their clients
submitted by `--as-of` and not withdrawn, rejected (client feedback `reject` or an interview
`fail`), declined or accepted by then, whose requirement is open; `overdue` and `at_risk` = the
SLA clocks in that state that the person owns."""
KEYED_BY = "person"

DEFAULT_TIERS = ("strategic", "key", "ordinary")
OPEN_CLOCKS = (State.OVERDUE, State.AT_RISK)


def requirement_open(requirement: Requirement, ctx: ReportContext) -> bool:
    if requirement.received_at is None or requirement.received_at > ctx.as_of:
        return False
    if requirement.status not in ("filled", "cancelled"):
        return True
    return requirement.closed_on is not None and requirement.closed_on > ctx.today


def application_open(application: Application, ctx: ReportContext) -> bool:
    submitted = application.submitted_at
    if submitted is None or submitted > ctx.as_of:
        return False
    requirement = ctx.repo.requirements.get(application.requirement)
    if requirement is None or not requirement_open(requirement, ctx):
        return False
    return not any(ctx.happened(event) for event in _endings(application))


def _endings(application: Application) -> list:
    """The events that end an application: withdrawal, rejection, an answered offer."""
    endings = []
    if application.withdrawn:
        endings.append(application.withdrawn.on)
    feedback = application.client_feedback
    if feedback and feedback.decision == "reject":
        endings.append(feedback.at)
    endings += [i.result_at or i.at for i in application.interviews if i.result == "fail"]
    if application.offer:
        endings += [application.offer.accepted_on, application.offer.declined_on]
    return endings


def _tiers(ctx: ReportContext) -> tuple[str, ...]:
    policy = ctx.repo.policy
    return tuple(policy.tiers) if policy and policy.tiers else DEFAULT_TIERS


def compute(ctx: ReportContext) -> dict:
    tiers = _tiers(ctx)
    rows: dict[str, dict] = defaultdict(
        lambda: {
            "clients": dict.fromkeys(tiers, 0),
            "open_requirements": 0,
            "open_applications": 0,
            "overdue": 0,
            "at_risk": 0,
        }
    )
    for client in ctx.clients:
        row = rows[client.account_manager or NO_GROUP]
        if client.status != "former":
            row["clients"][client.tier] = row["clients"].get(client.tier, 0) + 1
        requirements = ctx.repo.of_client(client.id, "requirement")
        row["open_requirements"] += sum(requirement_open(r, ctx) for r in requirements)
        applications = ctx.repo.of_client(client.id, "application")
        row["open_applications"] += sum(application_open(a, ctx) for a in applications)
    for finding in ctx.findings:
        if finding.state in OPEN_CLOCKS:
            rows[finding.clock.owner or NO_GROUP][str(finding.state)] += 1
    people = sorted(rows, key=lambda person: (person == NO_GROUP, person))
    return {person: {"name": ctx.person_name(person), **rows[person]} for person in people}


def headline(result: dict) -> str:
    if not result:
        return "nobody has clients"
    overdue = sum(row["overdue"] for row in result.values())
    at_risk = sum(row["at_risk"] for row in result.values())
    return (
        f"{plural(len(result), 'person', 'people')}: "
        f"{sum(r['open_requirements'] for r in result.values())} open requirements, "
        f"{sum(r['open_applications'] for r in result.values())} open applications, "
        f"{overdue} overdue and {at_risk} at-risk clocks"
    )


def tables(result: dict) -> list[Table]:
    tiers = list(next(iter(result.values()))["clients"]) if result else list(DEFAULT_TIERS)
    columns = ("person", "name", *tiers, "open req.", "open apps", "overdue", "at risk")
    rows = [
        (
            person,
            row["name"],
            *(row["clients"].get(tier, 0) for tier in tiers),
            row["open_requirements"],
            row["open_applications"],
            row["overdue"],
            row["at_risk"],
        )
        for person, row in result.items()
    ]
    return [Table("By person", columns, rows, in_summary=True)]
