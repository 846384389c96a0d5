"""The workflows' own commands, run here as GitHub would run them: a workflow that would fail on
GitHub fails in ``make test``.

Every ``run:`` step of ``.github/workflows/*.yml`` is read from the workflow itself (never copied
into this file) and either run below or named in ``NOT_RUN`` with the reason; a new ``run:``
step that is neither fails :func:`test_every_run_step_is_run_here_or_listed_with_a_reason`.

How a step is run (:func:`run_step`), as close to GitHub's runner as this machine allows:

- in a copy of the repository (the working tree's content of every file Git tracks — what a
  push would carry — committed in a fresh Git repository), so nothing in the working tree is
  written, and a file the workflows need but nobody added to Git fails here as on GitHub;
- with GitHub's default shell for ``run:`` (``bash --noprofile --norc -eo pipefail``), the
  workflow's, job's and step's ``env:`` with their ``${{ github.… }}`` expressions filled in
  (an expression this file does not know fails the test), and the variables the runner sets
  (``CI``, ``GITHUB_STEP_SUMMARY`` pointing at a fresh file, ``GITHUB_OUTPUT``,
  ``GITHUB_REPOSITORY``, ``GITHUB_SERVER_URL``, ``GITHUB_RUN_ID``…);
- with this environment's ``hirebook``, ``mkdocs`` and ``python`` first on ``PATH`` (the
  "Install hirebook" steps are not run: see ``NOT_RUN``), and a fake ``gh`` before them that
  keeps issues in a folder, records every call (arguments, stdin, the ``--body-file`` it was
  given) and fails the calls it is told to;
- as of *now*, like the workflows: their steps pass no ``--as-of`` and hirebook's commands read
  no variable for the instant (only the handbook's MkDocs plugin reads ``HIREBOOK_AS_OF``, which
  the workflow does not set). The demo is dated 2026-11-20, and nothing in these steps depends on
  the date but the board's content: ``lint`` fails only on errors (retention is a warning) and
  ``sla`` runs with ``--fail-on never``. If the demo's records ever aged into a lint error, the
  scheduled workflows would fail on GitHub too, and this test would say so.
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
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from test_workflows import ROOT, WORKFLOWS

VENV_BIN = Path(sys.executable).parent
SCRIPT = ".github/scripts/sla-issues.sh"
ISSUES_STEP = ("sla.yml", "board", "One issue per account manager")
BODY_LIMIT = 65536  # GitHub refuses an issue body longer than this
SUMMARY_LIMIT = 1024 * 1024  # and a step's job summary longer than this
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
}
"""Run steps run here, each with the event it runs under."""

GITHUB = {
    "server_url": "https://github.com",
    "repository": "example-agency/hirebook",
    "run_id": "4242",
    "token": "ghs_fake_token_for_tests",
    "ref": "refs/heads/main",
}


# --- the workflows' steps ---------------------------------------------------------------------


def run_steps(workflows=WORKFLOWS) -> dict[tuple[str, str, str], dict]:
    """Every ``run:`` step: (workflow file, job id, step name or its command) → the step."""
    steps = {}
    for path in workflows:
        for job_id, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            for step in job.get("steps", []):
                if "run" in step:
                    steps[(path.name, job_id, step.get("name", step["run"]))] = step
    return steps


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


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The repository as a push would carry it: every tracked file, as it is in the working tree,
    committed; ``origin/main`` one commit behind, and the pull request touching one record."""
    copy = tmp_path_factory.mktemp("workspace") / "hirebook"
    copy.mkdir()
    tracked = git(ROOT, "ls-files", "-z").split("\0")
    for rel in filter(None, tracked):
        source = ROOT / rel
        if source.is_file() and not source.is_symlink():  # deleted ones are not pushed
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "base")
    git(copy, "update-ref", "refs/remotes/origin/main", "HEAD")
    client = sorted((copy / "records/clients").glob("*/client.yaml"))[0]
    client.write_text(client.read_text(encoding="utf-8") + "# checked in a pull request\n")
    git(copy, "commit", "-q", "-am", "a pull request")
    return copy


# --- running a step -----------------------------------------------------------------------------

FAKE_GH = r'''
"""A fake GitHub CLI: issues kept in $FAKE_GH_STATE/issues.json, every call recorded in
calls.jsonl (arguments, stdin, the --body-file content), calls matching a prefix in fail.json
refused as GitHub's API would refuse them."""
import json, os, re, shutil, subprocess, sys, urllib.parse
from pathlib import Path

state = Path(os.environ["FAKE_GH_STATE"])
argv = sys.argv[1:]
stdin = sys.stdin.read() if not sys.stdin.isatty() else ""
call = {"argv": argv, "stdin": stdin}
issues_file = state / "issues.json"
issues = json.loads(issues_file.read_text()) if issues_file.exists() else []


def record(**more):
    with open(state / "calls.jsonl", "a", encoding="utf-8") as calls:
        calls.write(json.dumps({**call, **more}) + "\n")


def die(message, code=1):
    record(failed=True, error=message)
    print(message, file=sys.stderr)
    sys.exit(code)


def options(args, known, flags=()):
    """--name value, --name=value, repeatable; positional words; an unknown flag is an error."""
    found, words, i = {}, [], 0
    while i < len(args):
        word = args[i]
        if word.startswith("--"):
            name, sep, value = word[2:].partition("=")
            if name in flags:
                found[name] = True
            elif name in known:
                if not sep:
                    i += 1
                    value = args[i]
                found.setdefault(name, []).append(value)
            else:
                die(f"unknown flag: --{name}", 2)
        else:
            words.append(word)
        i += 1
    return found, words


def body_of(found):
    if "body-file" in found:
        name = found["body-file"][0]
        text = stdin if name == "-" else Path(name).read_text(encoding="utf-8")
        call["body"] = text
        return text
    return found.get("body", [None])[0]


if not os.environ.get("GH_TOKEN"):
    die("gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable")
if not os.environ.get("GH_REPO"):
    die("no git remotes found (and GH_REPO is not set)")
failing = json.loads((state / "fail.json").read_text()) if (state / "fail.json").exists() else []
for prefix in failing:
    if argv[: len(prefix)] == prefix:
        die("HTTP 502: Bad Gateway (https://api.github.com/graphql)")

command = argv[:2] if argv[:1] != ["api"] else ["api"]
if command == ["api"]:
    found, words = options(argv[1:], {"method", "jq"}, flags={"paginate"})
    endpoint = urllib.parse.urlsplit(words[0])
    repo = os.environ["GH_REPO"]
    if endpoint.path not in ("repos/{owner}/{repo}/issues", f"repos/{repo}/issues"):
        die(f"fake gh: no such endpoint {words[0]}", 2)
    if "jq" in found:
        die("fake gh: --jq is not emulated", 2)
    query = dict(urllib.parse.parse_qsl(endpoint.query))
    state_wanted = query.get("state", "open")
    labels = set(filter(None, query.get("labels", "").split(",")))
    selected = [
        issue for issue in sorted(issues, key=lambda issue: -issue["number"])
        if (state_wanted == "all" or issue["state"] == state_wanted)
        and labels <= set(issue.get("labels", []))
    ]
    per_page = int(query.get("per_page", 30))
    pages = [selected[i : i + per_page] for i in range(0, len(selected), per_page)] or [[]]
    shown = pages if found.get("paginate") else pages[:1]
    sys.stdout.write("".join(json.dumps(page) for page in shown))
elif command == ["issue", "list"]:
    # As gh does: the newest first, 30 unless --limit says otherwise; --jq through jq.
    found, words = options(argv[2:], {"label", "state", "search", "json", "jq", "limit"})
    wanted = found.get("state", ["open"])[0]
    listed = [
        issue
        for issue in sorted(issues, key=lambda issue: -issue["number"])
        if (wanted == "all" or issue["state"] == wanted)
        and set(found.get("label", [])) <= set(issue.get("labels", []))
        and all(
            phrase.lower() in issue["title"].lower()
            for phrase in re.findall(r'in:title "([^"]*)"', found.get("search", [""])[0])
        )
    ][: int(found.get("limit", [30])[0])]
    fields = found.get("json", ["number,title"])[0].split(",")
    text = json.dumps([{field: issue.get(field) for field in fields} for issue in listed])
    if "jq" in found:
        if shutil.which("jq") is None:
            die("fake gh: --jq needs jq on this machine", 2)
        jq = subprocess.run(
            ["jq", "-r", found["jq"][0]], input=text, capture_output=True, text=True
        )
        if jq.returncode:
            die(jq.stderr, 1)
        text = jq.stdout
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
elif command == ["label", "create"]:
    found, words = options(argv[2:], {"description", "color"}, flags={"force"})
    labels_file = state / "labels.json"
    labels = json.loads(labels_file.read_text()) if labels_file.exists() else []
    if words[0] in labels and not found.get("force"):
        die(f"label with name \"{words[0]}\" already exists; use `--force` to update it")
    labels_file.write_text(json.dumps(sorted(set(labels) | {words[0]})))
elif command == ["issue", "create"]:
    found, words = options(argv[2:], {"title", "label", "body", "body-file"})
    if words or "title" not in found:
        die("fake gh: issue create takes --title, --label and --body-file", 2)
    number = max([issue["number"] for issue in issues], default=0) + 1
    issues.append({"number": number, "title": found["title"][0], "state": "open",
                   "labels": found.get("label", []), "body": body_of(found)})
    print(f"https://github.com/{os.environ['GH_REPO']}/issues/{number}")
elif command in (["issue", "edit"], ["issue", "close"]):
    found, words = options(argv[2:], {"body", "body-file", "comment"})
    matches = [issue for issue in issues if [str(issue["number"])] == words]
    if not matches:
        die(f"GraphQL: Could not resolve to an issue with the number of {words}")
    if command[1] == "edit":
        matches[0]["body"] = body_of(found)
    else:
        matches[0]["state"] = "closed"
        call["comment"] = found.get("comment", [None])[0]
else:
    die(f"fake gh: {argv[:2]} is not emulated", 2)
issues_file.write_text(json.dumps(issues))
record()
'''

FAKE_HIREBOOK = r'''
"""A fake hirebook for sla-issues.sh alone: the board of $FAKE_GH_STATE/board.json
({"owners": {owner: markdown digest}, "exit": code, "fail": [owners whose digest fails]}),
every call recorded."""
import json, os, sys
from pathlib import Path

state = Path(os.environ["FAKE_GH_STATE"])
board = json.loads((state / "board.json").read_text(encoding="utf-8"))
argv = sys.argv[1:]
with open(state / "hirebook-calls.jsonl", "a", encoding="utf-8") as calls:
    calls.write(json.dumps(argv) + "\n")
if board.get("exit"):
    print("The records have lint errors", file=sys.stderr)
    sys.exit(board["exit"])
owners = [arg.split("=", 1)[1] for arg in argv if arg.startswith("--owner=")]
if argv[:1] != ["sla"] or "--fail-on" not in argv or argv[argv.index("--fail-on") + 1] != "never":
    sys.exit(f"fake hirebook: unexpected call {argv}")
if owners:
    if owners[0] not in board["owners"] or owners[0] in board.get("fail", []):
        sys.exit(2)
    sys.stdout.write(board["owners"][owners[0]])
else:
    findings = [{"owner": owner, "rule": "client-feedback"} for owner in board["owners"]]
    findings.append({"owner": ""})  # a clock nobody owns
    print(json.dumps({"as_of": "2026-11-20T18:00:00+08:00", "findings": findings}))
'''


@dataclass
class StepRun:
    returncode: int
    stdout: str
    stderr: str
    summary: str
    state: Path

    @property
    def log(self) -> str:
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"

    def calls(self) -> list[dict]:
        path = self.state / "calls.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        return [json.loads(line) for line in lines]

    def issues(self) -> list[dict]:
        path = self.state / "issues.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def expression(text: str, context: dict[str, str]) -> str:
    """``${{ github.x }}`` filled in; any other expression fails the test (teach it here)."""

    def value(match: re.Match) -> str:
        name = match.group(1).strip()
        if not name.startswith("github.") or name[7:] not in context:
            pytest.fail(f"the test does not know the expression ${{{{ {name} }}}}: add it")
        return context[name[7:]]

    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


def fake_tools(folder: Path, state: Path, *, fake_hirebook: bool) -> Path:
    """A bin folder with the fake gh (and hirebook), to go first on PATH."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    fakes = {"gh": FAKE_GH} | ({"hirebook": FAKE_HIREBOOK} if fake_hirebook else {})
    for name, source in fakes.items():
        path = bin_dir / name
        path.write_text(f"#!{sys.executable}\n{source}", encoding="utf-8")
        path.chmod(0o755)
    return bin_dir


def run_step(
    key: tuple[str, str, str],
    workspace: Path,
    scratch: Path,
    *,
    fake_hirebook: bool = False,
    env: dict[str, str] | None = None,
) -> StepRun:
    """Run one ``run:`` step of the workspace's workflow as GitHub's runner would."""
    file, job_id, name = key
    path = workspace / ".github/workflows" / file
    if not path.is_file():
        pytest.fail(f"{file} is not tracked by Git: `git add` it")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    job = document["jobs"][job_id]
    step = run_steps([path])[key]
    event = RUN.get(key, "workflow_dispatch")
    context = GITHUB | {
        "event_name": event,
        "base_ref": "main" if event == "pull_request" else "",
        "workspace": str(workspace),
    }
    defaults = document.get("defaults", {}).get("run", {}) | job.get("defaults", {}).get("run", {})
    shell = step.get("shell", defaults.get("shell", "bash"))
    if shell != "bash":
        pytest.fail(f"{key}: the test runs bash steps only, not {shell!r}: teach it")

    scratch.mkdir(parents=True, exist_ok=True)
    runner_temp = scratch / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    state = scratch / "gh-state"
    bin_dir = fake_tools(scratch, state, fake_hirebook=fake_hirebook)
    files = {
        name: scratch / name.lower()
        for name in ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH")
    }
    for file_path in files.values():
        file_path.touch()
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GITHUB_", "GH_", "HIREBOOK_", "RUNNER_", "VIRTUAL_ENV"))
        and name not in ("CI", "NO_COLOR", "PYTHONPATH")
    }
    step_env = {
        **inherited,
        "PATH": os.pathsep.join([str(bin_dir), str(VENV_BIN), os.environ.get("PATH", "")]),
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_REPOSITORY": GITHUB["repository"],
        "GITHUB_SERVER_URL": GITHUB["server_url"],
        "GITHUB_API_URL": "https://api.github.com",
        "GITHUB_RUN_ID": GITHUB["run_id"],
        "GITHUB_RUN_NUMBER": "7",
        "GITHUB_RUN_ATTEMPT": "1",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_REF": GITHUB["ref"],
        "GITHUB_BASE_REF": context["base_ref"],
        "GITHUB_JOB": job_id,
        "RUNNER_OS": "Linux",
        "RUNNER_TEMP": str(runner_temp),
        "FAKE_GH_STATE": str(state),
        **{name: str(file_path) for name, file_path in files.items()},
    }
    for level in (document, job, step):
        for name, value in (level.get("env") or {}).items():
            step_env[name] = expression(value, context)
    step_env.update(env or {})
    script = runner_temp / "step.sh"
    script.write_text(expression(step["run"], context), encoding="utf-8")
    cwd = workspace / step.get("working-directory", defaults.get("working-directory", "."))
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=step_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
    if len(summary.encode()) > SUMMARY_LIMIT:
        pytest.fail(f"{key}: GitHub refuses a step summary over 1 MiB ({len(summary.encode())} B)")
    return StepRun(result.returncode, result.stdout, result.stderr, summary, state)


def hirebook(workspace: Path, *args: str) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "hirebook"), *args],
        cwd=workspace,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def board_owners(workspace: Path) -> list[str]:
    board = json.loads(hirebook(workspace, "sla", "--format", "json", "--fail-on", "never"))
    return sorted({finding["owner"] for finding in board["findings"] if finding["owner"]})


# --- the steps, run -------------------------------------------------------------------------------
# Every step of RUN runs in test_run_step and must exit 0 there; CHECKS adds what else each must
# have done.


def check_lint_summary(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    assert run.summary.strip(), "the lint digest did not reach the job summary"


def check_handbook(run: StepRun, workspace: Path, tmp_path: Path) -> None:
    assert (workspace / "public/index.html").is_file()


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


CHECKS = {
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
    ):
        result = subprocess.run([bin_dir / "gh", *argv], env=env, capture_output=True, text=True)
        assert result.returncode != 0, argv
    without_token = {k: v for k, v in env.items() if k != "GH_TOKEN"}
    result = subprocess.run(
        [bin_dir / "gh", "label", "create", "sla"], env=without_token, capture_output=True
    )
    assert result.returncode != 0
