"""The library function behind both front ends: records in, Markdown pages out.

:func:`generate` is a function of the repository, an instant and a language (its calendar feeds
may be computed by a child process, :mod:`hirebook.handbook.background`, but are the same
bytes) and knows nothing of MkDocs: the plugin turns its pages into ``File.generated`` objects, and
``hirebook handbook --out DIR`` writes them to disk. :func:`check` refuses records that must
not be published: any lint error (the build stops with the lint report instead of publishing a
half-true site) and any personal data found outside candidates' files
(:data:`hirebook.privacy.redaction.PERSONAL_DATA_CODES`: in free text, or a candidate's data in a
contact's or team member's fields), whatever the policy's severity settings and ignore comments
say, because the handbook is read by every member of staff. It is the one output that refuses:
the others (`export`, `sla`, `report`) withhold what the same rules find
(:mod:`hirebook.privacy.redaction`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hirebook import parallel, pipeline
from hirebook.handbook import feeds, reporting
from hirebook.handbook.background import Background, fork_if
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
    my_work,
    policy_tables,
    problems,
    progress,
    reference,
    reference_commands,
    reference_export,
    reference_metrics,
    reference_records,
    reference_sla,
    reports,
    requirement,
    sla_board,
    team,
)
from hirebook.handbook.reporting import ReportData
from hirebook.handbook.sources import Sources
from hirebook.lint.engine import LintResult, as_written, find, settle
from hirebook.now import as_of_instant, parse_as_of
from hirebook.output.text import TextReporter
from hirebook.privacy import NOTHING, PERSONAL_DATA_CODES, Candidates, Redactor
from hirebook.problem import Problem, Severity
from hirebook.records.repository import RecordsFolderError, Repository, assemble, load_policy
from hirebook.sla.engine import Board, PolicyError, calendar_of, evaluate_all

PAGE_BUILDERS: tuple[Callable[[Context], Iterator[tuple[str, Page]]], ...] = (
    home.pages,
    clients.pages,
    client.pages,
    progress.pages,
    requirement.pages,
    sla_board.pages,
    reports.pages,
    team.pages,
    my_work.pages,
    cases.pages,
    problems.pages,
    lint_codes.pages,
    reference.pages,
    reference_commands.pages,
    reference_records.pages,
    reference_sla.pages,
    reference_metrics.pages,
    reference_export.pages,
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
    feed_paths: tuple[str, ...] = ()
    """The site paths of the calendar feeds (:mod:`hirebook.handbook.feeds`), files beside the
    pages, known before the feeds themselves are."""
    pending_feeds: Background[dict[str, bytes]] | None = None

    @property
    def feeds(self) -> dict[str, bytes]:
        """The calendar feeds by site path (waits for them if a child process writes them)."""
        return self.pending_feeds.result() if self.pending_feeds is not None else {}


def instant(repo: Repository, as_of: date | datetime | str | None) -> datetime:
    """``as_of`` as an aware instant in the policy timezone: default the policy's ``demo_as_of``
    or else now (:func:`hirebook.now.default_instant`); a bare date is the end of that day's
    working hours (as ``--as-of`` everywhere)."""
    if isinstance(as_of, str):
        as_of = parse_as_of(as_of)
    return as_of_instant(repo, as_of).astimezone(repo.zone)


def check(repo: Repository, as_of: datetime) -> LintResult:
    """The lint result, or :class:`HandbookError` when the records must not be published.

    :data:`PERSONAL_DATA_CODES` (HB501–HB503, HB505) count as written: ``lint.severity: off``
    or an ignore comment cannot publish personal data.
    """
    found = find(repo, as_of.date())
    result = settle(repo, found)
    personal = as_written(found, PERSONAL_DATA_CODES)
    if result.errors or personal:
        withheld = Redactor(Candidates.of(repo), personal) if personal else NOTHING
        raise HandbookError(_refusal(result, personal, withheld))
    return result


def _refusal(result: LintResult, personal: list[Problem], withheld: Redactor) -> str:
    """The report of a refused build; ``withheld`` redacts record text the lint messages
    quote (the build log leaves the machine too)."""
    lines = ["The handbook was not built: the records have problems that must be fixed first."]
    if result.errors:
        errors = withheld.lint(LintResult(result.errors, result.files))
        lines += ["", TextReporter().lint(errors)]
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
    links: feeds.Links | None = None,
) -> Handbook:
    """Read, check and generate. The records are read, linted and their clocks evaluated by
    the one pipeline of every command (:mod:`hirebook.pipeline`, in the processes ``jobs``
    asks for, as ``hirebook lint --jobs``); the pages are generated here.

    Raises :class:`HandbookError` for records that must not be published,
    :class:`RecordsFolderError` for a missing folder.
    """
    records_dir = records_dir.resolve()
    if not records_dir.is_dir():
        raise RecordsFolderError(f"records folder not found: {records_dir}")
    listing = pipeline.listing_of(records_dir)
    policy = load_policy(records_dir, root)
    moment = instant(policy, as_of)
    try:
        calendar = calendar_of(policy)
        request = pipeline.Request(
            records_dir,
            root,
            moment.date(),
            listing,
            clocks_at=moment,
            keep=PUBLISHED_KINDS,
            gate=PERSONAL_DATA_CODES,
        )
        processes = parallel.jobs_for(jobs, len(listing))
        answer = pipeline.run(request, processes)
    except PolicyError as err:
        raise HandbookError(str(err)) from None
    if answer.lint.errors or answer.gated:
        withheld = Redactor.after(answer.gated, records_dir, root)
        raise HandbookError(_refusal(answer.lint, answer.gated, withheld))
    repo = assemble(records_dir, root, answer.documents, listing)
    board = Board(as_of=calendar.to_local(moment), findings=answer.findings)
    return generate(
        repo, moment, language, sources, answer.lint, deferred=deferred, board=board,
        links=links, fork_feeds=processes > 1,
    )  # fmt: skip


PUBLISHED_KINDS = frozenset(
    ("policy", "person", "client", "requirement", "plan", "application", "touchpoint",
     "feedback", "case")
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
    links: feeds.Links | None = None,
    fork_feeds: bool = False,
) -> Handbook:
    """Every generated page of the handbook, as Markdown, from an already loaded repository;
    the calendar feeds too, by a forked child process while the pages are generated and built
    if ``fork_feeds`` (:mod:`hirebook.handbook.background`).

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
    )
    if ctx.report is None:
        ctx.report = reporting.compute(repo, as_of, board)
    # The site's links: absolute with its site_url.
    pending_feeds = Background(feeds.files, ctx, links, context=fork_if(fork_feeds))
    with collecting(deferred):
        built = {path: page for builder in PAGE_BUILDERS for path, page in builder(ctx)}
        fragments = policy_tables.fragments(ctx)
    return Handbook(
        pages=built,
        fragments=fragments,
        as_of=as_of,
        deferred=deferred,
        feed_paths=tuple(feeds.feed_paths(repo)),
        pending_feeds=pending_feeds,
    )
