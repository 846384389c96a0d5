"""``hirebook lint`` through Click's CliRunner: every format and every exit status."""

import json
import subprocess

import pytest

from conftest import Agency
from hirebook.cli.main import cli

BROKEN_CLIENT = """\
id: acme
name: ACME Technology Co., Ltd.
tier: gold
status: active
since: 2024-03-01
account_manager: wang-li
contacts: [{name: Zhang Wei}, {name: Li Na}]
recieved: yes
"""


def run(runner, agency, *args, **kwargs):
    return runner.invoke(cli, ["lint", "--records", str(agency.records), *args], **kwargs)


def test_clean_records_exit_0(runner, agency):
    result = run(runner, agency)
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_errors_exit_1_with_file_line_column(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    result = run(runner, agency)
    assert result.exit_code == 1
    assert "records/clients/acme/client.yaml" in result.output
    assert "3:7" in result.output and "HB204" in result.output
    assert "8:1" in result.output and "HB201" in result.output
    assert "2 errors, 0 warnings in 1 file" in result.output
    assert "Traceback" not in result.output


def test_warnings_alone_exit_0_unless_fail_on_warning(runner, agency):
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        """\
        id: tp-2026-0001
        type: call
        at: 2026-03-11T10:00
        by: wang-li
        summary: Called about the shortlist.
        """,
    )
    assert run(runner, agency).exit_code == 0
    assert run(runner, agency, "--fail-on", "warning").exit_code == 1


def test_json_format_has_stable_keys(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    result = run(runner, agency, "--format", "json")
    data = json.loads(result.output)
    assert set(data) == {"files", "errors", "warnings", "problems"}
    assert data["errors"] == 2
    first = data["problems"][0]
    assert first == {
        "file": "records/clients/acme/client.yaml",
        "line": 3,
        "column": 7,
        "code": "HB204",
        "severity": "error",
        "message": first["message"],
        "record": "acme",
    }


def test_github_format_is_workflow_commands(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    result = run(runner, agency, "--format", "github")
    line = result.output.splitlines()[0]
    assert line.startswith("::error file=records/clients/acme/client.yaml,line=3,col=7,")
    assert "title=HB204 not-allowed-value::" in line


def test_every_formats_summary_counts_in_words():
    """ "1 errors ... in 1 files" was the GitHub log's and the Markdown digest's last line."""
    from hirebook.lint.engine import LintResult
    from hirebook.output.github import GithubReporter
    from hirebook.output.markdown import MarkdownReporter
    from hirebook.problem import Problem, Severity

    one = Problem("records/team/a.yaml", 1, 1, "HB104", Severity.ERROR, "file is empty")
    result = LintResult([one], files=1)
    assert GithubReporter().lint(result).splitlines()[-1] == (
        "hirebook lint: 1 error, 0 warnings in 1 file"
    )
    digest = MarkdownReporter().lint(result).splitlines()
    assert digest[0] == "## hirebook lint: 1 error, 0 warnings"
    assert digest[-1] == "1 file checked."  # was "1 files checked."
    assert MarkdownReporter().lint(LintResult([], files=1)).splitlines()[2] == (
        "No problems in 1 file. ✅"
    )


def test_github_format_escapes_newlines_and_percent():
    from hirebook.output.github import command

    text = command("error", "a,b.yaml", 1, 2, "T:x", "50% done\nnext")
    assert text == "::error file=a%2Cb.yaml,line=1,col=2,title=T%3Ax::50%25 done%0Anext"


def test_github_paths_are_relative_to_the_git_root(runner, tmp_path):
    # The project sits in a subfolder of the Git repository: annotations need the full path.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    agency = Agency(tmp_path / "hr")
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    result = run(runner, agency, "--format", "github")
    assert "file=hr/records/clients/acme/client.yaml" in result.output


def test_sarif_format(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    data = json.loads(run(runner, agency, "--format", "sarif").output)
    assert data["version"] == "2.1.0"
    run_ = data["runs"][0]
    assert {rule["id"] for rule in run_["tool"]["driver"]["rules"]} >= {"HB101", "HB504"}
    result = run_["results"][0]
    assert result["ruleId"] == "HB204"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 7}


def test_markdown_format_escapes_table_cells(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT.replace("tier: gold", "tier: a|b"))
    result = run(runner, agency, "--format", "markdown")
    assert "| file | line | code | severity | message |" in result.output
    assert "a\\|b" in result.output


def test_paths_limit_the_report_to_those_files(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    team = agency.records / "team"
    assert run(runner, agency, str(team)).exit_code == 0
    assert run(runner, agency, str(agency.records / "clients")).exit_code == 1


def test_missing_records_folder_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["lint", "--records", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no records folder" in result.output


def test_unknown_format_exits_2(runner, agency):
    assert run(runner, agency, "--format", "xml").exit_code == 2


def test_no_color_on_a_pipe(runner, agency):
    agency.write("clients/acme/client.yaml", BROKEN_CLIENT)
    assert "\x1b[" not in run(runner, agency).output


@pytest.mark.parametrize("payload", [b"\xff\xfe\x00", b"a: [", b"- 1", b"", b"a: &x 1"])
def test_bad_files_never_traceback(runner, agency, payload):
    agency.write("team/broken.yaml", payload)
    result = run(runner, agency)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_progress_bar_on_a_terminal_only(runner, agency, monkeypatch):
    from hirebook.cli import common

    for number in range(2, 205):
        agency.write(
            f"candidates/cand-{number:04d}.yaml",
            f"""\
            id: cand-{number:04d}
            consent: {{given_on: 2026-03-10, purpose: Recruitment}}
            retain_until: 2028-03-10
            """,
        )
    assert "Reading records" not in run(runner, agency).output  # not a terminal: no bar
    monkeypatch.setattr(common, "progress_wanted", lambda: True)
    result = run(runner, agency)
    assert result.exit_code == 0
    assert "Reading records" in result.output
    assert "Reading records" not in run(runner, agency, "--format", "json").output
