"""A progress report as Markdown or as a printable HTML page, in the handbook's languages.

One composition (:func:`compose`) lays the report out as headings, lines, tables and lists;
a *writer* turns those into Markdown (:class:`MarkdownWriter`) or HTML (:class:`HtmlWriter`).
Words come from the handbook's catalogues (the ``progress.*`` block). Record text goes through
the writer's escaper: HTML escaping in the page; in Markdown, the characters that would make
markup (emphasis, links, raw HTML, a list or heading at the start) are escaped and control
characters made visible (:func:`hirebook.output.inert.inert`), so a milestone's name cannot
turn into a link or a script in the client's mail program; the handbook passes its own escaper
(:func:`hirebook.handbook.escape.text`).

The HTML page is self-contained — its only stylesheet is inlined — and uses the handbook's own
stylesheet (``site/assets/hirebook.css``), whose print rules lay out the printed requirement
confirmation: the report prints the same way, in black on white.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from hirebook.handbook import blocks
from hirebook.handbook.escape import clean as escape_clean
from hirebook.handbook.labels import Labels
from hirebook.output.inert import inert
from hirebook.progress.model import (
    DatedItem,
    PlanProgress,
    ProgressReport,
    RequirementProgress,
)
from hirebook.sla.clock import span_parts

STYLESHEET = "site/assets/hirebook.css"
"""The handbook's stylesheet, relative to the project files."""

Candidate = Callable[[str], str]
"""How a candidate is shown: the id, or (``--names``) the name and the id."""


def by_id(candidate: str) -> str:
    return candidate


# Label keys by value, written out so that the catalogue test can follow every key.
FIGURE_KEYS = {
    "submitted": "progress.figure.submitted",
    "interviews": "progress.figure.interviews",
    "hires": "progress.figure.hires",
    "milestones": "progress.figure.milestones",
    "late_feedback": "progress.figure.late_feedback",
}
RESULT_KEYS = {
    "pass": "progress.result.pass",
    "fail": "progress.result.fail",
    "pending": "progress.result.pending",
}
EVENT_KEYS = {
    "made": "progress.event.made",
    "accepted": "progress.event.accepted",
    "declined": "progress.event.declined",
    "started": "progress.event.started",
}
SPAN_KEYS = {
    "d": "progress.span.d",
    "h": "progress.span.dh",
    "bd": "progress.span.bd",
    "wh": "progress.span.bdh",
    "m": "progress.span.min",
}
"""The label of each unit of :func:`hirebook.sla.clock.span_parts`."""


def _word(labels: Labels, keys: dict[str, str], value: str, **values: object) -> str:
    """The label of ``value`` in one of the tables above."""
    key = keys[value]
    return labels(key, **values)


# --------------------------------------------------------------------------- escaping

_MARKUP = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(?:(\d+)(?=[.)])|(?=[-+>#=]))")


def markdown_text(value: object) -> str:
    """Record text for a Markdown document: one line, inert, no markup it could start."""
    text = inert(" ".join(str(value or "").split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKUP.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: (m.group(1) or "") + "\\", text, count=1)


_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


def markdown_code(value: str) -> str:
    """An id in backticks (ids are ``[a-z0-9-]``); anything else as escaped text."""
    return f"`{value}`" if _ID.fullmatch(value) else markdown_text(value)


# --------------------------------------------------------------------------- writers


class MarkdownWriter:
    """Markdown blocks; ``text`` escapes record text (:func:`markdown_text` by default) and
    ``code`` writes an id (:func:`markdown_code`; the handbook passes its own)."""

    def __init__(
        self,
        text: Callable[[object], str] = markdown_text,
        code: Callable[[str], str] | None = None,
    ) -> None:
        self.text = text
        self.code = code or markdown_code

    def heading(self, level: int, title: str) -> str:
        return f"{'#' * level} {title}"

    def line(self, *parts: str) -> str:
        return " · ".join(part for part in parts if part)

    def table(self, headers: Sequence[str], rows: list[list[str]], numeric=()) -> str:
        return blocks.table(headers, rows, numeric)

    def items(self, entries: Iterable[str]) -> str:
        return blocks.bullet_list(entries)

    def join(self, parts: Iterable[str]) -> str:
        return "\n\n".join(part for part in parts if part) + "\n"


class HtmlWriter:
    """HTML elements for the printable page; record text is HTML-escaped (after ``clean``,
    which may withhold personal data)."""

    def __init__(self, clean: Callable[[str], str] | None = None) -> None:
        self.clean = clean

    def text(self, value: object) -> str:
        words = " ".join(escape_clean(value).split())
        return html.escape(self.clean(words) if self.clean else words, quote=True)

    def code(self, value: str) -> str:
        return f"<code>{html.escape(value)}</code>"

    def heading(self, level: int, title: str) -> str:
        return f"<h{level}>{title}</h{level}>"

    def line(self, *parts: str) -> str:
        return "<p>" + " · ".join(part for part in parts if part) + "</p>"

    def table(self, headers: Sequence[str], rows: list[list[str]], numeric=()) -> str:
        if not rows:
            return ""

        def cell(tag: str, index: int, value: str) -> str:
            align = ' style="text-align:right"' if index in numeric else ""
            return f"<{tag}{align}>{value or '—'}</{tag}>"

        head = "".join(cell("th", i, h) for i, h in enumerate(headers))
        body = "".join(
            "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def items(self, entries: Iterable[str]) -> str:
        return "<ul>" + "".join(f"<li>{entry}</li>" for entry in entries) + "</ul>"

    def join(self, parts: Iterable[str]) -> str:
        return "\n".join(part for part in parts if part)


# --------------------------------------------------------------------------- composition


@dataclass(frozen=True)
class Composer:
    labels: Labels
    out: MarkdownWriter | HtmlWriter
    candidate: Candidate = by_id
    heading_base: int = 1
    """The level of the report's title (the handbook page nests it under its own)."""

    def h(self, depth: int, title: str) -> str:
        return self.out.heading(self.heading_base + depth, title)

    def who(self, candidate: str) -> str:
        shown = self.candidate(candidate)
        return self.out.code(shown) if shown == candidate else self.out.text(shown)

    def day(self, value: date | None) -> str:
        return value.isoformat() if value else "—"

    def instant(self, value: datetime | None, zone) -> str:
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else "—"

    def none(self) -> str:
        return self.out.line(self.labels("none"))


def compose(
    report: ProgressReport,
    labels: Labels,
    out: MarkdownWriter | HtmlWriter,
    candidate: Candidate = by_id,
    heading_base: int = 1,
) -> str:
    """The report's body, written by ``out``."""
    c = Composer(labels, out, candidate, heading_base)
    parts = [
        c.h(0, labels("progress.title", client=out.text(report.client_label))),
        out.line(period_words(report, labels)),
    ]
    if not report.plans:
        parts.append(out.line(labels("progress.no_plan")))
    for plan in report.plans:
        parts += _plan(c, report, plan)
    parts += [c.h(1, labels("progress.next_steps")), _next_steps(c, report) or c.none()]
    return out.join(parts)


def period_words(report: ProgressReport, labels: Labels, instant: str = "%Y-%m-%d %H:%M") -> str:
    """ "Period: 2026-11-13 17:00 – 2026-11-20 17:00 (Asia/Shanghai)"; whole days as dates,
    instants in the ``instant`` format."""
    period = report.period
    zone = period.zone
    if period.whole_days:
        span = f"{period.first_day.isoformat()} – {period.last_day.isoformat()}"
    else:
        span = f"{period.start.strftime(instant)} – {period.end.strftime(instant)}"
    return labels("progress.period", span=span, zone=getattr(zone, "key", str(zone)))


def _plan(c: Composer, report: ProgressReport, plan: PlanProgress) -> list[str]:
    labels, out = c.labels, c.out
    status = labels.value("status.plan", plan.status)
    parts = [
        c.h(1, labels("progress.plan", plan=out.code(plan.id), status=status)),
        c.h(2, labels("progress.figures")),
        _figures(c, plan),
    ]
    for requirement in plan.requirements:
        parts += _requirement(c, report, requirement)
    parts += [
        c.h(2, labels("progress.milestones")),
        _dated(c, plan.milestones, "progress.milestone") or c.none(),
        c.h(2, labels("progress.commitments")),
        _dated(c, plan.commitments, "progress.commitment") or c.none(),
    ]
    return parts


def _figures(c: Composer, plan: PlanProgress) -> str:
    labels = c.labels
    rows = [
        [
            _word(labels, FIGURE_KEYS, figure.key),
            str(figure.period),
            str(figure.to_date),
            "—" if figure.target is None else str(figure.target),
        ]
        for figure in plan.figures
    ]
    headers = [
        labels("progress.figure"),
        labels("progress.this_period"),
        labels("progress.to_date"),
        labels("progress.target"),
    ]
    return c.out.table(headers, rows, numeric=(1, 2, 3))


def _requirement(c: Composer, report: ProgressReport, r: RequirementProgress) -> list[str]:
    labels, out = c.labels, c.out
    zone = report.period.zone
    title = out.text(f"{r.title} ({r.title_local})" if r.title_local else r.title)
    pairs = (
        ("progress.requirement_status", labels.value("status.requirement", r.status)),
        ("progress.openings", r.openings),
        ("progress.hires", r.hires),
        ("progress.fill_by", c.day(r.target_fill_by)),
    )
    # "狀態：已確認" in Chinese, "Status: confirmed" in English (the catalogues' punct.field).
    facts = out.line(
        *(labels("punct.field", label=labels(key), value=value) for key, value in pairs)
    )
    submitted = out.table(
        [labels("progress.candidate"), labels("progress.application"), labels("progress.at")],
        [[c.who(s.candidate), out.code(s.application), c.instant(s.at, zone)] for s in r.submitted],
    )
    stages = out.table(
        [labels("progress.stage"), labels("progress.candidates")],
        [[labels.value("stage", stage), str(count)] for stage, count in r.stages],
        numeric=(1,),
    )
    return [
        c.h(2, f"{title} ({out.code(r.id)})"),
        facts,
        c.h(3, labels("progress.submissions")),
        out.line(
            labels("progress.submitted_counts", period=len(r.submitted), total=r.submitted_total)
        ),
        submitted,
        c.h(3, labels("progress.pipeline")),
        stages or c.none(),
        c.h(3, labels("progress.interviews")),
        _rounds(c, report, r),
        c.h(3, labels("progress.pending")),
        _pending(c, report, r) or c.none(),
        c.h(3, labels("progress.offers")),
        _offers(c, r) or c.none(),
    ]


def _rounds(c: Composer, report: ProgressReport, r: RequirementProgress) -> str:
    labels, out = c.labels, c.out
    zone = report.period.zone
    rows = [
        [
            labels("progress.held") if kind == "held" else labels("progress.booked"),
            c.who(round_.candidate),
            out.code(round_.application),
            str(round_.round),
            c.instant(round_.at, zone),
            _word(labels, RESULT_KEYS, round_.result) if round_.result in RESULT_KEYS else "—",
        ]
        for kind, rounds in (("held", r.held), ("booked", r.booked))
        for round_ in rounds
    ]
    headers = [
        labels("progress.interview"),
        labels("progress.candidate"),
        labels("progress.application"),
        labels("progress.round"),
        labels("progress.at"),
        labels("progress.result"),
    ]
    counts = out.line(labels("progress.interview_counts", held=len(r.held), booked=len(r.booked)))
    return out.join([counts, out.table(headers, rows, numeric=(3,))]).rstrip("\n")


def _pending(c: Composer, report: ProgressReport, r: RequirementProgress) -> str:
    labels, out = c.labels, c.out
    zone = report.period.zone
    rows = [
        [
            c.who(p.candidate),
            out.code(p.application),
            c.instant(p.submitted_at, zone),
            c.instant(p.due, zone),
            span_words(labels, p.late, p.business, report.day_length)
            if p.late
            else labels("progress.not_late"),
        ]
        for p in r.pending
    ]
    headers = [
        labels("progress.candidate"),
        labels("progress.application"),
        labels("progress.submitted"),
        labels("progress.deadline"),
        labels("progress.late"),
    ]
    return out.table(headers, rows)


def _offers(c: Composer, r: RequirementProgress) -> str:
    labels, out = c.labels, c.out
    rows = [
        [
            c.who(e.candidate),
            out.code(e.application),
            _word(labels, EVENT_KEYS, e.event),
            c.day(e.on),
        ]
        for e in r.offers
    ]
    headers = [
        labels("progress.candidate"),
        labels("progress.application"),
        labels("what"),
        labels("date"),
    ]
    return out.table(headers, rows)


def _dated(c: Composer, items: Sequence[DatedItem], name_key: str) -> str:
    labels, out = c.labels, c.out
    rows = [
        [
            out.text(item.name),
            c.day(item.due),
            c.day(item.done_on),
            labels.value("state", item.state) if item.state else "—",
        ]
        for item in items
    ]
    headers = [labels(name_key), labels("due"), labels("done"), labels("state")]
    return out.table(headers, rows)


def _next_steps(c: Composer, report: ProgressReport) -> str:
    labels, out = c.labels, c.out
    rows = [
        [
            out.text(step.action),
            out.text(step.owner) if step.owner else "—",
            c.day(step.due) + (f" ({labels('progress.late_mark')})" if step.late else ""),
            out.code(step.touchpoint),
        ]
        for step in report.next_steps
    ]
    headers = [
        labels("progress.action"),
        labels("owner"),
        labels("due"),
        labels("progress.touchpoint"),
    ]
    return out.table(headers, rows)


def sent_summary(report: ProgressReport, labels: Labels) -> str:
    """The summary of the ``progress_report`` touchpoint that records the report as sent: the
    period and its main figures, in the report's language."""
    totals: Counter[str] = Counter()
    for plan in report.plans:
        for figure in plan.figures:
            totals[figure.key] += figure.period
    return labels(
        "progress.sent_summary",
        span=period_words(report, labels, instant="%Y-%m-%dT%H:%M"),  # as records write instants
        submitted=totals["submitted"],
        interviews=totals["interviews"],
        hires=totals["hires"],
    )


def span_words(labels: Labels, span: timedelta, business: bool, day_length: timedelta) -> str:
    """A lateness in words, counted as the SLA board counts it
    (:func:`~hirebook.sla.clock.span_parts`): business clocks in working days of
    ``day_length``."""
    parts = span_parts(span, business, day_length)
    return " ".join(_word(labels, SPAN_KEYS, unit, n=count) for count, unit in parts)


# --------------------------------------------------------------------------- documents


def markdown(report: ProgressReport, labels: Labels, candidate: Candidate = by_id) -> str:
    """The report as a Markdown document (``hirebook progress``'s default)."""
    return compose(report, labels, MarkdownWriter(), candidate)


def html_page(
    report: ProgressReport,
    labels: Labels,
    stylesheet: str,
    candidate: Candidate = by_id,
    writer: HtmlWriter | None = None,
) -> str:
    """The report as one self-contained HTML page: ``stylesheet`` inlined, nothing loaded."""
    body = compose(report, labels, writer or HtmlWriter(), candidate)
    title = html.escape(labels("progress.title", client=" ".join(report.client_label.split())))
    lang = html.escape(labels.language)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{_page_style()}\n{stylesheet}\n</style>\n</head>\n"
        f'<body>\n<article class="md-typeset hb-progress">\n{body}\n</article>\n</body>\n</html>\n'
    )


@cache
def print_stylesheet() -> str:
    """The handbook's stylesheet, whose print rules the requirement confirmation prints by
    (``site/assets/hirebook.css`` of the project files: the source tree or the wheel's copy)."""
    from hirebook.scaffold import project_source

    return (project_source() / STYLESHEET).read_text(encoding="utf-8")


@cache
def _page_style() -> str:
    """The few rules a page outside the handbook's theme needs to read well on screen."""
    return (
        "body { font-family: system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif;"
        " margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }\n"
        "table { border-collapse: collapse; margin: 0.5em 0 1em; }\n"
        "th, td { border: 1px solid #999; padding: 0.2em 0.6em; vertical-align: top; }\n"
        "th { background: #eee; text-align: left; }"
    )
