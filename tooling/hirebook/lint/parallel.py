"""``hirebook lint --jobs N``: lint a large agency on every core, with the same answers.

The files are split into parts of whole client folders (:mod:`hirebook.records.partition`).
Each worker process reads its part plus the policy and the team, runs every rule, and sends
back only the problems of its own files and the list of files it read — never the records,
whose pickling would cost as much as reading them again. References to records of other parts
are resolved by their files' existence, as ``lint --changed-since`` does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hirebook import parallel
from hirebook.lint.engine import LintResult, lint
from hirebook.problem import Problem
from hirebook.records.partition import POLICY, Part, split
from hirebook.records.repository import Repository, load, record_files


@dataclass(frozen=True)
class LintJob:
    records_dir: Path
    root: Path
    part: Part
    today: date


@dataclass(frozen=True)
class PartResult:
    problems: list[Problem]
    known: set[str]
    """The files of the part that are records (read, or with a problem), relative to the root."""


def lint_part(job: LintJob) -> PartResult:
    """Runs in a worker: read one part and lint it (a top-level function, so it can travel)."""
    wanted = {*job.part.read, POLICY}  # asked for even when missing: HB310 says so
    base = str(job.records_dir)
    files = [os.path.join(base, path) for path in job.part.read]
    repo = load(
        job.records_dir, job.root, select=wanted.__contains__, files=files, progress=parallel.tick
    )
    report = {repo.records_prefix + path for path in job.part.report}
    result = lint(repo, job.today, only=report)
    return PartResult(result.problems, known_files(repo) & report)


def known_files(repo: Repository) -> set[str]:
    """Files that are records: the ones read, and the ones with a problem (as lint counts)."""
    return set(repo.documents) | {problem.file for problem in repo.problems}


def below(records_dir: Path) -> list[str]:
    """Every file below ``records_dir`` as a ``/`` path relative to it, sorted."""
    base = len(str(records_dir)) + 1
    return [path[base:].replace("\\", "/") for path in record_files(records_dir)]


def lint_in_parallel(
    records_dir: Path,
    root: Path,
    today: date,
    processes: int,
    paths: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
    select_only: Callable[[set[str]], set[str]] | None = None,
) -> LintResult:
    """Lint every record in ``processes`` worker processes.

    ``paths`` is the listing of :func:`below` when the caller already has it. ``select_only``
    narrows what is reported, given every known file (PATH arguments), as a single-process run
    would narrow it.
    """
    records_dir = records_dir.resolve()
    listing = paths if paths is not None else below(records_dir)
    jobs = [LintJob(records_dir, root, part, today) for part in split(listing, processes)]
    results = parallel.run(lint_part, jobs, processes, progress)
    known: set[str] = set().union(*(result.known for result in results))
    problems = [problem for result in results for problem in result.problems]
    if select_only is not None:
        only = select_only(known)
        problems = [problem for problem in problems if problem.file in only]
        files = len(only)
    else:
        files = len(known)
    problems.sort(key=lambda p: (p.file, p.line, p.column, p.code))
    return LintResult(problems=problems, files=files)
