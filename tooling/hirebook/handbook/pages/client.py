"""One page per client: everything an account manager needs before a call or a visit.

In the order of use: a breadcrumb and the client's tier and managers; the open clocks (those
to act on in full, the on-track ones folded, as on the SLA board); the open requirements, the
plans that are not closed and the pipeline of the open requirements; the contact history of
the last 90 days (before the as-of instant) and the feedback with its improvement actions;
then the reference — profile, notes, contacts, agreed SLA goals. What is finished or not yet
pressing is folded (``<details>``) where it would otherwise be: on-track clocks, closed
requirements, closed plans, the pipelines of closed requirements, older touchpoints.
Candidates appear by id only.

Every application, plan, touchpoint and feedback record has its id as an anchor on this page
(:data:`hirebook.handbook.clocks.ROW_KINDS`: a clock's subject links there), and every
requirement id links to its page. Section headings carry fixed anchors with an underscore,
which no record id can have (ids are ``[a-z0-9-]``), so the two never collide.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import timedelta

from hirebook.handbook import blocks, escape, feeds, paths, richtext
from hirebook.handbook.charts.svg import figure
from hirebook.handbook.charts.timeline import Mark, timeline
from hirebook.handbook.clocks import open_clocks
from hirebook.handbook.context import OPEN_REQUIREMENT, Context
from hirebook.handbook.page import Page
from hirebook.handbook.pages.policy_tables import goal_for
from hirebook.handbook.pages.progress import path as progress_path
from hirebook.records.model import Application, Client, Feedback, Plan, Requirement, Touchpoint
from hirebook.records.stage import application_stage


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    for client in ctx.repo.clients.values():
        path = paths.client(client.id)
        yield path, Page(render(ctx, client, path), client.doc.rel if client.doc else None)


RECENT = timedelta(days=90)
"""Contact history this recent (before the as-of instant) is shown; older is folded."""


def render(ctx: Context, client: Client, path: str) -> str:
    labels = ctx.labels
    requirements = sorted(
        ctx.repo.of_client(client.id, "requirement"),
        key=lambda r: (r.status not in OPEN_REQUIREMENT, r.received_at is None, r.received_at),
    )
    open_ones = [r for r in requirements if r.status in OPEN_REQUIREMENT]
    closed = [r for r in requirements if r.status not in OPEN_REQUIREMENT]
    # A closed requirement's pipeline is history worth keeping only if it had candidates.
    filled = [r for r in closed if ctx.repo.applications_by_requirement.get(r.id)]
    # The client's page holds its plans and applications (their ids are its anchors): search
    # ranks it above the pages that only mention them (Material's per-page boost; see
    # tests/handbook/test_search_ids.py).
    return blocks.page(
        {"title": client.label, "search": {"boost": 2}},
        _breadcrumb(ctx, client, path),
        f"# {escape.text(client.label)}",
        f"{ctx.as_of_line()} · "
        + labels("punct.field", label=labels("source"), value=ctx.source(_rel(client))),
        blocks.link(labels("progress.latest"), paths.link(path, progress_path(client.id))),
        _key_facts(ctx, client, path),
        _section(
            labels("client.open_clocks"),
            "open_clocks",
            open_clocks(ctx, path, ctx.open_by_client.get(client.id, []), with_client=False),
            feeds.subscribe(ctx, path, feeds.client_path(client.id)),
        ),
        _section(
            labels("client.requirements"),
            "client_requirements",
            _requirements(ctx, path, open_ones) or labels("none"),
            blocks.fold(
                labels("client.closed_requirements", count=len(closed)),
                _requirements(ctx, path, closed),
            ),
        ),
        _section(labels("client.plans"), "client_plans", _plans(ctx, client, path)),
        _section(
            labels("client.pipeline"),
            "client_pipeline",
            _pipelines(ctx, path, open_ones) or labels("none"),
            blocks.fold(
                labels("client.closed_pipelines", count=len(filled)),
                _pipelines(ctx, path, filled),
            ),
        ),
        _section(labels("client.touchpoints"), "contact_history", _touchpoints(ctx, client, path)),
        _section(labels("client.feedback"), "client_feedback", _feedback(ctx, client, path)),
        _section(labels("client.profile"), "client_profile", _profile(ctx, client, path)),
        _section(labels("client.notes"), "client_notes", richtext.render(client.notes))
        if client.notes
        else "",
        _section(labels("client.contacts"), "client_contacts", _contacts(ctx, client)),
        _section(labels("client.sla_overrides"), "sla_overrides", _overrides(ctx, client)),
    )


def _section(title: str, anchor: str, *parts: str) -> str:
    """A section whose heading has a fixed anchor (see the module docstring)."""
    return blocks.section(f"{title} {{: #{anchor} }}", *parts)


def _breadcrumb(ctx: Context, client: Client, path: str) -> str:
    """Clients › the client's name, above the title."""
    clients = blocks.link(ctx.labels("nav.clients"), paths.link(path, paths.CLIENTS))
    label = html.escape(ctx.labels("client.breadcrumb"))
    return (
        f'<nav class="hb-breadcrumb" aria-label="{label}" markdown>\n\n'
        f"{clients} › {escape.text(client.name)}\n\n</nav>"
    )


def _key_facts(ctx: Context, client: Client, path: str) -> str:
    """Tier, status and managers in one line: the profile's essentials, above the work."""
    labels = ctx.labels
    facts = [
        (labels("tier"), ctx.tier_label(client.tier)),
        (labels("status"), labels.value("status.client", client.status)),
        (labels("client.account_manager"), ctx.person_link(path, client.account_manager)),
    ]
    if client.backup_manager:
        facts.append(
            (labels("client.backup_manager"), ctx.person_link(path, client.backup_manager))
        )
    return " · ".join(labels("punct.field", label=name, value=fact) for name, fact in facts)


def anchor(record_id: str) -> str:
    """An empty element whose id is the record's: the target of links to its row."""
    return f'<span id="{html.escape(record_id)}"></span>'


def self_link(path: str, record_id: str) -> str:
    """The record's id as its row's anchor and a link to it (to copy, or to share)."""
    return anchor(record_id) + blocks.link(
        blocks.code(record_id), paths.link(path, path, record_id)
    )


def _rel(record) -> str | None:
    return record.doc.rel if record.doc else None


def _profile(ctx: Context, client: Client, path: str) -> str:
    labels = ctx.labels
    meetings = client.meetings.every if client.meetings and client.meetings.every else None
    return blocks.definitions(
        [
            (
                labels("client.local_name"),
                escape.text(client.name_local) if client.name_local else None,
            ),
            (labels("client.industry"), escape.text(client.industry) if client.industry else None),
            (labels("tier"), ctx.tier_label(client.tier)),
            (
                labels("client.tier_reason"),
                escape.text(client.tier_reason) if client.tier_reason else None,
            ),
            (labels("client.tier_reviewed_on"), ctx.date(client.tier_reviewed_on)),
            (labels("status"), labels.value("status.client", client.status)),
            (labels("client.since"), ctx.date(client.since)),
            (labels("client.account_manager"), ctx.person_link(path, client.account_manager)),
            (
                labels("client.backup_manager"),
                ctx.person_link(path, client.backup_manager) if client.backup_manager else None,
            ),
            (
                labels("client.meetings"),
                labels("client.meetings_every", every=_goal_words(ctx, meetings))
                if meetings
                else None,
            ),
            (labels("client.website"), escape.text(client.website) if client.website else None),
            (labels("client.address"), escape.text(client.address) if client.address else None),
            (
                labels("client.tags"),
                labels("punct.list").join(escape.text(tag) for tag in client.tags) or None,
            ),
        ]
    )


def _goal_words(ctx: Context, goal: str) -> str:
    try:
        return ctx.labels.duration(goal)
    except ValueError:
        return escape.text(goal)


def _contacts(ctx: Context, client: Client) -> str:
    labels = ctx.labels
    rows = [
        [
            escape.text(contact.name),
            escape.text(contact.role),
            escape.text(contact.email),
            escape.text(contact.phone),
            labels("yes") if contact.primary else "",
        ]
        for contact in client.contacts
    ]
    headers = [
        labels("name"),
        labels("client.role"),
        labels("client.email"),
        labels("client.phone"),
        labels("client.primary"),
    ]
    return blocks.table(headers, rows) or labels("none")


def _overrides(ctx: Context, client: Client) -> str:
    labels = ctx.labels
    rows = [
        [
            labels.value("rule", rule),
            blocks.code(rule),
            _goal_words(ctx, goal_for(ctx.repo, rule, client.tier)),
            _goal_words(ctx, str(goal)),
        ]
        for rule, goal in sorted(client.sla.items())
    ]
    headers = [
        labels("rule"),
        labels("id"),
        labels("client.tier_goal"),
        labels("client.agreed_goal"),
    ]
    return blocks.table(headers, rows) or labels("client.sla_overrides_none")


def _requirements(ctx: Context, path: str, requirements: list[Requirement]) -> str:
    labels = ctx.labels
    rows = []
    for requirement in requirements:
        applications = ctx.repo.applications_by_requirement.get(requirement.id, [])
        rows.append(
            [
                ctx.requirement_link(path, requirement.id),
                labels.value("status.requirement", requirement.status),
                requirement.openings,
                ctx.instant(requirement.received_at),
                ctx.date(requirement.target_fill_by),
                len(applications),
            ]
        )
    headers = [
        labels("client.requirements"),
        labels("status"),
        labels("client.openings"),
        labels("req.received_at"),
        labels("client.target_fill_by"),
        labels("client.applications"),
    ]
    return blocks.table(headers, rows, numeric=[2, 5])


def _plans(ctx: Context, client: Client, path: str) -> str:
    """The plans that are not closed; the closed ones folded."""
    plans = sorted(ctx.repo.of_client(client.id, "plan"), key=lambda p: p.id)
    current = "\n\n".join(_plan(ctx, plan, path) for plan in plans if plan.status != "closed")
    closed = [plan for plan in plans if plan.status == "closed"]
    folded = blocks.fold(
        ctx.labels("client.closed_plans", count=len(closed)),
        "\n\n".join(_plan(ctx, plan, path) for plan in closed),
    )
    return "\n\n".join(part for part in (current or ctx.labels("none"), folded) if part)


def _plan(ctx: Context, plan: Plan, path: str) -> str:
    labels = ctx.labels
    summary = blocks.definitions(
        [
            (labels("status"), labels.value("status.plan", plan.status)),
            (
                labels("plan.requirements"),
                labels("punct.list").join(ctx.requirement_link(path, r) for r in plan.requirements)
                or None,
            ),
            (labels("plan.proposed_on"), ctx.date(plan.proposed_on)),
            (labels("plan.client_confirmed_on"), ctx.date(plan.client_confirmed_on)),
            (
                labels("plan.channels"),
                labels("punct.list").join(labels.value("channel", c) for c in plan.channels)
                or None,
            ),
            (
                labels("plan.reporting"),
                _goal_words(ctx, plan.reporting.every)
                if plan.reporting and plan.reporting.every
                else None,
            ),
            (labels("source"), ctx.source(plan.doc.rel if plan.doc else None)),
        ]
    )
    parts = [
        summary,
        richtext.render(plan.position_analysis),
        _milestones(ctx, plan),
        _interview_process(ctx, plan),
        _commitments(ctx, plan),
    ]
    return blocks.section(f"{blocks.code(plan.id)} {{: #{plan.id} }}", *parts, level=3)


def _milestones(ctx: Context, plan: Plan) -> str:
    if not plan.milestones:
        return ""
    labels = ctx.labels
    marks = [Mark(escape.clean(m.name), m.due, m.done_on) for m in plan.milestones]
    if not any(m.due or m.done_on for m in marks):
        return ""
    chart = timeline(
        f"hb-timeline-{plan.id}",
        labels("chart.timeline.title", plan=plan.id),
        _timeline_desc(ctx, marks),
        marks,
        ctx.as_of.date() if _unfinished(plan) else None,
        labels("chart.today"),
        labels("chart.timeline.legend"),
    )
    rows = [
        [escape.text(m.name), ctx.date(m.due), ctx.date(m.done_on) if m.done_on else labels("open")]
        for m in plan.milestones
    ]
    table = blocks.table([labels("plan.milestones"), labels("due"), labels("done")], rows)
    return f"**{labels('plan.milestones')}**\n\n{figure(chart)}\n\n{table}"


def _unfinished(plan: Plan) -> bool:
    """Whether the build date belongs on the plan's timeline (something is still to do)."""
    return plan.status == "active" or any(m.done_on is None for m in plan.milestones)


def _timeline_desc(ctx: Context, marks: list[Mark]) -> str:
    """The chart in words: each milestone with its due and done dates."""
    labels = ctx.labels
    items = [
        labels(
            "punct.field",
            label=mark.name,
            value=f"{labels('due')} {ctx.date(mark.due)}{labels('punct.list')}"
            f"{labels('done')} {ctx.date(mark.done_on) if mark.done_on else labels('open')}",
        )
        for mark in marks
    ]
    return labels("chart.timeline.desc") + " " + labels("punct.clauses").join(items)


def _interview_process(ctx: Context, plan: Plan) -> str:
    labels = ctx.labels
    rows = [
        [step.round, escape.text(step.name), labels.value("by", step.by) if step.by else ""]
        for step in plan.interview_process
    ]
    table = blocks.table(
        [labels("plan.round"), labels("name"), labels("plan.by")], rows, numeric=[0]
    )
    return f"**{labels('plan.interview_process')}**\n\n{table}" if table else ""


def _commitments(ctx: Context, plan: Plan) -> str:
    labels = ctx.labels
    rows = [
        [
            escape.text(item.what),
            ctx.date(item.due),
            ctx.date(item.done_on) if item.done_on else labels("open"),
        ]
        for item in plan.client_commitments
    ]
    table = blocks.table([labels("what"), labels("due"), labels("done")], rows)
    return f"**{labels('plan.commitments')}**\n\n{table}" if table else ""


def _pipelines(ctx: Context, path: str, requirements: list[Requirement]) -> str:
    """The pipeline of each requirement (its applications, or a line saying there are none)."""
    parts = []
    for requirement in requirements:
        applications = ctx.repo.applications_by_requirement.get(requirement.id, [])
        table = application_table(ctx, applications, path)
        parts.append(
            blocks.section(
                ctx.requirement_link(path, requirement.id),
                table or ctx.labels("client.no_applications"),
                level=3,
            )
        )
    return "\n\n".join(parts)


def application_table(ctx: Context, applications: list[Application], path: str) -> str:
    """The pipeline of one requirement: candidates by id, channel, submission and stage.

    Each application's id is its row's anchor and a link to it (on page ``path``).
    """
    labels = ctx.labels
    ordered = sorted(applications, key=lambda a: (a.submitted_at is None, a.submitted_at, a.id))
    rows = [
        [
            self_link(path, application.id),
            blocks.code(application.candidate),
            labels.value("channel", application.channel) if application.channel else "",
            ctx.instant(application.submitted_at),
            labels.value("stage", application_stage(application)),
        ]
        for application in ordered
    ]
    headers = [
        labels("app.application"),
        labels("app.candidate"),
        labels("app.channel"),
        labels("app.submitted_at"),
        labels("app.stage"),
    ]
    return blocks.table(headers, rows)


def _touchpoints(ctx: Context, client: Client, path: str) -> str:
    """The last 90 days of contact, the latest first; older contact folded below."""
    labels = ctx.labels
    since = ctx.as_of - RECENT
    touchpoints: list[Touchpoint] = sorted(
        ctx.repo.of_client(client.id, "touchpoint"),
        key=lambda t: (t.at is not None, t.at, t.id),
        reverse=True,
    )
    recent = [tp for tp in touchpoints if tp.at is not None and tp.at >= since]
    older = touchpoints[len(recent) :]
    if not touchpoints:
        return labels("none")
    return "\n\n".join(
        part
        for part in (
            labels("client.recent_touchpoints", date=ctx.instant(since)),
            _touchpoint_table(ctx, recent, path) or labels("none"),
            blocks.fold(
                labels("client.older_touchpoints", count=len(older), date=ctx.instant(since)),
                _touchpoint_table(ctx, older, path),
            ),
        )
        if part
    )


def _touchpoint_table(ctx: Context, touchpoints: list[Touchpoint], path: str) -> str:
    labels = ctx.labels
    rows = [
        [
            anchor(tp.id) + ctx.instant(tp.at),
            labels.value("touchpoint", tp.type),
            ctx.person_link(path, tp.by),
            labels("punct.list").join(escape.text(name) for name in tp.with_),
            escape.text(tp.summary),
            _actions_inline(ctx, tp.follow_ups),
        ]
        for tp in touchpoints
    ]
    headers = [
        labels("date"),
        labels("tp.type"),
        labels("tp.by"),
        labels("tp.with"),
        labels("tp.summary"),
        labels("tp.follow_ups"),
    ]
    return blocks.table(headers, rows)


def _actions_inline(ctx: Context, actions) -> str:
    labels = ctx.labels
    items = []
    for action in actions:
        state = f"{labels('done')} {ctx.date(action.done_on)}" if action.done_on else labels("open")
        facts = (ctx.person_name(action.owner), f"{labels('due')} {ctx.date(action.due)}", state)
        aside = labels("punct.list").join(facts)
        items.append(labels("punct.aside", text=escape.text(action.action), aside=aside))
    return "<br>".join(items)


def _feedback(ctx: Context, client: Client, path: str) -> str:
    labels = ctx.labels
    feedback: list[Feedback] = sorted(
        ctx.repo.of_client(client.id, "feedback"), key=lambda f: (f.on is None, f.on), reverse=True
    )
    if not feedback:
        return labels("none")
    rows = [
        [
            anchor(item.id) + ctx.date(item.on),
            item.scores.overall,
            _score(item.scores.responsiveness),
            _score(item.scores.candidate_quality),
            _score(item.scores.communication),
            _score(item.nps),
            ctx.requirement_link(path, item.requirement) if item.requirement else "",
            escape.text(item.comments),
        ]
        for item in feedback
    ]
    headers = [
        labels("fb.on"),
        labels("fb.overall"),
        labels("fb.responsiveness"),
        labels("fb.candidate_quality"),
        labels("fb.communication"),
        labels("fb.nps"),
        labels("client.requirements"),
        labels("fb.comments"),
    ]
    scores = blocks.table(headers, rows, numeric=[1, 2, 3, 4, 5])
    action_rows = [
        [
            escape.text(action.action),
            ctx.person_link(path, action.owner),
            ctx.date(action.due),
            ctx.date(action.done_on) if action.done_on else labels("open"),
            ctx.date(item.on),
        ]
        for item in feedback
        for action in item.actions
    ]
    actions = blocks.table(
        [labels("fb.action"), labels("owner"), labels("due"), labels("done"), labels("fb.on")],
        action_rows,
    )
    return scores + (f"\n\n**{labels('fb.actions')}**\n\n{actions}" if actions else "")


def _score(value: int | None) -> str:
    return "" if value is None else str(value)
