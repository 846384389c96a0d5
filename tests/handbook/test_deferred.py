"""Tables, lists and definitions rendered without Markdown look exactly as Markdown makes them."""

import posixpath
import re
from itertools import product

import markdown

from hirebook.handbook import blocks, deferred, escape, paths

EXTENSIONS = ["tables", "def_list", "attr_list", "md_in_html"]


def via_markdown(text: str) -> str:
    return squeeze(markdown.Markdown(extensions=EXTENSIONS).convert(text))


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def deferred_html(build) -> str:
    """What ``build()`` gives while a Deferred collects: the one block it registered."""
    collector = deferred.Deferred()
    with deferred.collecting(collector):
        marker = build()
    assert deferred.MARKER.fullmatch(marker)
    # Markdown cannot label a cell with its column (data-label, for narrow screens).
    return LABEL.sub("", collector.tables[0]).replace('href="hb-md:', 'href="')


LABEL = re.compile(r' data-label="[^"]*"')


CELLS = [
    [blocks.link(escape.text("Acme <Tech> & [Co]"), "../acme/index.md"), "`req-2026-001`", 3],
    ["**Total**", escape.text("50% | done"), None],
    [f"{escape.text('a')}<br>{escape.text('b')}", blocks.code("x y"), 0],
]


def test_a_table_is_the_html_markdown_makes():
    headers = ["Client", "Requirement", "Open"]
    expected = via_markdown(blocks.table(headers, CELLS, numeric=[2]))
    assert deferred_html(lambda: blocks.table(headers, CELLS, numeric=[2])) == expected


def test_short_rows_are_padded_like_markdown():
    expected = via_markdown(blocks.table(["a", "b", "c"], [["1"], ["1", "2", "3"]]))
    assert deferred_html(lambda: blocks.table(["a", "b", "c"], [["1"], ["1", "2", "3"]])) == (
        expected
    )


def test_definitions_and_lists_are_the_html_markdown_makes():
    pairs = [("Owner", blocks.link("Wang", "../team/wang-li.md")), ("Tier", "`key`"), ("X", "")]
    assert deferred_html(lambda: blocks.definitions(pairs)) == via_markdown(
        blocks.definitions(pairs)
    )
    items = [escape.text("one, two"), "**bold** and `code`"]
    assert deferred_html(lambda: blocks.bullet_list(items)) == via_markdown(
        blocks.bullet_list(items)
    )


def test_markers_become_search_text_then_the_block_with_resolved_links():
    collector = deferred.Deferred()
    with deferred.collecting(collector):
        marker = blocks.table(["Client"], [[blocks.link("Acme &#38; Co", "acme/index.md")]])
    page = f"<h2>Clients</h2>\n{marker}\n"
    searched = collector.for_search(page)
    assert '<p class="hb-search-text" hidden data-block="0">Client Acme &#38; Co</p>' in searched
    final = collector.for_reader(searched, lambda target: target.replace("index.md", ""))
    assert '<a href="acme/">Acme &#38; Co</a>' in final
    assert "hb-search-text" not in final


def test_without_a_collector_blocks_stay_markdown():
    assert blocks.table(["a"], [["1"]]) == "| a |\n| --- |\n| 1 |"


def test_relative_links_agree_with_posixpath():
    pages = [
        "index.md",
        "sla.md",
        "clients/index.md",
        "clients/acme/index.md",
        "clients/acme/requirements/req-1.md",
        "clients/acmex/index.md",
        "team/wang-li.md",
        "en/policy.md",
    ]
    for source, target in product(pages, pages):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert paths.link(source, target) == expected


def test_search_text_keeps_each_word_once():
    assert deferred.plain_text("<td>王麗</td><td>王麗</td><td>met &amp; done</td>") == (
        "王麗 met &amp; done"
    )


def test_search_text_keeps_escaped_record_text_escaped():
    # Record text reaches a cell with its punctuation as entities; the search plugin decodes
    # them, and nothing in the text can open a tag.
    cell = "<td>ACME &#40;Beijing&#41; &#60;script&#62;</td>"
    assert deferred.plain_text(cell + cell) == "ACME &#40;Beijing&#41; &#60;script&#62;"
