"""The feeds' child process (:mod:`hirebook.handbook.background`): its value is the one the
parent would compute, and any failure of the child leaves the parent to compute it."""

from __future__ import annotations

import os
import signal

import pytest

from hirebook import parallel
from hirebook.handbook.background import Background

PARENT = os.getpid()

needs_fork = pytest.mark.skipif(
    parallel.fork_context() is None, reason="forking is not safe or not available here"
)


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
    assert Background(where, fork=True).result() != PARENT


@needs_fork
def test_the_child_gets_the_arguments_and_sends_back_the_value():
    background = Background(doubled, [1, 2, 3], fork=True)
    assert background.result() == [2, 4, 6]
    assert background.result() == [2, 4, 6]  # asked again: the same value, no new child
    assert background.process is None


def test_without_fork_the_parent_computes_it():
    background = Background(where, fork=False)
    assert background.process is None
    assert background.result() == PARENT


@needs_fork
@pytest.mark.parametrize("function", [fails_in_a_child, dies_in_a_child, unpicklable_in_a_child])
def test_a_failed_child_leaves_the_parent_to_compute_it(function):
    assert Background(function, fork=True).result() == "the parent's"


@needs_fork
def test_a_bug_is_raised_in_the_parent_with_its_own_exception():
    with pytest.raises(ValueError, match="a bug"):
        Background(always_fails, fork=True).result()


@needs_fork
def test_cancel_stops_and_reaps_the_child():
    background = Background(waits_for_ever, fork=True)
    process = background.process
    assert process is not None and process.is_alive()
    background.cancel()
    assert not process.is_alive()
    assert process.exitcode == -signal.SIGTERM


@needs_fork
def test_a_value_nobody_asks_for_does_not_keep_its_child():
    background = Background(doubled, list(range(200_000)), fork=True)  # more than a pipe holds
    process = background.process
    del background
    assert not process.is_alive()
