"""The lint code reference, drawn from the rule modules' docstrings.

Each rule's docstring is its user documentation (summary, explanation, an ``Example::`` block
and a ``Fix:`` line); the page shows it as written, so the reference cannot drift from the
code. Docstrings are rendered like record Markdown — raw HTML disabled — which costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, escape, paths, richtext
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.lint.registry import RULES
from hirebook.lint.rule import Rule


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.LINT_CODES, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    parts = []
    group = None
    for rule in RULES:
        if rule.code[:3] != group:
            group = rule.code[:3]
            parts.append(_group_heading(ctx, group))
        parts.append(_rule(ctx, rule))
    return blocks.page(
        {"title": labels("lint.title")},
        f"# {labels('lint.title')}",
        labels("lint.intro"),
        *parts,
    )


def _group_heading(ctx: Context, group: str) -> str:
    """A heading per hundred of codes (``HB3`` → "HB3xx — ids, references"), its words in the
    page's language: ``lint.group.hb3`` in the catalogues, where a new group (``HB7xx``) needs
    its words (``tests/handbook/test_labels.py`` fails until it has them in every language)."""
    return f"## {group}xx — {ctx.labels(f'lint.group.{group.lower()}')}"


def _rule(ctx: Context, rule: Rule) -> str:
    labels = ctx.labels
    first, _, rest = rule.doc.partition("\n")
    body = rest.strip().replace("Example::", "Example:")
    details = blocks.definitions(
        [
            (labels("lint.name"), blocks.code(rule.name)),
            (labels("lint.severity"), labels.value("severity", str(rule.severity))),
        ]
    )
    heading = f"### {escape.text(first)} {{#{rule.code.lower()}}}"
    return "\n\n".join(part for part in (heading, details, richtext.render(body)) if part)
