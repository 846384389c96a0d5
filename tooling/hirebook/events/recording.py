"""One event recorded: checked against the record, written into its text, linted with the
rest of the agency, its clocks compared — and only then written, atomically. A new record
(``hirebook progress --sent``'s touchpoint) goes through the same gate: :func:`check_new`,
then :func:`create`.

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
from pathlib import Path

from hirebook import atomic
from hirebook.events import locate
from hirebook.events.changes import Change
from hirebook.events.clocks import ClockChange, difference
from hirebook.events.definitions import Record
from hirebook.events.roundtrip import edit
from hirebook.lint.engine import LintResult, lint
from hirebook.problem import Problem, Severity
from hirebook.records import files, schemas, templates, yamlread
from hirebook.records.document import Document, read_document
from hirebook.records.layout import place_of
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
    new_text = edit(text, target.document.data, changes, templates.examples(kind, record_id))
    if raw.startswith(codecs.BOM_UTF8):  # the reader leaves the mark out; the file keeps it
        new_text = "\ufeff" + new_text
    after = _edited(repo, target, new_text)
    result = lint(after, today)
    if result.errors:
        raise NotClean(result)
    # With lines: the clocks the event stopped, started or ended are shown with their place.
    clocks = difference(evaluate_all(repo, as_of), evaluate_all(after, as_of))
    if write:
        _replace(target, raw, new_text)
    return Outcome(target, changes, new_text, text, clocks, after)


def _edited(repo: Repository, target: locate.Target, text: str) -> Repository:
    """``repo`` with the target's document read from ``text``: schema problems refuse it."""
    old = target.document
    document = _document(old.file, old.rel, old.place, text, repo.root)
    return _with_document(repo, document, repo.listing)


def _document(file, rel: str, place, text: str, root: Path) -> Document:
    """``text`` read as the record ``rel`` is read by lint; unreadable or invalid: NotClean."""
    try:
        document = read_document(file, rel, place, text.encode("utf-8"))
    except yamlread.LoadProblem as problem:
        raise NotClean(_problems(rel, [problem])) from None
    except yamlread.LoadFailed as failed:
        raise NotClean(_problems(rel, failed.problems)) from None
    found = schemas.check(document, schemas.schema_dir(root))
    if found:
        raise NotClean(LintResult(problems=found, files=1))
    return document


def _with_document(repo: Repository, document: Document, listing: list[str] | None) -> Repository:
    """``repo`` with ``document`` in place of the one of its path, or added to it."""
    others = [d for d in repo.documents.values() if d.rel != document.rel]
    every = listing if listing is not None else record_paths(repo.records_dir)
    edited = assemble(repo.records_dir, repo.root, [*others, document], every)
    # What was not read is known by name, as in ``repo`` (assemble types what it is given).
    return dataclasses.replace(edited, complete=repo.complete, listing=listing)


def _problems(rel: str, problems) -> LintResult:
    found = [Problem(rel, p.line, p.column, p.code, Severity.ERROR, p.message) for p in problems]
    return LintResult(problems=found, files=1)


# --- a new record -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewRecord:
    """A record to create, checked: the agency with it (``after``) lints clean."""

    path: Path
    text: str
    after: Repository


def check_new(repo: Repository, relative: str, text: str, today: date) -> NewRecord:
    """The record ``text`` at ``relative`` (below the records folder) checked as an event's
    edit is: read by hirebook's reader and schemas, then linted with ``repo`` (the part around
    it); :class:`NotClean` otherwise. Nothing is written."""
    place = place_of(relative)
    if place is None:
        raise ValueError(f"{relative} is not where a record lives")
    path = repo.records_dir / relative
    rel = f"{repo.records_prefix}{relative}"
    document = _document(str(path), rel, place, text, repo.root)
    listing = repo.listing if repo.listing is not None else record_paths(repo.records_dir)
    after = _with_document(repo, document, sorted({*listing, relative}))
    result = lint(after, today)
    if result.errors:
        raise NotClean(result)
    return NewRecord(path, text, after)


def create(new: NewRecord) -> None:
    """Create the checked record's file, atomically; :class:`FileExistsError` if it exists."""
    atomic.create_new(new.path, new.text)


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
