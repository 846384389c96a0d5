"""The GitHub side of the workflow: workflows valid and audited, hooks that run hirebook."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; it is part of the test dependencies")
    return found


def test_there_are_workflows():
    names = {path.name for path in WORKFLOWS}
    assert {"checks.yml", "sla.yml", "forms.yml"} <= names


def check_against_githubs_schema(workflows: list[Path]) -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_githubs_schema():
    check_against_githubs_schema(WORKFLOWS)


def test_workflows_pass_zizmor():
    result = subprocess.run(
        [tool("zizmor"), "--offline", *WORKFLOWS], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits(path):
    for job in yaml.safe_load(path.read_text())["jobs"].values():
        for step in job.get("steps", []):
            if "uses" in step:
                ref = step["uses"].split("@")[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]


def test_sla_workflow_runs_daily_with_least_permissions():
    workflow = yaml.safe_load((ROOT / ".github/workflows/sla.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["board"]["permissions"] == {"contents": "read", "issues": "write"}


def test_forms_workflow_runs_for_members_with_least_permissions():
    """Issue forms become pull requests only for the repository's members, with write access
    for that one job, and no expression of a run: step reads what the issue says."""
    text = (ROOT / ".github/workflows/forms.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert triggers == {"issues": {"types": ["opened"]}}
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    condition = job["if"]
    assert "github.event.issue.author_association" in condition
    for association in ("OWNER", "MEMBER", "COLLABORATOR"):
        assert f'"{association}"' in condition
    for step in job["steps"]:
        assert "${{" not in step.get("run", "")
        for value in (step.get("env") or {}).values():
            assert "github.event" not in str(value)
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["persist-credentials"] is False


def test_pre_commit_hook_definition_runs_hirebook_lint():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    lint = next(hook for hook in hooks if hook["id"] == "hirebook-lint")
    assert lint["entry"] == "hirebook lint"
    assert lint["language"] == "python"
    # pre-commit matches `files` with Python's re.search: a record misnamed .YAML runs the hook
    # too, and lint tells the author to rename it (HB110)
    files = re.compile(lint["files"])
    for path in ("records/team/a.yaml", "records/team/a.YAML", "records/cases/b.Md"):
        assert files.search(path), path
    assert not files.search("records/clients/acme/contract.pdf")


def test_vscode_maps_every_record_folder_to_its_schema():
    import json

    mapping = json.loads((ROOT / ".vscode/settings.json").read_text())["yaml.schemas"]
    for schema in (ROOT / "schemas").glob("*.schema.json"):
        if schema.name != "case.schema.json":  # case front matter lives in Markdown
            assert f"./schemas/{schema.name}" in mapping
        assert (ROOT / "schemas" / schema.name).is_file()


def test_pre_commit_try_repo_runs_the_hook(agency, tmp_path_factory):
    """The hook definition works for another repository: pre-commit installs hirebook from this
    repository into its own environment (from the package registry) and runs `hirebook lint`."""
    git = ["git", "-C", str(agency.root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run(
        [*git, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "records"],
        check=True,
    )
    env = {**__import__("os").environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pc"))}
    command = [tool("pre-commit"), "try-repo", str(ROOT), "hirebook-lint", "--all-files"]
    clean = subprocess.run(command, cwd=agency.root, capture_output=True, text=True, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "hirebook lint" in clean.stdout and "Passed" in clean.stdout
    agency.write("team/broken.yaml", "id: broken\n")
    broken = subprocess.run(command, cwd=agency.root, capture_output=True, text=True, env=env)
    assert broken.returncode == 1
    assert "records/team/broken.yaml" in broken.stdout


def test_issue_forms_match_githubs_schema():
    forms = sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml"))
    names = {p.stem for p in forms}
    assert {
        "new-client",
        "new-requirement",
        "sla-exception",
        "client-feedback",
        "interview-result",
        "candidate-notified",
        "touchpoint",
    } <= names
    result = subprocess.run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-issue-forms",
            *[p for p in forms if p.name != "config.yml"],
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
