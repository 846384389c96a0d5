"""Team pages: each account manager with their clients and workload, one page per person.

The workload is the reports engine's ``workload`` metric (clients by tier, open requirements,
open applications, overdue and at-risk clocks): the same numbers as ``hirebook report
workload`` and the reports page, never a second definition.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, escape, feeds, paths
from hirebook.handbook.clocks import open_clocks
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.handbook.pages.my_work import needs_action
from hirebook.records.model import Person

COUNTS = ("open_requirements", "open_applications", "overdue", "at_risk")


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    loads = ctx.report.summary.get("workload", {}) if ctx.report else {}
    yield paths.TEAM, Page(render_index(ctx, loads))
    for person in ctx.repo.people.values():
        path = paths.person(person.id)
        source = person.doc.rel if person.doc else None
        yield path, Page(render_person(ctx, person, loads.get(person.id, {}), path), source)


def _headers(ctx: Context) -> list[str]:
    labels = ctx.labels
    return [
        labels("name"),
        labels("team.roles"),
        labels("team.clients"),
        labels("team.open_requirements"),
        labels("team.open_applications"),
        labels("team.overdue"),
        labels("team.at_risk"),
        labels("work.column"),
    ]


def _roles(ctx: Context, person: Person) -> str:
    labels = ctx.labels
    roles = labels("punct.list").join(labels.value("role", role) for role in person.roles)
    return (
        roles if person.active else labels("punct.aside", text=roles, aside=labels("team.inactive"))
    )


def _load_cells(ctx: Context, load: dict) -> list[object]:
    tiers = load.get("clients", {})
    by_tier = ctx.labels("punct.list").join(
        f"{ctx.tier_label(t)} {n}" for t in ctx.tiers if (n := tiers.get(t))
    )
    return [by_tier or "0", *(load.get(key, 0) for key in COUNTS)]


def _work_link(ctx: Context, from_page: str, person: Person) -> str:
    """A link to the person's "my work" page, saying how many clocks to act on it lists."""
    count = len(needs_action(ctx, ctx.open_by_owner.get(person.id, [])))
    words = ctx.labels("work.link", count=count)
    return blocks.link(words, paths.link(from_page, paths.work(person.id)))


def render_index(ctx: Context, loads: dict[str, dict]) -> str:
    people = sorted(
        ctx.repo.people.values(),
        key=lambda p: ("account_manager" not in p.roles, not p.active, p.name.casefold()),
    )
    rows = [
        [
            blocks.link(escape.text(p.name), paths.link(paths.TEAM, paths.person(p.id))),
            _roles(ctx, p),
            *_load_cells(ctx, loads.get(p.id, {})),
            _work_link(ctx, paths.TEAM, p),
        ]
        for p in people
    ]
    return blocks.page(
        {"title": ctx.labels("team.title")},
        f"# {ctx.labels('team.title')}",
        ctx.labels("team.intro"),
        blocks.table(_headers(ctx), rows, numeric=[3, 4, 5, 6]) or ctx.labels("none"),
    )


def render_person(ctx: Context, person: Person, load: dict, path: str) -> str:
    labels = ctx.labels
    clients = ctx.clients_by_manager.get(person.id, [])
    client_rows = [
        [
            ctx.client_link(path, client.id),
            ctx.tier_label(client.tier),
            labels.value("status.client", client.status),
        ]
        for client in clients
    ]
    backups = labels("punct.list").join(
        ctx.client_link(path, c.id) for c in ctx.clients_by_backup.get(person.id, [])
    )
    details = blocks.definitions(
        [
            (labels("work.column"), _work_link(ctx, path, person)),
            (labels("team.roles"), _roles(ctx, person) or None),
            (labels("team.email"), escape.text(person.email) if person.email else None),
            (labels("team.backup_for"), backups or None),
            (labels("source"), ctx.source(person.doc.rel if person.doc else None)),
        ]
    )
    workload = blocks.table(_headers(ctx)[2:-1], [_load_cells(ctx, load)], numeric=[1, 2, 3, 4])
    client_table = blocks.table([labels("client"), labels("tier"), labels("status")], client_rows)
    # Every clock on this page is the person's own: no Owner column repeating their name.
    clocks = open_clocks(ctx, path, ctx.open_by_owner.get(person.id, []), with_owner=False)
    return blocks.page(
        {"title": person.name},
        f"# {escape.text(person.name)}",
        details,
        blocks.section(labels("metric.workload"), workload),
        blocks.section(labels("team.clients"), client_table or labels("none")),
        blocks.section(
            labels("team.clocks"),
            clocks,
            feeds.subscribe(ctx, path, feeds.person_path(person.id)),
        ),
    )
