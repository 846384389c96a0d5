"""``hirebook lint --jobs N`` gives exactly the answers of one process.

The demo agency is copied and broken on purpose so that problems cross the parts a parallel
run splits the work into: a duplicate id in two clients, a candidate's name in another
client's touchpoint, references to a candidate and a person that do not exist, and a
requirement referenced from another client's folder.
"""

import json
import shutil

import pytest

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS

DEMO = DEMO_RECORDS


@pytest.fixture
def broken(tmp_path):
    """A copy of the demo records with problems planted across clients."""
    records = tmp_path / "records"
    shutil.copytree(DEMO, records)
    clients = sorted(p for p in (records / "clients").iterdir() if p.is_dir())
    first, second, third, last = clients[0], clients[1], clients[2], clients[-1]
    # HB302: the first client's first application copied into the second client.
    application = sorted((first / "applications").glob("*.yaml"))[0]
    shutil.copy(application, second / "applications" / application.name)
    # HB503: the name of a candidate (read by whichever part holds candidates) in free text.
    candidate = sorted((records / "candidates").glob("*.yaml"))[0]
    name = next(
        line.split(":", 1)[1].strip()
        for line in candidate.read_text(encoding="utf-8").splitlines()
        if line.startswith("name:")
    )
    touchpoint = sorted((last / "touchpoints").glob("*.yaml"))[0]
    text = touchpoint.read_text(encoding="utf-8")
    touchpoint.write_text(text.replace("summary: ", f"summary: {name} ", 1), encoding="utf-8")
    # HB306 and HB303: a candidate and an account manager that do not exist.
    second_app = sorted((third / "applications").glob("*.yaml"))[0]
    text = second_app.read_text(encoding="utf-8")
    second_app.write_text(
        "\n".join(
            "candidate: cand-9999" if line.startswith("candidate:") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    client_file = first / "client.yaml"
    text = client_file.read_text(encoding="utf-8")
    client_file.write_text(
        "\n".join(
            "account_manager: nobody-here" if line.startswith("account_manager:") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    return records


def lint_json(runner, records, *args):
    result = runner.invoke(
        cli,
        ["lint", "--records", str(records), "--format", "json", "--as-of", "2026-11-20", *args],
    )
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output)


def codes(report):
    return {problem["code"] for problem in report["problems"]}


def test_parallel_runs_find_exactly_what_one_process_finds(runner, broken):
    exit_one, one = lint_json(runner, broken, "--jobs", "1")
    assert exit_one == 1
    # The planted problems, so that the comparison below cannot pass on an empty result.
    assert {"HB302", "HB503", "HB306", "HB303"} <= codes(one)
    for jobs in ("2", "3", "5"):
        exit_many, many = lint_json(runner, broken, "--jobs", jobs)
        assert (exit_many, many) == (exit_one, one), f"--jobs {jobs}"


def test_path_arguments_narrow_a_parallel_run_the_same_way(runner, broken):
    folder = sorted((broken / "clients").iterdir())[1]
    _, one = lint_json(runner, broken, "--jobs", "1", str(folder))
    _, two = lint_json(runner, broken, "--jobs", "2", str(folder))
    assert two == one
    assert codes(one) == {"HB302"}
    assert all(p["file"].startswith(f"records/clients/{folder.name}/") for p in one["problems"])


def test_a_missing_policy_is_reported_once(runner, broken):
    (broken / "policy.yaml").unlink()
    _, one = lint_json(runner, broken, "--jobs", "1")
    _, three = lint_json(runner, broken, "--jobs", "3")
    assert three == one
    missing = [p for p in three["problems"] if p["code"] == "HB310"]
    assert len(missing) == 1 and missing[0]["file"] == "records/policy.yaml"


def test_jobs_must_not_be_negative(runner, broken):
    result = runner.invoke(cli, ["lint", "--records", str(broken), "--jobs", "-1"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def _named_in_a_touchpoint(broken, name: str | None = None):
    """A touchpoint whose summary names ``name`` (None: the first candidate the part does not
    read), the part (of three) that reports it, and the listing."""
    from hirebook.records import repository
    from hirebook.records.partition import split

    listing = repository.record_paths(broken)
    touchpoint = sorted((broken / "clients").iterdir())[0] / "touchpoints"
    path = sorted(touchpoint.glob("*.yaml"))[0]
    part = next(
        p
        for p in split(listing, 3)
        if f"clients/{path.parent.parent.name}/touchpoints/{path.name}" in p.report
    )
    if name is None:
        other = next(p for p in listing if p.startswith("candidates/") and p not in part.read)
        lines = (broken / other).read_text(encoding="utf-8").splitlines()
        name = next(line[5:].strip().strip("\"'") for line in lines if line.startswith("name:"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", f"summary: {name} called ", 1), encoding="utf-8")
    return path, part, listing


_NOTED_RUN = """
import os, sys
from datetime import date
from pathlib import Path

from hirebook import pipeline
from hirebook.records import files

records, notes = Path(sys.argv[1]), Path(sys.argv[2])
parent, real = os.getpid(), files.read_record


def noted(file):
    with open(notes, "a", encoding="utf-8") as handle:
        role = "parent" if os.getpid() == parent else "worker"
        handle.write(f"{role} {os.path.relpath(file, records)}\\n")
    return real(file)


files.read_record = noted  # every record file is read through it, here and in the workers
listing = pipeline.listing_of(records)
request = pipeline.Request(records, records.parent, date(2026, 11, 20), listing)
answer = pipeline.run(request, 3)
print(" ".join(p.file for p in answer.lint.problems if p.code == "HB503"))
"""


def _noted_run(broken, tmp_path) -> tuple[str, list[tuple[str, str]]]:
    """Lint ``broken`` in three processes from a fresh interpreter (one thread: the workers
    are forked, with the reading noted in them too), noting which process reads each file."""
    import subprocess
    import sys

    notes = tmp_path / "reads"
    done = subprocess.run(
        [sys.executable, "-c", _NOTED_RUN, str(broken), str(notes)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    reads = [tuple(line.split(" ", 1)) for line in notes.read_text(encoding="utf-8").splitlines()]
    return done.stdout.strip(), reads


def test_every_candidate_is_read_once_and_named_in_every_part(broken, tmp_path):
    """The candidates' parts run first and send back their candidates' personal fields; the
    other parts are sent all of them. A name is found in a touchpoint of a part that does not
    hold the candidate, and no candidate file is read twice or by the parent."""
    path, _, _ = _named_in_a_touchpoint(broken)  # a candidate another part reads
    found, reads = _noted_run(broken, tmp_path)
    assert path.name in found
    candidates = sorted(p.name for p in (broken / "candidates").iterdir())
    read = sorted(rel.split("/", 1)[1] for role, rel in reads if rel.startswith("candidates/"))
    assert read == candidates
    assert {role for role, _ in reads} == {"worker"}


def test_a_quoted_name_is_read_alike_by_one_process_and_by_several(runner, broken):
    """`name: 'Sean O''Brien'` is Sean O'Brien on every path: the workers read candidates
    with the records' own reader, never a line of text parsed by hand."""
    candidate = sorted((broken / "candidates").glob("*.yaml"))[0]
    text = candidate.read_text(encoding="utf-8")
    lines = [
        "name: 'Sean O''Brien'" if line.startswith("name:") else line for line in text.splitlines()
    ]
    candidate.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path, _, _ = _named_in_a_touchpoint(broken, "Sean O'Brien")
    _, one = lint_json(runner, broken, "--jobs", "1")
    _, two = lint_json(runner, broken, "--jobs", "2")
    assert two == one
    named = [p for p in one["problems"] if p["code"] == "HB503"]
    assert [p["file"].rsplit("/", 1)[1] for p in named] == [path.name]
