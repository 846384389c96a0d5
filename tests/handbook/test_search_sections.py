"""The search sections of a built page, from its pieces, are the ones Material's search plugin
makes of the page's HTML (``Parser().feed(...)``): same headings, ids, depths, titles and text.
"""

from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex

from hirebook.handbook.deferred import PAGE_MARKER, Deferred
from hirebook.handbook.html_page import Heading, HeadingStyle
from hirebook.handbook.search_sections import SearchShortcut, Unparsed, sections
from hirebook.handbook.site import prepare

DEMO = Path(__file__).resolve().parents[2] / "records"
AS_OF = "2026-11-20T17:00:00+08:00"
STYLE = HeadingStyle.of(["attr_list", "md_in_html", "toc"], {"toc": {"permalink": True}})


def unresolved(target: str) -> str:
    return target


def parsed(content: str) -> list:
    parser = Parser()
    parser.feed(content)
    parser.close()
    return parser.data


def described(found: list) -> list[tuple]:
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text, s.is_excluded()) for s in found]


@pytest.fixture(scope="module", params=["en", "zh-Hant"])
def demo(request):
    deferred = Deferred(headings=STYLE)
    return prepare(DEMO, DEMO.parent, AS_OF, request.param, jobs=1, deferred=deferred)


def test_every_built_page_of_the_demo_has_the_plugins_sections(demo):
    deferred = demo.deferred
    compared = headings = blocks = 0
    for path, page in demo.pages.items():
        marker = PAGE_MARKER.search(page.markdown)
        if marker is None:
            continue
        built = deferred.page(marker.group(0), unresolved)
        expected = parsed(deferred.for_search(built.html))
        assert described(sections(built.pieces, deferred.search_texts)) == described(expected), path
        compared += 1
        headings += sum(1 for s in expected if s.el.tag.startswith("h") and s.el.tag != "hx")
        blocks += sum("".join(s.text).count("<p>") for s in expected)
    assert compared > 60
    assert headings > 500
    assert blocks > 300


def page_of(*parts, texts=()) -> tuple:
    """A built page of ``parts`` (headings, block numbers, raw HTML) and the blocks' words."""
    deferred = Deferred(headings=STYLE)
    for words in texts:
        deferred.keep(f"<p>{words}</p>")
    built = STYLE.build(list(parts), deferred.marker, unresolved)
    return built, deferred


@pytest.mark.parametrize(
    "parts",
    [
        # A page that opens with a block, not a heading: a preface section without a title.
        [0, Heading(2, "Next"), 1],
        # Markup and entities inside headings, classes, explicit ids, a heading with no block.
        [
            Heading(1, "Acme &amp; Co &#39;s <code>req-1</code>"),
            Heading(2, 'See <a href="hb-md:x.md">the plan</a>', "plan", ("hb-x",)),
            0,
            Heading(3, "**not bold here**"),
            Heading(2, "空白 — 中文"),
            1,
            Heading(2, "Ends with &amp and <code>x</code> &amp"),
            Heading(2, "<span class='quoted'>Single</span> quotes &lt;tag&gt;"),
        ],
        # Our raw HTML blocks between the parts, and an empty block.
        [
            Heading(1, "Title"),
            '<div class="hb-signature">',
            2,
            "</div>",
            '<p class="hb-kind">Requirement <em>confirmation</em></p>',
            Heading(2, "Empty"),
            3,
        ],
    ],
)
def test_pieces_cover_what_pages_are_made_of(parts):
    built, deferred = page_of(*parts, texts=["a &lt;b&gt; c", "d", "e f", ""])
    expected = parsed(deferred.for_search(built.html))
    assert described(sections(built.pieces, deferred.search_texts)) == described(expected)


def test_a_fragment_the_parser_would_hold_back_is_refused():
    # Not our simple markup (single quotes), so the parser reads it, and keeps the "&amp"
    # at the end for the text it expects next.
    built, deferred = page_of(Heading(2, "A <b class='x'>b</b> &amp"), texts=[])
    with pytest.raises(Unparsed):
        sections(built.pieces, deferred.search_texts)


def search_index() -> SearchIndex:
    return SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=[], fields={})


def fake_page(uri: str, built, meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=uri),
        meta=meta or {},
        title="Page",
        url=uri.replace(".md", "/"),
        toc=[],
        content=built.html,
    )


def test_the_shortcut_indexes_announced_pages_and_leaves_the_others_to_the_plugin():
    built, deferred = page_of(Heading(1, "Acme"), 0, Heading(2, "Plans"), 1, texts=["x y", "z"])
    plain = search_index()
    plain.add_entry_from_context(
        fake_page("a.md", SimpleNamespace(html=deferred.for_search(built.html)))
    )
    index = search_index()
    shortcut = SearchShortcut.install(
        {"material/search": SimpleNamespace(search_index=index)}, deferred.search_texts
    )
    assert shortcut is not None
    final = deferred.page(
        deferred.add_page([Heading(1, "Acme"), 0, Heading(2, "Plans"), 1]), unresolved, final=True
    )
    page = fake_page("a.md", final)
    shortcut.expect(page, final.pieces)
    index.add_entry_from_context(page)
    assert index.entries == plain.entries
    assert [entry["text"] for entry in index.entries] == ["<p>x y</p>", "<p>z</p>"]
    # A page nobody announced (hand-written) is parsed by the plugin itself: its HTML counts.
    index.add_entry_from_context(
        fake_page("b.md", SimpleNamespace(html="<h1 id='b'>B</h1><p>text</p>"))
    )
    assert index.entries[-1] == {"location": "b/", "title": "B", "text": "<p>text</p>"}
    # A page excluded from search by its front matter stays out.
    excluded = fake_page("c.md", final, {"search": {"exclude": True}})
    shortcut.expect(excluded, final.pieces)
    index.add_entry_from_context(excluded)
    assert len(index.entries) == 3


def test_no_search_plugin_no_shortcut():
    assert SearchShortcut.install({}, []) is None
    assert SearchShortcut.install({"search": SimpleNamespace()}, []) is None


@pytest.mark.parametrize("alone", [True, False])
def test_a_page_without_search_attributes_is_spared_the_plugins_scan(alone):
    index = search_index()
    shortcut = SearchShortcut.install(
        {"material/search": SimpleNamespace(search_index=index)}, [], early=alone
    )
    plain = fake_page("a.md", SimpleNamespace(html="<h1 id='a'>A</h1><p>text</p>"))
    marked = fake_page(
        "b.md", SimpleNamespace(html='<h1 id="b">B</h1><p data-search-exclude>x</p>')
    )
    held = {}
    for page in (plain, marked):
        before = page.content
        index.add_entry_from_context(page)  # what the search plugin's on_page_context calls
        held[page.file.src_uri] = page.content == "" and before != ""
        shortcut.restore(page)  # the plugin's own on_page_context, after the search plugin's
        assert page.content == before
    # Held back only with no other plugin about, and only a page the scan has nothing to do on.
    assert held == {"a.md": alone, "b.md": False}
    assert [entry["location"] for entry in index.entries] == ["a/", "b/"]


NO_SPARING = (
    "from hirebook.handbook.search_sections import SearchShortcut\n"
    "SearchShortcut.hold_back = lambda self, page: None"
)


def test_the_demo_site_is_the_same_without_sparing_the_scan(tmp_path):
    from .handbook_site import with_and_without
    from .test_page_sharing import assert_same_site

    # Two processes read the records, so the helper building pages spares them too.
    assert_same_site(*with_and_without(tmp_path, NO_SPARING, plugin_options={"jobs": 2}))
