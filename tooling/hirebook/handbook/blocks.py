"""Small Markdown builders shared by the page modules.

Cells and labels handed to these functions are already safe (escaped record text, trusted
labels, ids): the builders only arrange them. Keeping the arranging here lets each page module
read as a list of sections.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from hirebook.handbook import deferred, escape

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/#-]{0,99}")
# Where an id or a code may wrap: after a hyphen, an underscore, a dot, a slash or the "#" of a
# clock's subject.
_BREAK_AFTER = re.compile(r"[-_./#](?=.)")


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[int] = ()
) -> str:
    """A Markdown table; ``numeric`` column indexes are right-aligned.

    While a :class:`~hirebook.handbook.deferred.Deferred` collects (an MkDocs build), the table
    is rendered to HTML there, each cell labelled with its column for narrow screens, and only
    a marker goes into the Markdown.
    """
    rows = list(rows)
    if not rows:
        return ""
    collector = deferred.active()
    if collector is not None:
        cells = [[_cell(value) for value in row] for row in rows]
        return collector.add(deferred.table_html(headers, cells, numeric, labelled=True))
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


def fold(summary: str, body: str) -> str:
    """``body`` folded under a one-line ``summary`` (nothing when the body is empty): a closed
    ``<details>``, opened by a click, a tap or Enter without a script, whose text find-in-page
    still finds (Chromium opens the fold holding a match).

    ``summary`` is trusted text (labels, numbers, dates); the body is the page's Markdown,
    which ``md_in_html`` renders inside the ``<details>`` as anywhere else.
    """
    if not body:
        return ""
    return (
        f'<details class="hb-fold" markdown>\n<summary>{html.escape(summary, quote=False)}'
        f"</summary>\n\n{body}\n\n</details>"
    )


NOT_SEARCHED = {"exclude": True}
"""The front matter ``search`` of a page that only lists what other pages hold (the SLA board,
a progress report, a list of work): Material's search leaves it out, so that a search finds
each thing on its own page, and the index every reader's browser downloads holds each once."""


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
    """The page body while a collector is active (an MkDocs build): runs of plain
    paragraphs, lists, our HTML blocks and tables (markers) become one deferred block each;
    headings (for the table of contents) and anything else stay Markdown.

    A run right below a heading is named in the heading's attribute list
    (:func:`deferred.after_heading`) rather than by a marker of its own: a marker is an HTML
    block that Python-Markdown parses, stashes and puts back, a third of its time on these
    pages, while the heading's attributes are read anyway.
    """
    blocks: list[str] = []
    run: list[str] = []
    alone: re.Match | None = None  # the marker of a run that is that one marker
    merged: list[int] = []  # the tables a run holds, each now in one block with the others

    def flush() -> None:
        if not run:
            return
        if len(run) == 1 and alone is not None:
            number = int(alone.group(1))  # a block already: no need for a new number
        else:
            number = collector.keep("\n".join(run))
            for table in merged:  # nothing names it any more: its copy in the run is the one
                collector.tables[table] = ""
        run.clear()
        merged.clear()
        if blocks and _HEADING.fullmatch(blocks[-1]):
            blocks[-1] = deferred.after_heading(blocks[-1], number)
        else:
            blocks.append(collector.marker(number))

    parts = body.split("\n\n")
    at = 0
    while at < len(parts):
        block = parts[at]
        kept = deferred.MARKER.fullmatch(block)
        made = collector.tables[int(kept.group(1))] if kept else _block_html(block)
        wrapped = None if made is not None or kept else _wrapper_html(collector, parts, at)
        if wrapped is not None:
            made, at, inside = wrapped
            merged.extend(inside)
            kept = None
        if made is not None:
            alone = kept if not run else None
            if kept:
                merged.append(int(kept.group(1)))
            run.append(made)
            at += 1
            continue
        flush()
        blocks.append(block)
        at += 1
    flush()
    return "\n\n".join(blocks)


_WRAPPER = re.compile(r"<(details|nav|div)( [^>\n]*) markdown>(\n<summary>[^<>\n]*</summary>)?")
"""The opening of one of our wrappers whose inside is Markdown (``md_in_html``): a fold,
the breadcrumb, a part left out of print."""


def _wrapper_html(
    collector: deferred.Deferred, parts: list[str], at: int
) -> tuple[str, int, list[int]] | None:
    """The HTML ``md_in_html`` makes of the wrapper opening at ``parts[at]``, the index of
    its closing part and the tables inside, when everything inside is plain to see (no
    heading); else None."""
    opening = _WRAPPER.fullmatch(parts[at])
    if opening is None:
        return None
    tag, attributes, summary = opening.groups()
    inside: list[str] = []
    tables: list[int] = []
    for end in range(at + 1, len(parts)):
        block = parts[end]
        if block == f"</{tag}>":
            lines = [f"<{tag}{_attributes(attributes)}>", *([summary[1:]] if summary else [])]
            lines += inside
            return "\n".join([*lines, f"</{tag}>"]), end, tables
        kept = deferred.MARKER.fullmatch(block)
        made = collector.tables[int(kept.group(1))] if kept else _block_html(block)
        if made is None:
            return None
        inside.append(made)
        if kept:
            tables.append(int(kept.group(1)))
    return None


_HEADING = re.compile(r"#{1,6} [^\n]+")
"""A heading of the page's own Markdown: one line (our headings never span two)."""


_ATTRIBUTE = re.compile(r'([a-z][a-z-]*)="([^"]*)"')


def _attributes(written: str) -> str:
    """A wrapper's attributes as Python-Markdown writes them: by name, each value escaped
    (``&``, ``<``, ``>``, ``"``) from its text."""
    pairs = sorted((name, html.unescape(value)) for name, value in _ATTRIBUTE.findall(written))
    return "".join(f' {name}="{_escape_attribute(value)}"' for name, value in pairs)


def _escape_attribute(value: str) -> str:
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace('"', "&quot;").replace("\n", "&#10;")


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
    """An id or a code as ``<code>``; anything that is not plain id text is escaped instead.

    A line may break after each hyphen or slash of an id (``<wbr>``), never inside a word:
    browsers do not break between a hyphen and a digit (``app-2026-0073``), and Material's
    code style would otherwise break anywhere. Search reads the pieces as words, which is what
    a query typed with hyphens looks for (see the ``separator`` in ``mkdocs.yml``).
    """
    text = str(value)
    if not _PLAIN.fullmatch(text):
        return escape.text(text)
    if not _BREAK_AFTER.search(text):
        return f"`{text}`"
    return "<code>" + _BREAK_AFTER.sub(r"\g<0><wbr>", text) + "</code>"
