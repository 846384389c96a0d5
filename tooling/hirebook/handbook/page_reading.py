"""The generated pages' HTML written by two processes while MkDocs reads the pages.

Reading a generated page that skipped Markdown (``on_page_content``) means writing its HTML from
its parts: the headings with their ids and table of contents, and every table with its links
resolved to URLs (:meth:`hirebook.handbook.deferred.Deferred.page`). At 1,000 clients that is
two thousand pages and 31,000 links, in one process, while MkDocs reads one page after another.
The HTML depends on nothing but the page's parts and the site's files, which are final at
``on_nav``.

:meth:`PageReading.start` forks a helper there. The pages are taken from the two ends of one list
(:mod:`.two_ends`): MkDocs reads them in order and the plugin writes each page it takes as
before, while the helper writes the pages it takes from the end. When the plugin reaches the
first of those, it waits for the helper once and receives them all. A link to a missing page
is logged by the helper and logged again by the build, so ``mkdocs build --strict`` counts it.
The pages are the same (``tests/handbook/test_page_sharing.py`` builds the demo both ways;
``tests/handbook/test_page_reading.py`` tests the exchange).

Under the same conditions as :mod:`.page_sharing`: ``mkdocs build``, forking safe, the records
read by several processes, and no plugin but search and hirebook.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import meta

from hirebook import parallel
from hirebook.handbook.helper_process import Helper, collect_log, failure
from hirebook.handbook.html_page import Built
from hirebook.handbook.two_ends import MINIMUM, TwoEnds

Write = Callable[[object, str], Built | None]
"""How the plugin writes a page: from its file and its Markdown (a page marker, or not)."""


@dataclass
class PageReading:
    """The build process's side: which pages it writes, and what the helper wrote."""

    positions: dict[str, int]
    """Generated pages (source URIs) by their place in MkDocs' order."""
    helper: Helper
    ends: TwoEnds
    received: dict[str, Built | None] | None = field(default=None)

    @classmethod
    def start(cls, files, write: Write) -> PageReading | None:
        """Fork the helper; None where the pages are written in this process only."""
        context = parallel.fork_context()
        if context is None:
            return None
        documentation = files.documentation_pages(inclusion=InclusionLevel.is_included)
        generated = [file for file in documentation if file.generated_by]
        if len(generated) < MINIMUM:
            return None
        ends = TwoEnds(context, len(generated))
        gc.freeze()  # `mkdocs build`: what is made so far lives until the build ends
        helper = Helper.fork(context, _help, (generated, ends, write), "hirebook-reading")
        positions = {file.src_uri: number for number, file in enumerate(generated)}
        return cls(positions, helper, ends)

    def written(self, page, write: Callable[[], Built | None]) -> Built | None:
        """``page`` written: by ``write()`` here if this process takes it, else the helper's."""
        number = self.positions.get(page.file.src_uri)
        if number is None or self.ends.take_front(number):
            return write()
        if self.received is None:
            self.received = self._receive()
        return self.received[page.file.src_uri]

    def finish(self) -> None:
        """Every page is read: wait for the helper if its pages were not needed yet."""
        if self.received is None:
            self.received = self._receive()

    def abandon(self) -> None:
        """Stop the helper (the build failed)."""
        self.helper.stop()

    def _receive(self) -> dict[str, Built | None]:
        return self.helper.receive(nothing={}, doing="writing pages")


def _help(generated, ends: TwoEnds, write: Write, sending) -> None:
    records = collect_log()
    written: dict[str, Built | None] = {}
    error = None
    while error is None and (number := ends.take_back()) is not None:
        file = generated[number]
        try:
            markdown, _ = meta.get_data(file.content_string)  # as Page.read_source splits it
            written[file.src_uri] = write(file, markdown.strip())
        except Exception as exc:  # reported to the build process, which fails the build
            error = failure(file.src_uri, exc)
    sending.send((records, written, error))
    sending.close()
