"""satisfaction — what clients say: the mean overall score and the Net Promoter Score.

A survey counts in the period of its `on` day. NPS is on the usual scale from -100 to 100 and
counts only the responses that answered the NPS question; the mean counts every response
(`scores.overall` is required).
"""

from __future__ import annotations

from collections import defaultdict

from hirebook.records.model import Feedback
from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import NOT_AVAILABLE, amount, plural
from hirebook.reports.view import Amount, Table

NAME = "satisfaction"
TITLE = "Client satisfaction"
DESCRIPTION = """Feedback records whose `on` is in the period, per client and overall:
`mean_overall` = the mean of `scores.overall` (1–5) over all `responses`; `nps` = 100 ×
(`promoters` − `detractors`) / `nps_responses`, where `nps_responses` are the responses with
an `nps` answer, `promoters` answered 9–10, `passives` 7–8 and `detractors` 0–6."""


def summarise(items: list[Feedback]) -> dict:
    answers = [item.nps for item in items if item.nps is not None]
    promoters = sum(1 for score in answers if score >= 9)
    detractors = sum(1 for score in answers if score <= 6)
    nps = stats.rate(promoters - detractors, len(answers))
    return {
        "responses": len(items),
        "mean_overall": stats.mean([item.scores.overall for item in items]),
        "nps_responses": len(answers),
        "promoters": promoters,
        "passives": len(answers) - promoters - detractors,
        "detractors": detractors,
        "nps": None if nps is None else nps * 100,
    }


def compute(ctx: ReportContext) -> dict:
    by_client: dict[str, list[Feedback]] = defaultdict(list)
    for item in ctx.records("feedback"):
        if ctx.counts(item.on):
            by_client[item.client].append(item)
    every = [item for items in by_client.values() for item in items]
    return {
        **summarise(every),
        "by_client": {
            client: {"name": ctx.client_name(client), **summarise(items)}
            for client, items in sorted(by_client.items())
        },
    }


def headline(result: dict) -> str:
    responses = plural(result["responses"], "response")
    if not result["responses"]:
        return f"no feedback ({responses})"
    nps = NOT_AVAILABLE if result["nps"] is None else f"{result['nps']:.1f}"
    return (
        f"mean overall {amount(result['mean_overall'])} of 5 ({responses}); "
        f"NPS {nps} ({plural(result['nps_responses'], 'answer')})"
    )


def tables(result: dict) -> list[Table]:
    columns = ("client", "name", "responses", "mean overall", "NPS", "promoters", "detractors")
    rows = [
        (
            client,
            e["name"],
            e["responses"],
            Amount(e["mean_overall"]),
            Amount(e["nps"]),
            e["promoters"],
            e["detractors"],
        )
        for client, e in result["by_client"].items()
    ]
    return [Table("By client", columns, rows)]
