"""The one path every whole-agency command runs: read, lint, evaluate the clocks, merge.

The record files are split into parts of whole client folders (:mod:`hirebook.records.partition`).
Each part is read (with the policy and the team), linted and — when asked — its clocks
evaluated, and the parts' answers are merged in one order. One process is the same pipeline
with one part, run here; several processes run one part each (:mod:`hirebook.parallel`).
``lint --changed-since`` is the same pipeline with one part of its own: the changed records and
what refers to them.

A record's problems and clocks depend only on the policy, the team, its own client's folder
and whether other records *exist* (an id is its file name), so a part answers for its own
files exactly as a reading of the whole agency would. Candidates' personal fields are the one
thing every part needs from outside: the parent reads them once, while the workers read their
parts, and hands them over (:func:`hirebook.parallel.received`).

Only typed messages travel between processes (:class:`PartJob` out, :class:`PartAnswer`
back); this module knows nothing of reporters or pages: callers turn the :class:`Answer`
into output.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from hirebook import parallel
from hirebook.lint.engine import LintResult, as_written, find, settle
from hirebook.problem import Problem
from hirebook.records.document import Document
from hirebook.records.model import MODEL_OF_KIND
from hirebook.records.partition import POLICY, Part, split
from hirebook.records.repository import (
    Repository,
    few_collections,
    load,
    read_candidate_fields,
    record_paths,
)
from hirebook.sla.clock import Finding
from hirebook.sla.engine import evaluate_all, finding_order

EVERY_KIND = frozenset(MODEL_OF_KIND)
"""Keep every kind: what a caller that types the whole agency asks for."""


@dataclass(frozen=True)
class Request:
    """What every part computes; the same for all parts of one run."""

    records_dir: Path
    root: Path
    today: date
    """The day the lint rules judge by (retention dates, dates in the future)."""
    listing: list[str] | None
    """Every file below ``records/`` (``/`` paths, sorted): which records exist. None: ask
    the disk (``lint --changed-since`` lists no more than it reads)."""
    clocks_at: datetime | None = None
    """Evaluate the SLA clocks as of this instant (when no part has a lint error)."""
    rules: tuple[str, ...] | None = None
    """Only these SLA rules (default: all)."""
    lines: bool = True
    """Look up each clock's line (``sla`` and the handbook show it; ``report`` does not)."""
    keep: frozenset[str] = frozenset()
    """Kinds whose documents come back (when the run lints clean): what the caller types."""
    gate: tuple[str, ...] = ()
    """Lint codes that come back as written, whatever the policy's severities and ignore
    comments say (the personal-data gate)."""


@dataclass(frozen=True)
class PartJob:
    """The message to a worker: the request, its part, and where its candidates are."""

    request: Request
    part: Part
    whole: bool
    """The part is every file: its load is a complete one."""
    in_worker: bool = False
    """Runs in a worker process: candidates' personal fields come from the parent
    (:func:`parallel.received`), and documents travel back without their source text."""


@dataclass(frozen=True)
class PartAnswer:
    """The message back from a worker: only what belongs to its own files."""

    problems: list[Problem]
    """As settled by the policy (severities, ignore comments)."""
    known: set[str]
    """The part's files that are records (read, or with a problem), relative to the root."""
    findings: list[Finding]
    """Its clocks, each without its source document (the line is looked up already)."""
    documents: list[Document]
    """Its documents of the kept kinds (from a worker, without their source text)."""
    gated: list[Problem]
    """What the gate codes found, as written."""


@dataclass(frozen=True)
class Answer:
    """Every part's answers together, sorted as one reading of the whole agency sorts them."""

    lint: LintResult
    known: set[str]
    findings: list[Finding] = field(default_factory=list)
    """Every clock, overdue first (empty when the records have lint errors)."""
    documents: list[Document] = field(default_factory=list)
    """The documents of the kept kinds, by path (empty when the records have lint errors)."""
    gated: list[Problem] = field(default_factory=list)


def listing_of(records_dir: Path) -> list[str]:
    """Every file below ``records_dir`` as a ``/`` path relative to it, sorted."""
    return record_paths(records_dir)


# The parent receives every part's problems, clocks and records: as many objects as a load,
# and as costly to collect over and over (see few_collections).
@few_collections()
def run(
    request: Request,
    processes: int,
    parts: list[Part] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Answer:
    """Run ``request`` over ``parts`` (default: the listing split for ``processes``), one
    process per part, and merge the answers."""
    if parts is None:
        parts = split(request.listing, processes)
    whole = (
        request.listing is not None
        and len(parts) == 1
        and len(parts[0].read) >= len(request.listing)
    )
    if len(parts) == 1 or processes == 1:
        jobs = [PartJob(request, part, whole) for part in parts]
        return merge([check_part(job, progress) for job in jobs])
    # Every worker needs every candidate's personal fields (HB503, HB505): read once, here,
    # while the workers read their parts.
    jobs = [PartJob(request, part, False, in_worker=True) for part in parts]
    candidates = functools.partial(read_candidate_fields, request.records_dir)
    return merge(parallel.run(check_part, jobs, processes, progress, handed=candidates))


@few_collections()  # everything this process makes lives until it returns
def check_part(job: PartJob, progress: Callable[[int], None] | None = None) -> PartAnswer:
    """Read one part, lint it, evaluate its clocks if asked. Runs in a worker (a top-level
    function, so that it can be sent by name) or, for one part, here."""
    request, part = job.request, job.part
    base = str(request.records_dir)
    read = _per_file(progress)
    repo = load(
        request.records_dir,
        request.root,
        select=None if job.whole else {*part.read, POLICY}.__contains__,
        files=[os.path.join(base, *path.split("/")) for path in part.read],
        progress=read,
        listing=request.listing,
    )
    if job.in_worker:
        repo.candidates_read = functools.partial(_handed_candidates, request.records_dir)
    report = {repo.records_prefix + path for path in part.report}
    found = find(repo, request.today)
    settled = settle(repo, found, only=report)
    findings, documents = [], []
    if not settled.errors:
        if request.clocks_at is not None:
            board = evaluate_all(repo, request.clocks_at, rules=request.rules)
            findings = [
                _travelling(finding, request.lines)
                for finding in board.findings
                if finding.clock.record in report
            ]
        documents = [
            replace(document, text=None, _located=None) if job.in_worker else document
            for rel, document in repo.documents.items()
            if rel in report and document.kind in request.keep
        ]
    gated = [p for p in as_written(found, request.gate) if p.file in report]
    return PartAnswer(settled.problems, known_files(repo) & report, findings, documents, gated)


def _handed_candidates(records_dir: Path) -> dict[str, dict[str, str]]:
    """The candidates the parent read; read here if it could not."""
    fields = parallel.received()
    return fields if fields is not None else read_candidate_fields(records_dir)


def _per_file(progress: Callable[[int], None] | None) -> Callable[[str], None]:
    """What a load calls per file read: a worker counts for its parent (:func:`parallel.tick`);
    a run in this process tells ``progress`` itself."""
    if progress is None:
        return parallel.tick
    read = [0]

    def tick(_path: str) -> None:
        read[0] += 1
        progress(read[0])

    return tick


def _travelling(finding: Finding, lines: bool) -> Finding:
    """A finding without its clock's source document (a whole record to pickle for each
    clock), its line looked up first when it is wanted."""
    clock = finding.clock
    if clock.source is None:
        return finding
    line = clock.line if lines else None
    return replace(finding, clock=replace(clock, line_number=line, source=None))


def merge(answers: Iterable[PartAnswer]) -> Answer:
    """Every part's answers, together and sorted as one process would have them."""
    answers = list(answers)
    known: set[str] = set().union(*(answer.known for answer in answers))
    problems = sorted(
        (problem for answer in answers for problem in answer.problems),
        key=lambda p: (p.file, p.line, p.column, p.code),
    )
    linted = LintResult(problems=problems, files=len(known))
    gated = sorted(problem for answer in answers for problem in answer.gated)
    if linted.errors:
        return Answer(linted, known, gated=gated)
    findings = sorted((f for answer in answers for f in answer.findings), key=finding_order)
    documents = sorted(
        (d for answer in answers for d in answer.documents), key=lambda document: document.rel
    )
    return Answer(linted, known, findings, documents, gated)


def known_files(repo: Repository) -> set[str]:
    """Files that are records: the ones read, and the ones with a problem (as lint counts)."""
    return set(repo.documents) | {problem.file for problem in repo.problems}
