"""offer-acceptance, fill-rate and retention-90 on the hiring history (see hiring_history.py)."""

from datetime import date, datetime

from hiring_history import CST, hiring_fixture, metric

from hirebook.reports.period import Period

EMPTY = Period(date(2026, 8, 1), date(2026, 8, 31))

hiring = hiring_fixture()


def test_offer_acceptance_counts_the_declined_offer(hiring):
    # Accepted in H1: app-0002 (01-22), app-0101 (01-05), app-0001 (04-04), app-0102 (06-30).
    # Declined in H1: app-0003 (03-03). app-0103 (accepted 07-01) is outside.
    # 4 / (4 + 1) = 0.8.
    assert metric(hiring, "offer-acceptance") == {"accepted": 4, "declined": 1, "rate": 0.8}


def test_offer_acceptance_of_a_period_with_only_the_decline(hiring):
    # March: app-0003 declined on 03-03, nothing accepted: 0 / 1 = 0, a real zero.
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert metric(hiring, "offer-acceptance", period=march) == {
        "accepted": 0,
        "declined": 1,
        "rate": 0.0,
    }


def test_fill_rate_counts_the_cancelled_requirement(hiring):
    # Closed in H1 by closed_on: filled req-101 (01-10), req-002 (02-20), req-001 (04-10);
    # cancelled req-003 (05-15). Outside: req-103 cancelled 2025-12-31, req-102 filled 07-02.
    # req-004 is still open. 3 / (3 + 1) = 0.75.
    assert metric(hiring, "fill-rate") == {"filled": 3, "cancelled": 1, "rate": 0.75}


def test_fill_rate_period_boundaries(hiring):
    # 2025-12-31 to 2026-01-10 holds exactly req-103 (cancelled on the first day) and req-101
    # (filled on the last day): 1 / 2.
    edges = Period(date(2025, 12, 31), date(2026, 1, 10))
    assert metric(hiring, "fill-rate", period=edges) == {"filled": 1, "cancelled": 1, "rate": 0.5}


def test_retention_counts_a_hire_who_left_before_day_90(hiring):
    # 90th days in H1: app-0101 started 01-12 → 04-12 (19 + 28 + 31 + 12 = 90 days later),
    # left 04-12, not before it: retained. app-0002 started 02-02 → 05-03, left 04-10: left.
    # app-0001 started 04-06 → day 90 is 07-05: not yet judged in H1. 1 / 2.
    assert metric(hiring, "retention-90") == {
        "placements": 2,
        "retained": 1,
        "left": 1,
        "rate": 0.5,
    }


def test_retention_waits_for_day_90_to_have_come(hiring):
    # As of 2026-04-30: only app-0101's day 90 (04-12) has come; app-0002's (05-03) has not.
    as_of = datetime(2026, 4, 30, 18, tzinfo=CST)
    assert metric(hiring, "retention-90", as_of=as_of) == {
        "placements": 1,
        "retained": 1,
        "left": 0,
        "rate": 1.0,
    }


def test_empty_period_gives_null_rates(hiring):
    assert metric(hiring, "offer-acceptance", period=EMPTY)["rate"] is None
    assert metric(hiring, "fill-rate", period=EMPTY)["rate"] is None
    assert metric(hiring, "retention-90", period=EMPTY) == {
        "placements": 0,
        "retained": 0,
        "left": 0,
        "rate": None,
    }
