"""``hirebook codeowners``: write (or check) .github/CODEOWNERS from the records."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.codeowners import render
from hirebook.output.inert import inert


@click.command("codeowners")
@common.records_option
@click.option(
    "--check",
    is_flag=True,
    help="Do not write: exit 1 if the file is missing or differs from what the records "
    "say (for CI).",
)
@click.option(
    "--output",
    type=common.NamedPath(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write. Default: .github/CODEOWNERS in the Git repository's root "
    "(the project folder outside Git).",
)
def codeowners_command(records_dir, check, output):
    """Route pull-request reviews: each client's folder to its account managers.

    Writes .github/CODEOWNERS so that each client's folder is owned by its account manager and
    backup manager (their `github` handles), and policy.yaml, team/ and schemas/ by the
    leads. With --check, compares instead of writing and exits 1 when the file is stale.

    \b
    Examples:
      hirebook codeowners
      hirebook codeowners --check
    """
    if output is not None and not check:
        common.refuse_among_records(output, records_dir, "--output", "CODEOWNERS")
    repo = common.load(records_dir)
    prefix = common.git_prefix(repo.root)
    target = output or _default_target(repo.root, prefix)
    ownership = render(repo, prefix)
    for note in ownership.unowned:
        click.echo(f"warning: {note}", err=True)
    # A link is followed only where the person running the command named the file: the
    # default one is the repository's, which any pull request may make a link, and --check
    # prints what it reads into a CI log.
    current = _current(target, follow_link=output is not None)
    if check:
        if current == ownership.text:
            click.echo(f"{target} is up to date.")
            raise SystemExit(common.EXIT_OK)
        diff = difflib.unified_diff(
            (current or "").splitlines(),
            ownership.text.splitlines(),
            str(target),
            "expected",
            lineterm="",
        )
        click.echo("\n".join(inert(line) for line in diff))
        click.echo(f"{target} is stale: run `hirebook codeowners` and commit the result.", err=True)
        raise SystemExit(common.EXIT_FINDINGS)
    created: list[Path] = []
    try:
        created = atomic.make_folders(target.parent)
        atomic.write_text(target, ownership.text)
    except OSError as err:
        atomic.remove_folders(created)
        kept = f"{target} is unchanged." if current is not None else f"{target} was not written."
        raise machine_failure(err, kept) from None
    click.echo(str(target))


def _current(target: Path, follow_link: bool) -> str | None:
    """The file as it is (None if there is none); undecodable bytes read as U+FFFD: such a
    file is stale, not a crash. A symbolic link (the file or its folder, .github/) is refused
    unless ``follow_link``: through one, --check would print another file (a candidate's
    record, a secret) as the diff's old side, and writing would replace that file."""
    if (target.is_symlink() or target.parent.is_symlink()) and not follow_link:
        click.echo(
            f"hirebook: {inert(target)} is a symbolic link or in a linked folder; CODEOWNERS "
            "is neither read nor written through one (it could show or replace another file). "
            "Remove the link, then run `hirebook codeowners` and commit the file it writes.",
            err=True,
        )
        raise SystemExit(common.EXIT_FINDINGS)
    if not target.is_file():
        return None
    try:
        return target.read_text(encoding="utf-8", errors="replace")
    except OSError as err:  # an error of the read itself names no file: name it
        failure = OSError(err.errno, err.strerror or str(err), str(target))
        raise machine_failure(failure) from None


def _default_target(root: Path, prefix: str) -> Path:
    depth = len([part for part in prefix.split("/") if part])
    git_root = root.joinpath(*[".."] * depth).resolve() if depth else root
    return git_root / ".github" / "CODEOWNERS"
