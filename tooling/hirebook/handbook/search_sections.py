"""The search index of generated pages, without parsing their HTML again.

Material's search plugin indexes a page by feeding its HTML to an ``HTMLParser`` subclass
(``material.plugins.search.plugin.Parser``), which splits it into sections at the headings.
Tokenising the HTML is pure Python, and at 1,000 clients it was a tenth of the build: ten
seconds' worth of tags in 2,000 pages. A page that skipped Markdown
(:mod:`hirebook.handbook.html_page`) was written here from a handful of parts, so its tokens
are known without looking: each heading is a start tag, its inner HTML and an end tag; each
deferred block is the hidden paragraph of its words that :meth:`Deferred.for_search` would
write; the parts are joined by line breaks.

:class:`SearchShortcut` hands those tokens straight to the plugin's own ``Parser`` handlers, so
the sections are the plugin's own, built by its own code: only the tokenising is skipped.
The markup inside a heading and our raw HTML blocks (text, and tags with double-quoted
attributes) are cut into tokens by one regular expression; anything else is fed to the same
parser as text. The permalink of a heading is left out: the parser skips what is
inside it. ``tests/handbook/test_search_sections.py`` checks, for every page of the demo in
each language, that the sections equal what the plugin makes of the page's HTML.

Every other page (hand-written ones, pages with Markdown) is indexed by the plugin as usual,
and without Material's search plugin nothing changes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hirebook.handbook.html_page import Piece

if TYPE_CHECKING:
    from hirebook.handbook.search_worker import Background, Ticket

try:
    from material.plugins.search.plugin import Parser, SearchIndex
except ImportError:  # another theme: the plugin indexes every page itself
    Parser = SearchIndex = None


class Unparsed(Exception):
    """A fragment left text the parser holds back (an unfinished entity): parse the page."""


def sections(pieces: Sequence[Piece], texts: Sequence[str]) -> list:
    """The search plugin's sections of a built page (``Parser().data``), from its pieces.

    ``texts`` are the deferred blocks' words by number (:attr:`Deferred.search_texts`).
    """
    parser = Parser()
    for index, piece in enumerate(pieces):
        if index:
            parser.handle_data("\n")
        if isinstance(piece, int):
            _block(parser, piece, texts[piece])
        elif isinstance(piece, str):
            _fragment(parser, piece)
        else:
            tag, attributes, inner = piece
            parser.handle_starttag(tag, attributes)
            _fragment(parser, inner)
            parser.handle_endtag(tag)
    return parser.data


def _block(parser, number: int, words: str) -> None:
    """The tokens of ``<p class="hb-search-text" hidden data-block="N">words</p>``."""
    attributes = [("class", "hb-search-text"), ("hidden", None), ("data-block", str(number))]
    parser.handle_starttag("p", attributes)
    if words:
        parser.handle_data(html.unescape(words))
    parser.handle_endtag("p")


# Our own inline markup and raw blocks: text, and tags with double-quoted attributes only.
_SIMPLE_HTML = re.compile(r'(?:[^<]+|</?[a-z][a-z0-9]*(?: [a-z-]+="[^"<>]*")*>)*')
_TOKEN = re.compile(r'<(/?)([a-z][a-z0-9]*)((?: [a-z-]+="[^"<>]*")*)>|([^<]+)')
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


def _fragment(parser, fragment: str) -> None:
    """HTML of a part: text and our simple tags as tokens, anything else through the parser."""
    if "<" not in fragment:
        if fragment:
            parser.handle_data(html.unescape(fragment))
        return
    if not _SIMPLE_HTML.fullmatch(fragment):
        parser.feed(fragment)
        if parser.rawdata:  # the parser waits for more (text ending in "&…"): not ours to guess
            raise Unparsed(fragment)
        return
    for closing, tag, attributes, text in _TOKEN.findall(fragment):
        if text:
            parser.handle_data(html.unescape(text))
        elif closing:
            parser.handle_endtag(tag)
        else:
            pairs = [(name, html.unescape(value)) for name, value in _ATTRIBUTE.findall(attributes)]
            parser.handle_starttag(tag, pairs)


class SearchShortcut:
    """Indexes the built pages the plugin announces (:meth:`expect`) from their pieces, and
    leaves other pages to the plugin; with a :class:`~hirebook.handbook.search_worker.Background`
    every page is indexed in its worker process instead."""

    def __init__(
        self,
        index,
        texts: Sequence[str],
        background: Background | None = None,
        early: bool = False,
    ) -> None:
        self.index = index
        self.alone = early
        """No plugin but search and ours: nothing else reads a page between them."""
        self.texts = texts
        self.background = background
        self.early = early and background is not None
        """Send a built page to the worker when it is announced, not when the plugin asks."""
        self.pending: dict[str, Sequence[Piece]] = {}
        self.sent: dict[str, Ticket] = {}
        self.order: list[tuple[Ticket, object]] = []
        """The pages the plugin asked for, in its order, with their place in the worker."""
        self.held: dict[str, str] = {}
        """Page content kept from the plugin's attribute scan (:meth:`hold_back`)."""
        self._parse = index.add_entry_from_context
        index.add_entry_from_context = self.add_entry_from_context

    @classmethod
    def install(
        cls,
        plugins,
        texts: Sequence[str],
        early: bool = False,
        background: Background | None = None,
    ) -> SearchShortcut | None:
        """Put the shortcut in front of the search plugin's index, if Material's is there;
        with a ``background`` worker (forked by the caller, :meth:`Background.fork`) built
        pages are indexed there, and ``early`` sends them as soon as they are built (only
        where no other plugin can change a page between ``on_page_content`` and
        ``on_page_context``)."""
        index = search_index(plugins)
        if index is None:
            if background is not None:
                background.close()
            return None
        if background is not None:
            background.begin(texts)
        return cls(index, texts, background, early)

    def expect(self, page, pieces: Sequence[Piece]) -> None:
        """``page`` is a built page of these pieces (its title and table of contents set):
        index it from them."""
        if self.early and not _excluded(page):
            # The worker starts on it while MkDocs reads the other pages; the entries still go
            # where the plugin asks for them (self.order).
            self.sent[page.file.src_uri] = self.background.send(page, pieces)
        else:
            self.pending[page.file.src_uri] = pieces

    def add_entry_from_context(self, page) -> None:
        """``SearchIndex.add_entry_from_context``: a built page from its pieces, every page
        in the worker when there is one, any other page the plugin's own way."""
        self._add_entry(page)
        self.hold_back(page)

    def hold_back(self, page) -> None:
        """Spare a page without ``data-search-*`` attributes the scan that follows.

        Right after indexing a page, the plugin removes those attributes from its HTML with
        a regular expression, which cannot skip ahead and costs a build of 2,000 pages most
        of a second. A page without any keeps its content here until :meth:`restore` (the
        plugin's ``on_page_context``, after the search plugin's) puts it back: the plugin
        scans an empty page instead, with the same result. Only where no other plugin could
        read the page in between (``early``: search and hirebook alone).
        """
        content = page.content
        if self.alone and content and "data-search-" not in content:
            self.held[page.file.src_uri] = content
            page.content = ""

    def restore(self, page) -> None:
        """Put back the content :meth:`hold_back` kept."""
        content = self.held.pop(page.file.src_uri, None)
        if content is not None:
            page.content = content

    def _add_entry(self, page) -> None:
        ticket = self.sent.pop(page.file.src_uri, None)
        if ticket is not None:
            self.order.append((ticket, page))
            return
        pieces = self.pending.pop(page.file.src_uri, None)
        if pieces is None and self.background is None:
            self._parse(page)  # a page with Markdown (or hand-written): the plugin's own way
        elif _excluded(page):
            return  # the plugin indexes nothing of a page excluded from search
        elif self.background is not None:
            self.order.append((self.background.send(page, pieces), page))
        else:
            try:
                found = sections(pieces, self.texts)
            except Unparsed:
                self._parse(page)
            else:
                index_sections(self.index, page, found)

    def finish(self) -> None:
        """Put the worker's entries into the index (before the search plugin writes it)."""
        if self.background is not None:
            self.background.merge(self.index, self._parse, self.order)
            self.background = None

    def abandon(self) -> None:
        """Stop the worker (the build failed)."""
        if self.background is not None:
            self.background.close()
            self.background = None


def _excluded(page) -> bool:
    """Whether the page's metadata keeps it out of search (the plugin indexes none of it)."""
    return bool((page.meta.get("search") or {}).get("exclude"))


def index_sections(index, page, found: list) -> None:
    """The search plugin's entries for a page's sections, as ``add_entry_from_context``
    makes them after parsing."""
    for section in found:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


def search_index(plugins):
    """The index of Material's search plugin among ``plugins`` (MkDocs' ``config.plugins``),
    or None (another search plugin, or none)."""
    search = plugins.get("material/search") or plugins.get("search")
    index = getattr(search, "search_index", None)
    if SearchIndex is None or not isinstance(index, SearchIndex):
        return None
    return index
