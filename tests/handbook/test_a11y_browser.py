"""Accessibility of the handbook (issue 21, item 7), checked in Chromium with axe-core.

axe-core comes from the ``axe-playwright-python`` package (its bundled ``axe.min.js``, installed
with the ``test`` extra, never fetched): on the pages a team opens every day — home, policy,
clients, one client, one requirement, the SLA board, reports, team and one person's my-work
page — in the light and the dark palette, in English and in Chinese, it must report no critical
and no serious violation. And every control shows where the keyboard is: the colour toggle,
the search box, links and the summaries of folded sections get a visible focus ring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_browser import browse
from .test_fit_browser import TABLES_WRAPPED

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}  # Material's name of each palette
LANGUAGES = ("en", "zh-Hant")
BLOCKING = ("critical", "serious")
# The daily pages, by path in each language's part of the site (the hand-written policy is
# found by daily_pages).
DAILY = (
    "",
    "clients/",
    "clients/northwind-cloud/",
    "clients/northwind-cloud/requirements/req-2026-008/",
    "sla/",
    "reports/",
    "team/",
)
MY_WORK = "team/wang-li/work/"
SCHEME_APPLIED = "scheme => document.body.getAttribute('data-md-color-scheme') === scheme"
# The element that shows the focus (a palette toggle is a hidden radio button whose label,
# right after it, is the button people see), its outline, and the outline's contrast with the
# first opaque background behind it (WCAG's 3:1 for what is not text).
FOCUS_RING = """() => {
    const focused = document.activeElement;
    const ring = focused.matches(".md-option") ? focused.nextElementSibling : focused;
    const style = getComputedStyle(ring);
    const rgba = text => text.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => [r, g, b]
        .map(c => c / 255)
        .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    let behind = ring.parentElement;
    while (behind && (rgba(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0)
        behind = behind.parentElement;
    const background = behind ? rgba(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
    const [light, dark] = [luminance(rgba(style.outlineColor)), luminance(background)]
        .sort((a, b) => b - a);
    return {
        contrast: (light + 0.05) / (dark + 0.05),
        kind: focused.matches(".md-option") ? "colour toggle"
            : focused.matches(".md-search__input") ? "search box"
            : focused.matches("article summary") ? "summary"
            : focused.matches("article a") ? "link in the text"
            : focused.tagName.toLowerCase(),
        what: focused.outerHTML.slice(0, 120),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
    };
}"""
CONTROLS = {"colour toggle", "search box", "summary", "link in the text"}


def axe():
    sync_playwright = pytest.importorskip(
        "axe_playwright_python.sync_playwright", reason="pip install -e '.[test]'"
    )
    return sync_playwright.Axe()


def daily_pages(site: Path) -> list[str]:
    """The daily pages of one language's part; my-work where the site has it."""
    # site/<language>/policy.md: at the part's root, or in a folder of the language's name.
    policy = [
        index.parent.relative_to(site).as_posix() + "/"
        for pattern in ("policy/index.html", "*/policy/index.html")
        for index in sorted(site.glob(pattern))
    ]
    assert policy, "no policy page found"
    found = [*DAILY, policy[0], MY_WORK]
    missing = [rel for rel in found if not (site / rel / "index.html").is_file()]
    assert missing == []
    return found


def blocking(results: dict) -> list[tuple[str, str, int, list]]:
    return [
        (found["id"], found["impact"], len(found["nodes"]), found["nodes"][0]["target"])
        for found in results["violations"]
        if found["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_violation_on_the_daily_pages(chromium, demo_in, language, scheme):
    checker = axe()
    site = demo_in(language).site
    found, checked = {}, 0
    with browse(chromium, site) as (page, base, foreign, _):
        page.emulate_media(color_scheme=scheme)
        for rel in daily_pages(site):
            page.goto(base + rel, wait_until="load")
            page.wait_for_function(SCHEME_APPLIED, arg=SCHEMES[scheme])
            page.wait_for_function(TABLES_WRAPPED)
            results = checker.run(page, options={"resultTypes": ["violations"]}).response
            checked += 1
            if problems := blocking(results):
                found[rel] = problems
    assert found == {}
    assert checked == len(DAILY) + 2
    assert foreign == []  # axe-core ran from the package, nothing came from another host


def test_every_control_shows_the_keyboard_focus(chromium, demo_site):
    seen: dict[str, int] = {}
    invisible = []
    with browse(chromium, demo_site.site) as (page, base, _, _dialogs):
        page.goto(base + "clients/northwind-cloud/", wait_until="load")
        page.wait_for_function(TABLES_WRAPPED)
        for _ in range(600):  # the header, the navigation, the contents, then the text
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            seen[ring["kind"]] = seen.get(ring["kind"], 0) + 1
            if ring["style"] == "none" or ring["width"] < 1 or ring["contrast"] < 3:
                invisible.append(ring)
            if seen.keys() >= CONTROLS and seen["link in the text"] > 20:
                break
    assert seen.keys() >= CONTROLS, seen
    assert invisible == []
