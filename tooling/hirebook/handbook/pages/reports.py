"""The reports page: every metric of reports.md over the year to date, with charts.

Charts are static SVG (funnel, channel effectiveness, time-to-fill distribution, SLA compliance
per rule by month, satisfaction by month); each is followed by a table of the same numbers,
its text alternative. Rates print as percentages with one decimal, as in ``hirebook report``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.charts.bars import horizontal_bars
from hirebook.handbook.charts.histogram import buckets, histogram
from hirebook.handbook.charts.lines import line_chart, small_multiples
from hirebook.handbook.charts.svg import figure
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.handbook.reporting import ReportData
from hirebook.sla.registry import SLA_RULES

FUNNEL_STEPS = ("submitted", "interview_requested", "interviewed", "offered", "accepted")
BUCKET_DAYS = 15


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REPORTS, Page(render(ctx))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def decimal(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def said(intro: str, parts: Iterable[str]) -> str:
    """A chart's <desc>: its one-line intro, then every number it draws, in words."""
    return f"{intro} {'; '.join(parts)}"


def render(ctx: Context) -> str:
    labels = ctx.labels
    data: ReportData | None = ctx.report
    head = [f"# {labels('reports.title')}", labels("reports.intro")]
    if data is None:
        return blocks.page({"title": labels("reports.title")}, *head, labels("reports.pending"))
    period = f"{data.period.start.isoformat()} – {data.period.end.isoformat()}"
    return blocks.page(
        {"title": labels("reports.title")},
        *head,
        f"**{labels('reports.period')}: {period}** · {ctx.as_of_line()}",
        _durations(ctx, data),
        _funnel(ctx, data),
        _channels(ctx, data),
        _outcomes(ctx, data),
        _sla(ctx, data),
        _satisfaction(ctx, data),
        _workload(ctx, data),
    )


def _durations(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    rows = []
    for name, key, unit in (
        ("time-to-fill", "reports.time_to_fill", labels("days")),
        ("time-to-first-submission", "reports.time_to_first_submission", labels("days")),
        ("client-feedback-time", "reports.client_feedback_time", labels("reports.hours")),
    ):
        result = data.summary.get(name, {})
        rows.append(
            [
                labels(key),
                result.get("count", 0),
                decimal(result.get("median")),
                decimal(result.get("mean")),
                decimal(result.get("p90")),
                unit,
            ]
        )
    headers = [
        labels("reports.metric"),
        labels("count"),
        labels("reports.median"),
        labels("reports.mean"),
        labels("reports.p90"),
        "",
    ]
    table = blocks.table(headers, rows, numeric=[1, 2, 3, 4])
    rows_ttf = buckets(data.time_to_fill_days, BUCKET_DAYS)
    chart = ""
    if rows_ttf:
        desc = labels("chart.ttf.desc") + " " + "; ".join(f"{a}–{b}: {n}" for a, b, n in rows_ttf)
        svg = histogram("hb-chart-ttf", labels("chart.ttf.title"), desc, rows_ttf, labels("days"))
        data_rows = [[f"{a}–{b}", n] for a, b, n in rows_ttf]
        chart = (
            figure(svg)
            + "\n\n"
            + blocks.table([labels("reports.bucket"), labels("count")], data_rows, numeric=[1])
        )
    return blocks.section(
        labels("reports.time_to_fill"), labels("reports.time_to_fill_desc"), table, chart
    )


def _funnel(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    funnel = data.summary.get("funnel", {})
    steps = [*FUNNEL_STEPS, "retained_90"]
    names = [labels(f"funnel.{step}") for step in steps]
    counts = [funnel.get(step, 0) or 0 for step in steps]
    pairs = zip(names, counts, strict=True)
    desc = said(labels("chart.funnel.desc"), (f"{n}: {c}" for n, c in pairs))
    svg = horizontal_bars(
        "hb-chart-funnel", labels("chart.funnel.title"), desc, names, [(labels("count"), counts)]
    )
    rates = funnel.get("step_rates", {})
    rows = [
        [name, count, percent(rates.get(step)) if step in rates else ""]
        for step, name, count in zip(steps, names, counts, strict=True)
    ]
    table = blocks.table(
        [labels("reports.funnel"), labels("count"), labels("reports.rate")], rows, numeric=[1, 2]
    )
    return blocks.section(labels("reports.funnel"), figure(svg), table)


def _channels(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    channels = data.summary.get("channels", {})
    ordered = sorted(channels.items(), key=lambda item: -(item[1].get("submitted") or 0))
    if not ordered:
        return blocks.section(labels("reports.channels"), labels("none"))
    names = [labels.value("channel", name) for name, _ in ordered]
    submitted = [values.get("submitted", 0) or 0 for _, values in ordered]
    accepted = [values.get("accepted", 0) or 0 for _, values in ordered]
    triples = zip(names, submitted, accepted, strict=True)
    desc = said(labels("chart.channels.desc"), (f"{n}: {s} / {a}" for n, s, a in triples))
    svg = horizontal_bars(
        "hb-chart-channels",
        labels("chart.channels.title"),
        desc,
        names,
        [(labels("chart.submitted"), submitted), (labels("chart.accepted"), accepted)],
    )
    rows = [
        [labels.value("channel", name)]
        + [values.get(step, 0) for step in FUNNEL_STEPS]
        + [percent(values["accepted"] / values["submitted"]) if values.get("submitted") else "—"]
        for name, values in ordered
    ]
    headers = [
        labels("app.channel"),
        *(labels(f"funnel.{s}") for s in FUNNEL_STEPS),
        labels("reports.hire_rate"),
    ]
    return blocks.section(
        labels("reports.channels"),
        figure(svg),
        blocks.table(headers, rows, numeric=[1, 2, 3, 4, 5, 6]),
    )


def _outcomes(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    offer = data.summary.get("offer-acceptance", {})
    fill = data.summary.get("fill-rate", {})
    retention = data.summary.get("retention-90", {})
    rows = [
        [
            labels("reports.offer_acceptance"),
            percent(offer.get("rate")),
            f"{offer.get('accepted', 0)} / {offer.get('accepted', 0) + offer.get('declined', 0)}",
        ],
        [
            labels("reports.fill_rate"),
            percent(fill.get("rate")),
            f"{fill.get('filled', 0)} / {fill.get('filled', 0) + fill.get('cancelled', 0)}",
        ],
        [
            labels("reports.retention_90"),
            percent(retention.get("rate")),
            f"{retention.get('retained', 0)} / {retention.get('placements', 0)}",
        ],
    ]
    table = blocks.table(
        [labels("reports.metric"), labels("reports.rate"), labels("count")], rows, numeric=[1, 2]
    )
    return blocks.section(labels("reports.placements"), table)


def _sla(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    compliance = data.summary.get("sla-compliance", {})
    by_rule = compliance.get("by_rule", {})
    rows = [
        [
            labels.value("rule", rule.id),
            values.get("met", 0),
            values.get("breached", 0),
            values.get("overdue", 0),
            percent(values.get("rate")),
        ]
        for rule in SLA_RULES
        if (values := by_rule.get(rule.id))
    ]
    headers = [
        labels("rule"),
        labels("state.met"),
        labels("state.breached"),
        labels("state.overdue"),
        labels("reports.rate"),
    ]
    total = f"{labels('total')}: **{percent(compliance.get('rate'))}**"
    return blocks.section(
        labels("reports.sla_compliance"),
        total,
        blocks.table(headers, rows, numeric=[1, 2, 3, 4]),
        _sla_chart(ctx, data),
    )


def _sla_chart(ctx: Context, data: ReportData) -> str:
    """Small multiples: each rule's monthly compliance over the trend months."""
    labels = ctx.labels
    series = []
    for rule in SLA_RULES:
        values = [
            month.get("sla-compliance", {}).get("by_rule", {}).get(rule.id, {}).get("rate")
            for month in data.monthly
        ]
        if any(value is not None for value in values):
            series.append((labels.value("rule", rule.id), values))
    if not series:
        return ""
    parts = (
        f"{name}: "
        + ", ".join(
            f"{m} {percent(v)}" for m, v in zip(data.months, values, strict=True) if v is not None
        )
        for name, values in series
    )
    desc = said(labels("chart.sla.desc"), parts)
    return figure(
        small_multiples("hb-chart-sla", labels("chart.sla.title"), desc, data.months, series)
    )


def _satisfaction(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    satisfaction = data.summary.get("satisfaction", {})
    overall = (
        f"{labels('reports.responses')}: **{satisfaction.get('responses', 0)}** · "
        f"{labels('fb.overall')}: **{decimal(satisfaction.get('mean_overall'))}** · "
        f"{labels('reports.nps')}: **{decimal(satisfaction.get('nps'))}**"
    )
    rows = [
        [
            ctx.client_link(paths.REPORTS, client_id, short=True)
            if client_id in ctx.repo.clients
            else escape.text(values.get("name")),
            values.get("responses", 0),
            decimal(values.get("mean_overall")),
            decimal(values.get("nps")),
        ]
        for client_id, values in sorted(satisfaction.get("by_client", {}).items())
    ]
    table = blocks.table(
        [
            labels("client"),
            labels("reports.responses"),
            labels("fb.overall"),
            labels("reports.nps"),
        ],
        rows,
        numeric=[1, 2, 3],
    )
    return blocks.section(
        labels("reports.satisfaction"),
        overall,
        table,
        _satisfaction_trend(ctx, data),
    )


def _satisfaction_trend(ctx: Context, data: ReportData) -> str:
    """The monthly mean overall score as a line, and the same numbers as a table."""
    labels = ctx.labels
    means = [month.get("satisfaction", {}).get("mean_overall") for month in data.monthly]
    if all(value is None for value in means):
        return ""
    pairs = zip(data.months, means, strict=True)
    desc = said(labels("chart.satisfaction.desc"), (f"{m}: {decimal(v)}" for m, v in pairs if v))
    title = labels("chart.satisfaction.title")
    chart = line_chart("hb-chart-satisfaction", title, desc, data.months, means, 1, 5)
    rows = [
        [m, decimal(v), month.get("satisfaction", {}).get("responses", 0)]
        for m, v, month in zip(data.months, means, data.monthly, strict=True)
    ]
    headers = [labels("reports.month"), labels("fb.overall"), labels("reports.responses")]
    table = blocks.table(headers, rows, numeric=[1, 2])
    return blocks.section(labels("reports.satisfaction_trend"), figure(chart), table, level=3)


def _workload(ctx: Context, data: ReportData) -> str:
    labels = ctx.labels
    workload = data.summary.get("workload", {})
    rows = []
    for person_id, values in workload.items():
        tiers = values.get("clients", {})
        rows.append(
            [
                ctx.person_link(paths.REPORTS, person_id),
                ", ".join(f"{ctx.tier_label(t)} {n}" for t, n in tiers.items() if n) or "0",
                values.get("open_requirements", 0),
                values.get("open_applications", 0),
                values.get("overdue", 0),
                values.get("at_risk", 0),
            ]
        )
    headers = [
        labels("name"),
        labels("team.clients"),
        labels("team.open_requirements"),
        labels("team.open_applications"),
        labels("team.overdue"),
        labels("team.at_risk"),
    ]
    return blocks.section(
        labels("reports.workload"),
        blocks.table(headers, rows, numeric=[2, 3, 4, 5]) or labels("none"),
    )
