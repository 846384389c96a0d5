"""Where an application stands: its stage is derived from which events it records, never stored
(the handbook's ``reference/records.md``), so that the stage can never disagree with the events.

The stages are those of the recruiting pipeline (the candidates of a requirement, by stage);
the path every command runs is another thing, :mod:`hirebook.pipeline`.
"""

from __future__ import annotations

from hirebook.records.model import Application


def application_stage(application: Application) -> str:
    """Where an application stands, derived from which events are present (never stored)."""
    if application.withdrawn:
        return "withdrawn"
    if application.placement:
        return "placed"
    if application.offer:
        if application.offer.accepted_on:
            return "accepted"
        return "declined" if application.offer.declined_on else "offered"
    if application.interviews:
        if any(i.result == "fail" for i in application.interviews):
            return "rejected"
        return "interviewing"
    if application.client_feedback:
        return {"reject": "rejected", "hold": "on hold"}.get(
            application.client_feedback.decision or "", "interview requested"
        )
    return "awaiting feedback" if application.submitted_at else "screening"
