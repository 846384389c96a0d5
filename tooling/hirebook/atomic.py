"""Every file hirebook writes, written whole or not at all.

A file is written to a temporary file in its own folder (``.NAME.XXXXXXXX.tmp``: hidden, and
never read as a record) and renamed into place with :func:`os.replace`; on any failure the
temporary is removed and the failure raised. So a full disk, a read-only folder or an
interrupted run leaves the old file or nothing, never half a file — and a crash between the two
steps leaves only a stray ``.tmp`` file, never a damaged record.

- :func:`write_bytes` / :func:`write_text` replace a file (an existing file keeps its mode;
  a symbolic link keeps pointing where it did, and the file it points to is replaced).
- :func:`replacing` is the same for a writer that needs a path (SQLite).
- :func:`create_new` creates a file that must not exist yet (``hirebook new``): the temporary
  is hard-linked to the name, which fails if the name exists, so an existing file is never
  overwritten and no empty file is ever left.
- :func:`make_folders` creates missing folders and says which, so that a failed
  :func:`create_new` takes away the folders it made.
- :func:`links_below` names the links a writer that owns a folder would write through.

A failure is a :class:`WriteError`: the OS's errno and reason, with the path the caller asked
for rather than the temporary's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0)

# What os.link raises where a file system has no hard links (FAT, some network and FUSE file
# systems): there, create_new falls back to an exclusive create of the file itself.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK}


WRITE, MAKE_FOLDER = "write", "create the folder"  # the actions of a WriteError


class WriteError(OSError):
    """Writing ``filename`` (the path the caller asked for) failed; ``action`` says what was
    being done (:data:`WRITE` or :data:`MAKE_FOLDER`)."""

    def __init__(self, code: int | None, reason: str | None, filename: str, action=WRITE):
        super().__init__(code, reason, filename)
        self.action = action


def write_text(path: str | os.PathLike, text: str, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8), whole or not at all; see :func:`write_bytes`."""
    write_bytes(path, text.encode("utf-8"), durable)


def write_bytes(path: str | os.PathLike, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data``, whole or not at all.

    ``durable`` also flushes the file and its folder to the disk before returning, so that a
    power cut leaves the old or the new file; generated files that any run writes again (the
    handbook's pages) can do without. A device or a pipe (``/dev/stdout``) cannot be replaced
    by a rename: it is written to directly, as a shell's ``>`` would.
    """
    target = _destination(path)
    try:
        if _is_special(target):
            with open(target, "wb") as handle:
                handle.write(data)
            return
        with _temporary(target) as temporary:
            _write_all(temporary.fd, data)
            if durable:
                os.fsync(temporary.fd)
            temporary.close()
            _keep_mode(target, temporary.path)
            os.replace(temporary.path, target)
        if durable:
            _sync_folder(target.parent)
    except WriteError:
        raise
    except OSError as err:
        raise _error(err, path) from err


@contextlib.contextmanager
def replacing(path: str | os.PathLike, durable: bool = True) -> Iterator[Path]:
    """A temporary file's path (an empty file, in ``path``'s folder) for the caller to fill;
    moved onto ``path`` when the block ends normally, removed when it raises.

    For writers that open a path themselves (``sqlite3.connect``). Only a regular file (or no
    file) can be replaced this way.
    """
    target = _destination(path)
    try:
        if _is_special(target):
            raise WriteError(errno.EEXIST, "it exists and is not a regular file", str(path))
        with _temporary(target) as temporary:
            temporary.close()
            yield Path(temporary.path)
            if durable:
                _sync_file(temporary.path)
            _keep_mode(target, temporary.path)
            os.replace(temporary.path, target)
        if durable:
            _sync_folder(target.parent)
    except WriteError:
        raise
    except OSError as err:
        raise _error(err, path) from err


def create_new(path: str | os.PathLike, data: str | bytes) -> list[Path]:
    """Create ``path`` with ``data`` (text as UTF-8); :class:`FileExistsError` if it exists.

    Missing folders are created, and removed again if the file cannot be written. Returns the
    folders created (outermost first). Never overwrites a file, never leaves an empty one.
    """
    target = Path(path)
    content = data.encode("utf-8") if isinstance(data, str) else data
    created = make_folders(target.parent)
    try:
        try:
            with _temporary(target) as temporary:
                _write_all(temporary.fd, content)
                os.fsync(temporary.fd)
                temporary.close()
                try:
                    os.link(temporary.path, target)
                except FileExistsError:
                    raise
                except OSError as err:
                    if err.errno not in _NO_HARD_LINKS:
                        raise
                    _create_exclusively(target, content)
                finally:
                    # The temporary goes whether or not it was linked: the name holds the data.
                    with contextlib.suppress(OSError):
                        os.unlink(temporary.path)
            _sync_folder(target.parent)
        except FileExistsError as err:
            raise FileExistsError(err.errno, err.strerror, str(path)) from None
        except WriteError:
            raise
        except OSError as err:
            raise _error(err, path) from err
    except BaseException:
        remove_folders(created)
        raise
    return created


def make_folders(folder: str | os.PathLike) -> list[Path]:
    """Create ``folder`` and its missing parents; returns those created, outermost first.

    A failure (a file where a folder should be, a read-only parent) is a :class:`WriteError`
    naming the folder that could not be made, and what was made before it is removed.
    """
    folder = Path(folder)
    missing = []
    current = folder
    while not current.is_dir() and current.parent != current:
        missing.append(current)
        current = current.parent
    created: list[Path] = []
    for each in reversed(missing):
        try:
            each.mkdir()
        except FileExistsError as err:
            if each.is_dir():  # made meanwhile by someone else: theirs, not ours to remove
                continue
            remove_folders(created)
            raise WriteError(err.errno, err.strerror, str(each), MAKE_FOLDER) from err
        except OSError as err:
            remove_folders(created)
            raise WriteError(err.errno, err.strerror, str(each), MAKE_FOLDER) from err
        created.append(each)
    return created


def links_below(folder: str | os.PathLike, paths: Iterable[str]) -> list[Path]:
    """The symbolic links below ``folder`` that writing ``paths`` (relative to it) would go
    through: a file that is a link, or a folder on the way that is one. For writers that own
    a folder (the handbook's pages), whose files must land in it, not wherever a link there
    points (``OUT/index.md`` → a file of the user's, ``OUT/team`` → another folder)."""
    folder = Path(folder)
    seen: dict[Path, bool] = {}
    linked: list[Path] = []
    for rel in paths:
        current = folder
        for part in Path(rel).parts:
            current = current / part
            if current not in seen:
                seen[current] = current.is_symlink()
                if seen[current]:
                    linked.append(current)
            if seen[current]:
                break
    return linked


def remove_folders(created: list[Path]) -> None:
    """Remove folders that :func:`make_folders` created, innermost first, if still empty."""
    for each in reversed(created):
        with contextlib.suppress(OSError):
            each.rmdir()


class _Temporary:
    """A new, empty temporary file beside a target, open for writing."""

    def __init__(self, target: Path) -> None:
        self.fd, self.path = _new_temporary(target)
        self.open = True

    def close(self) -> None:
        """Close it once (a second close could close a descriptor reused by someone else)."""
        if self.open:
            self.open = False
            os.close(self.fd)


@contextlib.contextmanager
def _temporary(target: Path) -> Iterator[_Temporary]:
    """A :class:`_Temporary` beside ``target``; closed at the end, removed unless renamed."""
    temporary = _Temporary(target)
    try:
        yield temporary
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary.path)
        raise
    temporary.close()


def _new_temporary(target: Path) -> tuple[int, str]:
    for _ in range(100):
        temporary = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 less the umask: the mode of any new file, as open() would give it.
            return os.open(temporary, _FLAGS, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def _create_exclusively(target: Path, data: bytes) -> None:
    """Create ``target`` itself with O_EXCL (no hard links here); removed if not written whole."""
    handle = os.open(target, _FLAGS, 0o666)
    try:
        _write_all(handle, data)
        os.fsync(handle)
    except BaseException:
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _destination(path: str | os.PathLike) -> Path:
    """Where to write: a symbolic link's target, so that the link is kept. A link to a pipe
    or a device (``/dev/stdout``, a shell's ``>(…)`` as ``/dev/fd/63``) is kept as it is: it
    is written through, and its target's name (``/proc/…/fd/pipe:[…]``) is nothing to open."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() and not _is_special(path) else path


def _is_special(target: Path) -> bool:
    """A device, pipe or socket: written to, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _keep_mode(target: Path, temporary: str) -> None:
    """The replaced file's mode (an executable script stays executable, a private file
    private); a new file keeps the mode any new file gets."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        os.chmod(temporary, stat.S_IMODE(mode))


def _sync_file(path: str) -> None:
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the rename) to the disk, where the OS allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _error(err: OSError, path: str | os.PathLike) -> WriteError:
    return WriteError(err.errno, err.strerror or str(err), str(path))
