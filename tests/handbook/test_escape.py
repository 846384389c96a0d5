"""Record text is inert on a page: escaping of inline text, titles and long Markdown text."""

import html
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirebook.handbook import escape, richtext

from .handbook_html import Elements, render_page
from .handbook_records import PAYLOADS


@given(st.text())
def test_inline_text_has_no_ascii_punctuation_left(value):
    out = escape.text(value)
    bare = out
    for char in string.punctuation:
        bare = bare.replace(f"&#{ord(char)};", "")
    assert not set(bare) & set(string.punctuation)
    assert "\n" not in out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_inline_text_displays_as_typed(value):
    # The browser shows the text exactly as typed, whitespace runs aside.
    shown = html.unescape(escape.text(value))
    assert shown == " ".join(value.split())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_a_paragraph_and_a_table_cell_stays_text(payload):
    page = render_page(
        f"# {escape.text(payload)}\n\n| a | b |\n|---|---|\n| {escape.text(payload)} | x |\n"
    )
    for live in ("<script", "<img", "<svg", "<iframe", "href=", "onerror=", "onload=", "onclick="):
        assert live not in page
    assert page.count("<td>") == 2  # the pipe in a payload did not add a column


def test_control_characters_cannot_forge_markdown_placeholders():
    assert "\x02" not in escape.text("\x02wzxhzdk:0\x03")
    assert "\x02" not in richtext.render("\x02wzxhzdk:0\x03")


def test_titles_are_html_escaped_in_front_matter():
    front = escape.front_matter(title="<img src=x onerror=alert(1)> & co\nnext")
    assert "<img" not in front
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co next" in front
    assert front.startswith("---\n") and front.endswith("---\n\n")


SAFE_TAGS = {"div", "p", "em", "strong", "ul", "ol", "li", "span", "code", "pre", "h4", "h5"}
SAFE_TAGS |= {"h6", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_has_no_raw_html_links_or_images(payload):
    fragment = richtext.render(f"Intro *emphasis*\n\n{payload}\n\n- item")
    for tag, attrs in Elements(fragment).tags:
        assert tag in SAFE_TAGS, fragment
        assert set(attrs) <= {"class", "align"}, fragment
    assert "<em>emphasis</em>" in fragment and "<li>item</li>" in fragment
    # Embedded in a page, the fragment passes through unchanged: one HTML block.
    assert fragment in render_page(f"Before\n\n{fragment}\n\nAfter")


def test_rich_text_keeps_link_targets_as_text_and_lowers_headings():
    fragment = richtext.render(
        "# Top\n\n[site](https://example.org) ![logo](https://x.example/a.png)"
    )
    assert "<h4>Top</h4>" in fragment
    assert "site (https://example.org)" in fragment
    assert "[logo]" in fragment


def test_empty_rich_text_is_empty():
    assert richtext.render(None) == ""
    assert richtext.render("   ") == ""
