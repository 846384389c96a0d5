"""Lint (and evaluate the clocks of) a large agency on every core, with the same answers.

The files are split into parts of whole client folders (:mod:`hirebook.records.partition`).
Each worker process reads its part plus the policy and the team, runs every lint rule and,
for ``hirebook sla``, every clock, and sends back only what belongs to its own files: problems,
the list of files it read, evaluated clocks and, for ``hirebook report``, the plain data of the
kinds the metrics read — never typed records, whose pickling costs as much as reading them.
References to records of other parts are resolved by their files' existence, as
``lint --changed-since`` does.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from hirebook import parallel
from hirebook.lint.engine import LintResult, as_written, find, settle
from hirebook.output.json_format import compact
from hirebook.problem import Problem
from hirebook.records.document import Document
from hirebook.records.layout import Placement
from hirebook.records.partition import POLICY, Part, split
from hirebook.records.repository import (
    Repository,
    few_collections,
    load,
    read_candidate_fields,
    record_paths,
)
from hirebook.sla.clock import Clock, Finding, State
from hirebook.sla.duration import Duration
from hirebook.sla.engine import Board, evaluate_all, finding_order


@dataclass(frozen=True)
class PartJob:
    records_dir: Path
    root: Path
    part: Part
    today: date
    clocks_at: datetime | None = None
    """Evaluate the SLA clocks as of this instant (when the part lints without errors)."""
    rules: tuple[str, ...] | None = None
    ship: frozenset[str] = frozenset()
    """Kinds whose documents travel back (when the part lints clean), for ``hirebook report``."""
    lines: str = "now"
    """Each clock's line: looked up ``"now"`` (``hirebook sla`` shows them all), ``"lazy"``
    (the handbook shows a few: the parent reads the file again for those) or ``"none"``
    (the report shows none, and its metrics read only a clock's rule, client, tier, owner, due
    instant and state: only those travel, with what sorts them; ``line`` is then 1)."""
    direct: tuple[str, ...] = ()
    """Lint codes run as they are, whatever the policy's severities and ignore comments say
    (the handbook's personal-data gate)."""
    then: PartHook | None = None
    """More work on the part, done in the worker when it lints without errors (the handbook
    writes its client pages there)."""
    encode: bool = False
    """Write each finding as JSON here (``sla --format json``; needs ``lines="now"``): only
    that JSON and what sorts, scopes and filters the findings then travel back."""
    listing: list[str] | None = None
    """Every file below ``records/``: which records exist, without listing the folders again."""
    candidates: HandedCandidates | None = None
    """Every candidate's personal fields, read once for all the workers."""


@dataclass(frozen=True)
class HandedCandidates:
    """Every candidate's personal fields (:meth:`Repository.candidate_fields`), handed from
    the parent to its workers through a file.

    The workers need them only for their last rules (HB503, HB505), so they start at once,
    and the parent reads the candidates — with the same reader as any load — and writes what
    it found to ``path`` (whole, by renaming) while they read their records. A worker that
    asks before they are there waits for them.
    """

    path: str
    records_dir: Path
    """The records folder: read by the worker itself if the parent could not hand them."""

    def hand_over(self, fields: dict[str, dict[str, str]] | None) -> None:
        """Write ``fields`` for the workers; None tells them to read the candidates themselves."""
        part = f"{self.path}.part"
        with open(part, "wb") as handle:
            pickle.dump(fields, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, self.path)

    def result(self) -> dict[str, dict[str, str]]:
        """The fields the parent handed over; waits for them if need be."""
        give_up = time.monotonic() + _LONGEST_WAIT
        while not os.path.exists(self.path) and time.monotonic() < give_up:
            time.sleep(0.01)
        fields = None
        with contextlib.suppress(OSError), open(self.path, "rb") as handle:
            fields = pickle.load(handle)
        return fields if fields is not None else read_candidate_fields(self.records_dir)


_LONGEST_WAIT = 600.0
"""Seconds a worker waits for the parent's candidates before it reads them itself (a
safeguard: the parent hands them over, or says it cannot, as soon as it has read them)."""


@dataclass(frozen=True)
class PartHook:
    """``function(argument, repo, board, found)`` run in a worker on its part: ``repo`` is the
    part as read, ``board`` its clocks (or None), ``found`` its problems as written. The
    function must be importable by name (it is sent to the worker); its result is sent back."""

    function: Callable[[object, Repository, Board | None, list[Problem]], object]
    argument: object


@dataclass(frozen=True)
class PartResult:
    problems: list[Problem]
    known: set[str]
    """The part's files that are records (read, or with a problem), relative to the root."""
    findings: list[tuple]
    """Findings as plain tuples (see :func:`_plain_finding`): cheap to pickle."""
    documents: list[tuple]
    """Shipped documents as plain tuples (see :func:`_shipped`): cheap to pickle."""
    direct: list[Problem]
    then: object = None
    """What :attr:`PartJob.then` returned."""


@dataclass(frozen=True)
class Outcome:
    lint: LintResult
    findings: list[Finding]
    """Every clock of every part, sorted as :func:`hirebook.sla.engine.evaluate_all` sorts."""
    documents: list[Document]
    """The documents of the shipped kinds, schema-valid, of every part."""
    direct: list[Problem]
    """What the ``direct`` codes found, sorted."""
    then: list[object] = field(default_factory=list)
    """What :attr:`PartJob.then` returned for each part (none when any part has an error)."""


@few_collections()  # everything this process makes lives until it returns
def check_part(job: PartJob) -> PartResult:
    """Runs in a worker: read one part, lint it, evaluate its clocks if asked.

    A top-level function, so that it can be sent to a worker process by name.
    """
    wanted = {*job.part.read, POLICY}  # asked for even when missing: HB310 says so
    base = str(job.records_dir)
    files = [os.path.join(base, path) for path in job.part.read]
    repo = load(
        job.records_dir,
        job.root,
        select=wanted.__contains__,
        files=files,
        progress=parallel.tick,
        listing=job.listing,
    )
    if job.candidates is not None:
        repo.candidates_read = job.candidates.result
    report = {repo.records_prefix + path for path in job.part.report}
    found = find(repo, job.today)
    result = settle(repo, found, only=report)
    findings, documents, then = [], [], None
    if not result.errors:
        board = None
        if job.clocks_at is not None:
            board = evaluate_all(repo, job.clocks_at, rules=job.rules)
            findings = [
                _plain_finding(f, job.lines, job.encode)
                for f in board.findings
                if f.clock.record in report
            ]
        documents = [
            _shipped(document)
            for rel, document in repo.documents.items()
            if rel in report and document.kind in job.ship
        ]
        if job.then is not None:
            then = job.then.function(job.then.argument, repo, board, found)
    direct = [p for p in as_written(found, job.direct) if p.file in report]
    known = known_files(repo) & report
    return PartResult(result.problems, known, findings, documents, direct, then)


def _shipped(document: Document) -> tuple:
    """A document as builtins only; its text stays behind (read again if a line is needed)."""
    place = document.place
    return (
        str(document.file),
        document.rel,
        (place.kind, place.expected_id, place.client),
        document.data,
        document.line_offset,
        tuple(document.ignored),
        document.body,
    )


def _received(shipped: tuple) -> Document:
    file, rel, place, data, line_offset, ignored, body = shipped
    return Document(
        file=file,
        rel=rel,
        place=Placement(*place),
        data=data,
        text=None,
        line_offset=line_offset,
        ignored=frozenset(ignored),
        body=body,
    )


def _plain_finding(finding: Finding, lines: str, encode: bool = False) -> tuple:
    """A finding as builtins and values, its line as :attr:`PartJob.lines` says: pickling a
    dataclass, an enum member and a document per finding cost the parent more than evaluating
    the clocks (115,000 of them at 100,000 records)."""
    clock = finding.clock
    line, stub = 1, None
    if lines == "none":
        return (
            clock.rule, clock.client, clock.tier, clock.record, clock.subject, clock.owner,
            clock.due, str(finding.state),
        )  # fmt: skip
    if lines == "now" and encode:
        written = finding.as_dict()
        return (
            clock.rule, clock.client, clock.tier, clock.record, written["line"], clock.subject,
            clock.owner, clock.due, str(finding.state), compact(written),
        )  # fmt: skip
    if lines == "now":
        line = clock.line
    elif lines == "lazy":
        line = clock.line_number
        if line is None and clock.source is not None:  # read from the file if it is shown
            source, place = clock.source, clock.source.place
            stub = (str(source.file), source.rel, place.kind, place.expected_id, place.client)
            stub += (source.line_offset,)
    return (
        clock.rule, clock.client, clock.tier, clock.record, line, clock.subject, clock.owner,
        clock.describe, clock.goal.amount, clock.goal.unit, clock.started, clock.due,
        clock.stopped, clock.stop_is_date, clock.business, clock.due_date_rule, stub,
        clock.line_path, str(finding.state), finding.message, finding.remaining,
    )  # fmt: skip


def _finding(plain: tuple) -> Finding:
    """:func:`_plain_finding` undone."""
    if len(plain) == _ENCODED_FIELDS:
        return _encoded_finding(plain)
    if len(plain) == _REPORTED_FIELDS:
        return _reported_finding(plain)
    (
        rule, client, tier, record, line_number, subject, owner, describe, amount, unit,
        started, due, stopped, stop_is_date, business, due_date_rule, stub, line_path,
        state, message, remaining,
    ) = plain  # fmt: skip
    source = None
    if stub is not None:
        file, rel, kind, expected_id, of_client, line_offset = stub
        source = Document(
            file=file, rel=rel, place=Placement(kind, expected_id, of_client), data={},
            text=None, line_offset=line_offset,
        )  # fmt: skip
    # Built without __init__: a frozen dataclass sets each of its 17 fields through
    # object.__setattr__, and the parent of ``sla --all`` rebuilds 115,000 clocks. The values
    # are the ones a worker's clock held, so there is nothing for __init__ to check.
    clock = _new(Clock, {
        "rule": rule, "client": client, "tier": tier, "record": record,
        "line_number": line_number, "subject": subject, "owner": owner, "describe": describe,
        "goal": _duration(amount, unit), "started": started, "due": due, "stopped": stopped,
        "stop_is_date": stop_is_date, "business": business, "due_date_rule": due_date_rule,
        "source": source, "line_path": line_path,
    })  # fmt: skip
    return _new(
        Finding,
        {
            "clock": clock, "state": _STATES[state], "message": message,
            "remaining": remaining, "encoded": None,
        },
    )  # fmt: skip


_ENCODED_FIELDS = 10


def _encoded_finding(plain: tuple) -> Finding:
    """A finding a worker wrote as JSON (``sla --format json``). Only what the parent still
    needs travels: what sorts (:func:`finding_order`), scopes (client, owner, tier) and
    filters (state) the findings, and the JSON itself. The clock's other fields are None.
    Half the pickling of the full tuple: one date-time instead of three, no time span."""
    return _partial_finding(*plain)  # the same fields in the same order


_REPORTED_FIELDS = 8


def _reported_finding(plain: tuple) -> Finding:
    """A finding as the report's metrics read it (``lines="none"``): a third of the full tuple
    to pickle and unpickle for each of 115,000 clocks. The clock's other fields are None."""
    rule, client, tier, record, subject, owner, due, state = plain
    return _partial_finding(rule, client, tier, record, 1, subject, owner, due, state, None)


def _partial_finding(
    rule, client, tier, record, line_number, subject, owner, due, state: str, encoded
) -> Finding:
    """A finding that knows only what sorts, scopes and filters it (and maybe its JSON)."""
    clock = _new(Clock, {
        "rule": rule, "client": client, "tier": tier, "record": record,
        "line_number": line_number, "subject": subject, "owner": owner, "describe": None,
        "goal": None, "started": None, "due": due, "stopped": None, "stop_is_date": None,
        "business": None, "due_date_rule": None, "source": None, "line_path": (),
    })  # fmt: skip
    return _new(
        Finding,
        {"clock": clock, "state": _STATES[state], "message": None, "remaining": None,
         "encoded": encoded},
    )  # fmt: skip


def _new(cls: type, fields: dict) -> object:
    instance = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance


_STATES = {str(state): state for state in State}


@functools.cache
def _duration(amount: int, unit: str) -> Duration:
    return Duration(amount, unit)


def known_files(repo: Repository) -> set[str]:
    """Files that are records: the ones read, and the ones with a problem (as lint counts)."""
    return set(repo.documents) | {problem.file for problem in repo.problems}


def below(records_dir: Path) -> list[str]:
    """Every file below ``records_dir`` as a ``/`` path relative to it, sorted."""
    return record_paths(records_dir)


def absolute(records_dir: Path, listing: list[str]) -> list[str]:
    """:func:`below`'s listing as the absolute paths :func:`record_files` gives (no second
    walk of the folder for a one-process load)."""
    base = str(records_dir)
    return [os.path.join(base, *path.split("/")) for path in listing]


# The parent receives every part's problems, clocks and records: as many objects as a load,
# and as costly to collect over and over (see few_collections).
@few_collections()
def check_in_parallel(
    records_dir: Path,
    root: Path,
    today: date,
    processes: int,
    paths: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
    select_only: Callable[[set[str]], set[str]] | None = None,
    clocks_at: datetime | None = None,
    rules: Iterable[str] | None = None,
    ship: Iterable[str] = (),
    lines: str = "now",
    direct: Iterable[str] = (),
    then: PartHook | None = None,
    encode: bool = False,
    arrived: Callable[[object], None] | None = None,
) -> Outcome:
    """Lint every record in ``processes`` worker processes; with ``clocks_at``, evaluate the
    clocks too (only when no part has a lint error: they are not evaluated on broken records).

    ``paths`` is the listing of :func:`below` when the caller already has it. ``select_only``
    narrows what is reported, given every known file (PATH arguments), as a single-process run
    would narrow it. ``arrived`` is called with what ``then`` returned for each part, as the
    part comes in.
    """
    records_dir = records_dir.resolve()
    listing = paths if paths is not None else below(records_dir)
    rules = tuple(rules) if rules is not None else None
    received = None if arrived is None else (lambda result: arrived(result.then))
    with tempfile.TemporaryDirectory(prefix="hirebook-") as folder:
        # Every worker needs every candidate's personal fields (HB503, HB505): read once
        # here, while the workers read their parts.
        handed = HandedCandidates(os.path.join(folder, "candidates"), records_dir)

        def hand_over() -> None:
            found = None
            try:
                found = read_candidate_fields(records_dir)
            finally:
                handed.hand_over(found)  # whatever happens: no worker waits in vain

        jobs = [
            PartJob(
                records_dir,
                root,
                part,
                today,
                clocks_at,
                rules,
                frozenset(ship),
                lines,
                tuple(direct),
                then,
                encode and lines == "now",
                listing,
                handed,
            )
            for part in split(listing, processes)
        ]
        results = parallel.run(check_part, jobs, processes, progress, received, hand_over)
    return _outcome(results, select_only)


def _outcome(
    results: list[PartResult], select_only: Callable[[set[str]], set[str]] | None
) -> Outcome:
    """Every part's results, together and sorted as one process would have them."""
    known: set[str] = set().union(*(result.known for result in results))
    problems = [problem for result in results for problem in result.problems]
    if select_only is not None:
        only = select_only(known)
        problems = [problem for problem in problems if problem.file in only]
        files = len(only)
    else:
        files = len(known)
    problems.sort(key=lambda p: (p.file, p.line, p.column, p.code))
    linted = LintResult(problems=problems, files=files)
    findings = [] if linted.errors else [_finding(f) for result in results for f in result.findings]
    findings.sort(key=finding_order)
    documents = [] if linted.errors else [_received(d) for r in results for d in r.documents]
    found_directly = sorted(p for result in results for p in result.direct)
    then_results = [] if linted.errors else [result.then for result in results]
    return Outcome(linted, findings, documents, found_directly, then_results)
