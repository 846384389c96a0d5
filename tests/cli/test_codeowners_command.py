"""``hirebook codeowners``: ownership from the records, and ``--check`` for CI."""

from hirebook.cli.main import cli

LEAD = """\
id: zhao-lei
name: 趙磊 (Zhao Lei)
roles: [lead]
github: zhaolei
active: true
"""


def run(runner, agency, *args):
    return runner.invoke(
        cli,
        [
            "codeowners",
            "--records",
            str(agency.records),
            "--output",
            str(agency.root / ".github/CODEOWNERS"),
            *args,
        ],
    )


def test_writes_owners_per_client_and_leads_for_policy(runner, agency):
    agency.write("team/zhao-lei.yaml", LEAD)
    client = (agency.records / "clients/acme/client.yaml").read_text()
    agency.write(
        "clients/acme/client.yaml",
        client.replace(
            "account_manager: wang-li", "account_manager: wang-li\nbackup_manager: zhao-lei"
        ),
    )
    result = run(runner, agency)
    assert result.exit_code == 0, result.output
    text = (agency.root / ".github/CODEOWNERS").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [
        "/records/policy.yaml @zhaolei",
        "/records/team/ @zhaolei",
        "/schemas/ @zhaolei",
        "/records/clients/acme/ @wangli @zhaolei",
    ]


def test_missing_handles_are_warned_about(runner, agency):
    result = run(runner, agency)
    assert result.exit_code == 0
    assert "no active team member with the `lead` role" in result.output


def test_check_passes_when_fresh_and_fails_when_stale(runner, agency):
    run(runner, agency)
    assert run(runner, agency, "--check").exit_code == 0
    team = (agency.records / "team/wang-li.yaml").read_text()
    agency.write("team/wang-li.yaml", team.replace("github: wangli", "github: wang-li-hr"))
    result = run(runner, agency, "--check")
    assert result.exit_code == 1
    assert "+/records/clients/acme/ @wang-li-hr" in result.output
    assert "is stale" in result.output


def test_check_fails_when_missing(runner, agency):
    assert run(runner, agency, "--check").exit_code == 1
