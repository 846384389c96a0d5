"""The workflows' schedules keep their local times in the agency's timezone (``hirebook init
--timezone``): GitHub reads a cron line in UTC, and the workflows are written for
Asia/Shanghai, where 08:30 is 00:30 UTC. Every expected line is worked out by hand from the
zone's standard offset."""

from __future__ import annotations

import pytest
import yaml

from hirebook import schedules
from hirebook.cli.main import cli
from test_branches import fork_keeping
from test_workflows import ROOT, WORKFLOWS, check_against_githubs_schema

SLA = '    - cron: "30 0 * * 1-5" # Monday to Friday, 08:30 in Asia/Shanghai\n'
HANDBOOK = '    - cron: "17 22 * * *" # every day, 06:17 in Asia/Shanghai, before the working day\n'
SUMMER = " (standard time: an hour later in summer)"


def test_every_schedule_is_one_the_move_understands():
    """A cron line of another form would keep Shanghai's time in every agency's copy."""
    lines = [
        line
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if "cron:" in line
    ]
    assert lines == [HANDBOOK.rstrip("\n"), SLA.rstrip("\n")]  # handbook.yml, then sla.yml
    assert all(schedules.CRON.fullmatch(line) for line in lines)


@pytest.mark.parametrize(
    ("zone", "sla", "handbook"),
    [
        # UTC+0 in winter: 08:30 is 08:30 UTC; 06:17 is 06:17
        ("Europe/London", '"30 8 * * 1-5"', '"17 6 * * *"'),
        # UTC+9: 08:30 Monday is 23:30 UTC on Sunday, so Sunday to Thursday; 06:17 is 21:17
        ("Asia/Tokyo", '"30 23 * * 0-4"', '"17 21 * * *"'),
        # UTC-5 in winter: 08:30 is 13:30 UTC; 06:17 is 11:17
        ("America/New_York", '"30 13 * * 1-5"', '"17 11 * * *"'),
        # UTC+5:30: 08:30 is 03:00 UTC; 06:17 is 00:47
        ("Asia/Kolkata", '"0 3 * * 1-5"', '"47 0 * * *"'),
        # UTC+14: 08:30 Monday is 18:30 UTC on Sunday
        ("Pacific/Kiritimati", '"30 18 * * 0-4"', '"17 16 * * *"'),
        # UTC+10 outside its (January) summer time: 08:30 Monday is 22:30 UTC on Sunday
        ("Australia/Sydney", '"30 22 * * 0-4"', '"17 20 * * *"'),
        # UTC+0 in winter, +1 in summer, as London (the zone database calls summer standard
        # there, winter a negative saving): 08:30 is 08:30 UTC
        ("Europe/Dublin", '"30 8 * * 1-5"', '"17 6 * * *"'),
    ],
)
def test_a_schedule_keeps_its_local_time(zone, sla, handbook):
    summer_zones = ("Europe/London", "America/New_York", "Australia/Sydney", "Europe/Dublin")
    summer = SUMMER if zone in summer_zones else ""
    assert schedules.moved(SLA, zone) == (
        f"    - cron: {sla} # Monday to Friday, 08:30 in {zone}{summer}\n"
    )
    assert schedules.moved(HANDBOOK, zone) == (
        f"    - cron: {handbook} # every day, 06:17 in {zone}{summer}, before the working day\n"
    )


def test_shanghai_and_its_neighbours_keep_the_lines_as_written():
    assert schedules.moved(SLA, "Asia/Shanghai") == SLA
    # Hong Kong and Taipei share its offset: only the comment names them
    assert schedules.moved(SLA, "Asia/Hong_Kong") == SLA.replace("Asia/Shanghai", "Asia/Hong_Kong")


def test_init_writes_the_agencys_schedules(runner, tmp_path):
    target = tmp_path / "agency"
    result = runner.invoke(
        cli,
        ["init", str(target), "--country", "GB", "--timezone", "Europe/London"],
        input="",
    )
    assert result.exit_code == 0, result.output
    sla = (target / ".github/workflows/sla.yml").read_text(encoding="utf-8")
    assert '- cron: "30 8 * * 1-5" # Monday to Friday, 08:30 in Europe/London' in sla
    handbook = (target / ".github/workflows/handbook.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(handbook)[True]["schedule"] == [{"cron": "17 6 * * *"}]
    check_against_githubs_schema(sorted((target / ".github/workflows").glob("*.yml")))


def test_the_project_itself_is_written_for_shanghai():
    """The repository's own workflows are the demo's, whose policy is in Asia/Shanghai."""
    policy = yaml.safe_load((ROOT / "records/policy.yaml").read_text(encoding="utf-8"))
    assert policy["timezone"] == schedules.WRITTEN_FOR


def test_a_kept_workflows_lines_are_given_for_the_agencys_zone():
    """A workflow init keeps (a fork's own) is not rewritten; the lines it would write are
    given instead, worked out by hand as in test_a_schedule_keeps_its_local_time."""
    assert schedules.kept_lines(SLA, "Europe/London") == [
        f'- cron: "30 8 * * 1-5" # Monday to Friday, 08:30 in Europe/London{SUMMER}'
    ]
    # same offset: the time is right, only the comment's name differs
    assert schedules.kept_lines(SLA, "Asia/Hong_Kong") == []
    # moved already (by an earlier init, or by hand): left alone
    assert schedules.kept_lines(schedules.moved(SLA, "Asia/Tokyo"), "Europe/London") == []


def test_init_in_a_fork_says_which_schedules_to_change(runner, tmp_path):
    """A fork keeps its workflows, written for Asia/Shanghai: a London fork's SLA issues
    opened at 00:30 with nothing said. The files stay as they were; init names the lines."""
    fork = tmp_path / "fork"
    sla = fork_keeping(fork, "sla.yml")["sla.yml"]
    result = runner.invoke(
        cli,
        ["init", str(fork), "--country", "GB", "--timezone", "Europe/London"],
        input="",
    )
    assert result.exit_code == 0, result.output
    assert (fork / ".github/workflows/sla.yml").read_bytes() == sla
    assert (
        "note: .github/workflows/sla.yml was kept, and runs at Asia/Shanghai's local times; "
        "for the agency's, change its cron line to:\n"
        f'    - cron: "30 8 * * 1-5" # Monday to Friday, 08:30 in Europe/London{SUMMER}\n'
    ) in result.output
    # handbook.yml was written new, already in London's time: nothing to say about it
    assert "handbook.yml was kept" not in result.output
