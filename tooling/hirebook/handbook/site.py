"""The library function behind both front ends: records in, Markdown pages out.

:func:`generate` is pure — a function of the repository, an instant and a language — and knows
nothing of MkDocs: the plugin turns its pages into ``File.generated`` objects, and
``hirebook handbook --out DIR`` writes them to disk. :func:`check` refuses records that must
not be published: any lint error (the build stops with the lint report instead of publishing a
half-true site) and any personal data found outside candidates' files
(:data:`hirebook.privacy.PERSONAL_DATA_CODES`: in free text, or a candidate's data in a
contact's or team member's fields), whatever the policy's severity settings and ignore comments
say, because the handbook is read by every member of staff. It is the one output that refuses:
the others (`export`, `sla`, `report`) withhold what the same rules find (:mod:`hirebook.privacy`).
"""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from hirebook import parallel
from hirebook.handbook import reporting
from hirebook.handbook.context import Context
from hirebook.handbook.deferred import Deferred, collecting
from hirebook.handbook.labels import labels_for
from hirebook.handbook.page import Page
from hirebook.handbook.pages import (
    cases,
    client,
    clients,
    home,
    lint_codes,
    policy_tables,
    problems,
    reports,
    requirement,
    sla_board,
    team,
)
from hirebook.handbook.reporting import ReportData
from hirebook.handbook.sources import Sources
from hirebook.lint.engine import LintResult, as_written, find, settle
from hirebook.output.text import TextReporter
from hirebook.partitioned import PartHook, absolute, below, check_in_parallel
from hirebook.privacy import PERSONAL_DATA_CODES
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository, assemble, load, load_policy
from hirebook.sla.engine import Board, PolicyError, calendar_of, evaluate_all

PAGE_BUILDERS: tuple[Callable[[Context], Iterator[tuple[str, Page]]], ...] = (
    home.pages,
    clients.pages,
    client.pages,
    requirement.pages,
    sla_board.pages,
    reports.pages,
    team.pages,
    cases.pages,
    problems.pages,
    lint_codes.pages,
)


class HandbookError(Exception):
    """The records cannot be published; the message is the report to show."""


@dataclass(frozen=True)
class Handbook:
    pages: dict[str, Page]
    """Generated pages by source path (``clients/acme/index.md``)."""
    fragments: dict[str, str]
    """Generated Markdown that hand-written pages include by placeholder (``sla-goals``…)."""
    as_of: datetime
    deferred: Deferred | None = None
    """The tables kept out of the Markdown (an MkDocs build), to be put back by the plugin."""
    processes: int = 1
    """How many processes read the records (several: a large agency, and forking is fine)."""


@dataclass(frozen=True)
class Stages:
    """What a caller of :func:`prepare` does between its stages (the plugin starts processes
    of its own while the records are read)."""

    reading: Callable[[int], None] = lambda processes: None
    """Before the records are read, with the number of processes that read them: the last
    moment this process has one thread, so the last to fork a process of its own."""
    part_read: Callable[[PartPages | None], None] = lambda part: None
    """A worker is done: the pages it wrote (None if the parent writes them), as it sends
    them. Not called when one process reads the records."""


def instant(repo: Repository, as_of: date | datetime | str | None) -> datetime:
    """``as_of`` as an aware instant in the policy timezone: default now; a bare date is the end
    of that day's working hours (as ``--as-of`` everywhere)."""
    if isinstance(as_of, str):
        as_of = datetime.fromisoformat(as_of) if len(as_of) > 10 else date.fromisoformat(as_of)
    if as_of is None:
        return datetime.now(repo.zone).replace(microsecond=0)
    if not isinstance(as_of, datetime):
        end = repo.policy.calendar.hours.end if repo.policy else "18:00"
        as_of = datetime.combine(as_of, time.fromisoformat(end))
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=repo.zone)
    return as_of.astimezone(repo.zone)


def check(repo: Repository, as_of: datetime) -> LintResult:
    """The lint result, or :class:`HandbookError` when the records must not be published.

    :data:`PERSONAL_DATA_CODES` (HB501–HB503, HB505) count as written: ``lint.severity: off``
    or an ignore comment cannot publish personal data.
    """
    found = find(repo, as_of.date())
    result = settle(repo, found)
    personal = as_written(found, PERSONAL_DATA_CODES)
    if result.errors or personal:
        raise HandbookError(_refusal(result, personal))
    return result


def _refusal(result: LintResult, personal: list[Problem]) -> str:
    lines = ["The handbook was not built: the records have problems that must be fixed first."]
    if result.errors:
        lines += ["", TextReporter().lint(LintResult(result.errors, result.files))]
    if personal:
        lines += [
            "",
            "The records would publish personal data (the handbook never publishes it, "
            "whatever lint.severity and ignore comments say):",
            TextReporter().lint(
                LintResult([p.with_severity(Severity.ERROR) for p in personal], result.files)
            ),
        ]
    return "\n".join(lines)


def prepare(
    records_dir: Path,
    root: Path,
    as_of: date | datetime | str | None,
    language: str = "en",
    sources: Sources | None = None,
    jobs: int = 0,
    deferred: Deferred | None = None,
    stages: Stages = Stages(),
) -> Handbook:
    """Read, check and generate: one process, or (a large agency) one per core.

    Several processes lint and evaluate the clocks of their parts (:mod:`hirebook.partitioned`)
    and send back the records the pages show — every kind but candidates, whose pages do not
    exist — so that only page generation runs here. Raises :class:`HandbookError` for records
    that must not be published, :class:`RecordsFolderError` for a missing folder. ``stages``
    are called as the work reaches them.
    """
    records_dir = records_dir.resolve()
    listing = below(records_dir)
    processes = parallel.jobs_for(jobs, len(listing))
    stages.reading(processes)
    if processes == 1:
        repo = load(records_dir, root, files=absolute(records_dir, listing))
        moment = instant(repo, as_of)
        result = check(repo, moment)
        return generate(repo, moment, language, sources, result, deferred=deferred)
    policy = load_policy(records_dir, root)
    moment = instant(policy, as_of)
    pages_job = PartPagesJob(moment, language, sources or Sources(), _kept(deferred))
    try:
        calendar = calendar_of(policy)
        outcome = check_in_parallel(
            records_dir,
            root,
            moment.date(),
            processes,
            listing,
            clocks_at=moment,
            ship=PUBLISHED_KINDS,
            lines="lazy",
            direct=PERSONAL_DATA_CODES,
            then=PartHook(part_pages, pages_job),
            arrived=stages.part_read,
        )
    except PolicyError as err:
        raise HandbookError(str(err)) from None
    if outcome.lint.errors or outcome.direct:
        raise HandbookError(_refusal(outcome.lint, outcome.direct))
    repo = assemble(records_dir, root, outcome.documents, listing)
    board = Board(as_of=calendar.to_local(moment), findings=outcome.findings)
    prebuilt = _adopted(outcome.then, deferred)
    handbook = generate(
        repo, moment, language, sources, outcome.lint, deferred=deferred, board=board,
        prebuilt=prebuilt, beside=True,
    )  # fmt: skip
    return dataclasses.replace(handbook, processes=processes)


# --- client pages written in the worker processes -------------------------------------------
#
# A client's page and its requirements' pages read only that client's folder, the policy, the
# team and the clocks of those records — all of which the worker that linted the folder holds.
# So the workers write them (half of the pages' time) and the parent writes the rest. That
# holds while every reference resolves inside its own folder and ids are unique, which the
# error-level rules HB305 and HB302 ensure; where the records pass only because the policy or
# an ignore comment silenced one of them, every page is written in the parent instead.

SELF_CONTAINED_CODES = ("HB302", "HB305")
"""Duplicate ids and references to another client's requirement: pages would then need other
clients' records."""

PART_PAGE_BUILDERS = (client.pages, requirement.pages)


@dataclass(frozen=True)
class PartPagesJob:
    as_of: datetime
    language: str
    sources: Sources
    kept: bool | None
    """Keep blocks out of Markdown (a :class:`Deferred` in the parent), and with ``True``
    whole pages too; None: plain Markdown (``hirebook handbook --out``)."""


@dataclass(frozen=True)
class PartPages:
    pages: dict[str, Page]
    deferred: Deferred | None


def part_pages(
    job: PartPagesJob, repo: Repository, board: Board | None, found: list[Problem]
) -> PartPages | None:
    """Runs in a worker: the pages of :data:`PART_PAGE_BUILDERS` for the part's clients, or
    None when they could depend on records of other parts."""
    if board is None or any(problem.code in SELF_CONTAINED_CODES for problem in found):
        return None
    ctx = Context(
        repo=repo, as_of=job.as_of, labels=labels_for(job.language), board=board,
        sources=job.sources,
    )  # fmt: skip
    kept = None if job.kept is None else Deferred(whole_pages=job.kept)
    with collecting(kept):
        pages = {path: page for builder in PART_PAGE_BUILDERS for path, page in builder(ctx)}
    return PartPages(pages, kept)


def _kept(deferred: Deferred | None) -> bool | None:
    return None if deferred is None else deferred.whole_pages


def _adopted(parts: list[object], deferred: Deferred | None) -> dict[str, Page]:
    """The pages the workers wrote, their blocks taken into ``deferred``; none unless every
    part could write its own."""
    if not parts or any(part is None for part in parts):
        return {}
    pages: dict[str, Page] = {}
    for part in parts:
        renumber = deferred.adopt(part.deferred) if deferred is not None else None
        for path, page in part.pages.items():
            if renumber is not None:
                page = Page(renumber(page.markdown), page.source)
            pages[path] = page
    return pages


PUBLISHED_KINDS = (
    "policy", "person", "client", "requirement", "plan", "application", "touchpoint",
    "feedback", "case",
)  # fmt: skip
"""Every kind the pages read: all but candidates (only their ids are ever shown)."""


def generate(
    repo: Repository,
    as_of: datetime,
    language: str = "en",
    sources: Sources | None = None,
    lint_result: LintResult | None = None,
    report: ReportData | None = None,
    deferred: Deferred | None = None,
    board: Board | None = None,
    prebuilt: dict[str, Page] | None = None,
    beside: bool = False,
) -> Handbook:
    """Every generated page of the handbook, as Markdown, from an already loaded repository.

    ``prebuilt`` pages (written by the worker processes) are taken as they are. With
    ``beside`` (a large agency), the report's numbers and the pages that show them are made in
    a process forked for the purpose while this one writes the others (:class:`ReportPages`).

    Linear in the number of records: clocks are evaluated once, indexes are built once in the
    :class:`Context`, and each page builder visits only the records its pages show.
    """
    result = lint_result if lint_result is not None else check(repo, as_of)
    if board is None:
        try:
            board = evaluate_all(repo, as_of)
        except PolicyError as err:
            raise HandbookError(str(err)) from None
    ctx = Context(
        repo=repo,
        as_of=as_of,
        labels=labels_for(language),
        board=board,
        problems=result.problems,
        sources=sources or Sources(),
        report=report,
        prebuilt=prebuilt or {},
    )
    elsewhere = ReportPages.start(ctx, deferred) if beside and report is None else None
    if elsewhere is None and ctx.report is None:
        ctx.report = reporting.compute(repo, as_of, board)
    by_builder: dict[Callable, list[tuple[str, Page]]] = {}
    try:
        with collecting(deferred):
            for builder in PAGE_BUILDERS:
                if elsewhere is None or builder not in REPORT_BUILDERS:
                    by_builder[builder] = list(builder(ctx))
            fragments = policy_tables.fragments(ctx)
        if elsewhere is not None:
            by_builder |= elsewhere.wait()
    finally:
        if elsewhere is not None:
            elsewhere.stop()  # gone already, unless a page above failed
    built = {path: page for builder in PAGE_BUILDERS for path, page in by_builder[builder]}
    return Handbook(pages=built, fragments=fragments, as_of=as_of, deferred=deferred)


# --- the report's pages beside the others ----------------------------------------------------
#
# Computing the report (every metric over every record) and writing the pages that show it (the
# reports and the team's workload) is about half of the main process's page writing, and needs
# nothing the other pages write. With a large agency that work goes to a process forked for it,
# while the second core would otherwise idle.

REPORT_BUILDERS = (reports.pages, team.pages)
"""The page builders that read the report's numbers (``ctx.report``)."""


class ReportPages:
    """The process that computes the report and writes :data:`REPORT_BUILDERS`' pages."""

    def __init__(self, process, results, deferred: Deferred | None) -> None:
        self.process = process
        self.results = results
        self.deferred = deferred

    @classmethod
    def start(cls, ctx: Context, deferred: Deferred | None) -> ReportPages | None:
        """Fork the process; None where forking is not safe."""
        context = parallel.fork_context()
        if context is None:
            return None
        results, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_report_pages,
            args=(ctx, _kept(deferred), sending),
            name="hirebook-reports",
            daemon=True,
        )
        process.start()
        sending.close()
        return cls(process, results, deferred)

    def wait(self) -> dict[Callable, list[tuple[str, Page]]]:
        """The pages by builder, their blocks taken into ``deferred``."""
        try:
            outcome, value = self.results.recv()
        except EOFError:
            outcome, value = "failed", "it stopped"
        finally:
            self.process.join(timeout=10)  # it exits once it has sent the pages
            self.stop()
        if outcome != "done":
            raise RuntimeError(f"the process writing the report pages failed: {value}")
        pages, kept = value
        renumber = self.deferred.adopt(kept) if self.deferred is not None else None
        return {
            builder: [
                (path, Page(renumber(page.markdown), page.source) if renumber else page)
                for path, page in pages[number]
            ]
            for number, builder in enumerate(REPORT_BUILDERS)
        }

    def stop(self) -> None:
        """End the process: it has sent its pages, or nobody will read them (a page of the
        main process failed)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.results.close()


def _report_pages(ctx: Context, kept: bool | None, sending) -> None:
    try:
        ctx.report = reporting.compute(ctx.repo, ctx.as_of, ctx.board)
        mine = None if kept is None else Deferred(whole_pages=kept)
        with collecting(mine):
            pages = [list(builder(ctx)) for builder in REPORT_BUILDERS]
        sending.send(("done", (pages, mine)))
    except Exception:  # a bug: the main process raises it
        sending.send(("failed", traceback.format_exc()))
    sending.close()
