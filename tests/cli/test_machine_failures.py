"""Failures of the machine: a read-only folder, a full disk, a missing permission.

Every command answers them with ``hirebook: cannot … <path>: <the OS's reason>``, what was or
was not written and what to do, and exit status 2 — never a traceback — and leaves the old file
or nothing: no empty record, no stray temporary file.

The failures are real wherever this machine can produce them: ``/sys`` (creating a file there
is refused even to root), a path through a regular file, ``/dev/full`` (every write fails with
ENOSPC) and, where the test may make a private mount namespace with ``unshare``, a read-only
bind mount and a full tmpfs. (Permission bits would not do: root ignores them.) Only a failure
in the middle of a write, which nothing real produces on demand, is simulated.
"""

from __future__ import annotations

import errno
import functools
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from hirebook import atomic
from hirebook.cli.main import cli

AS_OF = "2026-11-20"

# --- running hirebook, in this mount namespace or a private one ---------------------------------

READ_ONLY = r"""
set -e
mount --bind "$1" "$1"
mount -o remount,bind,ro "$1"
shift
exec "$@"
"""
"""Run the command with folder $1 read-only (in the namespace only)."""

FULL = r"""
set -e
folder=$1 stage=$2 after=$3
shift 3
mount -t tmpfs -o size=1m tmpfs "$stage"
cp -a "$folder"/. "$stage"/
mount --bind "$stage" "$folder"
cat /dev/zero > "$stage/.filler" 2>/dev/null || true
set +e
"$@"
status=$?
rm -f "$stage/.filler"
cp -a "$folder"/. "$after"/
exit $status
"""
"""Run the command with folder $1 on a full disk (a full tmpfs holding a copy of it); what the
folder holds afterwards is copied to $3, since the tmpfs goes with the namespace."""


@functools.cache
def namespace() -> tuple[str, ...] | None:
    """The command that gives a private mount namespace in which mounting works (``unshare
    -m`` for root, a user namespace otherwise), or None where there is none."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return None
    candidates = [("unshare", "-m"), ("unshare", "-Urm")] if os.geteuid() == 0 else []
    candidates = candidates or [("unshare", "-Urm")]
    probe = 'mount -t tmpfs tmpfs "$1" && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"'
    with tempfile.TemporaryDirectory() as folder:
        for prefix in candidates:
            try:
                done = subprocess.run(
                    [*prefix, "sh", "-c", probe, "sh", folder], capture_output=True, timeout=30
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            if done.returncode == 0:
                return prefix
    return None


needs_namespace = pytest.mark.skipif(
    namespace() is None, reason="no mount namespace here (unshare -m / -Urm)"
)


def run(args: list[str], wrapper: list[str] = (), stdout=subprocess.PIPE, cwd=None):
    """``hirebook ARGS`` in a process of its own: (exit status, everything it printed)."""
    done = subprocess.run(
        [*wrapper, sys.executable, "-m", "hirebook", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    return done.returncode, (done.stdout or "") + done.stderr


def contents(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_clean_failure(status: int, output: str, named: Path | str) -> None:
    assert status == 2, output
    assert "Traceback" not in output, output
    assert "hirebook: cannot " in output, output
    assert str(named) in output, output


# --- the four commands that write, each with a destination and an old file in it --------------


def case_new(agency, tmp_path):
    folder = agency.records / "clients/acme/requirements"
    args = ["new", "requirement", "--client", "acme", "--title", "Data Engineer"]
    return [*args, "--records", agency.records], folder, folder / "req-2026-002.yaml"


def case_codeowners(agency, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "CODEOWNERS").write_text("# the old file\n")
    target = folder / "CODEOWNERS"
    return ["codeowners", "--records", agency.records, "--output", target], folder, target


def case_export(agency, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "hirebook.db").write_bytes(b"the old export")
    target = folder / "hirebook.db"
    args = ["export", "--records", agency.records, "--sqlite", target, "--force"]
    return [*args, "--as-of", AS_OF], folder, target


def case_handbook(agency, tmp_path):
    folder = tmp_path / "out"
    (folder / "clients").mkdir(parents=True)
    (folder / "index.md").write_text("the old home page\n")
    args = ["handbook", "--records", agency.records, "--out", folder, "--as-of", AS_OF]
    return [*args, "--jobs", "1"], folder, folder


CASES = {
    "new": case_new,
    "codeowners": case_codeowners,
    "export": case_export,
    "handbook": case_handbook,
}


@needs_namespace
@pytest.mark.parametrize("command", CASES)
def test_read_only_folder(command, agency, tmp_path):
    args, folder, named = CASES[command](agency, tmp_path)
    before = contents(folder)
    status, output = run(args, [*namespace(), "sh", "-c", READ_ONLY, "sh", folder])
    assert_clean_failure(status, output, named)
    assert "Read-only file system" in output
    assert contents(folder) == before  # the old files intact; no empty record, no temporary


@needs_namespace
@pytest.mark.parametrize("command", CASES)
def test_full_disk(command, agency, tmp_path):
    args, folder, named = CASES[command](agency, tmp_path)
    before = contents(folder)
    stage, after = tmp_path / "stage", tmp_path / "after"
    stage.mkdir()
    after.mkdir()
    wrapper = [*namespace(), "sh", "-c", FULL, "sh", folder, stage, after]
    status, output = run(args, wrapper)
    assert_clean_failure(status, output, named)
    assert "full" in output  # "No space left on device" / SQLite's "database or disk is full"
    assert contents(after) == before  # the old files intact; no empty record, no temporary


@needs_namespace
def test_the_same_commands_succeed_in_the_namespace(agency, tmp_path):
    """The wrappers themselves break nothing: with room on the tmpfs, a record is written."""
    args, folder, named = case_new(agency, tmp_path)
    stage, after = tmp_path / "stage", tmp_path / "after"
    stage.mkdir()
    after.mkdir()
    roomy = FULL.replace('cat /dev/zero > "$stage/.filler" 2>/dev/null || true', "")
    status, output = run(args, [*namespace(), "sh", "-c", roomy, "sh", folder, stage, after])
    assert status == 0, output
    assert (after / named.name).read_bytes().startswith(b"id: req-2026-002\n")


# --- real failures that need no namespace --------------------------------------------------------


@functools.cache
def sys_refuses() -> bool:
    """Whether /sys refuses a new file (it does, even to root, on Linux)."""
    try:
        os.close(os.open("/sys/hirebook-probe", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError:
        return os.path.isdir("/sys")
    os.unlink("/sys/hirebook-probe")
    return False


@pytest.mark.skipif(not sys_refuses(), reason="no /sys that refuses new files")
@pytest.mark.parametrize(
    "args, named",
    [
        (["codeowners", "--output", "/sys/hirebook-test/CODEOWNERS"], "/sys/hirebook-test"),
        (["codeowners", "--output", "/sys/hirebook-CODEOWNERS"], "/sys/hirebook-CODEOWNERS"),
        (
            ["export", "--sqlite", "/sys/hirebook-test.db", "--as-of", AS_OF],
            "/sys/hirebook-test.db",
        ),
        (["handbook", "--out", "/sys/hirebook-test", "--as-of", AS_OF], "/sys/hirebook-test"),
    ],
)
def test_a_folder_without_permission(args, named, agency):
    status, output = run([*args, "--records", agency.records])
    assert_clean_failure(status, output, named)
    assert not os.path.exists(named)


@pytest.mark.parametrize("command", ["codeowners", "handbook"])
def test_a_file_where_a_folder_should_be(command, agency, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder\n")
    option = {
        "codeowners": ["--output", blocker / "CODEOWNERS"],
        "handbook": ["--out", blocker / "out"],
    }
    status, output = run([command, "--records", agency.records, *option[command]])
    assert_clean_failure(status, output, blocker)
    assert blocker.read_text() == "a file, not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "records"]


def test_new_client_where_a_file_holds_its_folder_name(agency):
    blocker = agency.records / "clients/harbor"
    blocker.write_text("not a folder\n")
    before = contents(agency.records)
    args = ["new", "client", "--id", "harbor", "--name", "Harbor", "--tier", "key"]
    status, output = run([*args, "--manager", "wang-li", "--records", agency.records])
    assert_clean_failure(status, output, blocker)
    assert "No record was written." in output
    assert contents(agency.records) == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_device_that_is_full(agency):
    """``/dev/full`` is written to (a device is never replaced by a rename) and refuses."""
    status, output = run(["codeowners", "--records", agency.records, "--output", "/dev/full"])
    assert_clean_failure(status, output, "/dev/full")
    assert "No space left on device" in output
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["sla", "--as-of", AS_OF],
        ["report", "--as-of", AS_OF],
        ["show", "acme", "--as-of", AS_OF],
        ["codeowners", "--check"],
    ],
)
def test_any_command_whose_output_cannot_be_written(args, agency, tmp_path):
    """The one handler of the command group: standard output on a full disk."""
    with open("/dev/full", "w") as full:
        status, output = run([*args, "--records", agency.records], stdout=full, cwd=tmp_path)
    assert status == 2, output
    assert "Traceback" not in output and "Exception ignored" not in output, output
    assert "hirebook: No space left on device\nThe disk is full" in output, output


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="no /proc/self/mem")
def test_an_unreadable_file_is_named(agency):
    """Reading /proc/self/mem from its start fails with EIO, for root too."""
    args = ["codeowners", "--check", "--records", agency.records, "--output", "/proc/self/mem"]
    status, output = run(args)
    assert status == 2, output
    assert "Traceback" not in output
    assert "hirebook: cannot access /proc/self/mem: " in output


# --- a failure in the middle of a write (simulated: nothing real fails there on demand) ---------


def fill_then_fail(error: BaseException):
    """A stand-in for ``atomic._write_all`` that writes half, then fails as the disk would."""

    def write_half(handle: int, data: bytes) -> None:
        os.write(handle, data[: len(data) // 2])
        raise error

    return write_half


def test_new_never_leaves_an_empty_or_partial_record(runner, agency, monkeypatch):
    monkeypatch.setattr(atomic, "_write_all", fill_then_fail(OSError(errno.ENOSPC, "No space")))
    before = contents(agency.records)
    result = runner.invoke(
        cli,
        ["new", "client", "--id", "harbor", "--name", "Harbor Logistics", "--tier", "key"]
        + ["--manager", "wang-li", "--records", str(agency.records)],
    )
    assert result.exit_code == 2, result.output
    assert "hirebook: cannot write " in result.output
    assert "clients/harbor/client.yaml: No space" in result.output
    assert "No record was written." in result.output
    assert contents(agency.records) == before
    assert not (agency.records / "clients/harbor").exists()  # its new folder taken away too


def test_export_failing_midway_keeps_the_old_database(runner, agency, tmp_path, monkeypatch):
    target = tmp_path / "hirebook.db"
    target.write_bytes(b"the old export")

    def fail(*args):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"  # as SQLite names it
        raise error

    monkeypatch.setattr("hirebook.reports.export.writer._values", fail)
    args = ["export", "--records", str(agency.records), "--sqlite", str(target), "--force"]
    result = runner.invoke(cli, [*args, "--as-of", AS_OF])
    assert result.exit_code == 2, result.output
    assert f"hirebook: cannot write {target}: database or disk is full" in result.output
    assert f"{target} is unchanged." in result.output
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hirebook.db", "records"]


# --- the helper itself ---------------------------------------------------------------------------


def test_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "script.sh"
    target.write_text("old\n")
    target.chmod(0o750)
    atomic.write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert os.listdir(tmp_path) == ["script.sh"]


@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_an_interrupted_write_leaves_the_old_content(error, tmp_path, monkeypatch):
    target = tmp_path / "CODEOWNERS"
    target.write_text("the old content\n")
    monkeypatch.setattr(atomic, "_write_all", fill_then_fail(error))
    with pytest.raises(type(error)) as raised:
        atomic.write_text(target, "the new content, " * 1000)
    assert target.read_text() == "the old content\n"
    assert os.listdir(tmp_path) == ["CODEOWNERS"]  # no temporary left
    if isinstance(error, OSError):
        assert isinstance(raised.value, atomic.WriteError)
        assert raised.value.filename == str(target)  # the target, not the temporary
        assert raised.value.errno == errno.ENOSPC


def test_a_failed_rename_leaves_the_old_content(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old\n")

    def refuse(source, destination):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(atomic.WriteError):
        atomic.write_text(target, "new\n")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["page.md"]


def test_a_path_through_a_file_is_a_write_error_naming_it(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(atomic.WriteError) as raised:
        atomic.write_text(tmp_path / "file" / "child", "y")
    assert raised.value.errno == errno.ENOTDIR
    assert raised.value.filename == str(tmp_path / "file" / "child")


def test_a_symbolic_link_is_kept(tmp_path):
    (tmp_path / "real").write_text("old\n")
    (tmp_path / "link").symlink_to("real")
    atomic.write_text(tmp_path / "link", "new\n")
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "real").read_text() == "new\n"
    assert sorted(os.listdir(tmp_path)) == ["link", "real"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_written_to_not_replaced(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    atomic.write_bytes(pipe, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    with pytest.raises(atomic.WriteError), atomic.replacing(pipe):
        pass  # a writer that needs a path (SQLite) never gets to replace a pipe


def test_replacing_removes_the_temporary_when_the_writer_fails(tmp_path):
    target = tmp_path / "hirebook.db"
    target.write_bytes(b"old")
    with pytest.raises(sqlite3.OperationalError), atomic.replacing(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".hirebook.db.")
        temporary.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["hirebook.db"]


def test_create_new_never_overwrites(tmp_path):
    target = tmp_path / "req.yaml"
    target.write_text("id: mine\n")
    with pytest.raises(FileExistsError) as raised:
        atomic.create_new(target, "id: theirs\n")
    assert raised.value.filename == str(target)
    assert target.read_text() == "id: mine\n"
    assert os.listdir(tmp_path) == ["req.yaml"]


def test_create_new_makes_and_takes_away_its_folders(tmp_path, monkeypatch):
    target = tmp_path / "clients/harbor/client.yaml"
    assert atomic.create_new(target, "id: harbor\n") == [tmp_path / "clients", target.parent]
    assert target.read_text() == "id: harbor\n"
    monkeypatch.setattr(atomic, "_write_all", fill_then_fail(OSError(errno.ENOSPC, "full")))
    with pytest.raises(atomic.WriteError):
        atomic.create_new(tmp_path / "clients/other/deeper/client.yaml", "id: other\n")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "clients",
        "clients/harbor",
        "clients/harbor/client.yaml",
    ]


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_create_new_without_hard_links(code, tmp_path, monkeypatch):
    """Where a file system has no hard links, the file is created exclusively itself."""

    def no_links(source, destination):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "req.yaml"
    atomic.create_new(target, "id: req\n")
    assert target.read_text() == "id: req\n"
    with pytest.raises(FileExistsError):
        atomic.create_new(target, "id: other\n")
    assert target.read_text() == "id: req\n"
    monkeypatch.setattr(atomic, "_write_all", fill_then_fail(OSError(errno.ENOSPC, "full")))
    with pytest.raises(atomic.WriteError):
        atomic.create_new(tmp_path / "second.yaml", "id: second\n")
    assert os.listdir(tmp_path) == ["req.yaml"]  # neither the temporary nor a partial file
