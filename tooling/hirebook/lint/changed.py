"""What ``hirebook lint --changed-since REF`` reads and reports, without reading everything.

A pull request touches a few records. Lint reports on those records plus every record that
refers to one of them (a changed requirement can make an unchanged application wrong), and
reads only what these checks need: the policy, the team, and the folders of the clients
involved. Since a record's id is its file name, every other reference is resolved by the
file's existence alone. On a 100,000-record agency this is a few hundred files instead of all.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from hirebook.records.layout import place_of
from hirebook.records.repository import record_files


class ChangedSinceError(Exception):
    """Git could not say what changed (not a repository, unknown ref)."""


@dataclass(frozen=True)
class Scope:
    """Paths below ``records/``: which to report on, and which to read."""

    report: frozenset[str]
    read: frozenset[str]


def changed_files(root: Path, ref: str) -> set[str]:
    """Files changed since ``ref`` — committed, staged, unstaged or new — relative to ``root``."""
    changed = _git(root, ["diff", "--name-only", "--relative", ref, "--"], ref)
    changed |= _git(root, ["ls-files", "--others", "--exclude-standard"], ref)
    return changed


def _git(root: Path, args: list[str], ref: str) -> set[str]:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ChangedSinceError(f"cannot run git: {err}") from None
    if result.returncode != 0:
        raise ChangedSinceError(
            f"--changed-since {ref}: git says: {result.stderr.strip() or 'unknown revision'}"
        )
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


def scope(
    records_dir: Path, records_prefix: str, changed: set[str], files: list[str] | None = None
) -> Scope | None:
    """The files to report on and to read; None when everything must be read (policy change).

    ``files`` is the listing of :func:`record_files`, when the caller has it already.
    """
    below_changed = {
        rel[len(records_prefix) :] for rel in changed if rel.startswith(records_prefix)
    }
    if "policy.yaml" in below_changed:
        return None
    base = str(records_dir) + "/"
    listing = [path[len(base) :] for path in (files or record_files(records_dir))]
    existing = set(listing)
    referrers = _referrers(records_dir, listing, below_changed)
    report = (below_changed & existing) | referrers
    clients = {path.split("/")[1] for path in report if path.startswith("clients/")}
    read = {
        path
        for path in listing
        if path == "policy.yaml"
        or path.startswith("team/")
        or (path.startswith("clients/") and path.split("/")[1] in clients)
    }
    return Scope(report=frozenset(report), read=frozenset(read | report))


def _referrers(records_dir: Path, listing: list[str], changed: set[str]) -> set[str]:
    """Files that mention the id of a changed record where a reference to it can stand."""
    found: set[str] = set()
    for path in changed:
        place = place_of(path)
        if place is None or not place.expected_id:
            continue
        if place.kind == "client":
            found |= {p for p in listing if p.startswith(f"clients/{place.client}/")}
            found |= _mentioning(records_dir, _under(listing, "cases/"), place.expected_id)
        elif place.kind in ("requirement", "plan"):
            folder = _under(listing, f"clients/{place.client}/")
            found |= _mentioning(records_dir, folder, place.expected_id)
        elif place.kind == "candidate":
            applications = [p for p in listing if "/applications/" in p]
            found |= _mentioning(records_dir, applications, place.expected_id)
        elif place.kind == "person":
            others = _under(listing, "clients/") + _under(listing, "cases/")
            found |= _mentioning(records_dir, others, place.expected_id)
    return found


def _under(listing: list[str], prefix: str) -> list[str]:
    return [path for path in listing if path.startswith(prefix)]


def _mentioning(records_dir: Path, paths: list[str], record_id: str) -> set[str]:
    """A plain byte search: a false match only means one more file is checked."""
    needle = record_id.encode("utf-8")
    found = set()
    for path in paths:
        try:
            if needle in (records_dir / path).read_bytes():
                found.add(path)
        except OSError:
            continue
    return found
