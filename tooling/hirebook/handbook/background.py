"""One value computed in a forked process while the build goes on: the calendar feeds.

MkDocs works on one core; the feeds (:mod:`hirebook.handbook.feeds`) need nothing of the
pages, so with more than one process allowed they are computed in a child forked from the
generating process while the parent generates the pages and MkDocs reads them (the plugin
takes the feeds in ``on_env``, before MkDocs copies the site's files). The child starts with
the records and clocks already in memory, and only the finished feeds travel back.

The value is the one :func:`hirebook.handbook.feeds.files` returns in the parent: where
forking is not safe (:func:`hirebook.parallel.fork_context`), with one process, or when the
child cannot start or fails in any way, the parent computes it itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing.connection
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from hirebook import parallel

Value = TypeVar("Value")


def fork_if(wanted: bool):
    """The multiprocessing context a :class:`Background` forks with: the fork context if
    ``wanted`` and safe here (:func:`hirebook.parallel.fork_context`; not in a daemon process,
    which may have no children), else None."""
    if not wanted or multiprocessing.current_process().daemon:
        return None
    return parallel.fork_context()


class Background(Generic[Value]):
    """``function(*args)``, computed by a child forked with ``context`` (a multiprocessing
    context, :func:`fork_if`), or by the caller when it is None."""

    def __init__(self, function: Callable[..., Value], *args, context) -> None:
        self.function = function
        self.args = args
        self.received: tuple[Value] | None = None
        self.process = None
        self.receiver: multiprocessing.connection.Connection | None = None
        if context is not None:
            self._start(context)

    def _start(self, context) -> None:
        receiver, sender = context.Pipe(duplex=False)
        # A daemon: a child whose value nobody asked for (a failed build) is stopped when this
        # object goes or the parent exits, never waited for on a full pipe.
        process = context.Process(
            target=_compute, args=(sender, self.function, self.args), daemon=True
        )
        try:
            process.start()
        except OSError:  # no memory or no process left for a child: the parent computes it
            receiver.close()
            return
        finally:
            sender.close()  # only the child's copy left: its end of file reaches us if it dies
        self.process, self.receiver = process, receiver
        weakref.finalize(self, _stop, process, receiver)

    def result(self) -> Value:
        """The value: the child's, or computed here if there is no child or it failed (the
        parent's own run then raises the real exception, with its traceback, if there is one)."""
        if self.received is None:
            if self.receiver is not None:
                try:
                    ok, value = self.receiver.recv()
                except (EOFError, OSError):
                    ok, value = False, None
                self.cancel()
                if ok:
                    self.received = (value,)
            if self.received is None:
                self.received = (self.function(*self.args),)
            # What the value was made from (the handbook's records and clocks) may go now.
            self.function, self.args = None, ()
        return self.received[0]

    def cancel(self) -> None:
        """Stop and reap the child, if any (a build that failed no longer needs the value)."""
        if self.process is not None and self.receiver is not None:
            _stop(self.process, self.receiver)
        self.process = self.receiver = None


def _stop(process, receiver: multiprocessing.connection.Connection) -> None:
    receiver.close()
    if process.is_alive():
        process.terminate()
        process.join(STOP_WAIT)
    if process.is_alive():  # it ignored SIGTERM
        process.kill()
    process.join()


STOP_WAIT = 5.0
"""Seconds a stopped child gets to end on SIGTERM before it is killed."""


def _compute(sender, function: Callable, args: tuple) -> None:
    try:
        sender.send((True, function(*args)))
    except BaseException:  # noqa: BLE001 - whatever failed, the parent computes it itself
        with contextlib.suppress(OSError):
            sender.send((False, None))
    finally:
        sender.close()
