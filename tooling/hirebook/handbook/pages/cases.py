"""Cases: the knowledge-sharing write-ups, listed by tag, one page each.

A case body is Markdown written by staff; it is rendered with raw HTML disabled
(:mod:`hirebook.handbook.richtext`). Tags are printed as escaped text, never put into front
matter, because the theme prints front-matter tags without escaping.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, escape, paths, richtext
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.records.model import Case


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.CASES, Page(render_index(ctx))
    for case in ctx.repo.cases.values():
        path = paths.case(case.id)
        yield path, Page(render_case(ctx, case, path), case.doc.rel if case.doc else None)


def _ordered(ctx: Context) -> list[Case]:
    return sorted(ctx.repo.cases.values(), key=lambda c: (c.on is None, c.on, c.id), reverse=True)


def render_index(ctx: Context) -> str:
    labels = ctx.labels
    by_tag: dict[str, list[Case]] = {}
    for case in _ordered(ctx):
        for tag in case.tags or [""]:
            by_tag.setdefault(escape.clean(tag).strip(), []).append(case)
    sections = []
    for tag in sorted(by_tag, key=lambda t: (t == "", t.casefold())):
        rows = [
            [
                blocks.link(
                    escape.text(case.title or case.id), paths.link(paths.CASES, paths.case(case.id))
                ),
                ctx.date(case.on),
                labels.value("outcome", case.outcome) if case.outcome else "",
                ctx.client_link(paths.CASES, case.client_id) if case.client_id else "",
            ]
            for case in by_tag[tag]
        ]
        headers = [labels("cases.title"), labels("date"), labels("cases.outcome"), labels("client")]
        title = escape.text(tag) if tag else labels("cases.untagged")
        sections.append(blocks.section(title, blocks.table(headers, rows)))
    return blocks.page(
        {"title": labels("cases.title")},
        f"# {labels('cases.title')}",
        labels("cases.intro"),
        *(sections or [labels("none")]),
    )


def render_case(ctx: Context, case: Case, path: str) -> str:
    labels = ctx.labels
    return blocks.page(
        {"title": case.title or case.id},
        f"# {escape.text(case.title or case.id)}",
        blocks.definitions(
            [
                (
                    labels("cases.author"),
                    ctx.person_link(path, case.author) if case.author else None,
                ),
                (labels("date"), ctx.date(case.on) if case.on else None),
                (
                    labels("client"),
                    ctx.client_link(path, case.client_id) if case.client_id else None,
                ),
                (
                    labels("cases.outcome"),
                    labels.value("outcome", case.outcome) if case.outcome else None,
                ),
                (
                    labels("cases.tags"),
                    labels("punct.list").join(escape.text(t) for t in case.tags) or None,
                ),
                (labels("source"), ctx.source(case.doc.rel if case.doc else None)),
            ]
        ),
        escape.text(case.summary) if case.summary else "",
        richtext.render(case.body),
    )
