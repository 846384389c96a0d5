"""Where each kind of record lives under ``records/`` (``records.md``, "Layout").

The layout is the one place that knows folder names: everything else asks it which kind a
file is, and where the file for an id would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

KINDS = (
    "policy",
    "person",
    "candidate",
    "client",
    "requirement",
    "plan",
    "application",
    "touchpoint",
    "feedback",
    "case",
)

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


def place_of(relative: PurePosixPath) -> Placement | None:
    """The kind of the record at ``relative`` (a path below ``records/``), or None."""
    parts = relative.parts
    stem = relative.stem
    if parts == ("policy.yaml",):
        return Placement("policy", None)
    if len(parts) == 2 and relative.suffix == ".yaml":
        top = {"team": "person", "candidates": "candidate"}.get(parts[0])
        if top:
            return Placement(top, stem)
    if len(parts) == 2 and parts[0] == "cases" and relative.suffix == ".md":
        return Placement("case", stem)
    if len(parts) == 3 and parts[0] == "clients" and parts[2] == "client.yaml":
        return Placement("client", parts[1], parts[1])
    if len(parts) == 4 and parts[0] == "clients" and relative.suffix == ".yaml":
        kind = CLIENT_FOLDERS.get(parts[2])
        if kind:
            return Placement(kind, stem, parts[1])
    return None


def is_candidate_file(relative: PurePosixPath) -> bool:
    """True for files whose content is personal data and must never be published."""
    return bool(relative.parts) and relative.parts[0] == "candidates"


def path_for(kind: str, record_id: str, client: str | None = None) -> PurePosixPath:
    """The path below ``records/`` where a record of ``kind`` with ``record_id`` lives."""
    if kind == "policy":
        return PurePosixPath("policy.yaml")
    if kind == "person":
        return PurePosixPath("team", f"{record_id}.yaml")
    if kind == "candidate":
        return PurePosixPath("candidates", f"{record_id}.yaml")
    if kind == "case":
        return PurePosixPath("cases", f"{record_id}.md")
    if kind == "client":
        return PurePosixPath("clients", record_id, "client.yaml")
    if client is None:
        raise ValueError(f"a {kind} belongs to a client; give its client id")
    return PurePosixPath("clients", client, FOLDER_OF_KIND[kind], f"{record_id}.yaml")
