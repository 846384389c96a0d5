"""Findings of the fourth review of this session's commits, each with the test that failed
before its fix.

A candidate's Chinese name written in the other script (3b6fba7's cross-script search): the
candidate index knew 劉洋 only as written, so a note naming 刘洋 passed the gate, and the
handbook's search index then gave that note's words in both scripts — the candidate's name
exactly as recorded. The other-script forms below are the characters' Traditional and
Simplified forms, read from a dictionary by hand (劉/刘, 龔/龚, 麗/丽).
"""

from __future__ import annotations

import pytest

from hirebook.cli.main import cli
from hirebook.handbook.site import HandbookError, check, instant
from hirebook.privacy import Candidates, Redactor

AS_OF = "2026-11-20T17:00:00+08:00"
TOUCHPOINT = "id: tp-2026-0002\ntype: call\nat: 2026-03-11T10:00:00+08:00\nby: wang-li\n"
TOUCHPOINT += "summary: {summary}\n"  # line 5


def test_a_chinese_name_is_found_in_the_other_script():
    index = Candidates({"cand-0001": {"name": "劉洋 (Liu Yang)"}, "cand-0002": {"name": "龚丽"}})
    assert index.name_in("今天和刘洋通了电话") == "cand-0001"  # Traditional name, Simplified note
    assert index.name_in("推薦了龔麗，客戶滿意") == "cand-0002"  # Simplified name, Traditional note
    assert index.name_in("劉洋") == "cand-0001" and index.name_in("龚丽") == "cand-0002"
    for ordinary in ("客户例会：课程团队扩充", "客戶例會：課程團隊擴充", "刘先生", "美丽"):
        assert index.name_in(ordinary) is None, ordinary


def test_other_outputs_withhold_the_other_scripts_form():
    redactor = Redactor(Candidates({"cand-0001": {"name": "劉洋"}}))
    assert redactor.text("约刘洋周五面试") == "约cand-0001周五面试"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lint_names_the_other_scripts_form_at_its_place(runner, agency, jobs):
    # The agency's candidate cand-0001 is 劉洋; HB503 names the field's value, which starts at
    # column 10 of line 5 (`summary: ` is 9 characters).
    agency.write(
        "clients/acme/touchpoints/tp-2026-0002.yaml", TOUCHPOINT.format(summary="已约刘洋面试")
    )
    result = runner.invoke(cli, ["lint", "--records", str(agency.records), "--jobs", jobs])
    assert result.exit_code == 0, result.output  # HB503 is a warning
    assert "HB503" in result.output and "cand-0001" in result.output
    assert "刘洋" not in result.output and "劉洋" not in result.output
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--format", "github", "--jobs", jobs]
    )
    where = "file=records/clients/acme/touchpoints/tp-2026-0002.yaml,line=5,col=10,title=HB503"
    assert where in result.output, result.output


def test_the_handbook_refuses_the_other_scripts_form(agency):
    agency.write(
        "clients/acme/touchpoints/tp-2026-0002.yaml", TOUCHPOINT.format(summary="已约刘洋面试")
    )
    repo = agency.load()
    with pytest.raises(HandbookError) as refused:
        check(repo, instant(repo, AS_OF))
    assert "HB503" in str(refused.value)
    assert "刘洋" not in str(refused.value)


def test_show_withholds_a_candidates_name_and_address_in_the_last_contact(runner, agency):
    """`hirebook show CLIENT` printed the latest touchpoint's summary as written: a candidate's
    name (in either script) and e-mail reached a screen that may be shared in the client's
    meeting, where sla, report and export withhold them."""
    agency.write(
        "clients/acme/touchpoints/tp-2026-0002.yaml",
        TOUCHPOINT.format(summary="已约刘洋面试, write to liu.yang@mail.example"),
    )
    result = runner.invoke(
        cli, ["show", "acme", "--records", str(agency.records), "--as-of", AS_OF]
    )
    assert result.exit_code == 0, result.output
    [last] = [line for line in result.output.splitlines() if line.startswith("Last contact:")]
    assert last == (
        "Last contact: 2026-03-11 call by wang-li — 已约cand-0001面试, write to "
        "[personal data withheld]"
    )


@pytest.mark.parametrize(
    ("as_of", "retain_until"),
    [
        ("2026-11-20", "2028-11-20"),
        ("2028-02-29", "2030-02-28"),
        ("2997-12-31", "2999-12-31"),
        ("2998-06-01", "2999-12-31"),  # was 3000-06-01, which the record cannot hold (HB208)
    ],
)
def test_a_new_candidates_retention_ends_within_the_years_records_hold(
    runner, agency, as_of, retain_until
):
    result = runner.invoke(
        cli,
        ["new", "candidate", "--name", "Test Person", "--records", str(agency.records),
         "--as-of", as_of],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [path] = [line for line in result.output.split() if line.endswith(".yaml")]
    written = (agency.records.parent / path).read_text(encoding="utf-8")
    assert f"retain_until: {retain_until} " in written
    lint = runner.invoke(cli, ["lint", "--records", str(agency.records), "--as-of", as_of])
    assert "HB208" not in lint.output, lint.output
