"""``hirebook handbook --out DIR``: write the handbook's generated pages as Markdown files.

The same pages the MkDocs plugin generates at build time, from the same library function
(:func:`hirebook.handbook.site.prepare`): for reading without MkDocs, for diffing what a change
to the records does to the site, or for another static-site tool.
"""

from __future__ import annotations

from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.handbook.labels import LANGUAGES
from hirebook.handbook.site import HandbookError, prepare


@click.command("handbook")
@common.records_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the pages into (created if missing; existing files are replaced).",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the labels and of the policy tables.",
)
@click.option(
    "--as-of",
    type=common.AsOf(),
    default=None,
    help="Describe the records as of this date or datetime (clocks, 'as of' lines). Default: now.",
)
@common.jobs_option
def handbook_command(records_dir, out_dir, language, as_of, jobs):
    """Write the handbook's generated pages as Markdown files into --out.

    These are the pages the MkDocs plugin adds at build time (home, clients, requirements,
    SLA board, reports, team, cases, problems, lint codes), plus the generated policy tables
    under fragments/. Record text is escaped exactly as on the site. Records with lint errors,
    or with personal data in free text, are refused: the command prints why and exits 2.

    \b
    Examples:
      hirebook handbook --out /tmp/handbook
      hirebook handbook --out /tmp/handbook --language zh-Hant --as-of 2026-11-20
    """
    folder, root = common.records_folder(records_dir)
    try:
        handbook = prepare(folder, root, as_of, language, jobs=jobs)
    except HandbookError as err:
        click.echo(str(err), err=True)
        raise SystemExit(common.EXIT_USAGE) from None
    try:
        written = write(handbook.pages, handbook.fragments, out_dir)
    except OSError as err:
        raise machine_failure(
            err, "No page is half-written: each has its old text or its new."
        ) from None
    click.echo(f"{written} pages written to {out_dir} (as of {handbook.as_of.isoformat()})")


def write(pages: dict, fragments: dict[str, str], out_dir: Path) -> int:
    created: list[Path] = []
    try:
        for path, page in pages.items():
            _write(out_dir / path, page.markdown, created)
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
