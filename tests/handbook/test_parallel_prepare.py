"""The handbook read in several processes is the handbook read in one."""

import shutil
from pathlib import Path

import pytest

from hirebook.handbook.deferred import Deferred
from hirebook.handbook.site import HandbookError, prepare

DEMO = Path(__file__).resolve().parents[2] / "records"
AS_OF = "2026-11-20T17:00:00+08:00"


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_pages_are_the_same_in_one_or_several_processes(language):
    root = DEMO.parent
    one = prepare(DEMO, root, AS_OF, language, jobs=1)
    two = prepare(DEMO, root, AS_OF, language, jobs=2)
    assert len(one.pages) > 60
    assert {path: page.markdown for path, page in two.pages.items()} == {
        path: page.markdown for path, page in one.pages.items()
    }
    assert [page.source for page in two.pages.values()] == [
        page.source for page in one.pages.values()
    ]
    assert two.fragments == one.fragments
    assert two.as_of == one.as_of


def test_deferred_blocks_are_the_same_too():
    root = DEMO.parent
    one = prepare(DEMO, root, AS_OF, jobs=1, deferred=Deferred())
    two = prepare(DEMO, root, AS_OF, jobs=3, deferred=Deferred())
    assert two.deferred.tables == one.deferred.tables
    assert two.deferred.search_texts == one.deferred.search_texts


def test_personal_data_is_refused_the_same_way(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(DEMO, records)
    touchpoint = sorted((records / "clients").glob("*/touchpoints/*.yaml"))[0]
    text = touchpoint.read_text(encoding="utf-8")
    touchpoint.write_text(
        text.replace("summary: ", "summary: write to li.na@example.com ", 1), encoding="utf-8"
    )
    messages = []
    for jobs in (1, 2):
        with pytest.raises(HandbookError) as refused:
            prepare(records, tmp_path, AS_OF, jobs=jobs)
        messages.append(str(refused.value))
    assert "HB501" in messages[0]
    assert messages[1] == messages[0]
