"""The demo never ages (issue 21, item 8): its policy dates it (``demo_as_of``), so lint, the
SLA board and the handbook show it as designed on any day, while an agency of one's own is
judged by the current time and an explicit ``--as-of`` / ``HIREBOOK_AS_OF`` still wins.

The commands run as the user runs them — separate processes, the system clock, no
``HIREBOOK_AS_OF`` — on a demo written by ``hirebook demo --out``. Days far from the demo's are
asked of :func:`hirebook.now.default_instant` through its clock parameter: the system clock is
never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hirebook.now import default_instant, parse_as_of
from hirebook.records.repository import load_policy

DEMO_DAY = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=8)))
"""Friday 2026-11-20 17:00 in Shanghai: the day the demo's story is told."""
PLANTED_OVERDUE, PLANTED_AT_RISK = 13, 10
"""The open clocks the story plants that day (listed one by one, with why, in test_demo)."""
FAR_DAYS = (
    datetime(2024, 1, 1, 0, 0, tzinfo=UTC),
    datetime(2029, 2, 28, 23, 59, tzinfo=timezone(timedelta(hours=-5))),
    datetime(2041, 7, 1, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
)
"""System dates far from the demo's, before and after it."""


def hirebook(cwd: Path, *args: str, env: dict[str, str] | None = None):
    """``hirebook ARGS`` in a process of its own, without ``HIREBOOK_AS_OF`` unless given."""
    environment = {key: value for key, value in os.environ.items() if key != "HIREBOOK_AS_OF"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hirebook", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("evergreen") / "demo"
    assert hirebook(folder.parent, "demo", "--out", str(folder)).returncode == 0
    return folder


@pytest.fixture(scope="module")
def own_agency(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("evergreen") / "agency"
    made = hirebook(folder.parent, "init", str(folder), "--country", "CN", "--name", "Own")
    assert made.returncode == 0, made.stderr
    return folder


def policy_of(project: Path):
    return load_policy(project / "records", project)


def board(project: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    run = hirebook(project, "sla", "--format", "json", *args, env=env)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def counts(answer: dict) -> tuple[int, int]:
    states = [finding["state"] for finding in answer["findings"]]
    return states.count("overdue"), states.count("at_risk")


@pytest.mark.parametrize("far", FAR_DAYS, ids=lambda day: day.date().isoformat())
def test_the_demo_is_judged_as_of_its_own_day_on_any_day(demo, far):
    assert default_instant(policy_of(demo), clock=lambda zone: far.astimezone(zone)) == DEMO_DAY


@pytest.mark.parametrize("far", FAR_DAYS, ids=lambda day: day.date().isoformat())
def test_an_agency_of_ones_own_is_judged_by_the_clock(own_agency, far):
    policy = policy_of(own_agency)
    assert policy.policy.demo_as_of is None
    moment = default_instant(policy, clock=lambda zone: far.astimezone(zone))
    assert moment == far
    assert moment.tzinfo == ZoneInfo("Asia/Shanghai")  # init's default for CN


def test_lint_of_the_demo_is_clean_without_as_of(demo):
    run = hirebook(demo, "lint")
    assert run.returncode == 0
    assert run.stdout.startswith("✓ no problems"), run.stdout


def test_the_board_of_the_demo_shows_the_planted_clocks_without_as_of(demo):
    answer = board(demo)
    assert datetime.fromisoformat(answer["as_of"]) == DEMO_DAY
    assert counts(answer) == (PLANTED_OVERDUE, PLANTED_AT_RISK)


def test_the_demo_handbook_is_built_as_of_its_own_day(demo, tmp_path):
    run = hirebook(demo, "handbook", "--out", str(tmp_path / "handbook"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().endswith(f"(as of {DEMO_DAY.isoformat()})"), run.stdout
    home = (tmp_path / "handbook" / "index.md").read_text(encoding="utf-8")
    assert "2026-11-20 17:00" in home


def test_the_demo_site_is_built_as_of_its_own_day(demo, tmp_path):
    """``make build`` in the demo's project: ``mkdocs build --strict`` of its own mkdocs.yml."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("HIREBOOK_")
    } | {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    site = tmp_path / "public"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=demo,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert f"as of {DEMO_DAY.isoformat()}" in run.stderr
    assert "As of: 2026-11-20 17:00" in (site / "sla" / "index.html").read_text(encoding="utf-8")


def test_a_new_record_in_the_demo_happens_on_the_demos_day(demo, tmp_path):
    scratch = tmp_path / "demo"
    assert hirebook(tmp_path, "demo", "--out", str(scratch)).returncode == 0
    run = hirebook(scratch, "new", "requirement", "--client", "northwind-cloud", "--title", "QA")
    assert run.returncode == 0, run.stderr
    written = (scratch / run.stdout.strip()).read_text(encoding="utf-8")
    assert "received_at: 2026-11-20T17:00:00+08:00" in written


@pytest.mark.parametrize("how", ["option", "environment"])
def test_an_explicit_as_of_still_wins(demo, how):
    # Monday 2026-11-23 09:00 in Shanghai, the next working morning.
    asked = "2026-11-23T09:00:00+08:00"
    if how == "option":
        answer = board(demo, "--as-of", asked)
    else:
        answer = board(demo, env={"HIREBOOK_AS_OF": asked})
    assert answer["as_of"] == asked
    # The story's Friday at-risk clocks due by Friday 18:00 are overdue on Monday morning:
    # first-submission of plan-2026-013, feedback-survey of req-2026-006#survey and
    # data-retention of cand-0060 (retain_until 2026-11-20).
    overdue = {(f["rule"], f["subject"]) for f in answer["findings"] if f["state"] == "overdue"}
    assert {
        ("first-submission", "plan-2026-013"),
        ("feedback-survey", "req-2026-006#survey"),
        ("data-retention", "cand-0060"),
    } <= overdue


def test_an_agency_of_ones_own_is_judged_now(own_agency):
    before = datetime.now(UTC).replace(microsecond=0)
    answer = board(own_agency)
    after = datetime.now(UTC)
    assert before <= datetime.fromisoformat(answer["as_of"]) <= after


def test_without_demo_as_of_the_demo_would_be_judged_now(demo, tmp_path):
    """The control: the same demo without the field is judged by the clock, so the tests above
    pass because of ``demo_as_of``, not because today happens to be the demo's day."""
    copy = tmp_path / "copy"
    assert hirebook(tmp_path, "demo", "--out", str(copy)).returncode == 0
    policy = copy / "records" / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert text.count("\ndemo_as_of: ") == 1
    policy.write_text(
        "".join(line for line in text.splitlines(keepends=True) if "demo_as_of:" not in line),
        encoding="utf-8",
    )
    before = datetime.now(UTC).replace(microsecond=0)
    answer = board(copy)
    assert datetime.fromisoformat(answer["as_of"]) >= before


def test_make_demo_leaves_the_day_to_the_demo():
    """``make demo`` lints and serves the demo without an --as-of of its own, so the demo's
    day (or a HIREBOOK_AS_OF the user set) decides."""
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo: ", 1)[1].split("\n\n", 1)[0]
    assert "hirebook lint" in recipe and "mkdocs serve" in recipe
    assert "--as-of" not in recipe and "HIREBOOK_AS_OF" not in recipe


# --- --as-of as written ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-11-20T17:00", datetime(2026, 11, 20, 17, 0)),
        ("2026-11-20 17:00:30", datetime(2026, 11, 20, 17, 0, 30)),
        ("2026-11-20T17:00:00+08:00", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        ("2026-11-20T09:00:00Z", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        ("2026-11-20T17:00:00.5+08:00", datetime(2026, 11, 20, 9, 0, 0, 500000, tzinfo=UTC)),
    ],
)
def test_as_of_reads_a_date_or_a_datetime(text, read):
    assert parse_as_of(text) == read
    assert type(parse_as_of(text)) is type(read)


@pytest.mark.parametrize(
    "text",
    ["20261120", "2026-W47-5", "2026-W47", "2026-324", "20261120T170000", "2026-11-20T1700",
     "２０２６-11-20", "2026-11-20T17", "2026-11-20T17:00+25:00", "2026-02-30", "", "today",
     "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+08:00", "9999-12-31T20:00",
     "0001-01-01T03:00"],
)  # fmt: skip
def test_as_of_refuses_what_is_not_a_written_out_date(text):
    with pytest.raises(ValueError):
        parse_as_of(text)


@pytest.mark.parametrize("text", ["20261120", "2026-W47-5", "9999-12-31T23:59:59-23:59"])
def test_the_command_line_refuses_basic_and_week_dates_and_the_ends_of_time(demo, text):
    result = hirebook(demo, "sla", "--as-of", text)
    assert result.returncode == 2
    assert f"{text!r} is not a date (2026-11-20) or datetime" in result.stderr
