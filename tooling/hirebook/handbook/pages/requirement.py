"""One page per requirement: the Recruitment Requirement Confirmation (招聘需求確認書).

Laid out like the document both sides sign — position background, responsibilities, candidate
requirements, timeline and budget, changes after confirmation, and a signature block for each
side — so that printing the page (the print stylesheet hides the site around it) gives the
paper to sign. The pipeline below it is screen-only.
"""

from __future__ import annotations

from collections.abc import Iterator

from hirebook.handbook import blocks, escape, paths, richtext
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.handbook.pages.client import application_table
from hirebook.records.model import Money, Plan, Requirement, Salary


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    for requirement in ctx.repo.requirements.values():
        if requirement.client not in ctx.repo.clients:
            continue
        path = paths.requirement(requirement.client, requirement.id)
        source = requirement.doc.rel if requirement.doc else None
        yield path, Page(render(ctx, requirement, path), source)


def render(ctx: Context, requirement: Requirement, path: str) -> str:
    labels = ctx.labels
    title = requirement.title
    if requirement.title_local:
        title = f"{title} ({requirement.title_local})"
    return blocks.page(
        {"title": f"{requirement.id} {title}"},
        f'<p class="hb-doc-kind">{escape.html_text(labels("req.document"))}</p>',
        f"# {escape.text(title)}",
        _header(ctx, requirement, path),
        blocks.section(labels("req.background"), richtext.render(requirement.background))
        if requirement.background
        else "",
        blocks.section(
            labels("req.responsibilities"),
            "\n".join(f"1. {escape.text(item)}" for item in requirement.responsibilities),
        )
        if requirement.responsibilities
        else "",
        _candidate_requirements(ctx, requirement),
        _changes(ctx, requirement),
        blocks.section(labels("req.confirmation"), _signatures(ctx, requirement)),
        _footer(ctx, requirement),
        _pipeline(ctx, requirement, path),
    )


def _header(ctx: Context, requirement: Requirement, path: str) -> str:
    labels = ctx.labels
    plans = ctx.repo.plans_by_requirement.get(requirement.id, [])
    return blocks.definitions(
        [
            (labels("req.client"), ctx.client_link(path, requirement.client)),
            (labels("id"), blocks.code(requirement.id)),
            (labels("status"), labels.value("status.requirement", requirement.status)),
            (labels("req.received_at"), ctx.instant(requirement.received_at)),
            (
                labels("req.location"),
                escape.text(requirement.location) if requirement.location else None,
            ),
            (labels("req.openings"), requirement.openings),
            (
                labels("req.hiring_manager"),
                escape.text(requirement.hiring_manager) if requirement.hiring_manager else None,
            ),
            (
                labels("req.target_fill_by"),
                ctx.date(requirement.target_fill_by) if requirement.target_fill_by else None,
            ),
            (labels("req.salary"), _salary(ctx, requirement.salary)),
            (labels("req.budget"), _money(requirement.budget)),
            (
                labels("req.plans"),
                labels("punct.list").join(_plan_link(ctx, path, plan) for plan in plans) or None,
            ),
            (
                labels("req.closed_on"),
                ctx.date(requirement.closed_on) if requirement.closed_on else None,
            ),
            (
                labels("req.close_reason"),
                escape.text(requirement.close_reason) if requirement.close_reason else None,
            ),
        ]
    )


def _plan_link(ctx: Context, path: str, plan: Plan) -> str:
    """A plan's id, linking to its section of the client's page."""
    if plan.client not in ctx.repo.clients:
        return blocks.code(plan.id)
    return blocks.link(blocks.code(plan.id), paths.link(path, paths.client(plan.client), plan.id))


def _amount(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _salary(ctx: Context, salary: Salary | None) -> str | None:
    if salary is None or (salary.min is None and salary.max is None):
        return None
    text = f"{_amount(salary.min)}–{_amount(salary.max)} {escape.text(salary.currency or '')}"
    if salary.per:
        # "… CNY per month"; Chinese writes the period after a slash: "… CNY／月".
        per = ctx.labels.value("per", salary.per)
        text = ctx.labels("req.salary_per", amount=text, per=per)
    return text


def _money(money: Money | None) -> str | None:
    if money is None:
        return None
    return f"{_amount(money.amount)} {escape.text(money.currency)}"


def _candidate_requirements(ctx: Context, requirement: Requirement) -> str:
    labels = ctx.labels
    parts = []
    for key, items in (
        ("req.must", requirement.requirements.must),
        ("req.nice", requirement.requirements.nice),
    ):
        if items:
            parts.append(
                f"**{labels(key)}**\n\n" + blocks.bullet_list(escape.text(i) for i in items)
            )
    return blocks.section(labels("req.requirements"), *parts) if parts else ""


def _changes(ctx: Context, requirement: Requirement) -> str:
    labels = ctx.labels
    rows = [
        [ctx.date(change.on), escape.text(change.summary), ctx.date(change.reconfirmed_on)]
        for change in requirement.changes
    ]
    table = blocks.table(
        [labels("date"), labels("req.change_summary"), labels("req.reconfirmed_on")], rows
    )
    return blocks.section(labels("req.changes"), table) if table else ""


def _signatures(ctx: Context, requirement: Requirement) -> str:
    """The two signature boxes, as one raw-HTML block (values escaped for HTML)."""
    confirmation = requirement.confirmation
    agency_signer = confirmation.agency_signed_by
    agency_name = (
        ctx.repo.people[agency_signer].name if agency_signer in ctx.repo.people else agency_signer
    )
    client = ctx.repo.clients.get(requirement.client or "")
    agency = ctx.repo.policy.agency if ctx.repo.policy else ""
    boxes = [
        _box(
            ctx,
            "req.client_side",
            client.label if client else "",
            confirmation.client_signed_by,
            confirmation.client_signed_on,
        ),
        _box(ctx, "req.agency_side", agency, agency_name, confirmation.agency_signed_on),
    ]
    return '<div class="hb-signatures">\n' + "\n".join(boxes) + "\n</div>"


def _box(ctx: Context, side: str, party: str, signer: str | None, on) -> str:
    labels = ctx.labels
    h = escape.html_text
    return (
        '<div class="hb-signature">'
        f'<p class="hb-side">{h(labels(side))}</p>'
        f'<p class="hb-party">{h(party)}</p>'
        f"<p>{h(labels('punct.field', label=labels('req.signed_by'), value=signer or ''))}</p>"
        f"<p>{h(labels('punct.field', label=labels('req.signed_on'), value=_day(on)))}</p>"
        f'<p class="hb-sign-line">{h(labels("req.signature"))}</p>'
        "</div>"
    )


def _day(on) -> str:
    """A signature's date as the box prints it: ISO, or blank for a hand-written one."""
    return on.isoformat() if on else ""


def _footer(ctx: Context, requirement: Requirement) -> str:
    source = ctx.source(requirement.doc.rel if requirement.doc else None)
    hint = f'<p class="hb-no-print">{escape.html_text(ctx.labels("req.print_hint"))}</p>'
    line = ctx.labels("punct.field", label=ctx.labels("source"), value=source)
    return f"{ctx.as_of_line()} · {line}\n\n{hint}"


def _pipeline(ctx: Context, requirement: Requirement, path: str) -> str:
    applications = ctx.repo.applications_by_requirement.get(requirement.id, [])
    table = application_table(ctx, applications, path) or ctx.labels("client.no_applications")
    heading = f"## {ctx.labels('client.pipeline')} {{: .hb-no-print }}"
    return f"{heading}\n\n" + f'<div class="hb-no-print" markdown>\n\n{table}\n\n</div>'
