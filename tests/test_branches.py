"""The branch the workflows check on push and publish from (hirebook.branches)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from hirebook import branches

PROJECT = Path(__file__).resolve().parents[1]
WORKFLOWS = PROJECT / ".github" / "workflows"


def workflow(name: str) -> str:
    return (WORKFLOWS / name).read_text(encoding="utf-8")


def triggers(parsed: dict) -> dict:
    return parsed[True] if True in parsed else parsed["on"]  # PyYAML reads `on` as true


def test_the_handbook_workflow_moved_to_trunk_checks_and_publishes_trunk():
    text = branches.moved(workflow("handbook.yml"), "trunk")
    parsed = yaml.safe_load(text)
    assert triggers(parsed)["push"]["branches"] == ["trunk"]
    build, deploy = parsed["jobs"]["build"], parsed["jobs"]["deploy"]
    assert deploy["if"] == "github.ref == 'refs/heads/trunk' && github.event_name != 'pull_request'"
    [upload] = [step for step in build["steps"] if step.get("name") == "Upload the site for Pages"]
    assert upload["if"] == deploy["if"]
    [strict] = [step for step in build["steps"] if step.get("name") == "Build with --strict"]
    assert strict["env"]["HIREBOOK_EDIT_URI"] == "edit/trunk/site/"
    # Nothing else changed: the text differs from the original in those four lines only.
    before, after = workflow("handbook.yml").splitlines(), text.splitlines()
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 4


def test_the_checks_workflow_runs_on_pushes_to_the_agencys_branch():
    parsed = yaml.safe_load(branches.moved(workflow("checks.yml"), "master"))
    assert triggers(parsed)["push"]["branches"] == ["master"]


def test_a_branch_that_looks_like_a_number_stays_a_name():
    for name in ("2026", "1.0"):
        parsed = yaml.safe_load(branches.moved(workflow("checks.yml"), name))
        assert triggers(parsed)["push"]["branches"] == [name]


def test_main_leaves_the_workflows_as_written():
    for name in ("handbook.yml", "checks.yml", "sla.yml", "forms.yml"):
        assert branches.moved(workflow(name), "main") == workflow(name)


def test_every_place_that_names_the_branch_is_moved():
    """No workflow names `main` as a branch anywhere but in the places moved: a new place
    (a second deploy condition, say) must be added to branches._PLACES, or it would keep
    publishing from main."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        parsed = yaml.safe_load(branches.moved(path.read_text(encoding="utf-8"), "trunk"))
        assert not [text for text in strings(parsed) if re.search(r"\bmain\b", text)], path.name


def strings(value) -> list[str]:
    """Every key and string value of parsed YAML (the comments are not read)."""
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in strings(key) + strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize(
    "name",
    [
        "",
        "feature x",
        "a//b",
        "/a",
        "a/",
        "-a",
        ".a",
        "a.",
        "a.lock",
        "a..b",
        "a'b",
        "a]",
        "a\u202eb",
    ],
)
def test_names_the_workflows_cannot_carry_are_refused(name):
    with pytest.raises(branches.BadBranch):
        branches.check(name)


@pytest.mark.parametrize("name", ["main", "master", "trunk", "release/2026", "v1.0_x-y", "功能"])
def test_ordinary_names_are_taken(name):
    assert branches.check(name) == name


def test_a_forks_kept_workflow_gets_the_lines_to_change():
    lines = branches.kept_lines(workflow("handbook.yml"), "trunk")
    assert lines == [
        'branches: ["trunk"]',
        "HIREBOOK_EDIT_URI: edit/trunk/site/",
        "if: github.ref == 'refs/heads/trunk' && github.event_name != 'pull_request'",
        "if: github.ref == 'refs/heads/trunk' && github.event_name != 'pull_request'",
    ]
    assert branches.kept_lines(workflow("handbook.yml"), "main") == []
    assert branches.kept_lines(branches.moved(workflow("handbook.yml"), "trunk"), "trunk") == []


@pytest.fixture
def no_git_config(tmp_path, monkeypatch):
    """Git reading only the configuration a test writes (not this machine's)."""
    config = tmp_path / "gitconfig"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return config


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_the_branch_of_a_repository_is_its_current_branch(tmp_path, no_git_config):
    repo = tmp_path / "agency"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "trunk")
    assert branches.branch_of(repo) == "trunk"  # before any commit


def test_a_folder_that_is_not_a_repository_of_its_own_has_no_branch(tmp_path, no_git_config):
    outer = tmp_path / "outer"
    (outer / "agency").mkdir(parents=True)
    git(outer, "init", "-q", "-b", "trunk")
    no_git_config.write_text("[init]\n\tdefaultBranch = develop\n", encoding="utf-8")
    assert branches.branch_of(outer / "agency") is None  # not trunk: that is outer's
    assert branches.branch_of(tmp_path / "not-yet") is None  # nor Git's default


# --- hirebook init ----------------------------------------------------------------------------


def init(runner, target: Path, *options: str):
    from hirebook.cli.main import cli

    return runner.invoke(cli, ["init", str(target), "--country", "CN", *options], input="")


def published_branch(target: Path) -> tuple[list, str, str]:
    """(push branches, deploy condition, edit URI) of the handbook workflow in ``target``."""
    parsed = yaml.safe_load((target / ".github/workflows/handbook.yml").read_text("utf-8"))
    [strict] = [
        s for s in parsed["jobs"]["build"]["steps"] if s.get("name") == "Build with --strict"
    ]
    return (
        triggers(parsed)["push"]["branches"],
        parsed["jobs"]["deploy"]["if"],
        strict["env"]["HIREBOOK_EDIT_URI"],
    )


def test_init_writes_the_branch_it_is_given(runner, tmp_path, no_git_config):
    from test_workflows import check_against_githubs_schema

    target = tmp_path / "agency"
    result = init(runner, target, "--branch", "trunk")
    assert result.exit_code == 0, result.output
    pushed, deploy, edit = published_branch(target)
    assert pushed == ["trunk"] and "'refs/heads/trunk'" in deploy and edit == "edit/trunk/site/"
    checks = yaml.safe_load((target / ".github/workflows/checks.yml").read_text("utf-8"))
    assert triggers(checks)["push"]["branches"] == ["trunk"]
    assert "The workflows check and publish the branch trunk (--branch).\n" in result.output
    assert "git init -b trunk (if this is not a repository yet)" in result.output
    check_against_githubs_schema(sorted((target / ".github/workflows").glob("*.yml")))


def init_in_a_repository_on(runner, tmp_path: Path, branch: str):
    """``init`` in a new Git repository on ``branch``: (its result, the folder), exit 0."""
    target = tmp_path / "agency"
    target.mkdir()
    git(target, "init", "-q", "-b", branch)
    result = init(runner, target)
    assert result.exit_code == 0, result.output
    return result, target


def test_init_in_a_repository_on_master_publishes_master(runner, tmp_path, no_git_config):
    """A repository whose branch is master: before, its handbook was never published on push
    (the workflows said main), and nothing said so."""
    result, target = init_in_a_repository_on(runner, tmp_path, "master")
    pushed, deploy, edit = published_branch(target)
    assert pushed == ["master"] and "'refs/heads/master'" in deploy and edit == "edit/master/site/"
    assert "the branch master (the repository's branch)" in result.output


def test_init_in_a_new_folder_keeps_main_and_says_how_to_start_on_it(
    runner, tmp_path, no_git_config
):
    target = tmp_path / "agency"
    result = init(runner, target)
    assert result.exit_code == 0, result.output
    assert published_branch(target) == (
        ["main"],
        "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'",
        "edit/main/site/",
    )
    assert "check and publish the branch" not in result.output
    assert "git init -b main (if this is not a repository yet)" in result.output


def test_init_refuses_a_branch_the_workflows_cannot_carry(runner, tmp_path, no_git_config):
    target = tmp_path / "agency"
    result = init(runner, target, "--branch", "feature x")
    assert result.exit_code == 2
    assert "--branch" in result.output and "`feature x`" in result.output
    assert not target.exists()  # refused before anything is written


def fork_keeping(fork: Path, *workflows: str) -> dict[str, bytes]:
    """A fork of hirebook (its package's folder) in ``fork`` with copies of this project's
    ``workflows``, which init keeps; their bytes, by name."""
    (fork / "tooling/hirebook").mkdir(parents=True)
    (fork / "tooling/hirebook/__init__.py").write_text("")
    (fork / ".github/workflows").mkdir(parents=True)
    kept = {name: (WORKFLOWS / name).read_bytes() for name in workflows}
    for name, data in kept.items():
        (fork / ".github/workflows" / name).write_bytes(data)
    return kept


def test_init_in_a_fork_says_which_lines_name_main(runner, tmp_path, no_git_config):
    """A fork keeps its own workflows: they are not rewritten, init names the lines."""
    fork = tmp_path / "fork"
    checks = fork_keeping(fork, "checks.yml")["checks.yml"]
    result = init(runner, fork, "--branch", "master")
    assert result.exit_code == 0, result.output
    assert (fork / ".github/workflows/checks.yml").read_bytes() == checks
    assert (
        "note: .github/workflows/checks.yml was kept, and checks and publishes the branch "
        'main; for master, change these lines to:\n    branches: ["master"]\n'
    ) in result.output
    assert "handbook.yml was kept" not in result.output  # written new, for master


def test_init_in_a_repository_on_a_chinese_branch_publishes_it(runner, tmp_path, no_git_config):
    """A branch Git accepts in Chinese (功能/招聘) was refused when init found it (exit 2)."""
    _, target = init_in_a_repository_on(runner, tmp_path, "功能/招聘")
    pushed, deploy, edit = published_branch(target)
    assert pushed == ["功能/招聘"] and "'refs/heads/功能/招聘'" in deploy
    assert edit == "edit/功能/招聘/site/"
