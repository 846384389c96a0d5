"""``hirebook lint --changed-since``: changed records plus the records that refer to them."""

import json
import subprocess

import pytest

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


def test_a_ref_is_never_read_as_an_option(runner, agency, tmp_path):
    # Handed to `git diff` as it was, `--output=FILE` made Git truncate FILE.
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    for ref in (f"--output={victim}", "-p"):
        result = runner.invoke(
            cli, ["lint", "--records", str(agency.records), f"--changed-since={ref}"]
        )
        assert result.exit_code == 2, result.output
        assert "a Git ref (a branch, tag or commit) cannot be empty or start with `-`" in (
            result.output
        )
    assert victim.read_text() == "keep me\n"


def test_a_ref_is_resolved_to_a_commit_first(agency):
    from hirebook.lint.changed import ChangedSinceError, changed_files

    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    tree = subprocess.run(
        ["git", "-C", str(agency.root), "rev-parse", "HEAD^{tree}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # A tree is an object Git knows, but not a commit to compare with.
    with pytest.raises(ChangedSinceError, match=f"--changed-since {tree}: git"):
        changed_files(agency.root, tree)
    agency.write("team/chen-jie.yaml", "id: chen-jie\n")
    assert changed_files(agency.root, "HEAD") == {"records/team/chen-jie.yaml"}


GLOBEX = """\
id: globex
name: Globex
tier: ordinary
status: active
since: 2025-01-01
account_manager: wang-li
contacts: [{name: Hank Scorpio}]
"""


def test_scope_reads_only_the_clients_involved(agency):
    from hirebook.lint.changed import scope

    agency.write("clients/globex/client.yaml", GLOBEX)
    found = scope(
        agency.records, "records/", {"records/clients/acme/requirements/req-2026-001.yaml"}
    )
    # Reported: the requirement and the records naming it (the plan and the application).
    assert found.report == {
        "clients/acme/requirements/req-2026-001.yaml",
        "clients/acme/plans/plan-2026-001.yaml",
        "clients/acme/applications/app-2026-0001.yaml",
    }
    assert "clients/globex/client.yaml" not in found.read
    assert {"policy.yaml", "team/wang-li.yaml", "clients/acme/client.yaml"} <= found.read
    assert not any(path.startswith("candidates/") for path in found.read)


def test_policy_change_means_everything(agency):
    from hirebook.lint.changed import scope

    assert scope(agency.records, "records/", {"records/policy.yaml"}) is None


def test_changed_candidate_relints_its_applications(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    agency.remove("candidates/cand-0001.yaml")  # the application now names a missing candidate
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD"]
    )
    assert result.exit_code == 1
    assert "app-2026-0001.yaml" in result.output and "HB306" in result.output


def test_deactivated_person_is_followed_to_their_clients(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    team = (agency.records / "team/wang-li.yaml").read_text()
    agency.write("team/wang-li.yaml", team.replace("active: true", "active: false"))
    result = runner.invoke(
        cli,
        [
            "lint",
            "--records",
            str(agency.records),
            "--changed-since",
            "HEAD",
            "--fail-on",
            "warning",
        ],
    )
    assert result.exit_code == 1
    assert "records/clients/acme/client.yaml" in result.output and "HB304" in result.output


def test_candidate_names_are_found_in_a_partial_load(runner, agency):
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        """\
        id: tp-2026-0001
        type: call
        at: 2026-03-11T10:00:00+08:00
        by: wang-li
        summary: 劉洋 asked about the offer.
        """,
    )
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD"]
    )
    assert "HB503" in result.output and "劉洋" not in result.output


def test_duplicate_id_in_an_unread_client_is_found(runner, agency):
    agency.write("clients/globex/client.yaml", GLOBEX)
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    # A new requirement in globex reuses acme's id; acme's folder is not read in this mode.
    text = (agency.records / "clients/acme/requirements/req-2026-001.yaml").read_text()
    agency.write(
        "clients/globex/requirements/req-2026-001.yaml",
        text.replace("Li Na", "Hank Scorpio").replace("Zhang Wei", "Hank Scorpio"),
    )
    result = runner.invoke(
        cli, ["lint", "--records", str(agency.records), "--changed-since", "HEAD"]
    )
    assert result.exit_code == 1
    assert (
        "HB302" in result.output
        and "clients/globex/requirements/req-2026-001.yaml" in result.output
    )


def test_files_lint_passes_over_are_passed_over_for_a_pull_request_too(runner, agency):
    """A README or a hidden file below records/ is not looked at by the whole-folder lint;
    `--changed-since` judged them HB110 (misplaced), so a pull request adding records/README.md
    failed where `hirebook lint` passed it. A misplaced record added beside them is still
    reported by both, once — and so is a record in a hidden folder, which both read as
    misplaced (a client's folder renamed `.acme` would otherwise drop its records unsaid)."""
    git(agency.root, "init", "-q")
    commit_all(agency.root, "base")
    agency.write("README.md", "# About these records\n")
    agency.write(".drafts/req-2026-009.yaml", "id: req-2026-009\n")
    agency.write("clients/acme/.req-2026-009.yaml.swp", "binary swap")
    agency.write("clients/acme/requirement/req-2026-010.yaml", "id: req-2026-010\n")
    whole = runner.invoke(cli, ["lint", "--records", str(agency.records), "--format", "json"])
    changed = runner.invoke(
        cli,
        ["lint", "--records", str(agency.records), "--changed-since", "HEAD", "--format", "json"],
    )
    for result in (whole, changed):
        assert result.exit_code == 1, result.output
        problems = json.loads(result.output)["problems"]
        assert [(p["file"], p["code"]) for p in problems] == [
            ("records/.drafts/req-2026-009.yaml", "HB110"),
            ("records/clients/acme/requirement/req-2026-010.yaml", "HB110"),
        ]
