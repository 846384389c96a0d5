"""The client page in the order of use, on the demo's northwind-cloud as of 2026-11-20 17:00.

Worked out by hand from ``hirebook/demo/records/clients/northwind-cloud/``:

- requirements: req-2026-008 and req-2026-009 (confirmed) and req-2026-019 (draft) are open;
  req-2024-001, req-2025-007, req-2025-011 (filled) and req-2025-002 (cancelled) are closed;
- plans: plan-2026-008 is active; plan-2024-001, plan-2025-002, plan-2025-007 and
  plan-2025-010 are closed;
- touchpoints: 99 files; the 90 days before 2026-11-20 17:00 start on 2026-08-22 17:00, and
  the 19 from tp-2026-0824-northwind-intake on are within them (tp-2026-0807 is the last before);
  80 are older;
- open clocks (goals from the demo's policy.yaml for a strategic client; 1bd = 9 working hours,
  9:00-18:00; at risk with less than a quarter of the goal left), 11, all Wang Li's:
  overdue app-2026-0073 (client feedback, due 11-18 10:00); at risk plan-2026-008#commitment-4
  (due the end of 11-20, less than a day left) and req-2026-019 (received Thu 11-19 11:00, 2bd
  = 18 working hours: due Mon 11-23 11:00, 3 of them left); on track, next due first:
  app-2026-0062#interview-2's candidate notice (interview Fri 11-20 11:00 + 24h) and its
  interview result (+ 1bd: Mon 11-23 11:00), the follow-ups of tp-2026-1119-northwind-intake
  (end of 11-23) and tp-2026-1120-northwind-report (end of 11-24), plan-2026-008#report-13
  (last report 11-20 16:00 + 7d), northwind-cloud#meeting-45 (last meeting 11-05 14:00 + 30d),
  plan-2026-008#milestone-4 (end of 12-18) and the tier review (reviewed 2026-06-18 + 365d).
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import paths
from hirebook.handbook.site import generate, instant
from hirebook.records.repository import load

from .handbook_site import BROWSER_TIMEOUT_MS, serve

AS_OF = "2026-11-20T17:00:00+08:00"
CLIENT = DEMO_RECORDS / "clients" / "northwind-cloud"
OPEN_REQUIREMENTS = ["req-2026-008", "req-2026-009", "req-2026-019"]
CLOSED_REQUIREMENTS = ["req-2024-001", "req-2025-002", "req-2025-007", "req-2025-011"]
OPEN_PLANS = ["plan-2026-008"]
CLOSED_PLANS = ["plan-2024-001", "plan-2025-002", "plan-2025-007", "plan-2025-010"]
SECTIONS = [
    "open_clocks",
    "client_requirements",
    "client_plans",
    "client_pipeline",
    "contact_history",
    "client_feedback",
    "client_profile",
    "client_notes",
    "client_contacts",
    "sla_overrides",
]


@pytest.fixture(scope="module")
def pages() -> dict:
    repo = load(DEMO_RECORDS, DEMO_RECORDS.parent)
    return generate(repo, instant(repo, AS_OF)).pages


@pytest.fixture(scope="module")
def page(pages) -> str:
    return pages[paths.client("northwind-cloud")].markdown


def section(markdown: str, anchor: str) -> str:
    """The text of the ``##`` section whose heading has ``{: #anchor }``."""
    start = markdown.index(f"{{: #{anchor} }}")
    end = markdown.find("\n## ", start)
    return markdown[start : end if end >= 0 else len(markdown)]


def shown_and_folded(text: str) -> tuple[str, str]:
    """A section's text before its ``<details>`` and inside it."""
    before, _, folded = text.partition('<details class="hb-fold" markdown>')
    return before, folded


CLOCKS_TO_ACT_ON = [
    ("overdue", "app-2026-0073"),
    ("at-risk", "plan-2026-008#commitment-4"),
    ("at-risk", "req-2026-019"),
]
CLOCKS_ON_TRACK = [
    "app-2026-0062#interview-2",  # the candidate notice
    "app-2026-0062#interview-2",  # the interview result
    "tp-2026-1119-northwind-intake#follow-up-1",
    "tp-2026-1120-northwind-report#follow-up-1",
    "plan-2026-008#report-13",
    "northwind-cloud#meeting-45",
    "plan-2026-008#milestone-4",
    "northwind-cloud#tier-review",
]


def clock_rows(text: str) -> list[tuple[str, str]]:
    """The (state, item) of each clock row of a Markdown table in ``text``."""
    rows = re.findall(r'^\| <span class="hb-state hb-([a-z-]+)">.*?\| .*?\| (.*?) \|', text, re.M)
    return [
        (state, re.search(r"<code>(.*?)</code>", item).group(1).replace("<wbr>", ""))
        for state, item in rows
    ]


def record_ids(kind: str) -> list[str]:
    return sorted(path.stem for path in (CLIENT / kind).glob("*.yaml"))


def test_breadcrumb_then_title_then_open_clocks_first(page):
    crumb = page.index('<nav class="hb-breadcrumb" aria-label="Breadcrumb" markdown>')
    assert crumb < page.index("\n# Northwind Cloud")
    assert "[Clients](../index.md) › Northwind Cloud Technology Co&#46;&#44; Ltd&#46;" in page
    positions = [page.index(f"{{: #{anchor} }}") for anchor in SECTIONS]
    assert positions == sorted(positions)
    assert page.index("\n## ") == page.index("\n## Open clocks {: #open_clocks }")


def test_clocks_to_act_on_in_full_on_track_ones_folded(page):
    shown, folded = shown_and_folded(section(page, "open_clocks"))
    assert clock_rows(shown) == CLOCKS_TO_ACT_ON
    assert clock_rows(folded) == [("on-track", item) for item in CLOCKS_ON_TRACK]
    assert folded.startswith("\n<summary>On track: 8, the next due 2026-11-21 11:00</summary>")
    # The calendar feed's link comes after the fold, outside it.
    assert "feeds/clients/northwind-cloud.ics" in folded.partition("</details>")[2]


def test_a_client_with_nothing_to_act_on_has_only_the_fold(pages):
    """lumen-biotech (a prospect, ordinary tier) as of Fri 2026-11-20 17:00 has four clocks,
    all on track: req-2026-018's confirmation (received Wed 11-18 15:00, 5bd = 45 working
    hours: due Wed 11-25 15:00, 25 left), tp-2026-1118-lumen-intake's follow-up (end of
    11-27), the fourth regular meeting (its three touchpoints are meetings, the last the
    intake of 11-18 15:00: + 180d) and the tier review (reviewed 2026-10-12 + 365d); its plan
    is a draft, so it has no clocks. copperleaf-foods is a former
    client: no clocks at all."""
    lumen = section(pages[paths.client("lumen-biotech")].markdown, "open_clocks")
    shown, folded = shown_and_folded(lumen)
    assert shown == "{: #open_clocks }\n\n"  # no table of clocks to act on, and no "None"
    assert folded.startswith("\n<summary>On track: 4, the next due 2026-11-25 15:00</summary>")
    assert clock_rows(folded) == [
        ("on-track", "req-2026-018"),
        ("on-track", "tp-2026-1118-lumen-intake#follow-up-1"),
        ("on-track", "lumen-biotech#meeting-4"),
        ("on-track", "lumen-biotech#tier-review"),
    ]
    former = section(pages[paths.client("copperleaf-foods")].markdown, "open_clocks")
    assert former.startswith("{: #open_clocks }\n\nNone.\n") and "<details" not in former


def test_open_requirements_first_closed_ones_folded(page):
    shown, folded = shown_and_folded(section(page, "client_requirements"))
    assert "<summary>4 closed requirements</summary>" in folded
    for requirement in OPEN_REQUIREMENTS:
        assert f"({requirement})](requirements/{requirement}.md)" in shown
        assert requirement not in folded
    for requirement in CLOSED_REQUIREMENTS:
        assert requirement not in shown
        assert f"({requirement})](requirements/{requirement}.md)" in folded


def test_current_plans_shown_closed_plans_folded(page):
    shown, folded = shown_and_folded(section(page, "client_plans"))
    assert "<summary>4 closed plans</summary>" in folded
    for plan in OPEN_PLANS:
        assert f"{{: #{plan} }}" in shown
    for plan in CLOSED_PLANS:
        assert f"{{: #{plan} }}" in folded and f"#{plan} " not in shown


def test_pipelines_of_closed_requirements_folded(page):
    shown, folded = shown_and_folded(section(page, "client_pipeline"))
    for requirement in OPEN_REQUIREMENTS:
        heading = rf"^### \[[^\n]*\({requirement}\)\]\(requirements/{requirement}\.md\)$"
        assert re.search(heading, shown, re.MULTILINE), requirement
    for requirement in CLOSED_REQUIREMENTS:
        assert requirement not in shown
    # Every closed northwind requirement had candidates, so each keeps its pipeline.
    assert "<summary>Pipelines of 4 closed requirements</summary>" in folded
    anchors = re.findall(r'<span id="(app-[0-9-]+)"></span>', shown + folded)
    assert sorted(anchors) == record_ids("applications")


def test_contact_history_of_the_last_90_days_older_folded(page):
    shown, folded = shown_and_folded(section(page, "contact_history"))
    assert "The last 90 days, since 2026-08-22 17:00." in shown
    assert "<summary>80 touchpoints before 2026-08-22 17:00</summary>" in folded
    recent = re.findall(r'<span id="(tp-[^"]+)"></span>', shown)
    older = re.findall(r'<span id="(tp-[^"]+)"></span>', folded)
    assert len(recent) == 19 and len(older) == 80
    assert recent[0] == "tp-2026-1120-northwind-report"  # the latest first
    assert recent[-1] == "tp-2026-0824-northwind-intake"
    assert older[0] == "tp-2026-0807-northwind-meeting"
    assert sorted(recent + older) == record_ids("touchpoints")


def test_the_edge_of_the_90_days(agency):
    """A touchpoint exactly 90 days before the as-of instant is recent; a minute earlier, old."""
    for name, at in (
        ("tp-edge", "2026-08-22T17:00:00+08:00"),
        ("tp-old", "2026-08-22T16:59:00+08:00"),
    ):
        agency.write(
            f"clients/acme/touchpoints/{name}.yaml",
            f"id: {name}\ntype: call\nat: {at}\nby: wang-li\nsummary: Edge.\n",
        )
    repo = agency.load()
    markdown = generate(repo, instant(repo, AS_OF)).pages[paths.client("acme")].markdown
    shown, folded = shown_and_folded(section(markdown, "contact_history"))
    assert 'id="tp-edge"' in shown and 'id="tp-old"' not in shown
    assert 'id="tp-old"' in folded


# --- the built site: every link and anchor resolves -------------------------------------------


class Links(HTMLParser):
    """The ids of a page and the links inside its article."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "article":
            self.depth += 1
        if tag == "a" and self.depth and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link of ``page`` points to."""
    parts = urlsplit(href)
    if not parts.path:
        return page, unquote(parts.fragment)
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    target = site / posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_link_of_the_record_pages_reaches_an_existing_anchor(demo_site):
    site = demo_site.site
    pages = [
        site / "index.html",
        site / "this-week" / "index.html",
        *sorted((site / "clients").rglob("index.html")),
        *sorted((site / "team").rglob("index.html")),
    ]
    parsed: dict[Path, Links] = {}

    def links_of(path: Path) -> Links:
        if path not in parsed:
            parsed[path] = Links(path.read_text(encoding="utf-8"))
        return parsed[path]

    checked = 0
    for page in pages:
        for href in links_of(page).links:
            if urlsplit(href).scheme or href.startswith("/"):
                continue
            target, fragment = _target(site, page, href)
            assert target.is_file(), f"{page.relative_to(site)}: {href}"
            if fragment:
                assert fragment in links_of(target).ids, f"{page.relative_to(site)}: {href}"
                checked += 1
    assert checked > 500  # row and section anchors, not only the headings' permalinks


def test_every_application_plan_and_requirement_id_links_to_its_row_or_page(demo_site):
    site = demo_site.site
    page = site / "clients" / "northwind-cloud" / "index.html"
    parsed = Links(page.read_text(encoding="utf-8"))
    targets = {_target(site, page, href) for href in parsed.links}
    here = {fragment for path, fragment in targets if path == page}
    for application in record_ids("applications"):
        assert application in parsed.ids and application in here, application
    for plan in record_ids("plans"):
        assert plan in parsed.ids and plan in here, plan
    requirement_pages = {path for path, _ in targets}
    for requirement in record_ids("requirements"):
        path = site / "clients" / "northwind-cloud" / "requirements" / requirement / "index.html"
        assert path in requirement_pages, requirement
    # A requirement page's plans link to their section of the client page.
    requirement = site / "clients" / "northwind-cloud" / "requirements" / "req-2026-008"
    plan_links = Links((requirement / "index.html").read_text(encoding="utf-8")).links
    assert (page, "plan-2026-008") in {
        _target(site, requirement / "index.html", h) for h in plan_links
    }


# --- in Chromium -------------------------------------------------------------------------------


def test_open_clocks_on_the_first_screen_history_folded(demo_site, chromium):
    """At 1280 × 800 the open clocks start on the first screen (they started at 11,945 px of a
    31,910 px page before the reordering), every fold is closed, and a link to an application
    in a folded pipeline opens its fold."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        with serve(demo_site.site) as base:
            page.goto(base + "clients/northwind-cloud/")
            heading = page.locator("#open_clocks")
            top = heading.evaluate("h => h.getBoundingClientRect().top + window.scrollY")
            assert top < 800
            folds = page.locator("details.hb-fold")
            # On-track clocks, closed requirements, closed plans, closed pipelines, older
            # contact history.
            assert folds.count() == 5
            assert folds.evaluate_all("all => all.filter(d => d.open).length") == 0
            height = page.evaluate("document.documentElement.scrollHeight")
            assert height < 31_910 / 2
            page.goto(base + "clients/northwind-cloud/#app-2024-0001")
            row = page.locator("#app-2024-0001")
            page.wait_for_function(
                "() => document.getElementById('app-2024-0001').closest('details').open"
            )
            assert row.evaluate("e => e.closest('tr').getBoundingClientRect().top") < 800
    finally:
        context.close()


def test_a_persons_page_folds_their_on_track_clocks_as_a_clients_does(pages):
    # Zhao Lei owns three open improvement actions (the demo's records): fb-2026-002's action-1,
    # due 2026-10-30, overdue; the follow-ups of tp-2026-1113-brightpath-call (due 2026-11-25)
    # and tp-2026-1105-tidewater-visit (due 2026-11-27), on track: a due-date goal is at risk
    # only with less than a day left.
    person = pages[paths.person("zhao-lei")].markdown
    clocks = person[person.index("## Open clocks") :]
    shown, folded = shown_and_folded(clocks)
    assert clock_rows(shown) == [("overdue", "fb-2026-002#action-1")]
    assert folded.startswith("\n<summary>On track: 2, the next due 2026-11-25 23:59</summary>")
    assert clock_rows(folded) == [
        ("on-track", "tp-2026-1113-brightpath-call#follow-up-1"),
        ("on-track", "tp-2026-1105-tidewater-visit#follow-up-2"),
    ]
