"""The calendar feeds of the built demo handbook in Chromium: a person's page links its feed,
following the link delivers the feed the SLA board says, and an item's link opens its page.
"""

from __future__ import annotations

from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.site import instant
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all

from .handbook_site import AS_OF
from .test_browser import browse

pytestmark = pytest.mark.browser
SHANGHAI = ZoneInfo("Asia/Shanghai")


def open_clocks(keep) -> dict[str, object]:
    """UID → due instant of the board's open clocks that ``keep`` selects."""
    repo = load(DEMO_RECORDS, DEMO_RECORDS.parent)
    board = evaluate_all(repo, instant(repo, AS_OF))
    return {
        f"{f.clock.rule}/{f.clock.client}/{f.clock.subject}@hirebook": f.clock.due
        for f in board.findings
        if f.state.is_open and keep(f.clock)
    }


def test_subscribe_link_delivers_the_feed_of_the_board(chromium, demo_site):
    expected = open_clocks(lambda clock: clock.client == "jadepay")
    assert len(expected) == 11  # as worked out in tests/feeds/test_feeds.py
    with browse(chromium, demo_site.site) as (page, base, foreign, dialogs):
        page.goto(base + "clients/jadepay/", wait_until="load")
        link = page.locator("article a[href$='.ics']")
        assert link.count() == 1
        href = link.evaluate("a => a.href")
        assert href == base + "feeds/clients/jadepay.ics"
        assert "Subscribe to these deadlines" in link.inner_text()
        # What a person gets by following the link: the browser downloads the calendar.
        with page.expect_download() as arrival:
            link.click()
        feed = arrival.value.path().read_bytes()
        assert feed == (demo_site.site / "feeds/clients/jadepay.ics").read_bytes()
        # What a calendar subscribing to the address gets: the same file, as text/calendar.
        response = page.request.get(href)
        assert response.ok and response.headers["content-type"].startswith("text/calendar")
        assert response.body() == feed
        events = Calendar.from_ical(feed).walk("VEVENT")
        assert {str(e["UID"]) for e in events} == set(expected)
        for event in events:  # each at its clock's due instant (or on its due day)
            due = expected[str(event["UID"])].astimezone(SHANGHAI)
            assert event.start == (due.date() if _all_day(event) else due), event["UID"]
        # An item's link, resolved against the feed's address as a calendar does, opens the
        # page that explains it.
        item = next(e for e in events if "onboarding-check-in" in str(e["UID"]))
        page.goto(urljoin(href, str(item["URL"])), wait_until="load")
        assert page.url == base + "clients/jadepay/#app-2026-0035"  # the application's row
        assert "JadePay" in page.locator("article h1").inner_text()
        assert page.locator("#app-2026-0035").count() == 1
    assert foreign == []
    assert dialogs == []


def test_a_person_page_links_its_feed(chromium, demo_site):
    expected = open_clocks(lambda clock: clock.owner == "zhao-lei")
    with browse(chromium, demo_site.site) as (page, base, foreign, _):
        page.goto(base + "team/zhao-lei/", wait_until="load")
        href = page.locator("article a[href$='.ics']").evaluate("a => a.href")
        assert href == base + "feeds/team/zhao-lei.ics"
        response = page.request.get(href)
        assert response.ok
        events = Calendar.from_ical(response.body()).walk("VEVENT")
        assert {str(e["UID"]) for e in events} == set(expected)
        assert len(events) == 3
    assert foreign == []


def _all_day(event) -> bool:
    return event["DTSTART"].params.get("VALUE") == "DATE"
