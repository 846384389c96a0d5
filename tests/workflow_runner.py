"""A runner for the ``run:`` steps of GitHub workflows, as close to GitHub's as this machine
allows; used by ``test_workflow_steps.py`` (hirebook's own workflows) and
``test_new_agency_ci.py`` (the workflows ``hirebook init`` writes).

How a step is run (:func:`run_step`):

- in a workspace the caller prepared (a Git repository with the files a push would carry);
- with GitHub's default shell for ``run:`` (``bash --noprofile --norc -eo pipefail``), the
  workflow's, job's and step's ``env:`` with their ``${{ github.… }}`` expressions filled in
  (an expression this file does not know fails the test), and the variables the runner sets
  (``CI``, ``GITHUB_STEP_SUMMARY`` pointing at a fresh file, ``GITHUB_OUTPUT``,
  ``GITHUB_REPOSITORY``, ``GITHUB_SERVER_URL``, ``GITHUB_RUN_ID``…);
- with this environment's ``hirebook``, ``mkdocs`` and ``python`` first on ``PATH`` (the
  "Install hirebook" steps are not run: the callers say why), and a fake ``gh`` before them
  that keeps issues (and the pull requests it opens) in a folder, records every call
  (arguments, stdin, the ``--body-file`` it was given) and fails the calls it is told to;
- under the event the caller names, with its payload in ``GITHUB_EVENT_PATH`` (``if:``
  conditions are not evaluated).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

VENV_BIN = Path(sys.executable).parent
SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a step's job summary longer than this

GITHUB = {
    "server_url": "https://github.com",
    "repository": "example-agency/hirebook",
    "run_id": "4242",
    "token": "ghs_fake_token_for_tests",
    "ref": "refs/heads/main",
}


def run_steps(workflows) -> dict[tuple[str, str, str], dict]:
    """Every ``run:`` step: (workflow file, job id, step name or its command) → the step."""
    steps = {}
    for path in workflows:
        for job_id, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            for step in job.get("steps", []):
                if "run" in step:
                    steps[(path.name, job_id, step.get("name", step["run"]))] = step
    return steps


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pushed_copy(repository: Path, folder: Path) -> tuple[Path, Path]:
    """``(origin, checkout)``: a bare clone of ``repository`` in ``folder``, standing for
    GitHub's copy, and a checkout of it whose ``origin`` it is (what ``actions/checkout``
    leaves), for a step that pushes."""
    origin = folder / "origin.git"
    git(folder, "clone", "-q", "--bare", str(repository), str(origin))
    checkout = folder / "checkout"
    git(folder, "clone", "-q", str(origin), str(checkout))
    return origin, checkout


def hirebook(cwd: Path, *args: str) -> str:
    """This environment's ``hirebook`` in ``cwd`` as CI runs it; its output, or a failed test."""
    result = subprocess.run(
        [str(VENV_BIN / "hirebook"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


FAKE_GH = r'''
"""A fake GitHub CLI: issues kept in $FAKE_GH_STATE/issues.json (pull requests opened in
pulls.json), every call recorded in
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


def shown(rows, found):
    """Write ``rows`` as gh writes --json output: through --jq (jq -r) when it is given."""
    text = json.dumps(rows)
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
    shown([{field: issue.get(field) for field in fields} for issue in listed], found)
elif command == ["pr", "list"]:
    # As gh does: --head filters by branch, --state is open unless said (all: any state).
    found, words = options(argv[2:], {"head", "state", "json", "jq", "limit"})
    pulls_file = state / "pulls.json"
    pulls = json.loads(pulls_file.read_text()) if pulls_file.exists() else []
    wanted = found.get("state", ["open"])[0]
    listed = [
        {**pull, "url": f"https://github.com/{os.environ['GH_REPO']}/pull/{pull['number']}"}
        for pull in sorted(pulls, key=lambda pull: -pull["number"])
        if found.get("head", [pull["head"]])[0] == pull["head"]
        and wanted in ("all", pull.get("state", "open"))
    ]
    fields = found.get("json", ["number,title"])[0].split(",")
    shown([{field: pull.get(field) for field in fields} for pull in listed], found)
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
elif command == ["issue", "comment"]:
    found, words = options(argv[2:], {"body", "body-file"})
    if len(words) != 1 or not words[0].isdigit() or not ({"body", "body-file"} & set(found)):
        die("fake gh: issue comment takes the issue's number and --body or --body-file", 2)
    if not [issue for issue in issues if str(issue["number"]) == words[0]]:
        die(f"GraphQL: Could not resolve to an issue with the number of {words[0]}")
    call["comment"] = body_of(found)
elif command == ["auth", "setup-git"]:
    options(argv[2:], set())  # gh writes a credential helper into ~/.gitconfig; the fake: none
elif command == ["pr", "create"]:
    # As gh does: the head branch must be on the remote (`origin` of the repository in the
    # current folder) before the pull request can be opened.
    found, words = options(argv[2:], {"base", "head", "title", "body", "body-file"})
    if words or not {"base", "head", "title"} <= set(found):
        die("fake gh: pr create takes --base, --head, --title and --body-file", 2)
    head = found["head"][0]
    remote = subprocess.run(
        ["git", "ls-remote", "--exit-code", "--heads", "origin", f"refs/heads/{head}"],
        capture_output=True, text=True,
    )
    if remote.returncode:
        die(f"pull request create failed: GraphQL: Head sha can't be blank, Base sha can't be "
            f"blank, No commits between {found['base'][0]} and {head}, Head ref must be a branch")
    pulls_file = state / "pulls.json"
    pulls = json.loads(pulls_file.read_text()) if pulls_file.exists() else []
    number = max([issue["number"] for issue in issues] + [p["number"] for p in pulls] + [0]) + 1
    pulls.append({"number": number, "base": found["base"][0], "head": head,
                  "title": found["title"][0], "body": body_of(found)})
    pulls_file.write_text(json.dumps(pulls))
    print(f"https://github.com/{os.environ['GH_REPO']}/pull/{number}")
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

    def pulls(self) -> list[dict]:
        """The pull requests the fake gh opened."""
        path = self.state / "pulls.json"
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
    event: str = "workflow_dispatch",
    fake_hirebook: bool = False,
    env: dict[str, str] | None = None,
    payload: dict | None = None,
) -> StepRun:
    """Run one ``run:`` step of the workspace's workflow as GitHub's runner would, under
    ``event`` (``github.event_name``), whose ``payload`` is the file ``GITHUB_EVENT_PATH``
    names (default: ``{}``)."""
    file, job_id, name = key
    path = workspace / ".github/workflows" / file
    if not path.is_file():
        pytest.fail(f"{file} is not tracked by Git: `git add` it")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    job = document["jobs"][job_id]
    step = run_steps([path])[key]
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
    event_file = scratch / "event.json"
    event_file.write_text(json.dumps(payload or {}), encoding="utf-8")
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
        "GITHUB_EVENT_PATH": str(event_file),
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
