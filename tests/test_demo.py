"""The bundled demo agency: clean, complete, valid for an independent validator, and a board
whose open clocks are the ones planted on purpose (listed here by hand, with why)."""

import json
import subprocess
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from hirebook.demo import DEMO_RECORDS
from hirebook.lint.engine import find, lint
from hirebook.records.document import split_front_matter
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all

ROOT = Path(__file__).resolve().parents[1]
RECORDS = DEMO_RECORDS  # as the package ships it, not the project's records/
AS_OF = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=8)))

# The clocks the demo's story leaves open on Friday 2026-11-20 at 17:00 in Shanghai.
PLANTED = {
    # overdue
    ("overdue", "client-feedback", "app-2026-0073"),  # sent Tue 11-17 10:00, strategic 1bd
    ("overdue", "candidate-notice", "app-2026-0070#interview-1"),  # interview 11-19 15:00 + 24h
    ("overdue", "interview-result", "app-2026-0069#interview-1"),  # 11-18 14:00, ordinary 2bd
    ("overdue", "milestone", "plan-2026-011#milestone-3"),  # due 11-18, not done
    ("overdue", "plan-proposal", "req-2026-016"),  # signed 11-10, key 3bd, no plan
    ("overdue", "progress-report", "plan-2026-007#report-12"),  # last report 11-10, every 7d
    ("overdue", "onboarding-check-in", "app-2026-0035#day-7"),  # start 11-10, due 11-19 18:00
    ("overdue", "regular-meeting", "evergreen-health#meeting-31"),  # every 30d, last 10-09
    ("overdue", "tier-review", "brightpath-edu#tier-review"),  # reviewed 2025-08-01
    ("overdue", "improvement-action", "fb-2026-002#action-1"),  # due 10-30
    ("overdue", "improvement-action", "tp-2026-1105-tidewater-visit#follow-up-1"),  # due 11-18
    ("overdue", "data-retention", "cand-0055"),  # retain_until 2026-09-30
    ("overdue", "data-retention", "cand-0089"),  # retain_until 2026-11-13
    # at risk
    ("at_risk", "candidate-notice", "app-2026-0064#interview-3"),  # 11-19 19:00: 2h of 24h left
    # JadePay agreed 2bd: Thu 11-19 09:30 + 18h = Mon 11-23 09:30; 1.5h of 18h left.
    ("at_risk", "client-feedback", "app-2026-0074"),
    ("at_risk", "interview-result", "app-2026-0066#interview-2"),  # due 11-20 17:30
    ("at_risk", "first-submission", "plan-2026-013"),  # due 11-20 18:00
    ("at_risk", "feedback-survey", "req-2026-006#survey"),  # due 11-20 18:00
    ("at_risk", "requirement-confirmation", "req-2026-019"),  # received 11-19 11:00
    ("at_risk", "client-commitment", "plan-2026-008#commitment-4"),  # due today
    ("at_risk", "progress-report", "plan-2026-012#report-2"),  # every 14d, last 11-09
    ("at_risk", "tier-review", "pinecone-games#tier-review"),  # reviewed 2025-12-10
    ("at_risk", "data-retention", "cand-0060"),  # retain_until is today
}


@pytest.fixture(scope="module")
def repo():
    return load(RECORDS, RECORDS.parent)


def test_demo_lints_clean(repo):
    # The two candidates kept past retain_until (planted on purpose) are overdue data-retention
    # clocks on the board; their files silence lint's HB504, so the demo lints clean.
    day = date(2026, 11, 20)
    assert lint(repo, day).problems == []
    assert sorted((p.code, p.record) for p in find(repo, day)) == [
        ("HB504", "cand-0055"),
        ("HB504", "cand-0089"),
    ]


def test_demo_has_every_kind_tier_and_status(repo):
    assert len(repo.clients) >= 8
    assert {c.tier for c in repo.clients.values()} == {"strategic", "key", "ordinary"}
    assert {c.status for c in repo.clients.values()} == {"prospect", "active", "paused", "former"}
    for table in (
        "people",
        "candidates",
        "requirements",
        "plans",
        "applications",
        "touchpoints",
        "feedback",
        "cases",
    ):
        assert getattr(repo, table), table
    assert {r.status for r in repo.requirements.values()} == {
        "draft",
        "confirmed",
        "on_hold",
        "filled",
        "cancelled",
    }


def test_demo_mixes_chinese_and_english(repo):
    assert any(c.name_local for c in repo.clients.values())
    assert any(
        any("\u4e00" <= ch <= "\u9fff" for ch in t.summary) for t in repo.touchpoints.values()
    )


def test_demo_board_shows_exactly_the_planted_open_clocks(repo):
    board = evaluate_all(repo, AS_OF)
    found = {
        (str(f.state), f.clock.rule, f.clock.subject)
        for f in board.findings
        if f.state in ("overdue", "at_risk")
    }
    assert found == PLANTED


def test_every_rule_has_met_clocks_in_the_demo(repo):
    board = evaluate_all(repo, AS_OF)
    met = {f.clock.rule for f in board.findings if f.state == "met"}
    # tier-review and data-retention only ever show their current clock.
    assert met >= {rule for _, rule, _ in PLANTED} - {"tier-review", "data-retention"}


def test_paused_and_former_clients_have_no_clocks(repo):
    board = evaluate_all(repo, AS_OF)
    quiet = {c.id for c in repo.clients.values() if c.status in ("paused", "former")}
    assert quiet and not [f for f in board.findings if f.clock.client in quiet]


def test_demo_validates_with_check_jsonschema(tmp_path):
    """An independent validator (check-jsonschema) accepts every record of the demo."""
    by_kind: dict[str, list[Path]] = defaultdict(list)
    from hirebook.records.layout import place_of

    for path in sorted(RECORDS.rglob("*")):
        place = place_of(path.relative_to(RECORDS).as_posix()) if path.is_file() else None
        if place is None:
            continue
        if place.kind == "case":  # validate the front matter, written out as its own file
            front, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
            path = tmp_path / f"{path.stem}.yaml"
            path.write_text(front, encoding="utf-8")
        by_kind[place.kind].append(path)
    assert len(by_kind) == 10
    checker = Path(sys.executable).parent / "check-jsonschema"
    for kind, files in by_kind.items():
        result = subprocess.run(
            [
                str(checker),
                "--schemafile",
                str(ROOT / "schemas" / f"{kind}.schema.json"),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{kind}: {result.stdout}{result.stderr}"


def test_front_matter_of_cases_is_yaml(repo):
    for case in repo.cases.values():
        front, _, body = split_front_matter(case.doc.path.read_text(encoding="utf-8"))
        assert yaml.safe_load(front)["title"] == case.title
        assert len(body.split()) > 50


def test_no_personal_data_in_sla_or_lint_output(repo, runner):
    from hirebook.cli.main import cli

    names = [
        json.dumps(d.data.get("name"), ensure_ascii=False).strip('"')
        for d in repo.documents.values()
        if d.kind == "candidate"
    ]
    emails = [d.data.get("email") for d in repo.documents.values() if d.kind == "candidate"]
    for args in (
        ["sla", "--all", "--format", "json", "--as-of", "2026-11-20"],
        ["lint", "--format", "json"],
        ["sla", "--format", "markdown"],
    ):
        output = runner.invoke(cli, [*args, "--records", str(RECORDS)]).output
        for value in names + emails:
            if value:
                assert value not in output
