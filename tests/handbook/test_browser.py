"""The built handbook in a real browser: headless Chromium (Debian's) driven by Playwright.

Every test serves a built site on localhost (port 0) and records each request the page makes:
none may leave localhost. Screenshots of the home page and a client page are saved to
``test-artifacts/`` for people to look at.

No step waits for a fixed time or has a short timeout of its own: each waits for the state it
needs (a loaded page, a search answer), and ``BROWSER_TIMEOUT_MS`` only ends a wait that hung.
On a loaded machine an action takes as long as the scheduler lets four processes answer in turn.
"""

from __future__ import annotations

import contextlib
import re
import time
from urllib.parse import urlsplit

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.site import instant
from hirebook.records.repository import load
from hirebook.sla.clock import State
from hirebook.sla.engine import evaluate_all

from .handbook_records import MARKER
from .handbook_site import ARTIFACTS, AS_OF, BROWSER_TIMEOUT_MS, serve
from .test_build import with_everything

pytestmark = pytest.mark.browser

# What record text would do if it ever ran: set this global or open a dialog.
PWNED = "() => window.__hb_pwned === undefined ? null : String(window.__hb_pwned)"
LIVE_ATTRIBUTES = (
    "[onerror],[onload],[onclick],[onmouseover],[onfocus],[srcdoc],"
    "a[href^='javascript:' i],iframe,object,embed"
)
# Material's search reports its state in .md-search-result__meta, in the site's language: the
# initializer text until the index is ready, the placeholder for an empty query, and then one of
# the result texts of the site's configuration for the last query the search worker answered.
SEARCH_STATE = """() => {
    const text = document.querySelector(".md-search-result__meta").textContent.trim();
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const [head, tail] = words["search.result.other"].split("#");
    if (text === words["search.result.none"]) return "none";
    if (text === words["search.result.one"]) return "results";
    if (text.length > head.length + tail.length && text.startsWith(head) && text.endsWith(tail))
        return "results";
    return "waiting";
}"""


@contextlib.contextmanager
def browse(chromium, site):
    """A fresh page on the served site; yields (page, base URL, foreign requests, dialogs)."""
    with serve(site) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        page = context.new_page()
        foreign: list[str] = []
        dialogs: list[str] = []
        host = urlsplit(base).netloc

        def on_request(request):
            url = urlsplit(request.url)
            if url.scheme not in ("data", "blob", "about") and url.netloc != host:
                foreign.append(request.url)

        page.on("request", on_request)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            yield page, base, foreign, dialogs
        finally:
            context.close()


def search(page, query: str) -> int:
    """Type ``query`` (which must find something) into Material's search and return how many
    results it lists (they stay on the page). Waits for the search worker's answer to this very
    query: the field is emptied first and the answer to that awaited, so no earlier answer is
    taken for this one.

    Material's worker answers a query that arrives while it is still building the index with
    no results (its search of the index not yet made fails, and it says "no matching
    documents"), and a large index on a busy machine takes seconds: a "none" is asked again
    until the index answers, for as long as any wait of these tests may take."""
    field = page.locator("input.md-search__input")
    field.click()
    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    while True:
        for text, state in (("", "=== 'waiting'"), (query, "!== 'waiting'")):
            field.fill(text)
            field.press("End")  # Material's search reads the field on key-up
            page.wait_for_function(f"() => ({SEARCH_STATE})() {state}")
        if page.evaluate(SEARCH_STATE) == "results" or time.monotonic() > deadline:
            break
    # The first results are rendered in the same task as the text that counts them.
    return page.locator(".md-search-result__item").count()


def test_hostile_records_never_run(chromium, agency, build):
    built = build(with_everything(agency).records)
    assert built.ok, built.log
    # Every page but the old addresses' (handbook/moved.py), which send the browser on at once
    # (a navigation would end any evaluation on them) to pages visited here anyway.
    pages = sorted(
        path.relative_to(built.site).as_posix()
        for path in built.site.rglob("index.html")
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")
    )
    with browse(chromium, built.site) as (page, base, foreign, dialogs):
        for rel in pages:
            page.goto(base + rel, wait_until="load")
            # Folded clocks and history are links a reader can reach: open every fold first.
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")
            for link in page.locator("article a").all()[:15]:
                link.hover(force=True)
            assert page.evaluate(PWNED) is None, rel
            assert page.locator(LIVE_ATTRIBUTES).count() == 0, rel
        page.goto(base + "clients/evil/", wait_until="load")
        assert MARKER in page.inner_text("article")
        assert "<script>window.__hb_pwned='client'</script>" in page.inner_text("h1")
        assert search(page, "HOSTILE") > 0
        # Record text in the results would run from an image's error handler (queued in the
        # same task that makes the image complete) or from a live attribute.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.md-search-result img')]"
            ".every(image => image.complete)"
        )
        assert page.locator(LIVE_ATTRIBUTES).count() == 0
        assert page.evaluate(PWNED) is None
    assert dialogs == []
    assert foreign == []


def test_navigate_home_client_requirement(chromium, demo_site):
    ARTIFACTS.mkdir(exist_ok=True)
    with browse(chromium, demo_site.site) as (page, base, foreign, dialogs):
        page.goto(base, wait_until="load")
        assert "As of: 2026-11-20 17:00" in page.inner_text("article")
        page.screenshot(path=str(ARTIFACTS / "handbook-home.png"), full_page=True)
        page.click("nav.md-nav--primary a.md-nav__link[href='clients/']")
        page.wait_for_url(re.compile(r"/clients/$"))
        page.locator("article table a[href*='/']").first.click()
        page.wait_for_url(re.compile(r"/clients/[a-z0-9-]+/$"))
        client_url = page.url
        assert page.locator("article h1").count() == 1
        page.screenshot(path=str(ARTIFACTS / "handbook-client.png"), full_page=True)
        page.locator("article a[href*='requirements/']").first.click()
        page.wait_for_url(re.compile(r"/requirements/[a-z0-9-]+/$"))
        assert page.locator(".hb-signature").count() == 2
        assert page.url.startswith(client_url)
    assert foreign == []
    assert dialogs == []
    assert (ARTIFACTS / "handbook-home.png").stat().st_size > 10_000


def test_search_finds_chinese_and_english(chromium, demo_site):
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.goto(base, wait_until="load")
        assert search(page, "面试") > 0  # a two-character word inside Chinese sentences
        assert search(page, "engineer") > 0
        assert search(page, "engin") > 0  # English prefix search still works
    assert foreign == []


def test_search_in_a_chinese_build(chromium, agency, build):
    built = build(with_everything(agency).records, "zh-Hant")
    assert built.ok, built.log
    with browse(chromium, built.site) as (page, base, foreign, _):
        page.goto(base, wait_until="load")
        assert search(page, "客戶") > 0
        assert search(page, "Senior") > 0
    assert foreign == []


def test_sla_board_shows_the_demo_overdue_clocks(chromium, demo_site):
    repo = load(DEMO_RECORDS, DEMO_RECORDS.parent)
    board = evaluate_all(repo, instant(repo, AS_OF))
    overdue = [f for f in board.findings if f.state is State.OVERDUE]
    assert overdue, "the demo should have overdue clocks as of the fixed instant"
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.goto(base + "sla/", wait_until="load")
        assert page.locator("article .hb-overdue").count() == len(overdue)
        rows = page.locator("article tr").all_inner_texts()
        for finding in overdue:
            assert any(finding.clock.subject in row and "overdue" in row for row in rows), (
                finding.clock.subject
            )
        first_state = page.locator("article .hb-state").first.inner_text()
        assert first_state == "overdue"  # overdue first
    assert foreign == []


def test_repository_link_fetches_nothing(chromium, agency, build):
    # With a repository, Material would fetch its stars from api.github.com; the override of
    # partials/source.html keeps it a plain link.
    built = build(agency.records, repo_url="https://github.com/example/hirebook")
    assert built.ok, built.log
    with browse(chromium, built.site) as (page, base, foreign, _):
        page.goto(base, wait_until="networkidle")
        assert page.locator("a.md-source[href='https://github.com/example/hirebook']").count()
        page.goto(base + "clients/acme/", wait_until="networkidle")
    assert foreign == []
