"""The home page: the agency at a glance, "as of" the build.

Each person's work (links to their "my work" page), clients per tier, the open requirements,
the clocks someone must act on this week, and the latest placements. Long lists are cut to
their first items and say so ("15 of 24 shown", :mod:`hirebook.handbook.cut`), linking to the
page with the whole list: the week's clocks (:mod:`~hirebook.handbook.pages.my_work`), and the
open requirements and placements, whose pages this module writes.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.clocks import clock_table
from hirebook.handbook.context import OPEN_REQUIREMENT, Context
from hirebook.handbook.cut import shown_note
from hirebook.handbook.page import Page
from hirebook.handbook.pages.my_work import (
    counts_line,
    needs_action,
    open_requirements,
    requirement_table,
)
from hirebook.records.model import Application
from hirebook.sla.clock import State

LATEST = 10
OPEN_SHOWN = 15
CLOCKS_SHOWN = 15


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.HOME, Page(render(ctx))
    yield paths.OPEN_REQUIREMENTS, Page(render_open_requirements(ctx))
    yield paths.PLACEMENTS, Page(render_placements(ctx))


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
        blocks.section(labels("home.my_work"), _my_work(ctx)),
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


def _my_work(ctx: Context) -> str:
    """Everyone who has clocks to act on or is active, with their counts, linking to their
    "my work" page; then the clocks no one owns (data protection), so the rows add up to the
    week's counts."""
    labels = ctx.labels
    people = sorted(ctx.repo.people.values(), key=lambda p: (p.name.casefold(), p.id))
    rows = []
    for person in people:
        now = needs_action(ctx, ctx.open_by_owner.get(person.id, []))
        if person.active or now:
            link = paths.link(paths.HOME, paths.work(person.id))
            rows.append(_counts_row(blocks.link(escape.text(person.name), link), now))
    unowned = needs_action(ctx, ctx.open_by_owner.get(None, []))
    if unowned:
        link = paths.link(paths.HOME, paths.THIS_WEEK)
        rows.append(_counts_row(blocks.link(labels("sla.no_owner"), link), unowned))
    headers = [
        labels("name"),
        labels("home.overdue_count"),
        labels("home.at_risk_count"),
        labels("home.due_this_week"),
    ]
    table = blocks.table(headers, rows, numeric=[1, 2, 3])
    return f"{labels('home.my_work_intro')}\n\n{table}" if table else labels("none")


def _counts_row(label: str, now: list) -> list[object]:
    overdue = sum(f.state is State.OVERDUE for f in now)
    at_risk = sum(f.state is State.AT_RISK for f in now)
    return [label, overdue, at_risk, len(now) - overdue - at_risk]


def _open_requirements(ctx: Context) -> str:
    labels = ctx.labels
    open_ones = open_requirements(ctx)
    if not open_ones:
        return labels("none")
    shown = open_ones[:OPEN_SHOWN]
    return "\n\n".join(
        part
        for part in (
            _status_counts(ctx, open_ones),
            requirement_table(ctx, paths.HOME, shown),
            shown_note(ctx, paths.HOME, len(shown), len(open_ones), paths.OPEN_REQUIREMENTS),
        )
        if part
    )


def _status_counts(ctx: Context, requirements: list) -> str:
    """ "**14** (Draft: 2, Confirmed: 11, On hold: 1)"."""
    labels = ctx.labels
    by_status = {s: sum(r.status == s for r in requirements) for s in OPEN_REQUIREMENT}
    summary = labels("punct.list").join(
        labels("punct.field", label=labels.value("status.requirement", s), value=n)
        for s, n in by_status.items()
    )
    return labels("punct.aside", text=f"**{len(requirements)}**", aside=summary)


def _this_week(ctx: Context) -> str:
    """Overdue and at-risk clocks, and on-track ones due before the week ends (Sunday)."""
    labels = ctx.labels
    chosen = needs_action(ctx, ctx.open_findings)
    shown = chosen[:CLOCKS_SHOWN]
    board = blocks.link(labels("nav.sla"), paths.link(paths.HOME, paths.SLA))
    parts = (
        labels("home.needs_action_intro"),
        counts_line(ctx, chosen),
        clock_table(ctx, paths.HOME, shown, compact=True),
        shown_note(ctx, paths.HOME, len(shown), len(chosen), paths.THIS_WEEK),
        f"→ {board}",
    )
    return "\n\n".join(part for part in parts if part)


def _accepted(ctx: Context) -> list[Application]:
    """Accepted offers, the latest first."""
    accepted = [a for a in ctx.repo.applications.values() if a.accepted_on]
    accepted.sort(key=lambda a: (a.accepted_on, a.id), reverse=True)
    return accepted


def _placements(ctx: Context) -> str:
    accepted = _accepted(ctx)
    shown = accepted[:LATEST]
    table = placement_table(ctx, paths.HOME, shown)
    if not table:
        return ctx.labels("none")
    note = shown_note(ctx, paths.HOME, len(shown), len(accepted), paths.PLACEMENTS)
    return f"{table}\n\n{note}" if note else table


def placement_table(ctx: Context, from_page: str, accepted: list[Application]) -> str:
    labels = ctx.labels
    rows = [
        [
            ctx.date(a.accepted_on),
            ctx.date(a.placement.start_on) if a.placement else labels("not_set"),
            blocks.code(a.candidate),
            ctx.requirement_link(from_page, a.requirement),
            ctx.client_link(from_page, a.client, short=True),
        ]
        for a in accepted
    ]
    headers = [
        labels("home.accepted_on"),
        labels("home.start_on"),
        labels("home.candidate"),
        labels("client.requirements"),
        labels("client"),
    ]
    return blocks.table(headers, rows)


# --- the whole lists --------------------------------------------------------------------------


def render_open_requirements(ctx: Context) -> str:
    labels = ctx.labels
    open_ones = open_requirements(ctx)
    return blocks.page(
        {"title": labels("home.open_requirements"), "search": blocks.NOT_SEARCHED},
        f"# {labels('home.open_requirements')}",
        f"**{ctx.as_of_line()}**",
        _status_counts(ctx, open_ones) if open_ones else "",
        requirement_table(ctx, paths.OPEN_REQUIREMENTS, open_ones) or labels("none"),
    )


def render_placements(ctx: Context) -> str:
    labels = ctx.labels
    return blocks.page(
        {"title": labels("home.placements"), "search": blocks.NOT_SEARCHED},
        f"# {labels('home.placements')}",
        f"**{ctx.as_of_line()}**",
        placement_table(ctx, paths.PLACEMENTS, _accepted(ctx)) or labels("none"),
    )
