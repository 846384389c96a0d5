"""The edited agency is the loaded one with one document read again: it must answer as a
reading of the folder would, or an event could pass (or fail) lint for the wrong reason."""

import shutil
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from hirebook.events import definitions
from hirebook.events.locate import read_around, read_client
from hirebook.events.recording import ChangedMeanwhile, NotClean, check_new, create, record
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


def test_the_part_around_a_record_answers_as_the_whole_agency_for_its_client(demo_records):
    whole = load(demo_records, demo_records.parent)
    part = read_around(demo_records, demo_records.parent, "application", "app-2026-0073")
    assert {d.rel.split("/")[2] for d in part.documents.values() if "/clients/" in d.rel} == {
        "northwind-cloud"
    }
    today = date(2026, 11, 20)
    mine = set(part.documents)
    assert lint(part, today).problems == [p for p in lint(whole, today).problems if p.file in mine]
    instant = datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert [f.as_dict() for f in evaluate_all(part, instant).findings] == [
        f.as_dict()
        for f in evaluate_all(whole, instant).findings
        if f.clock.client == "northwind-cloud" or f.clock.record in mine
    ]


def test_a_record_saved_meanwhile_is_not_overwritten(tmp_path, demo_records):
    records = tmp_path / "records"
    shutil.copytree(demo_records, records)
    path = records / "clients/northwind-cloud/applications/app-2026-0073.yaml"
    theirs = path.read_text(encoding="utf-8") + "recruiter: chen-jie\n"

    def someone_saves_then_withdraw(app):
        path.write_text(theirs, encoding="utf-8")  # between hirebook's reading and writing
        return definitions.withdraw(app, date(2026, 11, 20), None)

    repo = read_around(records, tmp_path, "application", "app-2026-0073")
    instant = datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with pytest.raises(ChangedMeanwhile, match="changed while the event was being recorded"):
        record(
            repo,
            "application",
            "app-2026-0073",
            someone_saves_then_withdraw,
            instant,
            date(2026, 11, 20),
        )
    assert path.read_text(encoding="utf-8") == theirs


NEW_TOUCHPOINT = """\
id: tp-2026-0001
type: progress_report
at: 2026-11-20T17:00:00+08:00
by: lin-xiaoyu
plan: {plan}
summary: Progress report sent.
"""


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Another client's plan: valid by its schema, refused by lint with the client's records.
        (NEW_TOUCHPOINT.format(plan="plan-2026-001"), (5, 7, "HB307")),
        # Not YAML: a tab where indentation is.
        (NEW_TOUCHPOINT.format(plan="plan-2026-009") + "follow_ups:\n\t- x\n", (8, 1, "HB105")),
        # Not the schema: a type the schema does not list.
        (NEW_TOUCHPOINT.format(plan="plan-2026-009").replace("progress_report", "fax"),
         (2, 7, "HB204")),
    ],
)  # fmt: skip
def test_a_new_record_that_would_not_lint_is_not_created(tmp_path, demo_records, text, where):
    records = tmp_path / "records"
    shutil.copytree(demo_records, records)
    part = read_client(records, tmp_path, "pinecone-games")
    relative = "clients/pinecone-games/touchpoints/tp-2026-0001.yaml"
    with pytest.raises(NotClean) as refused:
        check_new(part, relative, text, date(2026, 11, 20))
    found = [(p.line, p.column, p.code) for p in refused.value.result.errors]
    assert found[0] == where
    assert refused.value.result.errors[0].file == f"records/{relative}"
    assert not (records / relative).exists()


def test_a_new_record_that_lints_is_created_whole(tmp_path, demo_records):
    records = tmp_path / "records"
    shutil.copytree(demo_records, records)
    part = read_client(records, tmp_path, "pinecone-games")
    relative = "clients/pinecone-games/touchpoints/tp-2026-0001.yaml"
    text = NEW_TOUCHPOINT.format(plan="plan-2026-009")
    new = check_new(part, relative, text, date(2026, 11, 20))
    assert not (records / relative).exists()  # checking writes nothing
    create(new)
    assert (records / relative).read_bytes() == text.encode("utf-8")
    with pytest.raises(FileExistsError):
        create(new)  # never over a file
