"""Search entries made in a worker process are the ones the build's own process makes, in the
same order: the whole demo handbook, and a handful of pages of every kind."""

import json
import multiprocessing
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from hirebook import parallel
from hirebook.handbook.deferred import Deferred
from hirebook.handbook.html_page import Heading, HeadingStyle
from hirebook.handbook.search_sections import SearchShortcut
from hirebook.handbook.search_worker import Background, segmenting

from .handbook_site import PROJECT, build_site

STYLE = HeadingStyle.of(["attr_list", "md_in_html", "toc"], {"toc": {"permalink": True}})
WORKER_LOG = "pages indexed for search in a worker process"


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_the_demo_index_is_the_same_from_a_worker(language, tmp_path):
    builds = {}
    for jobs in (1, 2):  # two processes read the records: one more indexes the pages
        folder = tmp_path / f"jobs-{jobs}"
        folder.mkdir()
        builds[jobs] = build_site(
            folder, PROJECT / "records", language, plugin_options={"jobs": jobs}
        )
        assert builds[jobs].ok, builds[jobs].log
    assert WORKER_LOG in builds[2].log
    assert WORKER_LOG not in builds[1].log
    here, there = (b.text("search/search_index.json") for b in (builds[1], builds[2]))
    assert there == here
    assert len(json.loads(there)["docs"]) > 300


def search_index() -> SearchIndex:
    return SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=[], fields={})


def page(uri: str, content: str = "", meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=uri),
        meta=meta or {},
        title=uri.removesuffix(".md").title(),
        url=uri.replace(".md", "/"),
        toc=[],
        content=content,
    )


def index_pages(in_background: bool, early: bool = False, forked_first: bool = False) -> list[dict]:
    index = search_index()
    background = None
    if in_background:  # as the plugin does: forked before the blocks exist
        background = Background.fork(index)
    if forked_first:  # and jieba loaded ahead, as when a records worker is done
        background.load_segmenter()
    deferred = Deferred(headings=STYLE)
    for words in ("acme 竹林生物科技 offer", "li na accepted", ""):
        deferred.keep(f"<p>{words}</p>")
    plugins = {"material/search": SimpleNamespace(search_index=index)}
    shortcut = SearchShortcut.install(plugins, deferred.search_texts, early, background)
    assert (shortcut.background is not None) == in_background
    built = [
        [Heading(1, "Acme"), 0, Heading(2, "Pipeline"), 1],
        [Heading(1, "Empty"), 2],
        # The parser would hold back the text at the end: indexed from the page's HTML.
        [Heading(1, "Held <b class='x'>back</b> &amp")],
        [Heading(1, "Excluded"), 0],
    ]
    pages = [
        page("hand-written.md", "<h1 id='hand'>Hand</h1><p>by <code>hand</code></p>"),
        *[page(f"built-{n}.md") for n in range(len(built))],
        page("chinese.md", "<h1 id='zh'>中文</h1><p>有限公司 招聘需求</p>"),
    ]
    pages[4].meta = {"search": {"exclude": True}}
    for number, parts in enumerate(built):
        marker = deferred.add_page(parts)
        result = deferred.page(marker, lambda target: target, final=True)
        current = pages[number + 1]
        current.content = result.html
        shortcut.expect(current, result.pieces)
    for current in pages:
        index.add_entry_from_context(current)  # the search plugin's on_page_context
        shortcut.restore(current)  # then the hirebook plugin's
    shortcut.finish()
    return index.entries


def test_a_worker_gives_each_kind_of_page_the_same_entries_in_order(monkeypatch):
    # Other tests of this session may have left a thread behind (a local web server), which
    # makes the plugin stay in one process; this test forks regardless.
    monkeypatch.setattr(parallel, "fork_context", lambda: multiprocessing.get_context("fork"))
    here, there = index_pages(False), index_pages(True)
    assert there == here
    # Built pages sent as soon as they are built: their entries still go in the plugin's order.
    assert index_pages(True, early=True) == here
    assert index_pages(True, early=True, forked_first=True) == here
    zwsp = "\u200b"
    assert here == [
        {"location": "hand-written/", "title": "Hand", "text": "<p>by <code>hand</code></p>"},
        {
            "location": "built-0/",
            "title": "Acme",
            "text": f"<p>acme {zwsp}竹林{zwsp}生物科技{zwsp} offer</p>",
        },
        {"location": "built-0/#pipeline", "title": "Pipeline", "text": "<p>li na accepted</p>"},
        {"location": "built-1/", "title": "Empty", "text": ""},
        # Read from its HTML (the permalink left out, "&amp" ends the title as "&").
        {"location": "built-2/", "title": "Held back &amp;", "text": ""},
        # built-3 is excluded from search by its metadata.
        {
            "location": "chinese/",
            "title": "中文",
            "text": f"<p>{zwsp}有限公司{zwsp} {zwsp}招聘{zwsp}需求{zwsp}</p>",
        },
    ]


def test_jieba_is_called_for_by_any_text_but_ascii():
    assert segmenting(["<p>acme &#38; co</p>", "<td>2026-11-20</td>"]) is False
    assert segmenting(["<p>acme</p>", "<p>竹林</p>"]) is True
    assert segmenting(Deferred(headings=STYLE).search_texts) is False  # no blocks at all
