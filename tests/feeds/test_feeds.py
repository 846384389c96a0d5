"""The calendar feeds (:mod:`hirebook.handbook.feeds`), parsed back with icalendar.

The demo agency as of Friday 2026-11-20 17:00 (Asia/Shanghai): one client's feed (JadePay) and
one person's (Zhao Lei) worked out by hand from the records and the policy, every feed compared
with the SLA board, UIDs kept from build to build, the site's language, links, alarms, and no
candidate data.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from hirebook.demo import DEMO_RECORDS
from hirebook.handbook import feeds
from hirebook.handbook.site import prepare
from hirebook.sla.clock import State

AS_OF = "2026-11-20T17:00:00+08:00"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SHANGHAI)


# JadePay (strategic; client-feedback 2bd by contract; warn within 25 % of a goal), worked out
# from records/clients/jadepay/ as of Fri 2026-11-20 17:00. UID → (state, due, alarm trigger).
JADEPAY = {
    # app-2026-0035 started 2026-11-10: day 7 is Tue 11-17, 3 business days from its 09:00 is
    # Thu 11-19 18:00; no check-in recorded → overdue.
    "onboarding-check-in/jadepay/app-2026-0035#day-7": ("overdue", at(2026, 11, 19, 18), None),
    # Interview 3 at Thu 11-19 19:00, the candidate not yet told: 24 h → Fri 19:00; 2 h left,
    # under a quarter of 24 h → at risk, alarm an hour before.
    "candidate-notice/jadepay/app-2026-0064#interview-3": (
        "at_risk", at(2026, 11, 20, 19), timedelta(hours=-1)),
    # Submitted Thu 11-19 09:30, 2bd = 18 working hours: Thu 8.5 h + Fri 9 h + Mon 0.5 h →
    # Mon 11-23 09:30; 1.5 working hours left, under 4.5 → at risk.
    "client-feedback/jadepay/app-2026-0074": ("at_risk", at(2026, 11, 23, 9, 30),
                                              timedelta(hours=-1)),
    # Follow-ups of the 11-17 meeting and the 11-20 report, due 11-23 and 11-24 (all-day).
    "improvement-action/jadepay/tp-2026-1117-jadepay-meeting#follow-up-1": (
        "on_track", date(2026, 11, 23), None),
    "improvement-action/jadepay/tp-2026-1120-jadepay-report#follow-up-1": (
        "on_track", date(2026, 11, 24), None),
    # plan-2026-010 reports every 7d; its 9th report was sent Fri 11-20 16:00 → the 10th.
    "progress-report/jadepay/plan-2026-010#report-10": ("on_track", at(2026, 11, 27, 16), None),
    # Strategic revisit 30d after the start on 11-10.
    "client-revisit/jadepay/app-2026-0035#revisit": ("on_track", at(2026, 12, 10), None),
    # plan-2026-010's 4th milestone (Offer accepted) due 12-11, not done; the plan is active.
    # plan-2026-014 is only proposed: its milestones and commitment are not clocks yet.
    "milestone/jadepay/plan-2026-010#milestone-4": ("on_track", date(2026, 12, 11), None),
    "improvement-action/jadepay/fb-2026-003#action-1": ("on_track", date(2026, 12, 15), None),
    # 39 meetings and visits so far, the last on 11-17 10:00: the 40th within 30d (strategic).
    "regular-meeting/jadepay/jadepay#meeting-40": ("on_track", at(2026, 12, 17, 10), None),
    # Tier reviewed 2026-06-30: due 365d later.
    "tier-review/jadepay/jadepay#tier-review": ("on_track", at(2027, 6, 30), None),
}  # fmt: skip

# Zhao Lei manages no client: their feed is the actions and follow-ups they own elsewhere
# (two older ones of theirs are done: fb-2025-002, fb-2025-005).
ZHAO_LEI = {
    "improvement-action/pinecone-games/fb-2026-002#action-1": ("overdue", date(2026, 10, 30), None),
    "improvement-action/brightpath-edu/tp-2026-1113-brightpath-call#follow-up-1": (
        "on_track", date(2026, 11, 25), None),
    "improvement-action/tidewater-energy/tp-2026-1105-tidewater-visit#follow-up-2": (
        "on_track", date(2026, 11, 27), None),
}  # fmt: skip


@pytest.fixture(scope="module")
def handbook():
    return prepare(DEMO_RECORDS, DEMO_RECORDS.parent, AS_OF, "en", jobs=1)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def items(data: bytes) -> dict[str, tuple[str, object, timedelta | None]]:
    """UID (without the domain) → (state, start, alarm trigger) of each event of a feed."""
    found = {}
    for event in parse(data).walk("VEVENT"):
        uid = str(event["UID"])
        assert uid.endswith("@hirebook"), uid
        alarms = event.walk("VALARM")
        trigger = alarms[0].decoded("TRIGGER") if alarms else None
        state = str(event["DESCRIPTION"]).split("\n")[0].removeprefix("State: ")
        found[uid.removesuffix("@hirebook")] = (state.replace(" ", "_"), event.start, trigger)
    return found


def test_a_client_feed_worked_out_by_hand(handbook):
    assert items(handbook.feeds["feeds/clients/jadepay.ics"]) == JADEPAY


def test_a_person_feed_worked_out_by_hand(handbook):
    assert items(handbook.feeds["feeds/team/zhao-lei.ics"]) == ZHAO_LEI


def test_an_event_in_full(handbook):
    calendar = parse(handbook.feeds["feeds/clients/jadepay.ics"])
    assert str(calendar["X-WR-CALNAME"]) == (
        "Example Talent Partners: deadlines for JadePay Financial Services Ltd."
    )
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    notice = events["candidate-notice/jadepay/app-2026-0064#interview-3@hirebook"]
    assert str(notice["SUMMARY"]) == (
        "[at risk] Candidate told the interview result (24-hour rule): app-2026-0064#interview-3"
    )
    assert notice["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert notice.start.tzinfo.key == "Asia/Shanghai"
    assert "DTEND" not in notice  # an instant
    assert str(notice["URL"]) == "../../clients/jadepay/#app-2026-0064"  # the application's row
    assert str(notice["TRANSP"]) == "TRANSPARENT"
    assert notice.decoded("DTSTAMP") == at(2026, 11, 20, 17)
    alarm = notice.walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == str(notice["SUMMARY"])
    milestone = events["milestone/jadepay/plan-2026-010#milestone-4@hirebook"]
    assert milestone["DTSTART"].params.get("VALUE") == "DATE"
    assert milestone.end == date(2026, 12, 12)  # one day
    assert str(milestone["SUMMARY"]) == "Plan milestone: plan-2026-010#milestone-4"
    # The zone's rules travel with the feed, for the span of its timed items.
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"]


def test_an_at_risk_all_day_item_rings_when_the_working_day_starts(handbook):
    # plan-2026-008's 4th client commitment is due today, 11-20, not done: less than a day
    # left → at risk; the policy's working day starts at 09:00.
    found = items(handbook.feeds["feeds/team/wang-li.ics"])
    assert found["client-commitment/northwind-cloud/plan-2026-008#commitment-4"] == (
        "at_risk", date(2026, 11, 20), timedelta(hours=9))  # fmt: skip


def test_links_go_to_the_page_that_explains_the_item(handbook):
    def urls(feed: str) -> dict[str, str]:
        return {str(e["UID"]): str(e["URL"]) for e in parse(handbook.feeds[feed]).walk("VEVENT")}

    # A requirement's clock: its requirement's page, relative to the person's feed.
    person = urls("feeds/team/wang-li.ics")
    # A clock of the client's own file: its page, no row.
    assert person["regular-meeting/evergreen-health/evergreen-health#meeting-31@hirebook"] == (
        "../../clients/evergreen-health/"
    )
    assert person["plan-proposal/evergreen-health/req-2026-016@hirebook"] == (
        "../../clients/evergreen-health/requirements/req-2026-016/"
    )
    agency = urls("feeds/agency.ics")
    assert agency["plan-proposal/evergreen-health/req-2026-016@hirebook"] == (
        "../clients/evergreen-health/requirements/req-2026-016/"
    )
    # A candidate's clock: the SLA board (no page shows a candidate).
    assert agency["data-retention/agency/cand-0055@hirebook"] == "../sla/"


def test_absolute_links_with_the_site_url():
    links = feeds.Links("https://example.github.io/handbook/")
    assert links.to_page("clients/acme/index.md", "feeds/agency.ics") == (
        "https://example.github.io/handbook/clients/acme/"
    )
    flat = feeds.Links(None, directory_urls=False)
    assert flat.to_page("clients/acme/requirements/req-1.md", "feeds/team/x.ics") == (
        "../../clients/acme/requirements/req-1.html"
    )
    assert feeds.Links().to_page("index.md", "feeds/agency.ics") == "../"


def board_items(handbook, keep) -> dict[str, tuple[str, object]]:
    """What the SLA board says a feed must hold: UID → (state, start)."""
    expected = {}
    for finding in handbook_board(handbook).findings:
        clock = finding.clock
        if not finding.state.is_open or not keep(clock):
            continue
        due = clock.due.astimezone(SHANGHAI)
        start = due.date() if clock.due_date_rule else due
        expected[f"{clock.rule}/{clock.client or 'agency'}/{clock.subject}"] = (
            finding.state.value,
            start,
        )
    return expected


def handbook_board(handbook):
    from hirebook.records.repository import load
    from hirebook.sla.engine import evaluate_all

    repo = load(DEMO_RECORDS, DEMO_RECORDS.parent)
    return evaluate_all(repo, handbook.as_of)


def test_every_feed_holds_the_open_clocks_of_the_board(handbook):
    repo_people = [p.rsplit("/", 1)[1][:-4] for p in handbook.feeds if "/team/" in p]
    repo_clients = [p.rsplit("/", 1)[1][:-4] for p in handbook.feeds if "/clients/" in p]
    assert "zhao-lei" in repo_people and "jadepay" in repo_clients
    assert len(repo_people) == 6 and len(repo_clients) == 12  # every one, even without clocks
    checks = [("feeds/agency.ics", lambda clock: True)]
    checks += [(feeds.person_path(p), lambda c, p=p: c.owner == p) for p in repo_people]
    checks += [(feeds.client_path(c), lambda k, c=c: k.client == c) for c in repo_clients]
    for path, keep in checks:
        found = items(handbook.feeds[path])
        assert {uid: item[:2] for uid, item in found.items()} == board_items(handbook, keep), path
        for uid, (state, _, trigger) in found.items():  # an alarm exactly when at risk
            assert (trigger is not None) == (state == State.AT_RISK.value), (path, uid)


def test_uids_are_kept_from_build_to_build(handbook):
    again = prepare(DEMO_RECORDS, DEMO_RECORDS.parent, AS_OF, "en", jobs=2)
    assert again.feeds == handbook.feeds  # the same records and instant: the same bytes
    # Three days later the board has moved on (some clocks stopped, some started, states
    # changed): every clock still open keeps its UID, whatever its place in the feed.
    later = prepare(DEMO_RECORDS, DEMO_RECORDS.parent, "2026-11-23T10:00:00+08:00", "en", jobs=1)
    before = items(handbook.feeds["feeds/clients/jadepay.ics"])
    after = items(later.feeds["feeds/clients/jadepay.ics"])
    kept = set(before) & set(after)
    assert "regular-meeting/jadepay/jadepay#meeting-40" in kept
    # Past Mon 09:30 the client feedback on app-2026-0074 is overdue: same item, same UID.
    assert after["client-feedback/jadepay/app-2026-0074"][0] == "overdue"
    for uid in kept:
        assert before[uid][1] == after[uid][1], uid
    # Within a feed every UID is one clock.
    for data in handbook.feeds.values():
        uids = [str(e["UID"]) for e in parse(data).walk("VEVENT")]
        assert len(uids) == len(set(uids))


def test_summaries_and_messages_in_the_site_language(handbook):
    zh = prepare(DEMO_RECORDS, DEMO_RECORDS.parent, AS_OF, "zh-Hant", jobs=1)
    events = {str(e["UID"]): e for e in parse(zh.feeds["feeds/clients/jadepay.ics"]).walk("VEVENT")}
    day7 = events["onboarding-check-in/jadepay/app-2026-0035#day-7@hirebook"]
    assert str(day7["SUMMARY"]) == "【已逾期】入職跟蹤：app-2026-0035#day-7"
    assert str(day7["DESCRIPTION"]).startswith("狀態：已逾期\n規則：入職跟蹤\n")
    # Its message as the pages word it: due 3 working days from 2026-11-17 09:00 (the 7th day
    # after start_on 2026-11-10) = Thu 2026-11-19 18:00; at Fri 17:00, 8 working hours late.
    assert "\n入職跟蹤（app-2026-0035#day-7）已逾期 8 個工作小時\n" in str(day7["DESCRIPTION"])
    english = {
        str(e["UID"]): e for e in parse(handbook.feeds["feeds/clients/jadepay.ics"]).walk("VEVENT")
    }
    assert "\nOnboarding check-in (app-2026-0035#day-7) is 8 working hours overdue\n" in str(
        english[str(day7["UID"])]["DESCRIPTION"]
    )


def candidate_secrets() -> list[str]:
    """Every candidate's name, e-mail and phone in the demo, read from their files here."""
    secrets = []
    for path in sorted((DEMO_RECORDS / "candidates").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        secrets += [str(data[key]) for key in ("name", "email", "phone") if data.get(key)]
    return secrets


def test_no_candidate_data_in_any_feed(handbook):
    secrets = candidate_secrets()
    assert len(secrets) > 100
    for path, data in handbook.feeds.items():
        # Unfolded (a long name could be cut by a line fold) and decoded.
        text = "\n".join(parse(data).content_lines()) + data.decode("utf-8").replace("\r\n ", "")
        for secret in secrets:
            assert secret not in text, (secret, path)
    assert "cand-0055" in handbook.feeds["feeds/agency.ics"].decode()  # the id is shown


def test_handbook_out_writes_the_feeds_beside_the_pages(handbook, tmp_path):
    from click.testing import CliRunner

    from hirebook.cli.main import cli

    out = tmp_path / "handbook"
    result = CliRunner().invoke(
        cli, ["handbook", "--records", str(DEMO_RECORDS), "--out", str(out), "--as-of", AS_OF]
    )
    assert result.exit_code == 0, result.output
    written = {p.relative_to(out).as_posix() for p in (out / "feeds").rglob("*.ics")}
    assert written == set(handbook.feeds)
    assert (out / "feeds/team/zhao-lei.ics").read_bytes() == handbook.feeds[
        "feeds/team/zhao-lei.ics"
    ]
    # The person's page links the feed where it was written.
    page = (out / "team/zhao-lei/index.md").read_text(encoding="utf-8")
    assert "(../../feeds/team/zhao-lei.ics)" in page


def test_a_new_clock_leaves_the_others_uids_alone(agency):
    """UIDs come from each clock's identity: a clock added before the others (an earlier file,
    an earlier due instant) moves them in the feed but changes none of them."""
    as_of = "2026-03-13T12:00:00+08:00"

    def acme() -> dict[str, tuple[str, object, timedelta | None]]:
        built = prepare(agency.records, agency.root, as_of, "en", jobs=1)
        return items(built.feeds["feeds/clients/acme.ics"])

    before = acme()
    agency.write(
        "clients/acme/applications/app-2026-0000.yaml",
        """\
        id: app-2026-0000
        requirement: req-2026-001
        candidate: cand-0001
        channel: referral
        submitted_at: 2026-03-12T09:00:00+08:00
        """,
    )
    after = acme()
    # Strategic: client feedback within 1bd (9 working hours) of Thu 03-12 09:00, so by 18:00
    # that day: overdue at Fri 12:00.
    assert after.pop("client-feedback/acme/app-2026-0000") == (
        "overdue", at(2026, 3, 12, 18), None)  # fmt: skip
    assert after == before
    assert before  # the agency has open clocks to keep


# The rules whose goal is a date (due "at the end of the due day"), from the policy reference:
# a plan's milestones and client commitments, improvement actions and follow-ups, and a
# candidate's retain_until.
DATED_RULES = {"milestone", "client-commitment", "improvement-action", "data-retention"}


def test_items_due_by_a_date_are_all_day_and_no_others(handbook):
    """One rule for every item (running.md, the command's help): a dated item is an all-day
    item on its due day, without a zone; every other item is at its due instant with the
    policy's zone, without an end."""
    seen = set()
    for event in parse(handbook.feeds["feeds/agency.ics"]).walk("VEVENT"):
        rule = str(event["UID"]).split("/", 1)[0]
        seen.add(rule)
        start = event["DTSTART"]
        if rule in DATED_RULES:
            assert start.params.get("VALUE") == "DATE" and "TZID" not in start.params, rule
            assert event.end == event.start + timedelta(days=1), rule
        else:
            assert start.params["TZID"] == "Asia/Shanghai" and "DTEND" not in event, rule
            assert isinstance(event.start, datetime), rule
    assert seen >= DATED_RULES and len(seen - DATED_RULES) >= 10  # both kinds are there
