"""``hirebook sla``: the SLA board — every clock of the SLA rules as of an instant."""

from __future__ import annotations

from pathlib import Path

import click

from hirebook.cli import common
from hirebook.output.registry import REPORTERS
from hirebook.privacy import PERSONAL_DATA_CODES, Redactor
from hirebook.sla.clock import State
from hirebook.sla.engine import Board
from hirebook.sla.registry import SLA_RULES_BY_ID

OPEN_BY_DEFAULT = (State.OVERDUE, State.AT_RISK)
FAILING = {
    "overdue": {State.OVERDUE},
    "at_risk": {State.OVERDUE, State.AT_RISK},
    "breached": {State.OVERDUE, State.BREACHED},
    "never": set(),
}


@click.command("sla")
@common.records_option
@common.format_option("sla")
@common.as_of_option(
    "Evaluate as of this instant: a date (the end of that day's working hours) or "
    "a datetime. Default: now. Use it for reproducible boards."
)
@click.option(
    "--all", "show_all", is_flag=True, help="Show every clock: met, breached and on-track ones too."
)
@click.option("--client", "clients", multiple=True, help="Only this client (repeatable).")
@click.option(
    "--owner",
    "owners",
    multiple=True,
    help="Only clocks this team member must act on (repeatable).",
)
@click.option(
    "--rule",
    "rules",
    multiple=True,
    type=click.Choice(list(SLA_RULES_BY_ID)),
    help="Only this SLA rule (repeatable).",
)
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice([s.value for s in State]),
    help="Only clocks in this state (repeatable); overrides --all.",
)
@click.option(
    "--tier",
    "tiers",
    multiple=True,
    type=click.Choice(["strategic", "key", "ordinary"]),
    help="Only clients of this tier (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAILING)),
    default="overdue",
    show_default=True,
    help="Exit 1 when a clock is in this state: overdue; at_risk (or overdue); "
    "breached (or overdue); never.",
)
@common.jobs_option
def sla_command(
    records_dir,
    output_format,
    as_of,
    show_all,
    clients,
    owners,
    rules,
    states,
    tiers,
    fail_on,
    jobs,
):
    """Evaluate the service-level clocks and show the open ones.

    Every rule of the policy's service standards is a clock that starts on one event in the
    records and stops on another (the handbook's Reference → SLA rules). By default the board
    shows the clocks someone must act on — overdue and at risk — grouped by owner, overdue
    first.

    Records with lint errors are not evaluated: the command prints the lint summary and exits
    2, as it does for a --client or --owner that is not in the records. Exit 1 when a clock is
    in a --fail-on state, else 0. Personal data found in the records (HB501-HB503, HB505) is
    withheld from every format: a candidate's name shows as the id, an e-mail address or phone
    number as [personal data withheld], and stderr names the records.

    \b
    Examples:
      hirebook sla
      hirebook sla --as-of 2026-11-20 --owner wang-li
      hirebook sla --all --rule client-feedback --format json
    """
    common.known_ids(records_dir, "--client", clients)
    common.known_ids(records_dir, "--owner", owners)
    board, root, redactor = _evaluate(records_dir, as_of, tuple(rules) or None, jobs)
    scoped = _scope(board, clients, owners, tiers)
    shown = (
        [s for s in State if s.value in states]
        if states
        else (list(State) if show_all else list(OPEN_BY_DEFAULT))
    )
    visible = redactor.board(Board(scoped.as_of, [f for f in scoped.findings if f.state in shown]))
    if redactor:
        click.echo(redactor.notice(), err=True)
    options = common.output_options(output_format, root)
    common.emit(REPORTERS[output_format](options).sla(visible), options)
    failing = any(f.state in FAILING[fail_on] for f in scoped.findings)
    raise SystemExit(common.EXIT_FINDINGS if failing else common.EXIT_OK)


def _evaluate(records_dir, as_of, rules, jobs: int) -> tuple[Board, Path, Redactor]:
    """Every clock, in the processes ``--jobs`` asks for; exit 2 on lint errors. The redactor
    withholds the personal data the records hold (:mod:`hirebook.privacy.redaction`)."""
    run = common.run_pipeline(
        records_dir,
        jobs,
        as_of,
        clocks_for="the SLA board can be evaluated",
        rules=rules,
        gate=PERSONAL_DATA_CODES,
    )
    return run.board, run.work.root, run.redactor()


def _scope(board: Board, clients, owners, tiers) -> Board:
    findings = [
        f
        for f in board.findings
        if (not clients or f.clock.client in clients)
        and (not owners or f.clock.owner in owners)
        and (not tiers or f.clock.tier in tiers)
    ]
    return Board(board.as_of, findings)
