"""What every subcommand shares: finding the records, loading them, dates, formats, exits."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hirebook.events import typed
from hirebook.now import (
    AS_OF_VARIABLE,
    YEARS_HELD,
    as_of_instant,
    default_instant,
    in_years,
    parse_as_of,
)
from hirebook.output.base import OutputOptions
from hirebook.output.registry import REPORTERS, formats_for
from hirebook.records import repository
from hirebook.records.repository import Repository

if TYPE_CHECKING:
    from hirebook.pipeline import Answer
    from hirebook.privacy import Redactor
    from hirebook.sla.engine import Board

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class NamedPath(click.Path):
    """A path option that must name something: an empty value (`--out "$OUT"` with OUT unset)
    is a usage error. Read as a path, '' is the current folder: `handbook --out ''` wrote its
    pages among the project's files, and the file options failed as a machine error
    (`cannot write .: Device or resource busy`). So is a symbolic link in a loop (`a -> a`),
    which no path resolves through."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names nothing (is a variable unset?); give a name", param, ctx)
        path = super().convert(value, param, ctx)
        try:
            Path(path).resolve()  # every command resolves it: a loop is a traceback there
        except RuntimeError:  # Python 3.11's "Symlink loop"
            from hirebook.output.inert import inert  # the path is echoed back

            self.fail(
                f"{inert(value)} is a symbolic link that leads back to itself (a loop); remove "
                "the link or give another path",
                param,
                ctx,
            )
        return path


def records_option(function: Callable) -> Callable:
    return click.option(
        "--records",
        "records_dir",
        type=NamedPath(file_okay=False, path_type=Path),
        default=None,
        help="The records folder. Default: records/ in the project folder (the nearest folder "
        "at or above the current one that holds mkdocs.yml or pyproject.toml).",
    )(function)


def categories_option(function: Callable) -> Callable:
    """``--category`` (repeatable) of ``init`` and ``holidays``: which of a country's holidays
    the calendar takes."""
    return click.option(
        "--category",
        "categories",
        multiple=True,
        help="A category of the country's holidays to take, as the holidays package names them; "
        "repeat for several. Default: public (Hong Kong's general holidays: --category public "
        "--category optional).",
    )(function)


def as_of_option(help_text: str) -> Callable:
    """``--as-of`` (or ``HIREBOOK_AS_OF``): the instant a command judges the records by."""
    return click.option(
        "--as-of", type=AsOf(), default=None, envvar=AS_OF_VARIABLE, show_envvar=True,
        help=help_text,
    )  # fmt: skip


def language_option(help_text: str) -> Callable:
    """``--language``: one of the handbook's languages, English by default."""
    from hirebook.handbook.labels import LANGUAGES  # no YAML catalogue is read on import

    return click.option(
        "--language", type=click.Choice(LANGUAGES), default="en", show_default=True,
        help=help_text,
    )  # fmt: skip


def jobs_option(function: Callable) -> Callable:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        help="Processes to use. 0: every core for a large agency (2,000 files or more), one "
        "for a smaller one; 1: a single process. The answers are the same either way.",
    )(function)


def format_option(subject: str) -> Callable:
    names = formats_for(subject)
    lines = "; ".join(f"{name}: {REPORTERS[name].description}" for name in names)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(names),
        default="text",
        show_default=True,
        help=f"Output format ({lines}).",
    )


def locate(records_dir: Path | None) -> tuple[Path, Path]:
    """(records folder, project root) from the ``--records`` option or the current folder."""
    if records_dir is None:
        root = repository.find_project_root(Path.cwd())
        return root / "records", root
    records_dir = records_dir.resolve()
    return records_dir, records_dir.parent


def records_folder(records_dir: Path | None) -> tuple[Path, Path]:
    """(records folder, project root), both resolved; a missing folder is a usage error."""
    folder, root = locate(records_dir)
    if not folder.is_dir():
        raise click.UsageError(
            f"no records folder at {folder}; run hirebook inside a hirebook project or pass "
            "--records DIR"
        )
    return folder.resolve(), root.resolve()


def refuse_among_records(path: Path, records_dir: Path | None, option: str, what: str) -> None:
    """A usage error when ``path`` (through any link) is inside the records folder: a file
    written there would replace a record (`--output records/policy.yaml`, or a link to it)."""
    from hirebook.output.inert import inert  # the path is echoed back

    folder = records_folder(records_dir)[0]
    if path.resolve().is_relative_to(folder):
        raise click.BadParameter(
            f"{inert(path)} is inside the records folder ({inert(folder)}); {what} is not a "
            "record — write it elsewhere",
            param_hint=option,
        )


@dataclass(frozen=True)
class Work:
    """What a command over every record must read, and in how many processes."""

    folder: Path
    root: Path
    listing: list[str]
    """Every file below the records folder (see :func:`hirebook.pipeline.listing_of`)."""
    processes: int


def work_for(records_dir: Path | None, jobs: int) -> Work:
    """The records folder, its files and the processes ``--jobs`` asks for (0: auto)."""
    from hirebook import parallel
    from hirebook.pipeline import listing_of

    folder, root = records_folder(records_dir)
    listing = listing_of(folder)
    return Work(folder, root, listing, parallel.jobs_for(jobs, len(listing)))


@dataclass(frozen=True)
class Run:
    """What :func:`run_pipeline` computed, with the instant and day it judged by."""

    work: Work
    answer: Answer
    instant: datetime
    board: Board | None
    """The clocks, when they were asked for (the records then lint clean)."""

    def records(self) -> Repository:
        """The documents of the kept kinds, typed into one repository (every listed file
        counts as existing)."""
        work = self.work
        return repository.assemble(work.folder, work.root, self.answer.documents, work.listing)

    def redactor(self) -> Redactor:
        """What withholds from an output the personal data the gate found
        (:mod:`hirebook.privacy.redaction`)."""
        from hirebook.privacy import Redactor

        return Redactor.after(self.answer.gated, self.work.folder, self.work.root)


def run_pipeline(
    records_dir: Path | None,
    jobs: int,
    as_of,
    clocks_for: str | None = None,
    show_progress: bool = False,
    **request,
) -> Run:
    """Read, lint and (with ``clocks_for``, the purpose named when lint errors refuse it)
    evaluate the clocks of every record, in the processes ``--jobs`` asks for: the one path
    of every whole-agency command (:mod:`hirebook.pipeline`). ``request`` holds the other
    fields of :class:`hirebook.pipeline.Request` (rules, lines, keep, gate).

    With ``clocks_for``, lint errors print the lint summary and exit 2, and a policy that
    cannot drive the clocks is a usage error.
    """
    from hirebook import pipeline
    from hirebook.sla.engine import Board, PolicyError, calendar_of

    work = work_for(records_dir, jobs)
    policy = repository.load_policy(work.folder, work.root)
    instant = as_of_instant(policy, as_of)
    today = instant.astimezone(policy.zone).date()
    calendar = None
    if clocks_for is not None:
        try:
            calendar = calendar_of(policy)
        except PolicyError as err:
            raise click.UsageError(str(err)) from None
    order = pipeline.Request(
        work.folder,
        work.root,
        today,
        work.listing,
        clocks_at=instant if clocks_for is not None else None,
        **request,
    )
    with progress_bar(len(work.listing) if show_progress else 0) as advance:
        answer = pipeline.run(order, work.processes, progress=advance)
    board = None
    if calendar is not None:
        lint = answer.lint
        if lint.errors and answer.gated:  # the summary would quote personal data
            from hirebook.privacy import Redactor

            lint = Redactor.after(answer.gated, work.folder, work.root).lint(lint)
        refuse_lint_errors(lint, clocks_for)
        board = Board(as_of=calendar.to_local(instant), findings=answer.findings)
    return Run(work, answer, instant, board)


@contextlib.contextmanager
def progress_bar(length: int) -> Iterator[Callable[[int], None] | None]:
    """A "Reading records" bar for a person at a terminal; yields ``advance(files_read)``.

    Yields None (no bar) when ``length`` is 0, for a small agency, or when nobody watches.
    """
    if length <= 200 or not progress_wanted():
        yield None
        return
    with click.progressbar(length=length, label="Reading records", file=sys.stderr) as bar:

        def advance(files_read: int) -> None:
            bar.update(max(0, min(files_read, length) - bar.pos))

        yield advance


def load(records_dir: Path | None) -> Repository:
    """Load the whole repository in this process (the commands about one record: ``new``,
    ``show``, ``codeowners``), turning an unusable records folder into a usage error (exit 2).
    """
    folder, root = records_folder(records_dir)
    try:
        return repository.load(folder, root)
    except (repository.RecordsFolderError, FileNotFoundError) as err:
        raise click.UsageError(str(err)) from None


def progress_wanted() -> bool:
    """A progress bar only for a person at a terminal, never in CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def output_options(output_format: str, root: Path) -> OutputOptions:
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    prefix = git_prefix(root) if output_format in ("github", "sarif") else ""
    return OutputOptions(color=color, root_prefix=prefix)


def git_prefix(root: Path) -> str:
    """The project folder's path inside its Git repository ('' at the top or outside Git)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def emit(text: str, options: OutputOptions) -> None:
    click.echo(text, color=options.color)


class Typed(click.ParamType):
    """An option's value read by a function of :mod:`hirebook.events.typed`; its ValueError is
    the usage error."""

    def __init__(self, name: str, read) -> None:
        self.name = name
        self.read = read

    def convert(self, value, param, ctx):
        try:
            return self.read(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)


FREE_TEXT = Typed("TEXT", typed.text)
"""A note, a reason, a name (``log``'s and ``new``'s): kept as typed, or a usage error."""


class AsOf(click.ParamType):
    """A date (``2026-11-20``, read as the end of that day) or a datetime with or without offset."""

    name = "DATE|DATETIME"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return parse_as_of(value)
        except ValueError:
            self.fail(
                f"{value!r} is not a date (2026-11-20) or datetime (2026-11-20T17:00:00+08:00) "
                f"of {YEARS_HELD}",
                param,
                ctx,
            )


class Day(click.DateTime):
    """A day written out (``2026-11-20``) in the years records hold, as ``--as-of``'s: the
    ``--from`` and ``--to`` of a period. A datetime at midnight, as :class:`click.DateTime`
    gives it."""

    def __init__(self) -> None:
        super().__init__(["%Y-%m-%d"])

    def convert(self, value, param, ctx):
        day = super().convert(value, param, ctx)
        try:
            return in_years(day, value if isinstance(value, str) else None)
        except ValueError as err:
            self.fail(str(err), param, ctx)


def today_in(repo: Repository, as_of: date | datetime | None) -> date:
    """The day of ``as_of`` (default: :func:`hirebook.now.default_instant`) in the policy's
    timezone."""
    if as_of is None:
        return default_instant(repo).date()
    if isinstance(as_of, datetime):
        aware = as_of if as_of.tzinfo else as_of.replace(tzinfo=repo.zone)
        return aware.astimezone(repo.zone).date()
    return as_of


def refuse_lint_errors(result, purpose: str) -> None:
    """With lint errors, print the lint summary and exit 2: nothing is computed on them."""
    if result.errors:
        click.echo(_lint_text(result), err=True)
        click.echo(
            f"The records have lint errors; fix them (hirebook lint) before {purpose}.",
            err=True,
        )
        raise SystemExit(EXIT_USAGE)


def _lint_text(result) -> str:
    from hirebook.output.text import TextReporter  # the text reporter imports this module's peers

    return TextReporter().lint(result)


_ID_FOLDERS = {"--client": ("clients", "client"), "--owner": ("team", "team member")}


def known_ids(records_dir: Path | None, option: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """The ``--client`` or ``--owner`` values, each checked against the records folder.

    A typo is a usage error naming the closest id (or the ids there are), never an empty board
    or report. An id is its file name, so the folders are listed (``clients/<id>/client.yaml``,
    ``team/<id>.yaml``) rather than the records read: a command that reads its records in
    several processes checks them the same way, before any work starts.
    """
    if not values:
        return values
    import difflib

    folder_name, what = _ID_FOLDERS[option]
    folder = records_folder(records_dir)[0] / folder_name
    try:
        names = os.listdir(folder)
    except OSError:
        names = []
    if option == "--client":
        ids = sorted(name for name in names if os.path.isfile(folder / name / "client.yaml"))
    else:
        ids = sorted(name[: -len(".yaml")] for name in names if name.endswith(".yaml"))
    known = set(ids)
    unknown = [value for value in values if value not in known]
    if not unknown:
        return values
    value = unknown[0]
    close = difflib.get_close_matches(value, ids, n=1)
    if close:
        hint = f"did you mean `{close[0]}`?"
    elif ids:
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        hint = f"the {what} ids are: {shown}"
    else:
        hint = f"records/{folder_name}/ holds no {what}"
    from hirebook.output.inert import inert  # the value is echoed back

    raise click.BadParameter(
        f"no {what} `{inert(value)}` in the records; {hint}", param_hint=option
    )
