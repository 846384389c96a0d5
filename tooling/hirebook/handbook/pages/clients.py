"""The client directory: every client, grouped by tier (the policy's order), by name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.context import OPEN_REQUIREMENT, Context
from hirebook.handbook.page import Page
from hirebook.sla.clock import State

_ANCHOR = re.compile(r"[a-z0-9][a-z0-9_-]*")


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.CLIENTS, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    open_requirements: dict[str, int] = {}
    for requirement in ctx.repo.requirements.values():
        if requirement.status in OPEN_REQUIREMENT and requirement.client:
            open_requirements[requirement.client] = open_requirements.get(requirement.client, 0) + 1
    by_tier: dict[str, list] = {tier: [] for tier in ctx.tiers}
    for client in ctx.sorted_clients:
        by_tier.setdefault(client.tier, []).append(client)
    sections = []
    for tier, clients in by_tier.items():
        rows = [
            [
                blocks.link(
                    escape.text(client.label), paths.link(paths.CLIENTS, paths.client(client.id))
                ),
                escape.text(client.industry),
                labels.value("status.client", client.status),
                ctx.person_link(paths.CLIENTS, client.account_manager),
                open_requirements.get(client.id, 0),
                sum(f.state is State.OVERDUE for f in ctx.open_by_client.get(client.id, [])),
            ]
            for client in clients
        ]
        headers = [
            labels("client"),
            labels("client.industry"),
            labels("status"),
            labels("client.account_manager"),
            labels("home.open_requirements"),
            labels("home.overdue_count"),
        ]
        heading = ctx.tier_label(tier) + (f" {{#tier-{tier}}}" if _ANCHOR.fullmatch(tier) else "")
        count = labels("clients.count_by_tier", count=len(clients))
        sections.append(blocks.section(heading, count, blocks.table(headers, rows, numeric=[4, 5])))
    return blocks.page(
        {"title": labels("clients.title")},
        f"# {labels('clients.title')}",
        labels("clients.intro"),
        *sections,
    )
