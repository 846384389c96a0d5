"""HB410 — An application records events after the candidate withdrew.

`withdrawn.on` ends an application: the candidate took another offer or lost interest. Client
feedback, interviews or an offer dated after that day usually mean the withdrawal was recorded
on the wrong application.

Example::

    withdrawn: {on: 2026-03-20, reason: Took another offer}
    interviews:
      - {round: 2, at: 2026-03-25T14:00:00+08:00}

Fix: check which application the candidate withdrew from, and correct the date or the record.
"""

from collections.abc import Iterator
from datetime import date

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.model import Application
from hirebook.records.repository import Repository

CODE = "HB410"
NAME = "events-after-withdrawal"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        if application.withdrawn is None or application.withdrawn.on is None:
            continue
        withdrawn = application.withdrawn.on
        for path, day in _event_days(application, repo.zone):
            if day > withdrawn:
                yield problem(
                    CODE,
                    application,
                    path,
                    f"`{path_label(path)}` ({day}) is after the candidate "
                    f"withdrew on {withdrawn}; check the record",
                )


def _event_days(application: Application, zone) -> Iterator[tuple[tuple, date]]:
    if application.client_feedback and application.client_feedback.at:
        yield ("client_feedback", "at"), application.client_feedback.at.astimezone(zone).date()
    for index, interview in enumerate(application.interviews):
        if interview.at:
            yield ("interviews", index, "at"), interview.at.astimezone(zone).date()
    if application.offer and application.offer.made_on:
        yield ("offer", "made_on"), application.offer.made_on
