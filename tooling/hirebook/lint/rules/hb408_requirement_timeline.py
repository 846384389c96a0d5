"""HB408 — A requirement's dates are out of order.

The need is received first (`received_at`); the confirmation is signed on or after that day;
changes come after the confirmation and are re-confirmed on or after the change; the
requirement is closed (`closed_on`) on or after the day it was received.

Example::

    received_at: 2026-03-02T10:00:00+08:00
    confirmation: {client_signed_on: 2026-02-27, ...}

Fix: correct the date that was mistyped.
"""

from collections.abc import Iterator
from datetime import date

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.model import Requirement
from hirebook.records.repository import Repository

CODE = "HB408"
NAME = "requirement-timeline"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for requirement in repo.requirements.values():
        received = (
            requirement.received_at.astimezone(repo.zone).date()
            if requirement.received_at
            else None
        )
        confirmation = requirement.confirmation
        pairs = [
            (
                received,
                "received",
                confirmation.client_signed_on,
                ("confirmation", "client_signed_on"),
            ),
            (
                received,
                "received",
                confirmation.agency_signed_on,
                ("confirmation", "agency_signed_on"),
            ),
            (received, "received", requirement.closed_on, ("closed_on",)),
        ]
        for index, change in enumerate(requirement.changes):
            pairs.append((requirement.signed_on, "confirmed", change.on, ("changes", index, "on")))
            pairs.append(
                (change.on, "changed", change.reconfirmed_on, ("changes", index, "reconfirmed_on"))
            )
        for earlier, what, later, path in pairs:
            yield from _order(requirement, earlier, what, later, path)


def _order(
    requirement: Requirement, earlier: date | None, what: str, later: date | None, path: tuple
) -> Iterator[Problem]:
    if earlier and later and later < earlier:
        yield problem(
            CODE,
            requirement,
            path,
            f"`{path_label(path)}` ({later}) is before the requirement was "
            f"{what} ({earlier}); correct the date",
        )
