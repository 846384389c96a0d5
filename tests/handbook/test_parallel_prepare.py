"""The handbook read in several processes is the handbook read in one."""

import shutil
from pathlib import Path

import pytest

from hirebook.handbook.deferred import MARKER, PAGE_MARKER, Deferred
from hirebook.handbook.pages import client
from hirebook.handbook.site import HandbookError, Stages, prepare
from hirebook.partitioned import below
from hirebook.records.partition import split

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


def resolved(handbook) -> dict[str, str]:
    """Each page's Markdown with its markers replaced by what they stand for (the numbers of
    blocks and pages depend on which process kept them)."""
    deferred = handbook.deferred

    def block(number: int) -> str:
        return f"[{deferred.tables[number]} | {deferred.search_texts[number]}]"

    def page(match) -> str:
        parts = deferred.pages[int(match.group(1))]
        return repr([block(part) if isinstance(part, int) else part for part in parts])

    def text(markdown: str) -> str:
        markdown = PAGE_MARKER.sub(page, markdown)
        return MARKER.sub(lambda match: block(int(match.group(1))), markdown)

    return {path: text(page.markdown) for path, page in handbook.pages.items()}


@pytest.mark.parametrize("whole_pages", [False, True])
def test_deferred_blocks_are_the_same_too(whole_pages, monkeypatch):
    root = DEMO.parent
    one = prepare(DEMO, root, AS_OF, jobs=1, deferred=Deferred(whole_pages=whole_pages))
    written_here = []
    monkeypatch.setattr(client, "render", counted(client.render, written_here))
    seen = []
    stages = Stages(reading=seen.append, part_read=seen.append)
    two = prepare(
        DEMO, root, AS_OF, jobs=3, deferred=Deferred(whole_pages=whole_pages), stages=stages
    )
    assert resolved(two) == resolved(one)
    # The caller heard of the three processes before they read, then of each part's pages.
    assert seen[0] == 3
    assert len(seen) == 4
    assert all(part.deferred.tables for part in seen[1:])
    # Between them, the parts' pages are every client's and requirement's page.
    parts_pages = sorted(path for part in seen[1:] for path in part.pages)
    clients_and_requirements = [
        p for p in one.pages if p.startswith("clients/") and p.count("/") > 1
    ]
    assert parts_pages == sorted(clients_and_requirements)
    assert len(parts_pages) > 30


def counted(function, calls: list):
    def wrapper(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)

    return wrapper


def test_client_pages_are_written_here_when_a_reference_leaves_its_folder(tmp_path, monkeypatch):
    # An ignore comment lets feedback name another client's requirement: the client's page
    # then links to a page of a folder its worker did not read, so every page is written here.
    records = tmp_path / "records"
    shutil.copytree(DEMO, records)
    feedback = records / "clients" / "evergreen-health" / "feedback" / "fb-2025-001.yaml"
    # A requirement of a client that another of the three workers reads.
    parts = split(below(records), 3)
    ours = next(part for part in parts if "clients/evergreen-health/client.yaml" in part.read)
    other = next(
        part
        for part in parts
        if part is not ours and any("/requirements/" in path for path in part.read)
    )
    elsewhere = next(path for path in other.read if "/requirements/" in path)
    _, client_id, _, file_name = elsewhere.split("/")
    requirement_id = file_name.removesuffix(".yaml")
    text = feedback.read_text(encoding="utf-8")
    assert "\nrequirement: req-2024-008\n" in text
    feedback.write_text(
        text.replace(
            "\nrequirement: req-2024-008\n",
            f"\nrequirement: {requirement_id}  # hirebook: ignore HB305\n",
        ),
        encoding="utf-8",
    )
    one = prepare(records, tmp_path, AS_OF, jobs=1, deferred=Deferred(whole_pages=True))
    written_here = []
    monkeypatch.setattr(client, "render", counted(client.render, written_here))
    two = prepare(records, tmp_path, AS_OF, jobs=3, deferred=Deferred(whole_pages=True))
    assert resolved(two) == resolved(one)
    assert len(written_here) == len(list((records / "clients").iterdir()))
    evergreen = resolved(one)["clients/evergreen-health/index.md"]
    assert f"hb-md:../{client_id}/requirements/{requirement_id}.md" in evergreen


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


def test_a_bug_in_the_report_pages_process_is_raised_here(monkeypatch):
    import multiprocessing

    from hirebook import parallel
    from hirebook.handbook import reporting

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the report pages are written beside the others only where workers fork")
    monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))

    def broken(*args):
        raise ZeroDivisionError("no placements this year")

    monkeypatch.setattr(reporting, "compute", broken)
    failed = "(?s)report pages failed.*ZeroDivisionError: no placements"
    with pytest.raises(RuntimeError, match=failed):
        prepare(DEMO, DEMO.parent, AS_OF, jobs=2)


def test_the_report_pages_process_is_stopped_when_a_page_here_fails(monkeypatch):
    import multiprocessing

    from hirebook import parallel
    from hirebook.handbook import site

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the report pages are written beside the others only where workers fork")
    monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))

    def broken(ctx):
        raise LookupError("no such case")

    builders = tuple(broken if b.__name__ == "pages" and "cases" in b.__module__ else b
                     for b in site.PAGE_BUILDERS)  # fmt: skip
    monkeypatch.setattr(site, "PAGE_BUILDERS", builders)
    with pytest.raises(LookupError, match="no such case"):
        prepare(DEMO, DEMO.parent, AS_OF, jobs=2)
    assert not [p for p in multiprocessing.active_children() if p.name == "hirebook-reports"]
