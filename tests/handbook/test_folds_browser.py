"""On-track clocks folded on the client page and the my-work page, in Chromium on the demo
handbook (as of 2026-11-20 17:00), as the SLA board folds them (test_board_phone_browser.py).

Worked out by hand from the demo's records (the clocks of each are derived in the docstrings
of tests/handbook/test_client_page.py and tests/handbook/test_my_work.py):

- northwind-cloud has 11 open clocks, all Wang Li's: app-2026-0073 overdue, plan-2026-008's
  commitment-4 and req-2026-019 at risk — in full — and 8 on track, the first due Sat 11-21
  11:00 (app-2026-0062's candidate notice, 24 h after Friday's 11:00 interview) — folded.
- Wang Li's my-work page lists 7 clocks to act on this week (3 overdue, 3 at risk, the
  candidate notice due Saturday) and 3 follow-ups due later in full; her 6 other clocks, due
  later, are all on track and folded, the first due Mon 11-23 11:00 (app-2026-0062's
  interview result: 1 business day after Friday 11:00).

Before the folds, at 390 x 844 the client page was 15,356 px and its Requirements heading
started 2,936 px down (1,540 px of 8,505 at 1280 x 800); the my-work page was 4,671 px
(2,543 px at 1280). With them: 13,798 px, Requirements at 1,379 (929 of 7,894 at 1280);
my work 3,582 px (2,075). On a generated agency of 1,000 clients (benchmarks/generate.py
--records 20000 --clients 1000 --seed 7), red-lantern-consulting-hong-kong (16 clocks, 11 on
track) went from 12,327 to 10,326 px at 390, its Requirements from 3,815 to 1,814 px down;
luo-gang's my-work page from 46,380 to 22,625 px (20,000 to 10,109 at 1280).
These tests check that:

- what needs acting on is shown, outside any fold; every on-track clock is in one closed
  fold whose summary counts it and names the next due, in the three languages;
- the Requirements heading starts within 2 screens at both widths, and the my-work page is
  shorter than with its fold open by the fold's rows;
- a fold opens with a tap and no script;
- find-in-page finds a folded clock (``window.find``), and a text fragment opens its fold;
- with its folds open, each page has no serious axe-core violation, light or dark.

Each step waits for the state it needs, never for a fixed time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from .handbook_site import BROWSER_TIMEOUT_MS, serve
from .test_a11y_browser import SCHEME_APPLIED, SCHEMES, axe, blocking
from .test_board_phone_browser import FIND, FOLD_OF, HEIGHT, PHONE, ROWS, WIDE
from .test_browser import browse
from .test_client_page import CLOCKS_ON_TRACK, CLOCKS_TO_ACT_ON
from .test_fit_browser import OPEN_FOLDS, TABLES_WRAPPED

CLIENT = "clients/northwind-cloud/"
MY_WORK = "team/wang-li/work/"
# northwind-cloud's clocks, in the order of the page (the board's: overdue first, then by due).
CLIENT_NOW = [(f"hb-{state}", item) for state, item in CLOCKS_TO_ACT_ON]
CLIENT_FOLDED = CLOCKS_ON_TRACK
WORK_NOW = 7 + 3  # the clocks to act on this week and the follow-ups due later
WORK_FOLDED = [
    "app-2026-0062#interview-2",
    "plan-2026-008#report-13",
    "northwind-cloud#meeting-45",
    "plan-2026-008#milestone-4",
    "evergreen-health#tier-review",
    "northwind-cloud#tier-review",
]
SUMMARY = {
    "en": "On track: {count}, the next due {due}",
    "zh-Hant": "正常 {count} 項，最早於 {due} 到期",
    "zh-Hans": "正常 {count} 项，最早于 {due} 到期",
}
CLIENT_SUMMARY = {"count": 8, "due": "2026-11-21 11:00"}
WORK_SUMMARY = {"count": 6, "due": "2026-11-23 11:00"}
# The heading of the page whose section holds the fold: the client page's fixed anchor; my
# work's "Other clocks, due later" in each language.
WORK_LATER = {
    "en": "Other clocks, due later",
    "zh-Hant": "稍後到期的其他時限",
    "zh-Hans": "稍后到期的其他时限",
}
SCREENS = 2  # the client page's Requirements heading starts within this many screens

# The folds of the article: open or not, their summary and the items of their rows.
FOLDS = """() => [...document.querySelectorAll("article details")].map(fold => ({
    open: fold.open,
    summary: fold.querySelector("summary").textContent.trim(),
    items: [...fold.querySelectorAll("tr td:nth-child(3) code")].map(code => code.textContent),
}))"""
# The heading (h2) whose text starts with ``title``, as the id find-in-page tests go by.
HEADING_ID = """title => [...document.querySelectorAll("article h2")]
    .find(h => h.textContent.trim().startsWith(title)).id"""
TOP = "id => document.getElementById(id).getBoundingClientRect().top + window.scrollY"
LAYOUTS = pytest.mark.parametrize(
    ("language", "width"),
    [("en", 390), ("zh-Hant", 390), ("zh-Hans", 390), ("en", 1280)],
    ids=str,
)
"""The three languages on a phone, and English on a laptop."""


def summary(language: str, values: dict) -> str:
    return SUMMARY[language].format(**values)


@contextlib.contextmanager
def opened(chromium, demo_in, language: str, width: int, path: str) -> Iterator:
    """The demo's ``path`` in ``language`` at ``width`` (a phone's or a laptop's screen);
    yields the page and its viewport, and checks that nothing came from another host."""
    viewport = PHONE if width == 390 else WIDE
    with browse(chromium, demo_in(language).site) as (page, base, foreign, _):
        page.set_viewport_size(viewport)
        page.goto(base + path, wait_until="load")
        yield page, viewport
    assert foreign == []


def clocks_and_folds(page) -> tuple[list[dict], list[dict]]:
    """The page's clock rows (test_board_phone_browser's ROWS) and its folds, as loaded."""
    return page.evaluate(ROWS), page.evaluate(FOLDS)


@pytest.mark.browser
@LAYOUTS
def test_the_client_page_folds_its_on_track_clocks(chromium, demo_in, language, width):
    with opened(chromium, demo_in, language, width, CLIENT) as (page, viewport):
        rows, folds = clocks_and_folds(page)
        requirements = page.evaluate(TOP, "client_requirements")
        fold_open = page.evaluate(FOLD_OF, "open_clocks")
    now = [(row["state"], row["item"]) for row in rows if not row["folded"]]
    assert now == CLIENT_NOW
    assert all(row["shown"] for row in rows if not row["folded"])
    folded = [row for row in rows if row["folded"] and row["state"] == "hb-on-track"]
    assert [row["item"] for row in folded] == CLIENT_FOLDED
    assert not any(row["shown"] or row["open"] for row in folded)
    # The first fold of the page is the clocks'; the others hold what is finished (closed
    # requirements, plans and pipelines, older contact history), every one closed.
    assert fold_open is False and not any(fold["open"] for fold in folds)
    assert folds[0]["summary"] == summary(language, CLIENT_SUMMARY)
    assert folds[0]["items"] == CLIENT_FOLDED
    assert requirements < SCREENS * viewport["height"], requirements


@pytest.mark.browser
@LAYOUTS
def test_my_work_folds_its_other_clocks(chromium, demo_in, language, width):
    with opened(chromium, demo_in, language, width, MY_WORK) as (page, _):
        rows, folds = clocks_and_folds(page)
        later = page.evaluate(HEADING_ID, WORK_LATER[language])
        fold_open = page.evaluate(FOLD_OF, later)
        folded_height = page.evaluate(HEIGHT)
        page.evaluate(OPEN_FOLDS)
        opened_height = page.evaluate(HEIGHT)
    shown = [row for row in rows if not row["folded"]]
    assert len(shown) == WORK_NOW and all(row["shown"] for row in shown)
    assert [row["state"] for row in shown].count("hb-overdue") == 3
    assert [row["state"] for row in shown].count("hb-at-risk") == 3
    assert fold_open is False
    assert folds == [
        {"open": False, "summary": summary(language, WORK_SUMMARY), "items": WORK_FOLDED}
    ]
    assert not any(row["shown"] for row in rows if row["folded"])
    # Six rows were a quarter of the page at 390 px (1,231 of 4,671 px).
    assert folded_height < opened_height * (0.85 if width == 390 else 0.9), (
        folded_height,
        opened_height,
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "first"),
    [(CLIENT, CLIENT_FOLDED[2]), (MY_WORK, WORK_FOLDED[1])],
    ids=["client", "my-work"],
)
def test_a_fold_opens_with_a_tap_and_no_script(chromium, demo_site, path, first):
    with serve(demo_site.site) as base:
        context = chromium.new_context(viewport=PHONE, java_script_enabled=False, has_touch=True)
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        try:
            plain = context.new_page()
            plain.goto(base + path, wait_until="load")
            fold = plain.locator("article details").first
            row = fold.locator("tr", has_text=first).first
            assert not row.is_visible()
            fold.locator("summary").tap()
            row.wait_for(state="visible")
            assert fold.get_attribute("open") is not None
        finally:
            context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "items", "heading", "fragment"),
    [
        (CLIENT, CLIENT_FOLDED, "open_clocks", "northwind-cloud#tier-review"),
        (MY_WORK, WORK_FOLDED, None, "evergreen-health#tier-review"),
    ],
    ids=["client", "my-work"],
)
def test_find_in_page_finds_what_is_folded(chromium, demo_in, path, items, heading, fragment):
    with opened(chromium, demo_in, "en", 390, path) as (page, _):
        heading = heading or page.evaluate(HEADING_ID, WORK_LATER["en"])
        # window.find searches the page's text as find-in-page does, closed folds included.
        unfound = [item for item in items if not page.evaluate(FIND, item)]
        assert unfound == []
        assert page.evaluate(FOLD_OF, heading) is False
        # A text fragment finds an item only the fold holds, and opens the fold.
        quoted = quote(fragment, safe="").replace("-", "%2D")
        page.goto(page.url + f"#:~:text={quoted}", wait_until="load")
        page.wait_for_function(FOLD_OF, arg=heading)
        assert page.evaluate("() => document.querySelectorAll('article details[open]').length") == 1


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_accessible_with_the_folds_open(chromium, demo_site, scheme):
    """Both pages on a phone, each fold's summary a control of the keyboard, then every fold
    opened: no serious violation (the closed pages are test_a11y_browser's daily pages)."""
    checker = axe()
    found: dict[str, list] = {}
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme=scheme)
        for path in (CLIENT, MY_WORK):
            page.goto(base + path, wait_until="load")
            page.wait_for_function(SCHEME_APPLIED, arg=SCHEMES[scheme])
            page.wait_for_function(TABLES_WRAPPED)
            summaries = page.locator("article details summary")
            summaries.last.focus()
            assert summaries.last.evaluate("summary => summary === document.activeElement")
            page.evaluate(OPEN_FOLDS)
            found[path] = blocking(
                checker.run(page, options={"resultTypes": ["violations"]}).response
            )
    assert found == {CLIENT: [], MY_WORK: []}
    assert foreign == []
