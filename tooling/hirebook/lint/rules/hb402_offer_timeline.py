"""HB402 — An offer is out of order with the interviews or with itself.

An offer is made on or after the day of the last interview, and accepted or declined on or
after the day it was made. It cannot be both accepted and declined.

Example::

    offer: {made_on: 2026-04-02, accepted_on: 2026-04-01}

Fix: correct the dates; for an offer that was declined and then renegotiated, record the final
answer only (and put the story in a touchpoint).
"""

from collections.abc import Iterator

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB402"
NAME = "offer-timeline"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        offer = application.offer
        if offer is None:
            continue
        if offer.accepted_on and offer.declined_on:
            yield problem(
                CODE,
                application,
                ("offer",),
                "the offer has both `accepted_on` and `declined_on`; keep the final answer",
            )
        for name in ("accepted_on", "declined_on"):
            answer = getattr(offer, name)
            if answer and offer.made_on and answer < offer.made_on:
                yield problem(
                    CODE,
                    application,
                    ("offer", name),
                    f"`offer.{name}` ({answer}) is before `offer.made_on` "
                    f"({offer.made_on}); correct one of the dates",
                )
        if (answer := offer.accepted_on or offer.declined_on) and not offer.made_on:
            yield problem(
                CODE,
                application,
                ("offer",),
                "the offer has an answer but no `made_on`; add the day it was made",
            )
        interview_days = [i.at.astimezone(repo.zone).date() for i in application.interviews if i.at]
        if offer.made_on and interview_days and offer.made_on < max(interview_days):
            yield problem(
                CODE,
                application,
                ("offer", "made_on"),
                f"`offer.made_on` ({offer.made_on}) is before the last interview "
                f"({max(interview_days)}); correct the date",
            )
