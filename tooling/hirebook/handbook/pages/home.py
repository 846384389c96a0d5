"""The home page: the agency at a glance, "as of" the build.

Clients per tier, the open requirements, the clocks someone must act on this week, and the
latest placements. Long lists are cut to the most recent items; the section pages hold the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.clocks import clock_table
from hirebook.handbook.context import OPEN_REQUIREMENT, Context
from hirebook.handbook.page import Page
from hirebook.sla.clock import State

LATEST = 10
OPEN_SHOWN = 15
CLOCKS_SHOWN = 15


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.HOME, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    agency = (
        ctx.repo.policy.agency
        if ctx.repo.policy and ctx.repo.policy.agency
        else labels("home.title")
    )
    return blocks.page(
        {"title": labels("nav.home"), "hide": ["toc"]},
        f"# {escape.text(agency)}",
        f"{labels('home.intro')}\n\n**{ctx.as_of_line()}**",
        blocks.section(labels("home.clients_per_tier"), _tiers(ctx)),
        blocks.section(labels("home.open_requirements"), _open_requirements(ctx)),
        blocks.section(labels("home.needs_action"), _this_week(ctx)),
        blocks.section(labels("home.latest_placements"), _placements(ctx)),
    )


def _tiers(ctx: Context) -> str:
    labels = ctx.labels
    counts: dict[str, list[int]] = {tier: [0, 0] for tier in ctx.tiers}
    for client in ctx.repo.clients.values():
        count = counts.setdefault(client.tier, [0, 0])
        count[0] += 1
        count[1] += client.status == "active"
    rows = [
        [
            blocks.link(
                ctx.tier_label(tier), paths.link(paths.HOME, paths.CLIENTS, f"tier-{tier}")
            ),
            total,
            active,
        ]
        for tier, (total, active) in counts.items()
    ]
    rows.append(
        [
            f"**{labels('total')}**",
            sum(c[0] for c in counts.values()),
            sum(c[1] for c in counts.values()),
        ]
    )
    return blocks.table(
        [labels("tier"), labels("nav.clients"), labels("home.active_clients")], rows, numeric=[1, 2]
    )


def _open_requirements(ctx: Context) -> str:
    labels = ctx.labels
    open_ones = [r for r in ctx.repo.requirements.values() if r.status in OPEN_REQUIREMENT]
    open_ones.sort(key=lambda r: (r.received_at is None, r.received_at), reverse=True)
    by_status = {status: sum(r.status == status for r in open_ones) for status in OPEN_REQUIREMENT}
    summary = ", ".join(
        f"{labels.value('status.requirement', s)}: {n}" for s, n in by_status.items()
    )
    rows = [
        [
            ctx.requirement_link(paths.HOME, r.id),
            ctx.client_link(paths.HOME, r.client, short=True),
            labels.value("status.requirement", r.status),
            ctx.instant(r.received_at),
            ctx.date(r.target_fill_by),
            len(ctx.repo.applications_by_requirement.get(r.id, [])),
        ]
        for r in open_ones[:OPEN_SHOWN]
    ]
    headers = [
        labels("client.requirements"),
        labels("client"),
        labels("status"),
        labels("req.received_at"),
        labels("client.target_fill_by"),
        labels("client.applications"),
    ]
    table = blocks.table(headers, rows, numeric=[5])
    return f"**{len(open_ones)}** ({summary})\n\n{table}" if open_ones else labels("none")


def _this_week(ctx: Context) -> str:
    """Overdue and at-risk clocks, and on-track ones due before the week ends (Sunday)."""
    labels = ctx.labels
    local = ctx.as_of
    week_end = (local + timedelta(days=6 - local.weekday())).replace(hour=23, minute=59, second=59)
    chosen = [
        f
        for f in ctx.open_findings
        if f.state in (State.OVERDUE, State.AT_RISK) or f.clock.due <= week_end
    ]
    overdue = sum(f.state is State.OVERDUE for f in chosen)
    at_risk = sum(f.state is State.AT_RISK for f in chosen)
    due_soon = len(chosen) - overdue - at_risk
    counts = (
        f"{labels('home.overdue_count')}: **{overdue}** · {labels('home.at_risk_count')}: "
        f"**{at_risk}** · {labels('home.due_this_week')}: **{due_soon}**"
    )
    board = blocks.link(labels("nav.sla"), paths.link(paths.HOME, paths.SLA))
    table = clock_table(ctx, paths.HOME, chosen[:CLOCKS_SHOWN], compact=True)
    return "\n\n".join(
        part for part in (labels("home.needs_action_intro"), counts, table, f"→ {board}") if part
    )


def _placements(ctx: Context) -> str:
    labels = ctx.labels
    accepted = [a for a in ctx.repo.applications.values() if a.accepted_on]
    accepted.sort(key=lambda a: (a.accepted_on, a.id), reverse=True)
    rows = [
        [
            ctx.date(a.accepted_on),
            ctx.date(a.placement.start_on) if a.placement else labels("not_set"),
            blocks.code(a.candidate),
            ctx.requirement_link(paths.HOME, a.requirement),
            ctx.client_link(paths.HOME, a.client, short=True),
        ]
        for a in accepted[:LATEST]
    ]
    headers = [
        labels("home.accepted_on"),
        labels("home.start_on"),
        labels("home.candidate"),
        labels("client.requirements"),
        labels("client"),
    ]
    return blocks.table(headers, rows) or labels("none")
