"""The edited agency is the loaded one with one document read again: it must answer as a
reading of the folder would, or an event could pass (or fail) lint for the wrong reason."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hirebook.lint.engine import lint
from hirebook.records.repository import assemble, load, record_paths
from hirebook.sla.engine import evaluate_all


def test_the_assembled_demo_lints_and_times_as_the_loaded_one(demo_records):
    loaded = load(demo_records, demo_records.parent)
    again = assemble(
        loaded.records_dir, loaded.root, loaded.documents.values(), record_paths(demo_records)
    )
    today = date(2026, 11, 20)
    assert lint(again, today) == lint(loaded, today)
    instant = datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert [f.as_dict() for f in evaluate_all(again, instant).findings] == [
        f.as_dict() for f in evaluate_all(loaded, instant).findings
    ]
