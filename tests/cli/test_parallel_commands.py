"""``hirebook sla`` and ``hirebook report`` give the same answers in any number of processes."""

import shutil

import pytest

from hirebook.cli.main import cli

AS_OF = "2026-11-20T17:00:00+08:00"


def run(runner, records, *args):
    result = runner.invoke(cli, [*args, "--records", str(records), "--as-of", AS_OF])
    return result.exit_code, result.output


@pytest.mark.parametrize("output_format", ["text", "json", "github", "markdown", "sarif"])
def test_sla_board_is_the_same_in_one_or_several_processes(runner, demo_records, output_format):
    args = ("sla", "--all", "--format", output_format)
    one = run(runner, demo_records, *args, "--jobs", "1")
    assert one[0] == 1 and "overdue" in one[1]  # the demo's planted overdue clocks
    for jobs in ("2", "3"):
        assert run(runner, demo_records, *args, "--jobs", jobs) == one


def test_sla_filters_apply_the_same_way(runner, demo_records):
    args = ("sla", "--owner", "wang-li", "--rule", "client-feedback", "--format", "json")
    one = run(runner, demo_records, *args, "--jobs", "1")
    assert '"client-feedback"' in one[1]
    assert run(runner, demo_records, *args, "--jobs", "2") == one


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "json"),
        ("--format", "csv"),
        ("--owner", "wang-li"),
        ("--tier", "key", "--from", "2025-01-01"),
        ("workload",),
        ("sla-compliance", "--format", "markdown"),
    ],
)
def test_report_is_the_same_in_one_or_several_processes(runner, demo_records, args):
    one = run(runner, demo_records, "report", *args, "--jobs", "1")
    assert one[0] == 0 and len(one[1]) > 500
    assert run(runner, demo_records, "report", *args, "--jobs", "2") == one


def test_lint_errors_stop_sla_and_report_the_same_way(runner, tmp_path, demo_records):
    records = tmp_path / "records"
    shutil.copytree(demo_records, records)
    client = sorted((records / "clients").iterdir())[0] / "client.yaml"
    client.write_text(client.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    for command in ("sla", "report"):
        one = runner.invoke(cli, [command, "--records", str(records), "--jobs", "1"])
        two = runner.invoke(cli, [command, "--records", str(records), "--jobs", "2"])
        assert one.exit_code == two.exit_code == 2
        assert "HB201" in one.output and one.output == two.output
