"""Reading a record file: only a regular file, and never more than the size limit.

Everything that reads a file below ``records/`` — the loader, the candidates' personal data,
a record's source when a position is looked up, ``lint --changed-since`` — reads it here, so
a hostile file is refused in one place:

- a symbolic link (to anything: ``/dev/zero``, a record outside the repository, a folder) is
  never followed: what a record says must be in the repository, reviewed in a pull request;
- a FIFO, socket or device is never read: the file is opened without following a link and
  without blocking (a FIFO would block), and anything but a regular file is refused from
  what the open file is (``fstat``) before a byte is read (a device could be endless). Git
  cannot hold a FIFO, a socket or a device; only someone on the machine can make one;
- a file over :data:`~hirebook.records.yamlread.MAX_BYTES` is refused from its size, and
  never read beyond the limit plus one byte (a sparse file can claim any size).
"""

from __future__ import annotations

import errno
import os
import stat

from hirebook.records.yamlread import MAX_BYTES, LoadProblem

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)  # a link swapped in after the check is not followed either
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check does not block
    | getattr(os, "O_NOCTTY", 0)  # a terminal device is never made this process's terminal
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def not_regular(kind: str) -> LoadProblem:
    return LoadProblem(
        "HB111",
        f"this is {kind}, not a regular file, so it is not read; records are plain files "
        "inside records/ — replace it with the file itself (copy the content, not a link)",
    )


def too_large(size: int | None) -> LoadProblem:
    told = f"{size:,} bytes" if size is not None else "larger than that"
    return LoadProblem(
        "HB101",
        f"file is {told}, over the {MAX_BYTES:,}-byte limit for a record; "
        "split it or move attachments out of records/",
    )


def read_record(file: str) -> bytes:
    """The bytes of the regular file ``file``, at most ``MAX_BYTES + 1`` of them.

    Raises :class:`LoadProblem` (HB111 for anything but a regular file, HB101 for a file over
    the limit) or :class:`OSError` (HB100: the file cannot be opened).
    """
    try:
        handle = os.open(file, _OPEN_FLAGS)
    except OSError as err:
        if err.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise not_regular("a symbolic link") from None
        if err.errno in (errno.ENXIO, errno.ENODEV):  # a socket, a device without its driver
            raise not_regular(_kind_at(file)) from None
        raise
    try:
        status = os.fstat(handle)
        kind = kind_of(status.st_mode)
        if kind is not None:
            raise not_regular(kind)
        if status.st_size > MAX_BYTES:
            raise too_large(status.st_size)
        return _read_at_most(handle, status.st_size, MAX_BYTES + 1)
    finally:
        os.close(handle)


def _kind_at(file: str) -> str:
    """What ``file``, which could not be opened as a regular file, is (asked only then)."""
    try:
        return kind_of(os.lstat(file).st_mode) or "not a regular file"
    except OSError:
        return "not a regular file"


def _read_at_most(handle: int, size: int, limit: int) -> bytes:
    # Plain os.read calls: a buffered file object is extra work for a small file read once.
    # The first read asks for one byte more than fstat's ``size``: when fewer come, the file
    # has ended, with no extra read to learn it. A short read before ``size`` need not be the
    # end, and a file that fstat calls empty may still have bytes (some file systems report no
    # size), so those are read on until a read finds nothing.
    chunks = []
    got = 0
    while got < limit:
        wanted = min(limit - got, size - got + 1 if got < size else 64 * 1024)
        chunk = os.read(handle, wanted)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        if len(chunk) < wanted and got >= size > 0:
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_or_none(file: str) -> bytes | None:
    """:func:`read_record`, or None when the file cannot or must not be read."""
    try:
        return read_record(file)
    except (OSError, LoadProblem):
        return None
