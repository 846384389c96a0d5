"""One page per client: the latest progress report, as the client receives it.

The report of the week that ended at the site's instant (:mod:`hirebook.progress`), with the
handbook's escaping and candidates by id only — the handbook never shows a name. ``hirebook
progress CLIENT`` writes the same report for sending.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from hirebook.handbook import blocks, escape
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.progress.model import CLOCK_RULES, Period, progress_report
from hirebook.progress.render import MarkdownWriter, compose
from hirebook.sla.engine import Board


def path(client_id: str) -> str:
    """The page of a client's latest progress report, beside the client's page."""
    return f"clients/{client_id}/progress.md"


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    period = Period.week_before(ctx.as_of)
    writer = MarkdownWriter(escape.text, blocks.code)
    clocks = _clocks_by_client(ctx.board)
    for client in ctx.repo.clients.values():
        board = Board(ctx.board.as_of, clocks.get(client.id, []))
        report = progress_report(ctx.repo, client, period, board)
        title = ctx.labels("progress.title", client=client.label)
        body = compose(report, ctx.labels, writer)
        note = ctx.labels("progress.page_note", command=f"`hirebook progress {client.id}`")
        front = {"title": title, "search": blocks.NOT_SEARCHED}
        yield path(client.id), Page(blocks.page(front, body, note), None)


def _clocks_by_client(board: Board) -> dict[str | None, list]:
    """The clocks a report quotes, by client: each page looks at its own client's only."""
    index: dict[str | None, list] = defaultdict(list)
    for finding in board.findings:
        if finding.clock.rule in CLOCK_RULES:
            index[finding.clock.client].append(finding)
    return index
