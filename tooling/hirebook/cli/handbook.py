"""``hirebook handbook --out DIR``: write the handbook's generated pages as Markdown files.

The same pages the MkDocs plugin generates at build time, from the same library function
(:func:`hirebook.handbook.site.prepare`): for reading without MkDocs, for diffing what a change
to the records does to the site, or for another static-site tool.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.handbook import zensical
from hirebook.handbook.site import HandbookError, prepare
from hirebook.output.inert import inert


@click.command("handbook")
@common.records_option
@click.option(
    "--out",
    "out_dir",
    type=common.NamedPath(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the pages into (created if missing; existing files are replaced). "
    "Required but with --languages.",
)
@common.language_option("Language of the labels and of the policy tables.")
@common.as_of_option(
    "Describe the records as of this date or datetime (clocks, 'as of' lines). Default: now."
)
@click.option(
    "--zensical",
    "for_zensical",
    is_flag=True,
    help="Write a Zensical project into --out instead: the pages and the hand-written pages "
    "under docs/ (placeholders filled), and mkdocs.yml for `zensical build -f OUT/mkdocs.yml`.",
)
@click.option(
    "--config",
    "config_file",
    type=common.NamedPath(dir_okay=False, path_type=Path),
    default=None,
    help="With --zensical or --languages: the MkDocs configuration whose theme, extensions and "
    "hand-written pages (or languages) to use. Default: mkdocs.yml of the project root.",
)
@click.option(
    "--languages",
    "list_languages",
    is_flag=True,
    help="Print the languages of the handbook site, one a line, in the order they are built "
    "(the hirebook plugin's `languages` in --config; the first at the site's root), and exit. "
    "`make build` and the Pages workflow build the site in this order.",
)
@common.jobs_option
def handbook_command(
    records_dir, out_dir, language, as_of, for_zensical, config_file, list_languages, jobs
):
    """Write the handbook's generated pages as Markdown files into --out.

    These are the pages the MkDocs plugin adds at build time (home, clients, requirements,
    SLA board, reports, team, cases, problems, lint codes), plus the generated policy tables
    under fragments/. Record text is escaped exactly as on the site. Records with lint errors,
    or with personal data in free text, are refused: the command prints why and exits 2.

    \b
    Examples:
      hirebook handbook --out /tmp/handbook
      hirebook handbook --out /tmp/handbook --language zh-Hant --as-of 2026-11-20
      hirebook handbook --out build/zensical --zensical
      zensical build -f build/zensical/mkdocs.yml
      hirebook handbook --languages

    With --zensical (see hirebook.handbook.zensical) the hand-written pages and the theme come
    from the project's mkdocs.yml, and the site is built by Zensical, which runs no MkDocs plugin.
    """
    if list_languages:
        return _print_languages(config_file or common.locate(records_dir)[1] / zensical.CONFIG)
    if out_dir is None:
        raise click.UsageError("Missing option '--out' (or ask for --languages).")
    folder, root = common.records_folder(records_dir)
    # The pages would be files of the records: every later lint would refuse them.
    common.refuse_among_records(out_dir, records_dir, "--out", "a page")
    config_file = (config_file or root / zensical.CONFIG).resolve()
    try:
        sources = zensical.sources(root, config_file) if for_zensical else None
        handbook = prepare(folder, root, as_of, language, sources=sources, jobs=jobs)
        project = zensical.project(handbook, config_file, language) if for_zensical else None
    except HandbookError as err:
        click.echo(str(err), err=True)
        raise SystemExit(common.EXIT_USAGE) from None
    if project is not None:
        _refuse_links(out_dir, project.files)
        return _write_zensical(project, out_dir, handbook.as_of)
    fragments = [f"fragments/{name}.md" for name in handbook.fragments]
    _refuse_links(out_dir, [*handbook.pages, *(handbook.feeds or {}), *fragments])
    try:
        written = write(handbook.pages, handbook.fragments, out_dir, handbook.feeds)
    except OSError as err:
        raise machine_failure(
            err, "No page is half-written: each has its old text or its new."
        ) from None
    click.echo(f"{written} pages written to {out_dir} (as of {handbook.as_of.isoformat()})")


def _refuse_links(out_dir: Path, paths) -> None:
    """Exit 1, nothing written, when a page would be written through a symbolic link inside
    --out: the page would replace the file it points to (a record, a note of the user's) or
    land in another folder."""
    linked = atomic.links_below(out_dir, paths)
    if not linked:
        return
    click.echo(
        f"hirebook: nothing was written: the pages go only into {inert(out_dir)}, never through "
        "a symbolic link in it, and these are links:",
        err=True,
    )
    for link in linked:
        click.echo(f"  {inert(link)} -> {inert(os.readlink(link))}", err=True)
    click.echo("Remove them (the pages take their place), or choose another --out.", err=True)
    raise SystemExit(common.EXIT_FINDINGS)


def _print_languages(config_file: Path) -> None:
    try:
        languages = zensical.site_languages(config_file.resolve())
    except HandbookError as err:
        click.echo(str(err), err=True)
        raise SystemExit(common.EXIT_USAGE) from None
    for language in languages:
        click.echo(language)


def _write_zensical(project: zensical.Project, out_dir: Path, as_of) -> None:
    for warning in project.warnings:
        click.echo(f"warning: {warning}", err=True)
    try:
        zensical.write(project, out_dir)
    except HandbookError as err:
        click.echo(str(err), err=True)
        raise SystemExit(common.EXIT_USAGE) from None
    except OSError as err:
        raise machine_failure(
            err, "No file is half-written: each has its old content or its new."
        ) from None
    click.echo(
        f"{project.pages} pages written to {out_dir / zensical.DOCS} (as of {as_of.isoformat()}); "
        f"build the site with: zensical build -f {out_dir / zensical.CONFIG}"
    )


def write(
    pages: dict, fragments: dict[str, str], out_dir: Path, feeds: dict[str, bytes] | None = None
) -> int:
    created: list[Path] = []
    try:
        for path, page in pages.items():
            _write(out_dir / path, page.markdown, created)
        for path, feed in (feeds or {}).items():  # the calendar feeds, as the site has them
            created += atomic.make_folders((out_dir / path).parent)
            atomic.write_bytes(out_dir / path, feed, durable=False)
        for name, text in fragments.items():
            _write(out_dir / "fragments" / f"{name}.md", text + "\n", created)
    except BaseException:
        atomic.remove_folders(created)  # those left empty: nothing was written in them
        raise
    return len(pages)


def _write(target: Path, text: str, created: list[Path]) -> None:
    created += atomic.make_folders(target.parent)
    # Not flushed to the disk page by page: any run writes every page again.
    atomic.write_text(target, text, durable=False)
