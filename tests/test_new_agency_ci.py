"""A new agency passes its own CI on the first push (issue 19, item 4).

``hirebook init`` runs into an empty folder (a package-based agency, as of a fixed day: its
calendar has that year and the next), the result is committed to a fresh Git repository as its first
push, and a pull request then does what ``init`` tells the lead to do first: put their GitHub
handle in ``team/lead.yaml``, run ``hirebook codeowners``, and add a client with ``hirebook
new``. Every ``run:`` step of the workflows ``init`` wrote runs there with the runner of
``test_workflow_steps.py`` (:mod:`workflow_runner`): the records lint clean, ``codeowners
--check`` is clean, the handbook builds with ``--strict``, the SLA digest runs and the issue
script with it. The steps that install hirebook are not run (this environment has it); what
they install is ``test_init.py``'s ``test_package_workflows_install_the_version_that_wrote_them``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import workflow_runner as runner
from hirebook import __version__
from workflow_runner import git, hirebook, run_steps

RUN = {
    ("checks.yml", "records", "Lint the records this pull request changed"): "pull_request",
    ("checks.yml", "records", "Lint every record"): "pull_request",
    ("checks.yml", "records", "CODEOWNERS is up to date"): "pull_request",
    ("handbook.yml", "build", "Build with --strict"): "push",
    ("sla.yml", "board", "Digest and annotations"): "schedule",
    ("sla.yml", "board", "One issue per account manager"): "schedule",
    ("forms.yml", "record", "Run the form's command and open the pull request"): "issues",
}
PAYLOADS = {
    ("forms.yml", "record", "Run the form's command and open the pull request"): {
        "action": "opened",
        "issue": {"number": 1, "author_association": "NONE", "body": "### anything\n"},
    },
}
"""An issue by someone who is not a member, which the forms step leaves alone; a member's form
is :func:`test_the_new_agencys_form_becomes_a_pull_request`."""
INSTALL = f'python -m pip install "hirebook=={__version__}"'
AS_OF = "2026-11-20T17:00:00+08:00"
"""The agency starts on this day and its steps run as of it (``HIREBOOK_AS_OF``): the
``holidays`` package knows China's calendar for that year and the next, whatever today is."""


@pytest.fixture(scope="module")
def agency(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("new-agency") / "acme-talent"
    folder.mkdir()
    hirebook(folder, "init", "--country", "CN", "--name", "ACME Talent", "--as-of", AS_OF[:10])
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Start the agency")
    git(folder, "update-ref", "refs/remotes/origin/main", "HEAD")
    lead = folder / "records/team/lead.yaml"
    lead.write_text(lead.read_text(encoding="utf-8") + "github: acme-lead\n", encoding="utf-8")
    new_client = ["new", "client", "--id", "harbor", "--name", "Harbor Logistics"]
    hirebook(folder, *new_client, "--tier", "key", "--manager", "lead")
    hirebook(folder, "codeowners")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "The lead's handle; our first client")
    return folder


def test_every_run_step_of_the_new_agency_is_run_here_or_installs_hirebook(agency):
    steps = run_steps(sorted((agency / ".github/workflows").glob("*.yml")))
    installs = {key for key, step in steps.items() if step["run"].strip() == INSTALL}
    assert {key[0] for key in installs} == {"checks.yml", "forms.yml", "handbook.yml", "sla.yml"}
    assert set(steps) - installs == set(RUN)


@pytest.mark.parametrize("key", list(RUN), ids=lambda key: f"{key[0]}:{key[2]}")
def test_the_new_agencys_step_passes(key, agency, tmp_path):
    run = runner.run_step(
        key,
        agency,
        tmp_path,
        event=RUN[key],
        env={"HIREBOOK_AS_OF": AS_OF},
        payload=PAYLOADS.get(key),
    )
    assert run.returncode == 0, run.log
    if key[2] == "Lint every record":
        assert "no problems" in run.stdout, run.log
        assert run.summary.strip(), "the lint digest did not reach the job summary"
    if key[2] == "CODEOWNERS is up to date":
        assert "is up to date" in run.stdout
    if key[2] == "Build with --strict":
        assert (agency / "public/index.html").is_file()
        home = (agency / "public/index.html").read_text(encoding="utf-8")
        assert "ACME Talent" in home
        assert (agency / "public/clients/harbor/index.html").is_file()
    if key[2] == "Digest and annotations":
        assert "SLA board" in run.summary, run.log
    if key[2] == "One issue per account manager":
        calls = run.calls()
        assert calls and calls[0]["argv"][:3] == ["label", "create", "sla"], run.log


def test_the_new_agencys_form_becomes_a_pull_request(agency, tmp_path):
    """The lead files the "New requirement" form for the first client: in a clone of the
    agency's repository, the step pushes a branch with the draft and opens the pull request."""
    origin, clone = runner.pushed_copy(agency, tmp_path)
    state = tmp_path / "scratch" / "gh-state"
    state.mkdir(parents=True)
    (state / "issues.json").write_text('[{"number": 3, "title": "Requirement: ", "state": "open"}]')
    body = (
        "### Client who raised the requirement (folder name)\n\nharbor\n\n"
        "### Position\n\nWarehouse Manager\n\n"
        "### Hiring manager at the client (optional)\n\n_No response_\n\n"
        "### When the client raised it (optional)\n\n_No response_\n"
    )
    payload = {"action": "opened", "issue": {"number": 3, "author_association": "OWNER"}}
    payload["issue"]["body"] = body
    key = ("forms.yml", "record", "Run the form's command and open the pull request")
    run = runner.run_step(
        key,
        clone,
        tmp_path / "scratch",
        event="issues",
        env={"HIREBOOK_AS_OF": AS_OF},
        payload=payload,
    )
    assert run.returncode == 0, run.log
    # `hirebook new` dates the record at HIREBOOK_AS_OF, as every command takes "now".
    [new] = git(origin, "diff", "--name-only", "main", "hirebook-form/issue-3").split()
    year = re.fullmatch(r"records/clients/harbor/requirements/req-(\d{4})-001\.yaml", new)
    assert year and year[1] == AS_OF[:4], new
    text = git(origin, "show", f"hirebook-form/issue-3:{new}")
    assert text.startswith(f"id: req-{year[1]}-001\ntitle: Warehouse Manager\nstatus: draft")
    assert f"received_at: {year[1]}-" in text
    [pull] = run.pulls()
    assert pull["body"].startswith("Closes #3\n")


def test_the_new_agency_is_clean_in_a_pull_request_too(agency):
    changed = git(agency, "diff", "--name-only", "origin/main", "HEAD").split()
    assert "records/team/lead.yaml" in changed and ".github/CODEOWNERS" in changed
    owners = (agency / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/records/policy.yaml @acme-lead" in owners
    assert "/records/clients/harbor/ @acme-lead" in owners
    workflows = [yaml.safe_load(p.read_text()) for p in (agency / ".github/workflows").glob("*")]
    assert all("tests" not in workflow["jobs"] for workflow in workflows)
