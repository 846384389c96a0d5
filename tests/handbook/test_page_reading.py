"""Pages written by two processes while MkDocs reads them: each page is written once, by the
build or by the helper, and the build gets the helper's pages, log and failures."""

import logging
import multiprocessing
import time
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hirebook import parallel
from hirebook.handbook.page_reading import PageReading

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="pages are shared only where workers fork",
)


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    """Fork here even if an earlier test left a thread behind."""
    monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))


def stand_ins(count: int):
    """A hand-written page and ``count`` generated ones, whose Markdown has front matter."""
    hand_written = SimpleNamespace(src_uri="index.md", generated_by=None, content_string="# Hi")
    generated = [
        SimpleNamespace(
            src_uri=f"p{n}.md",
            generated_by="hirebook",
            content_string=f"---\nn: {n}\n---\n\nP{n}\n",
        )
        for n in range(count)
    ]
    files = SimpleNamespace(documentation_pages=lambda inclusion: [hand_written, *generated])
    return hand_written, generated, files


def write(file, markdown: str):
    """The page as the plugin writes it: here, which process wrote what."""
    if file.src_uri == "p7.md":
        logging.getLogger("mkdocs.plugins.hirebook").warning("p7.md links to nowhere.md")
    if file.src_uri == "p8.md":
        raise PluginError("the page broke")
    return f"{markdown} by {multiprocessing.current_process().name}"


def helper_took_one(reading: PageReading) -> None:
    deadline = time.monotonic() + 30
    while reading.ends.taken_by_back == 0:
        assert time.monotonic() < deadline, "the helper took no page"
        time.sleep(0.001)


def read_all(reading: PageReading, files) -> dict[str, str]:
    """What MkDocs' reading loop gets for every page, in order."""
    pages = [SimpleNamespace(file=file) for file in files.documentation_pages(None)]
    return {
        page.file.src_uri: reading.written(page, lambda page=page: f"P? by {page.file.src_uri}")
        for page in pages
    }


@pytest.mark.parametrize("count", [2, 7, 300])
def test_every_page_is_written_once_here_or_by_the_helper(count):
    hand_written, generated, files = stand_ins(count)
    reading = PageReading.start(files, write)
    helper_took_one(reading)
    got = read_all(reading, files)
    reading.finish()
    assert got["index.md"] == "P? by index.md"  # hand-written: always here
    helpers = [name for name, text in got.items() if text.startswith("P") and "hirebook" in text]
    here = [name for name, text in got.items() if text.startswith("P?")]
    assert len(helpers) + len(here) == count + 1
    assert helpers, "the helper wrote no page"
    # The helper took pages from the end; the Markdown it read has no front matter.
    first = min(int(name[1:-3]) for name in helpers)
    assert helpers == [f"p{n}.md" for n in range(first, count)]
    assert all(got[name] == f"P{name[1:-3]} by hirebook-reading" for name in helpers)


def test_a_page_the_helper_cannot_write_fails_the_build():
    _, _, files = stand_ins(9)
    reading = PageReading.start(files, write)
    helper_took_one(reading)  # p8, which fails: the helper stops there
    with pytest.raises(PluginError) as failed:
        read_all(reading, files)
    assert str(failed.value) == "Error building page 'p8.md': the page broke"


def test_the_helpers_warning_is_logged_by_the_build(caplog):
    _, _, files = stand_ins(8)
    reading = PageReading.start(files, write)
    helper_took_one(reading)  # p7, which warns
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        got = read_all(reading, files)
    assert got["p7.md"] == "P7 by hirebook-reading"
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.plugins.hirebook", "p7.md links to nowhere.md")
    ]


def test_a_helper_that_dies_fails_the_build():
    def die(file, markdown):
        import os

        os._exit(3)

    _, _, files = stand_ins(5)
    reading = PageReading.start(files, die)
    helper_took_one(reading)
    with pytest.raises(PluginError, match="exit code 3"):
        read_all(reading, files)


def test_a_helper_whose_pages_were_not_needed_is_still_waited_for():
    _, generated, files = stand_ins(3)
    reading = PageReading.start(files, write)
    reading.finish()
    assert not reading.helper.is_alive()
    assert set(reading.received) <= {file.src_uri for file in generated}
