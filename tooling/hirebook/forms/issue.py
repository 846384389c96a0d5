"""An opened issue to an outcome: the form's command run and a pull request to open, a
refusal to comment on the issue, or an issue that is no business of ours.

Only an issue *opened* (the event's ``action``) by a member of the repository (its
``author_association`` is ``OWNER``, ``MEMBER`` or ``COLLABORATOR``) is read: the workflow's
trigger and condition say so too, and this is the second lock. An issue edited or reopened
is not read again (its form was read when it was opened, from the event's copy of the body:
an edit made before the workflow runs changes nothing); anyone else's issue, and an issue
that is none of the forms (a blank issue, an SLA exception), is left alone. The issue's
labels are not read: its author may remove or change them, and the body says which form it is.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from hirebook.forms import body, catalogue, replies, values
from hirebook.forms.catalogue import Template
from hirebook.output.inert import inert

MEMBERS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
PULL_REQUEST, REFUSED, IGNORED, ERROR = "pull-request", "refused", "ignored", "error"
COMMAND_TIMEOUT = 600  # seconds; a command over a large agency lints it all first


class EventError(ValueError):
    """The event is not an opened issue's (the workflow's setup, not the person's form)."""


@dataclass
class Outcome:
    """What became of the issue. ``files`` are the script's to read: the pull request's
    ``title``, ``commit-message`` and ``pull-request.md``, or a ``comment.md`` (and, written
    beside them, its :func:`branch`)."""

    kind: str
    number: int | None
    log: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)


def issue_of(event: object) -> tuple[int, dict]:
    """The issue's number and the issue, from the event's payload."""
    issue = event.get("issue") if isinstance(event, dict) else None
    number = issue.get("number") if isinstance(issue, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise EventError("the event is not an issue's: no issue number in it")
    return number, issue


def branch(number: int) -> str:
    """The branch of issue ``number``'s pull request: one per issue, so that the script can
    tell a re-run (the branch or its pull request exists) from a first run."""
    return f"hirebook-form/issue-{number}"


def handle(event: object, root: Path, records: Path, templates: Path) -> Outcome:
    """What to do with the issue of ``event``, its command run in ``root`` when it is a form."""
    number, issue = issue_of(event)
    action = event.get("action")
    if action != "opened":  # an edit, a reopening, a comment (its payload has the issue too)
        said = repr(inert(action)) if isinstance(action, str) else "no action"
        return Outcome(IGNORED, number, [f"#{number}: {said}, not 'opened': a form is read once"])
    association = issue.get("author_association")
    if association not in MEMBERS:
        return Outcome(IGNORED, number, [f"#{number} was not opened by a member: not read"])
    text = issue.get("body")
    text = text if isinstance(text, str) else ""
    try:
        forms = catalogue.load(templates)
    except catalogue.TemplateError as err:
        return _refusal(ERROR, number, replies.machine_error(str(err)), str(err))
    first = body.first_heading(text)
    template = next((t for t in forms if t.labels[0] == first), None)
    if template is None:
        return Outcome(IGNORED, number, [f"#{number} is none of the forms: nothing to do"])
    try:
        found = body.fields(text, template.labels)
    except body.BodyError as err:
        return _refusal(REFUSED, number, replies.refused_body(str(err)), str(err))
    argv, problems = command_of(template, found, records)
    if problems:
        comment = replies.refused_values(template.name, problems)
        return _refusal(REFUSED, number, comment, *problems)
    return _run(template, number, argv, root, records)


def command_of(template: Template, found: list[str], records: Path) -> tuple[list[str], list[str]]:
    """The command's argument vector from the form's values, or the problems with them."""
    form = template.form
    argv, options, problems = list(form.command), [], []
    for spec, raw in zip(form.fields, found, strict=True):
        element = template.elements[spec.element]
        if not raw:
            if spec.required:
                problems.append(f"{element.label}: it is empty, and the form needs it")
            continue
        try:
            value = values.check(spec.value, raw, element, records)
        except values.ValueProblem as err:
            problems.append(f"{element.label}: {err}")
            continue
        if spec.option is None:
            argv.append(value)
        else:
            # One element, the option and its value joined: a value starting with "-" is
            # still the value, never another option.
            options.append(f"{spec.option}={value}")
    return argv + options, problems


def _run(template: Template, number: int, argv: list[str], root: Path, records: Path) -> Outcome:
    """hirebook run with ``argv`` in ``root``: a pull request to open, or its refusal."""
    command = [sys.executable, "-m", "hirebook", *argv]
    if records.resolve() != (root / "records").resolve():
        command.append(f"--records={records}")  # given on our command line; not shown
    log = [f"#{number}: {replies.command_line(argv)}"]
    try:
        done = subprocess.run(
            command,
            cwd=root,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=COMMAND_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        return _refusal(ERROR, number, replies.machine_error(f"{command[0]}: {err}"), str(err))
    answer = done.stdout + done.stderr
    log += answer.splitlines()
    if done.returncode != 0:
        comment = replies.refused_command(argv, done.returncode, answer)
        return Outcome(REFUSED, number, log, {"comment.md": comment})
    return Outcome(PULL_REQUEST, number, log, _pull_request(template, number, argv, answer))


def _pull_request(template: Template, number: int, argv: list[str], answer: str) -> dict:
    """The files of the pull request that records the form: its title, commit message and
    body (the branch is :func:`branch`)."""
    title = f"{' '.join(template.name.split())}: {_subject(template, argv)} (#{number})"
    return {
        "title": title,
        "commit-message": f"{title}\n\nRecorded from issue #{number} with:\n\n"
        f"    {replies.command_line(argv)}\n",
        "pull-request.md": replies.pull_request(template.name, number, argv, answer),
    }


def _subject(template: Template, argv: list[str]) -> str:
    """The value of the form's subject field (an id, checked) as it went into the command."""
    spec = next(f for f in template.form.fields if f.element == template.form.subject)
    if spec.option is None:
        return argv[len(template.form.command)]
    prefix = spec.option + "="
    return next((word[len(prefix) :] for word in argv if word.startswith(prefix)), "")


def _refusal(kind: str, number: int, comment: str, *log: str) -> Outcome:
    return Outcome(kind, number, [f"#{number}: not recorded", *log], {"comment.md": comment})
