"""My work pages and cut lists on the demo agency as of Friday 2026-11-20 17:00 (Shanghai).

Expected values are worked out by hand from the demo's records (tests/test_demo.py lists the
clocks planted overdue and at risk, with why):

- Wang Li (``wang-li``) manages evergreen-health, northwind-cloud and redkite-media. Of the
  planted clocks, three overdue ones are hers — client-feedback ``app-2026-0073`` (northwind),
  plan-proposal ``req-2026-016`` and regular-meeting ``evergreen-health#meeting-31`` — and three
  at risk — feedback-survey ``req-2026-006#survey``, requirement-confirmation ``req-2026-019``
  and client-commitment ``plan-2026-008#commitment-4``. ``app-2026-0062`` had its second
  interview on Fri 11-20 11:00: the 24-hour candidate notice is due Sat 11-21 11:00, before
  the week ends (Sunday) — the one on-track clock of the agency due this week.
- Her follow-ups due later are the open follow-ups of three touchpoints of her clients
  (tp-2026-1119-northwind-intake due 11-23, tp-2026-1116-evergreen-call and
  tp-2026-1120-northwind-report due 11-24); her other clocks due later, all on track and so
  in one closed fold: the interview result of app-2026-0062 (Fri 11-20 11:00 + 1bd: Mon
  11-23 11:00, the next due), plan-2026-008's next progress report and fourth milestone,
  northwind's next regular meeting and the two tier reviews — 6.
- Her open requirements, the latest received first: req-2026-019 (draft, 11-19),
  req-2026-016 (confirmed, 11-05), req-2026-009 (08-25), req-2026-008 (08-24); her clients'
  other requirements are filled or cancelled.
- The agency: 13 overdue, 10 at risk, 1 due this week = 24 clocks to act on, 15 on the home
  page; 33 applications with an accepted offer (``grep -l "accepted_on: 20"``), 10 on the home
  page; 14 open requirements (11 confirmed, 2 draft, 1 on hold), all on the home page.
"""

from __future__ import annotations

import re

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import paths
from hirebook.handbook.site import generate, instant
from hirebook.records.repository import load

AS_OF = "2026-11-20T17:00:00+08:00"

WANG_LI_NOW = {
    "app-2026-0073",
    "req-2026-016",
    "evergreen-health#meeting-31",
    "req-2026-006#survey",
    "req-2026-019",
    "plan-2026-008#commitment-4",
    "app-2026-0062#interview-2",
}
WANG_LI_FOLLOW_UPS = {
    "tp-2026-1119-northwind-intake#follow-up-1",
    "tp-2026-1116-evergreen-call#follow-up-1",
    "tp-2026-1120-northwind-report#follow-up-1",
}
WANG_LI_LATER = {
    "app-2026-0062#interview-2",  # the interview result (the notice is due this week)
    "plan-2026-008#report-13",
    "plan-2026-008#milestone-4",
    "northwind-cloud#meeting-45",
    "evergreen-health#tier-review",
    "northwind-cloud#tier-review",
}


@pytest.fixture(scope="module")
def demo():
    repo = load(DEMO_RECORDS, DEMO_RECORDS.parent)
    moment = instant(repo, AS_OF)
    return {language: generate(repo, moment, language).pages for language in ("en", "zh-Hant")}


def sections(markdown: str) -> dict[str, str]:
    """The page's ``## `` sections by heading (attribute lists left out)."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {re.sub(r"\s*\{:.*\}$", "", title): body for title, body in pairs}


def table(text: str) -> list[dict[str, str]]:
    """The rows of the first Markdown table in ``text``, as {header: cell}."""
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    if not lines:
        return []
    cells = [line.strip("| ").split(" | ") for line in lines]
    headers = cells[0]
    return [dict(zip(headers, row, strict=True)) for row in cells[2:]]


def code(cell: str) -> str:
    """The id in a cell: in backticks, or as ``<code>`` with break opportunities."""
    found = re.search(r"`([^`]+)`|<code>(.*?)</code>", cell.replace("<wbr>", ""))
    return found.group(1) or found.group(2)


def subjects(text: str) -> list[str]:
    return [code(row["Item"]) for row in table(text)]


def requirement_ids(text: str) -> list[str]:
    """The ids of a table's requirement links ("[Title (req-…)](…)")."""
    return [re.search(r"\((req-[0-9-]+)\)\]", row["Requirements"]).group(1) for row in table(text)]


def test_my_work_lists_what_to_act_on_first_then_requirements_and_follow_ups(demo):
    page = demo["en"][paths.work("wang-li")].markdown
    titles = list(sections(page))
    assert titles == [
        "To act on this week",
        "Open requirements",
        "Follow-ups and improvement actions, due later",
        "Other clocks, due later",
    ]
    parts = sections(page)
    now = parts["To act on this week"]
    assert "Overdue: **3** · At risk: **3** · Due this week: **1**" in now
    assert sorted(subjects(now)) == sorted(WANG_LI_NOW)
    states = [row["State"] for row in table(now)]
    assert states == sorted(states, key=lambda s: ("hb-overdue" not in s, "hb-at-risk" not in s))
    assert sorted(subjects(parts["Follow-ups and improvement actions, due later"])) == sorted(
        WANG_LI_FOLLOW_UPS
    )
    assert sorted(subjects(parts["Other clocks, due later"])) == sorted(WANG_LI_LATER)
    # What to act on and the follow-ups are in full; the other clocks in one closed fold.
    for title in ("To act on this week", "Follow-ups and improvement actions, due later"):
        assert "<details" not in parts[title], title
    assert (
        parts["Other clocks, due later"]
        .strip()
        .startswith(
            '<details class="hb-fold" markdown>\n'
            "<summary>On track: 6, the next due 2026-11-23 11:00</summary>"
        )
    )
    requirements = requirement_ids(parts["Open requirements"])
    assert requirements == ["req-2026-019", "req-2026-016", "req-2026-009", "req-2026-008"]


def test_no_owner_column_on_ones_own_pages(demo):
    pages = demo["en"]
    for path in (paths.work("wang-li"), paths.person("wang-li")):
        page = pages[path].markdown
        assert "| Owner |" not in page, path
        assert "| State | Rule | Item |" in page, path
    # The agency-wide lists keep it: their clocks belong to several people.
    assert "| Owner |" in pages[paths.THIS_WEEK].markdown
    assert "| Owner |" in pages[paths.HOME].markdown


def test_every_person_has_a_work_page_linked_from_home_and_the_team(demo):
    pages = demo["en"]
    people = ("chen-jie", "lin-xiaoyu", "sun-hao", "wang-li", "zhao-lei", "zhou-min")
    home = pages[paths.HOME].markdown
    team = pages[paths.TEAM].markdown
    for person in people:
        assert paths.work(person) in pages
        assert f"]({person}/work.md)" in team, person
        # Home lists the active people, and anyone with clocks to act on: Sun Hao has left
        # (active: false in team/sun-hao.yaml) and owns no open clock.
        assert (f"](team/{person}/work.md)" in home) == (person != "sun-hao"), person
        assert "](work.md)" in pages[paths.person(person)].markdown, person
    my_work = table(sections(home)["My work"])
    wang_li = next(row for row in my_work if "wang-li" in row["Name"])
    assert (wang_li["Overdue"], wang_li["At risk"], wang_li["Due this week"]) == ("3", "3", "1")
    # The data-retention clocks have no single owner ("any (privacy)"): cand-0055 and cand-0089
    # overdue, cand-0060 at risk. They get a row of their own, so the rows add up to the week.
    unowned = next(row for row in my_work if "No single owner" in row["Name"])
    assert "](this-week.md)" in unowned["Name"]
    assert (unowned["Overdue"], unowned["At risk"], unowned["Due this week"]) == ("2", "1", "0")
    assert sum(int(row["Overdue"]) for row in my_work) == 13
    assert sum(int(row["At risk"]) for row in my_work) == 10
    assert sum(int(row["Due this week"]) for row in my_work) == 1


def test_home_says_how_much_of_each_cut_list_it_shows(demo):
    home = sections(demo["en"][paths.HOME].markdown)
    clocks = home["Clocks to act on this week"]
    assert "Overdue: **13** · At risk: **10** · Due this week: **1**" in clocks
    assert len(table(clocks)) == 15
    assert "15 of 24 shown · [the whole list (24)](this-week.md)" in clocks
    placements = home["Latest placements"]
    assert len(table(placements)) == 10
    assert "10 of 33 shown · [the whole list (33)](placements.md)" in placements
    requirements = home["Open requirements"]
    assert len(table(requirements)) == 14
    assert "shown" not in requirements  # all 14 fit: no note


def test_the_whole_lists_hold_every_item(demo):
    pages = demo["en"]
    week = pages[paths.THIS_WEEK].markdown
    assert len(table(week)) == 24
    assert "Overdue: **13** · At risk: **10** · Due this week: **1**" in week
    assert len(table(pages[paths.PLACEMENTS].markdown)) == 33
    assert len(table(pages[paths.OPEN_REQUIREMENTS].markdown)) == 14


def test_my_work_and_cut_notes_in_chinese(demo):
    pages = demo["zh-Hant"]
    assert "顯示 24 項中的 15 項 · [完整清單（24 項）](this-week.md)" in pages[paths.HOME].markdown
    work = pages[paths.work("wang-li")].markdown
    assert 'title: "王丽 (Wang Li)：我的工作"' in work
    assert "## 本週需處理" in work
    assert "<summary>正常 6 項，最早於 2026-11-23 11:00 到期</summary>" in work


def test_a_recruiter_sees_the_requirements_she_submitted_candidates_for(agency):
    """Zhou Min (a recruiter) manages no client: the open requirement she recruits for is on
    her page once an application names her; the account manager, Wang Li, sees it anyway."""

    def requirements_on(person: str) -> list[str]:
        repo = agency.load()
        pages = generate(repo, instant(repo, AS_OF)).pages
        return requirement_ids(sections(pages[paths.work(person)].markdown)["Open requirements"])

    assert requirements_on("zhou-min") == []
    assert requirements_on("wang-li") == ["req-2026-001"]
    application = "clients/acme/applications/app-2026-0001.yaml"
    text = (agency.records / application).read_text(encoding="utf-8")
    recruited = text.replace("channel: referral\n", "channel: referral\nrecruiter: zhou-min\n")
    agency.write(application, recruited)
    assert requirements_on("zhou-min") == ["req-2026-001"]
    assert requirements_on("wang-li") == ["req-2026-001"]
