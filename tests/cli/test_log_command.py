"""``hirebook log EVENT ID`` on a copy of the demo agency, as of Friday 2026-11-20 17:00.

Each event is worked out by hand: the record's text before (its end, for a long record), the
command, the exact text after, and the clock it stopped or started — state and message as
``hirebook sla`` words them — before and after, as of a fixed instant.

The demo's calendar: Monday to Friday, 09:00-18:00 (a business day is 9 working hours), no
holiday in November 2026; warn_within 0.25. northwind-cloud is a strategic client, evergreen-
health, swiftlane-logistics and jadepay key ones.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass

import pytest

from hirebook.cli.main import cli

AS_OF = "2026-11-20T17:00:00+08:00"  # a Friday
NORTHWIND = "clients/northwind-cloud"


@pytest.fixture
def records(tmp_path, demo_records):
    copy = tmp_path / "records"
    shutil.copytree(demo_records, copy)
    return copy


def log(runner, records, *args, as_of=AS_OF):
    return runner.invoke(cli, ["log", *args, "--records", str(records), "--as-of", as_of])


def clock(runner, records, rule: str, describe: str, as_of: str = AS_OF):
    """(state, message) of the clock of ``rule`` whose message starts with ``describe``, as
    ``hirebook sla --all`` shows it; None when it is not on the board."""
    result = runner.invoke(
        cli,
        ["sla", "--records", str(records), "--as-of", as_of, "--all", "--rule", rule]
        + ["--format", "json", "--fail-on", "never"],
    )
    assert result.exit_code == 0, result.output
    found = [
        (f["state"], f["message"])
        for f in json.loads(result.stdout)["findings"]
        if f["message"].startswith(describe + " ")
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


@dataclass(frozen=True)
class Case:
    file: str
    before: str
    """The record's text before the event (its end, when ``tail``)."""
    args: tuple[str, ...]
    after: str
    """The text after: the whole record, or the new end replacing ``before``."""
    rule: str
    describe: str
    clock_before: tuple[str, str] | None
    clock_after: tuple[str, str] | None
    moved: dict
    """What the command says it did to the clocks: part → [(rule, state)]."""
    tail: bool = False
    clocks_as_of: str = AS_OF
    elsewhere: tuple[str, str] = ("", "")
    """A line above ``before`` that the event changes too, and what it becomes."""


APP_0073 = """\
# As of 2026-11-20: no client_feedback yet: the client-feedback clock (strategic: 1bd) ran out on 2026-11-18 10:00.
id: app-2026-0073
requirement: req-2026-008
candidate: cand-0057
channel: headhunting
submitted_at: 2026-11-17T10:00:00+08:00
"""  # noqa: E501
FEEDBACK_0073 = "Client feedback on app-2026-0073 (req-2026-008)"

APP_0072 = """\
id: app-2026-0072
requirement: req-2026-007
candidate: cand-0040
channel: headhunting
submitted_at: 2026-11-16T10:30:00+08:00
client_feedback:
  at: 2026-11-16T16:15:00+08:00
  decision: interview
  note: 简历不错，想尽快见面
"""

APP_0062_ROUND_2 = """\
  - round: 2
    at: 2026-11-20T11:00:00+08:00
"""

APP_0061_END = """\
offer:
  made_on: 2026-11-06
  accepted_on: 2026-11-09
  salary: {amount: 51500, currency: CNY}    # monthly
# placement: starts 2026-12-07; add it on the first working day
"""

APP_0035_END = """\
placement:
  start_on: 2026-11-10
  # no check-ins yet: the day-7 check-in was due by 2026-11-19 (3bd from 2026-11-17)
"""

REQ_0019_END = """\
hiring_manager: Li Na
confirmation:
  client_signed_by: Shen Jia
  client_signed_on: 2026-11-20
  # agency_signed_by / agency_signed_on: not yet (see the intake touchpoint's follow-up)
"""

PLAN_0008_END = """\
  - {what: Confirm the final-round panel for the engineering manager (VP Engineering's calendar), due: 2026-11-20}
"""  # noqa: E501
PANEL = "Confirm the final-round panel for the engineering manager (VP Engineering's calendar)"

TP_1119 = """\
# follow_ups without done_on are open actions (improvement-action clock: due at the end of the due day)
id: tp-2026-1119-northwind-intake
type: call
at: 2026-11-19T11:00:00+08:00
by: wang-li
with: [Shen Jia, Li Na]
summary: "Requirement intake: Staff Security Engineer. A large retail customer's audit asks for a named security lead for the platform."
follow_ups:
  - {action: "Check the salary band with Li Na, then sign the confirmation on our side", owner: wang-li, due: 2026-11-23}
"""  # noqa: E501
SALARY_BAND = "Check the salary band with Li Na, then sign the confirmation on our side"

FB_2026_001_END = """\
actions:
  - {action: 2027 届校招方案于 2027 年 1 月底前提交客户, owner: lin-xiaoyu, due: 2027-01-29}
"""
CAMPUS_PLAN = "2027 届校招方案于 2027 年 1 月底前提交客户"

CASES = {
    "feedback": Case(
        f"{NORTHWIND}/applications/app-2026-0073.yaml",
        APP_0073,
        ("feedback", "app-2026-0073", "--decision", "interview", "--note", "Strong on Go")
        + ("--at", "2026-11-20T16:00:00+08:00"),
        APP_0073
        + "client_feedback:\n"
        + "  at: 2026-11-20T16:00:00+08:00\n"
        + "  decision: interview\n"
        + "  note: Strong on Go\n",
        "client-feedback",
        FEEDBACK_0073,
        # Due Wed 11-18 10:00 (submitted Tue 10:00 + 1bd). To Fri 17:00: 8 + 9 + 8 = 25 working
        # hours (2 days 7 hours); to the verdict at 16:00: 24 (2 days 6 hours).
        ("overdue", f"{FEEDBACK_0073} is 2 business days overdue"),
        ("breached", f"{FEEDBACK_0073} was 2 business days late"),
        {"stopped": [("client-feedback", "breached")]},
    ),
    "interview": Case(
        "clients/swiftlane-logistics/applications/app-2026-0072.yaml",
        APP_0072,
        ("interview", "app-2026-0072", "--round", "1", "--at", "2026-11-20T10:00:00+08:00"),
        APP_0072 + "interviews:\n  - round: 1\n    at: 2026-11-20T10:00:00+08:00\n",
        "interview-result",
        "Result of interview 1 for app-2026-0072",
        # Key: 1bd from Fri 10:00 is Mon 10:00; left at 17:00: 1 + 1 working hours, under
        # a quarter of 9 hours (2h15): at risk.
        None,
        ("at_risk", "Result of interview 1 for app-2026-0072 is due in 2 working hours"),
        {"started": [("interview-result", "at_risk"), ("candidate-notice", "on_track")]},
    ),
    "result": Case(
        f"{NORTHWIND}/applications/app-2026-0062.yaml",
        APP_0062_ROUND_2,
        ("result", "app-2026-0062", "--round", "2", "--result", "pass")
        + ("--note", "Strong system design", "--at", "2026-11-20T15:00:00+08:00"),
        APP_0062_ROUND_2
        + "    result: pass\n"
        + "    result_at: 2026-11-20T15:00:00+08:00\n"
        + "    note: Strong system design\n",
        "interview-result",
        "Result of interview 2 for app-2026-0062",
        # Strategic, 1bd from Fri 11:00: Mon 11:00; left at 17:00: 1 + 2 working hours.
        ("on_track", "Result of interview 2 for app-2026-0062 is due in 3 working hours"),
        ("met", "Result of interview 2 for app-2026-0062 was on time"),
        {"stopped": [("interview-result", "met")]},
        tail=True,
    ),
    "notified": Case(
        f"{NORTHWIND}/applications/app-2026-0062.yaml",
        APP_0062_ROUND_2,
        ("notified", "app-2026-0062", "--round", "2", "--at", "2026-11-20T16:30:00+08:00"),
        APP_0062_ROUND_2 + "    candidate_notified_at: 2026-11-20T16:30:00+08:00\n",
        "candidate-notice",
        "Telling the candidate of app-2026-0062 the result of interview 2",
        # 24 hours from Fri 11:00: Sat 11:00, 18 hours after 17:00.
        (
            "on_track",
            "Telling the candidate of app-2026-0062 the result of interview 2 is due in 18 hours",
        ),
        ("met", "Telling the candidate of app-2026-0062 the result of interview 2 was on time"),
        {"stopped": [("candidate-notice", "met")]},
        tail=True,
    ),
    "placement": Case(
        "clients/evergreen-health/applications/app-2026-0061.yaml",
        APP_0061_END,
        ("placement", "app-2026-0061", "--at", "2026-12-07"),
        APP_0061_END + "placement:\n  start_on: 2026-12-07\n",
        "client-revisit",
        "Client revisit after the placement of app-2026-0061",
        # Key: 30 days from Mon 12-07 00:00, due 2027-01-06 00:00; on 12-08 at 10:00, 28 days
        # 14 hours are left (more than a quarter of 30 days).
        None,
        ("on_track", "Client revisit after the placement of app-2026-0061 is due in 28 days"),
        {"started": [("client-revisit", "on_track")]},
        tail=True,
        clocks_as_of="2026-12-08T10:00:00+08:00",
    ),
    "check-in": Case(
        "clients/jadepay/applications/app-2026-0035.yaml",
        APP_0035_END,
        ("check-in", "app-2026-0035", "--day", "7", "--note", "Settling in well")
        + ("--at", "2026-11-19"),
        APP_0035_END
        + "  check_ins:\n    - day: 7\n      on: 2026-11-19\n      note: Settling in well\n",
        "onboarding-check-in",
        "Day-7 onboarding check-in for app-2026-0035",
        # Started Tue 11-17 09:00 (11-10 + 7), 3bd: due Thu 11-19 18:00; by Fri 17:00 8 working
        # hours late; a check-in on the 19th is on the due day.
        ("overdue", "Day-7 onboarding check-in for app-2026-0035 is 8 working hours overdue"),
        ("met", "Day-7 onboarding check-in for app-2026-0035 was on time"),
        {"stopped": [("onboarding-check-in", "met")]},
        tail=True,
    ),
    "withdraw": Case(
        f"{NORTHWIND}/applications/app-2026-0073.yaml",
        APP_0073,
        ("withdraw", "app-2026-0073", "--reason", "Took another offer", "--at", "2026-11-20"),
        APP_0073 + "withdrawn:\n  on: 2026-11-20\n  reason: Took another offer\n",
        "client-feedback",
        FEEDBACK_0073,
        ("overdue", f"{FEEDBACK_0073} is 2 business days overdue"),
        None,  # a withdrawn application waits for no verdict
        {"ended": [("client-feedback", "overdue")]},
    ),
    "signed": Case(
        f"{NORTHWIND}/requirements/req-2026-019.yaml",
        REQ_0019_END,
        ("signed", "req-2026-019", "--by", "agency", "--signer", "wang-li", "--at", "2026-11-20"),
        REQ_0019_END + "  agency_signed_by: wang-li\n" + "  agency_signed_on: 2026-11-20\n",
        "plan-proposal",
        "Plan proposal for req-2026-019 (Staff Security Engineer)",
        # Confirmed on Fri 11-20: 2bd are Friday's and Monday's working hours, due Mon 18:00;
        # at 17:00, 1 + 9 working hours are left.
        None,
        (
            "on_track",
            "Plan proposal for req-2026-019 (Staff Security Engineer) is due in 1 business day "
            "1 hour",
        ),
        {
            "stopped": [("requirement-confirmation", "met")],
            "started": [("plan-proposal", "on_track")],
        },
        tail=True,
        # Both have signed: confirmed. The person's comment stays as written.
        elsewhere=(
            "status: draft                           # draft: not yet signed by both sides\n",
            "status: confirmed                       # draft: not yet signed by both sides\n",
        ),
    ),
    "commitment": Case(
        f"{NORTHWIND}/plans/plan-2026-008.yaml",
        PLAN_0008_END,
        ("commitment", "plan-2026-008", "--what", PANEL, "--at", "2026-11-20"),
        PLAN_0008_END.replace("due: 2026-11-20}", "due: 2026-11-20, done_on: 2026-11-20}"),
        "client-commitment",
        f'Client commitment "{PANEL}" (plan-2026-008)',
        # Due at the end of Fri 11-20 (23:59:59): 6 hours 59 minutes left, less than a day.
        ("at_risk", f'Client commitment "{PANEL}" (plan-2026-008) is due in 6 hours'),
        ("met", f'Client commitment "{PANEL}" (plan-2026-008) was on time'),
        {"stopped": [("client-commitment", "met")]},
        tail=True,
    ),
    "milestone": Case(
        f"{NORTHWIND}/plans/plan-2026-008.yaml",
        "  - {name: Offers accepted, due: 2026-12-18}\n",
        ("milestone", "plan-2026-008", "--name", "Offers accepted", "--at", "2026-11-20"),
        "  - {name: Offers accepted, due: 2026-12-18, done_on: 2026-11-20}\n",
        "milestone",
        'Milestone "Offers accepted" (plan-2026-008)',
        # The end of 12-18 is 28 days 6:59:59 after Fri 11-20 17:00.
        ("on_track", 'Milestone "Offers accepted" (plan-2026-008) is due in 28 days'),
        ("met", 'Milestone "Offers accepted" (plan-2026-008) was on time'),
        {"stopped": [("milestone", "met")]},
    ),
    "follow-up": Case(
        f"{NORTHWIND}/touchpoints/tp-2026-1119-northwind-intake.yaml",
        TP_1119,
        ("follow-up", "tp-2026-1119-northwind-intake", "--action", SALARY_BAND)
        + ("--at", "2026-11-20"),
        TP_1119.replace("due: 2026-11-23}", "due: 2026-11-23, done_on: 2026-11-20}"),
        "improvement-action",
        f'Follow-up "{SALARY_BAND}" (tp-2026-1119-northwind-intake)',
        # The end of Mon 11-23 is 3 days 6:59:59 away.
        (
            "on_track",
            f'Follow-up "{SALARY_BAND}" (tp-2026-1119-northwind-intake) is due in 3 days',
        ),
        ("met", f'Follow-up "{SALARY_BAND}" (tp-2026-1119-northwind-intake) was on time'),
        {"stopped": [("improvement-action", "met")]},
    ),
    "action": Case(
        "clients/brightpath-edu/feedback/fb-2026-001.yaml",
        FB_2026_001_END,
        ("action", "fb-2026-001", "--action", CAMPUS_PLAN, "--at", "2026-11-20"),
        FB_2026_001_END.replace("due: 2027-01-29}", "due: 2027-01-29, done_on: 2026-11-20}"),
        "improvement-action",
        f'Action "{CAMPUS_PLAN}" (fb-2026-001)',
        # 10 days left in November, 31 in December, 29 in January: 70 days (and 6:59:59).
        ("on_track", f'Action "{CAMPUS_PLAN}" (fb-2026-001) is due in 70 days'),
        ("met", f'Action "{CAMPUS_PLAN}" (fb-2026-001) was on time'),
        {"stopped": [("improvement-action", "met")]},
        tail=True,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_an_event_writes_its_lines_and_moves_its_clock(runner, records, name):
    case = CASES[name]
    path = records / case.file
    text = path.read_text(encoding="utf-8")
    if case.tail:
        assert text.endswith(case.before), f"{case.file} does not end as this test knows it"
        head = text[: -len(case.before)]
        if case.elsewhere[0]:
            assert head.count(case.elsewhere[0]) == 1
            head = head.replace(*case.elsewhere)
        expected = head + case.after
    elif text == case.before:
        expected = case.after
    else:  # one line of a longer record
        assert text.count(case.before) == 1
        expected = text.replace(case.before, case.after)
    assert clock(runner, records, case.rule, case.describe, case.clocks_as_of) == (
        case.clock_before
    )

    result = log(runner, records, *case.args, "--format", "json")

    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == expected
    assert clock(runner, records, case.rule, case.describe, case.clocks_as_of) == (case.clock_after)
    said = json.loads(result.stdout)
    moved = {
        part: [(f["rule"], f["state"]) for f in said[part]]
        for part in ("stopped", "started", "ended")
        if said[part]
    }
    assert moved == case.moved
    assert said["written"] is True
    assert said["record"] == f"records/{case.file}"


def test_requirement_confirmation_stops_when_both_have_signed(runner, records):
    describe = "Confirmation of req-2026-019 (Staff Security Engineer)"
    # Received Thu 11-19 11:00, strategic 2bd: due Mon 11-23 11:00; at Fri 17:00 1 + 2 working
    # hours are left, under a quarter of 18 (4h30): at risk.
    before = ("at_risk", f"{describe} is due in 3 working hours")
    assert clock(runner, records, "requirement-confirmation", describe) == before

    result = log(runner, records, "signed", "req-2026-019", "--by", "agency", "--signer", "wang-li")

    assert result.exit_code == 0, result.output
    assert clock(runner, records, "requirement-confirmation", describe) == (
        "met",
        f"{describe} was on time",
    )


def test_the_text_output_says_it_as_hirebook_sla_does(runner, records):
    result = log(
        runner,
        records,
        *("feedback", "app-2026-0073", "--decision", "interview", "--note", "Strong on Go"),
        *("--at", "2026-11-20T16:00:00+08:00"),
    )
    assert result.exit_code == 0, result.output
    rel = f"records/{NORTHWIND}/applications/app-2026-0073.yaml"
    assert result.stdout == (
        f"Recorded feedback in {rel}:\n"
        "  client_feedback.at: 2026-11-20T16:00:00+08:00\n"
        "  client_feedback.decision: interview\n"
        "  client_feedback.note: Strong on Go\n"
        "\n"
        "Clocks it stopped:\n"
        "SLA board as of 2026-11-20 17:00 CST\n"
        "\n"
        "wang-li\n"
        f"  breached  client-feedback           {FEEDBACK_0073} was 2 business days late\n"
        f"                                      due 2026-11-18 10:00 · {rel}:8\n"
        "\n"
        "1 clock: 1 breached\n"
    )


def test_a_change_and_its_reconfirmation(runner, records):
    path = records / f"{NORTHWIND}/requirements/req-2026-009.yaml"
    end = (
        "changes:                                # changes after confirmation, each re-confirmed\n"
        "  - on: 2026-10-12\n"
        "    summary: Reports to the VP Engineering instead of the CTO; scope now includes the "
        "6-person SRE team\n"
        "    reconfirmed_on: 2026-10-14\n"
    )
    text = path.read_text(encoding="utf-8")
    assert text.endswith(end)

    added = log(runner, records, "change", "req-2026-009", "--summary", "Second opening added")
    confirmed = log(runner, records, "change", "req-2026-009", "--at", "2026-11-20")

    assert (added.exit_code, confirmed.exit_code) == (0, 0), added.output + confirmed.output
    assert path.read_text(encoding="utf-8") == text + (
        "  - on: 2026-11-20\n    summary: Second opening added\n    reconfirmed_on: 2026-11-20\n"
    )
    again = log(runner, records, "change", "req-2026-009")
    assert again.exit_code == 1
    assert "req-2026-009 has no change waiting for re-confirmation" in again.stderr


def test_an_offer_then_its_acceptance(runner, records):
    path = records / f"{NORTHWIND}/applications/app-2026-0062.yaml"
    text = path.read_text(encoding="utf-8")
    made = log(runner, records, "offer", "app-2026-0062", "--at", "2026-11-20")
    early = log(runner, records, "offer", "app-2026-0062", "--accepted", "--at", "2026-11-19")
    accepted = log(runner, records, "offer", "app-2026-0062", "--accepted", "--at", "2026-11-20")
    assert (made.exit_code, early.exit_code, accepted.exit_code) == (0, 1, 0)
    assert "was made on 2026-11-20; accepted on 2026-11-19 would come before it" in early.stderr
    assert path.read_text(encoding="utf-8") == text + (
        "offer:\n  made_on: 2026-11-20\n  accepted_on: 2026-11-20\n"
    )


@pytest.mark.parametrize(
    ("amount", "written"), [("55000", "55000"), ("8500.50", "8500.5"), ("0", "0")]
)
def test_an_offer_with_its_salary(runner, records, amount, written):
    path = records / f"{NORTHWIND}/applications/app-2026-0062.yaml"
    text = path.read_text(encoding="utf-8")
    salary = ("--salary", amount, "--currency", "HKD")
    made = log(runner, records, "offer", "app-2026-0062", "--at", "2026-11-20", *salary)
    assert made.exit_code == 0, made.output
    assert path.read_text(encoding="utf-8") == text + (
        f"offer:\n  made_on: 2026-11-20\n  salary:\n    amount: {written}\n    currency: HKD\n"
    )
    assert "  offer.salary.amount: " + written + "\n  offer.salary.currency: HKD\n" in made.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--salary", "55,000", "--currency", "CNY"), "'55,000' is not an amount"),
        (("--salary", "-1", "--currency", "CNY"), "'-1' is not an amount"),
        (("--salary", "5e4", "--currency", "CNY"), "'5e4' is not an amount"),
        (("--salary", "1" * 13, "--currency", "CNY"), "is not an amount: at most 12 digits"),
        (("--salary", "١٢٣", "--currency", "CNY"), "'١٢٣' is not an amount"),
        (("--salary", "100.1234", "--currency", "CNY"), "at most 3 decimals"),
        (("--salary", "55000",), "give --salary and --currency together"),
        (("--currency", "CNY",), "give --salary and --currency together"),
        (("--salary", "55000", "--currency", "cny"), "'cny' is not a currency code"),
        (("--salary", "55000", "--currency", "RMB!"), "'RMB!' is not a currency code"),
        (("--accepted", "--salary", "1", "--currency", "CNY"), "leave it out with --accepted"),
    ],
)  # fmt: skip
def test_a_salary_that_is_not_one_is_a_usage_error(runner, records, args, message):
    before = snapshot(records)
    result = log(runner, records, "offer", "app-2026-0062", "--at", "2026-11-20", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(records) == before


# --- refused: the record is left byte for byte as it was ---------------------------------------


REFUSALS = [
    (
        ("feedback", "app-2026-0063", "--decision", "hold"),
        f"records/{NORTHWIND}/applications/app-2026-0063.yaml:7:3: app-2026-0063 already has "
        "the client's verdict: `reject` at 2026-10-27T10:20:00+08:00",
    ),
    (
        ("result", "app-2026-0062", "--round", "2", "--result", "pass")
        + ("--at", "2026-11-20T10:30:00+08:00"),
        f"records/{NORTHWIND}/applications/app-2026-0062.yaml:18:9: round 2 of app-2026-0062 "
        "is at 2026-11-20T11:00:00+08:00; a result at 2026-11-20T10:30:00+08:00 would come "
        "before it",
    ),
    (
        ("result", "app-2026-0062", "--round", "3", "--result", "fail"),
        "app-2026-0062 has rounds 1, 2: there is no round 3",
    ),
    (
        ("notified", "app-2026-0062", "--round", "1"),
        "the candidate of app-2026-0062 was already told round 1's result at "
        "2026-11-03T11:30:00+08:00",
    ),
    (
        ("interview", "app-2026-0062", "--round", "4", "--at", "2026-11-27T10:00:00+08:00"),
        "app-2026-0062 has rounds 1, 2: the next round is 3, not 4",
    ),
    (
        ("check-in", "app-2026-0062", "--day", "7"),
        "app-2026-0062 has no placement yet",
    ),
    (
        ("milestone", "plan-2026-008", "--name", "First shortlist (front-end)"),
        "'First shortlist (front-end)' of plan-2026-008 was already done on 2026-09-08",
    ),
    (
        ("signed", "req-2026-019", "--by", "client", "--signer", "Shen Jia"),
        "req-2026-019 is already signed by the client: Shen Jia on 2026-11-20",
    ),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS)
def test_a_contradiction_is_refused_saying_what_is_there(runner, records, args, message):
    before = snapshot(records)
    result = log(runner, records, *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert snapshot(records) == before


def test_nothing_happens_after_a_withdrawal(runner, records):
    withdrawn = log(runner, records, "withdraw", "app-2026-0062", "--at", "2026-11-20")
    assert withdrawn.exit_code == 0, withdrawn.output
    before = snapshot(records)
    result = log(runner, records, "notified", "app-2026-0062", "--round", "2")
    assert result.exit_code == 1
    assert "app-2026-0062 was withdrawn on 2026-11-20; nothing more happens to it" in (
        result.stderr
    )
    assert snapshot(records) == before


def test_an_edit_that_would_not_lint_is_not_written(runner, records):
    before = snapshot(records)
    result = log(runner, records, "signed", "req-2026-019", "--by", "agency", "--signer", "nobody")
    assert result.exit_code == 1
    assert "HB303" in result.stderr
    assert "`nobody` is not a team member" in result.stderr
    assert "Nothing was written" in result.stderr
    assert snapshot(records) == before


def test_an_unknown_id_is_a_usage_error_naming_the_closest(runner, records):
    result = log(runner, records, "feedback", "app-2026-0737", "--decision", "hold")
    assert result.exit_code == 2
    assert "no application `app-2026-0737` in the records; did you mean" in result.stderr
    wrong_kind = log(runner, records, "feedback", "req-2026-019", "--decision", "hold")
    assert wrong_kind.exit_code == 2
    assert "`req-2026-019` is a requirement, not an application" in wrong_kind.stderr


def test_a_record_that_is_a_link_is_never_written_through(runner, records):
    folder = records / NORTHWIND / "applications"
    target = folder / "app-2026-0073.yaml"
    shutil.move(target, records.parent / "elsewhere.yaml")
    os.symlink(records.parent / "elsewhere.yaml", target)
    before = (records.parent / "elsewhere.yaml").read_bytes()
    result = log(runner, records, "feedback", "app-2026-0073", "--decision", "hold")
    assert result.exit_code == 1
    assert f"records/{NORTHWIND}/applications/app-2026-0073.yaml is a symbolic link" in (
        result.stderr
    )
    assert target.is_symlink()
    assert (records.parent / "elsewhere.yaml").read_bytes() == before


def test_records_with_lint_errors_are_not_touched(runner, records):
    broken = records / NORTHWIND / "applications/app-2026-0067.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    before = snapshot(records)
    result = log(runner, records, "feedback", "app-2026-0073", "--decision", "hold")
    assert result.exit_code == 2
    assert "HB201" in result.stderr
    assert "before recording an event" in result.stderr
    assert snapshot(records) == before


def test_a_time_is_needed_where_the_schema_keeps_one(runner, records):
    result = log(
        runner, records, "interview", "app-2026-0072", "--round", "1", "--at", "2026-11-24"
    )
    assert result.exit_code == 2
    assert "give a datetime, e.g. 2026-11-24T14:30:00+08:00" in result.stderr


def test_dry_run_shows_the_change_and_writes_nothing(runner, records):
    before = snapshot(records)
    result = log(runner, records, "withdraw", "app-2026-0073", "--dry-run", "--at", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "+withdrawn:\n+  on: 2026-11-20\n" in result.stdout
    assert snapshot(records) == before


def test_at_defaults_to_now(runner, records):
    result = log(runner, records, "notified", "app-2026-0062", "--round", "2")
    assert result.exit_code == 0, result.output
    text = (records / NORTHWIND / "applications/app-2026-0062.yaml").read_text(encoding="utf-8")
    assert text.endswith("    candidate_notified_at: 2026-11-20T17:00:00+08:00\n")


def snapshot(records) -> dict[str, bytes]:
    """Every file below the records folder, byte for byte."""
    return {
        str(path.relative_to(records)): path.read_bytes()
        for path in sorted(records.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_a_fact_is_not_recorded_ahead_of_time(runner, records):
    before = snapshot(records)
    result = log(
        runner,
        records,
        *("result", "app-2026-0062", "--round", "2", "--result", "pass"),
        *("--at", "2026-11-21T09:00:00+08:00"),
    )
    assert result.exit_code == 1
    assert "--at 2026-11-21T09:00+08:00 is after now (2026-11-20T17:00+08:00)" in result.stderr
    assert snapshot(records) == before


def test_a_byte_order_mark_stays(runner, records):
    path = records / f"{NORTHWIND}/applications/app-2026-0073.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + APP_0073.encode("utf-8"))
    result = log(runner, records, "withdraw", "app-2026-0073", "--at", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"\xef\xbb\xbf" + (
        APP_0073 + "withdrawn:\n  on: 2026-11-20\n"
    ).encode("utf-8")


def test_a_problem_in_another_client_does_not_stop_an_event(runner, records):
    elsewhere = records / "clients/jadepay/applications/app-2026-0035.yaml"
    elsewhere.write_text(elsewhere.read_text(encoding="utf-8") + "colour: blue\n", "utf-8")
    result = log(runner, records, "withdraw", "app-2026-0073", "--at", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "HB201" not in result.output


def test_json_names_each_field_written(runner, records):
    result = log(
        runner,
        records,
        *("interview", "app-2026-0072", "--round", "1", "--at", "2026-11-20T10:00:00+08:00"),
        *("--format", "json"),
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["fields"] == [
        {"field": "interviews[]", "value": {"round": 1, "at": "2026-11-20T10:00:00+08:00"}}
    ]


def test_json_keeps_a_note_inert_for_a_ci_log(runner, records):
    # A note with an ESC sequence, a bidi override and a workflow command: JSON escapes in the
    # output, the same text once read back.
    note = "moved \u202e ##[error]x"
    result = log(
        runner,
        records,
        *("withdraw", "app-2026-0073", "--at", "2026-11-20", "--reason", note),
        *("--format", "json"),
    )
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stdout and "##[" not in result.stdout
    fields = json.loads(result.stdout)["fields"]
    assert note in json.dumps(fields, ensure_ascii=False)
