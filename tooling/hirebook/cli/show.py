"""``hirebook show CLIENT``: one screen on one client, for a call or a meeting."""

from __future__ import annotations

import difflib
from datetime import datetime

import click

from hirebook.cli import common
from hirebook.now import as_of_instant
from hirebook.output.inert import inert
from hirebook.privacy import NOTHING, Candidates, Redactor
from hirebook.problem import first_of
from hirebook.records.model import Client
from hirebook.records.repository import Repository
from hirebook.records.stage import application_stage
from hirebook.sla.engine import PolicyError, evaluate_all

OPEN_REQUIREMENT = ("draft", "confirmed", "on_hold")


@click.command("show")
@click.argument("client_id", metavar="CLIENT")
@common.records_option
@common.as_of_option(
    "Show the open clocks as of this date (the end of its working hours) or datetime. Default: now."
)
def show_command(client_id, records_dir, as_of):
    """A one-screen summary of CLIENT (its id, the folder name under records/clients/).

    Shows the tier, status and account manager, the primary contact, open requirements
    with their pipeline, the open SLA clocks, and the latest touchpoint and feedback.

    \b
    Example:
      hirebook show northwind-cloud
    """
    repo = common.load(records_dir)
    client = repo.clients.get(client_id)
    if client is None:
        _refuse_a_broken_record(repo, client_id)
        close = difflib.get_close_matches(client_id, list(repo.clients), n=1)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        raise click.BadParameter(f"no client `{client_id}`{hint}", param_hint="CLIENT")
    # A candidate's data written where it does not belong (HB501–HB505) is withheld here as in
    # every other output: the screen may be shared in the client's meeting.
    lines = summary_lines(repo, client, as_of_instant(repo, as_of), Redactor.of(repo))
    click.echo("\n".join(lines))


def _refuse_a_broken_record(repo: Repository, client_id: str) -> None:
    """A client whose ``client.yaml`` exists but cannot be read is refused with its first
    problem (exit 1), not called unknown."""
    files = repo.file_ids["client"].get(client_id)
    if not files:
        return
    found = [problem for problem in repo.problems if problem.file in files]
    first = first_of(found) if found else f"{files[0]}: unreadable"
    first = Redactor(Candidates.of(repo)).text(first)  # it may quote what was typed
    raise click.ClickException(
        inert(f"client `{client_id}` cannot be shown until its record is fixed: {first}; "
              "`hirebook lint` lists every problem")
    )  # fmt: skip


def summary_lines(
    repo: Repository, client: Client, as_of: datetime, withhold: Redactor = NOTHING
) -> list[str]:
    """The screen, a line each; record text through ``withhold``."""
    manager = repo.people.get(client.account_manager or "")
    lines = [
        client.label,
        "=" * min(len(client.label) * 2, 78),
        f"Tier: {client.tier}    Status: {client.status}    Client since: {client.since or '—'}",
        f"Account manager: {withhold.field(manager.name) if manager else client.account_manager}"
        + (f"    Backup: {client.backup_manager}" if client.backup_manager else ""),
    ]
    primary = next(
        (c for c in client.contacts if c.primary), client.contacts[0] if client.contacts else None
    )
    if primary:
        lines.append(
            f"Primary contact: {withhold.field(primary.name)}"
            + (f" ({withhold.text(primary.role)})" if primary.role else "")
        )
    lines += ["", "Open requirements:"]
    requirements = [
        r for r in repo.of_client(client.id, "requirement") if r.status in OPEN_REQUIREMENT
    ]
    if not requirements:
        lines.append("  none")
    for requirement in requirements:
        stages: dict[str, int] = {}
        for application in repo.applications_by_requirement.get(requirement.id, ()):
            stage = application_stage(application)
            stages[stage] = stages.get(stage, 0) + 1
        pipeline = (
            ", ".join(f"{count} {stage}" for stage, count in sorted(stages.items()))
            or "no candidates yet"
        )
        title = withhold.text(requirement.title)
        lines.append(f"  {requirement.id}  {title} [{requirement.status}]")
        lines.append(f"      pipeline: {pipeline}")
    lines += ["", "Open clocks:"] + (_open_clocks(repo, client, as_of) or ["  none"])
    touchpoints = sorted(repo.of_client(client.id, "touchpoint"), key=lambda t: t.at)
    if touchpoints:
        last = touchpoints[-1]
        summary = withhold.text(last.summary)
        lines += ["", f"Last contact: {last.at:%Y-%m-%d} {last.type} by {last.by} — {summary}"]
    feedback = sorted(repo.of_client(client.id, "feedback"), key=lambda f: f.on)
    if feedback:
        latest = feedback[-1]
        nps = f", NPS answer {latest.nps}" if latest.nps is not None else ""
        lines.append(f"Latest feedback: {latest.on} overall {latest.scores.overall}/5{nps}")
    # Each line is made inert whole: a record can neither break it nor start the next one.
    return [inert(line) for line in lines]


def _open_clocks(repo: Repository, client: Client, as_of: datetime) -> list[str]:
    """Overdue and at-risk clocks of the client (none when the policy cannot drive clocks)."""
    try:
        board = evaluate_all(repo, as_of, lines=False)
    except PolicyError:
        return ["  (the policy cannot be evaluated; run hirebook lint)"]
    return [
        f"  {finding.state!s:<8} {finding.message}"
        for finding in board.findings
        if finding.clock.client == client.id and finding.state in ("overdue", "at_risk")
    ]
