"""sla-compliance — how often the agency keeps its service standards.

Computed from the clocks of the SLA board, evaluated once as of `--as-of`. A clock is judged by
its due time: it counts in the period that holds its due day, once it is `met`, `breached` or
`overdue`. Clocks still running within their goal (`on_track`, `at_risk`) are not yet a success
or a failure and are left out. Clocks without a client, tier or owner (`data-retention`) are
grouped under `(none)`.
"""

from __future__ import annotations

from collections import defaultdict

from hirebook.reports import stats
from hirebook.reports.context import NO_GROUP, ReportContext
from hirebook.reports.display import percent
from hirebook.reports.view import Rate, Table
from hirebook.sla.clock import State
from hirebook.sla.registry import SLA_RULES

NAME = "sla-compliance"
TITLE = "SLA compliance"
DESCRIPTION = """`met` / (`met` + `breached` + `overdue`) over the SLA clocks whose due time
is in the period and on or before `--as-of`, with each clock in its state as of `--as-of`;
overall, and by rule, tier, client and owner (the person who must act); clocks without a
client, tier or owner are grouped under `(none)`."""

JUDGED = (State.MET, State.BREACHED, State.OVERDUE)
TIER_ORDER = ("strategic", "key", "ordinary")
GROUPS = ("rule", "tier", "client", "owner")


def entry(counts: dict[str, int]) -> dict:
    met, breached, overdue = counts["met"], counts["breached"], counts["overdue"]
    return {
        "met": met,
        "breached": breached,
        "overdue": overdue,
        "rate": stats.rate(met, met + breached + overdue),
    }


_NAME_OF_JUDGED = {state: str(state) for state in JUDGED}
"""Each judged state's name, looked up once (``str`` of an enum member is a Python call, and
this runs for every clock of every period of a report)."""


def _zero() -> dict[str, int]:
    return dict.fromkeys(_NAME_OF_JUDGED.values(), 0)


def compute(ctx: ReportContext) -> dict:
    total = _zero()
    by_rule, by_tier, by_client, by_owner = (defaultdict(_zero) for _ in GROUPS)
    for finding in ctx.findings:
        state = _NAME_OF_JUDGED.get(finding.state)
        clock = finding.clock
        if state is None or not ctx.counts(clock.due):
            continue
        total[state] += 1
        by_rule[clock.rule or NO_GROUP][state] += 1
        by_tier[clock.tier or NO_GROUP][state] += 1
        by_client[clock.client or NO_GROUP][state] += 1
        by_owner[clock.owner or NO_GROUP][state] += 1
    return {
        **entry(total),
        "by_rule": _ordered(by_rule, [rule.id for rule in SLA_RULES]),
        "by_tier": _ordered(by_tier, TIER_ORDER),
        "by_client": _named(by_client, ctx.client_name),
        "by_owner": _named(by_owner, ctx.person_name),
    }


def _ordered(counts: dict[str, dict[str, int]], order) -> dict:
    rank = {key: index for index, key in enumerate(order)}
    keys = sorted(counts, key=lambda k: (k == NO_GROUP, rank.get(k, len(rank)), k))
    return {key: entry(counts[key]) for key in keys}


def _named(counts: dict[str, dict[str, int]], name_of) -> dict:
    keys = sorted(counts, key=lambda k: (k == NO_GROUP, k))
    return {key: {"name": name_of(key), **entry(counts[key])} for key in keys}


def headline(result: dict) -> str:
    return (
        f"{percent(result['rate'])} ({result['met']} met, {result['breached']} breached, "
        f"{result['overdue']} overdue)"
    )


def tables(result: dict) -> list[Table]:
    tables = []
    for group in GROUPS:
        named = group in ("client", "owner")
        columns = (group, *(("name",) if named else ()), "met", "breached", "overdue", "rate")
        rows = [
            (
                key,
                *((e["name"],) if named else ()),
                e["met"],
                e["breached"],
                e["overdue"],
                Rate(e["rate"]),
            )
            for key, e in result[f"by_{group}"].items()
        ]
        tables.append(Table(f"By {group}", columns, rows, in_summary=group == "owner"))
    return tables
