"""offer-acceptance — the share of answered offers that candidates accept.

Offers still waiting for an answer are in neither count: only an answer completes an offer,
and each answer counts in the period of its own date.
"""

from __future__ import annotations

from hirebook.reports import stats
from hirebook.reports.context import ReportContext
from hirebook.reports.display import percent

NAME = "offer-acceptance"
TITLE = "Offer acceptance"
DESCRIPTION = """`accepted` / (`accepted` + `declined`), where `accepted` counts applications
whose `offer.accepted_on` is in the period and `declined` those whose `offer.declined_on` is
in the period."""


def compute(ctx: ReportContext) -> dict:
    accepted = declined = 0
    for application in ctx.records("application"):
        offer = application.offer
        if offer is None:
            continue
        accepted += ctx.counts(offer.accepted_on)
        declined += ctx.counts(offer.declined_on)
    return {
        "accepted": accepted,
        "declined": declined,
        "rate": stats.rate(accepted, accepted + declined),
    }


def headline(result: dict) -> str:
    return (
        f"{percent(result['rate'])} ({result['accepted']} accepted, {result['declined']} declined)"
    )
