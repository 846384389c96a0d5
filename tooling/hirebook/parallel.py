"""Run one function over several inputs in worker processes, with an optional progress count.

The work of a large agency is split into parts (:mod:`hirebook.records.partition`); each part
is one call of a plain top-level function in a process of its own, and only small results
(problems, clocks) travel back. Processes are forked where that is safe, so a worker starts
with the modules its parent already imported; elsewhere they are spawned.

``multiprocessing`` and ``concurrent.futures`` are imported only when processes are started:
every command imports this module, and most runs (a small agency, ``--jobs 1``) start none.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

SMALL_AGENCY = 2000
"""Below this many files one process is faster than starting others (demo agency: 867)."""

_counter = None  # the progress counter of this worker process (set by _start)


def available_cores() -> int:
    """The cores this process may run on (not the machine's count, in a container or CI)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def jobs_for(requested: int, files: int) -> int:
    """The number of processes: ``requested``, or with 0 ("auto") every core for a large
    agency and one for a small one."""
    if requested > 0:
        return requested
    return 1 if files < SMALL_AGENCY else available_cores()


def tick(_path: str = "") -> None:
    """Count one file read in this worker (a no-op when nobody watches the progress)."""
    if _counter is not None:
        with _counter.get_lock():
            _counter.value += 1


class WorkerLost(Exception):
    """A worker process ended before it answered: killed (``kill -9``, the system's
    out-of-memory killer), not a fault of the records. The command cannot give its answer."""

    def __init__(self) -> None:
        super().__init__(
            "a worker process ended before it finished its part of the records (it was "
            "killed, or the system ran out of memory), so the command has no answer and wrote "
            "none.\nRun the command again; if it happens again, run it with --jobs 1 (in "
            "mkdocs.yml, the hirebook plugin's jobs: 1), which uses one process and less memory."
        )


class Workers:
    """Worker processes kept for a whole command: a second :meth:`map` (a second phase)
    finds them started, with what the first left in them (modules imported, tables built
    once per process), where a new set would start and build them all again.

    ``progress`` is called now and then with the number of files the workers have read (they
    call :func:`tick`). An exception in a worker is raised here, as a bug should be.
    """

    def __init__(self, processes: int, progress: Callable[[int], None] | None = None) -> None:
        self.processes = max(1, processes)
        self.progress = progress
        self._stack = contextlib.ExitStack()
        self._pool = None
        self._counter = None

    def __enter__(self) -> Workers:
        from concurrent.futures import ProcessPoolExecutor

        context = _context()
        self._counter = context.Value("q", 0) if self.progress else None
        self._stack.enter_context(_workers_stop_with_us())
        self._pool = self._stack.enter_context(
            ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=context,
                initializer=_start,
                initargs=(self._counter,),
            )
        )
        return self

    def __exit__(self, *exc_info) -> None:
        self._stack.__exit__(*exc_info)

    def map(self, function: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
        """``[function(job) for job in jobs]``, one job per worker at a time, in order.

        Raises :class:`WorkerLost` when a worker process ended without answering."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._map(function, jobs)
        except BrokenProcessPool:
            raise WorkerLost() from None

    def _map(self, function: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
        from concurrent.futures import FIRST_EXCEPTION, wait

        futures = [self._pool.submit(function, job) for job in jobs]
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
            if self.progress and self._counter is not None:
                self.progress(self._counter.value)
            for future in done:
                future.result()  # re-raises a worker's exception at once
        return [future.result() for future in futures]


@contextlib.contextmanager
def _workers_stop_with_us() -> Iterator[None]:
    """While the workers run, a SIGTERM (``timeout``, a cancelled CI job, ``kill``) stops them
    too: Python's default ends this process alone, and they waited for work forever."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals (mkdocs serve rebuilds in another)
        return
    previous = signal.signal(signal.SIGTERM, _stop_workers)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _stop_workers(signum, _frame) -> None:
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
    raise SystemExit(128 + signum)


def _context():
    """Fork where it is safe (:func:`fork_context`), else spawn."""
    import multiprocessing

    return fork_context() or multiprocessing.get_context("spawn")


def fork_context():
    """The fork context where forking is safe: on a platform that has it, from a process with
    one thread; else None.

    ``mkdocs serve`` runs a server thread; forking a threaded process can copy a lock some
    other thread holds and hang the child, so workers are spawned there instead.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return None


def _start(counter) -> None:
    global _counter
    _counter = counter
    _end_with_parent()


def _end_with_parent() -> None:
    """A worker whose command is gone (``kill -9``, the out-of-memory killer: no handler runs)
    ends too: its answer has nowhere to go, and it would wait forever to send it."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:  # another parent: this one is gone
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="hirebook-watch-parent", daemon=True).start()
