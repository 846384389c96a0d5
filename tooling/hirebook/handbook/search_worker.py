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

The plugin forks the worker before the records are read, while the build has one thread (a
pool's threads would make forking unsafe later), with the search plugin's settings. As soon as
the first records worker is done, it tells the worker to load jieba's dictionary (a second)
when that worker's blocks hold anything but ASCII: the second core is then idle while the build
receives and assembles the records. After the pages are generated it sends the blocks' words
(:meth:`Background.begin`), then the pages. Where forking is not safe (``mkdocs serve`` runs a
server thread), everything is indexed in the build's own process.
"""

from __future__ import annotations

import gc
import logging
import pickle
import queue
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError

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


Ticket = tuple[int, int]
"""Where a page's entries will be: (batch number, position in the batch)."""


def segmenting(texts: Sequence[str]) -> bool:
    """Whether the blocks' words call for jieba: a fair guess at whether there is Chinese to
    segment (tags and entities are ASCII, so their HTML says as much)."""
    return not all(text.isascii() for text in getattr(texts, "tables", texts))


class Background:
    """A worker process that indexes built pages; :meth:`merge` puts its entries in place.

    A plain process and one pipe, no pool: a pool's threads in the build process would make
    forking the page builder unsafe (:mod:`.page_sharing`). The build sends batches, then an
    empty message; a thread in the worker reads them as they come, so the build never waits on
    a full pipe, and only after the empty message does the worker send back every batch's
    entries.
    """

    def __init__(self, process, connection) -> None:
        self.process = process
        self.connection = connection
        self.batch: list[tuple[Sequence[Piece] | None, str | None, PageStandIn]] = []
        self.batches = 0

    @classmethod
    def fork(cls, index) -> Background | None:
        """A worker forked with the index's settings, waiting for the blocks' words
        (:meth:`begin`); None where forking is not safe (then the caller indexes everything
        itself)."""
        context = parallel.fork_context()
        if context is None:
            return None
        here, there = context.Pipe()
        process = context.Process(
            target=_serve, args=(there, index.config), name="hirebook-search", daemon=True
        )
        process.start()
        there.close()
        return cls(process, here)

    def load_segmenter(self) -> None:
        """Have the worker load jieba's dictionary now, ahead of the pages: a second of a core
        that is idle while the build receives the records."""
        self.connection.send(("segmenter",))

    def begin(self, texts: Sequence[str]) -> None:
        """Give the worker the blocks' words; it loads jieba's dictionary (if it has not yet)
        when they hold anything but ASCII."""
        self.connection.send(("texts", texts, segmenting(texts)))

    def send(self, page, pieces: Sequence[Piece] | None) -> Ticket:
        """Index ``page`` in the worker: a built page from its pieces, any other page from
        its HTML (so that Chinese is segmented there too, and jieba loads only there)."""
        ticket = (self.batches, len(self.batch))
        content = page.content if pieces is None else None
        self.batch.append((pieces, content, stand_in(page)))
        if len(self.batch) >= BATCH:
            self._flush()
        return ticket

    def merge(self, index, parse, order: Sequence[tuple[Ticket, object]]) -> None:
        """Wait for the worker and put the entries of the pages in ``order`` (tickets and
        pages, in page order) into ``index``; a page the worker could not read
        (:class:`.search_sections.Unparsed`) is given to ``parse`` (the plugin's own indexing)
        here."""
        self._flush()
        try:
            self.connection.send_bytes(_END)
            outcome, results = self.connection.recv()
        except (EOFError, OSError):
            outcome, results = "stopped", f"exit code {self._stop()}"
        finally:
            self.process.join(timeout=10)  # it exits once it has sent the entries
            self.close()
        if outcome != "done":
            raise PluginError(f"hirebook: the process indexing pages for search failed: {results}")
        log.info("hirebook: %d pages indexed for search in a worker process", len(order))
        entries = index.entries  # pages indexed here (excluded ones: none) hold no entries
        merged: list[dict] = []
        for (batch, position), page in order:
            found = results[batch][position]
            if found is None:
                first = len(entries)
                parse(page)
                found = entries[first:]
            merged += found
        index.entries = merged

    def close(self) -> None:
        """Stop the worker (at once, if the build failed before :meth:`merge`)."""
        self._stop()
        self.connection.close()

    def _stop(self) -> int | None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        return self.process.exitcode

    def _flush(self) -> None:
        if self.batch:
            self.connection.send(("batch", self.batch))
            self.batches += 1
            self.batch = []


# --- in the worker process ----------------------------------------------------------------

_INDEX = None
_TEXTS: Sequence[str] = ()


_END = b""
"""The message that ends the batches."""


def _serve(connection, config) -> None:
    """The worker: follow the build's messages until the end, then send back the entries
    (or what went wrong)."""
    gc.freeze()  # what the build made before the fork is read, never freed
    arrived: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    reader = threading.Thread(target=_read, args=(connection, arrived), daemon=True)
    reader.start()
    try:
        results = []
        while (message := arrived.get()) != _END:
            kind, *arguments = pickle.loads(message)
            if kind == "segmenter":
                _load_segmenter()
            elif kind == "texts":
                _start(config, *arguments)
            else:
                results.append(_index_batch(*arguments))
        reply = ("done", results)
    except Exception:  # a bug: the build reports it
        reply = ("failed", traceback.format_exc())
    reader.join()
    connection.send(reply)
    connection.close()


def _read(connection, arrived: queue.SimpleQueue) -> None:
    """Take every message off the pipe as it comes (the end too, or the end of the pipe)."""
    message = None
    while message != _END:
        try:
            message = connection.recv_bytes()
        except (EOFError, OSError):
            message = _END
        arrived.put(message)


def _start(config, texts: Sequence[str], chinese: bool) -> None:
    global _INDEX, _TEXTS
    from material.plugins.search import plugin

    _INDEX = plugin.SearchIndex(**config)
    search_segmentation.spare_ascii(_INDEX)
    _TEXTS = texts
    if chinese:
        _load_segmenter()  # while the build is still reading the pages


def _load_segmenter() -> None:
    """jieba's dictionary (a second), which the plugin would load at the first Chinese word."""
    from material.plugins.search import plugin

    if plugin.jieba is not None:
        plugin.jieba.initialize()  # once: it returns at once when it is loaded


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
