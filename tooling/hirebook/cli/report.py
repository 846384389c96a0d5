"""``hirebook report [NAME]``: the metrics for a period, as of an instant (the handbook's
``reference/metrics.md`` defines each)."""

from __future__ import annotations

import textwrap
from datetime import date, datetime

import click

from hirebook.cli import common
from hirebook.output.registry import REPORTERS
from hirebook.privacy import PERSONAL_DATA_CODES, Redactor
from hirebook.records.repository import Repository
from hirebook.reports.context import Filters
from hirebook.reports.engine import REPORTED_KINDS, compute_report
from hirebook.reports.period import Period
from hirebook.reports.registry import METRICS
from hirebook.sla.engine import Board

TIERS = ("strategic", "key", "ordinary")


def _names() -> str:
    """The registered metrics' names, wrapped for a verbatim block of the help."""
    names = ", ".join(metric.name for metric in METRICS)
    return textwrap.fill(
        names, 80, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )


HELP = f"""The numbers the team steers by: every metric of the reports, or NAME in full.

Without NAME, a summary of all metrics (a line each, plus the channels, SLA compliance per
owner and the workload per person); with NAME, that metric's definition and every breakdown.

\b
NAME is one of:
{_names()}

The period is --from to --to, both days included; by default the calendar year to date of
--as-of. A record counts in the period by the date of the event that completes it (an
accepted offer by offer.accepted_on, a clock by its due time, a survey by its on).

Records with lint errors are not evaluated: the command prints the lint summary and exits 2.
Otherwise it exits 0. Personal data found in the records (HB501-HB503, HB505) is withheld
from every format: a candidate's name shows as the id, an e-mail address or phone number as
[personal data withheld], and stderr names the records.

\b
Examples:
  hirebook report
  hirebook report time-to-fill --from 2026-01-01 --to 2026-06-30
  hirebook report sla-compliance --owner wang-li --format csv > sla.csv
  hirebook report --as-of 2026-06-30 --format json
"""
"""The command's help; the list of metrics is the registry's, so a new metric is named here
without editing it."""


@click.command("report", help=HELP)
@click.argument(
    "name", required=False, metavar="[NAME]", type=click.Choice([m.name for m in METRICS])
)
@common.records_option
@common.format_option("report")
@click.option(
    "--from",
    "start",
    type=common.Day(),
    metavar="DATE",
    default=None,
    help="First day of the period (inclusive), e.g. 2026-01-01. Default: 1 January of the "
    "year of --to.",
)
@click.option(
    "--to",
    "end",
    type=common.Day(),
    metavar="DATE",
    default=None,
    help="Last day of the period (inclusive). Default: the day of --as-of.",
)
@common.as_of_option(
    "Report as of this instant: a date (the end of that day's working hours) or a "
    "datetime. Events after it are not counted and clocks are evaluated at it. Default: now."
)
@click.option("--client", "clients", multiple=True, help="Only this client's records (repeatable).")
@click.option(
    "--owner",
    "owners",
    multiple=True,
    help="Only clients with this account manager (repeatable); SLA clocks also by their owner.",
)
@click.option(
    "--tier",
    "tiers",
    multiple=True,
    type=click.Choice(TIERS),
    help="Only clients of this tier (repeatable).",
)
@common.jobs_option
def report_command(
    records_dir, name, output_format, start, end, as_of, clients, owners, tiers, jobs
):
    """``hirebook report``; its help is :data:`HELP`."""
    common.known_ids(records_dir, "--client", clients)
    common.known_ids(records_dir, "--owner", owners)
    repo, board, instant, redactor = _records_and_board(records_dir, as_of, jobs)
    period = report_period(repo, instant, start, end)
    filters = Filters(clients=tuple(clients), owners=tuple(owners), tiers=tuple(tiers))
    result = compute_report(repo, board, period, instant, filters, names=[name] if name else None)
    result = redactor.value(result)
    if redactor:
        click.echo(redactor.notice(), err=True)
    options = common.output_options(output_format, repo.root)
    common.emit(REPORTERS[output_format](options).report(result), options)
    raise SystemExit(common.EXIT_OK)


def _records_and_board(
    records_dir, as_of, jobs: int
) -> tuple[Repository, Board, datetime, Redactor]:
    """The records the metrics read, the evaluated board and the redactor that withholds the
    personal data the records hold (:mod:`hirebook.privacy.redaction`); exit 2 on lint errors.

    The records are linted and their clocks evaluated in the processes ``--jobs`` asks for;
    the documents of the kinds the metrics read come back to be typed here.
    """
    run = common.run_pipeline(
        records_dir,
        jobs,
        as_of,
        clocks_for="the report can be computed",
        lines=False,
        keep=REPORTED_KINDS,
        gate=PERSONAL_DATA_CODES,
    )
    repo, redactor = run.records(), run.redactor()
    return repo, run.board, run.instant, redactor


def report_period(
    repo: Repository, instant: datetime, start: datetime | None, end: datetime | None
) -> Period:
    """``--from``/``--to``, defaulting to the calendar year to date of ``--as-of``."""
    last = end.date() if end else instant.astimezone(repo.zone).date()
    if last == date.max:  # the period ends at the midnight after its last day
        raise click.UsageError(
            f"the period ends on {last}, the last day Python holds, whose end it cannot hold; "
            "end it a day earlier"
        )
    if start is None:
        return Period.year_to_date(last)
    if start.date() > last:
        raise click.UsageError(f"the period starts ({start.date()}) after it ends ({last})")
    return Period(start.date(), last)
