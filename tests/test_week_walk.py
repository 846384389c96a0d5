"""A working week at the agency by the command line: the places where an account manager,
living Monday 2026-11-23 to Friday 2026-11-27 on a copy of the demo, found a command that did
not do what the day needed. Each test fails on the code before its fix.

The demo's calendar: Monday to Friday, 09:00-18:00 in Asia/Shanghai (a business day is 9
working hours), no holiday from 23 to 27 November 2026; warn_within 0.25. evergreen-health is
a key client of wang-li: client-feedback 2bd (18 working hours), plan-proposal 3bd,
feedback-survey 10bd. The demo's highest ids: app-2026-0075, cand-0090, fb-2026-003 and
plan-2026-015 (req-2026-016, Digital Health Product Manager, is evergreen-health's, confirmed
on 2026-11-10 and without a plan).
"""

from __future__ import annotations

import json
import shutil

import pytest

from hirebook.cli.main import cli

EVERGREEN = "clients/evergreen-health"


@pytest.fixture
def records(tmp_path, demo_records):
    """A copy of the demo's records: the week's events change it."""
    return shutil.copytree(demo_records, tmp_path / "records")


def hirebook(runner, records, *args, env=None):
    """``hirebook ARGS --records RECORDS``; HIREBOOK_AS_OF only where ``env`` sets it."""
    return runner.invoke(
        cli, [*args, "--records", str(records)], env={"HIREBOOK_AS_OF": None, **(env or {})}
    )


def board(runner, records, as_of: str, rule: str) -> dict[str, tuple[str, str, int]]:
    """subject: (state, due, remaining seconds) of every clock of ``rule`` as of ``as_of``."""
    result = hirebook(
        runner, records, "sla", "--as-of", as_of, "--all", "--rule", rule,
        "--format", "json", "--fail-on", "never",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return {
        f["subject"]: (f["state"], f["due"], f["remaining_seconds"])
        for f in json.loads(result.stdout)["findings"]
    }


# --- new: "now" is --as-of (or HIREBOOK_AS_OF), as for every other command --------------------


def test_a_resume_submitted_on_tuesday_is_dated_tuesday(runner, records):
    """Before: `new` had no --as-of and ignored HIREBOOK_AS_OF, so in the demo every record of
    the week was dated Friday 2026-11-20 17:00 (demo_as_of), and an agency could not record
    yesterday's submission at its time."""
    args = ["new", "application", "--requirement", "req-2026-016", "--candidate", "cand-0017"]
    result = hirebook(
        runner, records, *args, "--channel", "talent_pool", "--as-of", "2026-11-24T10:00"
    )
    assert result.exit_code == 0, result.output
    written = records / EVERGREEN / "applications/app-2026-0076.yaml"
    assert "\nsubmitted_at: 2026-11-24T10:00:00+08:00 " in written.read_text(encoding="utf-8")
    # Tuesday 10:00 + 18 working hours: Tue 10-18 (8 h), Wed 09-18 (9 h), Thu 09-10 (1 h).
    # At risk once less than 4.5 h remain: from Wed 14:30 (Wed 3.5 h + Thu 1 h).
    assert board(runner, records, "2026-11-25T14:29:00+08:00", "client-feedback")[
        "app-2026-0076"
    ] == ("on_track", "2026-11-26T10:00:00+08:00", 4 * 3600 + 31 * 60)
    assert (
        board(runner, records, "2026-11-25T14:31:00+08:00", "client-feedback")["app-2026-0076"][0]
        == "at_risk"
    )
    assert board(runner, records, "2026-11-26T10:01:00+08:00", "client-feedback")[
        "app-2026-0076"
    ] == ("overdue", "2026-11-26T10:00:00+08:00", -60)


def test_hirebook_as_of_dates_every_kind_new_writes(runner, records):
    env = {"HIREBOOK_AS_OF": "2026-11-27T17:00:00+08:00"}
    result = hirebook(
        runner, records, "new", "touchpoint", "--client", "evergreen-health", "--type", "visit",
        "--by", "wang-li", "--summary", "Visited the Jing'an clinic", env=env,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # Named by its day, client and type, as the demo's (tests/test_daily_leftovers5.py).
    visit = "touchpoints/tp-2026-1127-evergreen-health-visit.yaml"
    text = (records / EVERGREEN / visit).read_text(encoding="utf-8")
    assert "\nat: 2026-11-27T17:00:00+08:00\n" in text
    # A date alone is the end of that day's working hours, so its day.
    result = hirebook(runner, records, "new", "candidate", "--name", "Gao Ming", env=env)
    assert result.exit_code == 0, result.output
    text = (records / "candidates/cand-0091.yaml").read_text(encoding="utf-8")
    assert "consent: {given_on: 2026-11-27," in text
    assert "\nretain_until: 2028-11-27 " in text
    result = hirebook(
        runner, records, "new", "plan", "--requirement", "req-2026-016", "--as-of", "2026-11-23"
    )
    assert result.exit_code == 0, result.output
    text = (records / EVERGREEN / "plans/plan-2026-016.yaml").read_text(encoding="utf-8")
    assert "\n# proposed_on: 2026-11-23 " in text


def test_a_received_at_after_as_of_is_refused(runner, records):
    """--received-at is judged against --as-of's now, not the demo's Friday."""
    args = ["new", "requirement", "--client", "evergreen-health", "--title", "Clinic Manager"]
    when = ["--received-at", "2026-11-23T09:30"]
    refused = hirebook(runner, records, *args, *when, "--as-of", "2026-11-23T09:00")
    assert refused.exit_code == 2
    assert "2026-11-23T09:30+08:00 is after now (2026-11-23T09:00+08:00)" in refused.output
    assert not (records / EVERGREEN / "requirements/req-2026-020.yaml").exists()
    result = hirebook(runner, records, *args, *when, "--as-of", "2026-11-23T11:00")
    assert result.exit_code == 0, result.output
    text = (records / EVERGREEN / "requirements/req-2026-020.yaml").read_text(encoding="utf-8")
    assert "\nreceived_at: 2026-11-23T09:30:00+08:00 " in text


def test_an_as_of_outside_the_records_years_is_a_usage_error(runner, records):
    # 1900-01-01 00:00 at +14:00 is 1899-12-31 in Asia/Shanghai: the record would not lint.
    result = hirebook(
        runner, records, "new", "candidate", "--name", "Gao Ming",
        "--as-of", "1900-01-01T00:00:00+14:00",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "is in the year 1899 in Asia/Shanghai" in result.output
    assert not (records / "candidates/cand-0091.yaml").exists()


# --- new feedback: the survey of a filled requirement, without editing the YAML -------------


def test_feedback_on_a_filled_requirement_stops_its_survey(runner, records):
    """Before: `new feedback` could not name the requirement, so the survey clock of a filled
    one ran on until the file was edited by hand (the template's line commented out).
    req-2026-006 was filled on Monday 2026-11-09: its survey starts at 09:00 that day and
    10bd (90 working hours) run out on Friday 2026-11-20 at 18:00."""
    survey = board(runner, records, "2026-11-23T09:30:00+08:00", "feedback-survey")
    assert survey["req-2026-006#survey"] == ("overdue", "2026-11-20T18:00:00+08:00", -30 * 60)
    args = ["new", "feedback", "--client", "evergreen-health", "--by", "wang-li"]
    result = hirebook(
        runner, records, *args, "--overall", "4", "--requirement", "req-2026-006",
        "--as-of", "2026-11-23T10:00",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (records / EVERGREEN / "feedback/fb-2026-004.yaml").read_text(encoding="utf-8")
    assert "\non: 2026-11-23\ncollected_by: wang-li\nrequirement: req-2026-006 " in text
    # A date-only stop is on time when its day is on or before the due day: the 23rd is not.
    survey = board(runner, records, "2026-11-23T10:00:00+08:00", "feedback-survey")
    assert survey["req-2026-006#survey"][:2] == ("breached", "2026-11-20T18:00:00+08:00")


def test_feedback_names_only_a_requirement_of_its_client(runner, records):
    args = ["new", "feedback", "--client", "evergreen-health", "--by", "wang-li"]
    result = hirebook(runner, records, *args, "--overall", "4", "--requirement", "req-2026-019")
    assert result.exit_code == 2
    assert "no requirement `req-2026-019` in clients/evergreen-health/" in result.output
    assert not (records / EVERGREEN / "feedback/fb-2026-004.yaml").exists()


# --- log proposed / agreed / filled: the plan's and the requirement's everyday events ---------


def plan_event(runner, records, event: str, as_of: str) -> str:
    """``hirebook log EVENT plan-2026-016`` as of ``as_of``; the plan's text after it."""
    result = hirebook(runner, records, "log", event, "plan-2026-016", "--as-of", as_of)
    assert result.exit_code == 0, result.output
    return (records / EVERGREEN / "plans/plan-2026-016.yaml").read_text(encoding="utf-8")


def test_a_plan_proposed_then_agreed_by_the_client(runner, records):
    """Before: a plan's proposal and the client's agreement, and a requirement filled, were
    edits of the YAML by hand (README's steps 3 and 7); `log` had no event for them.
    req-2026-016 was confirmed on Tuesday 2026-11-10: plan-proposal (3bd, 27 working hours)
    from 09:00 that day is due on Thursday 2026-11-12 at 18:00, so Monday's proposal breaches."""
    result = hirebook(runner, records, "new", "plan", "--requirement", "req-2026-016",
                      "--as-of", "2026-11-23T09:30")  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = records / EVERGREEN / "plans/plan-2026-016.yaml"
    before = plan.read_bytes()
    refused = hirebook(runner, records, "log", "agreed", "plan-2026-016",
                       "--as-of", "2026-11-23T10:00")  # fmt: skip
    assert refused.exit_code == 1
    assert "has not been proposed yet: log that first (hirebook log proposed plan-2026-016)" in (
        refused.output
    )
    assert plan.read_bytes() == before
    text = plan_event(runner, records, "proposed", "2026-11-23T10:00")
    assert "\nstatus: proposed " in text
    # In place of the template's example (tests/test_daily_leftovers5.py).
    assert "\nproposed_on: 2026-11-23\n# client_confirmed_on: " in text
    proposal = board(runner, records, "2026-11-23T10:00:00+08:00", "plan-proposal")
    assert proposal["req-2026-016"][:2] == ("breached", "2026-11-12T18:00:00+08:00")
    text = plan_event(runner, records, "agreed", "2026-11-24T10:00")
    assert "\nstatus: active " in text
    assert "\nproposed_on: 2026-11-23\nclient_confirmed_on: 2026-11-24\nposition_analysis: " in text
    # first-submission, 7bd = 63 working hours from Tuesday 09:00: Tue 24 to Mon 30 is five
    # days (45 h), Tuesday 1 December 54 h, Wednesday 2 December 18:00 63 h; at Tuesday 10:00
    # 62 h remain. progress-report, 7d from 00:00 of the 24th.
    assert board(runner, records, "2026-11-24T10:00:00+08:00", "first-submission")[
        "plan-2026-016"
    ] == ("on_track", "2026-12-02T18:00:00+08:00", 62 * 3600)
    reports = board(runner, records, "2026-11-24T10:00:00+08:00", "progress-report")
    assert reports["plan-2026-016#report-1"][:2] == ("on_track", "2026-12-01T00:00:00+08:00")


def test_a_requirement_filled_starts_its_survey(runner, records):
    """req-2026-013 (harbor-auto) has app-2026-0047's accepted offer. Filled on Friday
    2026-11-27: the survey, 10bd = 90 working hours from 09:00 that day, is due on Thursday
    2026-12-10 at 18:00 (27 Nov, 30 Nov, 1-4 Dec, 7-10 Dec); at 17:00, 82 hours remain."""
    result = hirebook(runner, records, "log", "filled", "req-2026-013",
                      "--as-of", "2026-11-27T17:00")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (records / "clients/harbor-auto/requirements/req-2026-013.yaml").read_text("utf-8")
    assert "\nstatus: filled\n" in text
    assert text.endswith("\nclosed_on: 2026-11-27\n")
    assert board(runner, records, "2026-11-27T17:00:00+08:00", "feedback-survey")[
        "req-2026-013#survey"
    ] == ("on_track", "2026-12-10T18:00:00+08:00", 82 * 3600)
    again = hirebook(runner, records, "log", "filled", "req-2026-013",
                     "--as-of", "2026-11-27T17:30")  # fmt: skip
    assert again.exit_code == 1
    assert "req-2026-013 is already filled (closed on 2026-11-27)" in again.output


def test_a_draft_is_not_filled(runner, records):
    # req-2026-019 (northwind-cloud) is a draft: signed by the client only.
    result = hirebook(runner, records, "log", "filled", "req-2026-019")
    assert result.exit_code == 1
    assert "req-2026-019 is still a draft: it is filled once confirmed" in result.output


# --- new touchpoint --follow-up, new feedback --action: the actions agreed, by the command ----


def test_a_visit_with_its_follow_ups(runner, records):
    """Before: a touchpoint's follow-ups (and a feedback's actions) were typed into the YAML
    by hand after `new`. A follow-up due on Wednesday 2026-12-02 is due at 23:59:59 that day:
    from Friday 2026-11-27 17:00, 5 days 6:59:59 (457,199 s); at risk with less than a day
    left, from 00:00:01 on the 2nd. Text that YAML's flow mapping would split is quoted."""
    result = hirebook(
        runner, records, "new", "touchpoint", "--client", "evergreen-health", "--type", "visit",
        "--by", "wang-li", "--summary", "Visited the Jing'an clinic",
        "--follow-up", "2026-12-02", "Send two profiles, {from the pool} # soon",
        "--follow-up", "2026-12-04", "Call Kevin Zhu",
        "--as-of", "2026-11-27T17:00",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    visit = "tp-2026-1127-evergreen-health-visit"
    text = (records / EVERGREEN / f"touchpoints/{visit}.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "\nfollow_ups:\n"
        '  - {action: "Send two profiles, {from the pool} # soon", owner: wang-li, '
        "due: 2026-12-02}\n"
        "  - {action: Call Kevin Zhu, owner: wang-li, due: 2026-12-04}\n"
    )
    follow_ups = board(runner, records, "2026-11-27T17:00:00+08:00", "improvement-action")
    assert follow_ups[f"{visit}#follow-up-1"] == (
        "on_track",
        "2026-12-02T23:59:59+08:00",
        5 * 86400 + 6 * 3600 + 59 * 60 + 59,
    )
    assert follow_ups[f"{visit}#follow-up-2"][:2] == ("on_track", "2026-12-04T23:59:59+08:00")
    later = board(runner, records, "2026-12-02T00:00:01+08:00", "improvement-action")
    assert later[f"{visit}#follow-up-1"][0] == "at_risk"


def test_feedback_with_an_improvement_action(runner, records):
    action = "Chase silent resumes at half the deadline"
    args = ["new", "feedback", "--client", "evergreen-health", "--by", "wang-li"]
    args += ["--overall", "3", "--action", "2026-12-04", action, "--as-of", "2026-11-27T17:30"]
    assert hirebook(runner, records, *args).exit_code == 0
    written = (records / EVERGREEN / "feedback/fb-2026-004.yaml").read_text(encoding="utf-8")
    line = f"  - {{action: {action}, owner: wang-li, due: 2026-12-04}}"
    assert written.endswith(f"\nactions:\n{line}\n")
    # 2026-11-27 17:30 to 2026-12-04 23:59:59: 7 days 6:29:59.
    left = 7 * 86400 + 6 * 3600 + 29 * 60 + 59
    actions = board(runner, records, "2026-11-27T17:30:00+08:00", "improvement-action")
    assert actions["fb-2026-004#action-1"] == ("on_track", "2026-12-04T23:59:59+08:00", left)


def test_a_follow_up_needs_its_day_and_its_action(runner, records):
    args = ["new", "touchpoint", "--records", str(records), "--client", "evergreen-health"]
    args += ["--type", "call", "--by", "wang-li", "--summary", "Call", "--follow-up"]
    for follow_up, message in [
        (["2026-12-32", "Call back"], "'2026-12-32' does not match the format '%Y-%m-%d'"),
        (["2026-12-02", " "], "the item due on 2026-12-02 is empty: say what is to be done"),
        (["2026-12-02"], "Option '--follow-up' requires 2 arguments"),
    ]:
        result = runner.invoke(cli, [*args, *follow_up], env={"HIREBOOK_AS_OF": None})
        assert result.exit_code == 2
        assert message in result.output
    assert not list((records / EVERGREEN / "touchpoints").glob("tp-*-evergreen-health-call*"))


# --- new plan: milestones and commitments as dated, never a placeholder due today ------------


def test_a_plan_has_the_milestones_it_is_given_and_no_other(runner, records):
    """Before: every new plan had a milestone "First shortlist" due the day it was written,
    which was overdue the next morning once the client agreed the plan. Now a milestone or
    commitment is written only with the day given. Agreed on Monday 2026-11-23; as of
    Tuesday 10:00 the commitment due on Wednesday has 1 day 13:59:59 left (on track: more
    than a day), the milestone due on Friday 3 days 13:59:59."""
    plan = ["new", "plan", "--requirement", "req-2026-016", "--as-of", "2026-11-23T09:30"]
    assert hirebook(runner, records, *plan).exit_code == 0
    written = records / EVERGREEN / "plans/plan-2026-016.yaml"
    assert "\nmilestones: []  " in written.read_text(encoding="utf-8")
    written.unlink()
    plan += ["--milestone", "2026-11-27", "First shortlist"]
    plan += ["--commitment", "2026-11-25", "Name two interviewers"]
    assert hirebook(runner, records, *plan).exit_code == 0
    text = written.read_text(encoding="utf-8")
    assert "\nmilestones:\n  - {name: First shortlist, due: 2026-11-27}\n" in text
    assert "\nclient_commitments:\n  - {what: Name two interviewers, due: 2026-11-25}\n" in text
    plan_event(runner, records, "proposed", "2026-11-23T10:00")
    plan_event(runner, records, "agreed", "2026-11-23T16:00")
    as_of = "2026-11-24T10:00:00+08:00"
    day = 86400
    assert board(runner, records, as_of, "milestone")["plan-2026-016#milestone-1"] == (
        "on_track",
        "2026-11-27T23:59:59+08:00",
        3 * day + 13 * 3600 + 59 * 60 + 59,
    )
    assert board(runner, records, as_of, "client-commitment")["plan-2026-016#commitment-1"] == (
        "on_track",
        "2026-11-25T23:59:59+08:00",
        day + 13 * 3600 + 59 * 60 + 59,
    )


def test_a_plan_closed_keeps_no_open_progress_report(runner, records):
    """Before: closing a plan was a hand edit (status and closed_on), and its weekly
    progress-report clock ran on after its only requirement was filled. Agreed on Monday
    2026-11-23: report 1 is due 7 days after 00:00 that day, on 2026-11-30 at 00:00."""
    plan = ["new", "plan", "--requirement", "req-2026-016", "--as-of", "2026-11-23T09:30"]
    assert hirebook(runner, records, *plan).exit_code == 0
    plan_event(runner, records, "proposed", "2026-11-23T10:00")
    plan_event(runner, records, "agreed", "2026-11-23T16:00")
    friday = "2026-11-27T17:00:00+08:00"
    reports = board(runner, records, friday, "progress-report")
    assert reports["plan-2026-016#report-1"][:2] == ("on_track", "2026-11-30T00:00:00+08:00")
    text = plan_event(runner, records, "closed", friday)
    assert "\nstatus: closed " in text
    assert text.endswith("\nclosed_on: 2026-11-27\n")
    assert "plan-2026-016#report-1" not in board(runner, records, friday, "progress-report")
    again = hirebook(runner, records, "log", "closed", "plan-2026-016", "--as-of", friday)
    assert again.exit_code == 1
    assert "plan-2026-016 is already closed (closed on 2026-11-27)" in again.output


def test_a_placement_says_when_its_check_ins_start(runner, records):
    """Before: `log placement --help` said it starts onboarding-check-in, and the command then
    printed client-revisit alone: the day-7 check-in starts a week later. app-2026-0061
    (evergreen-health, key) has an accepted offer and no placement. Placed on Monday
    2026-12-07: client-revisit (30d) is due on 2027-01-06 at 00:00, and the day-7 check-in
    (3bd from 09:00 on Monday 2026-12-14) on Wednesday 2026-12-16 at 18:00; at 10:00 on the
    14th, 8 + 9 + 9 = 26 working hours remain."""
    text = runner.invoke(cli, ["log", "placement", "--help"]).output
    assert "onboarding-check-in 7, 30 and 90 days after it" in " ".join(text.split())
    args = ["log", "placement", "app-2026-0061", "--at", "2026-12-07"]
    placed = hirebook(runner, records, *args, "--as-of", "2026-11-27T16:00")
    assert placed.exit_code == 0, placed.output
    started = placed.output.split("Clocks it started:\n", 1)[1]
    assert "client-revisit" in started
    assert "onboarding-check-in" not in started
    check_ins = board(runner, records, "2026-12-14T10:00:00+08:00", "onboarding-check-in")
    assert check_ins["app-2026-0061#day-7"] == ("on_track", "2026-12-16T18:00:00+08:00", 26 * 3600)
