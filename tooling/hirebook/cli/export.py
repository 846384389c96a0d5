"""``hirebook export --sqlite FILE``: every record and every clock as SQLite tables."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.pipeline import EVERY_KIND
from hirebook.privacy import PERSONAL_DATA_CODES
from hirebook.reports.export.writer import write_sqlite

# SQLite's errors of the disk (by the prefix of their name), with the errno that says the same.
_DISK_ERRORS = {
    "SQLITE_FULL": errno.ENOSPC,
    "SQLITE_IOERR": errno.EIO,
    "SQLITE_READONLY": errno.EROFS,
    "SQLITE_CANTOPEN": None,
}


@click.command("export")
@common.records_option
@click.option(
    "--sqlite",
    "target",
    required=True,
    type=common.NamedPath(dir_okay=False, path_type=Path),
    help="The SQLite database file to write.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace FILE if it exists (it is replaced only once the new export is complete).",
)
@common.as_of_option(
    "Evaluate the SLA clocks as of this instant: a date (the end of that day's working "
    "hours) or a datetime. Default: now."
)
@common.jobs_option
def export_command(records_dir, target, force, as_of, jobs):
    """Write every record and every SLA clock into a new SQLite database, for analysts.

    One table per record kind (primary key: the record id), child tables for the lists
    inside records (interviews, check-ins, milestones, actions, …) keyed by their parent's
    id and position, and a clocks table with each clock's state as of --as-of. Candidates
    appear with their id, consent dates and retain_until only: no personal data. Personal
    data found in other records (HB501-HB503, HB505) is withheld from every column: a
    candidate's name is written as the id, an e-mail address or phone number as
    [personal data withheld], and stderr names the records. The handbook's Reference →
    Export tables lists every table and column.

    An existing FILE is never overwritten without --force. Records with lint errors are not
    exported: the command prints the lint summary and exits 2.

    \b
    Examples:
      hirebook export --sqlite hirebook.db
      hirebook export --sqlite hirebook.db --force --as-of 2026-06-30
      sqlite3 hirebook.db "SELECT channel, COUNT(*) FROM applications GROUP BY channel"
    """
    target = target.absolute()
    common.refuse_among_records(target, records_dir, "--sqlite", "an export")
    if target.exists() and not force:
        raise click.UsageError(f"{target} exists; pass --force to replace it")
    if not target.parent.is_dir():
        raise click.UsageError(f"no folder {target.parent} to write {target.name} in")
    run = common.run_pipeline(
        records_dir,
        jobs,
        as_of,
        clocks_for="they can be exported",
        keep=EVERY_KIND,
        gate=PERSONAL_DATA_CODES,
    )
    board = run.board
    repo = run.records()
    kept = f"{target} is unchanged." if target.exists() else "No database was written."
    redactor = run.redactor()
    try:
        counts = write_sqlite(target, repo, board, redactor)
    except OSError as err:
        raise machine_failure(err, kept) from None
    except sqlite3.OperationalError as err:
        # SQLite reports a full disk or an I/O error in its own words, not as an OSError.
        name = getattr(err, "sqlite_errorname", "")
        prefix = next((each for each in _DISK_ERRORS if name.startswith(each)), None)
        if prefix is None:
            raise
        failure = atomic.WriteError(_DISK_ERRORS[prefix], str(err), str(target))
        raise machine_failure(failure, kept) from None
    if redactor:
        click.echo(redactor.notice(), err=True)
    click.echo(f"Wrote {sum(counts.values())} rows in {len(counts)} tables to {target}")
