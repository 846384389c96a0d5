"""My work: one page per person with what they must do, most urgent first.

Staff open the handbook in the morning to see what is due. A person's team page is their
profile and workload; this page (``team/<id>/work.md``) is their list of things to do:

1. the clocks to act on — overdue, at risk, and due by the end of this week (the home page's
   definition, :func:`needs_action`) — with no Owner column: every one is theirs;
2. the open requirements they work on: of the clients they manage, and those they submitted
   candidates for;
3. their follow-ups (touchpoint follow-ups and improvement actions) due after this week;
4. their other open clocks, due after this week, in one closed fold (all are on track:
   what is overdue or at risk is in 1), whose summary counts them and names the next due —
   at 390 px they took a quarter of the page below the day's work.

The module also writes the whole week's list for everyone (:data:`paths.THIS_WEEK`), which
the home page shows the first rows of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.clocks import clock_table, on_track_fold
from hirebook.handbook.context import OPEN_REQUIREMENT, Context
from hirebook.handbook.page import Page
from hirebook.records.model import Person, Requirement
from hirebook.sla.clock import Finding, State

FOLLOW_UP_RULE = "improvement-action"
"""The rule whose clocks are follow-ups and improvement actions (one clock per action)."""


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.THIS_WEEK, Page(render_week(ctx))
    worked_on = requirements_by_person(ctx)
    for person in ctx.repo.people.values():
        path = paths.work(person.id)
        requirements = worked_on.get(person.id, [])
        page = render(ctx, person, path, requirements)
        yield path, Page(page, person.doc.rel if person.doc else None)


# --- what to act on -----------------------------------------------------------------------------


def week_end(as_of: datetime) -> datetime:
    """The last second of the as-of instant's week (weeks end on Sunday)."""
    sunday = as_of + timedelta(days=6 - as_of.weekday())
    return sunday.replace(hour=23, minute=59, second=59, microsecond=0)


def needs_action(ctx: Context, findings: Iterable[Finding]) -> list[Finding]:
    """Overdue and at-risk clocks, and on-track ones due by the end of the week, in the
    order given (the board's: overdue first)."""
    end = week_end(ctx.as_of)
    urgent = (State.OVERDUE, State.AT_RISK)
    return [f for f in findings if f.state in urgent or f.clock.due <= end]


def counts_line(ctx: Context, findings: list[Finding]) -> str:
    """ "Overdue: **3** · At risk: **2** · Due this week: **1**" for clocks to act on."""
    labels = ctx.labels
    overdue = sum(f.state is State.OVERDUE for f in findings)
    at_risk = sum(f.state is State.AT_RISK for f in findings)
    due_soon = len(findings) - overdue - at_risk
    counts = (
        ("home.overdue_count", overdue),
        ("home.at_risk_count", at_risk),
        ("home.due_this_week", due_soon),
    )
    return " · ".join(
        labels("punct.field", label=labels(key), value=f"**{n}**") for key, n in counts
    )


# --- open requirements --------------------------------------------------------------------------


def requirement_table(ctx: Context, from_page: str, requirements: list[Requirement]) -> str:
    """Open requirements with their client, status, dates and number of applications."""
    labels = ctx.labels
    rows = [
        [
            ctx.requirement_link(from_page, r.id),
            ctx.client_link(from_page, r.client, short=True),
            labels.value("status.requirement", r.status),
            ctx.instant(r.received_at),
            ctx.date(r.target_fill_by),
            len(ctx.repo.applications_by_requirement.get(r.id, [])),
        ]
        for r in requirements
    ]
    headers = [
        labels("client.requirements"),
        labels("client"),
        labels("status"),
        labels("req.received_at"),
        labels("client.target_fill_by"),
        labels("client.applications"),
    ]
    return blocks.table(headers, rows, numeric=[5])


def open_requirements(ctx: Context) -> list[Requirement]:
    """Every open requirement, the latest received first."""
    open_ones = [r for r in ctx.repo.requirements.values() if r.status in OPEN_REQUIREMENT]
    open_ones.sort(key=lambda r: (r.received_at is not None, r.received_at, r.id), reverse=True)
    return open_ones


def requirements_by_person(ctx: Context) -> dict[str, list[Requirement]]:
    """The open requirements each person works on, the latest received first: of the clients
    they manage, and those they submitted a candidate for (one pass over the records)."""
    open_ones = open_requirements(ctx)
    wanted = {r.id for r in open_ones}
    recruiters: dict[str, set[str]] = {}
    for application in ctx.repo.applications.values():
        if application.recruiter and application.requirement in wanted:
            recruiters.setdefault(application.requirement, set()).add(application.recruiter)
    by_person: dict[str, list[Requirement]] = {}
    for requirement in open_ones:
        client = ctx.repo.clients.get(requirement.client or "")
        people = set(recruiters.get(requirement.id, ()))
        if client is not None and client.account_manager:
            people.add(client.account_manager)
        for person in people:
            by_person.setdefault(person, []).append(requirement)
    return by_person


# --- the pages ----------------------------------------------------------------------------------


def render(ctx: Context, person: Person, path: str, requirements: list[Requirement]) -> str:
    labels = ctx.labels
    owned = ctx.open_by_owner.get(person.id, [])
    now = needs_action(ctx, owned)
    chosen = {id(f) for f in now}
    rest = [f for f in owned if id(f) not in chosen]
    follow_ups = [f for f in rest if f.clock.rule == FOLLOW_UP_RULE]
    later = [f for f in rest if f.clock.rule != FOLLOW_UP_RULE]
    profile = blocks.link(escape.text(person.name), paths.link(path, paths.person(person.id)))
    return blocks.page(
        {"title": labels("work.title", name=person.name), "search": blocks.NOT_SEARCHED},
        f"# {labels('work.title', name=escape.text(person.name))}",
        f"{labels('work.intro')}\n\n**{ctx.as_of_line()}** · "
        + labels("punct.field", label=labels("work.profile"), value=profile),
        blocks.section(
            labels("work.act_now"),
            counts_line(ctx, now),
            _clocks(ctx, path, now) or labels("work.nothing_now"),
        ),
        blocks.section(
            labels("work.requirements"),
            requirement_table(ctx, path, requirements) or labels("none"),
        ),
        blocks.section(labels("work.follow_ups"), _clocks(ctx, path, follow_ups) or labels("none")),
        blocks.section(
            labels("work.later"),
            on_track_fold(ctx, path, later, with_owner=False) or labels("none"),
        ),
    )


def _clocks(ctx: Context, path: str, findings: list[Finding]) -> str:
    """One person's clocks: no Owner column, since every row would name them."""
    return clock_table(ctx, path, findings, with_owner=False)


def render_week(ctx: Context) -> str:
    """Everyone's clocks to act on this week: the whole list the home page shows the top of."""
    labels = ctx.labels
    chosen = needs_action(ctx, ctx.open_findings)
    board = blocks.link(labels("nav.sla"), paths.link(paths.THIS_WEEK, paths.SLA))
    return blocks.page(
        {"title": labels("home.needs_action"), "search": blocks.NOT_SEARCHED},
        f"# {labels('home.needs_action')}",
        f"{labels('home.needs_action_intro')}\n\n**{ctx.as_of_line()}**",
        counts_line(ctx, chosen),
        clock_table(ctx, paths.THIS_WEEK, chosen) or labels("none"),
        f"→ {board}",
    )
