"""Files that are not plain records: links, FIFOs, devices, sockets, huge or sparse files.

Each is reported with its path and a lint code and never opened for reading (or never read
past the size limit), by every reader: the loader (one process and several), the candidates'
personal data and a record's source. ``hirebook lint`` runs in a child process with a memory
cap and a time limit, so that a regression shows as a failure, not as a machine that swaps or
a suite that hangs.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hirebook.records import files
from hirebook.records.yamlread import MAX_BYTES, LoadProblem

MEMORY_CAP = 1024 * 1024 * 1024  # far more than a small agency needs, far less than /dev/zero
TIME_LIMIT = 60


def lint_in_child(records: Path, *args: str) -> tuple[int, dict, str]:
    """``hirebook lint --format json`` in a child process with a memory cap and a time limit."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    done = subprocess.run(
        [sys.executable, "-m", "hirebook", "lint", "--records", str(records), "--format", "json"]
        + list(args),
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=cap,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def codes_of(report: dict, rel: str) -> list[str]:
    return [p["code"] for p in report["problems"] if p["file"] == f"records/{rel}"]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_reported_not_read(agency, target, jobs):
    (agency.records / "team" / "lin-hao.yaml").symlink_to(target)
    status, report, _ = lint_in_child(agency.records, "--jobs", jobs)
    assert status == 1
    assert codes_of(report, "team/lin-hao.yaml") == ["HB111"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fifo_is_reported_without_waiting(agency, jobs):
    os.mkfifo(agency.records / "candidates" / "cand-0002.yaml")
    status, report, _ = lint_in_child(agency.records, "--jobs", jobs)
    assert status == 1
    assert codes_of(report, "candidates/cand-0002.yaml") == ["HB111"]


def test_a_socket_is_reported(agency, tmp_path):
    path = agency.records / "team" / "sock.yaml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        status, report, _ = lint_in_child(agency.records)
    finally:
        server.close()
    assert status == 1
    assert codes_of(report, "team/sock.yaml") == ["HB111"]


def test_a_link_to_a_valid_record_outside_the_repository_is_not_read(agency, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(
        (agency.records / "team" / "wang-li.yaml")
        .read_text(encoding="utf-8")
        .replace("wang-li", "lin-hao"),
        encoding="utf-8",
    )
    (agency.records / "team" / "lin-hao.yaml").symlink_to(outside)
    status, report, _ = lint_in_child(agency.records)
    assert status == 1
    assert codes_of(report, "team/lin-hao.yaml") == ["HB111"]
    assert "lin-hao" not in agency.load().people  # nothing of it reaches the model


def test_a_link_to_a_folder_of_records_is_reported(agency, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere).mkdir()
    (elsewhere / "client.yaml").write_text("id: linked\n", encoding="utf-8")
    (agency.records / "clients" / "linked").symlink_to(elsewhere)
    status, report, _ = lint_in_child(agency.records)
    assert status == 1
    assert codes_of(report, "clients/linked") == ["HB111"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_huge_sparse_file_is_refused_from_its_size(agency, jobs):
    path = agency.records / "team" / "lin-hao.yaml"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GiB that take no disk: read whole, 3 GiB of memory
    status, report, _ = lint_in_child(agency.records, "--jobs", jobs)
    assert status == 1
    [problem] = [p for p in report["problems"] if p["file"] == "records/team/lin-hao.yaml"]
    assert problem["code"] == "HB101"
    assert "3,221,225,472 bytes" in problem["message"]


def test_a_candidate_link_is_not_read_for_personal_data(agency, tmp_path):
    """The candidates' personal fields are read like any record: a link gives nothing."""
    from hirebook.records.repository import read_candidate_fields

    outside = tmp_path / "cand.yaml"
    outside.write_text("id: cand-0009\nname: Outside Name\n", encoding="utf-8")
    (agency.records / "candidates" / "cand-0009.yaml").symlink_to(outside)
    os.mkfifo(agency.records / "candidates" / "cand-0010.yaml")
    fields = read_candidate_fields(agency.records)
    assert "cand-0009" not in fields and "cand-0010" not in fields
    assert fields["cand-0001"]["name"] == "劉洋"


def test_a_file_just_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * MAX_BYTES)
    assert len(files.read_record(str(path))) == MAX_BYTES
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(LoadProblem) as refused:
        files.read_record(str(path))
    assert refused.value.code == "HB101"
    assert "1,048,577 bytes" in refused.value.message


def test_the_source_reader_reads_no_link(tmp_path):
    """Positions are looked up from a record's source: a link swapped in is not followed."""
    from hirebook.records.document import _source_of

    target = tmp_path / "target.yaml"
    target.write_text("id: x\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert _source_of(str(link), "person") == ""
    assert _source_of(str(target), "person") == "id: x\n"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux's /proc")
def test_a_file_that_claims_no_bytes_is_read_in_full():
    """A file that says it holds 0 bytes (as /proc's do) and holds more is read to its end."""
    assert os.stat("/proc/self/status").st_size == 0
    assert files.read_record("/proc/self/status").startswith(b"Name:")


def test_reading_goes_on_in_chunks_but_never_past_the_limit(tmp_path):
    """Reading goes on until the file ends, whatever size fstat gave (the file grew, or its
    file system reports no size: 0), and stops at the limit."""
    data = bytes(range(256)) * 600  # 153,600 bytes: more than one 64 KiB chunk
    path = tmp_path / "long.yaml"
    path.write_bytes(data)
    cases = [
        (len(data), len(data) + 1, data),  # the size fstat gives
        (0, len(data) + 1, data),  # no size reported
        (1000, len(data) + 1, data),  # grown since fstat
        (len(data), 100_001, data[:100_001]),  # the limit
        (0, 100_001, data[:100_001]),
    ]
    for size, limit, expected in cases:
        handle = os.open(path, os.O_RDONLY)
        try:
            assert files._read_at_most(handle, size, limit) == expected, (size, limit)
        finally:
            os.close(handle)
