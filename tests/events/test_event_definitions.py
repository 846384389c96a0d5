"""The events' own checks: what each writes, and every contradiction refused with its field."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from hirebook.events import definitions as events
from hirebook.events.changes import Add, Put
from hirebook.events.definitions import Record, Refused

SHANGHAI = ZoneInfo("Asia/Shanghai")
AT = datetime(2026, 11, 20, 15, 0, tzinfo=SHANGHAI)
ON = date(2026, 11, 20)


def app(**fields) -> Record:
    data = {"id": "app-1", "submitted_at": "2026-11-17T10:00:00+08:00", **fields}
    return Record("app-1", data, SHANGHAI)


ROUND_1 = {"round": 1, "at": "2026-11-19T10:00:00+08:00"}


def refusal(function, *args) -> tuple[str, tuple]:
    with pytest.raises(Refused) as refused:
        function(*args)
    return str(refused.value), refused.value.path


def test_feedback_writes_at_decision_and_note():
    assert events.feedback(app(), AT, "hold", "Wait for budget") == [
        Put(("client_feedback",), "at", "2026-11-20T15:00:00+08:00"),
        Put(("client_feedback",), "decision", "hold"),
        Put(("client_feedback",), "note", "Wait for budget"),
    ]


def test_feedback_before_the_submission_is_refused():
    early = datetime(2026, 11, 17, 9, 0, tzinfo=SHANGHAI)
    message, path = refusal(events.feedback, app(), early, "hold", None)
    assert message == (
        "app-1's resume was submitted at 2026-11-17T10:00:00+08:00; a verdict at "
        "2026-11-17T09:00:00+08:00 would come before it"
    )
    assert path == ("submitted_at",)


def test_a_datetime_without_offset_in_the_record_is_read_in_the_policy_zone():
    record = app(submitted_at="2026-11-20T16:00")  # 16:00 in Shanghai, after AT
    message, _ = refusal(events.feedback, record, AT, "hold", None)
    assert "would come before it" in message


def test_the_first_interview_is_round_1_and_a_listed_round_gets_its_time():
    assert events.interview(app(), AT, 1) == [
        Add(("interviews",), {"round": 1, "at": "2026-11-20T15:00:00+08:00"})
    ]
    unscheduled = app(interviews=[{"round": 1}])
    assert events.interview(unscheduled, AT, 1) == [
        Put(("interviews", 0), "at", "2026-11-20T15:00:00+08:00")
    ]


def test_a_round_before_the_previous_one_is_refused():
    early = datetime(2026, 11, 18, 9, 0, tzinfo=SHANGHAI)
    message, path = refusal(events.interview, app(interviews=[ROUND_1]), early, 2)
    assert message == (
        "round 1 of app-1 is at 2026-11-19T10:00:00+08:00; round 2 at "
        "2026-11-18T09:00:00+08:00 would come before it"
    )
    assert path == ("interviews", 0, "at")


def test_a_round_held_once():
    message, path = refusal(events.interview, app(interviews=[ROUND_1]), AT, 1)
    assert message.startswith("round 1 of app-1 is already at 2026-11-19T10:00:00+08:00")
    assert path == ("interviews", 0, "at")


def test_a_result_needs_the_round_and_its_time():
    message, path = refusal(events.result, app(), AT, 1, "pass", None)
    assert message == "app-1 has no interview yet: there is no round 1 (log the interview first)"
    assert path == ()
    message, path = refusal(events.result, app(interviews=[{"round": 1}]), AT, 1, "pass", None)
    assert message.startswith("round 1 of app-1 has no time yet: log the interview first")
    assert path == ("interviews", 0)


def test_a_pending_result_is_followed_by_the_final_one_once():
    given = {**ROUND_1, "result": "pending", "result_at": "2026-11-19T18:00:00+08:00"}
    # The clock stopped at the client's first answer: result_at stays.
    assert events.result(app(interviews=[given]), AT, 1, "pass", "Offer next") == [
        Put(("interviews", 0), "result", "pass"),
        Put(("interviews", 0), "note", "Offer next"),
    ]
    message, path = refusal(events.result, app(interviews=[given]), AT, 1, "pending", None)
    assert message.startswith(
        "round 1 of app-1 already has its result: `pending` at 2026-11-19T18:00:00+08:00"
    )
    assert path == ("interviews", 0, "result")
    final = {**given, "result": "fail"}
    message, _ = refusal(events.result, app(interviews=[final]), AT, 1, "pass", None)
    assert message.startswith("round 1 of app-1 already has its result: `fail` at")


def test_a_note_is_never_overwritten():
    noted = {**ROUND_1, "note": "Ran late"}
    message, path = refusal(events.result, app(interviews=[noted]), AT, 1, "pass", "On time")
    assert message == "round 1 of app-1 already has a note: 'Ran late'"
    assert path == ("interviews", 0, "note")


def test_telling_the_candidate_before_the_interview_is_refused():
    early = datetime(2026, 11, 19, 9, 0, tzinfo=SHANGHAI)
    message, _ = refusal(events.notified, app(interviews=[ROUND_1]), early, 1)
    assert message == (
        "round 1 of app-1 is at 2026-11-19T10:00:00+08:00; telling the candidate at "
        "2026-11-19T09:00:00+08:00 would come before it"
    )


def test_offer_made_then_answered_once():
    assert events.offer(app(), ON, None) == [Put(("offer",), "made_on", "2026-11-20")]
    made = app(offer={"made_on": "2026-11-18"})
    assert events.offer(made, ON, "declined") == [Put(("offer",), "declined_on", "2026-11-20")]
    message, _ = refusal(events.offer, app(), ON, "accepted")
    assert message == "app-1 has no offer yet: log the offer first (hirebook log offer app-1)"
    answered = app(offer={"made_on": "2026-11-18", "accepted_on": "2026-11-19"})
    message, path = refusal(events.offer, answered, ON, "declined")
    assert message == "the offer of app-1 was already accepted on 2026-11-19"
    assert path == ("offer", "accepted_on")


def test_a_check_in_per_day_after_the_start():
    placed = app(
        placement={"start_on": "2026-11-10", "check_ins": [{"day": 7, "on": "2026-11-17"}]}
    )
    assert events.check_in(placed, ON, 30, None) == [
        Add(("placement", "check_ins"), {"day": 30, "on": "2026-11-20"})
    ]
    message, path = refusal(events.check_in, placed, ON, 7, None)
    assert message == "the day-7 check-in of app-1 was already done on 2026-11-17"
    assert path == ("placement", "check_ins", 0)
    message, _ = refusal(events.check_in, placed, date(2026, 11, 9), 30, None)
    assert message == (
        "the hire of app-1 starts on 2026-11-10; a check-in on 2026-11-09 would come before it"
    )


def test_a_placement_is_not_withdrawn():
    message, path = refusal(events.withdraw, app(placement={"start_on": "2026-11-10"}), ON, None)
    assert message.startswith("app-1 is a placement (starting on 2026-11-10)")
    assert path == ("placement",)


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (events.feedback, (AT, "hold", None)),
        (events.interview, (AT, 1)),
        (events.result, (AT, 1, "pass", None)),
        (events.notified, (AT, 1)),
        (events.offer, (ON, None)),
        (events.placement, (ON,)),
        (events.withdraw, (ON, None)),
    ],
)
def test_nothing_happens_after_a_withdrawal(function, args):
    withdrawn = app(interviews=[ROUND_1], withdrawn={"on": "2026-11-19"})
    message, path = refusal(function, withdrawn, *args)
    assert message == "app-1 was withdrawn on 2026-11-19; nothing more happens to it"
    assert path == ("withdrawn",)


def test_the_second_signature_confirms_a_draft():
    signed_by_client = Record(
        "req-1",
        {
            "status": "draft",
            "confirmation": {"client_signed_by": "Zhang Wei", "client_signed_on": "2026-11-19"},
        },
        SHANGHAI,
    )
    assert events.signed(signed_by_client, ON, "agency", "wang-li") == [
        Put(("confirmation",), "agency_signed_by", "wang-li"),
        Put(("confirmation",), "agency_signed_on", "2026-11-20"),
        Put((), "status", "confirmed"),
    ]
    unsigned = Record("req-1", {"status": "draft"}, SHANGHAI)
    assert events.signed(unsigned, ON, "client", "Zhang Wei") == [
        Put(("confirmation",), "client_signed_by", "Zhang Wei"),
        Put(("confirmation",), "client_signed_on", "2026-11-20"),
    ]


def test_a_change_follows_the_confirmation_and_is_reconfirmed_in_order():
    draft = Record("req-1", {"status": "draft"}, SHANGHAI)
    message, path = refusal(events.change, draft, ON, "Second opening")
    assert message.startswith("req-1 is still a draft: a change is recorded once")
    assert path == ("status",)
    changed = Record(
        "req-1",
        {
            "status": "confirmed",
            "changes": [
                {"on": "2026-10-01", "summary": "A", "reconfirmed_on": "2026-10-02"},
                {"on": "2026-11-18", "summary": "B"},
                {"on": "2026-11-19", "summary": "C", "reconfirmed_on": None},
            ],
        },
        SHANGHAI,
    )
    assert events.change(changed, ON, None) == [Put(("changes", 1), "reconfirmed_on", "2026-11-20")]
    message, path = refusal(events.change, changed, date(2026, 11, 17), None)
    assert message == (
        "the change of req-1 was agreed on 2026-11-18; a re-confirmation on 2026-11-17 would "
        "come before it"
    )
    assert path == ("changes", 1, "on")


def test_an_item_is_found_by_its_words_and_done_once():
    plan = Record(
        "plan-1",
        {
            "milestones": [
                {"name": "First  shortlist", "due": "2026-11-27"},
                {"name": "Offers", "due": "2026-12-18", "done_on": "2026-11-19"},
            ]
        },
        SHANGHAI,
    )
    assert events.done(plan, ON, "milestones", "name", "First shortlist") == [
        Put(("milestones", 0), "done_on", "2026-11-20")
    ]
    message, path = refusal(events.done, plan, ON, "milestones", "name", "Offers")
    assert message == "'Offers' of plan-1 was already done on 2026-11-19"
    assert path == ("milestones", 1, "done_on")
    message, path = refusal(events.done, plan, ON, "milestones", "name", "First shortlists")
    assert message == (
        "plan-1 has no milestones item with name 'First shortlists'; did you mean "
        "'First  shortlist'? (its milestones: 'First  shortlist'; 'Offers')"
    )
    assert path == ("milestones",)


def test_every_event_has_a_command():
    from hirebook.cli.log import log_group

    assert set(events.EVENTS) == set(log_group.commands)
