"""The site rebuilt in place: old files rewritten, and only what the build did not write removed.

Right after ``on_pre_build``, ``mkdocs build`` deletes everything in the site folder
(``clean_directory``) and then writes every file anew. At 1,000 clients that is 4,700 files and
folders deleted and created again, build after build: two thirds of a second of deleting in the
build's own process, and more in the kernel when the files are created again (a file system
without a journal, like this machine's ext4, steps over each recently deleted inode when it
creates one).

So for a large agency the plugin lets MkDocs write over the old files instead, and cleans up at
the end:

1. In place of MkDocs' clean-up, :meth:`SiteRewrite.take_stock` notes every old file with its
   inode and its change time, and deletes at once what MkDocs must not write through: symbolic
   links, files with a second name (a hard link), files it may not write, and anything but
   files and folders.
2. MkDocs writes each file over the old one (:func:`write_over` stands in for its
   ``write_file``): the new bytes first, then the file cut to their length. Emptying the file
   first, as ``open(path, "wb")`` does, would make ext4 write it to disk when it is closed.
3. When the build's files are known (``on_files``), :meth:`SiteRewrite.make_way` removes old
   entries in the way of one of them (a file where a folder must go, or the reverse).
4. At the end (:meth:`SiteRewrite.finish`), every old file whose inode and change time are
   unchanged — the build did not write it — is deleted, then the old folders left empty.

The site is the one a clean build leaves, file for file (``tests/handbook/test_site_rewrite.py``);
entries hidden at the top of the site folder are left alone, as MkDocs leaves them. ``--dirty``
builds and ``mkdocs serve`` keep MkDocs' own behaviour.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

import mkdocs.utils

log = logging.getLogger("mkdocs.plugins.hirebook")

Stamp = tuple[int, int]
"""A file's inode and change time (nanoseconds): any write, even of the same bytes, moves the
change time, and nothing can set it back."""


class SiteRewrite:
    """MkDocs' clean-up of one build's site folder, put off until the build is done."""

    def __init__(self, site_dir: str) -> None:
        self.site = Path(site_dir)
        self.files: dict[str, Stamp] = {}
        """The old files, by path relative to the site folder."""
        self.folders: list[str] = []
        """The old folders, parents before children."""
        self._clean = mkdocs.utils.clean_directory

    @classmethod
    def install(cls, site_dir: str) -> SiteRewrite:
        """Stand in for MkDocs' ``clean_directory`` for the next build's call, and for its
        ``write_file`` until :meth:`finish`."""
        rewrite = cls(site_dir)
        mkdocs.utils.clean_directory = rewrite._instead_of_cleaning
        mkdocs.utils.write_file = write_over
        return rewrite

    def _instead_of_cleaning(self, directory: str) -> None:
        self._restore_cleaning()  # one call only
        if Path(directory) != self.site:  # not the call it was put there for
            self._clean(directory)
            return
        self.take_stock()

    def _restore_cleaning(self) -> None:
        if mkdocs.utils.clean_directory == self._instead_of_cleaning:
            mkdocs.utils.clean_directory = self._clean

    def _restore(self) -> None:
        self._restore_cleaning()
        if mkdocs.utils.write_file is write_over:
            mkdocs.utils.write_file = _WRITE_FILE

    def take_stock(self) -> None:
        """Note the old files and folders; delete the entries MkDocs must not write through."""
        if not self.site.is_dir():
            return
        for entry in os.scandir(self.site):
            if not entry.name.startswith("."):  # hidden: MkDocs leaves it, and so do we
                self._note(entry, entry.name)

    def _note(self, entry: os.DirEntry, relative: str) -> None:
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            self.folders.append(relative)
            for child in os.scandir(entry.path):
                self._note(child, f"{relative}/{child.name}")
        elif stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and os.access(entry.path, os.W_OK):
            self.files[relative] = (info.st_ino, info.st_ctime_ns)
        else:  # written through, a link or a second name would change another file
            _remove(entry.path)

    def make_way(self, destinations: Iterable[str]) -> None:
        """Remove the old entries in the way of the build's files (paths relative to the site
        folder): an old file where one of their folders goes, an old folder where one of them
        goes."""
        folders = set(self.folders)
        for destination in destinations:
            if destination in folders:
                self._remove_folder(destination)
                folders = set(self.folders)
            parent = destination.rpartition("/")[0]
            while parent:
                if parent in self.files:
                    _remove(self.site / parent)
                    del self.files[parent]
                parent = parent.rpartition("/")[0]

    def _remove_folder(self, relative: str) -> None:
        _remove(self.site / relative)
        inside = relative + "/"
        self.folders = [f for f in self.folders if f != relative and not f.startswith(inside)]
        self.files = {f: s for f, s in self.files.items() if not f.startswith(inside)}

    def finish(self) -> None:
        """Delete the old files the build did not write, then the old folders left empty."""
        self._restore()
        for relative, stamp in self.files.items():
            path = self.site / relative
            try:
                info = path.lstat()
            except FileNotFoundError:
                continue
            if (info.st_ino, info.st_ctime_ns) == stamp:
                _remove(path)
        for relative in reversed(self.folders):  # children first
            with contextlib.suppress(OSError):  # not empty: the build wrote into it
                (self.site / relative).rmdir()
        self.files, self.folders = {}, []


_WRITE_FILE = mkdocs.utils.write_file


def write_over(content: bytes, output_path: str) -> None:
    """MkDocs' ``write_file``, but an existing file is written over and then cut to length
    instead of being emptied first: ext4 (``auto_da_alloc``) starts writing a file emptied and
    written again to disk when it is closed, which costs a build of 2,000 pages about a second.
    The file holds the same bytes either way."""
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    try:
        descriptor = os.open(output_path, os.O_WRONLY)
    except FileNotFoundError:
        _WRITE_FILE(content, output_path)
        return
    with open(descriptor, "wb") as handle:
        handle.write(content)
        handle.truncate()


def _remove(path: str | Path) -> None:
    """Delete a file, link or folder as MkDocs' clean-up does (errors in folders ignored)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
