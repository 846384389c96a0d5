"""Failures of the machine (a read-only folder, a full disk, a missing permission) as a message.

No ``OSError`` ends in a traceback: the command group turns any that a command did not handle
into :class:`MachineFailure`, and commands that know more (what was or was not written) raise
it themselves with :func:`machine_failure`. The message says what failed, on which path, the
OS's reason and what to do; the exit status is 2.
"""

from __future__ import annotations

import errno

import click

from hirebook.atomic import MAKE_FOLDER, WriteError

EXIT_MACHINE = 2  # as a usage error: the command could not do what it was asked

_ADVICE = {
    errno.EROFS: "The file system is read-only: write somewhere else, or make it writable.",
    errno.ENOSPC: "The disk is full: free some space, then run the command again.",
    errno.EDQUOT: "The disk quota is used up: free some space, then run the command again.",
    errno.EACCES: "Permission denied: check the permissions of the file and its folder, or "
    "write somewhere else.",
    errno.EPERM: "The operation is not permitted: check the permissions of the file and its "
    "folder, or write somewhere else.",
    errno.EIO: "The disk reported an error: check it, then run the command again.",
}
_PATH_ADVICE = {  # only where the message names the path
    errno.ENOTDIR: "A part of the path is a file, not a folder: check the path.",
    errno.EISDIR: "The path is a folder: give the name of a file.",
    errno.ENOENT: "Check that the folder exists.",
    errno.ENAMETOOLONG: "Use a shorter path.",
}
_DEFAULT_ADVICE = "Check the path, the disk and the permissions, then run the command again."


class MachineFailure(click.ClickException):
    """An operating-system failure, shown as ``hirebook: …`` with advice; exit status 2."""

    exit_code = EXIT_MACHINE

    def show(self, file=None) -> None:
        click.echo(f"hirebook: {self.format_message()}", file=file, err=file is None)


def machine_failure(err: OSError, consequence: str | None = None) -> MachineFailure:
    """``err`` as a message: what failed and where, the OS's reason, ``consequence`` (what was
    or was not written) and what to do."""
    reason = err.strerror or str(err)
    if isinstance(err, WriteError):
        what = f"cannot {err.action} {err.filename}"
    elif err.filename is not None and err.filename2 is not None:
        what = f"cannot move {err.filename} to {err.filename2}"
    elif err.filename is not None:
        what = f"cannot access {err.filename}"
    else:
        what = None
    lines = [f"{what}: {reason}" if what else reason]
    if consequence:
        lines.append(consequence)
    advice = {**_ADVICE, **_PATH_ADVICE} if what else _ADVICE
    if isinstance(err, WriteError) and err.action == MAKE_FOLDER and err.errno == errno.EEXIST:
        lines.append("A file stands where the folder should be: move it, or choose another path.")
    else:
        lines.append(advice.get(err.errno, _DEFAULT_ADVICE))
    return MachineFailure("\n".join(lines))
