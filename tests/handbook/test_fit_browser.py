"""Pages that fit (issue 21, item 2), measured in Chromium on the demo handbook.

- At 1280 px no table reaches past its column of text on the client, team, my-work, SLA board
  and policy pages (folded tables opened), in English and in Chinese.
- At 390 px our tables are stacks of rows: every cell inside the screen, under its column's name;
  nothing scrolls sideways.
- An id or a code that wraps does so after a hyphen, an underscore, a dot, a slash or a ``#``,
  never inside a word.
- Chart text is at least 11 px at 390 px.

Each measurement waits for the state it needs (the page loaded, Material's table wrappers in
place), never for a fixed time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hirebook.handbook import blocks, deferred, escape

from .test_browser import browse

WIDE, PHONE = 1280, 390
MIN_CHART_TEXT_PX = 11
LANGUAGES = ("en", "zh-Hant")
# site/<language>/policy.md, published at the part's root; its old address (en/policy/,
# zh-Hant/zh-Hant/policy/) is a page that sends the reader on, with no table to measure.
POLICY = ("policy",)

# Material wraps each table of the text in a scrolling box when its script starts.
TABLES_WRAPPED = """() => [...document.querySelectorAll("article table")]
    .every(table => table.closest(".md-typeset__scrollwrap"))"""
OPEN_FOLDS = "() => document.querySelectorAll('article details').forEach(d => { d.open = true; })"
# Tables that reach past the article's right edge, or whose box scrolls sideways.
OVERFLOWING = """() => [...document.querySelectorAll("article table")].map(table => {
    const article = table.closest("article").getBoundingClientRect();
    const box = table.closest(".md-typeset__scrollwrap");
    return {
        head: table.rows[0].innerText.replace(/\\s+/g, " ").slice(0, 80),
        past: Math.round(table.getBoundingClientRect().right - article.right),
        scrolls: box ? box.scrollWidth - box.clientWidth : 0,
    };
}).filter(table => table.past > 0 || table.scrolls > 0)"""
COUNT_TABLES = "() => document.querySelectorAll('article table').length"
# Each labelled table at phone width: how its cells are laid out and where they are.
STACKED = """() => [...document.querySelectorAll("article table")]
    .filter(table => table.querySelector("td[data-label]"))
    .map(table => {
        const first = table.querySelector("td[data-label]");
        const cells = [...table.querySelectorAll("td")].map(td => td.getBoundingClientRect());
        return {
            display: getComputedStyle(first).display,
            label: getComputedStyle(first, "::before").content,
            header: table.querySelector("th").textContent,
            left: Math.min(...cells.map(r => r.left)),
            right: Math.max(...cells.map(r => r.right)),
        };
    })"""
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
# Codes in tables that wrap: the text of each, and where a line starts after a character that
# is not a break point of ours (a break inside a word).
WRAPS = """() => {
    const wrapped = [], inside = [];
    const range = document.createRange();
    for (const code of document.querySelectorAll("article table code")) {
        if (code.getClientRects().length < 2) continue;
        wrapped.push(code.textContent);
        let top = null, last = "";
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getClientRects()[0];
                if (!box) continue;
                if (top !== null && box.top > top + 1 && !"-_./#".includes(last))
                    inside.push(code.textContent);
                top = box.top;
                last = node.data[i];
            }
        }
    }
    return [wrapped, inside];
}"""
# Every chart text's size on screen: its font size times the chart's scale.
CHART_TEXT_PX = """() => [...document.querySelectorAll("svg.hb-chart-svg")].flatMap(svg => {
    const scale = svg.getScreenCTM().a;
    return [...svg.querySelectorAll("text")]
        .map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
})"""


def pages(site: Path, *patterns: str) -> list[str]:
    """The pages of ``site`` whose folder matches one of ``patterns`` (``clients/*``)."""
    found = {
        index.parent.relative_to(site).as_posix() + "/"
        for pattern in patterns
        for index in site.glob(f"{pattern}/index.html")
    }
    return sorted(found)


def fit_pages(site: Path) -> list[str]:
    """The client, team, my-work, SLA board and policy pages of one language's site."""
    listed = pages(site, "clients/*", "team", "team/*", "team/*/work", "sla", *POLICY)
    assert any(page.endswith("policy/") for page in listed), "no policy page found"
    return listed


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(TABLES_WRAPPED)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_table_overflows_at_1280_px(chromium, demo_in, language):
    site = demo_in(language).site
    overflowing, tables = {}, 0
    with browse(chromium, site) as (page, base, foreign, _):
        page.set_viewport_size({"width": WIDE, "height": 900})
        for rel in fit_pages(site):
            load(page, base + rel)
            page.evaluate(OPEN_FOLDS)
            tables += page.evaluate(COUNT_TABLES)
            if found := page.evaluate(OVERFLOWING):
                overflowing[rel] = found
    assert overflowing == {}
    assert tables > 60  # the demo's client, team, board and policy tables were all measured
    assert foreign == []


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_are_stacked_rows_at_390_px(chromium, demo_in, language):
    site = demo_in(language).site
    stacked = 0
    with browse(chromium, site) as (page, base, _, _dialogs):
        page.set_viewport_size({"width": PHONE, "height": 800})
        for rel in pages(site, "sla", "clients/northwind-cloud", "team/wang-li", *POLICY):
            load(page, base + rel)
            page.evaluate(OPEN_FOLDS)
            scroll_width, viewport = page.evaluate(PAGE_WIDTH)
            assert scroll_width <= viewport, rel  # nothing scrolls sideways
            for table in page.evaluate(STACKED):
                assert table["display"] == "table", (rel, table)  # a one-row table per cell
                assert table["label"] == f'"{table["header"]}"', (rel, table)
                assert table["left"] >= 0 and table["right"] <= viewport, (rel, table)
                stacked += 1
    assert stacked > 10


@pytest.mark.browser
def test_ids_wrap_at_hyphens_never_inside_a_word(chromium, demo_site):
    site = demo_site.site
    wrapped, inside = [], []
    with browse(chromium, site) as (page, base, _, _dialogs):
        page.set_viewport_size({"width": PHONE, "height": 800})
        for rel in pages(site, "sla", "clients/northwind-cloud", *POLICY):
            load(page, base + rel)
            page.evaluate(OPEN_FOLDS)
            these, broken = page.evaluate(WRAPS)
            wrapped += these
            inside += broken
    assert inside == []
    # A follow-up's id (tp-2026-1119-northwind-intake#follow-up-1) is wider than a phone's column.
    assert any("#follow-up-" in text for text in wrapped), wrapped[:5]


@pytest.mark.browser
def test_chart_text_is_at_least_11_px_on_a_phone(chromium, demo_site):
    site = demo_site.site
    with_charts = [
        rel
        for rel in pages(site, "reports", "reports/*", "clients/*/requirements/*")
        if "hb-chart-svg" in (site / rel / "index.html").read_text(encoding="utf-8")
    ]
    assert "reports/" in with_charts
    sizes = []
    with browse(chromium, site) as (page, base, _, _dialogs):
        page.set_viewport_size({"width": PHONE, "height": 800})
        for rel in with_charts[:4]:
            page.goto(base + rel, wait_until="load")
            sizes += page.evaluate(CHART_TEXT_PX)
    assert len(sizes) > 20
    assert min(sizes) >= MIN_CHART_TEXT_PX - 0.01


def test_cells_name_their_column_and_ids_break_after_hyphens():
    collector = deferred.Deferred()
    with deferred.collecting(collector):
        blocks.table(
            ["Item", escape.text("Due (local)")], [[blocks.code("app-2026-0073#report-2"), "x"]]
        )
    assert collector.tables[0] == (
        "<table><thead><tr><th>Item</th><th>Due &#40;local&#41;</th></tr></thead><tbody><tr>"
        '<td data-label="Item"><code>app-<wbr>2026-<wbr>0073#<wbr>report-<wbr>2</code></td>'
        '<td data-label="Due &#40;local&#41;">x</td></tr></tbody></table>'
    )
    # Search reads the id whole: a <wbr> is no space.
    assert collector.search_texts[0] == "Item Due &#40;local&#41; app-2026-0073#report-2 x"
    assert blocks.code("strategic") == "`strategic`"
    assert blocks.code("a b") == "a b"
