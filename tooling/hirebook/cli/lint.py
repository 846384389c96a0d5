"""``hirebook lint``: check the records and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from hirebook import pipeline
from hirebook.cli import common
from hirebook.lint.changed import ChangedSinceError, changed_files, present, scope
from hirebook.lint.engine import LintResult
from hirebook.output.registry import REPORTERS
from hirebook.pipeline import Answer
from hirebook.privacy import PERSONAL_DATA_CODES, Redactor
from hirebook.records.document import relative_to
from hirebook.records.partition import Part
from hirebook.records.repository import load_policy


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
@common.as_of_option("The day to check deadlines against (retention). Default: today.")
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
        answer, root = _lint_changed(records_dir, changed_since, as_of)
    else:
        run = common.run_pipeline(
            records_dir,
            jobs,
            as_of,
            show_progress=output_format == "text",
            gate=PERSONAL_DATA_CODES,
        )
        answer, root = run.answer, run.work.root
    # A message may quote record text (HB204 the value it refuses): withheld like any output.
    result = Redactor.after(answer.gated, *common.records_folder(records_dir)).lint(answer.lint)
    if paths:
        only = {rel for path in paths for rel in _files_under(answer.known, root, path)}
        result = LintResult([p for p in result.problems if p.file in only], len(only))
    options = common.output_options(output_format, root)
    common.emit(REPORTERS[output_format](options).lint(result), options)
    failing = result.problems if fail_on == "warning" else result.errors
    raise SystemExit(common.EXIT_FINDINGS if failing else common.EXIT_OK)


def _lint_changed(records_dir, ref: str, as_of) -> tuple[Answer, Path]:
    """The pipeline over one part of its own: the records changed since ``ref`` and what
    refers to them (see :mod:`hirebook.lint.changed`); references to other records are
    resolved by the existence of their files."""
    folder, root = common.records_folder(records_dir)
    try:
        changed = changed_files(root, ref)
    except ChangedSinceError as err:
        raise click.UsageError(str(err)) from None
    prefix = relative_to(folder, root).rstrip("/") + "/"
    found = scope(folder, prefix, changed)
    policy = load_policy(folder, root)
    today = common.today_in(policy, as_of)
    if found is None:  # the policy changed: everything depends on it
        listing = pipeline.listing_of(folder)
        part = Part(read=listing, report=listing)
    else:
        part = Part(
            read=sorted(path for path in found.read if present(folder / path)),
            report=sorted(found.report),
        )
        listing = None  # a file's existence is asked of the disk: no listing of everything
    request = pipeline.Request(folder, root, today, listing, gate=PERSONAL_DATA_CODES)
    return pipeline.run(request, 1, parts=[part]), root


def _files_under(known: set[str], root: Path, path: Path) -> set[str]:
    """The files a PATH argument names: itself, or the known records below the folder."""
    path = path.resolve()
    if path.is_file():
        return {relative_to(path, root)}
    prefix = relative_to(path, root).rstrip("/") + "/"
    return {rel for rel in known if rel.startswith(prefix) or prefix == "./"}
