"""The handbook workflow: strict build on pull requests, Pages from main, daily rebuild."""

import re

import yaml

from .handbook_site import PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "handbook.yml"


def load():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return workflow, workflow[True] if True in workflow else workflow["on"]


def test_builds_strict_on_pull_requests_and_daily():
    workflow, triggers = load()
    assert {"pull_request", "push", "schedule", "workflow_dispatch"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"]
    runs = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    [build] = [run for run in runs if "mkdocs build" in run]
    lines = [line.strip() for line in build.splitlines()]
    # One site: every language in the order mkdocs.yml gives them (the root's, whose build
    # cleans public/, first), asked for rather than repeated here; a failed query fails the step.
    query = 'languages="$(hirebook handbook --languages)" || status=$?'
    loop = "for language in ${languages}; do"
    each = 'HIREBOOK_LANGUAGE="${language}" mkdocs build --strict || { status=$?; break; }'
    assert lines[lines.index(loop) + 1] == each
    assert lines.index("status=0") < lines.index(query) < lines.index(loop)
    assert not re.search(r"\ben zh-Hant\b", build)  # no language listed in the workflow
    # The log quotes record text: it is read between stop-commands lines, and fails the step.
    assert (
        lines.index('echo "::stop-commands::${token}"')
        < lines.index(loop)
        < lines.index("done")
        < lines.index('echo "::${token}::"')
    )
    assert lines[-1] == 'exit "${status}"'


def test_publishes_from_main_with_least_permissions():
    workflow, _ = load()
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_no_event_data_is_interpolated_into_scripts():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "github.event." not in text
    workflow, _ = load()
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert not re.search(r"\$\{\{", step.get("run", "")), step
