"""A SIGTERM stops the worker processes too (hirebook.parallel).

``timeout``, a cancelled CI job or ``kill`` sends SIGTERM to the command; Python's default ends
that process alone, and its workers, waiting for work that would never come, slept on forever
(found by the fuzz helper: ``lint --jobs 2`` killed mid-run left them, adopted by init).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or sys.platform != "linux", reason="reads Linux's /proc"
)

WAIT = 60  # seconds: a state awaited on a busy machine, never a timing asserted

SCRIPT = """
import sys, time
from pathlib import Path
from hirebook import parallel

def wait_for_go(part):
    Path(sys.argv[1], f"started-{part}").write_text("")
    while not Path(sys.argv[1], "go").exists():
        time.sleep(0.05)
    return part

with parallel.Workers(2) as workers:
    print(workers.map(wait_for_go, [1, 2]))
"""


def children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(child) for child in text.split()}


def alive(pid: int) -> bool:
    """Running (a zombie, dead but not yet reaped by its parent, is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {WAIT} s for {what}")
        time.sleep(0.05)


def started(tmp_path: Path) -> subprocess.Popen:
    """The script running, with both its workers at work."""
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    command = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wait_until(
        lambda: all((tmp_path / f"started-{part}").exists() for part in (1, 2)),
        "both workers to start",
    )
    return command


def test_a_terminated_command_takes_its_workers_with_it(tmp_path):
    command = started(tmp_path)
    workers: set[int] = set()
    try:
        workers = children(command.pid)
        assert len(workers) >= 2, workers
        command.send_signal(signal.SIGTERM)
        assert command.wait(timeout=WAIT) == 128 + signal.SIGTERM
        wait_until(lambda: not any(alive(pid) for pid in workers), "the workers to stop")
    finally:
        (tmp_path / "go").write_text("")  # whatever is left finishes, on the old code too
        if command.poll() is None:
            command.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_handler_is_this_runs_only():
    """Work that ends normally returns its results, and SIGTERM means what it meant before."""
    from hirebook import parallel

    before = signal.getsignal(signal.SIGTERM)
    with parallel.Workers(2) as workers:
        assert workers.map(abs, [-1, -2, -3]) == [1, 2, 3]
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_command_killed_outright_takes_its_workers_with_it(tmp_path):
    """kill -9 (or the out-of-memory killer) lets no handler run: the workers, their answers
    with nowhere to go, waited forever to send them. They see their parent is gone and end."""
    command = started(tmp_path)
    workers: set[int] = set()
    try:
        workers = children(command.pid)
        assert len(workers) >= 2, workers
        command.kill()
        command.wait(timeout=WAIT)
        wait_until(lambda: not any(alive(pid) for pid in workers), "the workers to end")
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
