"""The handbook read in several processes is the handbook read in one."""

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.deferred import MARKER, Deferred
from hirebook.handbook.site import HandbookError, prepare

DEMO = DEMO_RECORDS
AS_OF = "2026-11-20T17:00:00+08:00"


def resolved(handbook) -> dict[str, str]:
    """Each page's Markdown with its markers replaced by the blocks they stand for."""
    deferred = handbook.deferred

    def block(match) -> str:
        number = int(match.group(1))
        return f"[{deferred.tables[number]} | {deferred.search_texts[number]}]"

    return {path: MARKER.sub(block, page.markdown) for path, page in handbook.pages.items()}


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_pages_are_the_same_in_one_or_several_processes(language):
    root = DEMO.parent
    one = prepare(DEMO, root, AS_OF, language, jobs=1, deferred=Deferred())
    two = prepare(DEMO, root, AS_OF, language, jobs=2, deferred=Deferred())
    assert len(one.pages) > 60
    assert resolved(two) == resolved(one)
    assert [page.source for page in two.pages.values()] == [
        page.source for page in one.pages.values()
    ]
    assert two.fragments == one.fragments
    assert two.as_of == one.as_of


def test_personal_data_stops_the_build_in_several_processes_too(tmp_path):
    import shutil

    records = tmp_path / "records"
    shutil.copytree(DEMO, records)
    candidate = sorted((records / "candidates").glob("*.yaml"))[0]
    name = next(
        line.split(":", 1)[1].strip()
        for line in candidate.read_text(encoding="utf-8").splitlines()
        if line.startswith("name:")
    )
    touchpoint = sorted(records.glob("clients/*/touchpoints/*.yaml"))[-1]
    text = touchpoint.read_text(encoding="utf-8")
    touchpoint.write_text(text.replace("summary: ", f"summary: {name} ", 1), encoding="utf-8")
    for jobs in (1, 2):
        with pytest.raises(HandbookError) as refused:
            prepare(records, tmp_path, AS_OF, jobs=jobs)
        assert "HB503" in str(refused.value)
        assert name not in str(refused.value)
