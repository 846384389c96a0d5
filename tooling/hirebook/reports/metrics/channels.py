"""channels — source of hire: the funnel split by the application's `channel`.

Shows which channels bring candidates who get interviewed, hired and stay — the data behind
replacing a channel that yields poor resumes for a position.
"""

from __future__ import annotations

from collections import defaultdict

from hirebook.reports.context import ReportContext
from hirebook.reports.display import plural
from hirebook.reports.metrics import funnel
from hirebook.reports.view import Table

NAME = "channels"
TITLE = "Channels (source of hire)"
DESCRIPTION = """The `funnel`, with the same stages, periods and step rates, computed
separately for each application `channel`; channels with no application at any stage in the
period are left out. Channels are listed by accepted offers, then submissions (most first)."""
KEYED_BY = "channel"


def compute(ctx: ReportContext) -> dict:
    counts: dict[str, dict[str, int]] = defaultdict(funnel.empty_counts)
    for application in ctx.records("application"):
        funnel.add(counts[application.channel or "other"], application, ctx)
    seen = [(channel, c) for channel, c in counts.items() if any(c.values())]
    seen.sort(key=lambda item: (-item[1]["accepted"], -item[1]["submitted"], item[0]))
    return {channel: funnel.with_step_rates(c) for channel, c in seen}


def headline(result: dict) -> str:
    if not result:
        return "no applications in the period"
    channel, entry = next(iter(result.items()))
    return (
        f"{plural(len(result), 'channel')}; most accepted offers: {channel} "
        f"({entry['accepted']} accepted of {entry['submitted']} submitted)"
    )


def tables(result: dict) -> list[Table]:
    columns = ("channel", *(funnel.LABELS[stage] for stage in funnel.STAGES))
    rows = [
        (channel, *(entry[stage] for stage in funnel.STAGES)) for channel, entry in result.items()
    ]
    return [Table("By channel", columns, rows, in_summary=True)]
