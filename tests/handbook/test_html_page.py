"""Headings written without Markdown are the headings Python-Markdown writes.

Each case is rendered both ways — by ``markdown`` with the ``toc`` and ``attr_list``
extensions, and by :class:`~hirebook.handbook.html_page.HeadingStyle` — and the HTML, the
table of contents and the title must agree.
"""

import markdown
import pytest
from markdown.extensions.toc import TocExtension

from hirebook.handbook.html_page import Heading, HeadingStyle

EXTENSIONS = ["toc", "attr_list", "md_in_html"]

PAGES = {
    "plain": ["# Acme Co&#46;", "## Profile", "## Notes", "### Profile"],
    "duplicates": ["# Board", "## Overdue", "## Overdue", "## Overdue_1", "## Overdue"],
    "chinese": ["# 客戶", "## 聯絡人", "## 需求", "## Requirements &#40;3&#41;"],
    "attributes": [
        "# Clients",
        "## Strategic {#tier-strategic}",
        "## Pipeline {: .hb-no-print }",
        "## Key {#tier-key .wide}",
        "## Strategic",
    ],
    "inline": ["# Team", "## `req-2026-001` **open**", "### [Backend (req-1)](req-1.md)"],
    "no title": ["## Only a second level", "# Then a first"],
}


def by_markdown(blocks: list[str], **toc: object) -> tuple[str, list, markdown.Markdown]:
    md = markdown.Markdown(extensions=[TocExtension(**toc), "attr_list", "md_in_html"])
    html = md.convert("\n\n".join(blocks))
    return html, md.toc_tokens, md


def ours(blocks: list[str], **toc: object):
    style = HeadingStyle.of(EXTENSIONS, {"toc": toc})
    assert style is not None
    parts = [Heading.parse(block) for block in blocks]
    assert all(parts), blocks
    return style.build(parts, block=str, url_of=lambda target: target)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("toc", [{"permalink": True}, {}, {"permalink": "#", "toc_depth": 2}])
def test_headings_match_markdown(name, toc):
    blocks = PAGES[name]
    expected_html, expected_tokens, _ = by_markdown(blocks, **toc)
    built = ours(blocks, **toc)
    assert built.html == expected_html
    assert _names(built.toc_tokens) == _names(expected_tokens)
    ids = [token["id"] for token in _flat(expected_tokens)]
    assert set(ids) <= built.anchors


def test_the_title_is_a_leading_first_level_heading():
    assert ours(PAGES["plain"]).title == "Acme Co&#46;"  # entities kept, as MkDocs keeps them
    assert ours(PAGES["no title"]).title is None


def test_ids_as_markdown_makes_them():
    built = ours(PAGES["duplicates"])
    assert [t["id"] for t in _flat(built.toc_tokens)] == [
        "board",
        "overdue",
        "overdue_1",
        "overdue_2",  # "Overdue_1" slugs to a taken id: the next free counter
        "overdue_3",
    ]
    chinese = ours(PAGES["chinese"])
    assert [t["id"] for t in _flat(chinese.toc_tokens)] == ["_1", "_2", "_3", "requirements-3"]


@pytest.mark.parametrize(
    "block",
    [
        "####### seven",
        "## trailing hashes ##",
        "## key=value {: data-x=1 }",
        "#no space",
        "## two\nlines",
    ],
)
def test_what_it_does_not_model_stays_markdown(block):
    assert Heading.parse(block) is None


@pytest.mark.parametrize(
    ("extensions", "toc"),
    [
        (["toc", "attr_list"], {}),  # no md_in_html
        (["toc", "md_in_html"], {}),  # no attr_list
        (EXTENSIONS, {"anchorlink": True}),
        (EXTENSIONS, {"baselevel": 2}),
        (EXTENSIONS, {"toc_depth": "2-3"}),
    ],
)
def test_a_toc_set_up_otherwise_leaves_pages_to_markdown(extensions, toc):
    assert HeadingStyle.of(extensions, {"toc": toc}) is None


def test_full_extension_names_count():
    names = ["markdown.extensions.toc", "markdown.extensions.attr_list", "md_in_html"]
    assert HeadingStyle.of(names, {}) is not None


def _flat(tokens):
    for token in tokens:
        yield token
        yield from _flat(token["children"])


def _names(tokens):
    return [(t["level"], t["id"], t["name"], _names(t["children"])) for t in tokens]


def test_the_anchors_are_every_id_on_the_page_blocks_too():
    style = HeadingStyle.of(EXTENSIONS, {"toc": {"permalink": True}})
    blocks = {
        0: '<table><tr id="row-1"><td data-id="x">1</td></tr></table>',
        1: '<table><tr><td>no ids here, only an href="#profile"</td></tr></table>',
    }
    parts = [Heading(1, "Acme"), 0, Heading(2, "Profile"), 1, '<p class="hb-x" id="raw">r</p>']
    built = style.build(parts, block=blocks.__getitem__, url_of=lambda target: target)
    # What the pattern finds in the whole page's HTML (data-id too: it starts at a word boundary).
    assert built.anchors == {"acme", "profile", "row-1", "x", "raw"}
