"""The SLA board: every open clock, grouped by the person who must act and by client.

The board is read every morning, often on a phone, where each clock is a card of its own
(site/assets/hirebook.css stacks a table's cells below 600 px). So it is laid out for what
needs doing now, with nothing left out:

- Above everything, the people in board order, each with their counts and a link to their
  section: one tap to one's own clocks.
- Each person's section lists their overdue and at-risk clocks in full, in one table, client
  by client (the client whose clocks are most urgent first).
- Their on-track clocks follow, folded in one ``<details>`` (closed; a click, a tap or Enter
  opens it, no script needed) whose summary counts them and says when the next is due. They
  stay in the page: the browser's find-in-page finds them (Chromium opens the fold by itself).
- Sections whose person has overdue clocks come first (the most overdue first), then those
  with clocks at risk, then the rest.

The person is the section's heading, so the rows leave the Owner column out; the client is a
column rather than a heading of its own, as most clients of a section have one or two clocks
to act on. Measured in Chromium (with hirebook.css's denser stacked rows): at 390 px the
demo's board went from 17,867 to 6,169 px and a generated agency of 1,000 clients from 516,547
to 167,766 px; at 1280 px from 6,665 to 2,997 and from 203,110 to 51,393 px
(tests/handbook/test_board_phone_browser.py keeps the demo's last clock to act on within 10
screens on a phone).

One exception: every candidate file has a ``data-retention`` clock, so a large agency has
thousands of them on track, years from due. Those are counted in one line (with the earliest
due date) at the end of their section (no single owner's) instead of listed; overdue and
at-risk ones are listed like any other clock. The counts of the list of people, like the
page's, include them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hirebook.handbook import blocks, paths
from hirebook.handbook.clocks import clock_table, on_track_fold, split_on_track
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.sla.clock import STATE_ORDER, Finding, State

Group = tuple[str | None, list[Finding]]
"""A person (None: no single owner) or a client, with their clocks in board order."""


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.SLA, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    findings = ctx.open_findings
    owners = _groups(findings, lambda f: f.clock.owner)
    return blocks.page(
        {"title": labels("sla.title"), "hide": ["toc"], "search": blocks.NOT_SEARCHED},
        f"# {labels('sla.title')}",
        f"{labels('sla.intro')}\n\n**{ctx.as_of_line()}** · {_counts(ctx, findings)}",
        _people(ctx, owners),
        *(_owner_section(ctx, owner, owned) for owner, owned in owners),
    )


def _summarised(finding: Finding) -> bool:
    """On-track retention clocks: counted in one line, not listed (see the module docstring)."""
    return finding.clock.rule == "data-retention" and finding.state is State.ON_TRACK


def _groups(findings: list[Finding], key: Callable[[Finding], str | None]) -> list[Group]:
    """``findings`` grouped by ``key`` (the owner or the client), most urgent group first."""
    grouped: dict[str | None, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(key(finding), []).append(finding)
    return sorted(grouped.items(), key=lambda item: (_urgency(item[1]), item[0] or ""))


def _urgency(findings: list[Finding]) -> tuple:
    """Sort key of a group: most urgent state first, then the most overdue clocks."""
    return (
        min(STATE_ORDER[f.state] for f in findings),
        -sum(f.state is State.OVERDUE for f in findings),
        min(f.clock.due for f in findings),
    )


def _counts(ctx: Context, findings: list[Finding]) -> str:
    """ "2 overdue, 1 at risk, 4 on track." for ``findings``."""
    return ctx.labels(
        "sla.summary",
        overdue=sum(f.state is State.OVERDUE for f in findings),
        at_risk=sum(f.state is State.AT_RISK for f in findings),
        on_track=sum(f.state is State.ON_TRACK for f in findings),
    )


def _anchor(owner: str | None) -> str:
    """The fixed anchor of a person's section. Ids have no underscore, so ``no_owner`` is
    never a person's; an explicit anchor outranks the ones MkDocs makes from headings' text."""
    return f"owner_{owner}" if owner else "no_owner"


def _people(ctx: Context, owners: list[Group]) -> str:
    """The people in board order, each a link to their section with their counts: on a
    phone, one tap to one's own clocks instead of scrolling past everyone else's."""
    if len(owners) < 2:
        return ""
    return "\n".join(
        "- "
        + ctx.labels(
            "sla.person_counts",
            name=f"[{_owner_name(ctx, owner)}](#{_anchor(owner)})",
            counts=_counts(ctx, owned),
        )
        for owner, owned in owners
    )


def _owner_name(ctx: Context, owner: str | None) -> str:
    return ctx.person_name(owner) if owner else ctx.labels("sla.no_owner")


def _owner_section(ctx: Context, owner: str | None, findings: list[Finding]) -> str:
    """One person's clocks: what needs doing now, client by client, then the on-track ones
    folded, then the count of the on-track retention clocks (no single owner's)."""
    now, on_track = split_on_track(findings)
    by_client = _groups(now, lambda f: f.clock.client)
    later = [f for f in on_track if not _summarised(f)]
    title = ctx.person_link(paths.SLA, owner) if owner else _owner_name(ctx, owner)
    return blocks.section(
        f"{title} {{: #{_anchor(owner)} }}",
        clock_table(ctx, paths.SLA, [f for _, owned in by_client for f in owned], with_owner=False),
        on_track_fold(ctx, paths.SLA, later, with_owner=False),
        _retention(ctx, [f for f in findings if _summarised(f)]),
    )


def _retention(ctx: Context, findings: list[Finding]) -> str:
    """The on-track retention clocks in one line (see the module docstring)."""
    if not findings:
        return ""
    first = ctx.instant(min(f.clock.due for f in findings))
    return ctx.labels("sla.retention_summary", count=len(findings), due=first)
