"""HB502 — Free text outside `candidates/` contains a phone number.

Like HB501, for phone numbers: ten or more digits, or eight or more after a `+`, possibly
grouped by spaces, dashes, dots or parentheses (`+86 (138) 0000-0001`; dates are not mistaken
for numbers). Full-width digits, no-break and other spaces, any kind of dash, invisible
characters, character references and percent-encoding count as their plain forms. The number is
not repeated in the message; `export`, `sla` and `report` show it as `[personal data withheld]`.

Example::

    note: Candidate prefers WhatsApp, +86 199 5550 1234

Fix: remove the number from the text; the candidate's file holds it.
"""

from collections.abc import Iterator

from hirebook import privacy
from hirebook.lint import freetext
from hirebook.lint.rule import Context
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.repository import Repository

CODE = "HB502"
NAME = "phone-in-text"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for document, path, text in freetext.suspects(repo, privacy.PHONE.search):
        if privacy.phone_numbers(text):
            line, column = freetext.where(document, path)
            yield Problem(
                document.rel,
                line,
                column,
                CODE,
                SEVERITY,
                f"`{path_label(path)}` contains a phone number; personal "
                "contact data belongs in records/candidates/ only — remove it",
                str(document.id),
            )
