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


def deferred_page(*parts: str) -> tuple[str, deferred.Deferred]:
    """A page body as generated while a Deferred collects, and the collector."""
    collector = deferred.Deferred()
    with deferred.collecting(collector):
        page = blocks.page({"title": "T"}, *[part() if callable(part) else part for part in parts])
    return page.split("---\n\n", 1)[1], collector


def test_the_tables_below_a_heading_are_named_by_its_attributes_not_by_markers():
    body, collector = deferred_page(
        "## Clients {: #clients }",
        lambda: blocks.table(["Client"], [["Acme"]]),
        "A line.",
        lambda: blocks.table(["Owner"], [["Acme"], ["Wang"]]),
        "## Notes",
        "Two.",
    )
    # Each heading's run (two tables and a paragraph; one paragraph) is one new block: 2, 3.
    assert body == (
        '## Clients {: #clients data-hirebook-after="2" }\n\n'
        '## Notes {: data-hirebook-after="3" }\n'
    )
    html = markdown.Markdown(extensions=["attr_list", "toc"]).convert(body)
    searched = collector.for_search(html)
    # The attribute is gone; each run's words follow its heading once each (Acme once).
    assert searched == (
        '<h2 id="clients">Clients</h2>\n'
        '<p class="hb-search-text" hidden data-block="2">Client Acme A line. Owner Wang</p>\n'
        '<h2 id="notes">Notes</h2>\n'
        '<p class="hb-search-text" hidden data-block="3">Two.</p>'
    )
    final = collector.for_reader(searched, lambda target: target)
    assert squeeze(final) == (
        '<h2 id="clients">Clients</h2><table><thead><tr><th>Client</th></tr></thead><tbody><tr>'
        '<td data-label="Client">Acme</td></tr></tbody></table><p>A line.</p><table><thead>'
        '<tr><th>Owner</th></tr></thead><tbody><tr><td data-label="Owner">Acme</td></tr><tr>'
        '<td data-label="Owner">Wang</td></tr></tbody></table>'
        '<h2 id="notes">Notes</h2><p>Two.</p>'
    )
    assert collector.tables[0] == collector.tables[1] == ""  # merged into block 2


def test_a_fold_without_headings_is_the_html_md_in_html_makes():
    fold = '<details class="hb-fold" markdown>\n<summary>3 closed</summary>'
    nav = '<nav class="hb-crumbs" aria-label="Where &amp; &#x27;here&#x27;" markdown>'
    parts = ("# Title", nav, "[Clients](../index.md) › Acme", "</nav>", fold, "Old.", "</details>")
    body, collector = deferred_page(*parts)
    assert body == '# Title {: data-hirebook-after="0" }\n'
    searched = collector.for_search(markdown.Markdown(extensions=EXTENSIONS).convert(body))
    ours = collector.for_reader(searched, lambda target: target)
    theirs = markdown.Markdown(extensions=EXTENSIONS).convert("\n\n".join(parts))
    assert (
        squeeze(ours)
        == squeeze(theirs)
        == (
            '<h1>Title</h1><nav aria-label="Where &amp; \'here\'" class="hb-crumbs">'
            '<p><a href="../index.md">Clients</a> › Acme</p></nav>'
            '<details class="hb-fold"><summary>3 closed</summary><p>Old.</p></details>'
        )
    )


def test_a_fold_with_a_heading_stays_markdown():
    fold = '<details class="hb-fold" markdown>\n<summary>3 closed</summary>'
    body, _ = deferred_page(fold, "### Plan", "Old.", "</details>")
    assert body == f'{fold}\n\n### Plan {{: data-hirebook-after="0" }}\n\n</details>\n'
