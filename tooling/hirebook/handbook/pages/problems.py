"""The problems page: lint findings (file, line, code, message), linked to the record source.

Records with lint errors never reach this page — they stop the build — so it lists warnings.
A problem in a candidate file shows its place and code but not its message: messages may quote
the value they are about, and nothing from ``candidates/`` but an id is ever published.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.clocks import page_of_record
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.lint.registry import RULES_BY_CODE
from hirebook.problem import Problem


def is_personal(ctx: Context, problem: Problem) -> bool:
    """Whether the problem's file holds personal data (a candidate record)."""
    document = ctx.repo.documents.get(problem.file)
    if document is not None:
        return document.kind == "candidate"
    return "candidates" in PurePosixPath(problem.file).parts


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.PROBLEMS, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    rows = []
    for problem in ctx.problems:
        personal = is_personal(ctx, problem)
        message = labels("problems.personal") if personal else escape.text(problem.message)
        code = problem.code
        code_link = (
            blocks.link(
                blocks.code(code), paths.link(paths.PROBLEMS, paths.LINT_CODES, code.lower())
            )
            if code in RULES_BY_CODE
            else blocks.code(code)
        )
        target = None if personal else page_of_record(ctx, problem.file)
        record = (
            blocks.link(blocks.code(problem.record), paths.link(paths.PROBLEMS, target))
            if target and problem.record
            else ""
        )
        rows.append(
            [
                ctx.source(problem.file, problem.line),
                problem.line,
                code_link,
                labels.value("severity", str(problem.severity)),
                message,
                record,
            ]
        )
    headers = [
        labels("problems.file"),
        labels("problems.line"),
        labels("problems.code"),
        labels("lint.severity"),
        labels("problems.message"),
        labels("id"),
    ]
    return blocks.page(
        {"title": labels("problems.title")},
        f"# {labels('problems.title')}",
        f"{labels('problems.intro')}\n\n**{ctx.as_of_line()}**",
        blocks.table(headers, rows, numeric=[1]) or labels("problems.none"),
    )
