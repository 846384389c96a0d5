"""A recruiter's morning in Chinese: what a Mandarin-speaking account manager or recruiter
reads on the daily pages of the demo handbook (home, SLA board, my work, a client, a
requirement, a progress report, reports, team), in Traditional and Simplified Chinese.

Each test is a defect found walking those pages, checked on the built site's HTML: English
left on a Chinese page, the wrong punctuation or script for the page's language. The expected
words are the catalogues' (read by hand from ``hirebook/handbook/catalogues/``); the numbers
are worked out from the demo's records.
"""

from __future__ import annotations

import html
import json
import re

import pytest

CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
TAG = re.compile(r"<[^>]+>")


def section(page: str, anchor: str) -> str:
    """The HTML of the ``<h2 id=anchor>`` section, up to the next ``<h2``."""
    start = page.index(f'<h2 id="{anchor}"')
    end = page.find("<h2", start + 1)
    return page[start : end if end != -1 else len(page)]


def rows(fragment: str) -> list[list[str]]:
    """The body rows of the tables in ``fragment``, each cell as plain text."""
    return [
        [html.unescape(TAG.sub("", cell)).strip() for cell in CELL.findall(row)]
        for row in ROW.findall(fragment)
        if "<td" in row
    ]


# The workload row of the clocks nobody owns: the demo's data-retention clocks, which are the
# only clocks without an owner (every client has an account manager). Overdue on 2026-11-20:
# cand-0055 (retain_until 2026-09-30) and cand-0089 (2026-11-13).
NO_OWNER = {
    "en": "No single owner (data protection)",
    "zh-Hant": "無指定負責人（資料保護）",
    "zh-Hans": "无指定负责人（数据保护）",
}


@pytest.mark.parametrize("language", ["en", "zh-Hant", "zh-Hans"])
def test_the_workload_names_the_clocks_nobody_owns_in_the_pages_words(demo_in, language):
    """The reports page's workload table had a row '(none)' on every language's page (the
    metric's group key, in English); the home page and the SLA board call the same clocks
    'No single owner (data protection)' in each language."""
    page = demo_in(language).text("reports/index.html")
    workload = rows(section(page, "workload"))
    unowned = [row for row in workload if row[0] == NO_OWNER[language]]
    assert len(unowned) == 1, workload
    # name, clients, open requirements, open applications, overdue, at risk
    assert unowned[0][1:5] == ["0", "0", "0", "2"]
    assert "(none)" not in html.unescape(page)


# Characters of one script that the other writes differently (个/個, 们/們 …), to tell a
# Traditional page's words from Simplified ones and the reverse.
SIMPLIFIED_ONLY = set("个们这说时间过来对后为与从会页结链设图关开确认选项删检语简资讯条复该键")
TRADITIONAL_ONLY = set("個們這說時間過來對後為與從會頁結鏈設圖關開確認選項刪檢語簡資訊條複該鍵")
OTHER_SCRIPT = {"zh-Hant": SIMPLIFIED_ONLY, "zh-Hans": TRADITIONAL_ONLY}
THEME_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans"])
def test_the_search_speaks_the_pages_script(demo_in, language):
    """The theme's words the search box shows as it answers (its count of results, 'no
    result', the placeholder) are in the page's script: Traditional Chinese's count of one
    result was '找到 1 个符合條件的結果', a simplified 个 among traditional characters."""
    page = demo_in(language).text("index.html")
    words = json.loads(THEME_CONFIG.search(page).group(1))["translations"]
    wrong = {key: text for key, text in words.items() if OTHER_SCRIPT[language] & set(text)}
    assert wrong == {}
    if language == "zh-Hant":
        assert words["search.result.one"] == "找到 1 個符合條件的結果"
