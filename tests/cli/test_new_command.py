"""``hirebook new KIND``: valid records from templates, next free ids, never overwriting."""

from datetime import date

import pytest
import yaml

from hirebook.cli.main import cli
from hirebook.records.templates import next_id, scalar


def new(runner, agency, *args, input=None):
    return runner.invoke(cli, ["new", *args, "--records", str(agency.records)], input=input)


def lint_codes(agency):
    return [(p.file, p.code) for p in agency.problems() if p.severity == "error"]


def test_next_id_follows_the_highest_of_the_year():
    existing = ["req-2026-001", "req-2026-014", "req-2025-099", "other"]
    assert next_id("requirement", existing, date(2026, 5, 1)) == "req-2026-015"
    assert next_id("requirement", existing, date(2027, 1, 2)) == "req-2027-001"
    assert next_id("candidate", ["cand-0042", "cand-0007"], date(2026, 5, 1)) == "cand-0043"
    assert next_id("application", [], date(2026, 5, 1)) == "app-2026-0001"


@pytest.mark.parametrize("text", ["Yes", "on", "#1 Talent", "A: B", "12345", " padded", "中文名"])
def test_scalar_reads_back_as_the_same_text(text):
    assert yaml.safe_load(f"v: {scalar(text)}")["v"] == text


def test_new_requirement_is_valid_and_numbered(runner, agency):
    result = new(runner, agency, "requirement", "--client", "acme", "--title", "Data Engineer")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "records/clients/acme/requirements/req-2026-002.yaml"
    assert lint_codes(agency) == []


def test_new_requirement_received_earlier_starts_its_clock_then(runner, agency):
    # Raised the afternoon before it was filed: no offset means the policy's Asia/Shanghai.
    args = ["--client", "acme", "--title", "Data Engineer", "--received-at", "2026-11-19 16:30"]
    result = new(runner, agency, "requirement", *args)
    assert result.exit_code == 0, result.output
    text = (agency.root / result.output.strip()).read_text(encoding="utf-8")
    assert "\nreceived_at: 2026-11-19T16:30:00+08:00   # when the client raised the need\n" in text
    assert lint_codes(agency) == []
    # An offset of another zone is the same instant in the policy's.
    args[-1] = "2026-11-19T09:30:00+01:00"
    result = new(runner, agency, "requirement", *args)
    text = (agency.root / result.output.strip()).read_text(encoding="utf-8")
    assert "\nreceived_at: 2026-11-19T16:30:00+08:00 " in text


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-11-19", "give the time too, e.g. 2026-11-19T14:30:00+08:00"),
        ("2099-01-01T10:00", "2099-01-01T10:00+08:00 is after now"),
        ("yesterday", "'yesterday' is not a date (2026-11-20) or datetime"),
    ],
)
def test_new_requirement_refuses_a_receipt_it_cannot_time(runner, agency, when, message):
    args = ["--client", "acme", "--title", "X", "--received-at", when]
    result = new(runner, agency, "requirement", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (agency.records / "clients/acme/requirements/req-2026-002.yaml").exists()


def test_new_client_prompts_for_what_is_missing(runner, agency):
    result = new(runner, agency, "client", input="harbor\nHarbor Logistics\nkey\nwang-li\n")
    assert result.exit_code == 0, result.output
    assert (agency.records / "clients/harbor/client.yaml").is_file()
    assert lint_codes(agency) == []


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--requirement", "req-2026-001"],
        [
            "application",
            "--requirement",
            "req-2026-001",
            "--candidate",
            "cand-0001",
            "--channel",
            "referral",
        ],
        [
            "touchpoint",
            "--client",
            "acme",
            "--type",
            "progress_report",
            "--by",
            "wang-li",
            "--plan",
            "plan-2026-001",
            "--summary",
            "Weekly: 3 resumes sent",
        ],
        ["feedback", "--client", "acme", "--by", "wang-li", "--overall", "4"],
        ["candidate", "--name", "陳小明"],
        ["person", "--id", "chen-jie", "--name", "陳傑 (Chen Jie)", "--role", "recruiter"],
        [
            "case",
            "--id",
            "a-lesson",
            "--title",
            "A lesson: on time",
            "--author",
            "wang-li",
            "--outcome",
            "mixed",
        ],
    ],
)
def test_every_kind_writes_a_record_that_lints_without_errors(runner, agency, args):
    result = new(runner, agency, *args)
    assert result.exit_code == 0, result.output
    assert (agency.root / result.output.strip()).is_file()
    assert lint_codes(agency) == []


def test_never_overwrites(runner, agency):
    before = (agency.records / "team/wang-li.yaml").read_text()
    result = new(runner, agency, "person", "--id", "wang-li", "--name", "X", "--role", "lead")
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert (agency.records / "team/wang-li.yaml").read_text() == before


def test_unknown_reference_is_a_usage_error(runner, agency):
    result = new(runner, agency, "requirement", "--client", "nobody", "--title", "X")
    assert result.exit_code == 2
    assert "no client `nobody`" in result.output
    # The same check as sla and report: the closest id is named.
    for kind, *rest in (
        ("requirement", "--title", "X"),
        ("touchpoint", "--type", "call", "--by", "wang-li", "--summary", "X"),
        ("feedback", "--by", "wang-li", "--overall", "4"),
    ):
        typo = new(runner, agency, kind, "--client", "acmee", *rest)
        assert typo.exit_code == 2
        assert "no client `acmee` in the records; did you mean `acme`?" in typo.output


def test_bad_id_is_a_usage_error(runner, agency):
    result = new(runner, agency, "person", "--id", "Wang Li", "--name", "X", "--role", "lead")
    assert result.exit_code == 2
    assert "not a valid id" in result.output


def test_progress_report_needs_a_plan(runner, agency):
    result = new(
        runner,
        agency,
        "touchpoint",
        "--client",
        "acme",
        "--type",
        "progress_report",
        "--by",
        "wang-li",
        "--summary",
        "x",
    )
    assert result.exit_code == 2
