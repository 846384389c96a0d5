"""HB308 — A person on the client's side is not among the client's contacts.

A requirement's `hiring_manager` and the client's signatory (`confirmation.client_signed_by`)
are people at the client. They must be listed under `contacts` in the client's `client.yaml`,
so that the account manager knows who to chase and the signature can be traced.

Example::

    hiring_manager: Li Na     # client.yaml contacts: Zhang Wei, Chen Hao

Fix: use the name exactly as it is written in `contacts`, or add the person there.
"""

import difflib
from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB308"
NAME = "unknown-contact"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for requirement in repo.requirements.values():
        client = repo.clients.get(requirement.client)
        if client is None:
            continue  # the client file itself is broken; that is reported there
        names = [contact.name for contact in client.contacts]
        named = (
            (("hiring_manager",), requirement.hiring_manager),
            (("confirmation", "client_signed_by"), requirement.confirmation.client_signed_by),
        )
        for path, name in named:
            if name and name not in names:
                close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else "add them to client.yaml"
                yield problem(
                    CODE,
                    requirement,
                    path,
                    f"`{name}` is not a contact of {client.id} (contacts: "
                    f"{', '.join(names) or 'none'}); {hint}",
                )
