"""``hirebook show CLIENT``."""

from hirebook.cli.main import cli


def test_show_summarises_the_client(runner, agency):
    result = runner.invoke(
        cli, ["show", "acme", "--records", str(agency.records), "--as-of", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "ACME Technology Co., Ltd."
    assert "Tier: strategic" in result.output
    assert "Account manager: 王麗 (Wang Li)" in result.output
    assert "Primary contact: Zhang Wei (HR Director)" in result.output
    assert "req-2026-001  Senior Front-end Engineer [confirmed]" in result.output
    # app-2026-0001 passed round 1 and has no offer: it is interviewing.
    assert "pipeline: 1 interviewing" in result.output
    # Open clocks as of the end of 2026-11-20: no progress report since the plan was confirmed.
    assert "overdue  Progress report 1 for plan-2026-001 is 250 days overdue" in result.output
    assert "at_risk  Tier review of acme is due in 55 days" in result.output


def test_unknown_client_suggests_the_closest(runner, agency):
    result = runner.invoke(cli, ["show", "acm", "--records", str(agency.records)])
    assert result.exit_code == 2
    assert "did you mean `acme`?" in result.output
