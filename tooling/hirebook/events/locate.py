"""The record an event is about, found by its id alone (the client's folder is looked up).

An id is its file name, so the listing of the records folder says where the record is. What
its problems and clocks depend on is read (:func:`read_around`): the policy, the team and its
client's folder — the part of the agency :mod:`hirebook.records.partition` gives a process —
and every other record is known by its name, as the pipeline's parts know them. The file must
be a regular file: hirebook never writes through a symbolic link (the loader does not read one
either — what a record says must be in the repository, reviewed in a pull request).
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from hirebook.problem import Problem
from hirebook.records.document import Document
from hirebook.records.layout import place_of
from hirebook.records.partition import POLICY, is_shared
from hirebook.records.repository import Repository, load, record_paths

KIND_NAMES = {
    "application": "application",
    "requirement": "requirement",
    "plan": "plan",
    "touchpoint": "touchpoint",
    "feedback": "feedback record",
}


class NotFound(LookupError):
    """No record of the kind has that id; the message says what is there instead."""


class NotWritable(ValueError):
    """The record's file is not a regular file (a link, a FIFO…), or did not read."""


class Unreadable(NotWritable):
    """The record's file did not read as a record; ``problems`` say where and why."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Target:
    kind: str
    id: str
    path: Path
    """The file on disk."""
    document: Document


def read_around(records_dir: Path, root: Path, kind: str, record_id: str) -> Repository:
    """The policy, the team and the folder of the client that holds ``record_id`` read; every
    other file known by name (none read beyond the policy and the team when no client does)."""
    listing = record_paths(records_dir)
    clients = set()
    for path in listing:
        place = place_of(path)
        if place is not None and place.kind == kind and place.expected_id == record_id:
            clients.add(place.client)
    return _read_part(records_dir, root, listing, clients)


def read_client(records_dir: Path, root: Path, client_id: str) -> Repository:
    """The policy, the team and the folder of ``client_id`` read (where a new record of the
    client is checked); every other file known by name."""
    return _read_part(records_dir, root, record_paths(records_dir), {client_id})


def _read_part(records_dir: Path, root: Path, listing: list[str], clients: set) -> Repository:
    wanted = {path for path in listing if is_shared(path) or _client_of(path) in clients}
    wanted.add(POLICY)
    files = [os.path.join(records_dir, *path.split("/")) for path in sorted(wanted)]
    present = [file for file in files if os.path.lexists(file)]
    return load(records_dir, root, select=wanted.__contains__, files=present, listing=listing)


def _client_of(path: str) -> str | None:
    parts = path.split("/", 2)
    return parts[1] if parts[0] == "clients" and len(parts) > 2 else None


def find(repo: Repository, kind: str, record_id: str) -> Target:
    """The record of ``kind`` whose id (file name) is ``record_id``."""
    paths = repo.paths_of(kind, record_id)
    if not paths:
        raise NotFound(_not_found(repo, kind, record_id))
    if len(paths) > 1:
        raise NotWritable(
            f"{len(paths)} files are {KIND_NAMES[kind]} `{record_id}` ({', '.join(paths)}); "
            "one id is one record — rename all but one (hirebook lint: HB302)"
        )
    rel = paths[0]
    path = repo.root / rel
    refuse_unless_regular(path, rel)
    document = repo.documents.get(rel)
    if document is None:
        problems = [problem for problem in repo.problems if problem.file == rel]
        raise Unreadable(f"{rel} does not read as a record; fix it first (hirebook lint)", problems)
    return Target(kind, record_id, path, document)


def refuse_unless_regular(path: Path, rel: str) -> None:
    """Refuse a link, a folder, a FIFO or a device where the record's file should be."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as err:
        raise NotWritable(f"{rel} cannot be read: {err.strerror}") from None
    if stat.S_ISLNK(mode):
        raise NotWritable(
            f"{rel} is a symbolic link; hirebook never writes through a link — replace it "
            "with the file itself (copy the content, not a link)"
        )
    if not stat.S_ISREG(mode):
        raise NotWritable(f"{rel} is not a regular file; records are plain files")


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _not_found(repo: Repository, kind: str, record_id: str) -> str:
    what = KIND_NAMES[kind]
    for other in KIND_NAMES:
        if other != kind and repo.paths_of(other, record_id):
            return f"`{record_id}` is {_a(KIND_NAMES[other])}, not {_a(what)}"
    ids = sorted(_ids(repo, kind))
    close = difflib.get_close_matches(record_id, ids, n=1)
    if close:
        return f"no {what} `{record_id}` in the records; did you mean `{close[0]}`?"
    if not ids:
        return f"no {what} `{record_id}`: the records hold no {what} yet"
    return f"no {what} `{record_id}` in the records"


def _ids(repo: Repository, kind: str) -> set[str]:
    """Every id of ``kind``, read or only listed."""
    if repo.listing is None:
        return set(repo.file_ids[kind])
    places = (place_of(path) for path in repo.listing)
    return {p.expected_id for p in places if p is not None and p.kind == kind and p.expected_id}
