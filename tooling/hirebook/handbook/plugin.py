"""The MkDocs plugin: generate the record pages at build time and put the sections in the nav.

A thin shell around :func:`hirebook.handbook.site.prepare`, on MkDocs' public plugin events:

``on_startup``    notes whether this is ``mkdocs serve`` (a preview of one language);
``on_config``     sets ``theme.language`` from the plugin's ``language`` (before the search
                  plugin reads it), the site's name in that language, the language's part of
                  the one site (``site_dir``, ``site_url``: :mod:`hirebook.handbook.languages`),
                  watches the records folder for ``mkdocs serve`` and fills an index-only nav
                  when ``mkdocs.yml`` has none;
``on_pre_build``  reads, lints and generates every page — before MkDocs cleans the site
                  folder, so records with errors stop the build with the lint report and leave
                  no half-built site;
``on_files``      adds the pages as ``File.generated`` (record pages out of the nav, with their
                  record file as edit link) and the calendar feeds as files, publishes the
                  hand-written pages of the language at the root of its part
                  (``site/zh-Hant/policy.md`` at ``policy/``, with a page at the old address
                  ``zh-Hant/policy/`` that sends readers on: :mod:`hirebook.handbook.moved`)
                  and drops those of other languages;
``on_page_markdown`` fills the ``<!-- hirebook:NAME -->`` placeholders of hand-written pages;
``on_page_context`` / ``on_template_context`` give Material's language selector
                  (``extra.alternate``) the links to this page in the site's other languages;
``on_env``        fills in the feeds' content, once every page is read (a child process
                  may still be writing them: :mod:`hirebook.handbook.background`);
``on_page_content`` gives the search plugin the words of deferred tables
                  (:mod:`hirebook.handbook.deferred`); and
``on_post_page``  puts the deferred tables into the page.

Options: ``records`` (default ``records/`` beside ``mkdocs.yml``), ``language`` (``en``,
``zh-Hant``, ``zh-Hans``), ``languages`` (the one site's languages, the first at its root and
each other in a folder of its name; default all three, English first; a single language makes
a site of its own, without a language selector), ``as_of`` (a date or datetime; default:
``HIREBOOK_AS_OF``, else the build time: :func:`build_as_of`), ``jobs`` (processes for
reading the records, as ``hirebook lint --jobs``; default 0: every core for a large agency;
with more than one, a child process computes the feeds) and ``defer`` (default true:
generated tables skip Markdown, see :mod:`hirebook.handbook.deferred`; false renders them
through Markdown, slower).
"""

from __future__ import annotations

import functools
import html
import logging
import os
import posixpath
import re
from datetime import date, datetime
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from hirebook.chinese_script import chinese_runs, search_in_both_scripts
from hirebook.handbook import feeds, paths, theme_words
from hirebook.handbook.deferred import Deferred
from hirebook.handbook.labels import LANGUAGES, THEME_LANGUAGE, catalogue, labels_for
from hirebook.handbook.languages import Site, published_path, site_name
from hirebook.handbook.moved import redirect_page
from hirebook.handbook.site import Handbook, HandbookError, prepare
from hirebook.handbook.sources import Sources
from hirebook.now import AS_OF_VARIABLE, parse_as_of
from hirebook.output.inert import inert
from hirebook.parallel import WorkerLost
from hirebook.records.repository import RecordsFolderError

log = logging.getLogger("mkdocs.plugins.hirebook")

PLACEHOLDER = re.compile(r"^[ \t]*<!--\s*hirebook:([a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)
"""A placeholder on a line of its own: the same words inside a sentence or code (a page that
documents them) are left as written."""
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


class HirebookConfig(Config):
    records = c.Optional(c.Type(str))
    language = c.Choice(LANGUAGES, default="en")
    languages = c.ListOfItems(c.Choice(LANGUAGES), default=list(LANGUAGES))
    as_of = c.Optional(c.Type((str, date, datetime)))
    jobs = c.Type(int, default=0)
    defer = c.Type(bool, default=True)


class HirebookPlugin(BasePlugin[HirebookConfig]):
    """Generates the handbook's record pages from the records folder at build time."""

    def __init__(self) -> None:
        super().__init__()
        self.handbook: Handbook | None = None
        self.files: Files | None = None
        self.root = Path.cwd()
        self.records_dir = Path("records")
        self.serving = False
        self.site: Site | None = None
        """The one site of several languages this build is a part of (None: a site of one
        language, or ``mkdocs serve``)."""
        self.docs_dir = Path("site")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

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
        toc = config.mdx_configs.get("toc")
        labels = labels_for(self.config.language)
        theme_words.translate(config.theme, toc or {}, config.extra, labels)
        # The feeds' links start with it; `hirebook calendar --site-url` refuses the same.
        problem = feeds.site_url_problem(config.site_url) if config.site_url else None
        if problem:
            raise PluginError(
                f"hirebook: site_url {problem}: fix it in mkdocs.yml or HIREBOOK_SITE_URL"
            )
        self.docs_dir = Path(config.docs_dir)
        self.site = self._part_of_site(config)
        if str(self.records_dir) not in config.watch:
            config.watch.append(str(self.records_dir))
        if config.nav is None:
            config.nav = default_nav(self.config.language)
        return config

    def _part_of_site(self, config) -> Site | None:
        """This language's name and place in the one site (see
        :mod:`hirebook.handbook.languages`): the site's stock name in this language (an
        agency's own name stays as written); the part of a language other than the first in a
        folder of its name. ``mkdocs serve`` previews one language where it is."""
        try:
            site = Site(tuple(self.config.languages), self.config.language)
        except ValueError as err:
            raise PluginError(f"hirebook: {err}") from None
        config.site_name = site_name(config.site_name, site.language)
        if self.serving or not site.multilingual:
            return None
        folder = site.folder(site.language)
        if folder:
            # A root build cleans the whole site folder: the first language is built first.
            config.site_dir = os.path.join(config.site_dir, site.language)
            if config.site_url:  # ends with "/": MkDocs makes it so
                config.site_url += folder
        config.extra["alternate"] = site.roots()
        return site

    def on_page_context(self, context, page, config, nav):
        # Just before the theme renders this page: its selector links its other languages.
        if self.site is not None:
            config.extra["alternate"] = self.site.alternates(
                page.file.src_uri, page.url, config.use_directory_urls, self._has_page
            )
        return context

    def on_template_context(self, context, template_name, config):
        # 404.html and the like: no page of their own, so each language's home.
        if self.site is not None:
            config.extra["alternate"] = self.site.roots()
        return context

    def _has_page(self, language: str, src_uri: str) -> bool:
        """Whether ``language``'s part has the page ``src_uri``: every part has the generated
        pages and the docs folder's shared ones, a language its own hand-written pages."""
        if self.handbook is not None and src_uri in self.handbook.pages:
            return True
        own = self.docs_dir / paths.hand_written(language, src_uri)
        return own.is_file() or (self.docs_dir / src_uri).is_file()

    def on_pre_build(self, config) -> None:
        try:
            self.handbook = prepare(
                self.records_dir,
                self.root,
                build_as_of(self.config.as_of),
                self.config.language,
                _sources(config, self.root),
                jobs=self.config.jobs,
                deferred=_deferred(self.config.language) if self.config.defer else None,
                links=feeds.Links(config.site_url, config.use_directory_urls),
            )
        except (RecordsFolderError, HandbookError, WorkerLost, ValueError) as err:
            # MkDocs prints it into the build log, which CI scans for workflow commands: each
            # line inert (the lint summary in it already is; a policy error quotes the policy).
            message = "\n".join(inert(line) for line in str(err).splitlines())
            raise PluginError(f"hirebook: {message}") from None
        log.info(
            "hirebook: %d pages generated from %s as of %s",
            len(self.handbook.pages),
            self.records_dir,
            self.handbook.as_of.isoformat(),
        )

    def on_files(self, files: Files, config) -> Files:
        assert self.handbook is not None
        self._publish_hand_written(files, config)
        sections = set(paths.SECTIONS)
        sources = _sources(config, self.root)
        for path, page in self.handbook.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(
                    f"hirebook: {self._shown(existing)} is hand-written but the handbook "
                    f"generates the page {path}; rename or remove the file"
                )
            inclusion = InclusionLevel.UNDEFINED if path in sections else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=page.markdown, inclusion=inclusion)
            if page.source:
                file.edit_uri = sources.edit_path(page.source)
            files.append(file)
        # The calendar feeds: files, not pages, filled in on_env (a child process may still be
        # writing them while MkDocs reads the pages).
        for path in self.handbook.feed_paths:
            files.append(File.generated(config, path, content=b""))
        self.files = files
        return files

    def on_env(self, env, config, files):
        # Every page is read; next MkDocs copies the files, the feeds among them.
        made = self.handbook.feeds if self.handbook else {}
        for path, feed in made.items():
            file = files.get_file_from_path(path)
            if file is None:  # another plugin took it out of the site
                raise PluginError(f"hirebook: the calendar feed {path} is no longer a site file")
            file.content_bytes = feed
        return env

    def on_build_error(self, error) -> None:
        if self.handbook is not None and self.handbook.pending_feeds is not None:
            self.handbook.pending_feeds.cancel()

    def _publish_hand_written(self, files: Files, config) -> None:
        """The hand-written files of the handbook's language (``<language>/…`` in the docs
        folder) at the root of its part, each page's old address kept by a page that sends
        readers on; the files of the other languages dropped."""
        language = self.config.language
        moved: list[tuple[File, str]] = []
        for file in list(files):
            if file.generated_by is not None:  # another plugin's: where it put it
                continue
            published = published_path(file.src_uri, language)
            if published != file.src_uri:
                files.remove(file)
                if published is not None:
                    moved.append((file, published))
        for file, published in moved:
            clash = files.get_file_from_path(published)
            if clash is not None:
                raise PluginError(
                    f"hirebook: {self._shown(file)} and {self._shown(clash)} would both be "
                    f"published as {published}; rename or remove one of them"
                )
            # The same file from the language's folder, as if the docs folder were that folder.
            at_root = File(
                published,
                src_dir=os.path.join(file.src_dir or config.docs_dir, language),
                dest_dir=file.dest_dir,
                use_directory_urls=file.use_directory_urls,
                inclusion=file.inclusion,
            )
            at_root.edit_uri = file.edit_uri  # the file's own path: site/<language>/…
            files.append(at_root)
            if file.is_documentation_page():
                page = redirect_page(file.url, at_root.url, THEME_LANGUAGE[language])
                files.append(File.generated(config, file.dest_uri, content=page))

    def _shown(self, file: File) -> str:
        """A docs file as its reader finds it: its path from the project root."""
        path = Path(file.abs_src_path) if file.abs_src_path else self.docs_dir / file.src_uri
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def on_page_content(self, html: str, page, config, files) -> str:
        # Before the search plugin reads the page (on_page_context): tables as plain text.
        deferred = self.handbook.deferred if self.handbook else None
        return html if deferred is None else deferred.for_search(html)

    def on_post_page(self, output: str, page, config) -> str:
        # After search and the theme: the tables themselves, links resolved like MkDocs does.
        deferred = self.handbook.deferred if self.handbook else None
        if deferred is None:
            return output
        return deferred.for_reader(output, functools.partial(self._url, of=page.file))

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
            return markdown
        fragments = self.handbook.fragments

        def fill(match: re.Match) -> str:
            name = match.group(1)
            if name not in fragments:
                log.warning("hirebook: %s: unknown placeholder %r", page.file.src_uri, name)
                return match.group(0)
            return fragments[name]

        return PLACEHOLDER.sub(fill, markdown)


def default_nav(language: str) -> list[dict[str, str]]:
    """The index-only nav: section pages, never one entry per record (Material renders the
    whole nav on every page, so a record-per-entry nav makes large sites slow and huge)."""
    labels = labels_for(language)
    entries = [
        ("nav.home", paths.HOME),
        ("nav.policy", paths.POLICY),
        ("nav.process", paths.PROCESS),
        ("nav.clients", paths.CLIENTS),
        ("nav.sla", paths.SLA),
        ("nav.reports", paths.REPORTS),
        ("nav.team", paths.TEAM),
        ("nav.cases", paths.CASES),
        ("nav.problems", paths.PROBLEMS),
        ("nav.lint_codes", paths.LINT_CODES),
        ("nav.reference", paths.REFERENCE),
        ("nav.contributing", paths.CONTRIBUTING),
    ]
    return [{html.escape(labels(key)): path} for key, path in entries]


def build_as_of(option: date | datetime | str | None) -> date | datetime | None:
    """The instant the build judges by: the ``as_of`` option, else ``HIREBOOK_AS_OF`` — as
    ``--as-of`` beats the variable for the commands — each read as the commands read it
    (:func:`hirebook.now.parse_as_of`). None: the build time (or a demo's ``demo_as_of``).

    The plugin reads the variable itself rather than through ``as_of: !ENV [...]`` in
    ``mkdocs.yml``: YAML types an ``!ENV`` value by YAML 1.1's looser timestamp rules first
    (``+08``, a space before the time), so a value the commands refuse would build a handbook.
    """
    if option is None:
        text, where = os.environ.get(AS_OF_VARIABLE), AS_OF_VARIABLE
        if not text:  # unset or empty: Click ignores an empty variable too
            return None
    elif isinstance(option, str):
        text, where = option, "as_of in mkdocs.yml"
    else:  # YAML already made it a date or datetime: checked as the commands check it
        text, where = option.isoformat(), "as_of in mkdocs.yml"
    try:
        return parse_as_of(text)
    except ValueError as err:
        raise PluginError(
            f"hirebook: {where}: {inert(str(err))}; "
            "write a date (2026-11-20) or a date and time (2026-11-20T17:00:00+08:00)"
        ) from None


def _deferred(language: str) -> Deferred:
    """The tables' registry for a site in ``language``: a Chinese site gives search the records'
    Chinese words in both scripts, its own labels as they are."""
    if not search_in_both_scripts(language):
        return Deferred()
    return Deferred(cross_script=True, own=chinese_runs(catalogue(language).values()))


def _sources(config, root: Path) -> Sources:
    docs_dir = Path(config.docs_dir).resolve()
    try:
        docs_rel = docs_dir.relative_to(root).as_posix()
    except ValueError:
        docs_rel = "site"
    return Sources(repo_url=config.repo_url, edit_uri=config.edit_uri, docs_dir=docs_rel)
