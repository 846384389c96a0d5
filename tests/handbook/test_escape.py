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


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_inline_text_displays_as_typed(value):
    # The browser shows the text exactly as typed, whitespace runs and bidi controls aside.
    shown = html.unescape(escape.text(value))
    assert shown == " ".join(value.translate(dict.fromkeys(map(ord, BIDI))).split())


def test_terminal_escapes_and_bidi_controls_never_reach_a_page():
    assert escape.text("a\x1b[31mb\u202ec\x9bd\x07") == "a&#91;31mbcd"
    assert escape.html_text("x\u202ey\u2066z\x1b\u200f\x85") == "xyz"
    assert escape.lines("one\x1b\ntwo\u202e") == "one<br>two"
    assert escape.front_matter(title="\u202eevil\x1b") == '---\ntitle: "evil"\n---\n\n'
    assert richtext.render("**b**\u202e\x1b[2J") == (
        '<div class="hb-text">\n<p><strong>b</strong>[2J</p>\n</div>'
    )


def test_hostile_client_name_reaches_no_page_raw(agency):
    from hirebook.handbook.site import generate, instant

    text = (agency.records / "clients/acme/client.yaml").read_text()
    name = r"ACME\e[2J\x9b\a\u202eevil\u2066 Co"  # YAML escapes: ESC, CSI, BEL, RLO, LRI
    agency.write("clients/acme/client.yaml", text.replace("ACME Technology Co., Ltd.", f'"{name}"'))
    repo = agency.load()
    pages = generate(repo, instant(repo, "2026-11-20T17:00:00+08:00"), "en", None).pages
    unsafe = set("\x1b\x9b\x07" + BIDI)
    assert any("ACME&#91;2Jevil Co" in page.markdown for page in pages.values())
    for path, page in pages.items():
        assert not set(page.markdown) & unsafe, path


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
