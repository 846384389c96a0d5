"""The feeds' child process (:mod:`hirebook.handbook.background`): its value is the one the
parent would compute, and any failure of the child leaves the parent to compute it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading

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
    assert Background(where, context=FORK).result() != PARENT


@needs_fork
def test_the_child_gets_the_arguments_and_sends_back_the_value():
    background = Background(doubled, [1, 2, 3], context=FORK)
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
    assert Background(function, context=FORK).result() == "the parent's"


@needs_fork
def test_a_bug_is_raised_in_the_parent_with_its_own_exception():
    with pytest.raises(ValueError, match="a bug"):
        Background(always_fails, context=FORK).result()


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
