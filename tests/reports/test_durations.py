"""time-to-fill, time-to-first-submission and client-feedback-time, worked out by hand.

The records are described in ``hiring_history.py``; H1 is 2026-01-01 to 2026-06-30, evaluated as of
2026-12-31 unless a test says otherwise (so the period, not ``--as-of``, decides).
"""

from datetime import date, datetime

import pytest
from hiring_history import CST, hiring_fixture, metric

from hirebook.reports.period import Period

hiring = hiring_fixture()


def test_time_to_fill_even_count(hiring):
    # Offers accepted in H1, days from the day of received_at to accepted_on:
    #   app-0002: 01-05 → 01-22 = 17      app-0101: 2025-11-03 → 2026-01-05 = 27 + 31 + 5 = 63
    #   app-0001: 03-02 → 04-04 = 29 + 4 = 33   app-0102: 05-04 → 06-30 = 27 + 30 = 57
    # (06-30 is the last day of the period: in; app-0103's 07-01 is out.)
    # Sorted 17, 33, 57, 63: median (33 + 57) / 2 = 45; mean 170 / 4 = 42.5;
    # p90 rank 0.9 * 3 = 2.7 → 57 + 0.7 * (63 − 57) = 61.2.
    result = metric(hiring, "time-to-fill")
    assert result == {"count": 4, "median": 45, "mean": 42.5, "p90": pytest.approx(61.2)}


def test_time_to_fill_odd_count(hiring):
    # January to May: 17, 33, 63 → median 33; mean 113 / 3; p90 rank 1.8 → 33 + 0.8 * 30 = 57.
    result = metric(hiring, "time-to-fill", period=Period(date(2026, 1, 1), date(2026, 5, 31)))
    assert result["count"] == 3
    assert result["median"] == 33
    assert result["mean"] == pytest.approx(113 / 3)
    assert result["p90"] == pytest.approx(57)


def test_time_to_fill_period_boundary(hiring):
    # 2026-06-30 to 2026-07-01 holds app-0102 (accepted 06-30, 57 days) and app-0103
    # (accepted 07-01, received 05-04: 27 + 31 + 1 = 58 days): median (57 + 58) / 2.
    result = metric(hiring, "time-to-fill", period=Period(date(2026, 6, 30), date(2026, 7, 1)))
    assert result == {"count": 2, "median": 57.5, "mean": 57.5, "p90": pytest.approx(57.9)}


def test_time_to_fill_ignores_what_happened_after_as_of(hiring):
    # As of 2026-04-04 12:00, app-0001 was accepted that day (a date: it counts) but app-0102
    # (06-30) not yet: 17, 33, 63 remain.
    result = metric(hiring, "time-to-fill", as_of=datetime(2026, 4, 4, 12, tzinfo=CST))
    assert result["count"] == 3 and result["median"] == 33


def test_empty_period_gives_nulls(hiring):
    result = metric(hiring, "time-to-fill", period=Period(date(2026, 8, 1), date(2026, 8, 31)))
    assert result == {"count": 0, "median": None, "mean": None, "p90": None}


def test_time_to_first_submission(hiring):
    # First submitted_at per requirement, days from the day received (policy timezone):
    #   req-001 03-02 → 03-12 = 10       req-002 01-05 → 01-08 = 3
    #   req-003 received 2026-02-01T23:30Z = 02-02 in Shanghai → 02-10 = 8 (not 9)
    #   req-004 04-01 → 2026-04-09T23:30Z = 04-10 in Shanghai = 9
    #   req-102 05-04 → app-0103's 05-06 (earlier than app-0102's 05-11) = 2
    #   req-101's first submission is in 2025: out of the period.
    # Sorted 2, 3, 8, 9, 10: median 8; mean 32 / 5 = 6.4; p90 rank 3.6 → 9 + 0.6 * 1 = 9.6.
    result = metric(hiring, "time-to-first-submission")
    assert result == {"count": 5, "median": 8, "mean": 6.4, "p90": pytest.approx(9.6)}


def test_client_feedback_time_in_business_hours(hiring):
    # Working hours (Mon–Fri 09:00–18:00) from submitted_at to client_feedback.at, feedback in H1:
    # acme:
    #   app-0001 Thu 03-12 15:00 → Fri 03-13 11:00: 3 + 2 = 5
    #   app-0002 Thu 01-08 10:00 → Fri 01-09 10:00: 8 + 1 = 9
    #   app-0003 Tue 02-10 10:00 → Tue 02-10 16:30: 6.5
    #   app-0004 Fri 04-10 07:30 (before opening) → Mon 04-13 10:00: 9 + 1 = 10
    #   app-0006 Mon 04-13 09:00 → 12:00: 3
    #   sorted 3, 5, 6.5, 9, 10: median 6.5 (odd count)
    # globex:
    #   app-0102 Mon 05-11 10:00 → Wed 05-13 10:00: 8 + 9 + 1 = 18
    #   app-0103 Wed 05-06 10:00 → 14:00: 4
    #   sorted 4, 18: median 11 (even count); app-0101's feedback is in 2025: out.
    # Overall 3, 4, 5, 6.5, 9, 10, 18: median 6.5; mean 55.5 / 7;
    # p90 rank 0.9 * 6 = 5.4 → 10 + 0.4 * (18 − 10) = 13.2.
    result = metric(hiring, "client-feedback-time")
    assert result["count"] == 7
    assert result["median"] == 6.5
    assert result["mean"] == pytest.approx(55.5 / 7)
    assert result["p90"] == pytest.approx(13.2)
    assert result["by_client"] == {
        "acme": {"name": "ACME Technology Co., Ltd.", "count": 5, "median": 6.5},
        "globex": {"name": "Globex Ltd. (環球科技)", "count": 2, "median": 11},
    }
