"""Splitting the record files into parts for several processes (worked out by hand)."""

from hirebook.records.partition import CANDIDATE_SLICE, split, unit_of

FILES = sorted(
    [
        "policy.yaml",
        "team/wang-li.yaml",
        "team/zhou-min.yaml",
        "cases/2026-handover.md",
        *[f"clients/big/applications/app-{n}.yaml" for n in range(5)],  # 6 files with client.yaml
        "clients/big/client.yaml",
        *[f"clients/mid/touchpoints/tp-{n}.yaml" for n in range(3)],  # 4 files
        "clients/mid/client.yaml",
        *[f"clients/small/plans/plan-{n}.yaml" for n in range(2)],  # 3 files
        "clients/small/client.yaml",
        *[f"candidates/cand-{n:04}.yaml" for n in range(2)],  # one slice of 2
    ]
)


def test_a_file_travels_with_its_client_folder():
    assert unit_of("clients/acme/applications/app-1.yaml", 0) == "clients/acme"
    assert unit_of("clients/acme/client.yaml", 0) == "clients/acme"
    assert unit_of("cases/x.md", 0) == "cases"
    assert unit_of("candidates/cand-0001.yaml", CANDIDATE_SLICE - 1) == "candidates#0"
    assert unit_of("candidates/cand-2001.yaml", CANDIDATE_SLICE) == "candidates#1"
    assert unit_of("stray.yaml", 0) == "."


def test_two_parts_balance_by_file_count_biggest_first():
    first, second = split(FILES, 2)
    # Units by size: big 6, mid 4, small 3, candidates#0 2, cases 1; each goes to the part
    # with fewer files so far: big → 1 (6); mid → 2 (4); small → 2 (7); candidates → 1 (8);
    # cases → 2 (8).
    assert [p.split("/")[1] for p in first.report if p.startswith("clients/")] == ["big"] * 6
    folders = {p.split("/")[0] for p in first.report}
    assert folders == {"candidates", "clients", "policy.yaml", "team"}
    assert {p.split("/")[1] for p in second.report if p.startswith("clients/")} == {"mid", "small"}
    assert "cases/2026-handover.md" in second.report


def test_every_file_is_reported_by_exactly_one_part_and_the_shared_ones_read_by_all():
    parts = split(FILES, 3)
    reported = [path for part in parts for path in part.report]
    assert sorted(reported) == FILES
    for part in parts:
        assert {"policy.yaml", "team/wang-li.yaml", "team/zhou-min.yaml"} <= set(part.read)
        assert set(part.report) <= set(part.read) | {"policy.yaml"}


def test_a_missing_policy_is_still_reported_by_the_first_part():
    parts = split([p for p in FILES if p != "policy.yaml"], 2)
    assert "policy.yaml" in parts[0].report
    assert "policy.yaml" not in parts[0].read


def test_never_more_parts_than_units():
    assert len(split(["policy.yaml", "clients/a/client.yaml"], 8)) == 1
    assert len(split([], 4)) == 1


def test_units_stay_whole_and_follow_unit_of():
    files = sorted(
        [
            *FILES,
            "clients/loose.yaml",  # a stray file right under clients/: a unit of its own
            "stray.yaml",
            "notes/readme.txt",
            *[f"candidates/cand-{n:04}.yaml" for n in range(2, CANDIDATE_SLICE + 3)],
        ]
    )
    parts = split(files, 3)
    candidates = [path for path in files if path.startswith("candidates/")]
    expected = {
        path: unit_of(path, candidates.index(path) if path in candidates else 0)
        for path in files
        if not path.startswith("team/") and path != "policy.yaml"
    }
    owner = {}
    for number, part in enumerate(parts):
        for path in part.report:
            if path in expected:
                assert owner.setdefault(expected[path], number) == number, path
    assert {"candidates#0", "candidates#1", "clients/loose.yaml", ".", "notes"} <= set(owner)
    assert sorted(path for part in parts for path in part.report) == files


def test_in_phases_the_candidates_come_first_and_the_shared_files_are_reported_after():
    from hirebook.records.partition import split_in_phases

    first, second = split_in_phases(FILES, 2)
    # One slice of two candidates: one part in the first phase, reading the shared files
    # (the policy and two team members) but reporting only its candidates.
    assert len(first) == 1
    assert first[0].report == ["candidates/cand-0000.yaml", "candidates/cand-0001.yaml"]
    assert first[0].read == [
        "candidates/cand-0000.yaml",
        "candidates/cand-0001.yaml",
        "policy.yaml",
        "team/wang-li.yaml",
        "team/zhou-min.yaml",
    ]
    # The second phase is split() of the rest: big 6 → 1; mid 4 → 2; small 3 → 2 (7);
    # cases 1 → 1 (7); the first part reports the shared files.
    assert [
        len([p for p in part.report if p.startswith(("clients/", "cases/"))]) for part in second
    ] == [7, 7]
    assert {"policy.yaml", "team/wang-li.yaml", "team/zhou-min.yaml"} <= set(second[0].report)
    reported = sorted(p for part in [*first, *second] for p in part.report)
    assert reported == FILES


def test_in_phases_without_candidates_there_is_no_first_phase():
    from hirebook.records.partition import split_in_phases

    first, second = split_in_phases([p for p in FILES if not p.startswith("candidates/")], 2)
    assert first == []
    assert len(second) == 2
