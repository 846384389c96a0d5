"""Tables that skip Markdown: rendered to HTML here, put into the page after MkDocs is done.

A large agency's handbook is thousands of pages of tables. Python-Markdown runs every inline
pattern over every cell, and the search plugin parses every page's HTML again — together nine
tenths of a build. The tables are ours, though, built from escaped record text and a handful
of constructs (links, code, bold, our badges), so they are rendered straight to HTML here:

1. while the pages are generated, :func:`hirebook.handbook.blocks.table` registers each table
   with the active :class:`Deferred` and writes a one-line marker into the Markdown; when the
   page is put together (:func:`hirebook.handbook.blocks.page`), each run of tables and plain
   blocks becomes one block, named by an attribute of the heading right above it
   (:func:`after_heading`) or else by a marker;
2. ``on_page_content`` replaces each marker (and each such attribute) with a hidden paragraph
   of the block's plain text, so that search still finds a page by what its tables say (one
   text node is cheap to index) — on a Chinese site also by their Chinese words typed in the
   other script (:mod:`hirebook.chinese_script`);
3. ``on_post_page`` replaces that paragraph with the table, its links resolved as MkDocs
   resolves links (a missing target is logged, and fails a ``--strict`` build).

Without an active :class:`Deferred` (``hirebook handbook --out``), tables stay Markdown. All of
this goes through MkDocs' public plugin events only: the pages' Markdown (headings, markers)
is rendered by MkDocs as any page is.
"""

from __future__ import annotations

import contextlib
import contextvars
import html
import re
from collections.abc import Callable, Iterator, Sequence

from hirebook.chinese_script import other_forms

_ACTIVE: contextvars.ContextVar[Deferred | None] = contextvars.ContextVar(
    "hirebook_deferred", default=None
)

MARKER = re.compile(r"<!-- hirebook-block (\d+) -->")
AFTER = "data-hirebook-after"
"""The attribute of a heading whose block comes right below it (:func:`after_heading`)."""
_HEADING_ATTRIBUTES = re.compile(r"[ ]+\{:?([^}\n]*)\}[ ]*$")
"""A heading's attribute list, as Python-Markdown's ``attr_list`` finds it."""
_HEADING_AFTER = re.compile(rf'<(h[1-6])([^>]*?) {AFTER}="(\d+)"([^>]*)>(.*?)</\1>')
SEARCH_TEXT = re.compile(r'<p class="hb-search-text" hidden data-block="(\d+)">[^<]*</p>')
_MD_HREF = re.compile(r'href="hb-md:([^"]*)"')

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_TAGS = re.compile(r"<[^>]+>")


class Deferred:
    """The tables (and other blocks of HTML) of one generation, by number; with
    ``cross_script`` (a Chinese site), their Chinese words are given to search in both
    scripts (:mod:`hirebook.chinese_script`)."""

    def __init__(self, cross_script: bool = False, own: frozenset[str] = frozenset()) -> None:
        self.tables: list[str] = []
        self.search_texts = Words(self.tables)
        """Each block's words for search, made when asked."""
        self.cross_script = cross_script
        self.own = own
        """The site's own Chinese words (its labels), given to search as they are."""

    def block(self, number: int, url_of: Callable[[str], str]) -> str:
        """Block ``number`` as the reader sees it: its links resolved by ``url_of``."""
        return resolve_links(self.tables[number], url_of)

    @staticmethod
    def marker(number: int) -> str:
        """The Markdown that stands for block ``number``."""
        return f"<!-- hirebook-block {number} -->"

    def add(self, table_html: str) -> str:
        """Keep a table; return the marker that stands for it in the page's Markdown."""
        return self.marker(self.keep(table_html))

    def keep(self, table_html: str) -> int:
        """Keep a table (or any block of HTML); return its number."""
        self.tables.append(table_html)
        return len(self.tables) - 1

    def for_search(self, content: str) -> str:
        """Markers, and the blocks named by headings (:func:`after_heading`) → hidden
        paragraphs of the blocks' text (what the search plugin indexes)."""
        if AFTER in content:
            content = _HEADING_AFTER.sub(
                lambda m: (
                    f"<{m.group(1)}{m.group(2)}{m.group(4)}>{m.group(5)}</{m.group(1)}>\n"
                    + self._search_paragraph(m.group(3), heading=m.group(5))
                ),
                content,
            )
        return MARKER.sub(lambda m: self._search_paragraph(m.group(1)), content)

    def _search_paragraph(self, number: str, heading: str = "") -> str:
        """The hidden paragraph of block ``number``'s words; across scripts, then their
        Chinese words and the heading's above it (a page's title is its first heading) in the
        other script (:mod:`hirebook.chinese_script`)."""
        words = self.search_texts[int(number)]
        forms = ""
        if self.cross_script:
            forms = other_forms(f"{plain_text(heading)} {words}", self.own)
        if forms:
            words = f"{words} {forms}"
        return f'<p class="hb-search-text" hidden data-block="{number}">{words}</p>'

    def for_reader(self, output: str, url_of: Callable[[str], str]) -> str:
        """Hidden paragraphs → the tables, ``hb-md:`` links turned into URLs by ``url_of``."""
        if 'class="hb-search-text"' not in output:
            return output
        return SEARCH_TEXT.sub(lambda match: self.block(int(match.group(1)), url_of), output)


class Words(Sequence[str]):
    """The words of each block (:func:`plain_text`), by number: made when read, not when the
    block is kept."""

    def __init__(self, tables: list[str]) -> None:
        self.tables = tables

    def __getitem__(self, number):
        if isinstance(number, slice):
            return [plain_text(table) for table in self.tables[number]]
        return plain_text(self.tables[number])

    def __len__(self) -> int:
        return len(self.tables)


def after_heading(heading: str, number: int) -> str:
    """A Markdown heading line that names block ``number`` as the block right below it: an
    attribute in its attribute list, which :meth:`Deferred.for_search` takes off again. The
    table of contents reads a heading's text and id, never its other attributes."""
    attribute = f'{AFTER}="{number}"'
    found = _HEADING_ATTRIBUTES.search(heading)
    if found is None:
        return f"{heading} {{: {attribute} }}"
    return f"{heading[: found.start()]} {{: {found.group(1).strip()} {attribute} }}"


def resolve_links(fragment: str, url_of: Callable[[str], str]) -> str:
    """``hb-md:`` links (page paths, as written in the Markdown) → URLs, by ``url_of``."""
    if "hb-md:" not in fragment:
        return fragment
    return _MD_HREF.sub(lambda m: f'href="{html.escape(url_of(m.group(1)))}"', fragment)


def active() -> Deferred | None:
    return _ACTIVE.get()


@contextlib.contextmanager
def collecting(deferred: Deferred | None) -> Iterator[Deferred | None]:
    """Make ``deferred`` the registry tables go to while the pages are generated."""
    token = _ACTIVE.set(deferred)
    try:
        yield deferred
    finally:
        _ACTIVE.reset(token)


def table_html(
    headers: Sequence[str],
    rows: list[Sequence[str]],
    numeric: Sequence[int],
    labelled: bool = False,
) -> str:
    """The HTML Python-Markdown's ``tables`` extension would make of the same cells; with
    ``labelled``, each cell also names its column (``data-label``), for the stacked rows of a
    narrow screen (``site/assets/hirebook.css``)."""
    styles = [' style="text-align: right;"' if i in numeric else "" for i in range(len(headers))]
    head = "".join(
        f"<th{style}>{inline(cell)}</th>" for style, cell in zip(styles, headers, strict=True)
    )
    if labelled:
        styles = [
            f' data-label="{_TAGS.sub("", inline(cell))}"{style}'
            for style, cell in zip(styles, headers, strict=True)
        ]
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{s}>{inline(c)}</td>" for s, c in zip(styles, _fit(row, len(styles)), strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _fit(row: Sequence[str], width: int) -> list[str]:
    """A row of exactly ``width`` cells, as Markdown makes it: padded with empty cells, or cut."""
    return [*row[:width], *[""] * (width - len(row))]


def inline(cell: str) -> str:
    """Our cells' Markdown — links, code, bold — as HTML; everything else is already HTML.

    Record text reaches a cell with every ASCII punctuation character as an entity
    (:mod:`hirebook.handbook.escape`), so these patterns only ever meet our own syntax.
    """
    # Most cells are escaped text, a number or a date, and most of the rest one link: each
    # pattern runs only over cells that hold its syntax.
    if "`" in cell:
        cell = _CODE.sub(r"<code>\1</code>", cell)
    if "**" in cell:
        cell = _BOLD.sub(r"<strong>\1</strong>", cell)
    if "[" in cell:
        cell = _LINK.sub(_link_html, cell)
    return cell


def _link_html(match: re.Match) -> str:
    return f'<a href="hb-md:{match.group(2)}">{match.group(1)}</a>'


def plain_text(fragment: str) -> str:
    """The words of an HTML fragment, tags dropped, each once, for the search index.

    A table repeats its words (a client's name on every row, the same states and people);
    the index needs each once, and the search plugin segments every Chinese run it is given
    (jieba), so repeats cost build time for nothing. Safe inside a ``<p>``.
    """
    # Entities stay as written (the search plugin decodes them): the text between our tags is
    # already HTML, and decoding and encoding it again cost as much as the rest.
    # A <wbr> (a place where an id may wrap, see blocks.code) is inside a word, not between two.
    text = _TAGS.sub(" ", fragment.replace("<wbr>", ""))
    return " ".join(dict.fromkeys(text.split()))
