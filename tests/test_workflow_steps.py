"""The workflows' own commands, run here as GitHub would run them: a workflow that would fail on
GitHub fails in ``make test``.

Every ``run:`` step of ``.github/workflows/*.yml`` is read from the workflow itself (never copied
into this file) and either run below or named in ``NOT_RUN`` with the reason; a new ``run:``
step that is neither fails :func:`test_every_run_step_is_run_here_or_listed_with_a_reason`.

How a step is run is :mod:`workflow_runner`'s (GitHub's shell, environment and variables, this
environment's tools on ``PATH``, a fake ``gh``); here, each step runs

- in a copy of the repository (the working tree's content of every file Git tracks — what a
  push would carry — committed in a fresh Git repository), so nothing in the working tree is
  written, and a file the workflows need but nobody added to Git fails here as on GitHub. Its
  ``records/`` are the demo agency as the package ships it, with ``.github/CODEOWNERS``
  generated for them: the repository's own ``records/`` may hold any agency (a fork's), and
  hirebook's tests never read them (``test_new_agency_ci.py`` runs the same steps on a new
  agency);
- without the "Install hirebook" steps (see ``NOT_RUN``);
- as of the demo's own instant (``HIREBOOK_AS_OF``, which every command and the handbook read;
  an agency's workflows leave it unset and run as of now), so the answers never age.
- ``if:`` conditions are not evaluated: each step runs under the event named in ``RUN``, one
  under which its condition holds.

``sla-issues.sh`` is also tested on its own, with a fake ``hirebook`` as well, for what the demo
cannot show: many open issues, long digests, hostile owner names and text, failing calls.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import workflow_runner as runner
from hirebook.demo import DEMO_RECORDS
from test_workflows import ROOT, WORKFLOWS
from workflow_runner import GITHUB, StepRun, fake_tools, git, hirebook

SCRIPT = ".github/scripts/sla-issues.sh"
ISSUES_STEP = ("sla.yml", "board", "One issue per account manager")
FORMS_STEP = ("forms.yml", "record", "Run the form's command and open the pull request")
BODY_LIMIT = 65536  # GitHub refuses an issue body longer than this
PREFIX = "SLA: open clocks for "

INSTALL = (
    "installs hirebook into the runner's Python from the package registry; here the test's own "
    "environment already has it (editable, from this working tree), and running it in the copy "
    "would point the shared .venv at a temporary folder"
)
NOT_RUN = {
    ("checks.yml", "records", "Install hirebook"): INSTALL,
    ("handbook.yml", "build", "Install hirebook (MkDocs, Material and jieba come with it)"): (
        INSTALL
    ),
    ("sla.yml", "board", "Install hirebook"): INSTALL,
    ("forms.yml", "record", "Install hirebook"): INSTALL,
    ("checks.yml", "tests", "Run the test suite (the README's test command)"): (
        "bash .ci/run is `make test`: this test suite itself (and Chromium from apt)"
    ),
}
"""Run steps not run here, each with the reason. ``uses:`` steps (checkout, setup-python, the
Pages upload and deployment) are not ``run:`` steps: they are GitHub's, pinned and audited by
test_workflows.py."""

RUN = {
    ("checks.yml", "records", "Lint the records this pull request changed"): "pull_request",
    ("checks.yml", "records", "Lint every record"): "pull_request",
    ("checks.yml", "records", "CODEOWNERS is up to date"): "pull_request",
    ("handbook.yml", "build", "Build with --strict"): "push",
    ("sla.yml", "board", "Digest and annotations"): "schedule",
    ISSUES_STEP: "schedule",
    FORMS_STEP: "issues",
}
"""Run steps run here, each with the event it runs under."""

PAYLOADS = {
    FORMS_STEP: {"action": "opened", "issue": {"number": 1, "author_association": "NONE"}},
}
"""The event's payload of a step that reads it (default ``{}``): here an issue by someone who
is not a member, which the forms step must leave alone (``test_forms.py`` runs its forms)."""

# --- the workflows' steps ---------------------------------------------------------------------


def run_steps(workflows=WORKFLOWS) -> dict[tuple[str, str, str], dict]:
    """Every ``run:`` step: (workflow file, job id, step name or its command) → the step."""
    return runner.run_steps(workflows)


def test_every_run_step_is_run_here_or_listed_with_a_reason():
    found = set(run_steps())
    assert not set(RUN) & set(NOT_RUN)
    assert found - set(RUN) - set(NOT_RUN) == set(), (
        "a new run: step: add it to RUN (and check what it does) or to NOT_RUN with the reason"
    )
    assert set(RUN) | set(NOT_RUN) <= found, "RUN or NOT_RUN names a step that is gone"


def test_a_new_step_would_be_noticed(tmp_path):
    """The check above catches a step added to a workflow (and one added as a new file)."""
    changed = tmp_path / "checks.yml"
    text = (ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8")
    changed.write_text(text + "      - name: Something new\n        run: echo new\n")
    extra = tmp_path / "extra.yml"
    extra.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ls\n"
    )
    found = set(run_steps([changed, extra]))
    assert found - set(RUN) - set(NOT_RUN) == {
        ("checks.yml", "tests", "Something new"),
        ("extra.yml", "x", "ls"),
    }


# --- a copy of the repository -------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The repository as a push would carry it: every tracked file, as it is in the working tree,
    but the records, which are the packaged demo's (with their CODEOWNERS); committed, with
    ``origin/main`` one commit behind, and the pull request touching one record."""
    copy = tmp_path_factory.mktemp("workspace") / "hirebook"
    copy.mkdir()
    tracked = git(ROOT, "ls-files", "-z").split("\0")
    for rel in filter(None, tracked):
        source = ROOT / rel
        if rel.startswith("records/"):  # the agency's own, whatever they are: not read here
            continue
        if source.is_file() and not source.is_symlink():  # deleted ones are not pushed
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    shutil.copytree(DEMO_RECORDS, copy / "records")
    hirebook(copy, "codeowners")
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "base")
    git(copy, "update-ref", "refs/remotes/origin/main", "HEAD")
    client = sorted((copy / "records/clients").glob("*/client.yaml"))[0]
    client.write_text(client.read_text(encoding="utf-8") + "# checked in a pull request\n")
    git(copy, "commit", "-q", "-am", "a pull request")
    return copy


# --- running a step -----------------------------------------------------------------------------


AS_OF = "2026-11-20T17:00:00+08:00"
"""The demo's own instant: the steps run as of it (``HIREBOOK_AS_OF``, which every command
and the handbook read), so that the demo never ages into a different answer."""


def run_step(key: tuple[str, str, str], workspace: Path, scratch: Path, **options) -> StepRun:
    """Run one step under the event :data:`RUN` names for it (see :mod:`workflow_runner`), as
    of the demo's instant."""
    options["env"] = {"HIREBOOK_AS_OF": AS_OF, **(options.get("env") or {})}
    options.setdefault("payload", PAYLOADS.get(key))
    return runner.run_step(
        key, workspace, scratch, event=RUN.get(key, "workflow_dispatch"), **options
    )


def board_owners(workspace: Path) -> list[str]:
    board = json.loads(hirebook(workspace, "sla", "--format", "json", "--fail-on", "never"))
    return sorted({finding["owner"] for finding in board["findings"] if finding["owner"]})


# --- the steps, run -------------------------------------------------------------------------------
# Every step of RUN runs in test_run_step and must exit 0 there; CHECKS adds what else each must
# have done.


def check_lint_summary(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    assert run.summary.strip(), "the lint digest did not reach the job summary"


def check_handbook(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    """One site: English at the root, the Chinese parts in their folders."""
    for part in ("", "zh-Hant/", "zh-Hans/"):
        assert (workspace / f"public/{part}sla/index.html").is_file(), part


def check_sla_digest(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    assert run.summary.strip(), "the SLA digest did not reach the job summary"
    assert run.stdout.startswith("::"), "no annotations: " + run.log


def check_sla_issues(first: StepRun, workspace: Path, tmp_path: Path) -> None:
    """One issue opened per owner with open clocks; the next morning the same issues updated."""
    owners = board_owners(workspace)
    assert owners, "the demo's board has no open clock: the step would do nothing"
    calls = first.calls()
    assert calls[0]["argv"][:3] == ["label", "create", "sla"]
    assert calls[1]["argv"][:2] == ["api", "--paginate"]
    created = [call for call in calls if call["argv"][:2] == ["issue", "create"]]
    assert [call["argv"][call["argv"].index("--title") + 1] for call in created] == [
        PREFIX + owner for owner in owners
    ]
    for call in created:
        assert call["body"].strip() and len(call["body"].encode()) <= BODY_LIMIT
    assert {issue["title"] for issue in first.issues()} == {PREFIX + owner for owner in owners}

    second = run_step(ISSUES_STEP, workspace, tmp_path)  # the next morning: same issues, updated
    assert second.returncode == 0, second.log
    later = second.calls()[len(calls) :]
    assert not [call for call in later if call["argv"][:2] == ["issue", "create"]]
    assert len([call for call in later if call["argv"][:2] == ["issue", "edit"]]) == len(owners)
    assert len(second.issues()) == len(owners)


def check_forms_left_alone(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    assert run.calls() == [], run.log
    assert git(workspace, "status", "--porcelain") == ""


def test_forms_step_opens_a_pull_request_in_a_copy_of_the_repository(workspace, tmp_path):
    """The step as pushed (the script, the forms, the workflow tracked by Git): a touchpoint
    form by a member, in a clone of a bare copy of the repository, becomes a pushed branch and
    a pull request that closes the issue."""
    origin, clone = runner.pushed_copy(workspace, tmp_path)
    state = tmp_path / "gh-state"
    state.mkdir()
    (state / "issues.json").write_text(
        json.dumps([{"number": 7, "title": "Touchpoint: ", "state": "open", "labels": []}])
    )
    body = (
        "### Client contacted (folder name)\n\nnorthwind-cloud\n\n"
        "### Kind of contact\n\ncall\n\n"
        "### Who made the contact (team id)\n\nwang-li\n\n"
        "### Plan reported on (for a progress report)\n\n_No response_\n\n"
        "### Summary\n\nAgreed the interview slots for next week.\n"
    )
    payload = {"action": "opened", "issue": {"number": 7, "author_association": "OWNER"}}
    payload["issue"]["body"] = body
    run = run_step(FORMS_STEP, clone, tmp_path, payload=payload)
    assert run.returncode == 0, run.log
    # Named by its day, client and type, as the demo's (tests/test_daily_leftovers5.py).
    new = "records/clients/northwind-cloud/touchpoints/tp-2026-1120-northwind-cloud-call.yaml"
    assert git(origin, "diff", "--name-only", "main", "hirebook-form/issue-7").split() == [new]
    assert git(origin, "show", f"hirebook-form/issue-7:{new}") == (
        "id: tp-2026-1120-northwind-cloud-call\n"
        "type: call                    # meeting | call | visit | revisit | progress_report | "
        "email | other\n"
        "at: 2026-11-20T17:00:00+08:00\n"
        "by: wang-li\n"
        "with: []                      # names of the client's people who took part\n"
        "summary: Agreed the interview slots for next week.\n"
        "follow_ups: []                # e.g. {action: Send revised JD, owner: wang-li, due: ...}\n"
    )
    [pull] = run.pulls()
    assert pull["head"] == "hirebook-form/issue-7" and pull["body"].startswith("Closes #7\n")
    comment = [call for call in run.calls() if call["argv"][:2] == ["issue", "comment"]]
    assert f"/pull/{pull['number']}" in comment[0]["comment"]


CHECKS = {
    FORMS_STEP: check_forms_left_alone,
    ("checks.yml", "records", "Lint every record"): check_lint_summary,
    ("handbook.yml", "build", "Build with --strict"): check_handbook,
    ("sla.yml", "board", "Digest and annotations"): check_sla_digest,
    ISSUES_STEP: check_sla_issues,
}


@pytest.mark.parametrize("key", list(RUN), ids=lambda key: f"{key[0]}:{key[2]}")
def test_run_step(key, workspace, tmp_path):
    """The step passes (CODEOWNERS committed and fresh, lint clean, the handbook built…)."""
    run = run_step(key, workspace, tmp_path)
    assert run.returncode == 0, run.log
    CHECKS.get(key, lambda *_: None)(run, workspace, tmp_path)


def test_checks_are_for_steps_that_run():
    assert set(CHECKS) <= set(RUN)


def test_sla_issues_step_closes_the_issue_of_an_owner_with_no_clock_left(workspace, tmp_path):
    state = tmp_path / "gh-state"
    state.mkdir()
    stale = {"number": 7, "title": PREFIX + "left-the-agency", "state": "open", "labels": ["sla"]}
    (state / "issues.json").write_text(json.dumps([stale]))
    run = run_step(ISSUES_STEP, workspace, tmp_path)
    assert run.returncode == 0, run.log
    closed = [call for call in run.calls() if call["argv"][:2] == ["issue", "close"]]
    assert [call["argv"][2] for call in closed] == ["7"]
    assert "left-the-agency" in closed[0]["comment"]


# --- sla-issues.sh on its own ---------------------------------------------------------------------


def script_run(workspace: Path, tmp_path: Path, owners: dict[str, str], **state) -> StepRun:
    """The issues step with a fake hirebook whose board has these owners and digests; ``state``:
    ``issues`` (open issues already there), ``fail`` (argument prefixes of gh calls that fail),
    ``exit`` (the fake hirebook's exit code), ``fail_owners`` (whose digest it refuses), ``env``."""
    folder = tmp_path / "gh-state"
    folder.mkdir(exist_ok=True)
    board = {"owners": owners, "exit": state.get("exit", 0), "fail": state.get("fail_owners", [])}
    (folder / "board.json").write_text(json.dumps(board), encoding="utf-8")
    (folder / "issues.json").write_text(json.dumps(state.get("issues", [])))
    (folder / "fail.json").write_text(json.dumps(state.get("fail", [])))
    return run_step(ISSUES_STEP, workspace, tmp_path, fake_hirebook=True, env=state.get("env"))


def issue(number: int, title: str, labels=("sla",)) -> dict:
    return {"number": number, "title": title, "state": "open", "labels": list(labels)}


def gh_calls(run: StepRun, *command: str) -> list[dict]:
    return [call for call in run.calls() if call["argv"][: len(command)] == list(command)]


def test_sla_issues_goes_on_after_failed_calls_and_reports_them_all(workspace, tmp_path):
    owners = {name: f"# Clocks of {name}\n" for name in ("ann", "bob", "cai", "dan")}
    issues = [issue(3, PREFIX + "bob"), issue(9, PREFIX + "gone")]
    fail = [
        ["label", "create"],
        ["issue", "create", "--title", PREFIX + "ann"],
        ["issue", "edit", "3"],
    ]
    run = script_run(workspace, tmp_path, owners, issues=issues, fail=fail)
    assert run.returncode == 1, run.log
    created = gh_calls(run, "issue", "create")
    assert [call["argv"][3] for call in created] == [PREFIX + o for o in ("ann", "cai", "dan")]
    assert [call.get("failed", False) for call in created] == [True, False, False]
    assert [call["argv"][2] for call in gh_calls(run, "issue", "close")] == ["9"]
    failed = [line for line in run.stdout.splitlines() if line.startswith("  failed: ")]
    assert len(failed) == 3, run.log
    assert "gh label create sla" in failed[0] and "issue edit 3" in failed[2]
    assert re.search(r"^::error .*3 call\(s\) failed", run.stdout, re.M), run.log


def test_sla_issues_reads_every_open_issue_not_the_first_page(workspace, tmp_path):
    """250 open issues: the owners' issues are old, far beyond the first page of 30 (or 100)."""
    issues = [issue(n, PREFIX + "ann" if n == 1 else f"Unrelated {n}") for n in range(1, 251)]
    issues += [issue(2000, PREFIX + "bob", labels=())]  # no label: not ours
    issues[4] = issue(5, PREFIX + "gone")
    issues[6] = issue(7, PREFIX + "ann")  # a duplicate left by an earlier failure
    run = script_run(workspace, tmp_path, {"ann": "ann's\n", "bob": "bob's\n"}, issues=issues)
    assert run.returncode == 0, run.log
    assert [call["argv"][2] for call in gh_calls(run, "issue", "edit")] == ["1"]
    created = gh_calls(run, "issue", "create")
    assert [call["argv"][3] for call in created] == [PREFIX + "bob"]
    assert sorted(call["argv"][2] for call in gh_calls(run, "issue", "close")) == ["5", "7"]


def test_sla_issues_cuts_a_long_body_at_a_line_with_a_link_to_the_full_digest(workspace, tmp_path):
    lines = [f"| 郭峰的客戶 {n} | client-feedback | overdue by {n}h |" for n in range(4000)]
    digest = "# Overdue\n\n| client | rule | late |\n|---|---|---|\n" + "\n".join(lines) + "\n"
    fits = "# Fits\n" + "x" * (BODY_LIMIT - 8) + "\n"  # exactly at the limit
    assert len(digest.encode()) > 3 * BODY_LIMIT and len(fits.encode()) == BODY_LIMIT
    run = script_run(workspace, tmp_path, {"ann": digest, "bob": fits})
    assert run.returncode == 0, run.log
    bodies = {call["argv"][3]: call["body"] for call in gh_calls(run, "issue", "create")}
    assert bodies[PREFIX + "bob"] == fits
    cut = bodies[PREFIX + "ann"]
    assert len(cut.encode()) <= BODY_LIMIT
    kept, note = cut.split("\n\n---\n\n")
    assert digest.startswith(kept + "\n") and len(kept.encode()) > BODY_LIMIT - 400
    url = f"{GITHUB['server_url']}/{GITHUB['repository']}/actions/runs/{GITHUB['run_id']}"
    assert f"({url})" in note and "cut short" in note


def test_sla_issues_cuts_by_the_limit_it_is_given(workspace, tmp_path):
    digest = "".join(f"line {n}\n" for n in range(100))
    run = script_run(workspace, tmp_path, {"ann": digest}, env={"SLA_ISSUE_BODY_LIMIT": "300"})
    assert run.returncode == 0, run.log
    body = gh_calls(run, "issue", "create")[0]["body"]
    assert len(body.encode()) <= 300 and body.startswith("line 0\nline 1\n")


HOSTILE = [
    "$(touch pwned-owner)",
    "`touch pwned-tick`",
    "a b  c",
    "*",
    "-x",
    "--help",
    'say "hi"; touch pwned-semi',
    "new\nline",
    "##[error]x",
]


def test_sla_issues_never_lets_the_shell_read_record_text(workspace, tmp_path):
    body = "$(touch pwned-body) `touch pwned-body2` ${HOME} \\ \"' %s %q\n::error::x\n"
    owners = {owner: body + owner for owner in HOSTILE}
    issues = [issue(5, PREFIX + "$(touch pwned-close)")]
    run = script_run(workspace, tmp_path, owners, issues=issues)
    assert run.returncode == 0, run.log
    created = {call["argv"][3]: call for call in gh_calls(run, "issue", "create")}
    assert set(created) == {PREFIX + owner for owner in HOSTILE}
    for owner in HOSTILE:
        assert created[PREFIX + owner]["body"] == body + owner
    assert "$(touch pwned-close)" in gh_calls(run, "issue", "close")[0]["comment"]
    for folder in (workspace, tmp_path, tmp_path / "runner-temp"):
        assert not list(folder.glob("pwned*")), run.log
    calls = (tmp_path / "gh-state/hirebook-calls.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line) for line in calls.splitlines()][1:] == [
        ["sla", f"--owner={owner}", "--format", "markdown", "--fail-on", "never"]
        for owner in sorted(HOSTILE)
    ]


def test_sla_issues_reports_failure_lines_that_cannot_be_workflow_commands(workspace, tmp_path):
    run = script_run(
        workspace,
        tmp_path,
        {"x\n::error::forged": "body\n", "##[error]forged": "body\n"},
        fail=[["issue", "create"]],
    )
    assert run.returncode == 1, run.log
    forged = [line for line in (run.stdout + run.stderr).splitlines() if "forged" in line]
    assert forged and not [line for line in forged if line.startswith("::") or "##[" in line]


def test_sla_issues_changes_nothing_when_the_issues_cannot_be_listed(workspace, tmp_path):
    run = script_run(
        workspace,
        tmp_path,
        {"ann": "a\n"},
        issues=[issue(4, PREFIX + "gone")],
        fail=[["api"]],
    )
    assert run.returncode == 1, run.log
    assert not gh_calls(run, "issue"), "it went on blind: " + run.log


def test_sla_issues_changes_nothing_when_the_board_cannot_be_read(workspace, tmp_path):
    """hirebook refusing the records (lint errors) must not read as "nobody has open clocks",
    which would close every issue."""
    run = script_run(workspace, tmp_path, {}, issues=[issue(4, PREFIX + "ann")], exit=2)
    assert run.returncode == 1, run.log
    assert not gh_calls(run, "issue"), run.log


def test_sla_issues_goes_on_when_one_digest_cannot_be_made(workspace, tmp_path):
    issues = [issue(1, PREFIX + "ann"), issue(2, PREFIX + "bob")]
    run = script_run(
        workspace,
        tmp_path,
        {"ann": "a\n", "bob": "b\n", "cai": "c\n"},
        issues=issues,
        fail_owners=["bob"],
    )
    assert run.returncode == 1, run.log
    assert [call["argv"][2] for call in gh_calls(run, "issue", "edit")] == ["1"]
    assert [call["body"] for call in gh_calls(run, "issue", "create")] == ["c\n"]
    assert re.search(r"^  failed: hirebook sla --owner=bob", run.stdout, re.M), run.log


def test_sla_issues_is_shellcheck_clean():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    result = subprocess.run([shellcheck, ROOT / SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_fake_gh_refuses_what_it_does_not_emulate(tmp_path):
    """The fake is strict, so that a script calling gh differently fails here, not on GitHub."""
    bin_dir = fake_tools(tmp_path, tmp_path / "state", fake_hirebook=False)
    env = {
        **os.environ,
        "FAKE_GH_STATE": str(tmp_path / "state"),
        "GH_TOKEN": "t",
        "GH_REPO": "o/r",
    }
    for argv in (
        ["issue", "create", "--title", "t", "--bogus", "x"],
        ["issue", "view", "1"],
        ["api", "--paginate", "repos/{owner}/{repo}/issues", "--jq", ".[]"],
        ["issue", "comment", "9", "--body", "no such issue"],
        ["issue", "comment", "--body", "which issue?"],
        ["pr", "create", "--base", "main", "--title", "t", "--body", "no --head"],
        ["pr", "create", "--base", "main", "--head", "never-pushed", "--title", "t"],
        ["auth", "setup-git", "--hostname", "example.com"],
    ):
        result = subprocess.run(
            [bin_dir / "gh", *argv], env=env, capture_output=True, text=True, cwd=tmp_path
        )
        assert result.returncode != 0, argv
    without_token = {k: v for k, v in env.items() if k != "GH_TOKEN"}
    result = subprocess.run(
        [bin_dir / "gh", "label", "create", "sla"], env=without_token, capture_output=True
    )
    assert result.returncode != 0
