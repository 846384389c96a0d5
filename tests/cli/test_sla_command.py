"""``hirebook sla``: formats, filters, exit statuses and the lint gate."""

import json

from hirebook.cli.main import cli

AS_OF = "2026-11-20T17:00:00+08:00"


def run(runner, agency, *args):
    return runner.invoke(cli, ["sla", "--records", str(agency.records), "--as-of", AS_OF, *args])


def test_board_shows_open_clocks_and_exits_1_when_overdue(runner, agency):
    # The fixture's plan has had no progress report since 2026-03-08 (overdue) and acme has
    # never had a meeting (overdue); the tier review (2026-01-15 + 365d) is at risk.
    result = run(runner, agency)
    assert result.exit_code == 1, result.output
    assert "wang-li" in result.output
    assert "overdue   progress-report" in result.output
    assert "at_risk   tier-review" in result.output
    assert "met" not in result.output.split("clocks:")[0]


def test_fail_on_never_exits_0(runner, agency):
    assert run(runner, agency, "--fail-on", "never").exit_code == 0


def test_filters(runner, agency):
    result = run(runner, agency, "--rule", "tier-review", "--fail-on", "overdue")
    assert result.exit_code == 0
    assert "progress-report" not in result.output
    # zhou-min is on the team but owns no clock: an empty board, not an error.
    assert run(runner, agency, "--owner", "zhou-min").output.strip().endswith("No clocks to show.")
    assert run(runner, agency, "--tier", "key").exit_code == 0


def test_unknown_owner_or_client_is_a_usage_error(runner, agency):
    # One process or several: the ids are checked against the folders before any work.
    for jobs in ("1", "2"):
        nobody = run(runner, agency, "--jobs", jobs, "--owner", "nobody")
        assert nobody.exit_code == 2, nobody.output
        assert (
            "Invalid value for --owner: no team member `nobody` in the records; the team "
            "member ids are: wang-li, zhou-min"
        ) in nobody.output
        assert "No clocks to show." not in nobody.output
        typo = run(runner, agency, "--jobs", jobs, "--owner", "wang-li", "--owner", "wang-lee")
        assert typo.exit_code == 2
        assert "no team member `wang-lee` in the records; did you mean `wang-li`?" in typo.output
        client = run(runner, agency, "--jobs", jobs, "--client", "acmee")
        assert client.exit_code == 2
        assert (
            "Invalid value for --client: no client `acmee` in the records; did you mean "
            "`acme`?" in client.output
        )
        other = run(runner, agency, "--jobs", jobs, "--client", "zzz")
        assert "no client `zzz` in the records; the client ids are: acme" in other.output


def test_all_and_state(runner, agency):
    everything = run(runner, agency, "--all", "--format", "json")
    states = {f["state"] for f in json.loads(everything.output)["findings"]}
    assert states == {"overdue", "at_risk", "on_track", "met", "breached"}
    met_only = json.loads(run(runner, agency, "--state", "met", "--format", "json").output)
    assert {f["state"] for f in met_only["findings"]} == {"met"}


def test_json_finding_shape(runner, agency):
    data = json.loads(run(runner, agency, "--format", "json", "--rule", "progress-report").output)
    assert data["as_of"] == AS_OF
    (finding,) = data["findings"]
    assert finding == {
        "rule": "progress-report",
        "state": "overdue",
        "client": "acme",
        "tier": "strategic",
        "record": "records/clients/acme/plans/plan-2026-001.yaml",
        "line": 1,
        "subject": "plan-2026-001#report-1",
        "owner": "wang-li",
        "goal": "7d",
        "started": "2026-03-08T00:00:00+08:00",
        "due": "2026-03-15T00:00:00+08:00",
        "stopped": None,
        # 2026-03-15 00:00 to 2026-11-20 17:00 = 250 days 17 hours.
        "remaining_seconds": -(250 * 86400 + 17 * 3600),
        "message": "Progress report 1 for plan-2026-001 is 250 days overdue",
    }


def test_github_annotations_for_open_clocks(runner, agency):
    lines = run(runner, agency, "--format", "github").output.splitlines()
    assert any(
        line.startswith("::error file=records/clients/acme/plans/plan-2026-001.yaml,line=1,")
        for line in lines
    )
    assert any(
        line.startswith("::warning file=records/clients/acme/client.yaml,line=6,") for line in lines
    )


def test_markdown_and_sarif(runner, agency):
    markdown = run(runner, agency, "--format", "markdown").output
    assert markdown.startswith("## SLA board: 2 overdue, 1 at risk")
    sarif = json.loads(run(runner, agency, "--format", "sarif").output)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {
        "progress-report",
        "regular-meeting",
        "tier-review",
    }


def test_date_as_of_means_end_of_working_day(runner, agency):
    result = runner.invoke(
        cli, ["sla", "--records", str(agency.records), "--as-of", "2026-11-20", "--format", "json"]
    )
    assert json.loads(result.output)["as_of"] == "2026-11-20T18:00:00+08:00"


def test_lint_errors_stop_the_board_with_exit_2(runner, agency):
    agency.write("clients/acme/client.yaml", "id: acme\n")
    result = run(runner, agency)
    assert result.exit_code == 2
    assert "HB202" in result.output
    assert "fix them" in result.output


def test_bad_as_of_is_a_usage_error(runner, agency):
    result = runner.invoke(cli, ["sla", "--records", str(agency.records), "--as-of", "soon"])
    assert result.exit_code == 2
