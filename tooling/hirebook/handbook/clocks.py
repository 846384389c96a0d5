"""The table of SLA clocks that the home page, client pages, team pages and the board share,
and the fold of on-track clocks that the board, client pages and my-work pages share.

The message is worded in the page's language (:mod:`hirebook.handbook.messages`), so a
Chinese page has every column an English one has and a page never mixes languages.
A clock's item links to the page that shows its record (a requirement or the client); a
candidate's clock (data retention) shows the id only.

On a phone every clock is a card of its own, so a page that lists clocks shows those to act
on (overdue, at risk) in full and folds the on-track ones in one closed ``<details>``
(:func:`on_track_fold`) whose summary counts them and names the next due: one line where
they took screens, still on the page for find-in-page.
"""

from __future__ import annotations

from collections.abc import Iterable

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.messages import clock_message
from hirebook.sla.clock import Finding, State


def state_badge(ctx: Context, state: str) -> str:
    """The state as a coloured label (colour is never the only cue: the word is there too)."""
    css = "hb-" + state.replace("_", "-")
    return f'<span class="hb-state {css}">{ctx.labels.value("state", state)}</span>'


def clock_table(
    ctx: Context,
    from_page: str,
    findings: Iterable[Finding],
    with_client: bool = True,
    compact: bool = False,
    with_owner: bool = True,
) -> str:
    """A table of clocks; ``compact`` leaves out the message and the record file,
    ``with_owner=False`` the owner (a page of one person's clocks)."""
    headers = [ctx.labels("state"), ctx.labels("rule"), ctx.labels("sla.subject")]
    if with_client:
        headers.append(ctx.labels("client"))
    headers.append(ctx.labels("due"))
    if with_owner:
        headers.append(ctx.labels("owner"))
    if not compact:
        headers.append(ctx.labels("sla.message"))
    if not compact:
        headers.append(ctx.labels("source"))
    rows = []
    for finding in findings:
        clock = finding.clock
        row = [
            state_badge(ctx, str(finding.state)),
            ctx.labels.value("rule", clock.rule),
            _subject(ctx, from_page, finding),
        ]
        if with_client:
            row.append(ctx.client_link(from_page, clock.client, short=True))
        row.append(ctx.instant(clock.due))
        if with_owner:
            row.append(ctx.person_link(from_page, clock.owner))
        if not compact:
            row.append(escape.text(clock_message(ctx.labels, finding, ctx.day_length)))
        if not compact:
            row.append(ctx.source(clock.record, clock.line, short=True))
        rows.append(row)
    return blocks.table(headers, rows)


def split_on_track(findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
    """``findings`` as (those to act on — overdue, at risk —, those on track), each in the
    order given."""
    to_act_on: list[Finding] = []
    on_track: list[Finding] = []
    for finding in findings:
        (on_track if finding.state is State.ON_TRACK else to_act_on).append(finding)
    return to_act_on, on_track


def on_track_fold(ctx: Context, from_page: str, findings: list[Finding], **columns: bool) -> str:
    """On-track clocks in one closed fold whose summary counts them and names the next due
    ("On track: 7, the next due …"); nothing for no clock. ``columns`` are
    :func:`clock_table`'s (``with_client``, ``compact``, ``with_owner``)."""
    if not findings:
        return ""
    summary = ctx.labels(
        "sla.on_track_fold",
        count=len(findings),
        due=ctx.instant(min(f.clock.due for f in findings)),
    )
    return blocks.fold(summary, clock_table(ctx, from_page, findings, **columns))


def open_clocks(ctx: Context, from_page: str, findings: list[Finding], **columns: bool) -> str:
    """The clocks to act on (overdue, at risk) in full, the on-track ones in one closed fold
    (:func:`on_track_fold`); the catalogue's "none" for no clock. A client or a person with
    many clocks on track (northwind-cloud: 8 of 11) would otherwise push what follows screens
    down on a phone. ``columns`` are :func:`clock_table`'s."""
    if not findings:
        return ctx.labels("none")
    to_act_on, on_track = split_on_track(findings)
    parts = (
        clock_table(ctx, from_page, to_act_on, **columns),
        on_track_fold(ctx, from_page, on_track, **columns),
    )
    return "\n\n".join(part for part in parts if part)


def _subject(ctx: Context, from_page: str, finding: Finding) -> str:
    clock = finding.clock
    label = blocks.code(clock.subject)
    target = page_of_record(ctx, clock.record)
    if target is None:
        return label
    anchor = row_anchor(ctx, clock.record)
    if target == from_page and anchor is None:
        return label
    return blocks.link(label, paths.link(from_page, target, anchor))


ROW_KINDS = ("applications", "plans", "touchpoints", "feedback")
"""Record folders whose records are rows or sections of their client's page, each with the
record's id as its anchor (:mod:`hirebook.handbook.pages.client`)."""


def row_anchor(ctx: Context, rel: str) -> str | None:
    """The anchor of the record in file ``rel`` on its client's page, if it has one there."""
    prefix = ctx.repo.records_prefix
    parts = rel[len(prefix) :].split("/") if rel.startswith(prefix) else []
    if len(parts) == 4 and parts[0] == "clients" and parts[2] in ROW_KINDS:
        return _stem(parts[3])
    return None


def page_of_record(ctx: Context, rel: str) -> str | None:
    """The generated page that shows the record in file ``rel`` (None for candidates)."""
    # Plain string work: a large board asks this for thousands of clocks.
    prefix = ctx.repo.records_prefix
    if not rel.startswith(prefix):
        return None
    parts = rel[len(prefix) :].split("/")
    if len(parts) >= 3 and parts[0] == "clients" and parts[1] in ctx.repo.clients:
        if len(parts) == 4 and parts[2] == "requirements":
            requirement = ctx.repo.requirements.get(_stem(parts[3]))
            if requirement is not None and requirement.client == parts[1]:
                return paths.requirement(parts[1], requirement.id)
        return paths.client(parts[1])
    if len(parts) == 2 and parts[0] == "team" and _stem(parts[1]) in ctx.repo.people:
        return paths.person(_stem(parts[1]))
    return None


def _stem(name: str) -> str:
    """A file name without its suffix, as ``PurePosixPath(name).stem``."""
    stem, dot, suffix = name.rpartition(".")
    return stem if stem and suffix else name
