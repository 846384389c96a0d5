"""``hirebook new KIND``: start a record from a template, with the next free id.

Each kind is a subcommand whose options are what the record needs; options left out are
asked for at the prompt. The file is created exclusively: an existing file is never
overwritten, and a file that cannot be written whole is not created at all. The path of the
new file is printed, ready for an editor or ``git add``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.now import YEARS_HELD, as_of_instant, default_instant, in_whole_minutes
from hirebook.output.inert import inert
from hirebook.records import templates
from hirebook.records.convert import YEARS
from hirebook.records.layout import ID, path_for
from hirebook.records.repository import Repository

TIERS = ["strategic", "key", "ordinary"]
CHANNELS = [
    "headhunting",
    "job_board",
    "referral",
    "campus",
    "social_media",
    "talent_pool",
    "other",
]
TOUCHPOINT_TYPES = ["meeting", "call", "visit", "revisit", "progress_report", "email", "other"]


@click.group("new")
def new_group() -> None:
    """Write a new record from a template and print its path.

    Options that are not given are asked for. Ids are picked automatically: the next in
    sequence (req-2026-015, app-2026-0102, cand-0043, …), a touchpoint's by its day, client
    and type (tp-2026-1123-northwind-cloud-meeting); an existing file is never overwritten.
    A record is dated now (--as-of or HIREBOOK_AS_OF pins "now", as for `hirebook log`): a
    submission recorded the next morning is `--as-of 2026-11-24T10:00:00+08:00`.

    \b
    Examples:
      hirebook new client --id harbor --name "Harbor Logistics" --tier key --manager wang-li
      hirebook new requirement --client northwind-cloud --title "Data Engineer"
      hirebook new application --requirement req-2026-014 --candidate cand-0042 --channel referral
    """


AS_OF_HELP = (
    "The instant taken as now: when the new record happens (its date or time, e.g. "
    "submitted_at, a touchpoint's at, a feedback's on, a candidate's consent) and the year "
    "of its id. "
    "A date alone is the end of that day's working hours. Default: now."
)


def as_of_option(function):
    """``--as-of`` (or ``HIREBOOK_AS_OF``) for a command that dates its record, as ``log``'s."""
    return common.as_of_option(AS_OF_HELP)(function)


def agreed_option(name: str, what: str, example: str, dest: str = "agreed", noun="ACTION"):
    """``--NAME DUE ACTION``, repeatable: an item agreed with its due day (its due-date clock
    is due at the end of that day)."""
    return click.option(
        f"--{name}",
        dest,
        type=(common.Day(), common.FREE_TEXT),
        metavar=f"DUE {noun}",
        multiple=True,
        help=f"{what}, due by the end of DUE (a day, 2026-12-02); repeat for several. "
        f"Example: --{name} 2026-12-02 {example!r}.",
    )


def _agreed(pairs: tuple[tuple[datetime, str], ...], option: str) -> list[tuple[date, str]]:
    """The items as (due day, text): ``common.Day`` gives a day as midnight. An empty text
    is refused: the record would not lint (HB206)."""
    for due, action in pairs:
        if not action.strip():
            raise click.BadParameter(
                f"the item due on {due.date()} is empty: say what is to be done, e.g. "
                f"{option} {due.date()} 'Send revised JD'",
                param_hint=option,
            )
    return [(due.date(), action) for due, action in pairs]


def _now(repo: Repository, as_of: date | datetime | None) -> datetime:
    """When a new record happens: ``--as-of`` (or ``HIREBOOK_AS_OF``) if given, as every other
    command reads it; else now, or a demo's own day (``demo_as_of``). In whole minutes, as
    the templates write times; a year the records cannot hold is refused (HB208)."""
    if as_of is None:
        return default_instant(repo).replace(second=0)
    at = as_of_instant(repo, as_of).astimezone(repo.zone)
    if at.year not in YEARS:
        raise click.BadParameter(
            f"{_written(as_of)} is in the year {at.year} in {repo.zone.key}, outside {YEARS_HELD}",
            param_hint="--as-of",
        )
    return at.replace(second=0, microsecond=0)


def _written(value: date | datetime) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else str(value)


def _write(repo: Repository, relative: Path, text: str) -> None:
    target = repo.records_dir / relative
    _refuse_links(repo, relative)
    try:
        atomic.create_new(target, text)
    except FileExistsError:
        raise click.ClickException(
            f"{target} already exists; hirebook never overwrites a record — choose another id"
        ) from None
    except OSError as err:
        raise machine_failure(err, "No record was written.") from None
    click.echo(target.relative_to(repo.root) if target.is_relative_to(repo.root) else target)


def _refuse_links(repo: Repository, relative: Path) -> None:
    """A record is written inside the records folder, never through a symbolic link on the
    way (a client's folder or its requirements/ linked elsewhere): lint reads no link (HB111),
    so the record would be outside the repository, unreviewed, and still said written."""
    for link in atomic.links_below(repo.records_dir, [str(relative)]):
        shown = link.relative_to(repo.root) if link.is_relative_to(repo.root) else link
        raise click.ClickException(
            f"{inert(str(shown))} is a symbolic link; hirebook writes a record only inside the "
            "records folder (lint: HB111). Put the folder itself there, then run the command "
            "again. No record was written."
        )


def _need(repo: Repository, kind: str, record_id: str, client: str | None = None) -> None:
    if not repo.exists(kind, record_id, client):
        where = f" in clients/{client}/" if client else ""
        raise click.BadParameter(f"no {kind} `{inert(record_id)}`{where}")


def _new_id(value: str) -> str:
    """The id of a new record, as typed: the whole of it must be an id (``fullmatch``: a
    pattern's ``$`` would let a final line feed through, into the file's name)."""
    if not ID.fullmatch(value):
        raise ValueError(
            f"`{inert(value)}` is not a valid id: use 1 to 64 lower-case letters, digits and "
            "dashes, starting with a letter or digit, e.g. harbor-logistics"
        )
    return value


NEW_ID = common.Typed("ID", _new_id)
"""The type of ``--id``: a usage error naming the option, or at the prompt, asked again."""


def _client_of_requirement(repo: Repository, requirement_id: str) -> str:
    paths = repo.file_ids["requirement"].get(requirement_id)
    if not paths:
        raise click.BadParameter(
            f"no requirement `{inert(requirement_id)}`", param_hint="--requirement"
        )
    return Path(paths[0]).parts[-3]


@new_group.command("client")
@click.option(
    "--id",
    "record_id",
    prompt="Client id (e.g. harbor-logistics)",
    type=NEW_ID,
    help="The folder name and id of the client.",
)
@click.option("--name", prompt="Client name", type=common.FREE_TEXT, help="The company's name.")
@click.option("--tier", type=click.Choice(TIERS), prompt="Tier", help="strategic, key or ordinary.")
@click.option(
    "--manager", prompt="Account manager (team id)", help="The account manager's team id."
)
@as_of_option
@common.records_option
def new_client(record_id, name, tier, manager, as_of, records_dir):
    """A new client folder with its client.yaml."""
    repo = common.load(records_dir)
    _need(repo, "person", manager)
    today = _now(repo, as_of).date()
    text = templates.client(record_id, name, tier, manager, today)
    _write(repo, Path(path_for("client", record_id)), text)


@new_group.command("requirement")
@click.option("--client", "client_id", prompt="Client id", help="The client that raised the need.")
@click.option(
    "--title",
    prompt="Position title",
    type=common.FREE_TEXT,
    help="The position, e.g. 'Data Engineer'.",
)
@click.option(
    "--hiring-manager",
    default=None,
    type=common.FREE_TEXT,
    help="A name from the client's contacts.",
)
@click.option(
    "--received-at",
    type=common.AsOf(),
    default=None,
    help="When the client raised the need, which starts the confirmation's SLA clock: a "
    "datetime (2026-11-20T14:30:00+08:00; without an offset, in the policy's timezone). "
    "Default: now.",
)
@as_of_option
@common.records_option
def new_requirement(client_id, title, hiring_manager, received_at, as_of, records_dir):
    """A requirement confirmation (draft, to be signed by both sides)."""
    repo = common.load(records_dir)
    common.known_ids(records_dir, "--client", (client_id,))
    now = _now(repo, as_of)
    received = _received(repo, received_at, now)
    record_id = templates.next_id("requirement", repo.file_ids["requirement"], now.date())
    text = templates.requirement(record_id, title, received, hiring_manager)
    _write(repo, Path(path_for("requirement", record_id, client_id)), text)


def _received(repo: Repository, given: date | datetime | None, now: datetime) -> datetime:
    """``--received-at`` in the policy's timezone: the clock starts at an instant, so a date
    alone is refused, and so is a time after now (a need not raised yet) or one the record
    cannot hold (a year out of its range there, an offset with seconds, as ``log --at``)."""
    if given is None:
        return now
    if not isinstance(given, datetime):
        raise click.BadParameter(
            f"give the time too, e.g. {given.isoformat()}T14:30:00+08:00: the confirmation's "
            "clock starts at an instant",
            param_hint="--received-at",
        )
    at = as_of_instant(repo, given).astimezone(repo.zone)
    if at.year not in YEARS:  # the record would not lint (HB208)
        raise click.BadParameter(
            f"{given.isoformat(timespec='minutes')} is in the year {at.year} in "
            f"{repo.zone.key}, outside {YEARS_HELD}",
            param_hint="--received-at",
        )
    try:
        in_whole_minutes(at, given)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--received-at") from None
    if at > now:
        raise click.BadParameter(
            f"{at.isoformat(timespec='minutes')} is after now "
            f"({now.isoformat(timespec='minutes')}): a need is recorded once it is raised",
            param_hint="--received-at",
        )
    return at


@new_group.command("plan")
@click.option(
    "--requirement",
    "requirements",
    multiple=True,
    required=True,
    help="A requirement the plan covers (repeat for several).",
)
@agreed_option(
    "milestone",
    "A timeline milestone (milestones; none is written undated)",
    "First shortlist",
    "milestones",
    "NAME",
)
@agreed_option(
    "commitment",
    "What the client commits to (client_commitments)",
    "Name two interviewers",
    "commitments",
    "WHAT",
)
@as_of_option
@common.records_option
def new_plan(requirements, milestones, commitments, as_of, records_dir):
    """A recruitment plan covering one or more requirements of one client."""
    repo = common.load(records_dir)
    clients = {_client_of_requirement(repo, r) for r in requirements}
    if len(clients) != 1:
        raise click.BadParameter(
            "all requirements of a plan belong to one client", param_hint="--requirement"
        )
    today = _now(repo, as_of).date()
    record_id = templates.next_id("plan", repo.file_ids["plan"], today)
    text = templates.plan(
        record_id,
        list(requirements),
        today,
        _agreed(milestones, "--milestone"),
        _agreed(commitments, "--commitment"),
    )
    _write(repo, Path(path_for("plan", record_id, clients.pop())), text)


@new_group.command("application")
@click.option("--requirement", prompt="Requirement id", help="The requirement applied for.")
@click.option("--candidate", prompt="Candidate id", help="The candidate's id (cand-…).")
@click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    prompt="Channel",
    help="Where the candidate came from (source of hire).",
)
@as_of_option
@common.records_option
def new_application(requirement, candidate, channel, as_of, records_dir):
    """A candidate submitted for a requirement (submitted now, or at --as-of)."""
    repo = common.load(records_dir)
    client_id = _client_of_requirement(repo, requirement)
    _need(repo, "candidate", candidate)
    now = _now(repo, as_of)
    record_id = templates.next_id("application", repo.file_ids["application"], now.date())
    text = templates.application(record_id, requirement, candidate, channel, now)
    _write(repo, Path(path_for("application", record_id, client_id)), text)


@new_group.command("touchpoint")
@click.option("--client", "client_id", prompt="Client id", help="The client contacted.")
@click.option(
    "--type",
    "kind",
    type=click.Choice(TOUCHPOINT_TYPES),
    prompt="Type",
    help="What kind of contact.",
)
@click.option("--by", prompt="Who (team id)", help="The team member who made the contact.")
@click.option("--plan", "plan_id", default=None, help="The plan reported on (progress_report).")
@click.option(
    "--summary",
    prompt="Summary",
    type=common.FREE_TEXT,
    help="One or two sentences on what was said.",
)
@agreed_option("follow-up", "A follow-up agreed (follow_ups), owned by --by", "Send revised JD")
@as_of_option
@common.records_option
def new_touchpoint(client_id, kind, by, plan_id, summary, agreed, as_of, records_dir):
    """A contact with the client: meeting, call, visit, revisit, progress report…

    Its id is its day, client and type, as the demo names them:
    tp-2026-1123-northwind-cloud-meeting (tp-…-report for a progress_report), then -2, -3…
    for another that day."""
    repo = common.load(records_dir)
    common.known_ids(records_dir, "--client", (client_id,))
    _need(repo, "person", by)
    if kind == "progress_report" and not plan_id:
        raise click.BadParameter(
            "a progress report names the plan it reports on", param_hint="--plan"
        )
    if plan_id:
        _need(repo, "plan", plan_id, client_id)
    now = _now(repo, as_of)
    record_id = templates.touchpoint_id(repo.file_ids["touchpoint"], now.date(), client_id, kind)
    text = templates.touchpoint(
        record_id, kind, by, now, plan_id, summary, _agreed(agreed, "--follow-up")
    )
    _write(repo, Path(path_for("touchpoint", record_id, client_id)), text)


@new_group.command("feedback")
@click.option("--client", "client_id", prompt="Client id", help="The client giving feedback.")
@click.option("--by", prompt="Collected by (team id)", help="Who collected the feedback.")
@click.option(
    "--overall",
    type=click.IntRange(1, 5),
    prompt="Overall score (1-5)",
    help="The client's overall satisfaction, 1 to 5.",
)
@click.option(
    "--requirement",
    default=None,
    help="The client's requirement the feedback is about: for a filled one, the survey that "
    "stops its feedback-survey clock.",
)
@agreed_option(
    "action", "An improvement action (actions), owned by --by", "Book interview rooms a week ahead"
)
@as_of_option
@common.records_option
def new_feedback(client_id, by, overall, requirement, agreed, as_of, records_dir):
    """Client satisfaction feedback, with room for improvement actions."""
    repo = common.load(records_dir)
    common.known_ids(records_dir, "--client", (client_id,))
    _need(repo, "person", by)
    if requirement is not None:
        _need(repo, "requirement", requirement, client_id)
    today = _now(repo, as_of).date()
    record_id = templates.next_id("feedback", repo.file_ids["feedback"], today)
    _write(
        repo,
        Path(path_for("feedback", record_id, client_id)),
        templates.feedback(record_id, by, today, overall, requirement, _agreed(agreed, "--action")),
    )


@new_group.command("candidate")
@click.option(
    "--name", prompt="Candidate's name", type=common.FREE_TEXT, help="The candidate's full name."
)
@as_of_option
@common.records_option
def new_candidate(name, as_of, records_dir):
    """A candidate file (personal data; never published)."""
    repo = common.load(records_dir)
    today = _now(repo, as_of).date()
    record_id = templates.next_id("candidate", repo.file_ids["candidate"], today)
    _write(
        repo, Path(path_for("candidate", record_id)), templates.candidate(record_id, name, today)
    )


@new_group.command("person")
@click.option(
    "--id", "record_id", prompt="Team id (e.g. wang-li)", type=NEW_ID, help="The person's id."
)
@click.option("--name", prompt="Name", type=common.FREE_TEXT, help="The person's name.")
@click.option(
    "--role",
    type=click.Choice(["account_manager", "recruiter", "lead"]),
    prompt="Role",
    help="Their role in the team.",
)
@common.records_option
def new_person(record_id, name, role, records_dir):
    """A team member of the agency (account manager, recruiter or lead)."""
    repo = common.load(records_dir)
    _write(repo, Path(path_for("person", record_id)), templates.person(record_id, name, role))


@new_group.command("case")
@click.option(
    "--id",
    "record_id",
    prompt="Case id (e.g. 2026-harbor-turnaround)",
    type=NEW_ID,
    help="The case's id and file name.",
)
@click.option("--title", prompt="Title", type=common.FREE_TEXT, help="The case's title.")
@click.option("--author", prompt="Author (team id)", help="Who writes it up.")
@click.option(
    "--outcome",
    type=click.Choice(["success", "failure", "mixed"]),
    prompt="Outcome",
    help="How it turned out.",
)
@as_of_option
@common.records_option
def new_case(record_id, title, author, outcome, as_of, records_dir):
    """A knowledge-sharing case write-up (Markdown)."""
    repo = common.load(records_dir)
    _need(repo, "person", author)
    today = _now(repo, as_of).date()
    _write(repo, Path(path_for("case", record_id)), templates.case(title, author, today, outcome))
