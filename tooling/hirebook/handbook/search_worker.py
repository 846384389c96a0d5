"""The search index of built pages, written by one more process while MkDocs writes the pages.

MkDocs builds one page after another in one process, so during a build of a large handbook the
second core is idle. Indexing the built pages for search (:mod:`.search_sections`: sections,
Chinese segmentation, one entry per section) needs nothing but the page's pieces, its title,
URL, metadata and table of contents. So when the records were read by several processes, a
:class:`Background` sends each page to a worker process, in batches — a built page as its
pieces, any other page as its HTML, which the worker parses as the plugin would — and puts the
entries it sends back into the search plugin's index at the end of the build, in the order of
the pages, where the plugin would have put them. The index is the same
(``tests/handbook/test_search_worker.py``).

The worker is forked from the build, so it starts with the deferred blocks' words, the
plugin's search settings and its jieba dictionary. Where forking is not safe (``mkdocs serve``
runs a server thread), everything is indexed in the build's own process.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from hirebook import parallel
from hirebook.handbook import search_segmentation
from hirebook.handbook.html_page import Piece
from hirebook.handbook.search_sections import Unparsed, index_sections, sections

log = logging.getLogger("mkdocs.plugins.hirebook")

BATCH = 64
"""Pages per message: few enough messages, and the worker starts early."""


@dataclass
class TocItem:
    """What the search plugin reads of a table-of-contents item."""

    id: str
    url: str
    children: list = field(default_factory=list)


@dataclass
class PageStandIn:
    """What the search plugin reads of a page when it makes its entries."""

    meta: dict
    title: str
    url: str
    toc: list[TocItem]


def stand_in(page) -> PageStandIn:
    """The page as the worker needs it; its table of contents flattened in document order
    (the plugin looks an id up depth first, so the first match is the same)."""
    items: list[TocItem] = []

    def flatten(toc) -> None:
        for item in toc:
            items.append(TocItem(item.id, item.url))
            flatten(item.children)

    flatten(page.toc)
    return PageStandIn(dict(page.meta), str(page.title), page.url, items)


class Background:
    """A worker process that indexes built pages; :meth:`merge` puts its entries in place."""

    def __init__(self, executor: ProcessPoolExecutor) -> None:
        self.executor = executor
        self.batch: list[tuple[Sequence[Piece] | None, str | None, PageStandIn]] = []
        self.futures: list[Future] = []
        self.order: list[tuple] = []
        """Per page sent, in page order: (batch number, position in the batch, page)."""

    @classmethod
    def start(cls, index, texts: Sequence[str]) -> Background | None:
        """A worker forked with the index's settings and ``texts``; None where forking is not
        safe (then the caller indexes everything itself)."""
        context = parallel.fork_context()
        if context is None:
            return None
        executor = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_start, initargs=(index.config, texts)
        )
        return cls(executor)

    def send(self, page, pieces: Sequence[Piece] | None) -> None:
        """Index ``page`` in the worker: a built page from its pieces, any other page from
        its HTML (so that Chinese is segmented there too, and jieba loads only there)."""
        self.order.append((len(self.futures), len(self.batch), page))
        content = page.content if pieces is None else None
        self.batch.append((pieces, content, stand_in(page)))
        if len(self.batch) >= BATCH:
            self._flush()

    def merge(self, index, parse) -> None:
        """Wait for the worker and put every page's entries in page order into ``index``;
        a page the worker could not read (:class:`.search_sections.Unparsed`) is given to
        ``parse`` (the plugin's own indexing) here."""
        self._flush()
        try:
            results = [future.result() for future in self.futures]
        finally:
            self.close()
        log.info("hirebook: %d pages indexed for search in a worker process", len(self.order))
        entries = index.entries  # pages indexed here (excluded ones: none) hold no entries
        merged: list[dict] = []
        for batch, position, page in self.order:
            found = results[batch][position]
            if found is None:
                first = len(entries)
                parse(page)
                found = entries[first:]
            merged += found
        index.entries = merged

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _flush(self) -> None:
        if self.batch:
            self.futures.append(self.executor.submit(_index_batch, self.batch))
            self.batch = []


# --- in the worker process ----------------------------------------------------------------

_INDEX = None
_TEXTS: Sequence[str] = ()


def _start(config, texts: Sequence[str]) -> None:
    global _INDEX, _TEXTS
    from material.plugins.search.plugin import SearchIndex

    _INDEX = SearchIndex(**config)
    search_segmentation.spare_ascii(_INDEX)
    _TEXTS = texts


def _index_batch(batch: list[tuple]) -> list[list[dict] | None]:
    from material.plugins.search.plugin import Parser

    found: list[list[dict] | None] = []
    for pieces, content, page in batch:
        if pieces is None:  # what the plugin's add_entry_from_context does with the HTML
            parser = Parser()
            parser.feed(content)
            parser.close()
            page_sections = parser.data
        else:
            try:
                page_sections = sections(pieces, _TEXTS)
            except Unparsed:
                found.append(None)
                continue
        first = len(_INDEX.entries)
        index_sections(_INDEX, page, page_sections)
        found.append(_INDEX.entries[first:])
    _INDEX.entries.clear()
    return found
