"""``hirebook lint``: check the records and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from hirebook.cli import common
from hirebook.lint.changed import ChangedSinceError, changed_files, scope
from hirebook.lint.engine import lint as run_lint
from hirebook.output.registry import REPORTERS
from hirebook.records.document import relative_to
from hirebook.records.repository import Repository


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@common.records_option
@common.format_option("lint")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Lint only the records changed since the Git REF (a branch, tag or commit, "
    "e.g. origin/main), plus every record that refers to a changed one.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit 1 when a problem of this severity or worse is found.",
)
@click.option(
    "--as-of",
    type=common.AsOf(),
    default=None,
    help="The day to check deadlines against (retention). Default: today.",
)
def lint_command(paths, records_dir, output_format, changed_since, fail_on, as_of):
    """Check records: YAML, schema, references, process rules and personal data.

    With PATH arguments (files or folders), only problems in those records are reported,
    though every record is read so that references can be checked. Exit status: 0 when
    nothing at or above --fail-on was found, 1 when something was, 2 for bad usage.

    \b
    Examples:
      hirebook lint
      hirebook lint records/clients/northwind-cloud
      hirebook lint --changed-since origin/main --format github
    """
    if changed_since:
        repo, only = _load_changed(records_dir, changed_since, paths)
    else:
        repo = common.load(records_dir, show_progress=output_format == "text")
        only = {rel for path in paths for rel in _files_under(repo, path)} if paths else None
    result = run_lint(repo, common.today_in(repo, as_of), only=only)
    options = common.output_options(output_format, repo.root)
    common.emit(REPORTERS[output_format](options).lint(result), options)
    failing = result.problems if fail_on == "warning" else result.errors
    raise SystemExit(common.EXIT_FINDINGS if failing else common.EXIT_OK)


def _load_changed(records_dir, ref: str, paths) -> tuple[Repository, set[str]]:
    """Read only what the changed records need (see :mod:`hirebook.lint.changed`)."""
    folder, root = common.locate(records_dir)
    if not folder.is_dir():
        return common.load(records_dir), set()  # raises the usage error
    try:
        changed = changed_files(root, ref)
    except ChangedSinceError as err:
        raise click.UsageError(str(err)) from None
    prefix = relative_to(folder, root).rstrip("/") + "/"
    found = scope(folder.resolve(), prefix, changed)
    if found is None:  # the policy changed: everything depends on it
        repo = common.load(records_dir)
        only = set(repo.documents) | {p.file for p in repo.problems}
    else:
        # Only the files in scope are listed and read; references to others are resolved by
        # the existence of their files.
        base = folder.resolve()
        files = sorted(str(base / path) for path in found.read if (base / path).is_file())
        repo = common.load(records_dir, select=found.read.__contains__, files=files)
        only = {prefix + path for path in found.report}
    if paths:
        only &= {rel for path in paths for rel in _files_under(repo, path)}
    return repo, only


def _files_under(repo: Repository, path: Path) -> set[str]:
    path = path.resolve()
    if path.is_file():
        return {relative_to(path, repo.root)}
    prefix = relative_to(path, repo.root).rstrip("/") + "/"
    known = set(repo.documents) | {p.file for p in repo.problems}
    return {rel for rel in known if rel.startswith(prefix) or prefix == "./"}
