"""``hirebook export --sqlite``: tables, keys, round trip, personal data, never losing a file."""

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hirebook.cli.main import cli
from hirebook.reports.export.tables import TABLES
from hirebook.sla.engine import evaluate_all

AS_OF = "2026-11-20T17:00:00+08:00"
# The export's conventions and example queries, for analysts (the handbook's "Running hirebook";
# every table and column is on the generated reference/export.md, see tests/test_reference.py).
RUNNING = Path(__file__).resolve().parents[2] / "site/en/running.md"

EXTRA = {
    # A plan with a milestone, a commitment and interview steps.
    "clients/acme/plans/plan-2026-001.yaml": """\
        id: plan-2026-001
        requirements: [req-2026-001]
        status: active
        proposed_on: 2026-03-06
        client_confirmed_on: 2026-03-08
        channels: [referral, headhunting]
        milestones:
          - {name: First shortlist, due: 2026-03-20, done_on: 2026-03-19}
          - {name: Final interviews, due: 2026-04-30}
        interview_process:
          - {round: 1, name: Agency screen, by: agency}
        client_commitments:
          - {what: Name two interviewers, due: 2026-03-12, done_on: 2026-03-11}
        """,
    "clients/acme/touchpoints/tp-2026-0320.yaml": """\
        id: tp-2026-0320
        type: progress_report
        at: 2026-03-20T10:00:00+08:00
        by: wang-li
        with: [Zhang Wei]
        plan: plan-2026-001
        summary: Four resumes screened.
        follow_ups:
          - {action: Send the revised JD, owner: wang-li, due: 2026-03-23, done_on: 2026-03-23}
        """,
    "clients/acme/feedback/fb-2026-001.yaml": """\
        id: fb-2026-001
        on: 2026-06-10
        collected_by: wang-li
        requirement: req-2026-001
        scores: {overall: 4, responsiveness: 5}
        nps: 9
        actions:
          - {action: Book rooms a week ahead, owner: wang-li, due: 2026-06-30}
        """,
}


def export(runner, agency, target, *args):
    return runner.invoke(
        cli,
        ["export", "--records", str(agency.records), "--sqlite", str(target), *args],
    )


def exported(runner, agency, tmp_path, *args):
    for rel, text in EXTRA.items():
        agency.write(rel, text)
    target = tmp_path / "hirebook.db"
    result = export(runner, agency, target, "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.output
    return target, sqlite3.connect(target)


def test_every_table_with_its_keys(runner, agency, tmp_path):
    target, db = exported(runner, agency, tmp_path)
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert names == [table.name for table in TABLES]
    for table in TABLES:
        info = db.execute(f"PRAGMA table_info({table.name})").fetchall()
        assert [row[1] for row in info] == [column.name for column in table.columns]
        primary = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]]
        assert primary == list(table.primary_key), table.name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute(
        'SELECT "table", "from" FROM pragma_foreign_key_list(\'interviews\')'
    ).fetchall() == [("applications", "application_id")]


def test_round_trip_of_records(runner, agency, tmp_path):
    _, db = exported(runner, agency, tmp_path)
    assert db.execute(
        "SELECT id, client_id, requirement_id, candidate_id, channel, submitted_at, "
        "feedback_decision FROM applications"
    ).fetchall() == [
        (
            "app-2026-0001",
            "acme",
            "req-2026-001",
            "cand-0001",
            "referral",
            "2026-03-12T15:00:00+08:00",
            "interview",
        )
    ]
    assert db.execute(
        "SELECT a.id, i.position, i.round, i.at, i.result FROM interviews AS i "
        "JOIN applications AS a ON a.id = i.application_id"
    ).fetchall() == [("app-2026-0001", 1, 1, "2026-03-18T14:00:00+08:00", "pass")]
    assert db.execute(
        "SELECT position, name, due, done_on FROM plan_milestones ORDER BY position"
    ).fetchall() == [
        (1, "First shortlist", "2026-03-20", "2026-03-19"),
        (2, "Final interviews", "2026-04-30", None),
    ]
    assert db.execute("SELECT by_whom FROM plan_interview_steps").fetchall() == [("agency",)]
    assert db.execute("SELECT what, done_on FROM plan_commitments").fetchall() == [
        ("Name two interviewers", "2026-03-11")
    ]
    assert db.execute("SELECT requirement_id FROM plan_requirements").fetchall() == [
        ("req-2026-001",)
    ]
    assert db.execute("SELECT by_person, with_people, plan_id FROM touchpoints").fetchall() == [
        ("wang-li", '["Zhang Wei"]', "plan-2026-001")
    ]
    assert db.execute(
        "SELECT touchpoint_id, position, owner, done_on FROM touchpoint_follow_ups"
    ).fetchall() == [("tp-2026-0320", 1, "wang-li", "2026-03-23")]
    assert db.execute(
        "SELECT on_date, score_overall, score_responsiveness, score_communication, nps "
        "FROM feedback"
    ).fetchall() == [("2026-06-10", 4, 5, None, 9)]
    assert db.execute("SELECT feedback_id, done_on FROM feedback_actions").fetchall() == [
        ("fb-2026-001", None)
    ]
    assert db.execute("SELECT is_primary FROM client_contacts ORDER BY position").fetchall() == [
        (1,),
        (0,),
    ]
    assert db.execute("SELECT signed_on FROM requirements").fetchall() == [("2026-03-05",)]


def test_datetimes_are_written_in_the_policy_timezone(runner, agency, tmp_path):
    text = (agency.records / "clients/acme/applications/app-2026-0001.yaml").read_text()
    agency.write(
        "clients/acme/applications/app-2026-0001.yaml",
        text.replace("2026-03-12T15:00:00+08:00", "2026-03-12T07:00:00+00:00"),
    )
    _, db = exported(runner, agency, tmp_path)
    # 07:00 UTC is 15:00 in Shanghai: the same instant, written with the policy's offset.
    assert db.execute("SELECT submitted_at FROM applications").fetchone() == (
        "2026-03-12T15:00:00+08:00",
    )


def test_every_clock_with_its_state(runner, agency, tmp_path):
    _, db = exported(runner, agency, tmp_path)
    as_of = datetime(2026, 11, 20, 17, tzinfo=timezone(timedelta(hours=8)))
    findings = evaluate_all(agency.load(), as_of).findings
    assert db.execute("SELECT COUNT(*) FROM clocks").fetchone() == (len(findings),)
    # The plan was confirmed on 2026-03-08, so report 1 was due 7 days later, on 03-15 00:00;
    # the progress-report touchpoint of 03-20 10:00 stopped it late: breached.
    assert db.execute(
        "SELECT state, due, stopped, owner FROM clocks WHERE subject = 'plan-2026-001#report-1'"
    ).fetchone() == (
        "breached",
        "2026-03-15T00:00:00+08:00",
        "2026-03-20T10:00:00+08:00",
        "wang-li",
    )
    assert db.execute("SELECT value FROM meta WHERE key = 'as_of'").fetchone() == (AS_OF,)


def test_no_personal_data_of_candidates(runner, agency, tmp_path):
    target, db = exported(runner, agency, tmp_path)
    assert db.execute("SELECT * FROM candidates").fetchall() == [
        ("cand-0001", "2026-03-10", None, "2028-03-10")
    ]
    db.close()
    raw = target.read_bytes()
    for secret in ("劉洋", "liu.yang@mail.example", "+86 138 0000 0001", "Recruitment for"):
        assert secret.encode() not in raw, secret


def test_never_overwrites_without_force(runner, agency, tmp_path):
    target = tmp_path / "precious.db"
    target.write_bytes(b"a spreadsheet someone cares about")
    result = export(runner, agency, target)
    assert result.exit_code == 2
    assert "--force" in result.output
    assert target.read_bytes() == b"a spreadsheet someone cares about"
    replaced = export(runner, agency, target, "--force", "--as-of", AS_OF)
    assert replaced.exit_code == 0, replaced.output
    assert sqlite3.connect(target).execute("SELECT COUNT(*) FROM clients").fetchone() == (1,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.db", "records"]


def test_bad_usage_exits_2(runner, agency, tmp_path):
    assert runner.invoke(cli, ["export", "--records", str(agency.records)]).exit_code == 2
    assert export(runner, agency, tmp_path).exit_code == 2  # a folder
    assert export(runner, agency, tmp_path / "missing" / "x.db").exit_code == 2


def test_lint_errors_stop_the_export(runner, agency, tmp_path):
    agency.write("clients/acme/requirements/req-2026-001.yaml", "id: req-2026-001\n")
    target = tmp_path / "x.db"
    result = export(runner, agency, target)
    assert result.exit_code == 2
    assert "HB202" in result.stderr
    assert not target.exists()


def test_documented_example_queries_run(runner, agency, tmp_path):
    _, db = exported(runner, agency, tmp_path)
    docs = RUNNING.read_text(encoding="utf-8")
    queries = docs.split("\n## The export\n")[1].split("\n## ")[0].split("```sql\n")[1:]
    assert len(queries) == 3
    for query in queries:
        db.execute(query.split("```")[0]).fetchall()
