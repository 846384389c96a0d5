"""The daily-use leftovers of `new` and `log`, on a copy of the demo (dated Friday 2026-11-20
17:00, Asia/Shanghai; Monday to Friday 09:00-18:00, no holiday in late November 2026).
Each test fails on the code before its fix; every expected text is written out by hand.

evergreen-health is a key client of wang-li; req-2026-016 (Digital Health Product Manager)
is confirmed and has no plan; the demo's highest ids are req-2026-019, plan-2026-015 and
app-2026-0075.
"""

from __future__ import annotations

import json
import shutil

import pytest

from hirebook.cli.main import cli

EVERGREEN = "clients/evergreen-health"


@pytest.fixture
def records(tmp_path, demo_records):
    """A copy of the demo's records: the day's events change it."""
    return shutil.copytree(demo_records, tmp_path / "records")


def hirebook(runner, records, *args):
    result = runner.invoke(cli, [*args, "--records", str(records)], env={"HIREBOOK_AS_OF": None})
    return result


def run(runner, records, *args) -> str:
    result = hirebook(runner, records, *args)
    assert result.exit_code == 0, result.output
    return result.output


# --- 1. the template's commented example gives way to the field an event writes -------------

PLAN_HEAD = """\
id: plan-2026-016
requirements: [req-2026-016]
"""
PLAN_TAIL = """\
position_analysis: The market for this role, and where the candidates are.
# channels: headhunting, job_board, referral, campus, social_media, talent_pool, other
channels: [headhunting]
milestones: []                # e.g. {name: First shortlist, due: ...}
interview_process:
  - {round: 1, name: Agency screen, by: agency}
reporting: {every: 7d}        # progress report cadence
# client_commitments: what the client promised, e.g. {what: Name interviewers, due: ...}
client_commitments: []
"""
STATUS_ACTIVE = (
    "status: active                # draft | proposed | active (client confirmed) | closed\n"
)
STATUS_CLOSED = STATUS_ACTIVE.replace("status: active ", "status: closed ")
NEW_PLAN = (
    PLAN_HEAD
    + "status: draft                 # draft | proposed | active (client confirmed) | closed\n"
    "# proposed_on: 2026-11-23         # hirebook log proposed plan-2026-016\n"
    "# client_confirmed_on: 2026-11-23 # hirebook log agreed plan-2026-016\n" + PLAN_TAIL
)


def new_plan(runner, records):
    run(runner, records, "new", "plan", "--requirement", "req-2026-016",
        "--as-of", "2026-11-23T09:30")  # fmt: skip
    plan = records / EVERGREEN / "plans/plan-2026-016.yaml"
    assert plan.read_text(encoding="utf-8") == NEW_PLAN
    return plan


def test_a_plan_proposed_and_agreed_reads_as_written_by_hand(runner, records):
    """Before: `proposed_on` and `client_confirmed_on` were added at the end of the file and
    their commented examples stayed above, so the plan said each date twice."""
    plan = new_plan(runner, records)
    run(runner, records, "log", "proposed", "plan-2026-016", "--as-of", "2026-11-23T10:00")
    assert plan.read_text(encoding="utf-8") == NEW_PLAN.replace(
        "status: draft                 #", "status: proposed              #"
    ).replace(
        "# proposed_on: 2026-11-23         # hirebook log proposed plan-2026-016\n",
        "proposed_on: 2026-11-23\n",
    )
    run(runner, records, "log", "agreed", "plan-2026-016", "--as-of", "2026-11-24T10:00")
    assert plan.read_text(encoding="utf-8") == (
        PLAN_HEAD
        + STATUS_ACTIVE
        + "proposed_on: 2026-11-23\nclient_confirmed_on: 2026-11-24\n"
        + PLAN_TAIL
    )


def test_a_persons_comment_and_an_edited_example_stay(runner, records):
    """Only the exact line the template wrote goes: a comment of one's own between the
    examples stays where it is, and an example a person changed is theirs (the field then
    goes where the round trip puts a new field, after the last one)."""
    plan = new_plan(runner, records)
    edited = NEW_PLAN.replace(
        "# client_confirmed_on: 2026-11-23 # hirebook log agreed plan-2026-016\n",
        "# Fang Qing reads it on Tuesday.\n"
        "# client_confirmed_on: 2026-11-24 # hirebook log agreed plan-2026-016 (expected)\n",
    )
    plan.write_text(edited, encoding="utf-8")
    run(runner, records, "log", "proposed", "plan-2026-016", "--as-of", "2026-11-23T10:00")
    run(runner, records, "log", "agreed", "plan-2026-016", "--as-of", "2026-11-24T10:00")
    assert plan.read_text(encoding="utf-8") == (
        PLAN_HEAD + STATUS_ACTIVE + "proposed_on: 2026-11-23\n"
        "# Fang Qing reads it on Tuesday.\n"
        "# client_confirmed_on: 2026-11-24 # hirebook log agreed plan-2026-016 (expected)\n"
        + PLAN_TAIL
        + "client_confirmed_on: 2026-11-24\n"
    )


NEW_REQUIREMENT_TAIL = """\
requirements: {must: [], nice: []}        # 人才要求
# hiring_manager: Name                # a name from the client's contacts
# target_fill_by: 2026-11-23             # 招聘週期
# budget: {amount: 100000, currency: CNY}  # 預算
"""


def test_a_signature_takes_the_place_of_the_confirmation_example(runner, records):
    """Before: the five lines of the commented `# confirmation:` example stayed above the real
    `confirmation:` the signatures wrote. The examples of fields no event writes stay."""
    run(runner, records, "new", "requirement", "--client", "evergreen-health",
        "--title", "Clinic Manager", "--as-of", "2026-11-23T09:30")  # fmt: skip
    path = records / EVERGREEN / "requirements/req-2026-020.yaml"
    head = (
        "id: req-2026-020\n"
        "title: Clinic Manager\n"
        "status: draft                  # draft | confirmed (both signed) | on_hold | filled | "
        "cancelled\n"
        "received_at: 2026-11-23T09:30:00+08:00   # when the client raised the need\n"
        "openings: 1\n"
        "background: Why the position exists.      # 職位背景\n"
        "responsibilities: []                      # 崗位職責\n"
    )
    examples = (
        "# confirmation:                           # both signatures make the requirement "
        "confirmed\n"
        "#   client_signed_by: Name\n"
        "#   client_signed_on: 2026-11-23\n"
        "#   agency_signed_by: your-team-id\n"
        "#   agency_signed_on: 2026-11-23\n"
    )
    assert path.read_text(encoding="utf-8") == head + NEW_REQUIREMENT_TAIL + examples
    run(runner, records, "log", "signed", "req-2026-020", "--by", "client",
        "--signer", "Fang Qing", "--as-of", "2026-11-23T15:00")  # fmt: skip
    signed = (
        head
        + NEW_REQUIREMENT_TAIL
        + ("confirmation:\n  client_signed_by: Fang Qing\n  client_signed_on: 2026-11-23\n")
    )
    assert path.read_text(encoding="utf-8") == signed
    run(runner, records, "log", "signed", "req-2026-020", "--by", "agency",
        "--signer", "wang-li", "--as-of", "2026-11-24T10:00")  # fmt: skip
    assert path.read_text(encoding="utf-8") == (
        signed.replace("status: draft     ", "status: confirmed ")
        + "  agency_signed_by: wang-li\n  agency_signed_on: 2026-11-24\n"
    )


def test_the_clients_verdict_takes_the_place_of_its_example(runner, records):
    run(runner, records, "new", "application", "--requirement", "req-2026-016",
        "--candidate", "cand-0017", "--channel", "talent_pool",
        "--as-of", "2026-11-23T11:00")  # fmt: skip
    path = records / EVERGREEN / "applications/app-2026-0076.yaml"
    head = (
        "id: app-2026-0076\n"
        "requirement: req-2026-016\n"
        "candidate: cand-0017          # the id only: personal data stays in records/candidates/\n"
        "channel: talent_pool          # where the candidate came from (source of hire)\n"
        "submitted_at: 2026-11-23T11:00:00+08:00   # when the resume was sent to the client\n"
    )
    example = "# client_feedback: {at: ..., decision: interview}   # interview | reject | hold\n"
    assert path.read_text(encoding="utf-8") == head + example
    run(runner, records, "log", "feedback", "app-2026-0076", "--decision", "interview",
        "--as-of", "2026-11-24T09:45")  # fmt: skip
    assert path.read_text(encoding="utf-8") == head + (
        "client_feedback:\n  at: 2026-11-24T09:45:00+08:00\n  decision: interview\n"
    )


def test_the_dry_run_shows_the_example_going(runner, records):
    new_plan(runner, records)
    output = run(runner, records, "log", "proposed", "plan-2026-016", "--dry-run",
                 "--as-of", "2026-11-23T10:00")  # fmt: skip
    assert "\n-# proposed_on: 2026-11-23         # hirebook log proposed plan-2026-016\n" in output
    assert "\n+proposed_on: 2026-11-23\n" in output
    assert (records / EVERGREEN / "plans/plan-2026-016.yaml").read_text("utf-8") == NEW_PLAN


def test_a_file_with_crlf_keeps_them_and_loses_the_example(runner, records):
    plan = new_plan(runner, records)
    plan.write_bytes(NEW_PLAN.replace("\n", "\r\n").encode("utf-8"))
    run(runner, records, "log", "proposed", "plan-2026-016", "--as-of", "2026-11-23T10:00")
    text = plan.read_bytes().decode("utf-8")
    assert "\r\nproposed_on: 2026-11-23\r\n# client_confirmed_on: 2026-11-23 " in text
    assert "# proposed_on" not in text
    assert text.count("\r\n") == text.count("\n") == NEW_PLAN.count("\n")


# --- 2. a plan the client never agreed is closed: `closed` is "finished or abandoned" --------


def board(runner, records, as_of: str, rule: str) -> dict[str, tuple[str, str, int]]:
    """subject: (state, due, remaining seconds) of every clock of ``rule`` as of ``as_of``."""
    output = run(runner, records, "sla", "--as-of", as_of, "--all", "--rule", rule,
                 "--format", "json", "--fail-on", "never")  # fmt: skip
    findings = json.loads(output)["findings"]
    return {f["subject"]: (f["state"], f["due"], f["remaining_seconds"]) for f in findings}


def cancel(records, requirement: str, on: str) -> None:
    """The client cancels ``requirement``: a hand edit (no event writes it)."""
    path = records / EVERGREEN / f"requirements/{requirement}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\nstatus: confirmed") == 1
    text = text.replace("\nstatus: confirmed", "\nstatus: cancelled", 1)
    path.write_text(text + f"closed_on: {on}\n", encoding="utf-8")


def test_a_proposed_plan_of_a_cancelled_requirement_is_closed(runner, records):
    """Before: HB409 refused a closed plan without client_confirmed_on, so `log closed` left
    the plan `proposed` for ever once its requirement was cancelled. req-2026-016 was confirmed
    on 2026-11-10; its plan-proposal (3bd from 09:00 that day) was due on 2026-11-12 18:00, so
    Monday's proposal breached it, and that stays on record after the cancellation."""
    plan = new_plan(runner, records)
    run(runner, records, "log", "proposed", "plan-2026-016", "--as-of", "2026-11-23T10:00")
    cancel(records, "req-2026-016", "2026-11-24")
    early = hirebook(runner, records, "log", "closed", "plan-2026-016", "--at", "2026-11-22",
                     "--as-of", "2026-11-24T11:00")  # fmt: skip
    assert early.exit_code == 1
    assert (
        "plan-2026-016's proposed_on is 2026-11-23; closing it on 2026-11-22 would come before it"
        in early.output
    )
    output = run(runner, records, "log", "closed", "plan-2026-016", "--as-of", "2026-11-24T11:00")
    assert "\nNo SLA clock stopped or started.\n" in output
    # The example of client_confirmed_on goes: the plan is never agreed now.
    assert plan.read_text(encoding="utf-8") == (
        PLAN_HEAD
        + STATUS_CLOSED
        + "proposed_on: 2026-11-23\n"
        + PLAN_TAIL
        + "closed_on: 2026-11-24\n"
    )
    assert "no problems" in run(runner, records, "lint")  # HB409 asked for a confirmation
    proposal = board(runner, records, "2026-11-24T11:00:00+08:00", "plan-proposal")
    assert proposal["req-2026-016"][:2] == ("breached", "2026-11-12T18:00:00+08:00")


def test_a_draft_never_proposed_is_closed_and_its_cancelled_requirement_has_no_clock(
    runner, records
):
    """req-2026-020, confirmed on Monday 2026-11-23: plan-proposal, 3bd = 27 working hours
    from 09:00 that day, is due on Wednesday 2026-11-25 at 18:00; on Tuesday at 10:00 8 + 9 =
    17 working hours remain. Cancelled on Tuesday without a proposal, the clock is dropped; the
    draft plan is then closed, and nothing starts: it was never agreed."""
    run(runner, records, "new", "requirement", "--client", "evergreen-health",
        "--title", "Clinic Manager", "--as-of", "2026-11-23T09:30")  # fmt: skip
    for side, signer in (("client", "Fang Qing"), ("agency", "wang-li")):
        run(runner, records, "log", "signed", "req-2026-020", "--by", side, "--signer", signer,
            "--as-of", "2026-11-23T12:00")  # fmt: skip
    run(runner, records, "new", "plan", "--requirement", "req-2026-020",
        "--as-of", "2026-11-23T14:00")  # fmt: skip
    tuesday = "2026-11-24T10:00:00+08:00"
    assert board(runner, records, tuesday, "plan-proposal")["req-2026-020"] == (
        "on_track",
        "2026-11-25T18:00:00+08:00",
        17 * 3600,
    )
    cancel(records, "req-2026-020", "2026-11-24")
    assert "req-2026-020" not in board(runner, records, tuesday, "plan-proposal")
    output = run(runner, records, "log", "closed", "plan-2026-016", "--as-of", tuesday)
    assert "\nNo SLA clock stopped or started.\n" in output
    for rule in ("plan-proposal", "first-submission", "progress-report"):
        subjects = board(runner, records, "2026-12-31T10:00:00+08:00", rule)
        assert not [s for s in subjects if s.startswith(("req-2026-020", "plan-2026-016"))]


def test_lint_asks_an_active_plan_not_a_closed_one_for_the_clients_confirmation(agency):
    plan = "clients/acme/plans/plan-2026-001.yaml"
    text = (agency.records / plan).read_text().replace("client_confirmed_on: 2026-03-08\n", "")
    agency.check(plan, text, expect=[(3, 9, "HB409")])
    agency.check(plan, text.replace("status: active", "status: closed"), expect=[])
    # Confirmed before it was proposed is still wrong, closed or not.
    wrong = text.replace("status: active", "status: closed") + "client_confirmed_on: 2026-03-05\n"
    agency.check(plan, wrong, expect=[(5, 22, "HB409")])


# --- 3. a new touchpoint is named by its day, as the design and the demo name them -----------


def new_touchpoint(runner, records, client: str, kind: str, as_of: str, *more: str) -> str:
    output = run(runner, records, "new", "touchpoint", "--client", client, "--type", kind,
                 "--by", "wang-li", "--summary", "Talked", "--as-of", as_of, *more)  # fmt: skip
    return output.strip().rsplit("/", 1)[1]


def test_a_touchpoint_is_named_by_its_day_client_and_type(runner, records):
    """Before: tp-2026-0001, tp-2026-0002…, which in the design's scheme (its record model:
    tp-2026-0311-weekly, the 11th of March) and the demo's (tp-2026-1113-brightpath-call)
    reads as a day: tp-2026-0311 would have been the 311th contact of the year."""
    monday = "2026-11-23T10:00"
    assert new_touchpoint(runner, records, "evergreen-health", "call", monday) == (
        "tp-2026-1123-evergreen-health-call.yaml"
    )
    assert new_touchpoint(runner, records, "evergreen-health", "call", "2026-11-23T16:00") == (
        "tp-2026-1123-evergreen-health-call-2.yaml"
    )
    report = ["--plan", "plan-2026-006"]
    assert new_touchpoint(
        runner, records, "evergreen-health", "progress_report", monday, *report
    ) == ("tp-2026-1123-evergreen-health-report.yaml")
    text = (
        records / EVERGREEN / "touchpoints/tp-2026-1123-evergreen-health-call-2.yaml"
    ).read_text(encoding="utf-8")
    assert text.startswith("id: tp-2026-1123-evergreen-health-call-2\ntype: call ")


def test_a_long_client_id_is_shortened_to_an_id_of_64_characters(runner, records):
    client = "a" * 38 + "-" + "b" * 25  # 64 characters
    run(runner, records, "new", "client", "--id", client, "--name", "Long", "--tier", "key",
        "--manager", "wang-li", "--as-of", "2026-11-23T09:00")  # fmt: skip
    # tp-2026-1123- (13) + the client cut to 64 - 13 - len("revisit") - len("--999") = 39
    # characters, 38 a's and a dash, which goes (38) + -revisit (8): 59, room for -999.
    name = new_touchpoint(runner, records, client, "revisit", "2026-11-23T10:00")
    assert name == f"tp-2026-1123-{'a' * 38}-revisit.yaml"
    assert len(name.removesuffix(".yaml")) == 59
    run(runner, records, "lint", "--as-of", "2026-11-23T10:00")  # exit 0: an id lint takes


def test_touchpoints_named_in_sequence_before_keep_their_names_and_events(runner, records):
    """An agency's tp-2026-0001 (written by the old `new`) is its own: nothing renames it, and
    `log follow-up` still finds it by that id."""
    old = records / EVERGREEN / "touchpoints/tp-2026-0001.yaml"
    old.write_text(
        "id: tp-2026-0001\ntype: call\nat: 2026-11-20T10:00:00+08:00\nby: wang-li\n"
        "summary: Asked for two profiles.\n"
        "follow_ups:\n  - {action: Send two profiles, owner: wang-li, due: 2026-11-25}\n",
        encoding="utf-8",
    )
    assert new_touchpoint(runner, records, "evergreen-health", "call", "2026-11-23T10:00") == (
        "tp-2026-1123-evergreen-health-call.yaml"
    )
    run(runner, records, "log", "follow-up", "tp-2026-0001", "--action", "Send two profiles",
        "--as-of", "2026-11-23T11:00")  # fmt: skip
    assert old.read_text(encoding="utf-8").endswith(
        "  - {action: Send two profiles, owner: wang-li, due: 2026-11-25, done_on: 2026-11-23}\n"
    )


# --- 4. a working day: what read wrong in the files written ----------------------------------


def test_a_requirements_status_comment_stays_true_once_signed(runner, records):
    """Before: `status: confirmed  # draft until both sides have signed the confirmation`
    (and so on to `filled`): the template's comment spoke of the draft alone."""
    run(runner, records, "new", "requirement", "--client", "evergreen-health",
        "--title", "Clinic Manager", "--as-of", "2026-11-23T09:30")  # fmt: skip
    for side, signer in (("client", "Fang Qing"), ("agency", "wang-li")):
        run(runner, records, "log", "signed", "req-2026-020", "--by", side, "--signer", signer,
            "--as-of", "2026-11-23T12:00")  # fmt: skip
    text = (records / EVERGREEN / "requirements/req-2026-020.yaml").read_text(encoding="utf-8")
    assert "\nstatus: confirmed              # draft | confirmed (both signed) | on_hold | " in text


def test_comments_stand_in_one_column_whatever_the_value(runner, records):
    """Before: each value pushed its comment along (`type: progress_report` put it 8
    characters right of `with: []`'s, `channel: talent_pool` 4). Now after 30 characters, as
    the lines with a fixed value have theirs (38 in client.yaml and for hiring_manager)."""
    run(runner, records, "new", "touchpoint", "--client", "evergreen-health", "--type",
        "progress_report", "--plan", "plan-2026-006", "--by", "wang-li", "--summary", "Weekly",
        "--as-of", "2026-11-23T10:00")  # fmt: skip
    text = records / EVERGREEN / "touchpoints/tp-2026-1123-evergreen-health-report.yaml"
    lines = text.read_text(encoding="utf-8").splitlines()
    assert lines[1] == (
        "type: progress_report         # meeting | call | visit | revisit | progress_report | "
        "email | other"
    )
    assert lines[4] == "with: []                      # names of the client's people who took part"
    run(runner, records, "new", "requirement", "--client", "evergreen-health", "--title",
        "Nurse", "--hiring-manager", "Kevin Zhu", "--as-of", "2026-11-23T09:30")  # fmt: skip
    text = (records / EVERGREEN / "requirements/req-2026-020.yaml").read_text(encoding="utf-8")
    assert "\nhiring_manager: Kevin Zhu             # a name from the client's contacts\n" in text


# --- 4. a working day: a filled requirement's plan, whose reports run on until it is closed --

HARBOR = "clients/harbor-auto"


def test_filling_a_plans_last_open_requirement_says_to_close_the_plan(runner, records):
    """plan-2026-011 (harbor-auto, agreed 2026-09-28, weekly reports) covers req-2026-012
    and req-2026-013; req-2026-013 has app-2026-0047's accepted offer. Before: `log filled`
    said nothing of the plan, whose progress-report clock ran on (report after report) until
    someone remembered `log closed`. Filled while req-2026-012 is open, the plan is still
    needed; with req-2026-012 cancelled, the filling leaves it nothing to do."""
    args = ["log", "filled", "req-2026-013", "--as-of", "2026-11-27T17:00"]
    output = run(runner, records, *args, "--dry-run")
    assert "Next:" not in output
    path = records / HARBOR / "requirements/req-2026-012.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\nstatus: confirmed\n") == 1
    cancelled = text.replace("\nstatus: confirmed\n", "\nstatus: cancelled\n")
    path.write_text(cancelled + "closed_on: 2026-11-26\n", encoding="utf-8")
    said = json.loads(run(runner, records, *args, "--dry-run", "--format", "json"))
    assert said["next"] == ["hirebook log closed plan-2026-011"]
    output = run(runner, records, *args)
    assert output.endswith(
        "\nNext: plan-2026-011 covers no open requirement now: close it when it is over "
        "(`hirebook log closed plan-2026-011`); its progress reports are due until then.\n"
    )
    # Report 9 ran from the report of 2026-11-19 17:00, due 7 days later: at 17:30 on the
    # 27th, a day and half an hour overdue; closing the plan ends it, the met ones stay.
    friday = "2026-11-27T17:30:00+08:00"
    reports = board(runner, records, friday, "progress-report")
    assert reports["plan-2026-011#report-9"] == ("overdue", "2026-11-26T17:00:00+08:00", -88200)
    run(runner, records, "log", "closed", "plan-2026-011", "--as-of", friday)
    reports = board(runner, records, friday, "progress-report")
    assert "plan-2026-011#report-9" not in reports
    assert reports["plan-2026-011#report-8"][:2] == ("met", "2026-11-19T17:00:00+08:00")


def test_an_example_line_inside_a_quoted_text_is_left_whole(runner, records):
    """A line written as the example is, but inside a quoted value over several lines, is
    part of that value, not an example. ruamel.yaml would rewrite such a value, so the event
    is refused as any edit of it is, and the file stays byte for byte (a guard: taking the
    line out would have changed what the record says)."""
    plan = new_plan(runner, records)
    example = "# proposed_on: 2026-11-23         # hirebook log proposed plan-2026-016\n"
    quoted = NEW_PLAN.replace(example, "").replace(
        "position_analysis: The market for this role, and where the candidates are.\n",
        f'position_analysis: "Pasted from the draft:\n{example}  end"\n',
    )
    plan.write_text(quoted, encoding="utf-8")
    args = ["log", "proposed", "plan-2026-016", "--as-of", "2026-11-23T10:00"]
    refused = hirebook(runner, records, *args)
    assert refused.exit_code == 1
    assert "plan-2026-016.yaml:5:1: writing this event would also rewrite line 5" in (
        refused.output
    )
    assert plan.read_text(encoding="utf-8") == quoted


def test_the_examples_are_looked_for_at_line_feeds_alone():
    """str.splitlines also splits at U+2028, a form feed or U+0085 inside a value, where
    YAML sees no line break: an example-like text after one is no line of its own."""
    from hirebook.events import examples

    text = "summary: a\u2028# proposed_on: 2026-11-23\fb\x85c\nstatus: draft\n"
    assert examples.lines(text) == [
        "summary: a\u2028# proposed_on: 2026-11-23\fb\x85c\n",
        "status: draft\n",
    ]
    assert examples.lines("id: x\nlast") == ["id: x\n", "last"]


def test_the_examples_of_fields_an_event_ends_go_with_it(runner, records):
    """A closed plan is neither proposed nor agreed any more (`log` refuses both), and nothing
    more happens to a withdrawn application: the examples that said to log them go."""
    plan = new_plan(runner, records)
    run(runner, records, "log", "closed", "plan-2026-016", "--as-of", "2026-11-23T10:00")
    assert plan.read_text(encoding="utf-8") == (
        PLAN_HEAD + STATUS_CLOSED + PLAN_TAIL + "closed_on: 2026-11-23\n"
    )
    refused = hirebook(runner, records, "log", "proposed", "plan-2026-016",
                       "--as-of", "2026-11-23T11:00")  # fmt: skip
    assert refused.exit_code == 1
    assert "plan-2026-016.yaml:3:9: plan-2026-016 is closed; a closed plan is not proposed" in (
        refused.output
    )
    run(runner, records, "new", "application", "--requirement", "req-2026-016", "--candidate",
        "cand-0017", "--channel", "referral", "--as-of", "2026-11-23T11:00")  # fmt: skip
    run(runner, records, "log", "withdraw", "app-2026-0076", "--reason", "Took another offer",
        "--as-of", "2026-11-23T15:00")  # fmt: skip
    text = (records / EVERGREEN / "applications/app-2026-0076.yaml").read_text("utf-8")
    assert text.endswith(
        "\nsubmitted_at: 2026-11-23T11:00:00+08:00   # when the resume was sent to the client\n"
        "withdrawn:\n  on: 2026-11-23\n  reason: Took another offer\n"
    )
