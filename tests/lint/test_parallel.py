"""``hirebook lint --jobs N`` gives exactly the answers of one process.

The demo agency is copied and broken on purpose so that problems cross the parts a parallel
run splits the work into: a duplicate id in two clients, a candidate's name in another
client's touchpoint, references to a candidate and a person that do not exist, and a
requirement referenced from another client's folder.
"""

import json
import shutil
from pathlib import Path

import pytest

from hirebook.cli.main import cli

DEMO = Path(__file__).resolve().parents[2] / "records"


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


def test_candidate_names_are_read_once_for_all_workers(broken, monkeypatch):
    """The parent greps every candidate's name while it lists the files and sends them along:
    a worker finds names from what it was sent, and never reads them again."""
    from datetime import date

    from hirebook.partitioned import PartJob, check_part
    from hirebook.records import repository
    from hirebook.records.partition import split

    def read_again(folder):
        raise AssertionError(f"a worker read the candidates' names again from {folder}")

    monkeypatch.setattr(repository, "_name_lines", read_again)
    listing = repository.record_paths(broken)
    touchpoint = sorted((broken / "clients").iterdir())[0] / "touchpoints"
    path = sorted(touchpoint.glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Zhou Shiyi called ", 1), encoding="utf-8")
    sent = {"cand-0001": "Zhou Shiyi"}  # in no candidate's file: only in what was sent
    part = next(
        p
        for p in split(listing, 3)
        if f"clients/{path.parent.parent.name}/touchpoints/{path.name}" in p.report
    )
    job = PartJob(broken, broken.parent, part, date(2026, 11, 20), listing=listing, name_lines=sent)
    found = check_part(job).problems
    assert any(p.code == "HB503" and p.file.endswith(path.name) for p in found)
