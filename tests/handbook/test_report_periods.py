"""The reports pages' periods (issue 21, item 5): this quarter, last quarter, the year to date
and the last twelve months, each a static page with the same charts, joined by plain links.

The demo's figures below are worked out by hand from its records, as of Friday 2026-11-20
17:00 in Shanghai: this quarter is 2026-10-01..2026-11-20, last quarter 2026-07-01..2026-09-30,
the year to date 2026-01-01..2026-11-20, the last 12 months 2025-12-01..2026-11-20.
"""

from __future__ import annotations

import json
import posixpath
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import paths
from hirebook.handbook.pages.reports import page_path
from hirebook.handbook.reporting import LANDING, PERIODS, period_of
from hirebook.handbook.site import generate
from hirebook.records.repository import load

DEMO_DAY = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=8)))
PAGES = {
    "this-quarter": "reports/this-quarter.md",
    "last-quarter": "reports/last-quarter.md",
    "year-to-date": "reports.md",
    "last-12-months": "reports/last-12-months.md",
}
CHART = re.compile(r"<figure [^>]*\bid=\"(hb-chart-[a-z]+)\"")
HEADING = re.compile(r"^(#{2,3} .*)$", re.MULTILINE)
SELECTOR = re.compile(r"^Period: (.*)$", re.MULTILINE)
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
SELECTOR_HTML = re.compile(r"<p>Period: (.*?)</p>")
HREF = re.compile(r'<a href="([^"]*)">')
NAMES = {
    "this-quarter": "This quarter",
    "last-quarter": "Last quarter",
    "year-to-date": "Year to date",
    "last-12-months": "Last 12 months",
}


@pytest.fixture(scope="module")
def demo():
    return load(DEMO_RECORDS, DEMO_RECORDS.parent)


@pytest.fixture(scope="module")
def pages(demo) -> dict[str, str]:
    built = generate(demo, DEMO_DAY).pages
    return {key: built[path].markdown for key, path in PAGES.items()}


# ------------------------------------------------------------------------------ boundaries


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (
            date(2026, 11, 20),
            {
                "this-quarter": ("2026-10-01", "2026-11-20"),
                "last-quarter": ("2026-07-01", "2026-09-30"),
                "year-to-date": ("2026-01-01", "2026-11-20"),
                "last-12-months": ("2025-12-01", "2026-11-20"),
            },
        ),
        (  # the first day of a year: last quarter is the previous year's fourth
            date(2026, 1, 1),
            {
                "this-quarter": ("2026-01-01", "2026-01-01"),
                "last-quarter": ("2025-10-01", "2025-12-31"),
                "year-to-date": ("2026-01-01", "2026-01-01"),
                "last-12-months": ("2025-02-01", "2026-01-01"),
            },
        ),
        (  # the last day of a quarter still belongs to it
            date(2026, 6, 30),
            {
                "this-quarter": ("2026-04-01", "2026-06-30"),
                "last-quarter": ("2026-01-01", "2026-03-31"),
                "year-to-date": ("2026-01-01", "2026-06-30"),
                "last-12-months": ("2025-07-01", "2026-06-30"),
            },
        ),
        (  # a leap day
            date(2028, 2, 29),
            {
                "this-quarter": ("2028-01-01", "2028-02-29"),
                "last-quarter": ("2027-10-01", "2027-12-31"),
                "year-to-date": ("2028-01-01", "2028-02-29"),
                "last-12-months": ("2027-03-01", "2028-02-29"),
            },
        ),
    ],
    ids=lambda value: value.isoformat() if isinstance(value, date) else "",
)
def test_periods_are_calendar_periods_of_the_day(today, expected):
    found = {key: period_of(key, today) for key in PERIODS}
    assert {k: (p.start.isoformat(), p.end.isoformat()) for k, p in found.items()} == expected


def test_the_day_is_the_as_of_instants_day_in_the_policys_timezone(demo):
    # 20:00 on 30 September in New York is 08:00 on 1 October in Shanghai, the demo's zone:
    # a new quarter there, so last quarter is the third.
    moment = datetime(2026, 9, 30, 20, 0, tzinfo=timezone(timedelta(hours=-4)))
    built = generate(demo, moment).pages
    assert "**This quarter: 2026-10-01 – 2026-10-01**" in built[PAGES["this-quarter"]].markdown
    assert "**Last quarter: 2026-07-01 – 2026-09-30**" in built[PAGES["last-quarter"]].markdown


# ------------------------------------------------------------------------- demo's figures


def section(page: str, anchor: str) -> str:
    """The text of one metric's section: from its heading to the next section's."""
    start = page.index(f"{{#{anchor}}}")
    following = page.find("\n## ", start)
    return page[start : following if following != -1 else len(page)]


def test_the_periods_are_stated_on_their_pages(pages):
    assert "**This quarter: 2026-10-01 – 2026-11-20**" in pages["this-quarter"]
    assert "**Last quarter: 2026-07-01 – 2026-09-30**" in pages["last-quarter"]
    assert "**Year to date: 2026-01-01 – 2026-11-20**" in pages["year-to-date"]
    assert "**Last 12 months: 2025-12-01 – 2026-11-20**" in pages["last-12-months"]


def test_time_to_fill_this_quarter(pages):
    # Offers accepted 2026-10-01..11-20, days from the requirement's received_at day:
    # app-2026-0035 req-2026-005 07-06 → 10-09: 95; app-2026-0047 req-2026-013 09-21 → 10-20:
    # 29; app-2026-0060 req-2026-010 09-07 → 11-02: 56; app-2026-0061 req-2026-006 08-03 →
    # 11-09: 98. Sorted 29, 56, 95, 98: median 75.5, mean 278 / 4 = 69.5.
    assert "| 4 | 75.5 | 69.5 |" in section(pages["this-quarter"], "time-to-fill")


def test_time_to_fill_last_quarter(pages):
    # One offer accepted 2026-07-01..09-30: app-2026-0014 (req-2026-003, received 05-11,
    # accepted 07-10): 20 days of May + 30 of June + 10 = 60.
    assert "| 1 | 60.0 | 60.0 | 60.0 |" in section(pages["last-quarter"], "time-to-fill")


def test_offer_acceptance_in_each_period(pages):
    # Accepted: 5 in May (app-2026-0006..0010), 07-10, 10-09, 10-20, 11-02, 11-09;
    # declined: 04-03 (app-2026-0003) and 08-28 (app-2026-0022); none in December 2025.
    expected = {
        "this-quarter": "| 100.0% | 4 / 4 |",
        "last-quarter": "| 50.0% | 1 / 2 |",
        "year-to-date": "| 83.3% | 10 / 12 |",
        "last-12-months": "| 83.3% | 10 / 12 |",
    }
    for key, row in expected.items():
        assert row in section(pages[key], "offer-acceptance"), key


def test_satisfaction_in_each_period(pages):
    # Feedback `on` days (overall, NPS answer): 2025-12-03 (4, 8 passive), 2026-06-10 (4, 9),
    # 2026-07-21 (3, 6 detractor), 2026-10-19 (5, 10). NPS = 100 × (promoters − detractors) /
    # answers.
    expected = {
        "this-quarter": ("1", "5.0", "100.0"),
        "last-quarter": ("1", "3.0", "-100.0"),
        "year-to-date": ("3", "4.0", "33.3"),  # (4 + 3 + 5) / 3; (2 − 1) / 3
        "last-12-months": ("4", "4.0", "25.0"),  # (4 + 4 + 3 + 5) / 4; (2 − 1) / 4
    }
    for key, (responses, overall, nps) in expected.items():
        text = section(pages[key], "satisfaction")
        assert f"Responses: **{responses}**" in text, key
        assert f"Overall: **{overall}**" in text, key
        assert f"NPS: **{nps}**" in text, key


# --------------------------------------------------------------------- same charts, links


def test_every_period_page_has_the_same_sections_and_charts(pages):
    landing = pages[LANDING]
    assert CHART.findall(landing) == [
        "hb-chart-ttf",
        "hb-chart-funnel",
        "hb-chart-channels",
        "hb-chart-sla",
        "hb-chart-satisfaction",
    ]
    for key, page in pages.items():
        assert CHART.findall(page) == CHART.findall(landing), key
        assert HEADING.findall(page) == HEADING.findall(landing), key
        assert page.count("<title id=") == page.count("<desc id="), key


def test_the_selector_links_every_other_period_and_marks_its_own(pages):
    for key, page in pages.items():
        line = SELECTOR.search(page).group(1)
        links = LINK.findall(line)
        here = PAGES[key]
        targets = {posixpath.normpath(posixpath.join(posixpath.dirname(here), t)) for _, t in links}
        assert targets == {path for other, path in PAGES.items() if other != key}, key
        assert [label for label, _ in links] == [NAMES[k] for k in PERIODS if k != key]
        assert line.count("**") == 2  # its own period, bold and not a link


def test_page_paths_and_search():
    assert {key: page_path(key) for key in PERIODS} == PAGES
    assert PAGES[LANDING] == paths.REPORTS


def test_only_the_landing_page_is_searched(pages):
    for key, page in pages.items():
        front = page.split("\n---\n", 1)[0].splitlines()
        excluded = 'search: {"exclude": true}' in front
        assert excluded == (key != LANDING), key


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("zh-Hant", ("本季", "上季", "年初至今", "最近 12 個月")),
        ("zh-Hans", ("本季度", "上季度", "年初至今", "最近 12 个月")),
    ],
)
def test_the_selector_in_chinese(demo, language, names):
    built = generate(demo, DEMO_DAY, language).pages
    page = built[PAGES["last-quarter"]].markdown
    for name in names:
        assert name in page
    assert "**上季" in page


def test_the_selector_links_resolve_in_the_built_site(demo_site):
    """In the strict MkDocs build of the demo, each period's page links to the other three,
    and each link opens a page that was built."""
    site = demo_site.site
    built = {
        "this-quarter": "reports/this-quarter/index.html",
        "last-quarter": "reports/last-quarter/index.html",
        "year-to-date": "reports/index.html",
        "last-12-months": "reports/last-12-months/index.html",
    }
    folders = {key: posixpath.dirname(rel) for key, rel in built.items()}
    for key, rel in built.items():
        selector = SELECTOR_HTML.search((site / rel).read_text(encoding="utf-8")).group(1)
        assert f"<strong>{NAMES[key]}</strong>" in selector
        opened = set()
        for href in HREF.findall(selector):
            target = posixpath.normpath(posixpath.join(folders[key], href))
            assert (site / target / "index.html").is_file(), href
            opened.add(target)
        assert opened == {folder for other, folder in folders.items() if other != key}, key
    # Search finds each section once: on the year to date's page.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "reports/" in locations
    assert not {loc for loc in locations if loc.startswith("reports/") and loc != "reports/"}
