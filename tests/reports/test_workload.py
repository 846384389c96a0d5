"""workload: a snapshot per person as of --as-of (hiring_history.py)."""

from datetime import date, datetime

from hiring_history import CST, H1, compute, finding, hiring_fixture, metric

from hirebook.sla.engine import Board, evaluate_all

AS_OF = datetime(2026, 4, 20, 18, tzinfo=CST)
BOARD = Board(
    AS_OF,
    [
        finding("client-feedback", "overdue", datetime(2026, 4, 14, 9, tzinfo=CST)),
        finding("milestone", "at_risk", datetime(2026, 4, 20, 23, 59, 59, tzinfo=CST)),
        finding(
            "progress-report",
            "overdue",
            datetime(2026, 4, 1, tzinfo=CST),
            "globex",
            "key",
            "chen-jie",
        ),
        # An improvement action on globex that wang-li owns: his row, not chen-jie's.
        finding(
            "improvement-action", "at_risk", datetime(2026, 4, 21, tzinfo=CST), "globex", "key"
        ),
        finding("data-retention", "overdue", datetime(2026, 4, 1, tzinfo=CST), None, None, None),
        finding("client-feedback", "met", datetime(2026, 4, 1, tzinfo=CST)),
        finding("client-feedback", "breached", datetime(2026, 4, 2, tzinfo=CST)),
    ],
)

hiring = hiring_fixture()


def test_workload_per_person(hiring):
    # acme (wang-li, strategic) as of 2026-04-20:
    #   open requirements: req-003 (cancelled only on 05-15) and req-004 (confirmed) = 2;
    #     req-001 closed 04-10 and req-002 closed 02-20 are closed.
    #   open applications: app-0004 (feedback: hold) = 1; 0001/0002 accepted, 0003 declined,
    #     0005 withdrawn 04-14, 0006 rejected 04-13.
    # globex (chen-jie, key): req-101 and req-103 closed, req-102 received only on 05-04: 0;
    #   its applications are accepted or not yet submitted: 0.
    # Clocks by owner: wang-li 1 overdue, 2 at risk; chen-jie 1 overdue; nobody 1 overdue.
    result = metric(hiring, "workload", board=BOARD, as_of=AS_OF)
    assert result == {
        "chen-jie": {
            "name": "陳傑 (Chen Jie)",
            "clients": {"strategic": 0, "key": 1, "ordinary": 0},
            "open_requirements": 0,
            "open_applications": 0,
            "overdue": 1,
            "at_risk": 0,
        },
        "wang-li": {
            "name": "王麗 (Wang Li)",
            "clients": {"strategic": 1, "key": 0, "ordinary": 0},
            "open_requirements": 2,
            "open_applications": 1,
            "overdue": 1,
            "at_risk": 2,
        },
        "(none)": {
            "name": "",
            "clients": {"strategic": 0, "key": 0, "ordinary": 0},
            "open_requirements": 0,
            "open_applications": 0,
            "overdue": 1,
            "at_risk": 0,
        },
    }


def test_workload_ignores_the_period(hiring):
    # The same snapshot whatever --from/--to say.
    from hirebook.reports.period import Period

    empty = Period(date(2020, 1, 1), date(2020, 1, 31))
    assert metric(hiring, "workload", board=BOARD, as_of=AS_OF, period=empty) == metric(
        hiring, "workload", board=BOARD, as_of=AS_OF
    )


def test_owner_filter(hiring):
    # --owner chen-jie: globex only, and only the clocks chen-jie owns.
    result = metric(hiring, "workload", board=BOARD, as_of=AS_OF, owners=["chen-jie"])
    assert list(result) == ["chen-jie"]
    assert (result["chen-jie"]["overdue"], result["chen-jie"]["at_risk"]) == (1, 0)


def test_former_clients_are_not_in_the_portfolio(hiring):
    text = (hiring.records / "clients/globex/client.yaml").read_text()
    hiring.write("clients/globex/client.yaml", text.replace("status: active", "status: former"))
    result = metric(hiring, "workload", board=BOARD, as_of=AS_OF)
    assert result["chen-jie"]["clients"] == {"strategic": 0, "key": 0, "ordinary": 0}


def test_workload_with_the_real_board(agency):
    # The fixture agency as of 2026-11-20 18:00 (see tests/cli/test_sla_command.py): overdue
    # progress-report (since 03-15) and regular-meeting (never met); tier review due
    # 2027-01-15 is at risk (55 days left of 365, under a quarter).
    as_of = datetime(2026, 11, 20, 18, tzinfo=CST)
    board = evaluate_all(agency.load(), as_of)
    row = compute(agency, H1, as_of, board, ["workload"])["workload"]["wang-li"]
    assert (row["overdue"], row["at_risk"]) == (2, 1)
    # req-2026-001 (confirmed) and app-2026-0001 (interviewing) are open.
    assert (row["open_requirements"], row["open_applications"]) == (1, 1)
