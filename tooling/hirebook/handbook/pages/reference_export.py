"""The export reference, from the export's table declarations: every table of
``hirebook export --sqlite``, its key, and every column with its type, the table it refers to
and what it holds.

The tables are declared as data (:data:`hirebook.reports.export.tables.TABLES`), read alike by
the writer, the DDL and this page, so the page describes the file the command writes.
``tests/test_reference.py`` fails when a table or column has no description.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, doctext, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.reports.export import tables as declarations
from hirebook.reports.export.schema import SqlTable


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE_EXPORT, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    index = blocks.table(
        [labels("ref.table"), labels("ref.description")],
        [
            [blocks.link(doctext.code(table.name), f"#{table.name}"), doctext.inline(table.doc)]
            for table in declarations.TABLES
        ],
    )
    return blocks.page(
        {"title": labels("ref.export.title")},
        f"# {labels('ref.export.title')}",
        labels("ref.export.intro"),
        doctext.prose(declarations.__doc__ or ""),
        index,
        *(_table(ctx, table) for table in declarations.TABLES),
    )


def _table(ctx: Context, table: SqlTable) -> str:
    labels = ctx.labels
    rows = [
        [
            doctext.code(column.name),
            doctext.code(column.type),
            _reference(column.references) if column.references else "",
            doctext.inline(column.doc),
        ]
        for column in table.columns
    ]
    headers = [labels("ref.column"), labels("ref.type"), labels("ref.references")]
    key = ", ".join(doctext.code(name) for name in table.primary_key)
    return blocks.section(
        f"{escape.text(table.name)} {{#{table.name}}}",
        doctext.inline(table.doc),
        blocks.definitions([(labels("ref.primary_key"), key)]),
        blocks.table([*headers, labels("ref.description")], rows),
    )


def _reference(target: str) -> str:
    """``clients(id)`` as a link to that table's section."""
    table = target.partition("(")[0]
    return blocks.link(doctext.code(target), f"#{table}")
