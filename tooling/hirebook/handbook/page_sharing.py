"""The generated pages built by two processes: MkDocs' own loop, and a helper forked at ``on_env``.

MkDocs builds one page after another in one process: the theme's template, the plugins' page
events, the file. At 1,000 clients that is two thousand pages and most of a build, while the
second core idles. By ``on_env`` every page holds everything its build reads (content, table
of contents, title, the nav) and building a page changes nothing another page reads, so from
there on a generated page can be built in either process.

:meth:`PageSharing.start` forks a helper there. The two processes take the generated pages
from the two ends of one list (:mod:`.two_ends`), a page at a time under a lock, until they
meet, so the work is shared evenly however busy either core is:

- MkDocs' loop, in the build process, goes through the pages in order and builds each one it
  takes as always. For a page the helper took, the page template renders as nothing: MkDocs
  writes no file for empty output (its "Page skipped" line is kept out of the log), and the
  search plugin still indexes the page here, as it indexes every page;
- the helper builds the pages it takes from the end of the list the way MkDocs'
  ``_build_page`` does — the same context, template and plugin events, the search plugin's
  indexing left out — and writes their files.

At ``on_post_build`` the build process waits for the helper, logs what the helper logged (so
that ``mkdocs build --strict`` counts its warnings) and fails the build if the helper failed.
The site is byte for byte the one a single process builds
(``tests/handbook/test_page_sharing.py``).

The helper is only started for ``mkdocs build`` (not ``serve``) where forking is safe
(:func:`hirebook.parallel.fork_context`), and only when every plugin is search or hirebook:
another plugin's page events might keep state the build process would never see.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field

import mkdocs.utils
from mkdocs.commands.build import get_context
from mkdocs.structure.files import InclusionLevel

from hirebook import parallel
from hirebook.handbook.helper_process import Helper, collect_log, failure
from hirebook.handbook.search_sections import SearchShortcut, search_index
from hirebook.handbook.two_ends import MINIMUM, TwoEnds

log = logging.getLogger("mkdocs.plugins.hirebook")

SHAREABLE_PLUGINS = frozenset({"search", "material/search", "hirebook"})
"""Plugins whose page events depend on nothing but the page (search indexes in the build
process only)."""

_SKIPPED = "Page skipped: '{}'. Generated empty output."  # MkDocs' line for an empty page


@dataclass
class PageSharing:
    """The build process's side: which pages it builds, and the helper it waits for."""

    positions: dict[str, int]
    """Shared pages (source URIs) by their place in MkDocs' order."""
    helper: Helper
    ends: TwoEnds
    quiet: set[str] = field(default_factory=set)
    """MkDocs' lines for the empty output of pages the helper builds: not news."""

    @classmethod
    def start(cls, env, config, files, nav) -> PageSharing | None:
        """Fork the helper and route ``env``'s page templates through :meth:`takes`; None
        where the build stays in one process."""
        context = parallel.fork_context()
        if context is None or not shareable(config.plugins):
            return None
        documentation = files.documentation_pages(inclusion=InclusionLevel.is_included)
        shared = [file.page for file in documentation if file.generated_by and file.page]
        if len(shared) < MINIMUM:
            return None
        _compile_templates(shared[0], config, documentation, nav, env)
        ends = TwoEnds(context, len(shared))
        # The records and pages live until the build ends (this is `mkdocs build`, one build
        # per process): the collector need not walk them again in either process.
        gc.freeze()
        work = (shared, ends, env, config, documentation, nav)
        helper = Helper.fork(context, _help, work, "hirebook-pages")
        positions = {page.file.src_uri: number for number, page in enumerate(shared)}
        sharing = cls(positions, helper, ends)
        sharing._route(env)
        logging.getLogger("mkdocs.commands.build").addFilter(sharing._quiet)
        return sharing

    def takes(self, page) -> bool:
        """Whether this process builds ``page`` (else the helper has, or will)."""
        number = self.positions.get(page.file.src_uri) if page is not None else None
        if number is None:
            return True  # hand-written, or not a page template at all (404.html, sitemap)
        if self.ends.take_front(number):
            return True
        self.quiet.add(_SKIPPED.format(page.file.src_uri))
        return False

    def finish(self) -> None:
        """Wait for the helper; log what it logged; raise :class:`PluginError` if it failed."""
        try:
            built = self.helper.receive(nothing=0, doing="building pages")
        finally:
            self._detach()
        log.info("hirebook: %d pages built in a second process", built)

    def abandon(self) -> None:
        """Stop the helper (the build failed)."""
        self.helper.stop()
        self._detach()

    def _route(self, env) -> None:
        """Make the page templates ``env`` hands MkDocs render nothing for the helper's pages."""
        get_template = env.get_template

        def page_template(name, parent=None, globals=None):
            template = get_template(name, parent, globals)
            # Only MkDocs asks without a parent: a template's own includes and extends name it.
            return template if parent is not None else _Routed(template, self)

        env.get_template = page_template

    def _quiet(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg in self.quiet)

    def _detach(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)


def shareable(plugins) -> bool:
    """Whether ``plugins`` (MkDocs' ``config.plugins``) are search and hirebook alone."""
    return not set(plugins) - SHAREABLE_PLUGINS


class _Routed:
    """A template that renders only pages this process takes."""

    def __init__(self, template, sharing: PageSharing) -> None:
        self.template = template
        self.sharing = sharing

    def render(self, context) -> str:
        if not self.sharing.takes(context.get("page")):
            return ""
        return self.template.render(context)

    def __getattr__(self, name):
        return getattr(self.template, name)


def _compile_templates(page, config, documentation, nav, env) -> None:
    """Render ``page``'s template once and throw the output away, so that the templates it
    includes are compiled (a third of a second) before the fork, once for both processes."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, documentation, config, page)
        env.get_template(page.meta.get("template", "main.html")).render(context)
    except Exception:  # noqa: S110 - the page's own build reports it, where MkDocs would
        pass
    finally:
        page.active = False
        config._current_page = None


# --- in the helper --------------------------------------------------------------------------


def _help(shared, ends: TwoEnds, env, config, documentation, nav, sending) -> None:
    records = collect_log()
    index = search_index(config.plugins)
    if index is not None:  # the build process indexes every page
        shortcut = getattr(index.add_entry_from_context, "__self__", None)
        spare = isinstance(shortcut, SearchShortcut)  # its content kept from the search's scan
        index.add_entry_from_context = shortcut.hold_back if spare else _index_nothing
    built, error = 0, None
    while error is None and (number := ends.take_back()) is not None:
        page = shared[number]
        try:
            _build_page(page, config, documentation, nav, env)
            built += 1
        except Exception as exc:  # reported to the build process, which fails the build
            error = failure(page.file.src_uri, exc)
    sending.send((records, built, error))
    sending.close()


def _build_page(page, config, documentation, nav, env) -> None:
    """What ``mkdocs.commands.build._build_page`` does with a generated page."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, documentation, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            mkdocs.utils.write_file(
                output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path
            )
        else:
            logging.getLogger("mkdocs.commands.build").info(_SKIPPED.format(page.file.src_uri))
    finally:
        page.active = False
        config._current_page = None


def _index_nothing(page) -> None:
    return None
