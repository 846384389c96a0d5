"""The SLA rule reference, from the rule modules and ``policy.yaml``: for every registered rule,
what starts and stops its clock, who acts, what stops it from starting, and its goal for each
tier — the rule's default and this agency's goal.

Each rule module declares ``STARTS``, ``STOPS``, ``OWNER`` and ``DEFAULT_GOALS``, and its
docstring is its documentation (:mod:`hirebook.sla.rule`); the page shows them as written, in
the registry's order, so a new rule is on the page the moment it is registered.
``tests/test_reference.py`` fails when a rule has no documentation.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, doctext, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.handbook.pages.policy_tables import goal_for
from hirebook.sla.context import NO_CLOCKS
from hirebook.sla.duration import UNITS
from hirebook.sla.registry import SLA_RULES
from hirebook.sla.rule import SlaRule


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE_SLA, Page(render(ctx))


def summary(rule: SlaRule) -> str:
    """The docstring's first line without the id: what the rule asks for."""
    text = rule.doc.partition("\n")[0].removeprefix(f"{rule.id} — ").strip()
    return text[:1].upper() + text[1:]


def explanation(rule: SlaRule) -> str:
    """The docstring after its first line: how the clock runs, in detail."""
    return rule.doc.partition("\n")[2].strip()


def default_goal(rule: SlaRule, tier: str) -> str:
    goals = rule.default_goals
    return str(goals.get(tier, goals.get("all", "0")))


def render(ctx: Context) -> str:
    labels = ctx.labels
    tiers = ctx.tiers
    rows = [
        [
            blocks.link(escape.text(labels.value("rule", rule.id)), f"#{rule.id}"),
            doctext.code(rule.id),
            *(labels.duration(goal_for(ctx.repo, rule.id, tier)) for tier in tiers),
        ]
        for rule in SLA_RULES
    ]
    headers = [labels("rule"), labels("id"), *(ctx.tier_label(tier) for tier in tiers)]
    policy = ctx.repo.policy
    percent = round((policy.warn_within if policy else 0.25) * 100)
    return blocks.page(
        {"title": labels("ref.sla.title")},
        f"# {labels('ref.sla.title')}",
        labels("ref.sla.intro"),
        labels(
            "ref.sla.no_clocks",
            statuses=labels("punct.list").join(
                labels.value("status.client", status) for status in NO_CLOCKS
            ),
        ),
        labels("policy.warn_within", percent=percent),
        blocks.table(headers, rows),
        _units(ctx),
        *(_rule(ctx, rule) for rule in SLA_RULES),
    )


def _units(ctx: Context) -> str:
    """How goals are written, each unit in words of the handbook's language."""
    labels = ctx.labels
    examples = [f"2{unit}" for unit in UNITS] + ["0"]
    rows = [[doctext.code(goal), labels.duration(goal)] for goal in examples]
    return blocks.section(
        labels("ref.sla.goals"),
        blocks.table([labels("ref.sla.goal"), labels("ref.sla.meaning")], rows),
        level=2,
    )


def _rule(ctx: Context, rule: SlaRule) -> str:
    labels = ctx.labels
    details = blocks.definitions(
        [
            (labels("id"), doctext.code(rule.id)),
            (labels("policy.sla_table.starts"), doctext.inline(rule.starts)),
            (labels("policy.sla_table.stops"), doctext.inline(rule.stops)),
            (labels("policy.sla_table.owner"), doctext.inline(rule.owner)),
        ]
    )
    goals = blocks.table(
        [labels("tier"), labels("ref.sla.default"), labels("ref.sla.agency")],
        [
            [
                ctx.tier_label(tier),
                labels.duration(default_goal(rule, tier)),
                labels.duration(goal_for(ctx.repo, rule.id, tier)),
            ]
            for tier in ctx.tiers
        ],
    )
    return blocks.section(
        f"{escape.text(labels.value('rule', rule.id))} {{#{rule.id}}}",
        doctext.inline(summary(rule)),
        details,
        goals,
        doctext.prose(explanation(rule)),
    )
