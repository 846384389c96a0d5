"""Upgrading a fork touches no record (issue 19, item 5).

- hirebook's commands never write into ``records/`` except those made to (``new``,
  ``holidays``, ``init``, ``demo``): every other one runs here over an agency, and its records
  are byte for byte and time for time what they were;
- the merge that README's "Upgrading" gives brings a newer hirebook into a fork whose
  ``records/`` are its own, while upstream's ``records/`` (the demo's copy) changed: the
  fork's records stay exactly as they were, and the new tooling arrives.

The package-based way (the pin in the workflows) is ``test_init.py``'s
``test_package_workflows_install_the_version_that_wrote_them``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workflow_runner import git

BIN = Path(sys.executable).parent
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_EDITOR": "true",
}
README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def hirebook(cwd: Path, *args: str, ok: tuple[int, ...] = (0,)) -> str:
    result = subprocess.run([str(BIN / "hirebook"), *args], cwd=cwd, capture_output=True, text=True)
    assert result.returncode in ok, f"hirebook {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_no_command_but_those_made_to_writes_into_records(tmp_path):
    project = tmp_path / "agency"
    hirebook(tmp_path, "demo", "--out", str(project))
    before = snapshot(project / "records")
    as_of = ["--as-of", "2026-11-20T17:00:00+08:00"]
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["lint"],
        ["lint", "--format", "json", *as_of],
        ["sla", "--fail-on", "never", *as_of],
        ["sla", "--format", "markdown", "--fail-on", "never", *as_of],
        ["report", *as_of],
        ["export", "--sqlite", str(out / "agency.sqlite"), *as_of],
        ["handbook", "--out", str(out / "handbook"), *as_of],
        ["show", "northwind-cloud", *as_of],
        ["codeowners"],
        ["codeowners", "--check"],
        ["holidays", "--year", "2026", "--dry-run"],
    ):
        hirebook(project, *args, ok=(0, 1))
    env = {**os.environ, "HIREBOOK_AS_OF": "2026-11-20T17:00:00+08:00", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-q"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert snapshot(project / "records") == before


@pytest.fixture
def upstream(tmp_path) -> Path:
    """A hirebook repository: its source (reduced to a marker and one module), the project files
    and, in ``records/``, the demo's copy — as ``hirebook demo --out .`` writes it."""
    repo = tmp_path / "upstream"
    (repo / "tooling/hirebook").mkdir(parents=True)
    (repo / "tooling/hirebook/__init__.py").write_text('__version__ = "1.0"\n')
    hirebook(tmp_path, "demo", "--out", str(repo))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hirebook 1.0")
    return repo


def test_merging_a_newer_hirebook_into_a_fork_keeps_its_records(upstream, tmp_path):
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    git(fork, "remote", "rename", "origin", "upstream")
    hirebook(fork, "init", "--force", "--country", "CN", "--name", "Our Agency")
    new_client = ["new", "client", "--id", "harbor", "--name", "Harbor", "--tier", "key"]
    hirebook(fork, *new_client, "--manager", "lead")
    hirebook(fork, "codeowners")
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Our agency")
    ours = snapshot(fork / "records")
    ours_owners = (fork / ".github/CODEOWNERS").read_text()

    # Upstream: a newer hirebook, whose demo copy changed too (a record edited, one added, one
    # removed), and a hand-written page.
    (upstream / "tooling/hirebook/__init__.py").write_text('__version__ = "1.1"\n')
    client = upstream / "records/clients/northwind-cloud/client.yaml"
    client.write_text(client.read_text(encoding="utf-8") + "# changed upstream\n")
    shutil.copy(client, upstream / "records/clients/northwind-cloud/extra.yaml")
    (upstream / "records/candidates/cand-0001.yaml").unlink()
    (upstream / "records/policy.yaml").write_text("# the demo's, changed\n")
    page = upstream / "site/en/process.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNew in 1.1.\n")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "hirebook 1.1")

    # README's recipe, word for word (the merge stops on the demo copy's conflicts: exit 1).
    for line in recipe():
        result = subprocess.run(
            line, shell=True, cwd=fork, capture_output=True, text=True, env=GIT_ENV
        )
        allowed = (0, 1) if " merge " in line else (0,)
        assert result.returncode in allowed, f"{line}: {result.stdout}{result.stderr}"
    assert git(fork, "status", "--porcelain") == ""
    assert len(git(fork, "log", "-1", "--format=%P").split()) == 2, "not a merge commit"
    assert (fork / "tooling/hirebook/__init__.py").read_text() == '__version__ = "1.1"\n'
    assert (fork / "site/en/process.md").read_text(encoding="utf-8").endswith("New in 1.1.\n")
    after = snapshot(fork / "records")
    assert {rel: data for rel, (data, _) in after.items()} == {
        rel: data for rel, (data, _) in ours.items()
    }
    assert (fork / ".github/CODEOWNERS").read_text() == ours_owners
    assert "no problems" in hirebook(fork, "lint")
    hirebook(fork, "codeowners", "--check")


def recipe() -> list[str]:
    """The commands of README's merge recipe (the code block that merges upstream/main)."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    [block] = [b for b in blocks if "upstream/main" in b]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_the_recipe_is_the_one_tested():
    assert recipe() == [
        "git fetch upstream && git merge --no-commit --no-ff upstream/main",
        "git rm -r -q -f records && git checkout HEAD -- records",
        "git commit",
    ]
