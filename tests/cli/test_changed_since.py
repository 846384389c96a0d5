"""``hirebook lint --changed-since``: changed records plus the records that refer to them."""

import subprocess

from hirebook.cli.main import cli


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def commit_all(root, message):
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)


def test_changed_requirement_relints_its_applications(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    # Move the requirement's client signature after the application's submission: the
    # requirement itself stays valid, the unchanged application is now wrong (HB405).
    rel = "clients/acme/requirements/req-2026-001.yaml"
    text = (agency.records / rel).read_text()
    agency.write(rel, text.replace("client_signed_on: 2026-03-05", "client_signed_on: 2026-03-20"))
    commit_all(agency.root, "change")
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD~1"]
    )
    assert result.exit_code == 1, result.output
    assert "records/clients/acme/applications/app-2026-0001.yaml" in result.output
    assert "HB405" in result.output


def test_unrelated_old_problem_is_not_reported(runner, agency):
    agency.write("team/chen-jie.yaml", "id: chen-jie\nname: Chen\n")  # missing fields
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    agency.write("team/wang-li.yaml", (agency.records / "team/wang-li.yaml").read_text())
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD"]
    )
    assert result.exit_code == 0, result.output


def test_new_untracked_file_is_linted(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    agency.write("team/chen-jie.yaml", "id: chen-jie\n")
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD"]
    )
    assert result.exit_code == 1
    assert "team/chen-jie.yaml" in result.output


def test_unknown_ref_is_a_usage_error(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "no-such-ref"]
    )
    assert result.exit_code == 2
    assert "no-such-ref" in result.output
