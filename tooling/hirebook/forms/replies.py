"""The Markdown hirebook writes to GitHub for a form: the pull request's body and the comment
that refuses a form.

What a person typed, and what a command answered, goes into fenced code blocks, whose fence
is longer than any run of backticks in the text: no value can close the block, start a
heading, mention someone or hide as HTML.
"""

from __future__ import annotations

import re
import shlex

OUTPUT_LIMIT = 20_000
"""Characters of a command's answer kept in a reply (GitHub takes 65,536 in all)."""


def fenced(text: str, info: str = "text") -> str:
    """``text`` as a fenced code block that nothing in it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"


def command_line(argv: list[str]) -> str:
    """The command as one shell line a person could paste (every word quoted as needed)."""
    return "hirebook " + shlex.join(argv)


def cut(text: str) -> str:
    """``text`` cut to :data:`OUTPUT_LIMIT`, saying so: a reply GitHub takes whole."""
    if len(text) <= OUTPUT_LIMIT:
        return text
    return text[:OUTPUT_LIMIT] + "\n… (cut here; the workflow run's log has all of it)"


def pull_request(form_name: str, number: int, argv: list[str], answer: str) -> str:
    """The body of the pull request: it closes the issue, and says what was run."""
    said = fenced(cut(answer)) if answer.strip() else "_(nothing)_"
    return f"""\
Closes #{number}

The form "{_plain(form_name)}" of #{number}, recorded with:

{fenced(command_line(argv), "sh")}

What hirebook said:

{said}

A pull request opened by a workflow does not start the checks by itself: to run them, close
this pull request and reopen it (or push a commit to its branch). Review the change, then
merge it.
"""


def refused_values(form_name: str, problems: list[str]) -> str:
    """The comment when the form's values cannot make a command."""
    return f"""\
This form was not recorded: some of its values are not what the form "{_plain(form_name)}" \
takes.

{fenced(chr(10).join(problems))}

{_AGAIN}
"""


def refused_body(problem: str) -> str:
    """The comment when the body is not the form as GitHub writes it."""
    return f"""\
This issue was not recorded: its text is not a submitted form.

{fenced(problem)}

{_AGAIN}
"""


def refused_command(argv: list[str], status: int, answer: str) -> str:
    """The comment when hirebook refused the command: its exact answer."""
    return f"""\
This form was not recorded: hirebook refused the command (exit status {status}).

{fenced(command_line(argv), "sh")}

{fenced(cut(answer))}

{_AGAIN}
"""


def machine_error(problem: str) -> str:
    """The comment when the workflow, not the form, is at fault (its setup, its event)."""
    return f"""\
This form could not be recorded: the workflow could not run it.

{fenced(problem)}

Ask whoever keeps the repository to look at the workflow run. This issue stays open.
"""


_AGAIN = (
    "Nothing was changed and this issue stays open. Open a new issue with the form and the "
    "values corrected (editing this one does not run it again), or run the command on your "
    "computer."
)


def _plain(name: str) -> str:
    """A form's name (the agency's own template) inside quotes on one line."""
    return " ".join(name.replace('"', "'").split())
