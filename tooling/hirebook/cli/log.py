"""``hirebook log EVENT TARGET``: record one event of the process in the record it belongs to.

One subcommand per event (:data:`hirebook.events.definitions.EVENTS`), the target by its id
alone. The record is edited with its comments, order and quoting kept, linted with the whole
agency and written atomically — or, when the event contradicts the record or the result would
not lint clean, left byte for byte as it was (exit 1). The clocks the event stopped and started
are printed in ``hirebook sla``'s words.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NoReturn

import click

from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.events import definitions as events
from hirebook.events import locate, typed
from hirebook.events.recording import ChangedMeanwhile, NotClean, Outcome, record
from hirebook.events.roundtrip import RoundTripError
from hirebook.now import AS_OF_VARIABLE, as_of_instant, in_whole_minutes
from hirebook.output.inert import inert, json_text

FORMATS = ("text", "json")
SCHEDULED = ("interview", "placement")
"""Events recorded ahead of time (a round booked, a start date agreed); any other is a fact
and cannot be later than now."""
BOOKED_AHEAD = timedelta(days=366)
"""How far ahead an event may be booked."""


@click.group("log")
def log_group() -> None:
    """Record an event of the day in its record: feedback, interviews, offers, signatures….

    Each event names its record by id alone (the client's folder is found) and writes the
    fields the schema defines for it, nothing else: comments, key order, quotes and blank
    lines stay as they were. The edited record must lint clean with the rest of the agency,
    and the event must agree with the record (no second verdict, no result before its
    interview, no event after a withdrawal); otherwise nothing is written and the command
    exits 1 saying what is already there. Then it prints the SLA clocks the event stopped
    (met or breached, by how much) and started (with their due times), as `hirebook sla`
    words them.

    --at is when the event happened (default: now, in the policy's timezone; --as-of or
    HIREBOOK_AS_OF pins "now"). Dates are 2026-11-20, times 2026-11-20T14:30:00+08:00 (without
    an offset, the policy's timezone).

    \b
    Examples:
      hirebook log feedback app-2026-0073 --decision interview --note "Strong on Go"
      hirebook log interview app-2026-0073 --round 1 --at 2026-11-24T14:00:00+08:00
      hirebook log result app-2026-0062 --round 2 --result pass
      hirebook log signed req-2026-019 --by agency --signer wang-li
    """


def event_command(name: str, **settings):
    """A subcommand of ``log`` for the event ``name``: its line in the group's help and the
    fields it writes (the help's last line) come from the event."""
    event = events.EVENTS[name]
    return log_group.command(
        name, short_help=event.summary, epilog=f"Writes {event.writes}.", **settings
    )


def event_options(function):
    """The options every event takes: --at, --as-of, --format, --dry-run, --records."""
    for option in reversed(
        [
            click.option(
                "--at",
                type=common.AsOf(),
                default=None,
                help="When the event happened: a datetime (2026-11-20T14:30:00+08:00) or, for "
                "events the schema records as a day, a date (2026-11-20). Default: now.",
            ),
            click.option(
                "--as-of",
                type=common.AsOf(),
                default=None,
                envvar=AS_OF_VARIABLE,
                show_envvar=True,
                help="The instant taken as now: the default of --at and the instant the "
                "clocks are shown as of (or --at, if later). Default: now.",
            ),
            click.option(
                "--format",
                "output_format",
                type=click.Choice(FORMATS),
                default="text",
                show_default=True,
                help="Output format (text: what was written and the clocks, as `hirebook sla` "
                "words them; json: the same as one JSON object).",
            ),
            click.option(
                "--dry-run", is_flag=True, help="Check and show the change; write nothing."
            ),
            common.records_option,
        ]
    ):
        function = option(function)
    return function


def round_option(text: str):
    """``--round N``: an interview round, by its number."""
    return click.option("--round", "number", type=click.IntRange(min=1), required=True, help=text)


@event_command("feedback")
@click.argument("application")
@click.option(
    "--decision",
    type=click.Choice(["interview", "reject", "hold"]),
    required=True,
    help="The client's verdict (client_feedback.decision): interview, reject or hold. "
    "Example: --decision interview.",
)
@click.option(
    "--note",
    type=common.FREE_TEXT,
    default=None,
    help="What the client said (client_feedback.note). Example: --note 'Strong React'.",
)
@event_options
def log_feedback(application, decision, note, **common_options):
    """The client's verdict on a submitted resume (stops client-feedback).

    \b
    Example:
      hirebook log feedback app-2026-0073 --decision interview --note "Probe leadership"
    """

    event = functools.partial(events.feedback, decision=decision, note=note)
    _run("feedback", application, event, instant=True, **common_options)


@event_command("interview")
@click.argument("application")
@round_option("The round (interviews[].round), 1 for the first. Example: --round 2.")
@event_options
def log_interview(application, number, **common_options):
    """An interview round scheduled or held: --at is its time (starts interview-result and
    candidate-notice).

    \b
    Example:
      hirebook log interview app-2026-0073 --round 1 --at 2026-11-24T14:00:00+08:00
    """

    event = functools.partial(events.interview, number=number)
    _run("interview", application, event, instant=True, **common_options)


@event_command("result")
@click.argument("application")
@round_option("The round the result is for. Example: --round 1.")
@click.option(
    "--result",
    "outcome",
    type=click.Choice(["pass", "fail", "pending"]),
    required=True,
    help="The client's result (interviews[].result): pass, fail or pending. "
    "Example: --result pass.",
)
@click.option(
    "--note",
    type=common.FREE_TEXT,
    default=None,
    help="Anything worth keeping about the round (interviews[].note). "
    "Example: --note 'Strong system design'.",
)
@event_options
def log_result(application, number, outcome, note, **common_options):
    """The client's result of an interview round (stops interview-result). A `pending`
    result is later replaced by the final one; its result_at, the client's first answer,
    stays.

    \b
    Example:
      hirebook log result app-2026-0062 --round 2 --result pass
    """

    event = functools.partial(events.result, number=number, outcome=outcome, note=note)
    _run("result", application, event, instant=True, **common_options)


@event_command("notified")
@click.argument("application")
@round_option("The round whose result the candidate was told. Example: --round 2.")
@event_options
def log_notified(application, number, **common_options):
    """The candidate was told a round's result, even `pending` (stops candidate-notice).

    \b
    Example:
      hirebook log notified app-2026-0062 --round 2
    """

    event = functools.partial(events.notified, number=number)
    _run("notified", application, event, instant=True, **common_options)


@event_command("offer")
@click.argument("application")
@click.option(
    "--accepted",
    "answer",
    flag_value="accepted",
    default=None,
    help="The candidate accepted the offer (offer.accepted_on).",
)
@click.option(
    "--declined",
    "answer",
    flag_value="declined",
    help="The candidate declined the offer (offer.declined_on).",
)
@click.option(
    "--salary",
    type=common.Typed("AMOUNT", typed.amount),
    default=None,
    help="The offered salary's amount (offer.salary.amount), digits with at most 3 decimals; "
    "give --currency with it. Example: --salary 55000.",
)
@click.option(
    "--currency",
    type=common.Typed("CODE", typed.currency),
    default=None,
    help="The salary's ISO 4217 currency code in capitals (offer.salary.currency). "
    "Example: --currency CNY.",
)
@event_options
def log_offer(application, answer, salary, currency, **common_options):
    """The client's offer made (offer.made_on, and with --salary and --currency the offered
    salary), or with --accepted / --declined the candidate's answer. --at is the day.

    \b
    Examples:
      hirebook log offer app-2026-0062 --at 2026-11-27 --salary 55000 --currency CNY
      hirebook log offer app-2026-0062 --accepted --at 2026-11-30
    """
    if (salary is None) != (currency is None):
        raise click.UsageError("give --salary and --currency together (or neither)")
    if salary is not None and answer is not None:
        raise click.UsageError(
            f"--salary is the offer's, written when it is made: leave it out with --{answer}"
        )
    offered = (salary, currency) if salary is not None else None
    event = functools.partial(events.offer, answer=answer, salary=offered)
    _run("offer", application, event, instant=False, **common_options)


@event_command("placement")
@click.argument("application")
@event_options
def log_placement(application, **common_options):
    """The hire's first working day: --at is the day (placement.start_on; starts
    client-revisit that day, and onboarding-check-in 7, 30 and 90 days after it, so the
    clocks printed now are client-revisit's alone).

    \b
    Example:
      hirebook log placement app-2026-0062 --at 2027-01-04
    """
    _run("placement", application, events.placement, instant=False, **common_options)


@event_command("check-in")
@click.argument("application")
@click.option(
    "--day",
    type=click.IntRange(min=1),
    required=True,
    help="Which check-in, in days after the start (placement.check_ins[].day): usually 7, "
    "30 or 90. Example: --day 7.",
)
@click.option(
    "--note",
    type=common.FREE_TEXT,
    default=None,
    help="How the hire is settling in (check_ins[].note). Example: --note 'Settling in well'.",
)
@event_options
def log_check_in(application, day, note, **common_options):
    """An onboarding check-in with the new hire (stops that day's onboarding-check-in).

    \b
    Example:
      hirebook log check-in app-2026-0062 --day 7 --note "Settling in well"
    """

    event = functools.partial(events.check_in, day=day, note=note)
    _run("check-in", application, event, instant=False, **common_options)


@event_command("withdraw")
@click.argument("application")
@click.option(
    "--reason",
    type=common.FREE_TEXT,
    default=None,
    help="Why (withdrawn.reason). Example: --reason 'Took another offer'.",
)
@event_options
def log_withdraw(application, reason, **common_options):
    """The application stopped before a hire (withdrawn.on); its open clocks end.

    \b
    Example:
      hirebook log withdraw app-2026-0073 --reason "Took another offer"
    """

    event = functools.partial(events.withdraw, reason=reason)
    _run("withdraw", application, event, instant=False, **common_options)


@event_command("signed")
@click.argument("requirement")
@click.option(
    "--by",
    "side",
    type=click.Choice(["client", "agency"]),
    required=True,
    help="The side that signed the requirement confirmation: client or agency. "
    "Example: --by client.",
)
@click.option(
    "--signer",
    type=common.FREE_TEXT,
    required=True,
    help="Who signed (confirmation.client_signed_by: a name from the client's contacts; "
    "agency_signed_by: a team member id). Example: --signer 'Zhang Wei'.",
)
@event_options
def log_signed(requirement, side, signer, **common_options):
    """One side signed the requirement confirmation; with both, status becomes confirmed
    (stops requirement-confirmation, starts plan-proposal). --at is the day.

    \b
    Examples:
      hirebook log signed req-2026-019 --by client --signer "Shen Jia"
      hirebook log signed req-2026-019 --by agency --signer wang-li --at 2026-11-23
    """

    event = functools.partial(events.signed, side=side, signer=signer)
    _run("signed", requirement, event, instant=False, **common_options)


@event_command("change")
@click.argument("requirement")
@click.option(
    "--summary",
    type=common.FREE_TEXT,
    default=None,
    help="A change agreed after confirmation: what changed and its impact (changes[].summary). "
    "Without it, the oldest change not yet re-confirmed is re-confirmed (reconfirmed_on). "
    "Example: --summary 'Added people management'.",
)
@event_options
def log_change(requirement, summary, **common_options):
    """A change to a confirmed requirement (--summary), or the client's re-confirmation of
    it (no --summary). --at is the day.

    \b
    Examples:
      hirebook log change req-2026-009 --summary "Second opening added"
      hirebook log change req-2026-009 --at 2026-11-24
    """

    event = functools.partial(events.change, summary=summary)
    _run("change", requirement, event, instant=False, **common_options)


_WHOLE = {  # name: (argument, what it writes and the clocks it moves, example)
    "filled": (
        "REQUIREMENT",
        "Every opening of the requirement filled: status filled and closed_on, --at's day "
        "(starts feedback-survey, which `hirebook new feedback --requirement` stops). A plan "
        "it leaves with no open requirement is named, to be closed when it is over (`hirebook "
        "log closed`): until then its progress reports stay due.",
        "hirebook log filled req-2026-020 --at 2026-11-27",
    ),
    "proposed": (
        "PLAN",
        "The recruitment plan sent to the client: proposed_on, --at's day; a draft becomes "
        "proposed (stops plan-proposal).",
        "hirebook log proposed plan-2026-016 --at 2026-11-23",
    ),
    "agreed": (
        "PLAN",
        "The client agreed (confirmed) the proposed plan: client_confirmed_on, --at's day, and "
        "status active (starts first-submission and progress-report).",
        "hirebook log agreed plan-2026-016 --at 2026-11-23",
    ),
    "closed": (
        "PLAN",
        "The recruitment plan finished (its requirements filled) or abandoned: status closed "
        "and closed_on, --at's day (its open progress-report interval ends). A plan the client "
        "never agreed (a draft or proposed plan given up: its requirement cancelled, the client "
        "turned it down) is closed the same way: closed means finished or abandoned, the one "
        "end of a plan's statuses (draft, proposed, active, closed). Closing it moves no clock: "
        "an unagreed plan started neither first-submission nor progress-report, and "
        "plan-proposal is its requirements' (dropped once one is cancelled unproposed).",
        "hirebook log closed plan-2026-016 --at 2026-11-27",
    ),
}
"""Events about a whole record, on a day, with no value of their own."""


def _whole_command(name: str, argument: str):
    """A command recording the event ``name`` of a record on --at's day."""

    @click.argument(argument)
    @event_options
    def command(**options):
        record_id = options.pop(argument.lower())
        _run(name, record_id, getattr(events, name), instant=False, **options)

    return command


for _name, (_argument, _text, _example) in _WHOLE.items():
    event_command(_name, help=f"{_text}\n\n\b\nExample:\n  {_example}")(
        _whole_command(_name, _argument)
    )


def _done_command(name: str, argument: str, items_key: str, name_key: str, example: str):
    """A command marking an item of a list done (``done_on``): milestones, commitments…"""

    @click.argument(argument)
    @click.option(
        f"--{name_key}",
        "item",
        type=common.FREE_TEXT,
        required=True,
        help=f"The item, by its {items_key}[].{name_key}, as written. Example: "
        f"--{name_key} {example!r}.",
    )
    @event_options
    def command(item, **options):
        record_id = options.pop(argument.lower())

        event = functools.partial(events.done, items_key=items_key, name_key=name_key, name=item)
        _run(name, record_id, event, instant=False, **options)

    return command


_DONE = {  # name: (argument, list, the item's name field, example, what, the clock it stops)
    "milestone": (
        "PLAN",
        "milestones",
        "name",
        "First shortlist",
        "A plan's milestone reached",
        "milestone",
    ),
    "commitment": (
        "PLAN",
        "client_commitments",
        "what",
        "Name two interviewers",
        "A client commitment of a plan kept",
        "client-commitment",
    ),
    "follow-up": (
        "TOUCHPOINT",
        "follow_ups",
        "action",
        "Send revised JD",
        "A touchpoint's follow-up action done",
        "improvement-action",
    ),
    "action": (
        "FEEDBACK",
        "actions",
        "action",
        "Book interview rooms a week ahead",
        "An improvement action of a feedback record done",
        "improvement-action",
    ),
}

for _name, (_argument, _items, _key, _example, _title, _rule) in _DONE.items():
    event_command(
        _name,
        help=f"{_title}: its done_on is --at's day (stops its {_rule} clock).\n\n\b\n"
        f"Example:\n  hirebook log {_name} {_argument.lower()}-id --{_key} {_example!r}",
    )(_done_command(_name, _argument, _items, _key, _example))


# --- running an event -------------------------------------------------------------------------


def _run(name, record_id, event, instant, at, as_of, output_format, dry_run, records_dir):
    """Record the event ``name`` on ``record_id`` and say what it did, or exit 1 or 2."""
    from hirebook.lint.engine import lint

    kind = events.EVENTS[name].kind
    folder, root = common.records_folder(records_dir)
    repo = locate.read_around(folder, root, kind, record_id)
    _locate(repo, kind, record_id)  # an unknown id or a link is named before anything else
    now = as_of_instant(repo, as_of)
    when = _instant(repo, at, now) if instant else _day(repo, at, now)
    start = when if instant else datetime.combine(when, time(0), tzinfo=repo.zone)
    _refuse_out_of_time(name, when, start, now)
    today = now.astimezone(repo.zone).date()
    common.refuse_lint_errors(lint(repo, today), "recording an event")
    occurred = functools.partial(_bound, event, when)
    outcome = _recorded(repo, name, kind, record_id, occurred, max(now, start), today, dry_run)
    _show(name, outcome, output_format, dry_run)


def _refuse_out_of_time(name: str, when, start: datetime, now: datetime) -> None:
    """A fact is not recorded ahead of now; what is booked ahead, not beyond a year (a typo of
    the year, far enough to leave the clocks' calendar)."""
    if name not in SCHEDULED and start > now:
        _refuse(
            f"--at {_shown(when)} is after now ({_shown(now)}): record a {name} once it has "
            "happened (an interview or a placement may be recorded ahead)"
        )
    if start - now > BOOKED_AHEAD:
        raise click.BadParameter(
            f"{_shown(when)} is more than a year after now ({_shown(now)}); check the year",
            param_hint="--at",
        )


def _recorded(repo, name, kind, record_id, event, clocks_at, today, dry_run) -> Outcome:
    """:func:`~hirebook.events.recording.record`, each refusal said with its place (exit 1)."""
    from hirebook.records.yamlread import LoadProblem
    from hirebook.sla.engine import PolicyError

    try:
        return record(repo, kind, record_id, event, clocks_at, today, write=not dry_run)
    except events.Refused as err:
        target = _locate(repo, kind, record_id)
        line, column = target.document.where(*err.path) if err.path else (1, 1)
        _refuse(f"{target.document.rel}:{line}:{column}: {inert(str(err))}")
    except RoundTripError as err:
        rel = _locate(repo, kind, record_id).document.rel
        _refuse(f"{rel}:{err.line}:{err.column}: {inert(str(err))}")
    except NotClean as err:
        from hirebook.output.text import TextReporter

        click.echo(TextReporter().lint(err.result), err=True)
        _refuse(f"Nothing was written: with this {name} event the records would not lint clean.")
    except (ChangedMeanwhile, locate.NotWritable) as err:
        _refuse(inert(str(err)))
    except LoadProblem as err:  # the file became a link, a FIFO or too large meanwhile
        _refuse(f"{_locate(repo, kind, record_id).document.rel}:{inert(str(err))}")
    except PolicyError as err:
        raise click.UsageError(str(err)) from None
    except OSError as err:
        raise machine_failure(err, "The record is unchanged.") from None


def _locate(repo, kind: str, record_id: str) -> locate.Target:
    """The target record; an unknown id is a usage error (2), a link or a broken file is
    refused (1)."""
    try:
        return locate.find(repo, kind, record_id)
    except locate.NotFound as err:
        raise click.BadParameter(inert(str(err)), param_hint=kind.upper()) from None
    except locate.Unreadable as err:  # a lint error in the record itself: as any other (2)
        from hirebook.lint.engine import LintResult

        common.refuse_lint_errors(LintResult(problems=err.problems, files=1), "recording an event")
        _refuse(inert(str(err)))
    except locate.NotWritable as err:
        _refuse(inert(str(err)))


def _shown(value: date | datetime) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else str(value)


def _bound(event, when, record_):
    """``event`` of the record at ``when``: what :func:`record` calls with the record."""
    return event(record_, when)


def _refuse(message: str) -> NoReturn:
    click.echo(message, err=True)
    raise SystemExit(common.EXIT_FINDINGS)


def _instant(repo, at, now: datetime) -> datetime:
    """--at as an instant (without an offset, in the policy's timezone); none is now."""
    if at is None:
        return now
    if not isinstance(at, datetime):
        raise click.BadParameter(
            f"this event is recorded with its time: give a datetime, e.g. {at}T14:30:00+08:00",
            param_hint="--at",
        )
    try:  # written as given, or in the policy's timezone: in hours and minutes, as new's
        return in_whole_minutes(as_of_instant(repo, at), at)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--at") from None


def _day(repo, at, now: datetime) -> date:
    """--at as a day: a datetime's day in the policy's timezone; none is now's."""
    return now.astimezone(repo.zone).date() if at is None else common.today_in(repo, at)


# --- output -----------------------------------------------------------------------------------


def _show(name: str, outcome: Outcome, output_format: str, dry_run: bool) -> None:
    """What was written (or would be) and the clocks it moved, personal data withheld."""
    from hirebook.privacy import Redactor
    from hirebook.sla.engine import Board

    redactor = Redactor.of(outcome.after)
    if redactor:
        click.echo(redactor.notice(), err=True)
    clocks = outcome.clocks
    boards = {
        part: redactor.board(Board(clocks.as_of, getattr(clocks, part)))
        for part in ("stopped", "started", "ended")
    }
    if output_format == "json":
        document = _as_json(name, outcome, boards, dry_run)
        click.echo(json_text(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        _show_text(name, outcome, boards, dry_run)


def _as_json(name: str, outcome: Outcome, boards: dict, dry_run: bool) -> dict:
    return {
        "event": name,
        "record": outcome.target.document.rel,
        "id": outcome.target.id,
        "written": not dry_run,
        "fields": [{"field": change.field, "value": _value(change)} for change in outcome.changes],
        "as_of": outcome.clocks.as_of.isoformat(),
        **{part: [f.as_dict() for f in board.findings] for part, board in boards.items()},
        "next": [step.command for step in next_steps(name, outcome)],
    }


CLOCK_TITLES = {
    "stopped": "Clocks it stopped:",
    "started": "Clocks it started:",
    "ended": "Clocks it ended (no longer timed), as they stood:",
}


def _show_text(name: str, outcome: Outcome, boards: dict, dry_run: bool) -> None:
    from hirebook.output.base import OutputOptions
    from hirebook.output.text import TextReporter

    rel = outcome.target.document.rel
    click.echo(f"{'Would record' if dry_run else 'Recorded'} {name} in {inert(rel)}:")
    if dry_run:
        diff = difflib.unified_diff(
            outcome.before.splitlines(keepends=True),
            outcome.text.splitlines(keepends=True),
            f"a/{rel}",
            f"b/{rel}",
        )
        click.echo(inert("".join(diff), breaks=True), nl=False)
    else:
        for change in outcome.changes:
            click.echo(f"  {inert(_field(change))}")
    reporter = TextReporter(OutputOptions(color=False))
    for part, board in boards.items():
        if board.findings:
            click.echo(f"\n{CLOCK_TITLES[part]}\n{reporter.sla(board)}")
    if not outcome.clocks:
        click.echo("\nNo SLA clock stopped or started.")
    for step in next_steps(name, outcome):
        click.echo(f"\nNext: {step.text}")


@dataclass(frozen=True)
class NextStep:
    command: str
    text: str
    """Why, and the command."""


def next_steps(name: str, outcome: Outcome) -> list[NextStep]:
    """What the event leaves to do that no clock asks for: a requirement filled can leave a
    plan covering no open requirement, whose progress reports are due until it is closed
    (only ``log closed`` ends an active plan's progress-report clock)."""
    if name != "filled":
        return []
    repo = outcome.after
    steps = []
    for plan in repo.plans_by_requirement.get(outcome.target.id, []):
        covered = [repo.requirements.get(each) for each in plan.requirements]
        if plan.status == "closed" or any(
            each is None or each.status not in ("filled", "cancelled") for each in covered
        ):
            continue
        command = f"hirebook log closed {plan.id}"
        reports = "; its progress reports are due until then" if plan.status == "active" else ""
        steps.append(
            NextStep(
                command,
                f"{plan.id} covers no open requirement now: close it when it is over "
                f"(`{command}`){reports}.",
            )
        )
    return steps


def _value(change):
    """What a change writes: a field's value, or the new list item (a mapping)."""
    from hirebook.events.changes import Put

    return change.value if isinstance(change, Put) else dict(change.item)


def _field(change) -> str:
    """A change as a line of text: ``client_feedback.decision: interview``."""
    value = _value(change)
    if isinstance(value, dict):
        value = ", ".join(f"{key} {item}" for key, item in value.items())
    return f"{change.field}: {value}"
