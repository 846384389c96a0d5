"""Search finds records by id (issue 21, item 6).

Material's search box splits a typed query at its hyphens whatever the ``separator`` says (its
query lexer keeps lunr's own), so ``app-2026-0073`` is looked up as ``app``, ``2026`` and
``0073…``. The site's separator (``mkdocs.yml``) indexes ids in the same pieces, keeps a word
and a final number together (``cand-0073``, so a candidate's number does not answer for an
application's) and drops a year written before a word (a title's "2026 graduates" would
otherwise answer every 2026 id); a client's page, which holds its plans and applications, is
boosted. Checked here on the separator itself, on the demo's ``search_index.json``, and in
Chromium through Material's search box: the page holding the record comes first.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from .handbook_site import project_config
from .test_browser import browse, search

# What typing each id must open first, worked out from the demo's records: the application's
# file is in northwind-cloud's folder (its row and anchor are on the client's page), the plan
# is brightpath-edu's (a section of that client's page), the requirement has a page of its own.
FIRST = {
    "app-2026-0073": "clients/northwind-cloud/",
    "app-2025-0012": "clients/jadepay/",
    "plan-2026-012": "clients/brightpath-edu/",
    "plan-2026-008": "clients/northwind-cloud/",
    "req-2026-008": "clients/northwind-cloud/requirements/req-2026-008/",
    "req-2026-002": "clients/brightpath-edu/requirements/req-2026-002/",
    "northwind-cloud": "clients/northwind-cloud/",
}
FIRST_RESULT = "() => document.querySelector('.md-search-result__item a').getAttribute('href')"


def separator() -> re.Pattern:
    """The site's separator, as the browser reads it (ASCII \\d and \\s, as in JavaScript)."""
    search = next(
        entry["search"]
        for entry in project_config()["plugins"]
        if isinstance(entry, dict) and "search" in entry
    )
    return re.compile(search["separator"], re.ASCII)


def words(text: str) -> list[str]:
    """``text`` cut into index words as Material's tokenizer cuts it (lower-cased)."""
    return [word.lower() for word in separator().split(text) if word]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("app-2026-0073", ["app", "2026", "0073"]),
        ("app-2026-0073#interview-1", ["app", "2026", "0073", "interview-1"]),
        (
            "applications/app-2026-0073.yaml:12",
            ["applications", "app", "2026", "0073", "yaml", "12"],
        ),
        (
            "req-2026-008 Senior Front-end Engineer",
            ["req", "2026", "008", "senior", "front", "end", "engineer"],
        ),
        ("tp-2026-1120-northwind-report", ["tp", "2026", "1120", "northwind", "report"]),
        ("cand-0073", ["cand-0073"]),
        ("Teaching Assistant (2026 graduates)", ["teaching", "assistant", "graduates"]),
        ("As of: 2026-11-20 17:00", ["as", "of", "2026", "11", "20", "17", "00"]),
        ("2026", ["2026"]),
        ("northwind-cloud", ["northwind", "cloud"]),
        ("4.5 stars, 1.", ["4.5", "stars", "1"]),
        ("\u200b北\u200b风云\u200b科技\u200b", ["北", "风云", "科技"]),
    ],
)
def test_ids_are_indexed_in_the_pieces_a_query_is_cut_into(text, expected):
    assert words(text) == expected


def test_the_demo_index_holds_ids_in_pieces_and_boosts_client_pages(demo_site):
    index = json.loads((demo_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["separator"] == separator().pattern
    docs = index["docs"]
    holding = [d for d in docs if d["location"].startswith("clients/northwind-cloud/#")]
    # The application's row: the id whole in the text (a <wbr> is no space), its pieces words.
    row = next(d for d in holding if "app-2026-0073" in d["text"])
    assert {"app", "2026", "0073"} <= set(words(row["text"]))
    assert all(d.get("boost") == 2 for d in holding)
    assert not [d for d in docs if d.get("boost") and not d["location"].startswith("clients/")]


# Pages that only list what other pages hold: out of the index (blocks.NOT_SEARCHED).
LISTS = ("sla/", "this-week/", "open-requirements/", "placements/")


def test_pages_that_only_list_other_pages_rows_are_not_indexed(demo_site):
    index = json.loads((demo_site.site / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not pages & set(LISTS)
    assert not [page for page in pages if page.endswith(("/progress/", "/work/"))]
    # The demo's 12 clients, its 6 team members and its requirements still are.
    assert len([p for p in pages if re.fullmatch(r"clients/[^/]+/", p)]) == 12
    assert len([p for p in pages if re.fullmatch(r"team/[^/]+/", p)]) == 6
    assert "clients/northwind-cloud/requirements/req-2026-008/" in pages
    # app-2026-0073 (req-2026-008's, at northwind-cloud; on the board as overdue): on the
    # pages of its client and its requirement, not on the board, the lists or the reports.
    holding = {d["location"].split("#")[0] for d in index["docs"] if "app-2026-0073" in d["text"]}
    assert {"clients/northwind-cloud/", "clients/northwind-cloud/requirements/req-2026-008/"} <= (
        holding
    )
    assert not [page for page in holding if page.startswith(LISTS + ("reports/",))]
    assert not [page for page in holding if page.endswith(("/progress/", "/work/"))]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_typing_an_id_puts_the_page_holding_it_first(chromium, demo_in, language):
    site = demo_in(language).site
    first = {}
    with browse(chromium, site) as (page, base, foreign, _):
        page.goto(base, wait_until="load")
        for query in FIRST:
            assert search(page, query) > 0, query
            first[query] = urlsplit(page.evaluate(FIRST_RESULT)).path.removeprefix(
                urlsplit(base).path
            )
        # Chinese is still cut into words (jieba at build time): a word inside sentences.
        assert search(page, "面試" if language == "zh-Hant" else "面试") > 0
    assert first == FIRST
    assert foreign == []
