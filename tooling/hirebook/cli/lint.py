"""``hirebook lint``: check the records and report every problem at once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from hirebook.cli import common
from hirebook.lint.engine import lint as run_lint
from hirebook.output.registry import REPORTERS
from hirebook.records.document import relative_to
from hirebook.records.layout import place_of
from hirebook.records.references import referrers
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
      hirebook lint records/clients/acme-tech
      hirebook lint --changed-since origin/main --format github
    """
    repo = common.load(records_dir, show_progress=output_format == "text")
    only = _selection(repo, paths, changed_since)
    result = run_lint(repo, common.today_in(repo, as_of), only=only)
    options = common.output_options(output_format, repo.root)
    common.emit(REPORTERS[output_format](options).lint(result), options)
    failing = result.problems if fail_on == "warning" else result.errors
    raise SystemExit(common.EXIT_FINDINGS if failing else common.EXIT_OK)


def _selection(repo: Repository, paths, changed_since: str | None) -> set[str] | None:
    selected: set[str] | None = None
    if paths:
        selected = {rel for path in paths for rel in _files_under(repo, path)}
    if changed_since:
        changed = _changed_files(repo, changed_since)
        selected = changed if selected is None else selected & changed
    return selected


def _files_under(repo: Repository, path: Path) -> set[str]:
    path = path.resolve()
    if path.is_file():
        return {relative_to(path, repo.root)}
    prefix = relative_to(path, repo.root).rstrip("/") + "/"
    known = set(repo.documents) | {p.file for p in repo.problems}
    return {rel for rel in known if rel.startswith(prefix) or prefix == "./"}


def _changed_files(repo: Repository, ref: str) -> set[str]:
    """Records changed since ``ref`` (committed, staged, unstaged or new), plus their referrers."""
    changed = _git_lines(repo.root, ["diff", "--name-only", "--relative", ref, "--"], ref)
    changed |= _git_lines(repo.root, ["ls-files", "--others", "--exclude-standard"], ref)
    records_prefix = relative_to(repo.records_dir, repo.root) + "/"
    targets: set[tuple[str, str]] = set()
    for rel in changed:
        if rel.startswith(records_prefix):
            from pathlib import PurePosixPath

            place = place_of(PurePosixPath(rel[len(records_prefix) :]))
            if place and place.expected_id:
                targets.add((place.kind, place.expected_id))
            if place and place.kind == "policy":
                return set(repo.documents) | {p.file for p in repo.problems}
    return changed | referrers(repo, targets)


def _git_lines(root: Path, args: list[str], ref: str) -> set[str]:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise click.UsageError(f"cannot run git for --changed-since: {err}") from None
    if result.returncode != 0:
        raise click.UsageError(
            f"--changed-since {ref}: git says: {result.stderr.strip() or 'unknown revision'}"
        )
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}
