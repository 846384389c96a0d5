"""What worker processes send back travels as plain tuples and arrives unchanged."""

import json
import pickle
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hirebook.partitioned import _finding, _plain_finding
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all, finding_order

DEMO = Path(__file__).resolve().parents[1] / "records"
AS_OF = datetime(2026, 11, 20, 17, tzinfo=ZoneInfo("Asia/Shanghai"))


def demo_findings():
    repo = load(DEMO, DEMO.parent)
    return evaluate_all(repo, AS_OF).findings


def test_findings_arrive_as_they_left():
    findings = demo_findings()
    assert len(findings) > 100
    lazy_lines = 0
    for finding in findings:
        for lines in ("now", "lazy"):
            plain = pickle.loads(pickle.dumps(_plain_finding(finding, lines)))
            arrived = _finding(plain)
            line = arrived.clock.line  # "now": sent along; "lazy": read from the file here
            assert line == finding.clock.line
            # Every field but the record's data (and the line, now known).
            expected = replace(finding, clock=replace(finding.clock, line_number=line))
            assert replace(arrived, clock=replace(arrived.clock, line_number=line)) == expected
            assert arrived.as_dict() == finding.as_dict()
            lazy_lines += lines == "lazy" and arrived.clock.line_number is None
    assert lazy_lines > 50  # most lines were looked up on arrival, from the file


def test_without_lines_every_line_is_one():
    for finding in demo_findings()[:20]:
        assert _finding(_plain_finding(finding, "none")).clock.line == 1


def test_the_report_gets_what_its_metrics_read_and_what_sorts_them():
    findings = demo_findings()
    arrived = [_finding(pickle.loads(pickle.dumps(_plain_finding(f, "none")))) for f in findings]
    for finding, came in zip(findings, arrived, strict=True):
        for name in ("rule", "client", "tier", "record", "subject", "owner", "due"):
            assert getattr(came.clock, name) == getattr(finding.clock, name), name
        assert came.state is finding.state
    assert sorted(arrived, key=finding_order) == [
        arrived[findings.index(f)] for f in sorted(findings, key=finding_order)
    ]


def test_a_finding_written_as_json_in_the_worker_reads_as_the_parent_would_write_it():
    findings = demo_findings()
    arrived = [
        _finding(pickle.loads(pickle.dumps(_plain_finding(finding, "now", True))))
        for finding in findings
    ]
    for finding, came in zip(findings, arrived, strict=True):
        assert came.encoded == json.dumps(finding.as_dict(), ensure_ascii=False)
        assert _finding(_plain_finding(finding, "now")).encoded is None
        # What the parent still does with it: scope, filter, sort and fail on its state.
        for name in ("rule", "client", "tier", "record", "subject", "owner", "due", "line"):
            assert getattr(came.clock, name) == getattr(finding.clock, name), name
        assert came.state is finding.state
    assert sorted(arrived, key=finding_order) == [
        arrived[findings.index(f)] for f in sorted(findings, key=finding_order)
    ]
