"""What ``hirebook lint --changed-since REF`` reads and reports, without reading everything.

A pull request touches a few records. Lint reports on those records plus every record that
refers to one of them (a changed requirement can make an unchanged application wrong), and
reads only what these checks need: the policy, the team, and the folders of the clients
involved. Since a record's id is its file name, every other reference is resolved by the
file's existence alone. On a 100,000-record agency this is a few hundred files instead of all.
"""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hirebook.records import files
from hirebook.records.layout import place_of
from hirebook.records.repository import is_listed, record_files


class ChangedSinceError(Exception):
    """Git could not say what changed (not a repository, unknown ref)."""


@dataclass(frozen=True)
class Scope:
    """Paths below ``records/``: which to report on, and which to read."""

    report: frozenset[str]
    read: frozenset[str]


def changed_files(root: Path, ref: str) -> set[str]:
    """Files changed since ``ref`` — committed, staged, unstaged or new — relative to ``root``."""
    commit = _commit(root, ref)
    # -z: each name as it is, ended by NUL. Without it Git quotes a name with a tab, a quote or
    # a character beyond ASCII ("tab\\tname.yaml"), which then names no file and is not linted.
    changed = _git(root, ["diff", "-z", "--name-only", "--relative", commit, "--"], ref)
    changed |= _git(root, ["ls-files", "-z", "--others", "--exclude-standard"], ref)
    return changed


def _commit(root: Path, ref: str) -> str:
    """The commit ``ref`` names, as Git's hexadecimal id.

    The ref comes from the command line: Git must never read it as an option
    (``--output=FILE`` would truncate FILE). It is refused if it starts with ``-``, and Git
    is told where its options end (``--end-of-options``, Git 2.30 or later for ``rev-parse``);
    only the id it answers is passed on.
    """
    if not ref or ref.startswith("-"):
        raise ChangedSinceError(
            f"--changed-since {ref!r}: a Git ref (a branch, tag or commit) cannot be empty or "
            "start with `-`"
        )
    found = _git(
        root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], ref
    )
    if len(found) != 1:
        raise ChangedSinceError(f"--changed-since {ref}: git knows no commit of that name")
    return found.pop()


def _git(root: Path, args: list[str], ref: str) -> set[str]:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            encoding="utf-8",
            errors="surrogateescape",  # a name that is not UTF-8, as os.listdir gives it
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ChangedSinceError(f"cannot run git: {err}") from None
    if result.returncode != 0:
        raise ChangedSinceError(
            f"--changed-since {ref}: git says: {result.stderr.strip() or 'unknown revision'}"
        )
    if "-z" in args:
        return {name for name in result.stdout.split("\0") if name}
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


def scope(records_dir: Path, records_prefix: str, changed: set[str]) -> Scope | None:
    """The files to report on and to read; None when everything must be read (policy change).

    Only the folders that can matter are listed: the folders of the clients involved, the team,
    and — for a changed candidate or team member — the folders that can name them.
    """
    below_changed = {
        rel[len(records_prefix) :]
        for rel in changed
        if rel.startswith(records_prefix) and is_listed(rel[len(records_prefix) :])
    }
    if "policy.yaml" in below_changed:
        return None
    listing = _Listing(records_dir)
    existing = {path for path in below_changed if present(records_dir / path)}
    referrers = _referrers(records_dir, listing, below_changed)
    report = existing | referrers
    clients = {path.split("/")[1] for path in report if path.startswith("clients/")}
    read = {"policy.yaml", *listing.under("team/")}
    for client in clients:
        read.update(listing.under(f"clients/{client}/"))
    return Scope(report=frozenset(report), read=frozenset(read | report))


def present(path: Path) -> bool:
    """Whether ``path`` is there and is not a folder: a link or a FIFO counts (reading it
    reports it), where ``is_file`` would follow the link or pass over the FIFO."""
    try:
        return not stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


class _Listing:
    """Record files below ``records/`` (as ``/`` paths), listed folder by folder on demand."""

    def __init__(self, records_dir: Path) -> None:
        self.records_dir = records_dir
        self._cache: dict[str, list[str]] = {}

    def under(self, prefix: str) -> list[str]:
        if prefix not in self._cache:
            folder = self.records_dir / prefix
            base = str(self.records_dir) + "/"
            found = record_files(folder) if folder.is_dir() else []
            self._cache[prefix] = [path[len(base) :].replace("\\", "/") for path in found]
        return self._cache[prefix]

    def applications(self) -> list[str]:
        clients = self.records_dir / "clients"
        names = sorted(os.listdir(clients)) if clients.is_dir() else []
        return [p for name in names for p in self.under(f"clients/{name}/applications/")]


def _referrers(records_dir: Path, listing: _Listing, changed: set[str]) -> set[str]:
    """Files that mention the id of a changed record where a reference to it can stand."""
    found: set[str] = set()
    for path in changed:
        place = place_of(path)
        if place is None or not place.expected_id:
            continue
        if place.kind == "client":
            found |= set(listing.under(f"clients/{place.client}/"))
            found |= _mentioning(records_dir, listing.under("cases/"), place.expected_id)
        elif place.kind in ("requirement", "plan"):
            folder = listing.under(f"clients/{place.client}/")
            found |= _mentioning(records_dir, folder, place.expected_id)
        elif place.kind == "candidate":
            found |= _mentioning(records_dir, listing.applications(), place.expected_id)
        elif place.kind == "person":
            others = listing.under("clients/") + listing.under("cases/")
            found |= _mentioning(records_dir, others, place.expected_id)
    return found


def _mentioning(records_dir: Path, paths: list[str], record_id: str) -> set[str]:
    """A plain byte search: a false match only means one more file is checked (a file that
    must not be read, such as a link, is checked too: reading it reports why)."""
    needle = record_id.encode("utf-8", "surrogateescape")  # a file name's bytes, as written
    found = set()
    for path in paths:
        raw = files.read_or_none(os.path.join(records_dir, path))
        if raw is None or needle in raw:
            found.add(path)
    return found
