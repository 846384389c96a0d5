"""One event recorded: checked against the record, written into its text, linted with the
rest of the agency, its clocks compared — and only then written, atomically.

The order is what keeps the person's file safe: nothing is written unless the event agrees
with the record (:class:`~hirebook.events.definitions.Refused` otherwise), the edit keeps every
other line (:class:`~hirebook.events.roundtrip.RoundTripError` otherwise), and the agency with
the edited record lints clean (:class:`NotClean` otherwise). The file on disk must still be
what was read when it is replaced (someone may have saved it meanwhile).

The edited agency is the part read around the record (:func:`~hirebook.events.locate.read_around`)
with the record's document read again from the new text — hirebook's own reader and schemas,
:func:`hirebook.records.repository.assemble` — without a second reading of the folder.
"""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from hirebook import atomic
from hirebook.events import locate
from hirebook.events.changes import Change
from hirebook.events.clocks import ClockChange, difference
from hirebook.events.definitions import Record
from hirebook.events.roundtrip import edit
from hirebook.lint.engine import LintResult, lint
from hirebook.records import files, schemas, yamlread
from hirebook.records.document import read_document
from hirebook.records.repository import Repository, assemble, record_paths
from hirebook.sla.engine import evaluate_all


class NotClean(ValueError):
    """The edited record does not lint clean with the rest of the agency."""

    def __init__(self, result: LintResult) -> None:
        super().__init__("the edited record does not lint clean")
        self.result = result


class ChangedMeanwhile(ValueError):
    """The file changed on disk while the event was being checked."""


@dataclass(frozen=True)
class Outcome:
    target: locate.Target
    changes: list[Change]
    text: str
    """The record's new text (written, unless it was a dry run)."""
    before: str
    clocks: ClockChange
    after: Repository


def record(
    repo: Repository,
    kind: str,
    record_id: str,
    event: Callable[[Record], list[Change]],
    as_of: datetime,
    today: date,
    write: bool = True,
) -> Outcome:
    """Record ``event`` (the record → its changes) on the record ``kind``/``record_id`` of
    ``repo`` (the part around it, lint-clean), the clocks compared as of ``as_of`` and lint
    judging by ``today``; the file is written when ``write``."""
    target = locate.find(repo, kind, record_id)
    raw = files.read_record(str(target.path))
    text = yamlread.decode(raw)
    changes = event(Record(record_id, target.document.data, repo.zone))
    new_text = edit(text, target.document.data, changes)
    if raw.startswith(codecs.BOM_UTF8):  # the reader leaves the mark out; the file keeps it
        new_text = "\ufeff" + new_text
    after = _edited(repo, target, new_text)
    result = lint(after, today)
    if result.errors:
        raise NotClean(result)
    clocks = difference(evaluate_all(repo, as_of), evaluate_all(after, as_of))
    if write:
        _replace(target, raw, new_text)
    return Outcome(target, changes, new_text, text, clocks, after)


def _edited(repo: Repository, target: locate.Target, text: str) -> Repository:
    """``repo`` with the target's document read from ``text``: schema problems refuse it."""
    old = target.document
    try:
        document = read_document(old.file, old.rel, old.place, text.encode("utf-8"))
    except yamlread.LoadProblem as problem:
        raise NotClean(_problems(old.rel, [problem])) from None
    except yamlread.LoadFailed as failed:
        raise NotClean(_problems(old.rel, failed.problems)) from None
    found = schemas.check(document, schemas.schema_dir(repo.root))
    if found:
        raise NotClean(LintResult(problems=found, files=1))
    documents = [document if d.rel == old.rel else d for d in repo.documents.values()]
    listing = repo.listing if repo.listing is not None else record_paths(repo.records_dir)
    edited = assemble(repo.records_dir, repo.root, documents, listing)
    # What was not read is known by name, as in ``repo`` (assemble types what it is given).
    return dataclasses.replace(edited, complete=repo.complete, listing=repo.listing)


def _problems(rel: str, problems) -> LintResult:
    from hirebook.problem import Problem, Severity

    found = [Problem(rel, p.line, p.column, p.code, Severity.ERROR, p.message) for p in problems]
    return LintResult(problems=found, files=1)


def _replace(target: locate.Target, raw: bytes, text: str) -> None:
    """Replace the file, still a regular file holding what was read, with ``text``."""
    rel = target.document.rel
    locate.refuse_unless_regular(target.path, rel)
    if files.read_record(str(target.path)) != raw:
        raise ChangedMeanwhile(
            f"{rel} changed while the event was being recorded; nothing was written — run the "
            "command again"
        )
    atomic.write_text(target.path, text)
