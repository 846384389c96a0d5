"""The MkDocs plugin: generate the record pages at build time and put the sections in the nav.

A thin shell around :func:`hirebook.handbook.site.generate`:

``on_config``     sets ``theme.language`` from the plugin's ``language`` (before the search
                  plugin reads it), watches the records folder for ``mkdocs serve``, fills
                  an index-only nav when ``mkdocs.yml`` has none, and puts a memo in front of
                  the search plugin's Chinese segmentation (:mod:`.search_segmentation`);
``on_pre_build``  loads and lints the records and generates every page — before MkDocs cleans
                  the site folder, so records with errors stop the build with the lint report
                  and leave no half-built site; then puts :mod:`.search_sections` in front of
                  the search plugin's index. For a large agency, the search worker is forked
                  before the records are read and loads jieba as soon as a worker is done;
                  under ``mkdocs build``, MkDocs then writes over the old site instead of
                  emptying it first (:mod:`.site_rewrite`);
``on_files``      adds the pages as ``File.generated`` (record pages out of the nav, with their
                  record file as edit link) and drops the hand-written pages of other languages;
``on_nav``        when the records were read by several processes, forks a second process
                  that writes half of the generated pages' HTML while MkDocs reads the rest
                  (:mod:`.page_reading`);
``on_env``        renders Material's nav once per set of links (:mod:`.nav_cache`), and its
                  header and config script once per set of links and kind of title
                  (:mod:`.frame_cache`); and
                  when the records were read by several processes, forks a second process
                  that builds half of the generated pages while MkDocs builds the rest
                  (:mod:`.page_sharing`; ``mkdocs build`` only, as ``on_startup`` tells);
``on_page_markdown`` fills the ``<!-- hirebook:NAME -->`` placeholders of hand-written pages,
                  and spares a generated page with no Markdown its Markdown run;
``on_page_content`` writes a generated page that skipped Markdown (:mod:`.html_page`), and
                  gives the search plugin the words of deferred tables (:mod:`.deferred`);
``on_page_context`` gives a page back the content the search shortcut kept from the search
                  plugin's attribute scan (:meth:`.SearchShortcut.hold_back`);
``on_post_page``  puts deferred tables into pages that went through Markdown;
``on_post_build`` waits for that process, puts the search entries a worker process made
                  (:mod:`.search_worker`) into the search plugin's index before it is
                  written, and deletes what is left of the old site.

Options: ``records`` (default ``records/`` beside ``mkdocs.yml``), ``language`` (``en``,
``zh-Hant``, ``zh-Hans``), ``as_of`` (a date or datetime; default: the build time) and ``jobs``
(processes for reading the records, as ``hirebook lint --jobs``; default 0: every core for a
large agency; with several, one more process indexes the generated pages for search and
one more writes, then builds, half of them) and
``defer`` (default true: generated pages skip Markdown, see :mod:`hirebook.handbook.deferred`
and :mod:`hirebook.handbook.html_page`; false renders them through Markdown, slower).
"""

from __future__ import annotations

import functools
import html
import logging
import posixpath
import re
from datetime import date, datetime
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from hirebook.handbook import (
    frame_cache,
    nav_cache,
    page_sharing,
    paths,
    search_segmentation,
)
from hirebook.handbook.deferred import Deferred
from hirebook.handbook.html_page import HeadingStyle
from hirebook.handbook.labels import LANGUAGES, THEME_LANGUAGE, labels_for
from hirebook.handbook.page_reading import PageReading
from hirebook.handbook.search_sections import SearchShortcut, search_index
from hirebook.handbook.site import Handbook, HandbookError, Stages, prepare
from hirebook.handbook.site_rewrite import SiteRewrite
from hirebook.handbook.sources import Sources
from hirebook.output.inert import inert
from hirebook.records.repository import RecordsFolderError

log = logging.getLogger("mkdocs.plugins.hirebook")

PLACEHOLDER = re.compile(r"<!--\s*hirebook:([a-z0-9-]+)\s*-->")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


class HirebookConfig(Config):
    records = c.Optional(c.Type(str))
    language = c.Choice(LANGUAGES, default="en")
    as_of = c.Optional(c.Type((str, date, datetime)))
    jobs = c.Type(int, default=0)
    defer = c.Type(bool, default=True)


class HirebookPlugin(BasePlugin[HirebookConfig]):
    """Generates the handbook's record pages from the records folder at build time."""

    def __init__(self) -> None:
        super().__init__()
        self.handbook: Handbook | None = None
        self.search: SearchShortcut | None = None
        self.files: Files | None = None
        self.command: str | None = None
        self.nav = None
        self.sharing: page_sharing.PageSharing | None = None
        self.reading: PageReading | None = None
        self.early_search = None  # the search worker, forked before the records are read
        self.rewrite: SiteRewrite | None = None
        self.segmenter_asked = False
        self.dirty = False
        self.root = Path.cwd()
        self.records_dir = Path("records")

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command  # pages are built in two processes by `mkdocs build` only
        self.dirty = dirty  # --dirty keeps the old site's files: MkDocs' way only (site_rewrite)

    @event_priority(100)  # before the search plugin derives its language from the theme
    def on_config(self, config):
        config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        records = Path(self.config.records or "records")
        self.records_dir = (records if records.is_absolute() else config_dir / records).resolve()
        # Record paths (shown on pages, used for edit links) are relative to the project root:
        # the folder of mkdocs.yml, or the records' parent when they live elsewhere.
        inside = self.records_dir.is_relative_to(config_dir)
        self.root = config_dir if inside else self.records_dir.parent
        config.theme["language"] = THEME_LANGUAGE[self.config.language]
        if str(self.records_dir) not in config.watch:
            config.watch.append(str(self.records_dir))
        if config.nav is None:
            config.nav = default_nav(self.config.language)
        search_segmentation.install()  # each Chinese run segmented once per build
        return config

    def on_pre_build(self, config) -> None:
        deferred = self._deferred(config)
        stages = Stages(
            reading=functools.partial(self._reading, config, deferred), part_read=self._part_read
        )
        try:
            self.handbook = prepare(
                self.records_dir,
                self.root,
                self.config.as_of,
                self.config.language,
                _sources(config, self.root),
                jobs=self.config.jobs,
                deferred=deferred,
                stages=stages,
            )
        except (RecordsFolderError, HandbookError, ValueError) as err:
            self._stop_early_work()
            # MkDocs prints it into the build log, which CI scans for workflow commands: each
            # line inert (the lint summary in it already is; a policy error quotes the policy).
            message = "\n".join(inert(line) for line in str(err).splitlines())
            raise PluginError(f"hirebook: {message}") from None
        except BaseException:
            self._stop_early_work()
            raise
        index = search_index(config.plugins)
        if index is not None:
            search_segmentation.spare_ascii(index)
        if self.search is not None:  # a build that failed before on_post_build (serve)
            self.search.abandon()
        early, self.early_search = self.early_search, None
        self.search = None
        if deferred is not None and deferred.headings is not None:
            self.search = SearchShortcut.install(
                config.plugins,
                deferred.search_texts,
                early=page_sharing.shareable(config.plugins),
                background=early,  # forked when the records were read by several processes
            )
        elif early is not None:
            early.close()
        if self._shared(config) and not self.dirty:
            # Nothing stops the build for its records now: MkDocs may write over the old site.
            self.rewrite = SiteRewrite.install(config.site_dir)
        log.info(
            "hirebook: %d pages generated from %s as of %s",
            len(self.handbook.pages),
            self.records_dir,
            self.handbook.as_of.isoformat(),
        )

    def _reading(self, config, deferred: Deferred | None, processes: int) -> None:
        """Before the records are read (:class:`Stages`): fork the search worker of a large
        agency now, while this process has one thread, so that it can load jieba's dictionary
        as soon as a worker is done (:meth:`_part_read`)."""
        self.segmenter_asked = False
        index = search_index(config.plugins)
        if processes > 1 and index is not None and deferred and deferred.headings is not None:
            from hirebook.handbook.search_worker import Background

            self.early_search = Background.fork(index)

    def _part_read(self, part) -> None:
        """A worker is done (:class:`Stages`): if its blocks hold Chinese, the search worker
        loads jieba's dictionary now, on the core the workers leave idle while this process
        receives and assembles the records."""
        early = self.early_search
        if early is None or part is None or part.deferred is None or self.segmenter_asked:
            return
        from hirebook.handbook.search_worker import segmenting

        if segmenting(part.deferred.tables):
            early.load_segmenter()
            self.segmenter_asked = True

    def _finish_rewrite(self) -> None:
        """Delete what is left of the old site (:mod:`.site_rewrite`)."""
        rewrite, self.rewrite = self.rewrite, None
        if rewrite is not None:
            rewrite.finish()

    def _stop_early_work(self) -> None:
        """The build stopped: end the processes started in :meth:`on_pre_build`."""
        if self.early_search is not None:
            self.early_search.close()
            self.early_search = None

    def _deferred(self, config) -> Deferred | None:
        if not self.config.defer:
            return None
        style = HeadingStyle.of(config["markdown_extensions"], config["mdx_configs"])
        return Deferred(headings=style)

    def on_files(self, files: Files, config) -> Files:
        assert self.handbook is not None
        for file in list(files):
            if _other_language(file.src_uri, self.config.language):
                files.remove(file)
        sections = set(paths.SECTIONS)
        sources = _sources(config, self.root)
        for path, page in self.handbook.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(
                    f"hirebook: site/{path} is hand-written but the handbook generates that "
                    "page; rename or remove the file"
                )
            inclusion = InclusionLevel.UNDEFINED if path in sections else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=page.markdown, inclusion=inclusion)
            if page.source:
                file.edit_uri = sources.edit_path(page.source)
            files.append(file)
        self.files = files
        if self.rewrite is not None:
            self.rewrite.make_way(_destinations(files, config))
        return files

    @event_priority(-100)  # the nav and files as the other plugins leave them: share reading
    def on_nav(self, nav, config, files):
        self.nav = nav
        self.reading = None
        deferred = self.handbook.deferred if self.handbook else None
        if self._shared(config) and deferred is not None and deferred.headings is not None:
            self.reading = PageReading.start(files, self._write)
        return nav

    @event_priority(-100)  # every page is read, the environment final: share the building
    def on_env(self, env, config, files):
        reading, self.reading = self.reading, None
        if reading is not None:
            reading.finish()
        nav_cache.install(env, self.nav, config)
        frame_cache.install(env, self.nav, config)
        if self.sharing is not None:  # a build that failed before on_post_build (serve)
            self.sharing.abandon()
        shared = self._shared(config)
        self.sharing = (
            page_sharing.PageSharing.start(env, config, files, self.nav) if shared else None
        )
        return env

    def _shared(self, config) -> bool:
        """Whether pages are read and built by two processes: ``mkdocs build`` of a large
        agency (the records read by several processes), with no plugin but search and ours."""
        large = self.handbook is not None and self.handbook.processes > 1
        building = self.command in ("build", "gh-deploy")
        return large and building and page_sharing.shareable(config.plugins)

    def _write(self, file, content: str):
        """The page ``content`` (MkDocs' HTML of a page's Markdown) stands for, or None."""
        final = self.search is not None  # the search shortcut indexes a built page's pieces
        url_of = functools.partial(self._url, of=file)
        return self.handbook.deferred.page(content, url_of, final=final)

    def on_page_content(self, html: str, page, config, files) -> str:
        # Before the search plugin reads the page (on_page_context): tables as plain text.
        deferred = self.handbook.deferred if self.handbook else None
        if deferred is None:
            return html
        if self.reading is not None:
            built = self.reading.written(page, lambda: self._write(page.file, html))
        else:
            built = self._write(page.file, html)
        if built is not None:  # a whole page that skipped Markdown: set what render() sets
            page.toc = get_toc(built.toc_tokens)
            page.present_anchor_ids = built.anchors
            page._title_from_render = built.title  # the title MkDocs takes from a leading h1
            if self.search is not None:
                self.search.expect(page, built.pieces)
                return built.html
            html = built.html
        return deferred.for_search(html)

    @event_priority(-100)  # after the search plugin's
    def on_page_context(self, context, page, config, nav):
        if self.search is not None:
            self.search.restore(page)  # the content spared the search plugin's scan
        return context

    def on_post_page(self, output: str, page, config) -> str:
        # After search and the theme: the tables themselves, links resolved like MkDocs does.
        deferred = self.handbook.deferred if self.handbook else None
        if deferred is None:
            return output
        return deferred.for_reader(output, functools.partial(self._url, of=page.file))

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, config) -> None:
        sharing, self.sharing = self.sharing, None
        if sharing is not None:
            sharing.finish()
        self._finish_rewrite()
        if self.search is not None:
            self.search.finish()

    def on_build_error(self, error) -> None:
        self._stop_early_work()
        self._finish_rewrite()  # what a clean build would leave of the old site: nothing
        if self.reading is not None:
            self.reading.abandon()
            self.reading = None
        if self.sharing is not None:
            self.sharing.abandon()
            self.sharing = None
        if self.search is not None:
            self.search.abandon()
            self.search = None

    def _url(self, target: str, of: File) -> str:
        """The URL of a link target written as a page path relative to the source of page
        file ``of``."""
        if _SCHEME.match(target) or target.startswith("#"):
            return target
        path, _, anchor = target.partition("#")
        source = posixpath.normpath(posixpath.join(posixpath.dirname(of.src_uri), path))
        # Already a normalised "/" path: looked up directly (get_file_from_path builds a
        # PurePath per call, and the pages hold tens of thousands of links).
        found = self.files.src_uris.get(source) if self.files else None
        if found is None:
            log.warning(
                "hirebook: %s links to %s, which is not a page", inert(of.src_uri), inert(path)
            )
            return target
        url = found.url_relative_to(of)
        return f"{url}#{anchor}" if anchor else url

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.handbook is None:
            return markdown
        if page.file.generated_by is not None:
            deferred = self.handbook.deferred
            if deferred is not None and deferred.is_page(markdown):
                # MkDocs sets up a Markdown instance per page (its extensions and MkDocs' own
                # processors) only to pass our marker through: at 2,000 pages, a second and
                # a half. MkDocs has no event to skip rendering, so the page's render is set to
                # what it would produce; on_page_content then writes the page.
                page.render = functools.partial(_render_marker, page)
            return markdown
        fragments = self.handbook.fragments

        def fill(match: re.Match) -> str:
            name = match.group(1)
            if name not in fragments:
                log.warning("hirebook: %s: unknown placeholder %r", page.file.src_uri, name)
                return match.group(0)
            return fragments[name]

        return PLACEHOLDER.sub(fill, markdown)


def _destinations(files: Files, config) -> list[str]:
    """Where the build writes, relative to the site folder: the files, the theme's templates
    (``404.html``, ``sitemap.xml`` and its ``.gz``) and the search index."""
    theme = [*config.theme.static_templates, "sitemap.xml.gz", "search/search_index.json"]
    return [*(file.dest_uri for file in files), *theme]


def _render_marker(page, config, files) -> None:
    """What ``Page.render`` makes of a page whose Markdown is one HTML comment (a page marker):
    the comment, no table of contents, no title, no anchors and no links."""
    page.content = page.markdown.strip()
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def default_nav(language: str) -> list[dict[str, str]]:
    """The index-only nav: section pages, never one entry per record (Material renders the
    whole nav on every page, so a record-per-entry nav makes large sites slow and huge)."""
    labels = labels_for(language)
    entries = [
        ("nav.home", paths.HOME),
        ("nav.policy", paths.policy(language)),
        ("nav.process", paths.process(language)),
        ("nav.clients", paths.CLIENTS),
        ("nav.sla", paths.SLA),
        ("nav.reports", paths.REPORTS),
        ("nav.team", paths.TEAM),
        ("nav.cases", paths.CASES),
        ("nav.problems", paths.PROBLEMS),
        ("nav.lint_codes", paths.LINT_CODES),
        ("nav.contributing", paths.contributing(language)),
    ]
    return [{html.escape(labels(key)): path} for key, path in entries]


def _other_language(src_uri: str, language: str) -> bool:
    """Hand-written pages live in ``<language>/``; only the handbook's language is published."""
    top = src_uri.split("/", 1)[0]
    return top in LANGUAGES and top != language


def _sources(config, root: Path) -> Sources:
    docs_dir = Path(config.docs_dir).resolve()
    try:
        docs_rel = docs_dir.relative_to(root).as_posix()
    except ValueError:
        docs_rel = "site"
    return Sources(repo_url=config.repo_url, edit_uri=config.edit_uri, docs_dir=docs_rel)
