"""Split an agency's record files into independent parts, for work on several cores.

A record's problems and clocks depend on the policy, the team, the folder of its own client and,
beyond that, only on whether other records *exist* (an id is its file name, so a
reference elsewhere is resolved by the file's existence). ``lint --changed-since`` relies on the
same fact. So a part is a set of whole client folders (or a slice of the candidates, or the
cases): each process reads its part plus the policy and the team, and reports only on its part.

Candidates' personal fields are the one thing every other part needs from outside (the
personal-data rules look for them in every record), so several processes work in two phases
(:func:`split_in_phases`): the candidates first, then everything else, handed their fields.

Parts are balanced by file count, biggest units first, each to the part with the fewest files
so far — a deterministic split, so a run is repeatable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

POLICY = "policy.yaml"
CANDIDATE_SLICE = 1000
"""Candidates are independent of each other: they are handed out in slices of this many."""


@dataclass
class Part:
    """Paths below ``records/`` (with ``/``): what one process reads and reports on."""

    read: list[str] = field(default_factory=list)
    report: list[str] = field(default_factory=list)


def is_shared(path: str) -> bool:
    """The policy and the team are needed by every part to check any record."""
    return path == POLICY or path.startswith("team/")


def unit_of(path: str, index: int) -> str:
    """The unit a file travels with: its client's folder, a slice of candidates, or its folder."""
    if path.startswith("clients/"):
        return "/".join(path.split("/", 2)[:2])
    if path.startswith("candidates/"):
        return f"candidates#{index // CANDIDATE_SLICE}"
    folder, slash, _ = path.rpartition("/")
    return folder if slash else "."


def split(paths: list[str], parts: int) -> list[Part]:
    """``paths`` (below ``records/``, sorted) in at most ``parts`` parts.

    The shared files are read by every part and reported by the first, which also reports on a
    missing ``policy.yaml`` (so exactly one process says it is missing).
    """
    shared: list[str] = []
    units: dict[str, list[str]] = {}
    candidates = 0
    for path in paths:
        # unit_of, unrolled for the two folders that hold nearly every file (100,000 paths).
        if path.startswith("clients/"):
            end = path.find("/", 8)
            unit = path if end == -1 else path[:end]
        elif path.startswith("candidates/"):
            unit = f"candidates#{candidates // CANDIDATE_SLICE}"
            candidates += 1
        elif is_shared(path):
            shared.append(path)
            continue
        else:
            unit = unit_of(path, 0)
        files = units.get(unit)
        if files is None:
            units[unit] = [path]
        else:
            files.append(path)
    result = [Part() for _ in range(max(1, min(parts, len(units) or 1)))]
    for _, files in sorted(units.items(), key=lambda item: (-len(item[1]), item[0])):
        smallest = min(result, key=lambda part: len(part.report))
        smallest.report.extend(files)
    for number, part in enumerate(result):
        part.report.sort()
        part.read = sorted([*part.report, *shared])  # never in a unit: no path twice
        if number == 0:
            part.report = sorted({*part.report, *shared, POLICY})
    return result


def split_in_phases(paths: list[str], parts: int) -> tuple[list[Part], list[Part]]:
    """``paths`` in the parts of two phases: the candidates' files (each part reads the shared
    files too, but reports only its candidates), then every other file as :func:`split` splits
    them. The shared files are reported in the second phase, where the candidates' fields
    are known. The first phase is empty when there are no candidates."""
    candidates = [path for path in paths if path.startswith("candidates/")]
    others = [path for path in paths if not path.startswith("candidates/")]
    first = []
    if candidates:
        shared = [path for path in others if is_shared(path)]
        first = split(sorted([*candidates, *shared]), parts)
        for part in first:
            part.report = [path for path in part.report if path.startswith("candidates/")]
    return first, split(others, parts)
