"""An event's change written into a record's text: only its lines change, or nothing does.

Every expected text is written out by hand: the record before, and after the change.
"""

import pytest

from hirebook.events.changes import Add, Put, Scalar
from hirebook.events.roundtrip import RoundTripError, edit
from hirebook.records import yamlread


def written(text: str, changes) -> str:
    return edit(text, yamlread.parse(text).data, changes)


APPLICATION = """\
# Submitted on Monday; the client asked for a week.
id: app-2026-0001
requirement: req-2026-001   # the Go role
candidate: cand-0001
channel: 'referral'

submitted_at: 2026-03-12T15:00:00+08:00
"""


def test_a_new_mapping_is_added_below_and_every_line_stays():
    changes = [
        Put(("client_feedback",), "at", Scalar("2026-03-13T11:00:00+08:00")),
        Put(("client_feedback",), "decision", "interview"),
        Put(("client_feedback",), "note", "Strong: check leadership"),
    ]
    assert written(APPLICATION, changes) == (
        "# Submitted on Monday; the client asked for a week.\n"
        "id: app-2026-0001\n"
        "requirement: req-2026-001   # the Go role\n"
        "candidate: cand-0001\n"
        "channel: 'referral'\n"
        "\n"
        "submitted_at: 2026-03-12T15:00:00+08:00\n"
        "client_feedback:\n"
        "  at: 2026-03-13T11:00:00+08:00\n"
        "  decision: interview\n"
        "  note: 'Strong: check leadership'\n"
    )


INTERVIEWS = """\
id: app-2026-0001
interviews:
  - round: 1
    at: 2026-03-18T14:00:00+08:00   # in the client's office
    result: pass

  - round: 2
    at: 2026-03-25T10:00:00+08:00
"""


def test_fields_go_into_the_right_round_of_a_block_list():
    changes = [
        Put(("interviews", 1), "result", "fail"),
        Put(("interviews", 1), "result_at", Scalar("2026-03-25T18:00:00+08:00")),
    ]
    assert written(INTERVIEWS, changes) == INTERVIEWS + (
        "    result: fail\n    result_at: 2026-03-25T18:00:00+08:00\n"
    )


def test_a_new_round_is_a_block_item_like_the_others():
    changes = [Add(("interviews",), {"round": 3, "at": Scalar("2026-04-01T09:30:00+08:00")})]
    assert written(INTERVIEWS, changes) == INTERVIEWS + (
        "  - round: 3\n    at: 2026-04-01T09:30:00+08:00\n"
    )


PLAN = """\
id: plan-2026-001
milestones:                 # due dates agreed with the client
  - {name: First shortlist, due: 2026-03-20, done_on: null}
  - {name: "Offers: accepted", due: 2026-05-29}
status: active
"""


def test_a_flow_item_gains_its_field_on_its_own_line():
    changes = [Put(("milestones", 1), "done_on", Scalar("2026-05-28"))]
    assert written(PLAN, changes) == (
        "id: plan-2026-001\n"
        "milestones:                 # due dates agreed with the client\n"
        "  - {name: First shortlist, due: 2026-03-20, done_on: null}\n"
        '  - {name: "Offers: accepted", due: 2026-05-29, done_on: 2026-05-28}\n'
        "status: active\n"
    )


def test_a_null_becomes_the_date():
    changes = [Put(("milestones", 0), "done_on", Scalar("2026-03-19"))]
    assert written(PLAN, changes) == PLAN.replace("done_on: null", "done_on: 2026-03-19")


def test_crlf_line_breaks_stay_and_a_missing_last_break_is_added():
    text = "id: app-2026-0001\r\nchannel: referral\r\nsubmitted_at: 2026-03-12T15:00:00+08:00"
    changes = [Put(("withdrawn",), "on", Scalar("2026-03-20"))]
    assert written(text, changes) == (
        "id: app-2026-0001\r\nchannel: referral\r\nsubmitted_at: 2026-03-12T15:00:00+08:00\r\n"
        "withdrawn:\r\n  on: 2026-03-20\r\n"
    )


def test_an_edit_that_would_rewrite_another_line_is_refused():
    # ruamel.yaml writes `key: value` with one space: the aligned value would change too.
    text = "id: req-2026-001\nchannel:     referral\nstatus: draft\n"
    with pytest.raises(RoundTripError) as refused:
        written(text, [Put((), "status", "confirmed")])
    assert refused.value.line == 2
    assert "line 2 (`channel:     referral`)" in str(refused.value)


def test_a_list_written_without_indentation_keeps_its_style():
    text = "id: app-2026-0001\ninterviews:\n- round: 1\n  at: 2026-03-18T14:00:00+08:00\n"
    changes = [Put(("interviews", 0), "result", "pass")]
    assert written(text, changes) == text + "  result: pass\n"


def test_text_that_does_not_parse_is_refused_with_its_line():
    with pytest.raises(RoundTripError) as refused:
        edit("id: a\nb: [1, 2\n", {"id": "a"}, [Put((), "c", "d")])
    assert refused.value.line >= 2
