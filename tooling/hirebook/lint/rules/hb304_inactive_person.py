"""HB304 — A record names a team member who is no longer active.

A person with `active: false` has left or moved on; a client whose account manager is
inactive has nobody to answer it, and SLA clocks owned by them go unseen. Historical records
(who signed a confirmation in 2024) are fine: the warning is for records that still need an
owner — a client that is not `former`, an open follow-up or improvement action.

Example::

    account_manager: zhou-min    # records/team/zhou-min.yaml has active: false

Fix: hand the client or action over to an active team member.
"""

from collections.abc import Iterator

from hirebook.lint.people import person_references
from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.model import Client
from hirebook.records.repository import Repository

CODE = "HB304"
NAME = "inactive-person"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record, path, person_id in person_references(repo, owners_only=True):
        person = repo.people.get(person_id)
        if person is None or person.active:
            continue
        if isinstance(record, Client) and record.status == "former":
            continue
        yield problem(
            CODE,
            record,
            path,
            f"`{person_id}` is not active (records/team/{person_id}.yaml says `active: false`); "
            "hand this over to an active team member",
        )
