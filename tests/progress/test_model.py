"""The progress report's content, worked out by hand from the demo agency's YAML records.

The week is the default period as of Friday 2026-11-20 17:00 (+08:00): from Friday
2026-11-13 17:00 (included) to 2026-11-20 17:00 (excluded). Every expected number below was
read off the records of ``hirebook/demo/records/clients/pinecone-games/`` (and, for next
steps, ``brightpath-edu/``), not from the program.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hirebook.progress.model import (
    CLOCK_RULES,
    Period,
    ProgressError,
    plans_for,
    progress_report,
)
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all

SHANGHAI = ZoneInfo("Asia/Shanghai")
AS_OF = datetime(2026, 11, 20, 17, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def repo():
    from hirebook.demo import DEMO_RECORDS

    return load(DEMO_RECORDS, DEMO_RECORDS.parent)


def report_of(repo, client: str, instant: datetime = AS_OF, plan: str | None = None):
    period = Period.week_before(instant)
    board = evaluate_all(repo, period.end, rules=CLOCK_RULES)
    return progress_report(repo, repo.clients[client], period, board, plan)


def test_the_default_period_is_the_seven_days_before_the_instant():
    period = Period.week_before(AS_OF)
    assert period.start == datetime(2026, 11, 13, 17, 0, tzinfo=SHANGHAI)
    assert period.end == AS_OF
    assert period.holds(period.start) and not period.holds(period.end)
    # A date-only event happens at 00:00 of its day: the 13th is before the start.
    assert not period.holds_day(date(2026, 11, 13))
    assert period.holds_day(date(2026, 11, 14)) and period.holds_day(date(2026, 11, 20))


def test_days_include_both_ends_and_refuse_a_reversed_period():
    period = Period.days(date(2026, 11, 1), date(2026, 11, 7), SHANGHAI)
    assert period.start == datetime(2026, 11, 1, tzinfo=SHANGHAI)
    assert period.end == datetime(2026, 11, 8, tzinfo=SHANGHAI)
    assert (period.first_day, period.last_day) == (date(2026, 11, 1), date(2026, 11, 7))
    with pytest.raises(ProgressError, match="starts"):
        Period.days(date(2026, 11, 7), date(2026, 11, 1), SHANGHAI)


def test_one_week_of_pinecone_games_by_hand(repo):
    report = report_of(repo, "pinecone-games")
    # Four plans; only plan-2026-009 (confirmed 2026-09-14, active) ran in the week.
    assert [plan.id for plan in report.plans] == ["plan-2026-009"]
    plan = report.plans[0]
    [unity] = plan.requirements
    assert (unity.id, unity.openings, unity.target_fill_by) == (
        "req-2026-010",
        2,
        date(2026, 12, 31),
    )

    # Submitted for req-2026-010: 0041 (09-16), 0042 (09-18), 0043 (09-20), 0060 (10-20),
    # 0070 (11-09) and 0075 (11-20 10:00) — only 0075 in the week.
    assert [(s.application, s.candidate) for s in unity.submitted] == [
        ("app-2026-0075", "cand-0009")
    ]
    assert unity.submitted_total == 6

    # 0041 withdrawn 09-24; 0042, 0043 and 0070 failed round 1; 0060 placed; 0075 unanswered.
    assert dict(unity.stages) == {
        "awaiting feedback": 1,
        "placed": 1,
        "rejected": 3,
        "withdrawn": 1,
    }

    # The one interview of the week: 0070 round 1 on 11-19 15:00, failed at 18:30. None booked.
    assert [(r.application, r.round, r.at, r.result) for r in unity.held] == [
        ("app-2026-0070", 1, datetime(2026, 11, 19, 15, 0, tzinfo=SHANGHAI), "fail")
    ]
    assert unity.booked == ()

    # 0075: key client, 2 business days from Friday 10:00 -> Tuesday 2026-11-24 10:00.
    [pending] = unity.pending
    assert pending.application == "app-2026-0075"
    assert pending.due == datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    assert pending.late is None

    # 0060's offer (made 10-30, accepted 11-02) is older; its start on 11-16 is in the week.
    assert [(e.application, e.event, e.on) for e in unity.offers] == [
        ("app-2026-0060", "started", date(2026, 11, 16))
    ]
    assert unity.hires == 1

    # Three milestones done on time, the fourth (due 12-18) open and more than a day away.
    assert [(m.name, m.done_on, m.state) for m in plan.milestones] == [
        ("首批推荐", date(2026, 9, 20), "met"),
        ("首轮面试", date(2026, 9, 23), "met"),
        ("第一个 offer 接受", date(2026, 11, 2), "met"),
        ("第二个 offer 接受", None, "on_track"),
    ]
    # Both client commitments are done: none open.
    assert plan.commitments == ()

    # Interviews to date: 0041, 0042, 0043 one round each, 0060 two, 0070 one = 6.
    figures = {f.key: (f.period, f.to_date, f.target) for f in plan.figures}
    assert figures == {
        "submitted": (1, 6, None),
        "interviews": (1, 6, None),
        "hires": (0, 1, 2),
        "milestones": (0, 3, 3),
        "late_feedback": (0, 0, 0),
    }
    # Every follow-up of the client's touchpoints is done (the last, of 11-11, on 11-11).
    assert report.next_steps == ()


def test_pending_feedback_turns_late_a_week_later(repo):
    # As of Thursday 2026-11-26 12:00, 0075 is still unanswered: due Tuesday 10:00, late by
    # Tue 10-18 (8 h) + Wed (9 h) + Thu 9-12 (3 h) = 20 working hours.
    report = report_of(repo, "pinecone-games", datetime(2026, 11, 26, 12, 0, tzinfo=SHANGHAI))
    [unity] = report.plans[0].requirements
    [pending] = unity.pending
    assert pending.late == timedelta(hours=20)
    assert pending.business
    # The week (11-19 12:00 to 11-26 12:00) still holds 0075's submission (11-20 10:00) and
    # 0070's interview (11-19 15:00).
    assert [s.application for s in unity.submitted] == ["app-2026-0075"]
    assert [r.application for r in unity.held] == ["app-2026-0070"]
    figures = {f.key: (f.period, f.to_date, f.target) for f in report.plans[0].figures}
    assert figures["late_feedback"] == (1, 1, 0)


def test_next_steps_are_the_open_follow_ups(repo):
    # brightpath-edu: tp-2026-1113-brightpath-call has the one follow-up without done_on.
    report = report_of(repo, "brightpath-edu")
    assert [(s.action, s.owner, s.due, s.touchpoint, s.late) for s in report.next_steps] == [
        ("发送学习体验负责人岗位的薪酬对标", "赵磊 (Zhao Lei)", date(2026, 11, 25),
         "tp-2026-1113-brightpath-call", False),
    ]  # fmt: skip
    later = report_of(repo, "brightpath-edu", datetime(2026, 11, 26, 9, 0, tzinfo=SHANGHAI))
    assert [s.late for s in later.next_steps] == [True]


def test_a_past_week_reads_as_it_was_then(repo):
    # The week before 2026-11-01 18:00: 0060's offer (made 10-30) is in it, its acceptance
    # (11-02) and start (11-16) are not; so 0060 stands at "offered" then.
    report = report_of(repo, "pinecone-games", datetime(2026, 11, 1, 18, 0, tzinfo=SHANGHAI))
    [unity] = report.plans[0].requirements
    assert [(e.application, e.event) for e in unity.offers] == [("app-2026-0060", "made")]
    assert dict(unity.stages)["offered"] == 1
    assert unity.hires == 0
    # 0070 (submitted 11-09) and 0075 do not exist yet: four submissions to date.
    assert unity.submitted_total == 4
    # Round 2 of 0060 (10-28 14:00) was held in that week.
    assert [(r.application, r.round) for r in unity.held] == [("app-2026-0060", 2)]


def test_a_plan_of_another_client_is_refused(repo):
    period = Period.week_before(AS_OF)
    with pytest.raises(ProgressError, match="no plan `plan-2026-012` of client `pinecone-games`"):
        plans_for(repo, repo.clients["pinecone-games"], period, "plan-2026-012")


def test_an_offers_events_of_one_day_come_in_the_order_they_happen():
    """Made and accepted the same day (a verbal offer taken on the spot), started later: the
    report listed "accepted" before "made" (sorted by name); an offer's life comes in order."""
    from hirebook.progress.model import _offer_events
    from hirebook.records.model import Application, Offer, Placement

    day = date(2026, 11, 26)
    quick = Application(
        id="app-2026-0101",
        candidate="cand-0042",
        offer=Offer(made_on=day, accepted_on=day),
        placement=Placement(start_on=day + timedelta(days=1)),
    )
    turned_down = Application(
        id="app-2026-0100", candidate="cand-0041", offer=Offer(made_on=day, declined_on=day)
    )
    week = Period.days(date(2026, 11, 23), date(2026, 11, 29), SHANGHAI)
    events = _offer_events([quick, turned_down], week)
    assert [(e.on, e.application, e.event) for e in events] == [
        (day, "app-2026-0100", "made"),
        (day, "app-2026-0100", "declined"),
        (day, "app-2026-0101", "made"),
        (day, "app-2026-0101", "accepted"),
        (day + timedelta(days=1), "app-2026-0101", "started"),
    ]
