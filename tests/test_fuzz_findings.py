"""What the mutation fuzz of the records (``tests/test_fuzz_records.py``) found, each the
smallest record that showed it, as a regression test.

The small agency of ``conftest.py``; positions are counted by hand in the text shown.
"""

from __future__ import annotations

import textwrap

import pytest

from conftest import BASE_FILES
from hirebook.cli.main import cli

CANDIDATE = "candidates/cand-0002.yaml"


# --- a YAML syntax error at the end of a last line without a line break --------------------
# libyaml ends the stream on a line of its own (the line after the last, column 1), so HB105
# named a line the file does not have: a truncated record (fuzz seed 1123: a candidate's file
# cut after "current_titl") was reported at 5:1 in a file of four lines.


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # "current_titl" is line 3, 12 characters: the end of the file is its column 13.
        ("id: cand-0002\nname: Zed Q\ncurrent_titl", 3, 13),
        # An unclosed flow list: "skills: [SQL" is line 2, 12 characters.
        ("id: cand-0002\nskills: [SQL", 2, 13),
        # With the line break kept, the error stays where libyaml puts it: the empty line after.
        ("id: cand-0002\nname: Zed Q\ncurrent_titl\n", 4, 1),
    ],
)
def test_syntax_error_at_the_end_is_inside_the_file(agency, text, line, column):
    agency.check(CANDIDATE, text, expect=[(line, column, "HB105")])


# --- a policy calendar the clocks refuse -------------------------------------------------------
# Working hours that end at or before they start, or a date both a holiday and a make-up
# working day, passed lint (the schema cannot compare two values) while sla, report, export,
# calendar, progress and the handbook refused with "records/policy.yaml: the calendar cannot
# be used", naming no line. Lint reports it now (HB207), and the refusal names its place.

POLICY = textwrap.dedent(BASE_FILES["policy.yaml"])


def policy_with(start: str, end: str, extra: str) -> str:
    """The small agency's policy with these working hours and make-up working days."""
    hours = f'  hours: {{start: "{start}", end: "{end}"}}\n'
    text = POLICY.replace('  hours: {start: "09:00", end: "18:00"}\n', hours)
    return text.replace("  extra_workdays: [2026-09-27]", f"  extra_workdays: [2026-09-27{extra}]")


@pytest.mark.parametrize(
    ("start", "end", "extra", "line", "column", "words"),
    [
        # line 5 is `  hours: {start: "18:00", end: "09:00"}`: the end's value at column 32.
        ("18:00", "09:00", "", 5, 32, "make `end` a later time of the same day than `start`"),
        ("09:00", "09:00", "", 5, 32, "must be after start (09:00:00)"),
        # line 7 is `  extra_workdays: [2026-09-27, 2026-10-02]`: the second date at column 32.
        ("09:00", "18:00", ", 2026-10-02", 7, 32, "keep the date in one list"),
    ],
)
def test_a_calendar_the_clocks_refuse_is_a_lint_error(
    agency, runner, start, end, extra, line, column, words
):
    text = policy_with(start, end, extra)
    (problem,) = agency.check("policy.yaml", text, expect=[(line, column, "HB207")])
    assert words in problem.message
    result = runner.invoke(
        cli, ["sla", "--records", str(agency.records), "--as-of", "2026-11-20T17:00:00+08:00"]
    )
    assert result.exit_code == 2
    assert f"records/policy.yaml:{line}:{column}: " in result.output
    assert words in result.output


# --- a policy that cannot be read: the clocks' refusal names its first problem -----------------
# sla, report, export, calendar, progress and the handbook read the calendar before the records
# and refused an invalid policy with "records/policy.yaml is missing or invalid; run `hirebook
# lint`", naming no line. The refusal now names the first problem at its place, made inert
# (the policy's own text can hold terminal escapes and right-to-left overrides).


def test_an_invalid_policy_refusal_names_its_first_problem(agency, runner):
    policy = POLICY.replace("{strategic: 1bd,", "{strategic: 0bd,")
    agency.write("policy.yaml", policy)
    result = runner.invoke(
        cli, ["sla", "--records", str(agency.records), "--as-of", "2026-11-20T17:00:00+08:00"]
    )
    assert result.exit_code == 2
    # line 13 is `  client-feedback: {strategic: 0bd, key: 2bd, ordinary: 3bd}`: column 32.
    assert "records/policy.yaml:13:32: HB205 `sla.client-feedback.strategic` is `0bd`" in (
        result.output
    )


def test_an_invalid_policy_refusal_is_inert(agency, runner):
    timezone = 'timezone: "Asia/\\u202eShanghai\\x1b[31m"'
    agency.write("policy.yaml", POLICY.replace("timezone: Asia/Shanghai", timezone))
    result = runner.invoke(
        cli, ["report", "--records", str(agency.records), "--as-of", "2026-11-20T17:00:00+08:00"]
    )
    assert result.exit_code == 2
    assert "records/policy.yaml:2:11: HB205 `timezone` is `Asia/\\u202eShanghai\\x1b[31m`" in (
        result.output
    )
    assert "\u202e" not in result.output and "\x1b" not in result.output


# --- a client folder without its client.yaml -------------------------------------------------
# Found beside the fuzz (a folder in client.yaml's place): with clients/acme/client.yaml
# deleted, renamed or replaced by a folder, lint said "no problems" while every record of the
# folder belonged to no client, and sla, report, export and the handbook left them all out
# (the demo's harbor-auto: 118 records, 250 lines of `sla --all` gone). Each is HB309 now, at
# its `id`: line 1, column 5 (`id: ` is four characters).

ACME_RECORDS = [
    "records/clients/acme/applications/app-2026-0001.yaml",
    "records/clients/acme/plans/plan-2026-001.yaml",
    "records/clients/acme/requirements/req-2026-001.yaml",
]


@pytest.mark.parametrize("in_its_place", ["nothing", "a folder"])
def test_records_of_a_client_folder_without_client_yaml_are_reported(agency, in_its_place):
    agency.remove("clients/acme/client.yaml")
    if in_its_place == "a folder":
        (agency.records / "clients/acme/client.yaml").mkdir()
    found = [p for p in agency.problems() if p.code == "HB309"]
    assert [(p.file, p.line, p.column) for p in found] == [(f, 1, 5) for f in ACME_RECORDS]
    assert "records/clients/acme/ has no client.yaml" in found[0].message
    assert "restore the client's client.yaml" in found[0].message


def test_lint_is_the_same_in_every_process_for_a_folder_without_client_yaml(agency, runner):
    agency.remove("clients/acme/client.yaml")
    outputs = {
        jobs: runner.invoke(
            cli, ["lint", "--format", "json", "--jobs", jobs, "--records", str(agency.records)]
        )
        for jobs in ("1", "2")
    }
    assert outputs["1"].exit_code == outputs["2"].exit_code == 1
    assert outputs["1"].stdout == outputs["2"].stdout
    assert outputs["1"].stdout.count('"HB309"') == len(ACME_RECORDS)


# --- a folder named policy.yaml ----------------------------------------------------------------
# Found beside the fuzz: a folder in policy.yaml's place was walked as a folder and lint said
# "no problems", while every command with clocks refused "records/policy.yaml is missing or
# invalid; run `hirebook lint`". It is HB310, as a missing policy is, at 1:1.


def test_a_folder_named_policy_yaml_is_a_missing_policy(agency, runner):
    agency.remove("policy.yaml")
    (agency.records / "policy.yaml").mkdir()
    found = [p for p in agency.problems() if p.code == "HB310"]
    assert [(p.file, p.line, p.column) for p in found] == [("records/policy.yaml", 1, 1)]
    assert "records/policy.yaml is a folder, not a file" in found[0].message
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["lint", "--jobs", jobs, "--records", str(agency.records)])
        assert result.exit_code == 1
        assert "HB310" in result.output


def test_show_names_the_problem_of_a_client_record_it_cannot_read(agency, runner):
    """`hirebook show jadepay` with `tier: [a` appended to its client.yaml said 'no client
    `jadepay`' (exit 2): the client exists, its record is broken. Line 5 holds the `[`; inside
    it YAML reads line 6 (`tier_reason: …`) as more of the item `a`, and fails at its `:`,
    column 12, where it wants `,` or `]`."""
    path = agency.records / "clients/acme/client.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:4], "tier: [a", *lines[4:]]) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["show", "acme", "--records", str(agency.records)])
    assert result.exit_code == 1, result.output
    assert "client `acme` cannot be shown until its record is fixed:" in result.output
    assert "records/clients/acme/client.yaml:6:12: HB105 YAML syntax error" in result.output
    assert "no client" not in result.output
