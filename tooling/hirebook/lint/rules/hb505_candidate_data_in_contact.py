"""HB505 — A client contact or team member holds a candidate's name, e-mail or phone.

A client contact's and a team member's `name`, `email` and `phone` are meant to hold a
person's data, and are published on the client's and the team's pages and in the export. A
candidate's own name, e-mail address or phone number entered there would publish the
candidate's personal data. Compared after normalisation (full-width letters and digits,
invisible characters and every kind of space folded): e-mail addresses case folded, phone
numbers by their digits with or without the country code, names as HB503 finds them. The
message names the candidate by id only. The handbook is not built while it is there; `export`,
`sla` and `report` show `[personal data withheld]` (or the candidate's id for a name).

Example::

    contacts:                           # candidates/cand-0901.yaml has these two
      - name: Ouyang Ming
        email: ouyang.ming@mail.example

Fix: write the contact's own work details; if the candidate has since joined the client and is
now a contact, remove the personal fields from the candidate's file (keep the id, consent and
`retain_until`).
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context
from hirebook.privacy import Candidates, normalise, person_fields
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.repository import Repository

CODE = "HB505"
NAME = "candidate-data-in-contact"
SEVERITY = Severity.WARNING

_WHOSE = {"person": "team member", "client": "client contact"}


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    index = None
    for document in repo.documents.values():
        if document.kind not in _WHOSE:
            continue
        for path, text in person_fields(document):
            if index is None:  # read only when someone has a person field
                index = Candidates.of(repo)
                if not index:
                    return
            found = index.owner(normalise(text))
            if found:
                candidate, what = found
                line, column = document.where(*path)
                yield Problem(
                    document.rel,
                    line,
                    column,
                    CODE,
                    SEVERITY,
                    f"`{path_label(path)}` of a {_WHOSE[document.kind]} holds the {what} of "
                    f"candidate `{candidate}`; a candidate's personal data stays in "
                    "records/candidates/ only",
                    str(document.id),
                )
