"""Where each kind of record lives under ``records/`` (each schema's description
names it; the handbook's ``reference/records.md``).

The layout is the one place that knows folder names: everything else asks it which kind a
file is, and where the file for an id would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
"""An id, as the schemas' ``$defs/id`` pattern has it (use ``fullmatch``): lower-case
letters, digits and dashes, since an id is a file or folder name."""

# Folder below clients/<client-id>/ for each kind that belongs to a client.
CLIENT_FOLDERS = {
    "requirements": "requirement",
    "plans": "plan",
    "applications": "application",
    "touchpoints": "touchpoint",
    "feedback": "feedback",
}
FOLDER_OF_KIND = {kind: folder for folder, kind in CLIENT_FOLDERS.items()}


@dataclass(frozen=True)
class Placement:
    """What a file's place says about it: its kind, the id it must carry, its client."""

    kind: str
    expected_id: str | None
    client: str | None = None


_TOP_FOLDERS = {"team": "person", "candidates": "candidate"}


def place_of(relative: str | PurePosixPath) -> Placement | None:
    """The kind of the record at ``relative`` (a path below ``records/``, with ``/``), or None.

    Plain string work: it runs once per file, 100,000 times on a large agency.
    """
    parts = str(relative).split("/")
    name = parts[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return None
    if len(parts) == 1:
        return Placement("policy", None) if name == "policy.yaml" else None
    if len(parts) == 2:
        if suffix == "yaml" and parts[0] in _TOP_FOLDERS:
            return Placement(_TOP_FOLDERS[parts[0]], stem)
        if suffix == "md" and parts[0] == "cases":
            return Placement("case", stem)
        return None
    if parts[0] != "clients" or parts[1][:1] == ".":  # a hidden folder is no client's
        return None
    if len(parts) == 3 and name == "client.yaml":
        return Placement("client", parts[1], parts[1])
    if len(parts) == 4 and suffix == "yaml" and parts[2] in CLIENT_FOLDERS:
        return Placement(CLIENT_FOLDERS[parts[2]], stem, parts[1])
    return None


def path_for(kind: str, record_id: str, client: str | None = None) -> PurePosixPath:
    """The path below ``records/`` where a record of ``kind`` with ``record_id`` lives."""
    return PurePosixPath(file_for(kind, record_id, client))


def file_for(kind: str, record_id: str, client: str | None = None) -> str:
    """:func:`path_for` as a plain ``/`` string (what the loader's hot paths use)."""
    if kind == "policy":
        return "policy.yaml"
    if kind == "person":
        return f"team/{record_id}.yaml"
    if kind == "candidate":
        return f"candidates/{record_id}.yaml"
    if kind == "case":
        return f"cases/{record_id}.md"
    if kind == "client":
        return f"clients/{record_id}/client.yaml"
    if client is None:
        raise ValueError(f"a {kind} belongs to a client; give its client id")
    return f"clients/{client}/{FOLDER_OF_KIND[kind]}/{record_id}.yaml"
