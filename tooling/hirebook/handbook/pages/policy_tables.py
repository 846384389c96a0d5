"""The tier table and the SLA goal table, drawn from ``policy.yaml``.

The hand-written policy pages carry placeholders (``<!-- hirebook:tiers -->``,
``<!-- hirebook:sla-goals -->``) that the plugin fills with these tables, so the handbook
always states exactly the goals the tools enforce — written once, in the policy file.
"""

from __future__ import annotations

from hirebook.handbook import blocks, escape
from hirebook.handbook.context import Context
from hirebook.records.repository import Repository
from hirebook.sla.registry import SLA_RULES, SLA_RULES_BY_ID

TIERS = "tiers"
SLA_GOALS = "sla-goals"


def goal_for(repo: Repository, rule_id: str, tier: str) -> str:
    """The goal of a rule for a tier: the policy's, else the rule's default (its module's
    ``DEFAULT_GOALS``)."""
    policy_goals = repo.policy.sla.get(rule_id, {}) if repo.policy else {}
    defaults = SLA_RULES_BY_ID[rule_id].default_goals
    for goals in (policy_goals, defaults):
        for key in (tier, "all"):
            if key in goals:
                return str(goals[key])
    return "0"


def fragments(ctx: Context) -> dict[str, str]:
    return {TIERS: tier_table(ctx), SLA_GOALS: sla_goal_table(ctx)}


def tier_table(ctx: Context) -> str:
    labels = ctx.labels
    counts: dict[str, int] = {}
    for client in ctx.repo.clients.values():
        counts[client.tier] = counts.get(client.tier, 0) + 1
    rows = []
    for tier in ctx.tiers:
        policy_tier = ctx.repo.policy.tiers.get(tier) if ctx.repo.policy else None
        rows.append(
            [
                ctx.tier_label(tier),
                blocks.code(tier),
                counts.get(tier, 0),
                labels.duration(goal_for(ctx.repo, "regular-meeting", tier)),
                escape.text(policy_tier.description) if policy_tier else "",
            ]
        )
    headers = [
        labels("policy.tier_table.tier"),
        labels("id"),
        labels("policy.tier_table.clients"),
        labels("policy.tier_table.meetings"),
        labels("note"),
    ]
    return blocks.table(headers, rows, numeric=[2])


def sla_goal_table(ctx: Context) -> str:
    labels = ctx.labels
    headers = [labels("policy.sla_table.rule"), labels("id")]
    headers += [ctx.tier_label(tier) for tier in ctx.tiers]
    headers += [labels("policy.sla_table.starts"), labels("policy.sla_table.stops")]
    headers.append(labels("policy.sla_table.owner"))
    rows = []
    for rule in SLA_RULES:
        row = [labels.value("rule", rule.id), blocks.code(rule.id)]
        row += [labels.duration(goal_for(ctx.repo, rule.id, tier)) for tier in ctx.tiers]
        # The rule module's words, translated by the catalogues (rule_starts.<id>, …).
        row += [
            _doc_text(labels.value("rule_starts", rule.id)),
            _doc_text(labels.value("rule_stops", rule.id)),
            escape.text(labels.value("rule_owner", rule.id)),
        ]
        rows.append(row)
    percent = round((ctx.repo.policy.warn_within if ctx.repo.policy else 0.25) * 100)
    return blocks.table(headers, rows) + "\n\n" + labels("policy.warn_within", percent=percent)


def _doc_text(text: str) -> str:
    """Rule-table text from the rule modules: `field` names become code, the rest is escaped."""
    parts = text.split("`")
    return "".join(
        blocks.code(part) if index % 2 else escape.text(part, strip=False)
        for index, part in enumerate(parts)
    )
