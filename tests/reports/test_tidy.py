"""The tidy long table behind ``--format csv``: one row per number of the JSON."""

from hiring_history import compute, hiring_fixture

from hirebook.reports.engine import META_KEYS
from hirebook.reports.tidy import COLUMNS, tidy_rows

hiring = hiring_fixture()


def leaves(value):
    if isinstance(value, dict):
        return sum(leaves(inner) for key, inner in value.items() if key != "name")
    return 1


def test_columns():
    assert COLUMNS == ("metric", "group", "key", "label", "measure", "value")


def test_one_row_per_number(hiring):
    result = compute(hiring)
    rows = list(tidy_rows(result))
    numbers = sum(leaves(value) for key, value in result.items() if key not in META_KEYS)
    assert len(rows) == numbers


def test_layout_of_overall_groups_and_nested_measures(hiring):
    rows = [row.as_tuple() for row in tidy_rows(compute(hiring))]
    # 3 filled, 1 cancelled → 0.75 (see test_outcomes.py).
    assert ("fill-rate", "", "", "", "rate", 0.75) in rows
    assert ("funnel", "", "", "", "step_rates.accepted", 0.8) in rows
    assert ("channels", "channel", "referral", "", "submitted", 4) in rows
    globex = "Globex Ltd. (環球科技)"
    assert ("client-feedback-time", "client", "globex", globex, "median", 11) in rows
    assert ("satisfaction", "client", "globex", globex, "nps", -50.0) in rows
    assert ("workload", "person", "chen-jie", "陳傑 (Chen Jie)", "clients.key", 1) in rows
    assert ("time-to-fill", "", "", "", "count", 4) in rows
