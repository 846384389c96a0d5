"""The SLA board on a phone, measured in Chromium on the demo handbook (as of 2026-11-20 17:00).

Before this layout the board at 390 x 844 was 17,867 px tall and its last overdue clock ended
16,902 px down (6,665 and 6,093 px at 1280 x 800): each person's on-track clocks came between
one person's overdue clocks and the next's. Now each person's overdue and at-risk clocks are
listed in full and their on-track clocks are folded in one closed ``<details>``
(hirebook.handbook.pages.sla_board). These tests check that:

- every overdue and at-risk clock is shown, outside any fold, and every on-track clock is in a
  closed fold, whose summary counts its rows — in English and in Chinese;
- the last clock to act on ends within 10 screens at 390 px and 5 at 1280 px;
- a fold opens with a tap and no script, and the people's links lead to their sections;
- with its folds open it has no serious axe-core violation, light or dark;
- find-in-page finds a folded clock: ``window.find`` sees the text of closed folds, and a
  text fragment (which Chromium resolves as its find-in-page does) opens the fold holding it.

Each step waits for the state it needs, never for a fixed time.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest

from .handbook_records import MARKER
from .handbook_site import BROWSER_TIMEOUT_MS, serve
from .test_a11y_browser import SCHEME_APPLIED, SCHEMES, axe, blocking
from .test_browser import browse
from .test_build import with_everything
from .test_fit_browser import OPEN_FOLDS, TABLES_WRAPPED

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
# The demo's story (README): 13 overdue clocks and 10 at risk as of its instant.
OVERDUE, AT_RISK = 13, 10
# Worked out from the demo's records. Zhao Lei owns three open improvement actions:
# fb-2026-002's action-1 (Pinecone Games), due 2026-10-30 and not done: overdue; the follow-ups
# of tp-2026-1113-brightpath-call (due 2026-11-25) and tp-2026-1105-tidewater-visit (the second,
# due 2026-11-27): a due-date goal is at risk only with less than a day left, so on track,
# next due at the end of 2026-11-25.
ZHAO_LEI = "owner_zhao-lei"
ZHAO_LEI_NOW = ["fb-2026-002#action-1"]
ZHAO_LEI_FOLDED = [
    "tp-2026-1113-brightpath-call#follow-up-1",
    "tp-2026-1105-tidewater-visit#follow-up-2",
]
ZHAO_LEI_SUMMARY = {
    "en": "On track: 2, the next due 2026-11-25 23:59",
    "zh-Hant": "正常 2 項，最早於 2026-11-25 23:59 到期",
}
# Five people own on-track clocks: the four active account managers (each active client has a
# tier review and a regular meeting running) and Zhao Lei. The clocks of no single owner are
# candidates' retention clocks, whose on-track ones are counted in one line, not folded.
FOLDS = 5
SCREENS = {390: 10, 1280: 5}  # the last clock to act on ends within this many screens

# Every clock row: its state, its item, whether it is in a fold and whether that is open,
# whether it is rendered, and where its bottom is on the page.
ROWS = """() => [...document.querySelectorAll("article tr")]
    .filter(row => row.querySelector(".hb-state"))
    .map(row => ({
        state: row.querySelector(".hb-state").classList[1],
        item: row.querySelector("td:nth-child(3) code").textContent,
        folded: row.closest("details") !== null,
        open: row.closest("details")?.open ?? null,
        shown: row.checkVisibility(),
        bottom: row.getBoundingClientRect().bottom + window.scrollY,
    }))"""
FOLDS_JS = """() => [...document.querySelectorAll("article details")].map(fold => ({
    open: fold.open,
    summary: fold.querySelector("summary").textContent.trim(),
    rows: fold.querySelectorAll("tr .hb-state").length,
}))"""
# One person's section: the items of its rows outside a fold, in a fold, and its fold's summary.
SECTION = """id => {
    const found = {now: [], folded: [], summary: null};
    const heading = document.getElementById(id);
    for (let el = heading.nextElementSibling; el && el.tagName !== "H2";
         el = el.nextElementSibling) {
        for (const code of el.querySelectorAll("tr td:nth-child(3) code"))
            (code.closest("details") ? found.folded : found.now).push(code.textContent);
        if (el.matches("details")) found.summary = el.querySelector("summary").textContent.trim();
    }
    return found;
}"""
FOLD_OF = """id => {
    for (let el = document.getElementById(id).nextElementSibling; el && el.tagName !== "H2";
         el = el.nextElementSibling)
        if (el.matches("details")) return el.open;
    return null;
}"""
HEIGHT = "() => document.documentElement.scrollHeight"
# Find-in-page from the top of the page (window.find goes on from the last match otherwise).
FIND = "text => { getSelection().removeAllRanges(); return window.find(text, false, false, true); }"
TOP_IN_VIEW = """id => {
    const top = document.getElementById(id).getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight;
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "width"), [("en", 390), ("zh-Hant", 390), ("en", 1280)], ids=str
)
def test_what_needs_doing_is_in_full_and_on_track_is_folded(chromium, demo_in, language, width):
    viewport = PHONE if width == 390 else WIDE
    with browse(chromium, demo_in(language).site) as (page, base, foreign, _):
        page.set_viewport_size(viewport)
        page.goto(base + "sla/", wait_until="load")
        rows = page.evaluate(ROWS)
        folds = page.evaluate(FOLDS_JS)
        zhao_lei = page.evaluate(SECTION, ZHAO_LEI)
        folded_height = page.evaluate(HEIGHT)
        page.evaluate(OPEN_FOLDS)
        opened_height = page.evaluate(HEIGHT)
    now = [row for row in rows if row["state"] in ("hb-overdue", "hb-at-risk")]
    later = [row for row in rows if row["state"] == "hb-on-track"]
    assert len([row for row in now if row["state"] == "hb-overdue"]) == OVERDUE
    assert len([row for row in now if row["state"] == "hb-at-risk"]) == AT_RISK
    assert all(row["shown"] and not row["folded"] for row in now), now
    # Every on-track clock is on the page, in a closed fold, not rendered until opened.
    assert later and all(row["folded"] and row["open"] is False for row in later)
    assert not any(row["shown"] for row in later)
    assert len(folds) == FOLDS and not any(fold["open"] for fold in folds)
    assert sum(fold["rows"] for fold in folds) == len(later)
    for fold in folds:  # each summary counts its own rows (the first number it says)
        assert re.search(r"\d+", fold["summary"]).group() == str(fold["rows"]), fold
    assert zhao_lei == {
        "now": ZHAO_LEI_NOW,
        "folded": ZHAO_LEI_FOLDED,
        "summary": ZHAO_LEI_SUMMARY[language],
    }
    last = max(row["bottom"] for row in now)
    assert last < SCREENS[width] * viewport["height"], last
    assert folded_height < opened_height * 0.6, (folded_height, opened_height)
    assert foreign == []


@pytest.mark.browser
def test_a_fold_opens_with_a_tap_and_no_script(chromium, demo_site):
    with serve(demo_site.site) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True)
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        try:
            plain = context.new_page()
            plain.goto(base + "sla/", wait_until="load")
            # The list of people above the board leads to their sections.
            plain.locator("article ul a[href='#owner_zhao-lei']").tap()
            plain.wait_for_url("**/sla/#owner_zhao-lei")
            assert plain.evaluate(TOP_IN_VIEW, ZHAO_LEI)
            section = plain.locator(f"h2#{ZHAO_LEI} ~ details").first
            folded = section.locator("tr", has=plain.locator(".hb-on-track"))
            assert folded.count() == len(ZHAO_LEI_FOLDED)
            assert not folded.first.is_visible()
            section.locator("summary").tap()
            for index, item in enumerate(ZHAO_LEI_FOLDED):
                row = folded.nth(index)
                row.wait_for(state="visible")
                assert item in row.inner_text().replace("\u200b", "")
        finally:
            context.close()


@pytest.mark.browser
def test_find_in_page_finds_what_is_folded(chromium, demo_site):
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.set_viewport_size(PHONE)
        page.goto(base + "sla/", wait_until="load")
        items = [row["item"] for row in page.evaluate(ROWS) if row["folded"]]
        assert len(items) > 40 and set(ZHAO_LEI_FOLDED) <= set(items)
        # window.find searches the page's text as find-in-page does, closed folds included.
        unfound = [item for item in items if not page.evaluate(FIND, item)]
        assert unfound == []
        assert page.evaluate(FOLD_OF, ZHAO_LEI) is False
        # A text fragment finds it as find-in-page does, and opens the fold that holds it.
        fragment = quote(ZHAO_LEI_FOLDED[0], safe="").replace("-", "%2D")
        page.goto(base + f"sla/#:~:text={fragment}", wait_until="load")
        page.wait_for_function(FOLD_OF, arg=ZHAO_LEI)
        assert page.evaluate("() => document.querySelectorAll('article details[open]').length") == 1
    assert foreign == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_board_on_a_phone_is_accessible_with_its_folds_open(chromium, demo_site, scheme):
    checker = axe()
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme=scheme)
        page.goto(base + "sla/", wait_until="load")
        page.wait_for_function(SCHEME_APPLIED, arg=SCHEMES[scheme])
        page.wait_for_function(TABLES_WRAPPED)
        page.locator("article details summary").first.focus()  # the summary takes the keyboard
        assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
        page.evaluate(OPEN_FOLDS)
        results = checker.run(page, options={"resultTypes": ["violations"]}).response
    assert blocking(results) == []
    assert foreign == []


def test_the_list_of_people_links_their_sections_and_adds_up(agency, build):
    """On an agency with hostile text everywhere: every link of the list of people leads to a
    section of the page, a name is text (never a tag), and the counts add up to the page's."""
    built = build(with_everything(agency).records)
    assert built.ok, built.log
    board = built.text("sla/index.html")
    people = re.findall(r'<li><a href="#([^"]+)">([^<]*)</a>: ([^<]*)', board)
    sections = set(re.findall(r'<h2 id="([^"]+)"', board))
    assert people and {target for target, _, _ in people} == sections
    # evil-person manages the client evil (active, tier reviewed 2026-06-01): their clocks.
    evil = [name for target, name, _ in people if target == "owner_evil-person"]
    assert [html.unescape(name) for name in evil] == [
        f"Eve <img src=x onerror=alert('person')> {MARKER}"
    ]
    counts = [[int(n) for n in re.findall(r"\d+", text)] for _, _, text in people]
    summary = re.search(r"</strong> · ([^<]*)</p>", board).group(1)
    assert [sum(column) for column in zip(*counts, strict=True)] == [
        int(n) for n in re.findall(r"\d+", summary)
    ]
