"""satisfaction: mean overall score and NPS, per client and overall (hiring_history.py)."""

from datetime import date

import pytest
from hiring_history import hiring_fixture, metric

from hirebook.reports.period import Period

hiring = hiring_fixture()


def test_mean_score_and_nps(hiring):
    # Surveys on a day in H1 (overall, nps):
    #   acme   02-15 (4, 9) · 06-30 (5, 10) — the last day: in · 04-20 (3, no NPS answer)
    #   globex 05-25 (2, 6) · 03-10 (4, 8); 07-01 (1, 0) is outside.
    # Overall: mean (4 + 5 + 3 + 2 + 4) / 5 = 3.6; NPS answers 9, 10, 6, 8: 2 promoters,
    # 1 passive, 1 detractor → 100 * (2 − 1) / 4 = 25.
    result = metric(hiring, "satisfaction")
    overall = {key: value for key, value in result.items() if key != "by_client"}
    assert overall == {
        "responses": 5,
        "mean_overall": pytest.approx(3.6),
        "nps_responses": 4,
        "promoters": 2,
        "passives": 1,
        "detractors": 1,
        "nps": 25.0,
    }
    # acme: mean (4 + 5 + 3) / 3 = 4; NPS 100 * (2 − 0) / 2 = 100.
    # globex: mean (2 + 4) / 2 = 3; NPS 100 * (0 − 1) / 2 = −50.
    acme, globex = result["by_client"]["acme"], result["by_client"]["globex"]
    assert (acme["responses"], acme["mean_overall"], acme["nps"]) == (3, 4.0, 100.0)
    assert (globex["responses"], globex["mean_overall"], globex["nps"]) == (2, 3.0, -50.0)
    assert globex["name"] == "Globex Ltd. (環球科技)"


def test_responses_without_nps_give_null_nps(hiring):
    # 2026-04-20 alone: acme's survey with no NPS answer.
    result = metric(hiring, "satisfaction", period=Period(date(2026, 4, 20), date(2026, 4, 20)))
    assert (result["responses"], result["mean_overall"]) == (1, 3.0)
    assert (result["nps_responses"], result["nps"]) == (0, None)


def test_empty_period(hiring):
    result = metric(hiring, "satisfaction", period=Period(date(2026, 8, 1), date(2026, 8, 31)))
    assert result["mean_overall"] is None and result["nps"] is None
    assert result["by_client"] == {}
