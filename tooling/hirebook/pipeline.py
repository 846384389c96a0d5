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
thing every part needs from outside (the personal-data rules look for them everywhere), so
several processes work in two phases (:func:`hirebook.records.partition.split_in_phases`):
the candidates' parts first, which send back their candidates' fields, then the other parts,
which are sent all of them. Every file is read once.

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
from hirebook.records.partition import POLICY, Part, split, split_in_phases
from hirebook.records.repository import (
    CandidateFields,
    Repository,
    few_collections,
    first_per_candidate,
    load,
    personal_entries,
    personal_fields,
    record_paths,
)
from hirebook.sla.clock import Finding
from hirebook.sla.engine import finding_order, findings_of

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
    """Runs in a worker process: documents travel back without their source text."""
    candidates: CandidateFields | None = None
    """Every candidate's personal fields, read by the first phase (None: the load reads them
    when a rule asks, as a partial load of one process does)."""


@dataclass(frozen=True)
class PartAnswer:
    """The message back from a worker: only what belongs to its own files."""

    problems: list[Problem]
    """As settled by the policy (severities, ignore comments)."""
    known: set[str]
    """The part's files that are records (read, or with a problem), relative to the root."""
    findings: list[Finding]
    """Its clocks (each with its line, when the request asks for lines)."""
    documents: list[Document]
    """Its documents of the kept kinds (from a worker, without their source text)."""
    gated: list[Problem]
    """What the gate codes found, as written."""
    candidates: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    """(path, id, personal fields) of the candidates' files it reports
    (:func:`personal_entries`): the first phase's answer to the second."""


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
    return merge(_in_phases(request, processes, progress))


def _in_phases(
    request: Request, processes: int, progress: Callable[[int], None] | None
) -> list[PartAnswer]:
    """The parts' answers from worker processes: the candidates' parts, then the others with
    the candidates' fields (see the module's notes). One set of workers does both."""
    first, second = split_in_phases(request.listing, processes)
    with parallel.Workers(processes, progress) as workers:
        jobs = [PartJob(request, part, False, in_worker=True) for part in first]
        answers = workers.map(check_part, jobs)
        fields = first_per_candidate(entry for answer in answers for entry in answer.candidates)
        jobs = [PartJob(request, part, False, True, fields) for part in second]
        return [*answers, *workers.map(check_part, jobs)]


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
    report = {repo.records_prefix + path for path in part.report}
    own = [doc for rel, doc in repo.documents.items() if rel in report and doc.kind == "candidate"]
    if job.candidates is not None:
        repo.candidates_read = functools.partial(dict, job.candidates)
    elif job.in_worker:
        # The first phase knows only its own candidates: what the rules find with them in the
        # shared files is not reported here but by the second phase, which knows them all.
        repo.candidates_read = functools.partial(personal_fields, own)
    found = find(repo, request.today)
    settled = settle(repo, found, only=report)
    findings, documents = [], []
    if not settled.errors:
        if request.clocks_at is not None:
            evaluated = findings_of(repo, request.clocks_at, request.rules, request.lines)
            findings = [finding for finding in evaluated if finding.clock.record in report]
        documents = [
            replace(document, text=None, _located=None) if job.in_worker else document
            for rel, document in repo.documents.items()
            if rel in report and document.kind in request.keep
        ]
    gated = [p for p in as_written(found, request.gate) if p.file in report]
    known = known_files(repo) & report
    candidates = personal_entries(own) if job.in_worker else []
    return PartAnswer(settled.problems, known, findings, documents, gated, candidates)


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
