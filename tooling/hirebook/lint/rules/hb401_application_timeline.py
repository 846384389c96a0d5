"""HB401 — An application's events are out of order.

An application moves forward in time: the resume is submitted (`submitted_at`), the client
gives feedback (`client_feedback.at`), interviews take place (`interviews[].at`), the client
gives each result (`result_at`) and the candidate is told (`candidate_notified_at`). A later
event dated before an earlier one is a typing mistake — and it would make an SLA clock run
backwards. Client feedback or interviews recorded without `submitted_at` are reported too.

Example::

    submitted_at: 2026-03-12T15:00:00+08:00
    client_feedback:
      at: 2026-03-11T11:00:00+08:00      # before the submission

Fix: correct the date or time that was mistyped.
"""

from collections.abc import Iterator
from datetime import datetime

from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.model import Application
from hirebook.records.repository import Repository

CODE = "HB401"
NAME = "application-timeline"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for application in repo.applications.values():
        yield from _check(application)


def _check(application: Application) -> Iterator[Problem]:
    submitted = application.submitted_at
    feedback = application.client_feedback
    if submitted is None and (feedback or application.interviews):
        yield problem(
            CODE,
            application,
            ("id",),
            "client feedback or interviews are recorded but `submitted_at` is missing; "
            "add when the resume was sent to the client",
        )
    feedback_at = feedback.at if feedback else None
    yield from _order(
        application, submitted, "submitted_at", feedback_at, ("client_feedback", "at")
    )
    for index, interview in enumerate(application.interviews):
        path = ("interviews", index)
        earlier = feedback_at or submitted
        earlier_name = "client_feedback.at" if feedback_at else "submitted_at"
        yield from _order(application, earlier, earlier_name, interview.at, (*path, "at"))
        yield from _order(
            application,
            interview.at,
            f"interview {interview.round}'s `at`",
            interview.result_at,
            (*path, "result_at"),
        )
        yield from _order(
            application,
            interview.at,
            f"interview {interview.round}'s `at`",
            interview.candidate_notified_at,
            (*path, "candidate_notified_at"),
        )


def _order(
    application: Application,
    earlier: datetime | None,
    earlier_name: str,
    later: datetime | None,
    later_path: tuple,
) -> Iterator[Problem]:
    if earlier is None or later is None or later >= earlier:
        return
    name = earlier_name if earlier_name.startswith("interview") else f"`{earlier_name}`"
    yield problem(
        CODE,
        application,
        later_path,
        f"`{path_label(later_path)}` ({later.isoformat()}) is before {name} "
        f"({earlier.isoformat()}); correct the date or time",
    )
