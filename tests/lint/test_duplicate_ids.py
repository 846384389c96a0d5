"""No record is dropped silently: a copy of a record that kept the old `id:` is reported.

The copy is typed under its own file name (its id, HB301 says), so the original stays in the
model — the handbook, the export and the SLA board — and the copy is reported twice: its `id:`
differs from its file name (HB301), and that id belongs to another file (HB302).
"""

from __future__ import annotations

import json

from hirebook.cli.main import cli


def test_a_copied_record_is_reported_and_the_original_kept(agency):
    original = (agency.records / "team" / "wang-li.yaml").read_text(encoding="utf-8")
    agency.write("team/wang-li-copy.yaml", original)
    found = agency.check("team/wang-li-copy.yaml", None, expect=[(1, 5, "HB301"), (1, 5, "HB302")])
    assert "records/team/wang-li.yaml" in found[1].message
    repo = agency.load()
    assert repo.people["wang-li"].doc.rel == "records/team/wang-li.yaml"
    assert repo.people["wang-li-copy"].doc.rel == "records/team/wang-li-copy.yaml"


def test_a_copy_sorted_before_the_original_keeps_the_original(agency):
    """Whichever file comes first, the record named by the file is the one the id means."""
    original = (agency.records / "team" / "wang-li.yaml").read_text(encoding="utf-8")
    agency.write("team/a-copy.yaml", original)
    agency.check("team/a-copy.yaml", None, expect=[(1, 5, "HB301"), (1, 5, "HB302")])
    agency.check("team/wang-li.yaml", None, expect=[])
    assert agency.load().people["wang-li"].doc.rel == "records/team/wang-li.yaml"


def test_every_record_read_is_in_the_model_or_in_a_problem(agency):
    original = (agency.records / "team" / "wang-li.yaml").read_text(encoding="utf-8")
    agency.write("team/wang-li-copy.yaml", original)
    agency.write("team/broken.yaml", "id: [\n")
    repo = agency.load()
    typed = {record.doc.rel for record in repo.all_records()}
    if repo.policy is not None:
        typed.add(repo.policy.doc.rel)
    reported = {problem.file for problem in agency.problems()}
    listed = {
        f"records/{path.relative_to(agency.records).as_posix()}"
        for path in agency.records.rglob("*.yaml")
    }
    assert listed <= typed | reported


def test_one_process_and_several_agree_on_a_copied_record(runner, demo_records, tmp_path):
    import shutil

    records = tmp_path / "records"
    shutil.copytree(demo_records, records)
    folder = sorted((records / "clients").iterdir())[0] / "requirements"
    first = sorted(folder.glob("*.yaml"))[0]
    shutil.copy(first, folder / "req-2099-001.yaml")
    answers = []
    for jobs in ("1", "2"):
        result = runner.invoke(
            cli, ["lint", "--records", str(records), "--jobs", jobs, "--format", "json"]
        )
        assert result.exit_code == 1, result.output
        answers.append(json.loads(result.output))
    assert answers[0] == answers[1]
    codes = [p["code"] for p in answers[0]["problems"] if p["file"].endswith("req-2099-001.yaml")]
    assert codes == ["HB301", "HB302"]


def test_integrity_codes_cannot_be_silenced(agency, runner, tmp_path):
    """HB1xx, HB2xx, HB301 and HB302 stay errors whatever the policy and ignore comments say:
    silenced, a copied candidate made `hirebook export` fail on its duplicate id."""
    policy = (agency.records / "policy.yaml").read_text(encoding="utf-8")
    agency.write(
        "policy.yaml",
        policy + "lint:\n  severity: {HB301: off, HB302: warning, HB201: off}\n",
    )
    original = (agency.records / "candidates" / "cand-0001.yaml").read_text(encoding="utf-8")
    agency.write("candidates/cand-0099.yaml", "# hirebook: ignore HB301 HB302\n" + original)
    found = agency.check(
        "candidates/cand-0099.yaml", None, expect=[(2, 5, "HB301"), (2, 5, "HB302")]
    )
    assert {problem.severity.value for problem in found} == {"error"}
    result = runner.invoke(
        cli, ["export", "--records", str(agency.records), "--sqlite", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2, result.output
    assert "HB302" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()
