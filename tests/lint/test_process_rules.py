"""HB4xx: process and chronology."""

APP = "clients/acme/applications/app-2026-0001.yaml"
REQ = "clients/acme/requirements/req-2026-001.yaml"
PLAN = "clients/acme/plans/plan-2026-001.yaml"

HEAD = """\
id: app-2026-0001
requirement: req-2026-001
candidate: cand-0001
channel: referral
"""


def test_hb401_feedback_before_submission(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
client_feedback: {at: 2026-03-11T11:00:00+08:00, decision: interview}
"""
    )
    found = agency.check(APP, text, expect=[(6, 23, "HB401")])
    assert "before `submitted_at`" in found[0].message


def test_hb401_notice_before_interview_and_result_before_interview(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
interviews:
  - round: 1
    at: 2026-03-18T14:00:00+08:00
    result_at: 2026-03-18T13:00:00+08:00
    candidate_notified_at: 2026-03-17T09:00:00+08:00
"""
    )
    agency.check(APP, text, expect=[(9, 16, "HB401"), (10, 28, "HB401")])


def test_hb401_feedback_without_submission(agency):
    text = HEAD + "client_feedback: {at: 2026-03-13T11:00:00+08:00, decision: reject}\n"
    agency.check(APP, text, expect=[(1, 5, "HB401")])


def test_hb402_accepted_before_made_and_both_answers(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
offer: {made_on: 2026-04-02, accepted_on: 2026-04-01}
"""
    )
    agency.check(APP, text, expect=[(6, 43, "HB402")])


def test_hb402_offer_before_last_interview(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
interviews:
  - {round: 1, at: 2026-03-18T14:00:00+08:00}
offer: {made_on: 2026-03-17}
"""
    )
    agency.check(APP, text, expect=[(8, 18, "HB402")])


def test_hb403_placement_without_accepted_offer(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
offer: {made_on: 2026-04-02, declined_on: 2026-04-04}
placement: {start_on: 2026-05-06}
"""
    )
    agency.check(APP, text, expect=[(7, 12, "HB403")])


def test_hb403_start_before_acceptance_and_check_in_before_start(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
offer: {made_on: 2026-04-02, accepted_on: 2026-04-04}
placement:
  start_on: 2026-04-03
  check_ins:
    - {day: 7, on: 2026-04-01}
"""
    )
    agency.check(APP, text, expect=[(8, 13, "HB403"), (10, 20, "HB403")])


def test_hb404_active_plan_with_unsigned_requirement(agency):
    text = (agency.records / REQ).read_text()
    agency.write(
        REQ,
        text.replace("status: confirmed", "status: draft")
        .replace("  client_signed_on: 2026-03-05\n", "")
        .replace("  client_signed_by: Zhang Wei\n", ""),
    )
    agency.check(PLAN, None, expect=[(2, 16, "HB404")])


def test_hb405_submission_before_signature(agency):
    text = (agency.records / REQ).read_text()
    agency.write(REQ, text.replace("client_signed_on: 2026-03-05", "client_signed_on: 2026-03-13"))
    found = agency.check(APP, None, expect=[(5, 15, "HB405")])
    assert "2026-03-13" in found[0].message


def test_hb405_allows_requirement_filled_since(agency):
    # Signed 2026-03-05, submitted 2026-03-12: fine even though the status moved on.
    text = (agency.records / REQ).read_text()
    agency.write(
        REQ, text.replace("status: confirmed", "status: cancelled") + "closed_on: 2026-06-01\n"
    )
    agency.check(APP, None, expect=[])


def test_hb406_confirmed_without_agency_signature(agency):
    text = (agency.records / REQ).read_text()
    text = text.replace("  agency_signed_by: wang-li\n", "").replace(
        "  agency_signed_on: 2026-03-05\n", ""
    )
    found = agency.check(REQ, text, expect=[(7, 1, "HB406")])
    assert "`agency_signed_by`, `agency_signed_on`" in found[0].message


def test_hb407_filled_without_hire_or_closing_day(agency):
    text = (agency.records / REQ).read_text().replace("status: confirmed", "status: filled")
    agency.check(REQ, text, expect=[(3, 9, "HB407"), (3, 9, "HB407")])


def test_hb407_filled_with_hire_is_fine(agency):
    text = (agency.records / REQ).read_text().replace("status: confirmed", "status: filled")
    agency.write(REQ, text + "closed_on: 2026-04-04\n")
    app = (
        agency.records / APP
    ).read_text() + "offer: {made_on: 2026-04-02, accepted_on: 2026-04-04}\n"
    agency.write(APP, app)
    agency.check(REQ, None, expect=[])


def test_hb408_signed_before_received(agency):
    text = (
        (agency.records / REQ)
        .read_text()
        .replace("agency_signed_on: 2026-03-05", "agency_signed_on: 2026-03-01")
    )
    agency.check(REQ, text, expect=[(11, 21, "HB408")])


def test_hb408_reconfirmed_before_change(agency):
    text = (
        (agency.records / REQ).read_text()
        + """\
changes:
  - {on: 2026-04-01, summary: Added team lead duties, reconfirmed_on: 2026-03-30}
"""
    )
    agency.check(REQ, text, expect=[(13, 71, "HB408")])


def test_hb409_active_plan_without_client_confirmation(agency):
    text = (agency.records / PLAN).read_text().replace("client_confirmed_on: 2026-03-08\n", "")
    agency.check(PLAN, text, expect=[(3, 9, "HB409")])


def test_hb409_confirmed_before_proposed(agency):
    text = (
        (agency.records / PLAN)
        .read_text()
        .replace("client_confirmed_on: 2026-03-08", "client_confirmed_on: 2026-03-05")
    )
    agency.check(PLAN, text, expect=[(5, 22, "HB409")])


def test_hb410_interview_after_withdrawal(agency):
    text = (
        HEAD
        + """\
submitted_at: 2026-03-12T15:00:00+08:00
interviews:
  - {round: 1, at: 2026-03-25T14:00:00+08:00}
withdrawn: {on: 2026-03-20, reason: Took another offer}
"""
    )
    found = agency.check(APP, text, expect=[(7, 20, "HB410")])
    assert str(found[0].severity) == "warning"
