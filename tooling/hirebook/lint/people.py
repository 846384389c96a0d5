"""Where records name agency staff: shared by the rules on people (HB303, HB304)."""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.records.model import Action, Record
from hirebook.records.repository import Repository


def person_references(
    repo: Repository, owners_only: bool = False
) -> Iterator[tuple[Record, tuple, str]]:
    """(record, path, person id) for every person named in the records.

    With ``owners_only``, only the references that still carry responsibility: account and
    backup managers, and owners of actions not yet done.
    """
    for client in repo.clients.values():
        if client.account_manager:
            yield client, ("account_manager",), client.account_manager
        if client.backup_manager:
            yield client, ("backup_manager",), client.backup_manager
    for touchpoint in repo.touchpoints.values():
        if touchpoint.by and not owners_only:
            yield touchpoint, ("by",), touchpoint.by
        yield from _owners(touchpoint, "follow_ups", touchpoint.follow_ups, owners_only)
    for feedback in repo.feedback.values():
        if feedback.collected_by and not owners_only:
            yield feedback, ("collected_by",), feedback.collected_by
        yield from _owners(feedback, "actions", feedback.actions, owners_only)
    if owners_only:
        return
    for requirement in repo.requirements.values():
        signer = requirement.confirmation.agency_signed_by
        if signer:
            yield requirement, ("confirmation", "agency_signed_by"), signer
    for application in repo.applications.values():
        if application.recruiter:
            yield application, ("recruiter",), application.recruiter
    for case in repo.cases.values():
        if case.author:
            yield case, ("author",), case.author


def _owners(record: Record, field: str, actions: list[Action], open_only: bool):
    for index, action in enumerate(actions):
        if action.owner and not (open_only and action.done_on):
            yield record, (field, index, "owner"), action.owner
