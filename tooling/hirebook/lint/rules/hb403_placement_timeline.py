"""HB403 — A placement does not follow an accepted offer, or its dates are out of order.

A placement (`placement.start_on`) exists only for an accepted offer and starts on or after the
day of acceptance. Onboarding check-ins happen on or after the start day, and a hire leaves
(`left_on`) on or after it.

Example::

    offer: {made_on: 2026-04-02, declined_on: 2026-04-04}
    placement: {start_on: 2026-05-06}     # but the offer was declined

Fix: record the accepted offer, or correct the dates.
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB403"
NAME = "placement-timeline"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        placement = application.placement
        if placement is None:
            continue
        accepted = application.accepted_on
        start = placement.start_on
        if accepted is None:
            yield problem(
                CODE,
                application,
                ("placement",),
                "a placement is recorded but the offer was not accepted; add "
                "`offer.accepted_on` or remove the placement",
            )
        elif start and start < accepted:
            yield problem(
                CODE,
                application,
                ("placement", "start_on"),
                f"`placement.start_on` ({start}) is before the offer was accepted "
                f"({accepted}); correct the date",
            )
        if start is None:
            continue
        for index, check_in in enumerate(placement.check_ins):
            if check_in.on and check_in.on < start:
                yield problem(
                    CODE,
                    application,
                    ("placement", "check_ins", index, "on"),
                    f"check-in on {check_in.on} is before the start day {start}",
                )
        if placement.left_on and placement.left_on < start:
            yield problem(
                CODE,
                application,
                ("placement", "left_on"),
                f"`placement.left_on` ({placement.left_on}) is before the start day "
                f"{start}; correct the date",
            )
