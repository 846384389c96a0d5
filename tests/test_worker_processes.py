"""Worker processes: forked from a single-threaded process, spawned from a threaded one."""

import threading
from datetime import date, datetime, timedelta, timezone

from hirebook import parallel, pipeline
from hirebook.demo import DEMO_RECORDS

DEMO = DEMO_RECORDS


def test_jobs_auto_is_one_process_for_a_small_agency_and_every_core_for_a_large_one():
    assert parallel.jobs_for(0, 867) == 1
    assert parallel.jobs_for(0, 50_000) == parallel.available_cores()
    assert parallel.jobs_for(3, 10) == 3


def check_in_two(records):
    at = datetime(2026, 11, 20, 17, tzinfo=timezone(timedelta(hours=8)))
    request = pipeline.Request(
        records, records.parent, date(2026, 11, 20), pipeline.listing_of(records), clocks_at=at
    )
    return pipeline.run(request, 2)


def test_workers_are_spawned_while_another_thread_runs_and_answer_the_same():
    forked = check_in_two(DEMO)
    if threading.active_count() == 1:  # earlier tests (the browser's) may leave threads behind
        assert parallel._context().get_start_method() == "fork"
    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)  # like mkdocs serve's server
    server.start()
    try:
        assert parallel._context().get_start_method() == "spawn"
        spawned = check_in_two(DEMO)
    finally:
        stop.set()
        server.join()
    assert spawned.lint == forked.lint
    assert spawned.findings == forked.findings
    assert len(forked.findings) > 0  # the demo's clocks: a comparison of something


def _tick_and_tell(count: int) -> tuple[int, int]:
    """A job that reads ``count`` files (it ticks as a load does) and says which process ran."""
    import os

    for _ in range(count):
        parallel.tick()
    return os.getpid(), count


def test_two_phases_share_their_workers_and_count_their_files_together():
    """The candidates' phase and the others' run in the same worker processes (what a worker
    built in the first is there in the second), and the progress count goes on across both:
    it never goes back, and ends at every file of both phases."""
    told: list[int] = []
    with parallel.Workers(2, told.append) as workers:
        first = workers.map(_tick_and_tell, [3, 4])
        second = workers.map(_tick_and_tell, [5, 6])
    assert [count for _, count in first + second] == [3, 4, 5, 6]
    assert len({pid for pid, _ in first + second}) <= 2
    assert told == sorted(told)
    assert told[-1] == 3 + 4 + 5 + 6
