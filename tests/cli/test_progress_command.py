"""``hirebook progress CLIENT``: formats, languages, privacy, --sent and hostile input.

The demo's numbers are worked out in ``tests/progress/test_model.py``; here the command's
edges: what reaches standard output or a file, what it refuses, and the one touchpoint
``--sent`` writes (checked with the SLA engine).
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from hirebook.cli.main import cli
from hirebook.lint.engine import lint
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all

AS_OF = "2026-11-20T17:00:00+08:00"
SHANGHAI = ZoneInfo("Asia/Shanghai")
# The candidates of pinecone-games' week (cand-0009 submitted, cand-0086 interviewed,
# cand-0069 started), as their files in the demo's candidates/ name them.
CANDIDATES = {"cand-0009": "Kenji Watanabe", "cand-0086": "杜鹏", "cand-0069": "范毅"}


def progress(runner, records, *args, env=None):
    return runner.invoke(
        cli,
        ["progress", *args, "--records", str(records), "--as-of", AS_OF],
        env={"CI": "", **(env or {})},
    )


@pytest.fixture
def copied_demo(tmp_path, demo_records):
    target = tmp_path / "records"
    shutil.copytree(demo_records, target)
    return target


def test_markdown_on_standard_output(runner, demo_records):
    result = progress(runner, demo_records, "pinecone-games")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Progress report: Pinecone Games Studio (松果游戏工作室)\n")
    assert "Period: 2026-11-13 17:00 – 2026-11-20 17:00 (Asia/Shanghai)" in text
    assert "| Resumes submitted | 1 | 6 | — |" in text
    assert (
        "| `cand-0009` | `app-2026-0075` | 2026-11-20 10:00 | 2026-11-24 10:00 | not late |" in text
    )
    assert "| `cand-0069` | `app-2026-0060` | started work | 2026-11-16 |" in text


@pytest.mark.parametrize(
    ("language", "title", "pending"),
    [
        ("en", "Progress report: Pinecone Games Studio", "Resumes awaiting your feedback"),
        ("zh-Hant", "招聘進度報告：Pinecone Games Studio", "待貴司反饋的履歷"),
        ("zh-Hans", "招聘进度报告：Pinecone Games Studio", "待贵司反馈的简历"),
    ],
)
@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_every_language_renders(runner, demo_records, language, title, pending, output_format):
    result = progress(
        runner, demo_records, "pinecone-games", "--language", language, "--format", output_format
    )
    assert result.exit_code == 0, result.output
    assert title in result.stdout and pending in result.stdout
    other_titles = {"Progress report:", "招聘進度報告", "招聘进度报告"} - {title.split("：")[0]}
    assert not any(other in result.stdout for other in other_titles if other not in title)


class Links(HTMLParser):
    """Every URL-bearing attribute and every element name of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.urls += [value or "" for name, value in attrs if name in ("href", "src", "action")]


def test_html_is_one_self_contained_printable_page(runner, demo_records, tmp_path):
    out = tmp_path / "report.html"
    result = progress(runner, demo_records, "pinecone-games", "--format", "html", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    parser = Links()
    parser.feed(page)
    assert parser.urls == []  # nothing to load, from this host or another
    assert not parser.tags & {"link", "script", "img", "iframe", "object", "embed"}
    assert not re.search(r"url\(|@import|https?://", page)
    # The handbook's own stylesheet, print rules and all (those of the confirmation).
    assert "@media print" in page and ".hb-signatures" in page
    assert '<html lang="en">' in page
    assert "<td><code>cand-0009</code></td>" in page


def test_candidates_appear_by_id_only(runner, demo_records):
    for output_format in ("markdown", "html"):
        result = progress(runner, demo_records, "pinecone-games", "--format", output_format)
        assert result.exit_code == 0, result.output
        for candidate, name in CANDIDATES.items():
            assert candidate in result.stdout
            assert name not in result.stdout
        assert not re.search(r"[\w.]+@[\w-]+\.", result.stdout)  # no e-mail address


def test_names_only_when_asked_and_never_in_ci(runner, demo_records):
    result = progress(runner, demo_records, "pinecone-games", "--names")
    assert result.exit_code == 0, result.output
    assert "Kenji Watanabe (cand-0009)" in result.stdout
    refused = progress(runner, demo_records, "pinecone-games", "--names", env={"CI": "true"})
    assert refused.exit_code == 2
    assert "--names is refused in CI" in refused.output
    assert "Kenji" not in refused.output


def test_sent_writes_one_touchpoint_that_restarts_the_clock(runner, copied_demo):
    folder = copied_demo / "clients/pinecone-games/touchpoints"
    before = set(folder.iterdir())
    instant = datetime(2026, 11, 20, 17, 0, tzinfo=SHANGHAI)
    # Nine progress reports since the plan was confirmed (09-16 … 11-18): the tenth is open,
    # counted from the last (2026-11-18 11:00), due 7 days later.
    clocks = _report_clocks(copied_demo, instant)
    assert clocks["plan-2026-009#report-10"] == ("on_track", "2026-11-25T11:00:00+08:00")
    assert "plan-2026-009#report-11" not in clocks

    result = progress(runner, copied_demo, "pinecone-games", "--sent")
    assert result.exit_code == 0, result.output

    [new] = set(folder.iterdir()) - before
    # Named as new names touchpoints, and as the demo's are: the day, the client, the type.
    assert new.name == "tp-2026-1120-pinecone-games-report.yaml"
    text = new.read_text(encoding="utf-8")
    assert "type: progress_report" in text
    assert "at: 2026-11-20T17:00:00+08:00" in text
    assert "by: lin-xiaoyu" in text  # the account manager
    assert "plan: plan-2026-009" in text
    # Instants as records write them: "2026-11-13 17" would read as a phone number (HB502).
    assert "Period: 2026-11-13T17:00 – 2026-11-20T17:00 (Asia/Shanghai)" in text
    assert "1 resumes submitted, 1 interviews held, 0 offers accepted" in text
    repo = load(copied_demo, copied_demo.parent)
    assert [p for p in lint(repo, instant.date()).problems if p.file.endswith(new.name)] == []
    clocks = _report_clocks(copied_demo, instant)
    assert clocks["plan-2026-009#report-10"] == ("met", "2026-11-25T11:00:00+08:00")
    assert clocks["plan-2026-009#report-11"] == ("on_track", "2026-11-27T17:00:00+08:00")


def _report_clocks(records, instant) -> dict[str, tuple[str, str]]:
    board = evaluate_all(load(records, records.parent), instant, rules=["progress-report"])
    return {
        f.clock.subject: (str(f.state), f.clock.due.isoformat())
        for f in board.findings
        if f.clock.client == "pinecone-games"
    }


def test_sent_needs_one_plan(runner, copied_demo):
    # swiftlane-logistics has two active plans: --sent must be told which one.
    folder = copied_demo / "clients/swiftlane-logistics/touchpoints"
    before = sorted(folder.iterdir())
    result = progress(runner, copied_demo, "swiftlane-logistics", "--sent")
    assert result.exit_code == 2
    assert "name it with --plan" in result.output
    assert sorted(folder.iterdir()) == before


def test_unknown_client_is_a_usage_error(runner, demo_records):
    result = progress(runner, demo_records, "pinecone")
    assert result.exit_code == 2
    assert "no client `pinecone` in the records; did you mean `pinecone-games`?" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "plan-2026-012"], "no plan `plan-2026-012` of client `pinecone-games`"),
        (["--from", "2026-11-01"], "give --from and --to together"),
        (["--from", "2026-11-09", "--to", "2026-11-01"], "the period starts (2026-11-09) after"),
        (["--from", "2026-11-16", "--to", "2026-11-22"], "the period ends after --as-of"),
        (["--language", "fr"], "'fr' is not one of"),
        # 24:00 of 9999-12-31 is past the last day Python's calendar has (was a traceback);
        # a day is in the years records hold, as --as-of is.
        (["--from", "2026-11-01", "--to", "9999-12-31"], "outside the years 1900 to 2999"),
        (["--plan", "../plans/plan-2026-009"], "no plan `../plans/plan-2026-009` of client"),
    ],
)
def test_hostile_options_are_usage_errors(runner, demo_records, args, message):
    result = progress(runner, demo_records, "pinecone-games", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_whole_days_are_shown_as_dates(runner, demo_records):
    result = progress(
        runner, demo_records, "pinecone-games", "--from", "2026-11-13", "--to", "2026-11-19"
    )
    assert result.exit_code == 0, result.output
    assert "Period: 2026-11-13 – 2026-11-19 (Asia/Shanghai)" in result.stdout
    # 0075 (11-20) is after it; 0070's round 1 (11-19 15:00) and 0060's start (11-16) in it.
    assert "| Resumes submitted | 0 | 5 | — |" in result.stdout
    assert "| Interviews held | 1 | 6 | — |" in result.stdout


def test_one_answer_whatever_the_processes(runner, demo_records):
    answers = {
        jobs: progress(runner, demo_records, "northwind-cloud", "--jobs", jobs).stdout
        for jobs in ("1", "2", "3")
    }
    assert answers["1"] == answers["2"] == answers["3"]
    assert answers["1"].startswith("# Progress report: Northwind Cloud")


def _escalate(records, code: str) -> None:
    """The agency's policy makes lint code ``code`` an error (``lint.severity``)."""
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "\nlint:" not in text
    policy.write_text(text + f"lint:\n  severity:\n    {code}: error\n", encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "zh-Hant", "zh-Hans"])
def test_sent_touchpoint_passes_an_agency_strict_on_phone_numbers(runner, copied_demo, language):
    # An agency that makes HB502 (a phone number in free text) an error: the summary's period
    # must not look like one, in any language (before: "2026-11-13 17" did, and --sent wrote a
    # touchpoint that failed lint).
    _escalate(copied_demo, "HB502")
    folder = copied_demo / "clients/pinecone-games/touchpoints"
    before = set(folder.iterdir())
    result = progress(runner, copied_demo, "pinecone-games", "--sent", "--language", language)
    assert result.exit_code == 0, result.output
    [new] = set(folder.iterdir()) - before
    repo = load(copied_demo, copied_demo.parent)
    assert lint(repo, datetime(2026, 11, 20).date()).errors == []
    assert "2026-11-13T17:00 – 2026-11-20T17:00" in new.read_text(encoding="utf-8")


def test_sent_writes_nothing_when_the_touchpoint_would_not_lint(
    runner, copied_demo, monkeypatch, tmp_path
):
    # A touchpoint that passes its schema but not lint with the rest of the client's records:
    # its plan is another client's (HB307). The template is made to write that (as a bug
    # would); the gate of `hirebook log` must stop it — no touchpoint, no report file.
    from hirebook.records import templates

    written = templates.touchpoint

    def naming_another_clients_plan(*args):
        return written(*args).replace("plan: plan-2026-009", "plan: plan-2026-001")

    monkeypatch.setattr(templates, "touchpoint", naming_another_clients_plan)
    folder = copied_demo / "clients/pinecone-games/touchpoints"
    before = sorted(folder.iterdir())
    out = tmp_path / "report.md"
    result = progress(runner, copied_demo, "pinecone-games", "--sent", "--out", str(out))
    assert result.exit_code == 1, result.output
    path = "records/clients/pinecone-games/touchpoints/tp-2026-1120-pinecone-games-report.yaml"
    assert path in result.stderr
    # plan: is the sixth line of the template (id, type, at, by, with, plan), its value at 7.
    assert re.search(r"\n  6:7 +error +HB307  plan `plan-2026-001` is not in", result.stderr)
    assert "Nothing was written" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(folder.iterdir()) == before
    assert not out.exists()


@pytest.mark.parametrize(
    ("sender", "shown"),
    [("../team/lin-xiaoyu", "../team/lin-xiaoyu"), ("\x1b[2Jx", "\\x1b[2Jx"), ("", "")],
)
def test_sent_by_no_team_member_is_a_usage_error(runner, copied_demo, sender, shown):
    folder = copied_demo / "clients/pinecone-games/touchpoints"
    before = sorted(folder.iterdir())
    result = progress(runner, copied_demo, "pinecone-games", "--sent", "--by", sender)
    assert result.exit_code == 2, result.output
    assert f"no team member `{shown}` to record as the sender" in result.stderr
    assert "\x1b" not in result.output
    assert sorted(folder.iterdir()) == before


@pytest.mark.parametrize("target", ["policy.yaml", "clients/pinecone-games/client.yaml", "new.md"])
def test_out_never_replaces_a_record(runner, copied_demo, target):
    before = {path: path.read_bytes() for path in copied_demo.rglob("*") if path.is_file()}
    result = progress(runner, copied_demo, "pinecone-games", "--out", str(copied_demo / target))
    assert result.exit_code == 2, result.output
    assert "is inside the records folder" in result.stderr
    after = {path: path.read_bytes() for path in copied_demo.rglob("*") if path.is_file()}
    assert after == before
