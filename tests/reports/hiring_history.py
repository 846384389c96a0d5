"""A small hiring history that every metric is checked on: the ``hiring`` fixture.

A test module gets the fixture with ``hiring = hiring_fixture()`` (a conftest.py here would
replace the ``conftest`` module that other test folders import from).

Two clients, worked out by hand in the tests (calendar: Asia/Shanghai, Mon–Fri 09:00–18:00):

acme (strategic, 王麗 wang-li)
  req-2026-001  received Mon 2026-03-02 10:00, filled, closed 2026-04-10
  req-2026-002  received Mon 2026-01-05 09:30, filled, closed 2026-02-20
  req-2026-003  received 2026-02-01T23:30Z = Mon 2026-02-02 07:30 local, cancelled 2026-05-15
  req-2026-004  received Wed 2026-04-01 10:00, confirmed (open)
globex (key, 陳傑 chen-jie, 環球科技)
  req-2026-101  received Mon 2025-11-03 10:00, filled, closed 2026-01-10
  req-2026-102  received Mon 2026-05-04 10:00, 2 openings, filled, closed 2026-07-02
  req-2026-103  received Mon 2025-12-01 10:00, cancelled 2025-12-31

applications (channel; submitted → client feedback → first interview → offer)
  app-2026-0001 acme/001 referral    Thu 03-12 15:00 → Fri 03-13 11:00 interview → 03-18
                offer made 04-02, accepted 04-04; starts 04-06
  app-2026-0002 acme/002 job_board   Thu 01-08 10:00 → Fri 01-09 10:00 interview → 01-14
                offer made 01-20, accepted 01-22; starts 02-02, left 04-10 (before day 90)
  app-2026-0003 acme/003 headhunting Tue 02-10 10:00 → Tue 02-10 16:30 interview → 02-16
                offer made 03-01, declined 03-03
  app-2026-0004 acme/004 referral    2026-04-09T23:30Z = Fri 04-10 07:30 → Mon 04-13 10:00 hold
  app-2026-0005 acme/004 referral    Mon 04-13 09:00, withdrawn 04-14
  app-2026-0006 acme/004 job_board   Mon 04-13 09:00 → Mon 04-13 12:00 reject
  app-2026-0101 globex/101 headhunting 2025-11-10 10:00 → 2025-11-11 10:00 interview →
                2025-11-20; offer made 2025-12-20, accepted 2026-01-05; starts 2026-01-12,
                left 2026-04-12 (exactly day 90)
  app-2026-0102 globex/102 referral  Mon 05-11 10:00 → Wed 05-13 10:00 interview → 05-20
                offer made 06-25, accepted 06-30
  app-2026-0103 globex/102 headhunting Wed 05-06 10:00 → Wed 05-06 14:00 interview → 05-12
                offer made 06-26, accepted 07-01

feedback (on, overall, nps)
  acme   fb-2026-001 02-15 4 9 · fb-2026-002 06-30 5 10 · fb-2026-003 04-20 3 –
  globex fb-2026-101 05-25 2 6 · fb-2026-102 07-01 1 0 · fb-2026-103 03-10 4 8
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from textwrap import dedent

import pytest

from hirebook.reports.context import Filters
from hirebook.reports.engine import compute_report
from hirebook.reports.period import Period
from hirebook.sla.clock import Clock, Finding, State
from hirebook.sla.duration import Duration
from hirebook.sla.engine import Board

CST = timezone(timedelta(hours=8))
H1 = Period(date(2026, 1, 1), date(2026, 6, 30))
END_OF_YEAR = datetime(2026, 12, 31, 18, tzinfo=CST)


def _requirement(rid, received, status, *, signed, closed=None, openings=1, signer="Zhang Wei"):
    text = f"""\
        id: {rid}
        title: Engineer {rid}
        status: {status}
        received_at: {received}
        openings: {openings}
        confirmation:
          client_signed_by: {signer}
          client_signed_on: {signed}
          agency_signed_by: wang-li
          agency_signed_on: {signed}
        """
    return dedent(text) + (f"closed_on: {closed}\n" if closed else "")


def _application(aid, requirement, channel, submitted, *extra):
    text = f"""\
        id: {aid}
        requirement: {requirement}
        candidate: cand-0001
        channel: {channel}
        submitted_at: {submitted}
        """
    return dedent(text) + "".join(f"{line}\n" for line in extra)


def _feedback(fid, on, overall, nps=None):
    text = f"""\
        id: {fid}
        on: {on}
        collected_by: wang-li
        scores: {{overall: {overall}}}
        """
    return dedent(text) + (f"nps: {nps}\n" if nps is not None else "")


def interviewed(feedback_at, interview_at, decision="interview"):
    return (
        f"client_feedback: {{at: {feedback_at}, decision: {decision}}}",
        "interviews:",
        f"  - {{round: 1, at: {interview_at}, result: pass}}",
    )


ACME = "clients/acme"
GLOBEX = "clients/globex"

RECORDS = {
    "team/chen-jie.yaml": """\
        id: chen-jie
        name: 陳傑 (Chen Jie)
        roles: [account_manager]
        active: true
        """,
    f"{GLOBEX}/client.yaml": """\
        id: globex
        name: Globex Ltd.
        name_local: 環球科技
        industry: manufacturing
        tier: key
        tier_reason: Steady hiring
        tier_reviewed_on: 2026-01-10
        status: active
        since: 2025-06-01
        account_manager: chen-jie
        contacts:
          - {name: Sun Li, role: HR Manager, primary: true}
        """,
    f"{ACME}/requirements/req-2026-001.yaml": _requirement(
        "req-2026-001",
        "2026-03-02T10:00:00+08:00",
        "filled",
        signed="2026-03-05",
        closed="2026-04-10",
    ),
    f"{ACME}/requirements/req-2026-002.yaml": _requirement(
        "req-2026-002",
        "2026-01-05T09:30:00+08:00",
        "filled",
        signed="2026-01-06",
        closed="2026-02-20",
    ),
    f"{ACME}/requirements/req-2026-003.yaml": _requirement(
        "req-2026-003",
        "2026-02-01T23:30:00+00:00",
        "cancelled",
        signed="2026-02-03",
        closed="2026-05-15",
    ),
    f"{ACME}/requirements/req-2026-004.yaml": _requirement(
        "req-2026-004", "2026-04-01T10:00:00+08:00", "confirmed", signed="2026-04-02"
    ),
    f"{GLOBEX}/requirements/req-2026-101.yaml": _requirement(
        "req-2026-101",
        "2025-11-03T10:00:00+08:00",
        "filled",
        signed="2025-11-04",
        closed="2026-01-10",
        signer="Sun Li",
    ),
    f"{GLOBEX}/requirements/req-2026-102.yaml": _requirement(
        "req-2026-102",
        "2026-05-04T10:00:00+08:00",
        "filled",
        signed="2026-05-05",
        closed="2026-07-02",
        openings=2,
        signer="Sun Li",
    ),
    f"{GLOBEX}/requirements/req-2026-103.yaml": _requirement(
        "req-2026-103",
        "2025-12-01T10:00:00+08:00",
        "cancelled",
        signed="2025-12-02",
        closed="2025-12-31",
        signer="Sun Li",
    ),
    f"{ACME}/applications/app-2026-0001.yaml": _application(
        "app-2026-0001",
        "req-2026-001",
        "referral",
        "2026-03-12T15:00:00+08:00",
        *interviewed("2026-03-13T11:00:00+08:00", "2026-03-18T14:00:00+08:00"),
        "offer: {made_on: 2026-04-02, accepted_on: 2026-04-04}",
        "placement: {start_on: 2026-04-06}",
    ),
    f"{ACME}/applications/app-2026-0002.yaml": _application(
        "app-2026-0002",
        "req-2026-002",
        "job_board",
        "2026-01-08T10:00:00+08:00",
        *interviewed("2026-01-09T10:00:00+08:00", "2026-01-14T14:00:00+08:00"),
        "offer: {made_on: 2026-01-20, accepted_on: 2026-01-22}",
        "placement: {start_on: 2026-02-02, left_on: 2026-04-10}",
    ),
    f"{ACME}/applications/app-2026-0003.yaml": _application(
        "app-2026-0003",
        "req-2026-003",
        "headhunting",
        "2026-02-10T10:00:00+08:00",
        *interviewed("2026-02-10T16:30:00+08:00", "2026-02-16T14:00:00+08:00"),
        "offer: {made_on: 2026-03-01, declined_on: 2026-03-03}",
    ),
    f"{ACME}/applications/app-2026-0004.yaml": _application(
        "app-2026-0004",
        "req-2026-004",
        "referral",
        "2026-04-09T23:30:00+00:00",
        "client_feedback: {at: 2026-04-13T10:00:00+08:00, decision: hold}",
    ),
    f"{ACME}/applications/app-2026-0005.yaml": _application(
        "app-2026-0005",
        "req-2026-004",
        "referral",
        "2026-04-13T09:00:00+08:00",
        "withdrawn: {on: 2026-04-14, reason: Took another offer}",
    ),
    f"{ACME}/applications/app-2026-0006.yaml": _application(
        "app-2026-0006",
        "req-2026-004",
        "job_board",
        "2026-04-13T09:00:00+08:00",
        "client_feedback: {at: 2026-04-13T12:00:00+08:00, decision: reject}",
    ),
    f"{GLOBEX}/applications/app-2026-0101.yaml": _application(
        "app-2026-0101",
        "req-2026-101",
        "headhunting",
        "2025-11-10T10:00:00+08:00",
        *interviewed("2025-11-11T10:00:00+08:00", "2025-11-20T14:00:00+08:00"),
        "offer: {made_on: 2025-12-20, accepted_on: 2026-01-05}",
        "placement: {start_on: 2026-01-12, left_on: 2026-04-12}",
    ),
    f"{GLOBEX}/applications/app-2026-0102.yaml": _application(
        "app-2026-0102",
        "req-2026-102",
        "referral",
        "2026-05-11T10:00:00+08:00",
        *interviewed("2026-05-13T10:00:00+08:00", "2026-05-20T14:00:00+08:00"),
        "offer: {made_on: 2026-06-25, accepted_on: 2026-06-30}",
    ),
    f"{GLOBEX}/applications/app-2026-0103.yaml": _application(
        "app-2026-0103",
        "req-2026-102",
        "headhunting",
        "2026-05-06T10:00:00+08:00",
        *interviewed("2026-05-06T14:00:00+08:00", "2026-05-12T14:00:00+08:00"),
        "offer: {made_on: 2026-06-26, accepted_on: 2026-07-01}",
    ),
    f"{ACME}/feedback/fb-2026-001.yaml": _feedback("fb-2026-001", "2026-02-15", 4, 9),
    f"{ACME}/feedback/fb-2026-002.yaml": _feedback("fb-2026-002", "2026-06-30", 5, 10),
    f"{ACME}/feedback/fb-2026-003.yaml": _feedback("fb-2026-003", "2026-04-20", 3),
    f"{GLOBEX}/feedback/fb-2026-101.yaml": _feedback("fb-2026-101", "2026-05-25", 2, 6),
    f"{GLOBEX}/feedback/fb-2026-102.yaml": _feedback("fb-2026-102", "2026-07-01", 1, 0),
    f"{GLOBEX}/feedback/fb-2026-103.yaml": _feedback("fb-2026-103", "2026-03-10", 4, 8),
}


def compute(agency, period=H1, as_of=END_OF_YEAR, board=None, names=None, **filters):
    """The report of ``names`` over ``period``; clocks from ``board`` (default: none)."""
    return compute_report(
        agency.load(),
        board if board is not None else Board(as_of, []),
        period,
        as_of,
        Filters(**{key: tuple(value) for key, value in filters.items()}),
        names=names,
    )


def metric(agency, name, **kwargs):
    return compute(agency, names=[name], **kwargs)[name]


def finding(rule, state, due, client="acme", tier="strategic", owner="wang-li"):
    """A finding made by hand, for metrics that read the board."""
    clock = Clock(
        rule=rule,
        client=client,
        tier=tier,
        record="records/x.yaml",
        line_number=1,
        subject=f"{client}#{rule}",
        owner=owner,
        describe=rule,
        goal=Duration(1, "d"),
        started=due - timedelta(days=1),
        due=due,
    )
    return Finding(clock, State(state), rule, timedelta(0))


def hiring_fixture():
    """The ``hiring`` fixture: the ``agency`` fixture with the records above (lint-clean)."""

    @pytest.fixture
    def hiring(agency):
        for rel, text in RECORDS.items():
            agency.write(rel, text)
        return agency

    return hiring
