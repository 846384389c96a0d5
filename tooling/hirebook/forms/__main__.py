"""``python -m hirebook.forms``: the issue of a GitHub event turned into a command's outcome,
written as files for ``.github/scripts/form-pr.sh`` (which does the git and ``gh`` side).

Exit status: 0 — a pull request to open (``outcome`` reads ``pull-request``) or an issue left
alone (``ignored``); 1 — the form was refused (``refused``; the comment is ``comment.md``);
2 — the event, the forms or the command could not be read or run (``error``).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.forms import issue, replies
from hirebook.output.inert import inert

EXIT = {issue.PULL_REQUEST: 0, issue.IGNORED: 0, issue.REFUSED: 1, issue.ERROR: 2}


@click.command("forms", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--event",
    "event_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The event's payload (GitHub Actions: $GITHUB_EVENT_PATH), an opened issue.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="An existing folder for the outcome's files (outcome, number, branch, title, "
    "commit-message, pull-request.md or comment.md).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The issue forms. Default: .github/ISSUE_TEMPLATE in the project folder.",
)
@common.records_option
def forms_command(event_path, out_dir, templates_dir, records_dir):
    """Read the issue form of a GitHub event and run its hirebook command.

    \b
    Example (what the forms workflow runs):
      python -m hirebook.forms --event "$GITHUB_EVENT_PATH" --out "$work"
    """
    records, root = common.locate(records_dir)
    templates = templates_dir or root / ".github" / "ISSUE_TEMPLATE"
    outcome = _outcome(event_path, root, records, templates)
    try:
        _write(out_dir, outcome)
    except OSError as err:
        raise machine_failure(err, "The outcome was not written.") from None
    for line in outcome.log:
        click.echo(inert(line))
    raise SystemExit(EXIT[outcome.kind])


def _outcome(event_path: Path, root: Path, records: Path, templates: Path) -> issue.Outcome:
    """The issue's outcome, or an error that says why the event could not be read (commented
    on the issue when the event names one)."""
    event: object = None
    try:
        event = json.loads(event_path.read_text(encoding="utf-8"))
        return issue.handle(event, root, records, templates)
    except (OSError, ValueError) as err:
        # ValueError: not UTF-8, not JSON, or an event without an issue (EventError).
        message = f"cannot read the event {event_path}: {err}"
    try:
        number = issue.issue_of(event)[0]
    except issue.EventError:
        return issue.Outcome(issue.ERROR, None, [message])
    return issue.Outcome(
        issue.ERROR, number, [message], {"comment.md": replies.machine_error(message)}
    )


def _write(out_dir: Path, outcome: issue.Outcome) -> None:
    files = {"outcome": outcome.kind, **outcome.files}
    if outcome.number is not None:
        files["number"] = str(outcome.number)
        files["branch"] = issue.branch(outcome.number)
    for name, text in files.items():
        atomic.write_text(out_dir / name, text)


if __name__ == "__main__":
    forms_command(prog_name="python -m hirebook.forms")
