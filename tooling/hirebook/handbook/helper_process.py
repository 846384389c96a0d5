"""A helper process forked from the build (:mod:`.page_reading`, :mod:`.page_sharing`): how it
is started, waited for and stopped, and what it sends besides the work: its log, and how it
failed.

A :class:`Helper` keeps what it logs under ``mkdocs`` (:func:`collect_log`) and sends it with
its result; the build logs it again (:meth:`Helper.receive`), so that ``mkdocs build --strict``
counts the helper's warnings. A page the helper could not handle is worded as MkDocs words a
page it could not build (:func:`failure`), and fails the build; so does a helper that died.
"""

from __future__ import annotations

import logging
import traceback

from mkdocs.exceptions import BuildError, PluginError

Records = list[tuple[str, int, str]]
"""Log records as (logger name, level, message)."""


class Helper:
    """A process forked from the build to do part of its work, and the pipe it answers on
    with ``(records, result, error)``."""

    def __init__(self, process, connection) -> None:
        self.process = process
        self.connection = connection

    @classmethod
    def fork(cls, context, target, args: tuple, name: str) -> Helper:
        """Start ``target(*args, sending)`` in a forked process; ``sending`` is its end of the
        pipe."""
        connection, sending = context.Pipe(duplex=False)
        process = context.Process(target=target, args=(*args, sending), name=name, daemon=True)
        process.start()
        sending.close()
        return cls(process, connection)

    def receive(self, nothing: object, doing: str):
        """Wait for the helper; log its records here; return its result, or raise
        :class:`PluginError` if it failed (``nothing`` is the result of a helper that sent none;
        ``doing`` says what it did, for the message)."""
        try:
            records, result, error = self.connection.recv()
        except EOFError:
            records, result, error = [], nothing, None
        finally:
            self.process.join()
            self.connection.close()
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if error is not None:
            raise PluginError(error)
        if self.process.exitcode != 0:
            raise PluginError(
                f"hirebook: the process {doing} beside MkDocs stopped (exit code "
                f"{self.process.exitcode}); build again, or set the plugin's jobs: 1"
            )
        return result

    def is_alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """Stop the helper at once (the build failed)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def failure(src_uri: str, exc: Exception) -> str:
    """What the build says of a page a helper could not build: MkDocs' words, and for a bug
    (anything but MkDocs' own errors) where it happened."""
    message = f"Error building page '{src_uri}': {exc}"
    if isinstance(exc, BuildError):
        return message
    return message + "\n" + "".join(traceback.format_exception(exc))  # a bug: say where


def collect_log() -> Records:
    """Keep what the helper logs under ``mkdocs`` for the build process to log."""
    records: Records = []
    logger = logging.getLogger("mkdocs")
    level = min((handler.level for handler in logger.handlers), default=logging.WARNING)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(_Collect(records, level))
    return records


class _Collect(logging.Handler):
    def __init__(self, records: list, level: int) -> None:
        super().__init__(level)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))
