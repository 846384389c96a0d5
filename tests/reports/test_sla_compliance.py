"""sla-compliance: met / (met + breached + overdue) over clocks due in the period.

The unit tests feed a board of findings made by hand, so that every count is visible here;
the last test runs the real SLA engine on the fixture agency.
"""

from datetime import date, datetime

from hiring_history import CST, finding, hiring_fixture, metric

from hirebook.reports.context import Filters
from hirebook.reports.engine import compute_report
from hirebook.reports.period import Period
from hirebook.sla.engine import Board, evaluate_all

AS_OF = datetime(2026, 6, 30, 18, tzinfo=CST)

hiring = hiring_fixture()


def at(*args):
    return datetime(*args, tzinfo=CST)


FINDINGS = [
    # 1 counted: met, due in H1
    finding("client-feedback", "met", at(2026, 3, 13, 15)),
    # 2 counted: breached, due on the last day of H1
    finding("client-feedback", "breached", at(2026, 6, 30, 17)),
    # 3 outside: due 2026-07-01
    finding("client-feedback", "breached", at(2026, 7, 1, 9), "globex", "key", "chen-jie"),
    # 4 counted: overdue
    finding("progress-report", "overdue", at(2026, 5, 1), "globex", "key", "chen-jie"),
    # 5 counted: met; an improvement action on globex owned by wang-li
    finding("improvement-action", "met", at(2026, 4, 10, 23, 59, 59), "globex", "key"),
    # 6 counted: overdue, no client, tier or owner
    finding("data-retention", "overdue", at(2026, 2, 1, 23, 59, 59), None, None, None),
    # 7 outside: at risk (not judged yet), and due after as_of
    finding("milestone", "at_risk", at(2026, 6, 30, 23, 59, 59)),
    # 8 outside: due 2025-12-31
    finding("client-feedback", "met", at(2025, 12, 31, 23)),
]
BOARD = Board(AS_OF, FINDINGS)


def sla(agency, **kwargs):
    return metric(agency, "sla-compliance", board=BOARD, as_of=AS_OF, **kwargs)


def test_overall_and_by_rule(hiring):
    # Counted: 1 met, 2 breached, 4 overdue, 5 met, 6 overdue → 2 / (2 + 1 + 2) = 0.4.
    result = sla(hiring)
    assert {k: result[k] for k in ("met", "breached", "overdue", "rate")} == {
        "met": 2,
        "breached": 1,
        "overdue": 2,
        "rate": 0.4,
    }
    # In the order of the SLA rules; the milestone clock (at risk) is in no group.
    assert result["by_rule"] == {
        "client-feedback": {"met": 1, "breached": 1, "overdue": 0, "rate": 0.5},
        "progress-report": {"met": 0, "breached": 0, "overdue": 1, "rate": 0.0},
        "improvement-action": {"met": 1, "breached": 0, "overdue": 0, "rate": 1.0},
        "data-retention": {"met": 0, "breached": 0, "overdue": 1, "rate": 0.0},
    }


def test_by_tier_client_and_owner(hiring):
    result = sla(hiring)
    # strategic: 1, 2 → 1 / 2; key: 4, 5 → 1 / 2; no tier: 6 → 0 / 1.
    assert result["by_tier"] == {
        "strategic": {"met": 1, "breached": 1, "overdue": 0, "rate": 0.5},
        "key": {"met": 1, "breached": 0, "overdue": 1, "rate": 0.5},
        "(none)": {"met": 0, "breached": 0, "overdue": 1, "rate": 0.0},
    }
    assert result["by_client"]["globex"] == {
        "name": "Globex Ltd. (環球科技)",
        "met": 1,
        "breached": 0,
        "overdue": 1,
        "rate": 0.5,
    }
    # By the person who must act: wang-li 1, 2, 5 → 2 / 3; chen-jie 4 → 0 / 1.
    assert result["by_owner"]["wang-li"] == {
        "name": "王麗 (Wang Li)",
        "met": 2,
        "breached": 1,
        "overdue": 0,
        "rate": 2 / 3,
    }
    assert result["by_owner"]["chen-jie"]["rate"] == 0.0
    assert list(result["by_owner"]) == ["chen-jie", "wang-li", "(none)"]


def test_owner_filter_restricts_clients_and_clocks(hiring):
    # --owner wang-li: acme's clocks owned by wang-li: 1 met, 2 breached → 1 / 2. Clock 5 is
    # wang-li's but globex's (managed by chen-jie); clock 6 belongs to no client.
    result = sla(hiring, owners=["wang-li"])
    assert (result["met"], result["breached"], result["overdue"]) == (1, 1, 0)
    assert list(result["by_client"]) == ["acme"]


def test_tier_filter(hiring):
    # --tier key: globex's clocks 4 (overdue) and 5 (met) → 1 / 2.
    result = sla(hiring, tiers=["key"])
    assert (result["met"], result["overdue"], result["rate"]) == (1, 1, 0.5)


def test_empty_period(hiring):
    result = sla(hiring, period=Period(date(2026, 8, 1), date(2026, 8, 31)))
    assert result["rate"] is None
    assert result["by_rule"] == result["by_owner"] == {}


def test_clocks_of_the_fixture_agency(agency):
    # The fixture's clocks due in March 2026 (strategic, 1bd = 9 working hours), as of
    # 2026-11-20 18:00:
    #   requirement-confirmation: received Mon 03-02 10:00 + 2bd → Wed 03-04 10:00; both
    #     signatures on 03-05 → breached
    #   plan-proposal: confirmed 03-05 (09:00) + 2bd → Fri 03-06 18:00; proposed 03-06 → met
    #   first-submission: plan confirmed Sun 03-08 → Mon 03-09 09:00 + 5bd → Fri 03-13 18:00;
    #     submitted 03-12 → met
    #   client-feedback: Thu 03-12 15:00 + 1bd → Fri 03-13 15:00; feedback 11:00 → met
    #   interview-result: Wed 03-18 14:00 + 1bd → Thu 03-19 14:00; result 03-18 19:00 → met
    #   candidate-notice: 03-18 14:00 + 24h → 03-19 14:00; told 03-19 09:00 → met
    #   progress-report: 03-08 00:00 + 7d → 03-15 00:00; no report → overdue
    # 5 / (5 + 1 + 1). To 03-14 only: without progress-report (due 03-15) and the two
    # interview clocks (due 03-19): 3 / (3 + 1).
    repo = agency.load()
    as_of = datetime(2026, 11, 20, 18, tzinfo=CST)
    board = evaluate_all(repo, as_of)
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    result = compute_report(repo, board, march, as_of, Filters(), ["sla-compliance"])
    compliance = result["sla-compliance"]
    assert (compliance["met"], compliance["breached"], compliance["overdue"]) == (5, 1, 1)
    assert compliance["rate"] == 5 / 7
    assert compliance["by_rule"]["requirement-confirmation"]["breached"] == 1
    assert compliance["by_rule"]["progress-report"]["overdue"] == 1
    early = Period(date(2026, 3, 1), date(2026, 3, 14))
    result = compute_report(repo, board, early, as_of, Filters(), ["sla-compliance"])
    assert result["sla-compliance"]["rate"] == 3 / 4
