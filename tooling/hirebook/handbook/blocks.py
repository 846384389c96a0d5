"""Small Markdown builders shared by the page modules.

Cells and labels handed to these functions are already safe (escaped record text, trusted
labels, ids): the builders only arrange them. Keeping the arranging here lets each page module
read as a list of sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from hirebook.handbook import deferred, escape, html_page

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/#-]{0,99}")


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[int] = ()
) -> str:
    """A Markdown table; ``numeric`` column indexes are right-aligned.

    While a :class:`~hirebook.handbook.deferred.Deferred` collects (an MkDocs build), the table
    is rendered to HTML there and only a marker goes into the Markdown.
    """
    rows = list(rows)
    if not rows:
        return ""
    collector = deferred.active()
    if collector is not None:
        cells = [[_cell(value) for value in row] for row in rows]
        return collector.add(deferred.table_html(headers, cells, numeric))
    align = ["---:" if index in numeric else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(_cell(value) for value in row) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text else "—"


def link(label: str, target: str) -> str:
    """A Markdown link; ``label`` must be escaped already, ``target`` a page path or URL."""
    return f"[{label}]({target})"


def definitions(pairs: Iterable[tuple[str, object]]) -> str:
    """A definition list (``def_list``) of label → value, leaving out empty values."""
    rows = [(label, value) for label, value in pairs if value not in (None, "", [])]
    collector = deferred.active()
    if collector is not None and rows:
        items = "".join(
            f"<dt>{deferred.inline(label)}</dt><dd>{deferred.inline(str(value))}</dd>"
            for label, value in rows
        )
        return collector.add(f"<dl>{items}</dl>")
    return "\n\n".join(f"{label}\n:   {value}" for label, value in rows)


def section(title: str, *parts: str, level: int = 2) -> str:
    """A heading and the non-empty parts below it, separated by blank lines."""
    body = [part for part in parts if part]
    return "\n\n".join([f"{'#' * level} {title}", *body])


def page(front: dict[str, object], *parts: str) -> str:
    """A whole page: front matter, then the non-empty parts."""
    body = "\n\n".join(part for part in parts if part)
    collector = deferred.active()
    if collector is not None:
        body = _deferred_body(collector, body)
    return escape.front_matter(**front) + body + "\n"


_ORDERED_ITEM = re.compile(r"\d+[.)] ")
_ORDERED_LIST = re.compile(r"(?:1\. [^\n]+\n)*1\. [^\n]+")


def _deferred_body(collector: deferred.Deferred, body: str) -> str:
    """The page body while a collector is active (an MkDocs build).

    Runs of plain paragraphs, lists and our HTML blocks become one deferred block each; headings
    (for the table of contents), markers and anything else stay Markdown. When nothing is left
    for Markdown but headings and our own raw HTML, and the collector knows how the site writes
    headings, the whole page becomes one marker (:mod:`hirebook.handbook.html_page`).
    """
    whole = collector.whole_pages
    items: list[tuple[html_page.Part | None, str]] = []  # (part of a whole page, Markdown)
    run: list[str] = []

    def flush() -> None:
        if run:
            number = collector.keep("".join(run))
            items.append((number, collector.marker(number)))
            run.clear()

    for block in body.split("\n\n"):
        html = _block_html(block)
        if html is not None:
            run.append(html)
            continue
        flush()
        part = _page_part(block)
        whole = whole and part is not None
        items.append((part, block))
    flush()
    if whole:
        return collector.add_page([part for part, _ in items])
    return "\n\n".join(text for _, text in items)


def _page_part(block: str) -> html_page.Part | None:
    """What a block that stays Markdown is in a whole page, or None (Markdown's business)."""
    marker = deferred.MARKER.fullmatch(block)
    if marker:
        return int(marker.group(1))
    if block.startswith("#"):
        return html_page.Heading.parse(block)
    return html_page.raw_html(block)


def _block_html(block: str) -> str | None:
    """The HTML Markdown makes of ``block`` when that is plain to see, else None."""
    if block.startswith('<div class="hb-text">'):
        return block  # rendered record text: a raw HTML block Markdown leaves as it is
    if _ORDERED_LIST.fullmatch(block):
        items = "".join(f"<li>{deferred.inline(line[3:])}</li>" for line in block.split("\n"))
        return f"<ol>{items}</ol>"
    if not block or "\n" in block or deferred.MARKER.fullmatch(block):
        return None
    if block[0] in "#>|!<- \t" or block.startswith("* ") or _ORDERED_ITEM.match(block):
        return None  # headings, quotes, tables, lists, HTML, code: Markdown's business
    return f"<p>{deferred.inline(block)}</p>"


def bullet_list(items: Iterable[str]) -> str:
    items = list(items)
    collector = deferred.active()
    if collector is not None and items:
        return collector.add(
            "<ul>" + "".join(f"<li>{deferred.inline(i)}</li>" for i in items) + "</ul>"
        )
    return "\n".join(f"- {item}" for item in items)


def code(value: object) -> str:
    """An id or a code in backticks; anything that is not plain id text is escaped instead."""
    text = str(value)
    return f"`{text}`" if _PLAIN.fullmatch(text) else escape.text(text)
