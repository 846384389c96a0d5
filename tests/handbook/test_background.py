"""The feeds' child process (:mod:`hirebook.handbook.background`): its value is the one the
parent would compute, and any failure of the child leaves the parent to compute it."""

from __future__ import annotations

import errno
import gc
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import weakref

import pytest

from hirebook.handbook.background import Background, fork_if

PARENT = os.getpid()

# Forked whatever threads the rest of the suite left running (a browser test's server): the
# functions here take no lock a thread could hold.
FORK = (
    multiprocessing.get_context("fork")
    if "fork" in multiprocessing.get_all_start_methods()
    else None
)
needs_fork = pytest.mark.skipif(FORK is None, reason="no fork on this platform")


def answered(background: Background) -> Background:
    """``background`` once its child has answered or ended: a child that hangs fails the test
    (after a minute) instead of hanging the suite."""
    assert background.receiver is not None and background.receiver.poll(60)
    return background


def where() -> int:
    return os.getpid()


def doubled(values: list[int]) -> list[int]:
    return [value * 2 for value in values]


def fails_in_a_child() -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("only in the child")
    return "the parent's"


def dies_in_a_child() -> str:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return "the parent's"


def unpicklable_in_a_child():
    if os.getpid() != PARENT:
        return lambda: None  # cannot travel through the pipe
    return "the parent's"


def waits_for_ever() -> None:
    signal.pause()


def always_fails() -> None:
    raise ValueError("a bug")


@needs_fork
def test_the_value_is_computed_by_a_child():
    assert answered(Background(where, context=FORK)).result() != PARENT


@needs_fork
def test_the_child_gets_the_arguments_and_sends_back_the_value():
    background = answered(Background(doubled, [1, 2, 3], context=FORK))
    assert background.result() == [2, 4, 6]
    assert background.result() == [2, 4, 6]  # asked again: the same value, no new child
    assert background.process is None


def test_without_fork_the_parent_computes_it():
    background = Background(where, context=None)
    assert background.process is None
    assert background.result() == PARENT


@needs_fork
@pytest.mark.parametrize("function", [fails_in_a_child, dies_in_a_child, unpicklable_in_a_child])
def test_a_failed_child_leaves_the_parent_to_compute_it(function):
    assert answered(Background(function, context=FORK)).result() == "the parent's"


@needs_fork
def test_a_bug_is_raised_in_the_parent_with_its_own_exception():
    with pytest.raises(ValueError, match="a bug"):
        answered(Background(always_fails, context=FORK)).result()


@needs_fork
def test_cancel_stops_and_reaps_the_child():
    background = Background(waits_for_ever, context=FORK)
    process = background.process
    assert process is not None and process.is_alive()
    background.cancel()
    assert not process.is_alive()
    assert process.exitcode == -signal.SIGTERM


@needs_fork
def test_a_value_nobody_asks_for_does_not_keep_its_child():
    background = Background(doubled, list(range(200_000)), context=FORK)  # more than a pipe holds
    process = background.process
    del background
    assert not process.is_alive()


def test_fork_if_forks_only_when_asked_and_no_other_thread_runs():
    assert fork_if(False) is None
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # as mkdocs serve's server thread
    thread.start()
    try:
        assert fork_if(True) is None
    finally:
        stop.set()
        thread.join()


class NoChildren:
    """A multiprocessing context whose processes cannot start: no memory or process left."""

    def Pipe(self, duplex):  # noqa: N802 - multiprocessing's names
        return multiprocessing.Pipe(duplex)

    def Process(self, **options):  # noqa: N802
        return Unstartable()


class Unstartable:
    def start(self):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")


def test_a_child_that_cannot_start_leaves_the_parent_to_compute_it():
    background = Background(where, context=NoChildren())
    assert background.process is None and background.receiver is None
    assert background.result() == PARENT


def _fork_if_here(sender) -> None:
    sender.send(fork_if(True))


@needs_fork
def test_a_daemon_process_never_forks():
    receiver, sender = FORK.Pipe(duplex=False)
    daemon = FORK.Process(target=_fork_if_here, args=(sender,), daemon=True)
    daemon.start()
    assert receiver.poll(60) and receiver.recv() is None
    daemon.join()


FEEDS_BY_THE_CHILD = """
import json, sys
from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import feeds
from hirebook.handbook.site import prepare

calls = []
files = feeds.files
feeds.files = lambda *args: calls.append(1) or files(*args)
two = prepare(DEMO_RECORDS, DEMO_RECORDS.parent, "2026-11-20T17:00:00+08:00", "en", jobs=2)
by_the_child, parent_calls = two.feeds, len(calls)
one = prepare(DEMO_RECORDS, DEMO_RECORDS.parent, "2026-11-20T17:00:00+08:00", "en", jobs=1)
by_the_parent = one.feeds
json.dump({"parent_calls": parent_calls, "then": len(calls), "feeds": len(by_the_parent),
           "same": by_the_child == by_the_parent}, sys.stdout)
"""


@needs_fork
def test_with_two_processes_the_child_writes_the_feeds_the_parent_would():
    # In a process of its own (one thread, so forking is safe): with two processes the parent
    # never runs feeds.files, and the child's feeds are the bytes one process writes.
    out = subprocess.run(
        [sys.executable, "-c", FEEDS_BY_THE_CHILD], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    # 19 feeds: the agency's, the demo's 6 team members' and its 12 clients'.
    assert json.loads(out.stdout) == {"parent_calls": 0, "then": 1, "same": True, "feeds": 19}


class Records:
    """Stands for the handbook's records and clocks: big, and needed only to make the value."""

    def count(self) -> int:
        return 3


def counted(records: Records) -> int:
    return records.count()


@pytest.mark.parametrize("context", [None, FORK] if FORK else [None])
def test_what_the_value_was_made_from_is_let_go(context):
    records = Records()
    kept = weakref.ref(records)
    background = Background(counted, records, context=context)
    del records
    assert (answered(background) if context else background).result() == 3
    gc.collect()
    assert kept() is None  # the build's largest objects need not live until it ends
