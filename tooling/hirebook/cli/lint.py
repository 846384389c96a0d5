"""``hirebook lint``: check the records and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from hirebook.cli import common
from hirebook.lint.changed import ChangedSinceError, changed_files, scope
from hirebook.lint.engine import LintResult
from hirebook.lint.engine import lint as run_lint
from hirebook.output.registry import REPORTERS
from hirebook.partitioned import check_in_parallel, known_files
from hirebook.records.document import relative_to
from hirebook.records.repository import Repository, load_policy


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
@common.jobs_option
def lint_command(paths, records_dir, output_format, changed_since, fail_on, as_of, jobs):
    """Check records: YAML, schema, references, process rules and personal data.

    With PATH arguments (files or folders), only problems in those records are reported,
    though every record is read so that references can be checked. Exit status: 0 when
    nothing at or above --fail-on was found, 1 when something was, 2 for bad usage.

    \b
    Examples:
      hirebook lint
      hirebook lint records/clients/northwind-cloud
      hirebook lint --changed-since origin/main --format github
      hirebook lint --jobs 1
    """
    if changed_since:
        repo, only = _load_changed(records_dir, changed_since, paths)
        result, root = run_lint(repo, common.today_in(repo, as_of), only=only), repo.root
    else:
        result, root = _lint_all(records_dir, paths, as_of, jobs, output_format == "text")
    options = common.output_options(output_format, root)
    common.emit(REPORTERS[output_format](options).lint(result), options)
    failing = result.problems if fail_on == "warning" else result.errors
    raise SystemExit(common.EXIT_FINDINGS if failing else common.EXIT_OK)


def _lint_all(records_dir, paths, as_of, jobs: int, progress: bool) -> tuple[LintResult, Path]:
    """Every record, in one process or (large agencies) in one per core."""
    work = common.work_for(records_dir, jobs)
    root = work.root

    def narrow(known: set[str]) -> set[str] | None:
        return {rel for path in paths for rel in _files_under(known, root, path)} if paths else None

    if work.processes == 1:
        repo = common.load(records_dir, show_progress=progress, files=work.listing_paths())
        result = run_lint(repo, common.today_in(repo, as_of), only=narrow(known_files(repo)))
        return result, repo.root
    today = common.today_in(load_policy(work.folder, root), as_of)
    with common.progress_bar(len(work.listing) if progress else 0) as advance:
        outcome = check_in_parallel(
            work.folder,
            root,
            today,
            work.processes,
            work.listing,
            advance,
            narrow if paths else None,
        )
    return outcome.lint, root


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
        only &= {rel for path in paths for rel in _files_under(known_files(repo), repo.root, path)}
    return repo, only


def _files_under(known: set[str], root: Path, path: Path) -> set[str]:
    """The files a PATH argument names: itself, or the known records below the folder."""
    path = path.resolve()
    if path.is_file():
        return {relative_to(path, root)}
    prefix = relative_to(path, root).rstrip("/") + "/"
    return {rel for rel in known if rel.startswith(prefix) or prefix == "./"}
