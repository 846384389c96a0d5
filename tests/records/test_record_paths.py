"""The listing of a records folder: every file that may be a record, as os.walk would find it."""

import os
from pathlib import Path

from hirebook.records.repository import IGNORED_NAMES, record_files, record_paths


def walked(folder: Path) -> list[str]:
    """The reference: os.walk, hidden folders pruned, hidden and ignored names left out."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        below = Path(top).relative_to(folder).as_posix()
        for name in files:
            if name not in IGNORED_NAMES and not name.startswith("."):
                found.append(name if below == "." else f"{below}/{name}")
    return sorted(found)


def test_the_listing_is_what_os_walk_finds(tmp_path):
    records = tmp_path / "records"
    for path in [
        "policy.yaml",
        "team/wang-li.yaml",
        "clients/acme/client.yaml",
        "clients/acme/applications/app-1.yaml",
        "clients/acme/.swp.yaml",
        "clients/acme/README.md",
        "clients/.hidden/client.yaml",
        ".git/config",
        "candidates/.gitkeep",
        "candidates/cand-1.yaml",
    ]:
        (records / path).parent.mkdir(parents=True, exist_ok=True)
        (records / path).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "client.yaml").write_text("id: y\n", encoding="utf-8")
    (records / "clients" / "linked").symlink_to(tmp_path / "outside")  # not followed
    (records / "clients" / "acme" / "alias.yaml").symlink_to(records / "policy.yaml")
    (records / "clients" / "acme" / "broken.yaml").symlink_to(records / "missing.yaml")
    listing = record_paths(records)
    assert listing == walked(records)
    assert listing == [
        "candidates/cand-1.yaml",
        "clients/acme/alias.yaml",
        "clients/acme/applications/app-1.yaml",
        "clients/acme/broken.yaml",
        "clients/acme/client.yaml",
        "policy.yaml",
        "team/wang-li.yaml",
    ]
    assert record_files(records) == [str(records / path) for path in listing]


def test_the_demo_listing_is_what_os_walk_finds():
    demo = Path(__file__).resolve().parents[2] / "records"
    assert record_paths(demo) == walked(demo)
    assert len(record_paths(demo)) > 800
