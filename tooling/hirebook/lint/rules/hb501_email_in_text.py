"""HB501 — Free text outside `candidates/` contains an e-mail address.

Candidate contact details live only in `records/candidates/`, which is never published. An
e-mail address typed into a summary, note or comment elsewhere would reach the handbook, the
reports and CI logs. Contact fields meant for it (`email:` of a client contact or a team member)
are checked by HB505 instead. The text is normalised first, so an address written with a
full-width `＠`, with zero-width spaces inside, as `&#64;` or `%40`, inside HTML markup
(`<someone@mail.example>`, a comment) is found too, and so is a candidate's address spelled
out (`someone (at) mail (dot) example`, `[at]`, an `@` between spaces); spelled out, anyone
else's is taken for what it usually is, a job board's name ("posted @ zhaopin.com"). The
message does not repeat the address, so the warning itself does not spread it. The handbook is
not built while the address is there, and `export`, `sla` and `report` show it as
`[personal data withheld]`.

Example::

    summary: Called the candidate back on someone@mail.example

Fix: remove the address from the text; refer to the candidate by id (`cand-0042`).
"""

from collections.abc import Iterator

from hirebook import privacy
from hirebook.lint import freetext
from hirebook.lint.rule import Context
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.repository import Repository

CODE = "HB501"
NAME = "email-in-text"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    index = privacy.Candidates.of(repo)

    def has_email(text: str) -> bool:
        return bool(index.addresses(text))

    for document, path, text in freetext.suspects(repo, has_email):
        if has_email(text):
            line, column = freetext.where(document, path)
            yield Problem(
                document.rel,
                line,
                column,
                CODE,
                SEVERITY,
                f"`{path_label(path)}` contains an e-mail address; personal "
                "contact data belongs in records/candidates/ only — remove it and "
                "refer to the candidate by id",
                str(document.id),
            )
