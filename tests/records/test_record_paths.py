"""The listing of a records folder: every file that may be a record, as os.walk would find it."""

import os
from pathlib import Path

from hirebook.records.repository import IGNORED_NAMES, record_files, record_paths


def walked(folder: Path) -> list[str]:
    """The reference: os.walk, ``.git`` folders pruned (other hidden folders are listed, so that
    a record in one is reported), hidden files and ignored names left out, links to folders
    listed as files (never followed: reading reports them)."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name != ".git"]
        below = Path(top).relative_to(folder).as_posix()
        links = [name for name in folders if os.path.islink(os.path.join(top, name))]
        for name in files + links:
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
        "clients/.hidden/client.yaml",
        "clients/acme/alias.yaml",
        "clients/acme/applications/app-1.yaml",
        "clients/acme/broken.yaml",
        "clients/acme/client.yaml",
        "clients/linked",
        "policy.yaml",
        "team/wang-li.yaml",
    ]
    assert record_files(records) == [str(records / path) for path in listing]


def test_the_demo_listing_is_what_os_walk_finds(demo_records):
    demo = demo_records
    assert record_paths(demo) == walked(demo)
    assert len(record_paths(demo)) > 800


def test_a_partial_load_with_the_listing_knows_what_exists_as_the_disk_says(demo_records):
    """Workers learn which records exist from the parent's listing, not by listing folders."""
    from hirebook.records.repository import load

    listing = record_paths(demo_records)
    part = {path for path in listing if path.startswith("clients/") and "/applications/" in path}
    files = [str(demo_records / path) for path in sorted(part)]
    with_listing = load(demo_records, select=part.__contains__, files=files, listing=listing)
    from_disk = load(demo_records, select=part.__contains__, files=files)
    asked = 0
    for path in listing:
        folders = path.split("/")
        if folders[0] != "clients" or len(folders) != 4:
            continue
        kind = {"requirements": "requirement", "plans": "plan", "touchpoints": "touchpoint",
                "applications": "application", "feedback": "feedback"}.get(folders[2])  # fmt: skip
        if kind is None:
            continue
        record_id = folders[3].removesuffix(".yaml")
        for repo in (with_listing, from_disk):
            assert repo.paths_of(kind, record_id) == [f"records/{path}"]
            assert repo.exists(kind, record_id, folders[1])
            assert not repo.exists(kind, record_id, "no-such-client")
        asked += 1
    assert asked > 100
    assert with_listing.exists("person", "wang-li") == from_disk.exists("person", "wang-li")
    assert not with_listing.exists("candidate", "cand-no-such")
    assert with_listing.problems == from_disk.problems


def test_record_bytes_are_read_whole(tmp_path):
    from hirebook.records.files import read_record

    for size in (0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 1024 * 1024):
        path = tmp_path / f"f{size}"
        content = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
        path.write_bytes(content)
        assert read_record(str(path)) == content, size
