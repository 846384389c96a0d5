"""The handbook as a Zensical project: ``hirebook handbook --out DIR --zensical``.

Zensical (the successor of Material for MkDocs) reads ``mkdocs.yml`` but runs no MkDocs plugin,
so what the hirebook plugin does at build time is done here, once, into a folder that
``zensical build -f DIR/mkdocs.yml`` builds into ``DIR/public/``:

- ``docs/``: the generated pages (:func:`hirebook.handbook.site.prepare`, the same function the
  plugin calls) beside the hand-written pages of the project's docs folder (``site/``) — only
  the handbook's language, at the root as the plugin publishes them (``site/zh-Hant/policy.md``
  as ``docs/policy.md``: :func:`hirebook.handbook.languages.published_path`), each
  ``<!-- hirebook:NAME -->`` placeholder filled with its generated fragment (so no fragment is
  a page of its own), the theme overrides left out;
- ``overrides/``: the project's theme overrides (``theme.custom_dir``);
- ``mkdocs.yml``: the project's own configuration (theme, fonts, search, extensions) with the
  paths rebased, the hirebook plugin removed, the theme's language set and the plugin's
  index-only nav written out (:func:`hirebook.handbook.plugin.default_nav`): without a ``nav``
  Zensical lists every folder of ``docs/``. Record pages are built but not listed, as in the
  MkDocs site. Edit buttons are turned off (``edit_uri`` and the theme's ``content.action.*``):
  Zensical derives a page's edit link from its path under ``docs/``, which for a generated page
  is no file of the repository. The site's name is in the handbook's language, and with the
  plugin's ``languages`` (:mod:`hirebook.handbook.languages`) the project builds its language's
  part of the one site: ``site_url`` with the language's folder, and a language selector whose
  entries link each language's home page (Zensical runs no per-page code that could link the
  same page); ``make zensical`` builds each language and puts the parts together.

Zensical (0.0.73) refuses to build when one section's text exceeds its search index's limit:
2**30 bytes divided by the number of sections in the site, rounded up to a power of two (32 KiB
at 1,000 clients). A generated section whose Markdown exceeds that limit for twice the sections
counted (the text is shorter than its Markdown) is left out of Zensical's search, with a
warning: ``data-search-exclude`` on its heading. Such sections are long tables of clients (the
client directory, a team member's clients); each client's own page stays searchable.

Files of an earlier run that this one did not write are deleted from ``docs/`` and
``overrides/`` (a client removed from the records must not stay published). A folder whose
``mkdocs.yml`` hirebook did not write is left alone: the run is refused.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hirebook import atomic
from hirebook.handbook import theme_words
from hirebook.handbook.labels import LANGUAGES, THEME_LANGUAGE, labels_for
from hirebook.handbook.languages import Site, published_path, site_name
from hirebook.handbook.site import Handbook, HandbookError
from hirebook.handbook.sources import Sources

CONFIG = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"
SITE = "public"
EDIT_FEATURES = ("content.action.edit", "content.action.view")
SEARCH_INDEX_BITS = 30  # Zensical's search index: a field holds 2**30 / sections bytes at most
HEADING = re.compile(r"(#{1,6})[ \t]+\S")
ATTRIBUTES = re.compile(r"\{:?([^{}]*)\}[ \t]*$")
FENCE = re.compile(r"(`{3,}|~{3,})")
MARK = "# Written by `hirebook handbook --zensical`"
HEADER = (
    MARK + " from {source} (edit that file: this one is written again on every run).\n"
    "# Build with `zensical build -f` this file; the site lands in {site}/ beside it.\n"
)


@dataclass
class Project:
    """The files of a Zensical project, by path relative to its folder."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0


class _Loader(yaml.SafeLoader):
    """``mkdocs.yml`` as MkDocs reads it: ``!ENV NAME`` and ``!ENV [NAME, …, default]``."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])  # typed as MkDocs types it
    return default


_Loader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict:
    """``mkdocs.yml`` as MkDocs reads it: ``!ENV`` resolved, an ``INHERIT``ed file merged
    below it (mappings merged, anything else replaced)."""
    try:
        with open(path, encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except FileNotFoundError:
        raise HandbookError(
            f"no {path.name} at {path}: --zensical takes the theme, the extensions and the "
            "hand-written pages from the project's MkDocs configuration"
        ) from None
    except yaml.YAMLError as err:
        raise HandbookError(f"{path} cannot be read: {err}") from None
    if not isinstance(config, dict):
        raise HandbookError(f"{path} is not a mapping")
    parent = config.pop("INHERIT", None)
    return _merged(read_config(path.parent / parent), config) if parent else config


def _merged(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        both = isinstance(below, dict) and isinstance(value, dict)
        merged[key] = _merged(below, value) if both else value
    return merged


def sources(root: Path, config_file: Path) -> Sources:
    """Where record paths link to, as the plugin has it (the repository of ``mkdocs.yml``)."""
    config = read_config(config_file)
    docs = (config_file.parent / config.get("docs_dir", "docs")).resolve()
    try:
        docs_rel = docs.relative_to(root).as_posix()
    except ValueError:
        docs_rel = "site"
    return Sources(config.get("repo_url"), config.get("edit_uri"), docs_rel)


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages of the one site, in the order they are built (the first at the site's
    root): the hirebook plugin's ``languages`` in ``config_file``, as the plugin reads them.
    ``make build``, ``make zensical`` and the Pages workflow ask for them here (``hirebook
    handbook --languages``), so that ``mkdocs.yml`` alone holds the order."""
    if not config_file.is_file():
        raise HandbookError(
            f"no {config_file.name} at {config_file}: the site's languages are the hirebook "
            "plugin's `languages` in the project's MkDocs configuration (pass --config FILE)"
        )
    languages = _plugin_options(read_config(config_file).get("plugins") or []).get("languages")
    if languages is None:
        return LANGUAGES
    if not isinstance(languages, list) or not all(isinstance(name, str) for name in languages):
        raise HandbookError(
            f"{config_file}: the hirebook plugin's `languages` must be a list of language "
            f"codes, such as [{', '.join(LANGUAGES)}]"
        )
    try:
        Site(tuple(languages), languages[0] if languages else "")
    except ValueError as err:
        raise HandbookError(f"{config_file}: the hirebook plugin's options: {err}") from None
    return tuple(languages)


def project(handbook: Handbook, config_file: Path, language: str) -> Project:
    """The Zensical project of ``handbook`` with the hand-written pages and configuration of
    ``config_file`` (the project's ``mkdocs.yml``)."""
    # One definition for both sites: the plugin's nav (imported here, so that `hirebook
    # handbook` without --zensical does not load MkDocs).
    from hirebook.handbook.plugin import default_nav

    config = read_config(config_file)
    base = config_file.parent
    theme = dict(config.get("theme") or {})
    custom_dir = (base / theme["custom_dir"]).resolve() if theme.get("custom_dir") else None
    built = Project(pages=len(handbook.pages))
    _hand_written(handbook, (base / config.get("docs_dir", "docs")).resolve(), custom_dir,
                  language, built)  # fmt: skip
    texts = [page.markdown for page in handbook.pages.values()]
    texts += [text for text in built.files.values() if isinstance(text, str)]
    limit = search_limit(texts)
    excluded = 0
    for path, page in handbook.pages.items():
        markdown, count = exclude_long_sections(page.markdown, limit)
        built.files[f"{DOCS}/{path}"] = markdown
        excluded += count
    for path, feed in handbook.feeds.items():  # the calendar feeds the pages link to
        built.files[f"{DOCS}/{path}"] = feed
    if excluded:
        built.warnings.append(
            f"{excluded} sections longer than {limit:,} bytes are left out of Zensical's search "
            "(its index refuses longer ones); the pages they list are searchable"
        )
    if custom_dir is not None and custom_dir.is_dir():
        for file in sorted(custom_dir.rglob("*")):
            if file.is_file():
                rel = file.relative_to(custom_dir).as_posix()
                built.files[f"{OVERRIDES}/{rel}"] = file.read_bytes()
        theme["custom_dir"] = OVERRIDES
    else:
        theme.pop("custom_dir", None)
    theme["language"] = THEME_LANGUAGE[language]
    extensions = config.get("markdown_extensions") or []
    config["extra"] = extra = {**(config.get("extra") or {})}
    theme_words.translate(theme, theme_words.toc_options(extensions), extra, labels_for(language))
    theme.setdefault("variant", "classic")  # Zensical's look of Material, as the MkDocs site
    # No edit buttons: Zensical would point a generated page's at docs/<path>, no file of the
    # repository (it supplies an edit_uri for GitHub even when none is set).
    theme["features"] = [f for f in theme.get("features") or [] if f not in EDIT_FEATURES]
    plugins = config.get("plugins") or []
    _part_of_site(config, _plugin_options(plugins), language)
    config.update(
        docs_dir=DOCS,
        site_dir=SITE,
        theme=theme,
        edit_uri=None,
        plugins=[entry for entry in plugins if _name(entry) != "hirebook"],
    )
    if config.get("nav") is None:  # as the plugin: the index-only nav of the MkDocs site
        config["nav"] = default_nav(language)
    header = HEADER.format(source=config_file, site=SITE)
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    built.files[CONFIG] = header + body
    return built


def _hand_written(
    handbook: Handbook, docs_dir: Path, custom_dir: Path | None, language: str, built: Project
) -> None:
    """The docs folder's files as the plugin publishes them: the handbook's language only, at
    the root, placeholders filled, no theme override, no file where a page is generated."""
    written: dict[str, Path] = {}
    for file in sorted(docs_dir.rglob("*")):
        if not file.is_file() or (custom_dir and file.is_relative_to(custom_dir)):
            continue
        rel = published_path(file.relative_to(docs_dir).as_posix(), language)
        if rel is None:  # another language's
            continue
        if rel in handbook.pages:
            raise HandbookError(
                f"{file} is hand-written but the handbook generates the page {rel}; rename or "
                "remove the file"
            )
        if rel in written:
            raise HandbookError(
                f"{written[rel]} and {file} would both be published as {rel}; rename or "
                "remove one of them"
            )
        written[rel] = file
        if file.suffix == ".md":
            text = file.read_text(encoding="utf-8")
            built.files[f"{DOCS}/{rel}"] = _filled(text, handbook.fragments, rel, built.warnings)
        else:
            built.files[f"{DOCS}/{rel}"] = file.read_bytes()


def write(built: Project, out_dir: Path) -> None:
    """Write the project into ``out_dir`` and delete what an earlier run left in ``docs/`` and
    ``overrides/`` that this one did not write; :class:`HandbookError` (nothing written) when
    ``out_dir`` holds a ``mkdocs.yml`` of another origin."""
    config = out_dir / CONFIG
    earlier = config.is_file()
    if earlier and not config.read_text(encoding="utf-8", errors="replace").startswith(MARK):
        raise HandbookError(
            f"{config} was not written by `hirebook handbook --zensical`: choose another --out"
        )
    for rel, content in built.files.items():
        target = out_dir / rel
        atomic.make_folders(target.parent)
        data = content.encode("utf-8") if isinstance(content, str) else content
        atomic.write_bytes(target, data, durable=False)  # any run writes every file again
    for owned in (DOCS, OVERRIDES) if earlier else ():
        folder = out_dir / owned
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*"), reverse=True):  # files before their folders
            rel = path.relative_to(out_dir).as_posix()
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif rel not in built.files:
                path.unlink()


def search_limit(pages: list[str]) -> int:
    """The longest section, in bytes of Markdown, that Zensical's search index takes in a site
    of these pages: counted with twice the sections, to be safe."""
    sections = sum(1 + len(_headings(markdown.splitlines())) for markdown in pages)
    return 2**SEARCH_INDEX_BITS // (1 << (2 * sections - 1).bit_length())


def exclude_long_sections(markdown: str, limit: int) -> tuple[str, int]:
    """``markdown`` with ``data-search-exclude`` on the heading of each section longer than
    ``limit`` bytes, and how many there were."""
    lines = markdown.splitlines(keepends=True)
    starts = _headings(lines)
    ends = [*starts[1:], len(lines)]
    long = [
        start
        for start, end in zip(starts, ends, strict=True)
        if sum(len(line.encode("utf-8")) for line in lines[start:end]) > limit
    ]
    for number in long:
        heading = lines[number].rstrip("\r\n")
        found = ATTRIBUTES.search(heading)
        if found:
            heading = heading[: found.end(1)].rstrip() + " data-search-exclude}"
        else:
            heading += " { data-search-exclude }"
        lines[number] = heading + "\n"
    return "".join(lines), len(long)


def _headings(lines: list[str]) -> list[int]:
    """The numbers of the ATX heading lines, outside fenced code."""
    found, fence = [], None
    for number, line in enumerate(lines):
        marker = FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
        elif marker:
            fence = marker.group(1)
        elif HEADING.match(line):
            found.append(number)
    return found


def _filled(markdown: str, fragments: dict[str, str], rel: str, warnings: list[str]) -> str:
    from hirebook.handbook.plugin import PLACEHOLDER

    def fill(match) -> str:
        name = match.group(1)
        if name not in fragments:
            warnings.append(f"{rel}: unknown placeholder {name!r}")
            return match.group(0)
        return fragments[name]

    return PLACEHOLDER.sub(fill, markdown)


def _part_of_site(config: dict, options: dict, language: str) -> None:
    """The site's name in ``language`` and, in a site of several languages, this language's
    part of it: its ``site_url`` and a selector linking each language's home page."""
    try:
        site = Site(tuple(options.get("languages") or LANGUAGES), language)
    except ValueError as err:
        raise HandbookError(f"the hirebook plugin's options: {err}") from None
    config["site_name"] = site_name(config.get("site_name"), language)
    if not site.multilingual:
        return
    folder = site.folder(language)
    if folder and config.get("site_url"):
        config["site_url"] = str(config["site_url"]).rstrip("/") + "/" + folder
    config["extra"] = {**(config.get("extra") or {}), "alternate": site.roots()}


def _plugin_options(plugins: list) -> dict:
    """The hirebook plugin's options as ``mkdocs.yml`` gives them (``{}`` without any)."""
    for entry in plugins:
        if _name(entry) == "hirebook" and isinstance(entry, dict):
            options = entry["hirebook"]
            return options if isinstance(options, dict) else {}
    return {}


def _name(entry: object) -> object:
    return next(iter(entry)) if isinstance(entry, dict) and entry else entry
