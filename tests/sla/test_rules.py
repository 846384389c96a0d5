"""SLA clocks worked out by hand. Each test states its arithmetic.

The fixture agency (tests/conftest.py): Asia/Shanghai, Mon–Fri 09:00–18:00, holidays
2026-10-01 and 2026-10-02 (Thu, Fri), make-up workday 2026-09-27 (a Sunday); client `acme` is
strategic. 1bd = 9 working hours. warn_within 0.25.
"""

from datetime import datetime, timedelta, timezone

from hirebook.sla.engine import evaluate_all

CST = timezone(timedelta(hours=8))
APP = "clients/acme/applications/app-2026-0001.yaml"
CLIENT = "clients/acme/client.yaml"
PLAN = "clients/acme/plans/plan-2026-001.yaml"


def at(*args, tz=CST):
    return datetime(*args, tzinfo=tz)


def board(agency, as_of, rule):
    return [f for f in evaluate_all(agency.load(), as_of, rules=[rule]).findings]


def one(agency, as_of, rule, subject=None):
    found = [f for f in board(agency, as_of, rule) if subject is None or f.clock.subject == subject]
    assert len(found) == 1, [f.clock.subject for f in found]
    return found[0]


def submitted(agency, when, **extra):
    text = f"""\
id: app-2026-0001
requirement: req-2026-001
candidate: cand-0001
channel: referral
submitted_at: {when}
"""
    for key, value in extra.items():
        text += f"{key}: {value}\n"
    agency.write(APP, text)


def set_tier(agency, tier, extra=""):
    text = (agency.records / CLIENT).read_text().replace("tier: strategic", f"tier: {tier}")
    agency.write(CLIENT, text + extra)


# --- client-feedback: business days ------------------------------------------------------


def test_weekend_is_skipped(agency):
    # Fri 2026-03-13 17:00 + 1bd: 1h on Friday, 8h on Monday -> Mon 2026-03-16 17:00.
    submitted(agency, "2026-03-13T17:00:00+08:00")
    finding = one(agency, at(2026, 3, 16, 12), "client-feedback")
    assert finding.clock.due == at(2026, 3, 16, 17)
    # As of Mon 12:00, 5 working hours remain; 25% of 9h is 2h15: on track.
    assert finding.state == "on_track"
    assert (
        finding.message
        == "Client feedback on app-2026-0001 (req-2026-001) is due in 5 working hours"
    )


def test_overdue_in_business_days(agency):
    # Due Mon 2026-03-16 17:00. As of Thu 2026-03-19 17:00: Mon 17-18 (1h) + Tue 9h + Wed 9h +
    # Thu 09-17 (8h) = 27h = 3 business days late.
    submitted(agency, "2026-03-13T17:00:00+08:00")
    finding = one(agency, at(2026, 3, 19, 17), "client-feedback")
    assert finding.state == "overdue"
    assert finding.message.endswith("is 3 business days overdue")


def test_holidays_are_skipped(agency):
    # Key tier: 2bd = 18h. Wed 2026-09-30 15:00: 3h that day; Oct 1-2 holidays, Oct 3-4 weekend;
    # Mon Oct 5: 9h (12h); Tue Oct 6 09:00 + 6h -> Tue 2026-10-06 15:00.
    set_tier(agency, "key")
    submitted(agency, "2026-09-30T15:00:00+08:00")
    assert one(agency, at(2026, 10, 6, 9), "client-feedback").clock.due == at(2026, 10, 6, 15)


def test_make_up_sunday_counts(agency):
    # Strategic 1bd from Fri 2026-09-25 17:00: 1h Friday, Sat off, Sun 2026-09-27 is a make-up
    # workday: 8h -> Sun 2026-09-27 17:00.
    submitted(agency, "2026-09-25T17:00:00+08:00")
    assert one(agency, at(2026, 9, 26, 12), "client-feedback").clock.due == at(2026, 9, 27, 17)


def test_after_hours_start_counts_from_next_morning(agency):
    # Tue 2026-03-10 20:30 starts at Wed 09:00; + 9h -> Wed 2026-03-11 18:00 (end of day, not
    # Thu 09:00).
    submitted(agency, "2026-03-10T20:30:00+08:00")
    assert one(agency, at(2026, 3, 11, 9), "client-feedback").clock.due == at(2026, 3, 11, 18)


def test_at_risk_threshold(agency):
    # Mon 2026-03-16 09:00 + 1bd = 18:00. At 15:45, 2h15m remain = exactly 25% of 9h: not yet
    # at risk ("less than"). At 15:46, 2h14m remain: at risk.
    submitted(agency, "2026-03-16T09:00:00+08:00")
    assert one(agency, at(2026, 3, 16, 15, 45), "client-feedback").state == "on_track"
    assert one(agency, at(2026, 3, 16, 15, 46), "client-feedback").state == "at_risk"


def test_stop_after_due_is_breached_even_outside_hours(agency):
    # Due Mon 2026-03-16 18:00; feedback Mon 20:30: no working time passed, but it is after
    # the due instant -> breached.
    submitted(
        agency,
        "2026-03-16T09:00:00+08:00",
        client_feedback="{at: 2026-03-16T20:30:00+08:00, decision: reject}",
    )
    assert one(agency, at(2026, 3, 20, 12), "client-feedback").state == "breached"


def test_stop_on_time_is_met(agency):
    submitted(
        agency,
        "2026-03-16T09:00:00+08:00",
        client_feedback="{at: 2026-03-16T17:59:00+08:00, decision: interview}",
    )
    finding = one(agency, at(2026, 3, 20, 12), "client-feedback")
    assert finding.state == "met"
    assert finding.message.endswith("was on time")


def test_per_client_override_in_calendar_days(agency):
    # client.yaml sla: {client-feedback: 2d} -> 48 elapsed hours: Fri 2026-03-13 17:00 ->
    # Sun 2026-03-15 17:00, weekend included.
    set_tier(agency, "strategic", "sla:\n  client-feedback: 2d\n")
    submitted(agency, "2026-03-13T17:00:00+08:00")
    assert one(agency, at(2026, 3, 14, 9), "client-feedback").clock.due == at(2026, 3, 15, 17)


def test_policy_goal_for_tier_is_used(agency):
    # The fixture policy says key: 2bd; ordinary: 3bd. Ordinary from Mon 2026-03-16 09:00 ->
    # 27h -> Wed 2026-03-18 18:00.
    set_tier(agency, "ordinary")
    submitted(agency, "2026-03-16T09:00:00+08:00")
    assert one(agency, at(2026, 3, 16, 10), "client-feedback").clock.due == at(2026, 3, 18, 18)


def test_withdrawn_application_drops_its_clock(agency):
    submitted(
        agency,
        "2026-03-16T09:00:00+08:00",
        withdrawn="{on: 2026-03-16, reason: Took another offer}",
    )
    assert board(agency, at(2026, 3, 20, 12), "client-feedback") == []


def test_clock_that_has_not_started_does_not_exist(agency):
    submitted(agency, "2026-03-16T09:00:00+08:00")
    assert board(agency, at(2026, 3, 16, 8, 59), "client-feedback") == []


def test_paused_client_has_no_clocks(agency):
    text = (agency.records / CLIENT).read_text().replace("status: active", "status: paused")
    agency.write(CLIENT, text)
    submitted(agency, "2026-03-16T09:00:00+08:00")
    findings = evaluate_all(agency.load(), at(2026, 11, 20, 12)).findings
    assert [f.clock.rule for f in findings] == ["data-retention"]


# --- 24-hour rule: calendar time ---------------------------------------------------------


def test_candidate_notice_is_24_elapsed_hours(agency):
    # Interview Fri 2026-03-20 14:00 -> due Sat 2026-03-21 14:00, weekend or not.
    submitted(
        agency,
        "2026-03-12T15:00:00+08:00",
        client_feedback="{at: 2026-03-13T11:00:00+08:00, decision: interview}",
        interviews="[{round: 1, at: 2026-03-20T14:00:00+08:00, result: pending}]",
    )
    finding = one(agency, at(2026, 3, 21, 9), "candidate-notice")
    assert finding.clock.due == at(2026, 3, 21, 14)
    # 5h left; 25% of 24h = 6h: at risk.
    assert finding.state == "at_risk"


def test_candidate_notice_across_daylight_saving(agency):
    # New York springs forward on Sun 2026-03-08. Interview Sat 2026-03-07 12:00-05:00 + 24h =
    # Sun 17:00 UTC = Sun 2026-03-08 13:00-04:00 (the wall clock moved 25 hours).
    policy = (agency.records / "policy.yaml").read_text()
    agency.write("policy.yaml", policy.replace("Asia/Shanghai", "America/New_York"))
    submitted(
        agency,
        "2026-03-05T10:00:00-05:00",
        client_feedback="{at: 2026-03-06T11:00:00-05:00, decision: interview}",
        interviews="[{round: 1, at: 2026-03-07T12:00:00-05:00}]",
    )
    finding = one(agency, at(2026, 3, 8, 10, tz=timezone(timedelta(hours=-4))), "candidate-notice")
    assert finding.clock.due == at(2026, 3, 8, 13, tz=timezone(timedelta(hours=-4)))


# --- date-only events ----------------------------------------------------------------------


def test_requirement_confirmation_with_date_only_stop(agency):
    # Received Mon 2026-03-02 10:00, strategic 2bd = 18h: Mon 10-18 (8h), Tue (9h), Wed 09-10
    # (1h) -> due Wed 2026-03-04 10:00. Signed on 2026-03-05 (a date): after the due date ->
    # breached. Signed on 2026-03-04: on the due date -> met.
    finding = one(agency, at(2026, 6, 1, 12), "requirement-confirmation")
    assert finding.clock.due == at(2026, 3, 4, 10)
    assert finding.state == "breached"
    rel = "clients/acme/requirements/req-2026-001.yaml"
    agency.write(rel, (agency.records / rel).read_text().replace("2026-03-05", "2026-03-04"))
    assert one(agency, at(2026, 6, 1, 12), "requirement-confirmation").state == "met"


def test_plan_proposal_starts_at_the_start_of_the_signature_day(agency):
    # Signed Thu 2026-03-05 -> starts 09:00; strategic 2bd -> Fri 2026-03-06 18:00. Proposed
    # on 2026-03-06 -> met.
    finding = one(agency, at(2026, 6, 1, 12), "plan-proposal")
    assert finding.clock.started == at(2026, 3, 5, 9)
    assert finding.clock.due == at(2026, 3, 6, 18)
    assert finding.state == "met"


def test_milestone_due_at_end_of_day(agency):
    # Due 2026-03-20 -> due 2026-03-20T23:59:59. At 10:00 that day 13h59m59s remain (< 1 day):
    # at risk; two days before: on track; after midnight: overdue; done that day: met.
    text = (
        agency.records / PLAN
    ).read_text() + "milestones:\n  - {name: Shortlist, due: 2026-03-20}\n"
    agency.write(PLAN, text)
    finding = one(agency, at(2026, 3, 20, 10), "milestone")
    assert finding.clock.due == at(2026, 3, 20, 23, 59, 59)
    assert finding.state == "at_risk"
    assert one(agency, at(2026, 3, 18, 12), "milestone").state == "on_track"
    assert one(agency, at(2026, 3, 21, 0, 0), "milestone").state == "overdue"
    agency.write(PLAN, text.replace("due: 2026-03-20}", "due: 2026-03-20, done_on: 2026-03-20}"))
    assert one(agency, at(2026, 3, 25, 12), "milestone").state == "met"
    agency.write(PLAN, text.replace("due: 2026-03-20}", "due: 2026-03-20, done_on: 2026-03-21}"))
    assert one(agency, at(2026, 3, 25, 12), "milestone").state == "breached"


def test_onboarding_check_ins(agency):
    # Start Wed 2026-05-06. Day 7 = Wed 05-13, from 09:00 + 3bd (27h) -> Fri 2026-05-15 18:00.
    # Day 30 = Fri 06-05 -> not started as of 05-18, so it does not exist yet.
    submitted(
        agency,
        "2026-03-12T15:00:00+08:00",
        client_feedback="{at: 2026-03-13T11:00:00+08:00, decision: interview}",
        interviews="[{round: 1, at: 2026-03-18T14:00:00+08:00, result: pass, "
        "result_at: 2026-03-18T19:00:00+08:00, candidate_notified_at: 2026-03-19T09:00:00+08:00}]",
        offer="{made_on: 2026-04-02, accepted_on: 2026-04-04}",
        placement="{start_on: 2026-05-06}",
    )
    findings = board(agency, at(2026, 5, 18, 9), "onboarding-check-in")
    assert [(f.clock.subject, f.clock.due, f.state) for f in findings] == [
        ("app-2026-0001#day-7", at(2026, 5, 15, 18), "overdue")
    ]


# --- recurring rules -----------------------------------------------------------------------


def test_progress_report_intervals(agency):
    # Plan confirmed Sun 2026-03-08 -> interval 1 from 03-08 00:00, due 03-15 00:00; report
    # 03-13 10:00 (met). Interval 2 due 03-20 10:00; report 03-21 09:00 (breached). Interval 3
    # from 03-21 09:00 due 03-28 09:00; as of 03-27 12:00, 21h remain < 25% of 7d (42h): at risk.
    for number, when in enumerate(["2026-03-13T10:00:00+08:00", "2026-03-21T09:00:00+08:00"], 1):
        agency.write(
            f"clients/acme/touchpoints/tp-2026-000{number}.yaml",
            f"""\
            id: tp-2026-000{number}
            type: progress_report
            at: {when}
            by: wang-li
            plan: plan-2026-001
            summary: Weekly report.
            """,
        )
    findings = board(agency, at(2026, 3, 27, 12), "progress-report")
    assert [(f.clock.subject, f.clock.due, f.state) for f in findings] == [
        ("plan-2026-001#report-3", at(2026, 3, 28, 9), "at_risk"),
        ("plan-2026-001#report-2", at(2026, 3, 20, 10), "breached"),
        ("plan-2026-001#report-1", at(2026, 3, 15, 0), "met"),
    ]


def test_regular_meeting_cadence_from_client(agency):
    # meetings: every 14d. Since 2024-03-01; a meeting on 2026-11-01 10:00 -> the open interval
    # is due 2026-11-15 10:00; as of 2026-11-20 it is 5 days overdue. Calls do not count.
    set_tier(agency, "strategic", "meetings: {every: 14d}\n")
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        """\
        id: tp-2026-0001
        type: meeting
        at: 2026-11-01T10:00:00+08:00
        by: wang-li
        summary: Quarterly review.
        """,
    )
    agency.write(
        "clients/acme/touchpoints/tp-2026-0002.yaml",
        """\
        id: tp-2026-0002
        type: call
        at: 2026-11-10T10:00:00+08:00
        by: wang-li
        summary: Quick call.
        """,
    )
    finding = board(agency, at(2026, 11, 20, 10), "regular-meeting")[0]
    assert finding.clock.subject == "acme#meeting-2"
    assert finding.clock.due == at(2026, 11, 15, 10)
    assert finding.message == "Meeting 2 with acme is 5 days overdue"


def test_data_retention_exists_before_its_day(agency):
    # retain_until 2028-03-10: on the board at once, due 2028-03-10T23:59:59.
    finding = one(agency, at(2026, 11, 20, 12), "data-retention")
    assert finding.clock.due == at(2028, 3, 10, 23, 59, 59)
    assert finding.clock.owner is None
    assert finding.state == "on_track"


# --- lines ---------------------------------------------------------------------------------


def test_each_clock_carries_the_line_of_its_field_unless_lines_are_not_asked_for(agency):
    # The application file as `submitted` writes it: id (line 1), requirement, candidate,
    # channel, submitted_at (line 5), client_feedback (line 6), interviews (line 7), whose
    # first item's `at` is on line 9 and `result_at` on line 11.
    submitted(
        agency,
        "2026-03-12T15:00:00+08:00",
        client_feedback="{at: 2026-03-13T11:00:00+08:00, decision: interview}",
        interviews="\n  - round: 1\n    at: 2026-03-20T14:00:00+08:00\n    result: pass\n"
        "    result_at: 2026-03-20T16:00:00+08:00",
    )
    as_of = at(2026, 3, 23, 12)
    lines = {
        f.clock.rule: f.clock.line_number
        for f in evaluate_all(agency.load(), as_of).findings
        if f.clock.record.endswith(APP)
    }
    # client-feedback stops at client_feedback.at (line 6); interview-result stops at the
    # interview's result_at (line 11); candidate-notice has not stopped: it points at the
    # interview's `at` (line 9), where candidate_notified_at would go beside it.
    assert lines == {"client-feedback": 6, "interview-result": 11, "candidate-notice": 9}
    unlooked = evaluate_all(agency.load(), as_of, lines=False).findings
    assert {f.clock.line_number for f in unlooked} == {None}
    assert {f.clock.line for f in unlooked} == {1}  # the file's top
