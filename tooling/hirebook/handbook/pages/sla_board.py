"""The SLA board: every open clock, grouped by the person who must act and by client.

Groups that hold overdue clocks come first, and inside a group the clocks keep the engine's
order (overdue, then at risk, then on track; earliest due first), so the top of the page is
always what needs doing now.

One exception keeps the board readable: every candidate file has a ``data-retention`` clock,
so a large agency has thousands of them on track, years from due. Those are counted in one
line (with the earliest due date) instead of listed; overdue and at-risk ones are listed
like any other clock.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, paths
from hirebook.handbook.clocks import clock_table
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.sla.clock import STATE_ORDER, Finding, State


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.SLA, Page(render(ctx))


def _summarised(finding: Finding) -> bool:
    """On-track retention clocks: counted in one line, not listed (see the module docstring)."""
    return finding.clock.rule == "data-retention" and finding.state is State.ON_TRACK


def _urgency(findings: list[Finding]) -> tuple:
    """Sort key of a group: most urgent state first, then the most overdue clocks."""
    return (
        min(STATE_ORDER[f.state] for f in findings),
        -sum(f.state is State.OVERDUE for f in findings),
        min(f.clock.due for f in findings),
    )


def render(ctx: Context) -> str:
    labels = ctx.labels
    findings = ctx.open_findings
    summary = labels(
        "sla.summary",
        overdue=sum(f.state is State.OVERDUE for f in findings),
        at_risk=sum(f.state is State.AT_RISK for f in findings),
        on_track=sum(f.state is State.ON_TRACK for f in findings),
    )
    quiet = [f for f in findings if _summarised(f)]
    by_owner: dict[str | None, list[Finding]] = {}
    for finding in findings:
        if not _summarised(finding):
            by_owner.setdefault(finding.clock.owner, []).append(finding)
    owners = sorted(by_owner.items(), key=lambda item: (_urgency(item[1]), item[0] or ""))
    sections = [_owner_section(ctx, owner, owned) for owner, owned in owners]
    if quiet:
        first = min(f.clock.due for f in quiet)
        line = labels("sla.retention_summary", count=len(quiet), due=ctx.instant(first))
        sections.append(blocks.section(labels.value("rule", "data-retention"), line))
    return blocks.page(
        {"title": labels("sla.title"), "hide": ["toc"], "search": blocks.NOT_SEARCHED},
        f"# {labels('sla.title')}",
        f"{labels('sla.intro')}\n\n**{ctx.as_of_line()}** · {summary}",
        *sections,
    )


def _owner_section(ctx: Context, owner: str | None, findings: list[Finding]) -> str:
    by_client: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_client.setdefault(finding.clock.client, []).append(finding)
    clients = sorted(by_client.items(), key=lambda item: (_urgency(item[1]), item[0] or ""))
    parts = [
        blocks.section(
            ctx.client_link(paths.SLA, client),
            clock_table(ctx, paths.SLA, client_findings, with_client=False),
            level=3,
        )
        for client, client_findings in clients
    ]
    title = ctx.person_link(paths.SLA, owner) if owner else ctx.labels("sla.no_owner")
    return blocks.section(title, *parts)
