"""The reports pages: a section for every registered metric, one page per period.

The periods (:data:`hirebook.handbook.reporting.PERIODS`: this quarter, last quarter, the year
to date, the last twelve months) are static pages with the same sections and charts, joined by
a selector of plain links; the year to date is the reports section's own page, the others
live beside it (``reports/<period>.md``) and stay out of search, which would otherwise find
every section four times. The monthly trend charts cover the same twelve months on each.

The sections follow the registry (:data:`hirebook.reports.registry.METRICS`), so a new metric
appears here without editing this module: it is shown by its headline and the tables its
module gives ``hirebook report NAME`` (:func:`_as_reported`). The metrics that have a view of
their own here (:data:`VIEWS`: charts, words in the handbook's language) are drawn by it.
Each section links to the metric's definition in the reference.

Charts are static SVG (funnel, channel effectiveness, time-to-fill distribution, SLA compliance
per rule by month, satisfaction by month); each is followed by a table of the same numbers,
its text alternative. Rates print as percentages with one decimal, as in ``hirebook report``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from hirebook.handbook import blocks, escape, paths
from hirebook.handbook.charts.bars import horizontal_bars
from hirebook.handbook.charts.histogram import buckets, histogram
from hirebook.handbook.charts.lines import line_chart, small_multiples
from hirebook.handbook.charts.svg import figure
from hirebook.handbook.context import Context
from hirebook.handbook.labels import Labels
from hirebook.handbook.page import Page
from hirebook.handbook.reporting import LANDING, PERIODS, PeriodReport, ReportData
from hirebook.reports.context import NO_GROUP
from hirebook.reports.display import cell_text, is_numeric
from hirebook.reports.metric import Metric
from hirebook.reports.metrics.funnel import STAGES as FUNNEL_ROWS
from hirebook.reports.registry import METRICS
from hirebook.sla.registry import SLA_RULES

FUNNEL_STEPS = FUNNEL_ROWS[:-1]
"""The stages up to the hire: the channels' columns (the funnel adds ``retained_90``)."""
BUCKET_DAYS = 15
PERIOD_NAMES = {
    "this-quarter": "reports.this-quarter",
    "last-quarter": "reports.last-quarter",
    "year-to-date": "reports.year-to-date",
    "last-12-months": "reports.last-12-months",
}
"""The label of each period of :data:`~hirebook.handbook.reporting.PERIODS`."""


@dataclass(frozen=True)
class Shown:
    """What one period's page draws from: that period's numbers, the trends shared by every
    period, and the page's own path (links are relative to it)."""

    path: str
    report: PeriodReport
    data: ReportData

    @property
    def summary(self) -> dict:
        return self.report.summary


def page_path(key: str) -> str:
    """Where the reports page of period ``key`` lives."""
    return paths.REPORTS if key == LANDING else paths.report_period(key)


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    if ctx.report is None:
        yield paths.REPORTS, Page(render(ctx, LANDING))
        return
    for key in PERIODS:
        yield page_path(key), Page(render(ctx, key))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def decimal(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def said(labels: Labels, intro: str, parts: Iterable[tuple[str, object]]) -> str:
    """A chart's <desc>: its one-line intro, then every number it draws, in words ("name:
    value" clauses, in the page's punctuation)."""
    clauses = (labels("punct.field", label=name, value=value) for name, value in parts)
    return f"{intro} {labels('punct.clauses').join(clauses)}"


def render(ctx: Context, key: str) -> str:
    """The reports page of period ``key``."""
    labels = ctx.labels
    data: ReportData | None = ctx.report
    if data is None:
        head = [f"# {labels('reports.title')}", labels("reports.intro")]
        return blocks.page({"title": labels("reports.title")}, *head, labels("reports.pending"))
    shown = Shown(page_path(key), data.periods[key], data)
    name_key = PERIOD_NAMES[key]
    name = labels(name_key)
    title = labels("punct.field", label=labels("reports.title"), value=name)
    front: dict[str, object] = {"title": title}
    if key != LANDING:
        front["search"] = blocks.NOT_SEARCHED
    period = f"{shown.report.period.start.isoformat()} – {shown.report.period.end.isoformat()}"
    return blocks.page(
        front,
        f"# {escape.text(title)}",
        labels("reports.intro"),
        _selector(ctx, key),
        f"**{labels('punct.field', label=escape.text(name), value=period)}** · {ctx.as_of_line()}",
        labels("reports.periods_note"),
        *(_section(ctx, shown, metric) for metric in METRICS),
    )


def _selector(ctx: Context, current: str) -> str:
    """The periods as plain links; the page's own period is bold text, not a link."""
    labels = ctx.labels
    here = page_path(current)
    names = {key: escape.text(labels(name_key)) for key, name_key in PERIOD_NAMES.items()}
    choices = [
        f"**{names[key]}**"
        if key == current
        else blocks.link(names[key], paths.link(here, page_path(key)))
        for key in PERIODS
    ]
    return labels("punct.field", label=labels("reports.period"), value=" · ".join(choices))


def _section(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    view = VIEWS.get(metric.name, _as_reported)
    target = paths.link(shown.path, paths.REFERENCE_METRICS, metric.name)
    return blocks.section(
        f"{escape.text(labels.value('metric', metric.name))} {{#{metric.name}}}",
        view(ctx, shown, metric),
        blocks.link(labels("reports.definition"), target),
    )


def _as_reported(ctx: Context, shown: Shown, metric: Metric) -> str:
    """A metric without a view of its own: its headline and the tables of ``hirebook report
    NAME``, in the words of its module."""
    result = shown.summary.get(metric.name, {})
    parts = [escape.text(metric.headline(result))]
    for table in metric.tables(result):
        rows = [[escape.text(cell_text(cell)) for cell in row] for row in table.rows]
        numeric = [i for i, cell in enumerate(table.rows[0]) if is_numeric(cell)] if rows else []
        headers = [escape.text(column) for column in table.columns]
        parts.append(
            blocks.section(escape.text(table.title), blocks.table(headers, rows, numeric), level=3)
        )
    return "\n\n".join(parts)


def _durations(unit_key: str) -> Callable[[Context, Shown, Metric], str]:
    """A duration metric: how many, median, mean and 90th percentile."""

    def view(ctx: Context, shown: Shown, metric: Metric) -> str:
        labels = ctx.labels
        result = shown.summary.get(metric.name, {})
        unit = labels(unit_key)
        measures = ("reports.median", "reports.mean", "reports.p90")
        headers = [
            labels("count"),
            *(labels("punct.aside", text=labels(key), aside=unit) for key in measures),
        ]
        row = [
            result.get("count", 0),
            decimal(result.get("median")),
            decimal(result.get("mean")),
            decimal(result.get("p90")),
        ]
        return blocks.table(headers, [row], numeric=[0, 1, 2, 3])

    return view


def _time_to_fill(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    table = _durations("days")(ctx, shown, metric)
    rows_ttf = buckets(shown.report.time_to_fill_days, BUCKET_DAYS)
    chart = ""
    if rows_ttf:
        desc = said(labels, labels("chart.ttf.desc"), ((f"{a}–{b}", n) for a, b, n in rows_ttf))
        svg = histogram("hb-chart-ttf", labels("chart.ttf.title"), desc, rows_ttf, labels("days"))
        data_rows = [[f"{a}–{b}", n] for a, b, n in rows_ttf]
        chart = (
            figure(svg)
            + "\n\n"
            + blocks.table([labels("reports.bucket"), labels("count")], data_rows, numeric=[1])
        )
    return "\n\n".join(part for part in (labels("reports.time_to_fill_desc"), table, chart) if part)


def _rate(part: str, *whole: str) -> Callable[[Context, Shown, Metric], str]:
    """A rate metric: the rate, and ``part`` out of the sum of ``whole`` (the counts it is
    computed from)."""

    def view(ctx: Context, shown: Shown, metric: Metric) -> str:
        labels = ctx.labels
        result = shown.summary.get(metric.name, {})
        total = sum(result.get(key, 0) or 0 for key in whole)
        rows = [[percent(result.get("rate")), f"{result.get(part, 0)} / {total}"]]
        return blocks.table([labels("reports.rate"), labels("count")], rows, numeric=[0, 1])

    return view


def _funnel(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    funnel = shown.summary.get(metric.name, {})
    names = [labels(f"funnel.{step}") for step in FUNNEL_ROWS]
    counts = [funnel.get(step, 0) or 0 for step in FUNNEL_ROWS]
    pairs = zip(names, counts, strict=True)
    desc = said(labels, labels("chart.funnel.desc"), pairs)
    svg = horizontal_bars(
        "hb-chart-funnel", labels("chart.funnel.title"), desc, names, [(labels("count"), counts)]
    )
    rates = funnel.get("step_rates", {})
    rows = [
        [name, count, percent(rates.get(step)) if step in rates else ""]
        for step, name, count in zip(FUNNEL_ROWS, names, counts, strict=True)
    ]
    table = blocks.table(
        [labels("app.stage"), labels("count"), labels("reports.rate")], rows, numeric=[1, 2]
    )
    return figure(svg) + "\n\n" + table


def _channels(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    channels = shown.summary.get(metric.name, {})
    ordered = sorted(channels.items(), key=lambda item: -(item[1].get("submitted") or 0))
    if not ordered:
        return labels("none")
    names = [labels.value("channel", name) for name, _ in ordered]
    submitted = [values.get("submitted", 0) or 0 for _, values in ordered]
    accepted = [values.get("accepted", 0) or 0 for _, values in ordered]
    triples = zip(names, submitted, accepted, strict=True)
    desc = said(labels, labels("chart.channels.desc"), ((n, f"{s} / {a}") for n, s, a in triples))
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
    return figure(svg) + "\n\n" + blocks.table(headers, rows, numeric=[1, 2, 3, 4, 5, 6])


def _sla(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    compliance = shown.summary.get(metric.name, {})
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
    total = labels(
        "punct.field", label=labels("total"), value=f"**{percent(compliance.get('rate'))}**"
    )
    table = blocks.table(headers, rows, numeric=[1, 2, 3, 4])
    return "\n\n".join(part for part in (total, table, _sla_chart(ctx, shown.data)) if part)


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
        (
            name,
            labels("punct.list").join(
                f"{m} {percent(v)}"
                for m, v in zip(data.months, values, strict=True)
                if v is not None
            ),
        )
        for name, values in series
    )
    desc = said(labels, labels("chart.sla.desc"), parts)
    return figure(
        small_multiples("hb-chart-sla", labels("chart.sla.title"), desc, data.months, series)
    )


def _satisfaction(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    satisfaction = shown.summary.get(metric.name, {})
    figures = (
        ("reports.responses", satisfaction.get("responses", 0)),
        ("fb.overall", decimal(satisfaction.get("mean_overall"))),
        ("reports.nps", decimal(satisfaction.get("nps"))),
    )
    overall = " · ".join(
        labels("punct.field", label=labels(key), value=f"**{value}**") for key, value in figures
    )
    rows = [
        [
            ctx.client_link(shown.path, client_id, short=True)
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
    trend = _satisfaction_trend(ctx, shown.data)
    return "\n\n".join(part for part in (overall, table, trend) if part)


def _satisfaction_trend(ctx: Context, data: ReportData) -> str:
    """The monthly mean overall score as a line, and the same numbers as a table."""
    labels = ctx.labels
    means = [month.get("satisfaction", {}).get("mean_overall") for month in data.monthly]
    if all(value is None for value in means):
        return ""
    pairs = zip(data.months, means, strict=True)
    desc = said(labels, labels("chart.satisfaction.desc"), ((m, decimal(v)) for m, v in pairs if v))
    title = labels("chart.satisfaction.title")
    chart = line_chart("hb-chart-satisfaction", title, desc, data.months, means, 1, 5)
    rows = [
        [m, decimal(v), month.get("satisfaction", {}).get("responses", 0)]
        for m, v, month in zip(data.months, means, data.monthly, strict=True)
    ]
    headers = [labels("reports.month"), labels("fb.overall"), labels("reports.responses")]
    table = blocks.table(headers, rows, numeric=[1, 2])
    return blocks.section(labels("reports.satisfaction_trend"), figure(chart), table, level=3)


def _workload(ctx: Context, shown: Shown, metric: Metric) -> str:
    labels = ctx.labels
    workload = shown.summary.get(metric.name, {})
    rows = []
    for person_id, values in workload.items():
        tiers = values.get("clients", {})
        rows.append(
            [
                _workload_owner(ctx, shown.path, person_id),
                labels("punct.list").join(f"{ctx.tier_label(t)} {n}" for t, n in tiers.items() if n)
                or "0",
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
    return blocks.table(headers, rows, numeric=[2, 3, 4, 5]) or labels("none")


def _workload_owner(ctx: Context, path: str, person_id: str) -> str:
    """A workload row's person; the metric's row of clocks nobody owns (``(none)``, the
    data-retention clocks: every client has an account manager) in the words the home page and
    the SLA board use for them."""
    if person_id == NO_GROUP:
        return ctx.labels("sla.no_owner")
    return ctx.person_link(path, person_id)


VIEWS: dict[str, Callable[[Context, Shown, Metric], str]] = {
    "time-to-fill": _time_to_fill,
    "time-to-first-submission": _durations("days"),
    "client-feedback-time": _durations("reports.hours"),
    "funnel": _funnel,
    "channels": _channels,
    "offer-acceptance": _rate("accepted", "accepted", "declined"),
    "fill-rate": _rate("filled", "filled", "cancelled"),
    "retention-90": _rate("retained", "placements"),
    "sla-compliance": _sla,
    "satisfaction": _satisfaction,
    "workload": _workload,
}
"""The metrics drawn in the handbook's own way (charts, labels in its language); any other
registered metric is shown as ``hirebook report NAME`` shows it."""
