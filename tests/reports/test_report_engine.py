"""compute_report: the shape of the result, the filters, and an empty period for every metric."""

import json
from datetime import date, datetime

from hiring_history import CST, END_OF_YEAR, H1, compute, hiring_fixture

from hirebook.reports.period import Period
from hirebook.reports.registry import METRIC_MODULES, METRICS
from hirebook.sla.engine import evaluate_all

# The metrics in the registry's order: the order of every output (JSON keys, summary lines).
REPORTS_ORDER = [metric.name for metric in METRICS]

hiring = hiring_fixture()


def test_every_metric_module_is_registered():
    import pkgutil

    import hirebook.reports.metrics

    modules = {m.name for m in pkgutil.iter_modules(hirebook.reports.metrics.__path__)}
    assert modules == set(METRIC_MODULES)
    assert len(set(REPORTS_ORDER)) == len(METRIC_MODULES)


def test_result_shape(hiring):
    result = compute(hiring, as_of=datetime(2026, 6, 30, 18, tzinfo=CST))
    assert list(result) == ["as_of", "from", "to", "filters", *REPORTS_ORDER]
    assert result["as_of"] == "2026-06-30T18:00:00+08:00"
    assert (result["from"], result["to"]) == ("2026-01-01", "2026-06-30")
    assert result["filters"] == {"client": [], "owner": [], "tier": []}
    json.dumps(result, allow_nan=False)  # plain JSON data, nothing else


def test_client_and_tier_filters(hiring):
    # globex's accepted offers in H1: app-0101 (63 days), app-0102 (57): median 60.
    globex = compute(hiring, names=["time-to-fill", "fill-rate"], clients=["globex"])
    assert (globex["time-to-fill"]["count"], globex["time-to-fill"]["median"]) == (2, 60)
    # globex closed in H1: req-101 filled (01-10) only.
    assert globex["fill-rate"] == {"filled": 1, "cancelled": 0, "rate": 1.0}
    # Strategic = acme: app-0002 (17 days), app-0001 (33): median 25.
    strategic = compute(hiring, names=["time-to-fill"], tiers=["strategic"])
    assert strategic["time-to-fill"]["median"] == 25
    assert strategic["filters"] == {"client": [], "owner": [], "tier": ["strategic"]}
    # The owner is the client's account manager: chen-jie → globex.
    by_owner = compute(hiring, names=["time-to-fill"], owners=["chen-jie"])
    assert by_owner["time-to-fill"] == globex["time-to-fill"]


def test_every_metric_survives_an_empty_period(hiring):
    empty = Period(date(2030, 1, 1), date(2030, 12, 31))
    result = compute(hiring, period=empty, as_of=END_OF_YEAR)
    for name in ("offer-acceptance", "fill-rate", "retention-90", "sla-compliance"):
        assert result[name]["rate"] is None, name
    assert result["time-to-fill"]["median"] is None
    assert result["channels"] == {}


def test_the_real_board_and_the_full_history(hiring):
    # Not a number check: every metric runs on the real SLA board of a richer agency.
    repo = hiring.load()
    board = evaluate_all(repo, END_OF_YEAR)
    result = compute(hiring, H1, END_OF_YEAR, board)
    assert result["sla-compliance"]["met"] + result["sla-compliance"]["breached"] > 0
    assert set(result["workload"]) >= {"wang-li", "chen-jie"}
