"""``hirebook progress CLIENT``: the progress report the client receives, and its sending.

The report is computed by :mod:`hirebook.progress.model` from records read by the one
pipeline of every command (lint errors refuse it, exit 2) and written by
:mod:`hirebook.progress.render`. ``--sent`` records the report as sent: a new
``progress_report`` touchpoint, written as ``hirebook new touchpoint`` writes one (the same
template and next free id), through the gate of ``hirebook log``
(:func:`hirebook.events.recording.check_new`): the client's part of the agency with the new
record must lint clean, or nothing is written (exit 1). It is checked before the report is
written and created, exclusively and atomically, after.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.events import locate
from hirebook.events.recording import NewRecord, NotClean, check_new, create
from hirebook.handbook.labels import LANGUAGES, labels_for
from hirebook.output.inert import inert
from hirebook.output.text import TextReporter
from hirebook.privacy import PERSONAL_DATA_CODES, Redactor
from hirebook.progress import render
from hirebook.progress.model import (
    CLOCK_RULES,
    Period,
    ProgressError,
    ProgressReport,
    progress_report,
)
from hirebook.records import templates
from hirebook.records.layout import path_for
from hirebook.records.repository import Repository
from hirebook.sla.engine import evaluate_all

READ_KINDS = ("policy", "person", "client", "requirement", "plan", "application", "touchpoint")
"""What the report reads: never candidates (their names only with ``--names``) or cases."""


@click.command("progress")
@click.argument("client_id", metavar="CLIENT")
@click.option("--plan", "plan_id", default=None, help="Only this plan of the client. Default: "
              "every plan that ran in the period.")  # fmt: skip
@click.option(
    "--from",
    "first",
    type=common.Day(),
    metavar="DATE",
    default=None,
    help="First day of the period (00:00, policy timezone); give --to with it.",
)
@click.option(
    "--to",
    "last",
    type=common.Day(),
    metavar="DATE",
    default=None,
    help="Last day of the period (until 24:00). Default period: the 7 days (168 hours) that "
    "ended at --as-of.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html"]),
    default="markdown",
    show_default=True,
    help="markdown: a document to paste or send; html: one self-contained page that prints "
    "like the requirement confirmation.",
)
@click.option(
    "--out",
    type=common.NamedPath(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to FILE (replaced whole) instead of standard output.",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="The report's language. Default: the policy's language, else en.",
)
@click.option(
    "--names",
    is_flag=True,
    help="Show candidates' names beside their ids (for the client's eyes only). Refused when "
    "the CI environment variable is set.",
)
@click.option(
    "--sent",
    is_flag=True,
    help="Record the report as sent: a progress_report touchpoint at --as-of (default now), "
    "which restarts the plan's progress-report clock.",
)
@click.option(
    "--by",
    "sender",
    default=None,
    help="With --sent: who sent it (team id). Default: the client's account manager.",
)
@common.records_option
@common.as_of_option(
    "The instant the default week ends at, and the time of --sent: a date (the end of "
    "its working hours) or a datetime. Default: now."
)
@common.jobs_option
def progress_command(
    client_id,
    plan_id,
    first,
    last,
    output_format,
    out,
    language,
    names,
    sent,
    sender,
    records_dir,
    as_of,
    jobs,
):
    """The progress report for CLIENT (招聘進度報告), for one period.

    Per requirement of each plan: the resumes submitted in the period and to date, the
    pipeline by stage, interviews held and booked, resumes awaiting the client's feedback with
    the agreed deadline and how late, offers and starts; the plan's milestones, the client's
    open commitments, the next steps (open follow-ups) and the period's figures against the
    plan's targets. Candidates appear by id unless --names is given.

    The period: by default the 7 days that ended at --as-of, from the same instant a week
    earlier (included) to --as-of (excluded); --from and --to name whole days instead, from
    00:00 of the first to 24:00 of the last, in the policy's timezone. An event recorded with
    a date only (an offer, a start, a milestone done) happens at 00:00 of its day. Where
    things stand (stages, pending feedback, states) is as of the period's end.

    \b
    Examples:
      hirebook progress pinecone-games
      hirebook progress pinecone-games --format html --language zh-Hans --out report.html
      hirebook progress pinecone-games --sent
    """
    common.known_ids(records_dir, "--client", (client_id,))
    if names and os.environ.get("CI"):
        raise click.UsageError(
            "--names is refused in CI (the CI variable is set): a CI log must not carry "
            "candidates' names; leave out --names to show ids"
        )
    if (first is None) != (last is None):
        raise click.UsageError("give --from and --to together (or neither, for the last week)")
    if out is not None:
        common.refuse_among_records(out, records_dir, "--out", "a report")
    run = common.run_pipeline(
        records_dir,
        jobs,
        as_of,
        clocks_for="writing a progress report",
        lines=False,
        keep=READ_KINDS + (("candidate",) if names else ()),
        gate=PERSONAL_DATA_CODES,
    )
    work = run.work
    repo = run.records()
    instant = run.instant.astimezone(repo.zone)
    report = _report(repo, client_id, plan_id, first, last, instant, run.board)
    labels = labels_for(language or _policy_language(repo))
    redactor = run.redactor()
    touchpoint = None
    if sent:
        plan, by = _sending(repo, report, plan_id, sender)
        summary = render.sent_summary(report, labels)
        touchpoint = _checked_touchpoint(work, report.client, plan, by, instant, summary)
    _emit(_rendered(repo, report, labels, output_format, names, redactor), out)
    if touchpoint is not None:
        _create(touchpoint, repo.root)


def _policy_language(repo: Repository) -> str:
    language = repo.policy.language if repo.policy else None
    return language if language in LANGUAGES else "en"


def _report(repo, client_id, plan_id, first, last, instant: datetime, board) -> ProgressReport:
    try:
        if first is None:
            period = Period.week_before(instant)
        else:
            period = Period.days(first.date(), last.date(), repo.zone)
        if period.end > instant:
            raise ProgressError(
                f"the period ends after --as-of ({instant:%Y-%m-%d %H:%M}); a report describes "
                "what has happened: choose an earlier --to or a later --as-of"
            )
        if period.end != instant:  # the deadlines as they stood at the period's end
            board = evaluate_all(repo, period.end, rules=CLOCK_RULES, lines=False)
        return progress_report(repo, repo.clients[client_id], period, board, plan_id)
    except ProgressError as err:
        raise click.UsageError(inert(str(err))) from None


def _rendered(repo, report, labels, output_format, names, redactor: Redactor) -> str:
    candidate = _named(repo) if names else render.by_id
    if output_format == "html":
        writer = render.HtmlWriter(redactor.text)
        return render.html_page(report, labels, render.print_stylesheet(), candidate, writer)
    writer = render.MarkdownWriter(lambda value: render.markdown_text(redactor.text(str(value))))
    return render.compose(report, labels, writer, candidate)


def _named(repo: Repository):
    """``--names``: "Name (cand-0043)", from the candidates' files (read only for --names,
    by :meth:`~hirebook.records.repository.Repository.candidate_fields`, their one reader)."""
    fields = repo.candidate_fields()

    def shown(candidate: str) -> str:
        name = fields.get(candidate, {}).get("name")
        return f"{name} ({candidate})" if name else candidate

    return shown


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        atomic.write_text(out, text)
    except OSError as err:
        raise machine_failure(err, "The report was not written.") from None
    click.echo(f"wrote {inert(out)}", err=True)


def _sending(repo, report: ProgressReport, plan_id, sender) -> tuple[str, str]:
    """(plan, sender) of ``--sent``, checked before anything is written."""
    plans = [plan.id for plan in report.plans]
    if plan_id is None and len(plans) != 1:
        raise click.UsageError(
            "--sent records the report of one plan: name it with --plan "
            f"(this report covers {', '.join(plans) or 'no plan'})"
        )
    by = sender if sender is not None else repo.clients[report.client].account_manager
    if not by or by not in repo.people:
        raise click.UsageError(
            f"no team member `{inert(by or '')}` to record as the sender; pass --by TEAM-ID"
        )
    return plan_id or plans[0], by


def _checked_touchpoint(work, client_id: str, plan, by, instant: datetime, summary) -> NewRecord:
    """The ``progress_report`` touchpoint of the report, checked with the client's records
    (exit 1 with the problems when the agency with it would not lint clean)."""
    part = locate.read_client(work.folder, work.root, client_id)
    at = instant.replace(microsecond=0)
    existing = part.file_ids["touchpoint"]
    record_id = templates.touchpoint_id(existing, at.date(), client_id, "progress_report")
    text = templates.touchpoint(record_id, "progress_report", by, at, plan, summary)
    try:
        relative = path_for("touchpoint", record_id, client_id).as_posix()
        return check_new(part, relative, text, at.date())
    except NotClean as err:
        click.echo(TextReporter().lint(err.result), err=True)
        click.echo(
            "Nothing was written: with this touchpoint the records would not lint clean.",
            err=True,
        )
        raise SystemExit(common.EXIT_FINDINGS) from None


def _create(touchpoint: NewRecord, root: Path) -> None:
    """Write the checked touchpoint: a new file, never over one (exit 1 if it exists)."""
    target = touchpoint.path
    try:
        create(touchpoint)
    except FileExistsError:
        raise click.ClickException(f"{inert(target)} already exists; nothing was written") from None
    except OSError as err:
        raise machine_failure(err, "No record was written.") from None
    shown = target.relative_to(root) if target.is_relative_to(root) else target
    click.echo(f"recorded as sent: {inert(shown)}", err=True)
