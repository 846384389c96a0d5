"""Which records a record refers to, by kind and id: the graph behind ``--changed-since``."""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.lint.people import person_references
from hirebook.records.model import Application, Feedback, Plan, Record, Requirement, Touchpoint
from hirebook.records.repository import Repository


def referrers(repo: Repository, targets: set[tuple[str, str]]) -> set[str]:
    """Relative paths of every record that refers to one of ``targets`` ((kind, id) pairs)."""
    found: set[str] = set()
    for record, kind, target in _edges(repo):
        if (kind, target) in targets and record.doc is not None:
            found.add(record.doc.rel)
    return found


def _edges(repo: Repository) -> Iterator[tuple[Record, str, str]]:
    for record, _path, person in person_references(repo):
        yield record, "person", person
    for record in repo.all_records():
        yield from ((record, kind, target) for kind, target in _record_edges(record))


def _record_edges(record: Record) -> Iterator[tuple[str, str]]:
    if record.client:
        # client.yaml holds the contacts, tier and SLA overrides every record of it depends on
        yield "client", record.client
    if isinstance(record, Application):
        yield "requirement", record.requirement
        yield "candidate", record.candidate
    elif isinstance(record, Plan):
        yield from (("requirement", r) for r in record.requirements)
    elif isinstance(record, (Touchpoint, Feedback)):
        if record.requirement:
            yield "requirement", record.requirement
        if isinstance(record, Touchpoint) and record.plan:
            yield "plan", record.plan
    elif isinstance(record, Requirement):
        return
