"""Calendar feeds from records written to break them: text that reads like iCalendar, long
lines, a timezone with daylight saving time and a due instant in its gap, unrelated changes
that must leave every item's UID alone.

The small agency of ``conftest`` (acme, its application app-2026-0001), moved to
America/New_York and given, by hand, one application whose candidate-notice clock is due in
the hour New York's clocks skip on Sunday 2027-03-14, and one touchpoint whose follow-up is due
that day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from hirebook.handbook import feeds
from hirebook.handbook.site import HandbookError, prepare

AS_OF = "2027-03-13T12:00:00-05:00"  # Saturday, New York standard time (EST, UTC-5)
# What a record can hold that means something to an iCalendar reader: the text delimiters,
# the escape character, the words that open and close a component, and a line longer than a
# fold in three-byte characters.
HOSTILE_NAME = "Evil; Co, \\ Ltd. BEGIN:VEVENT UID:forged END:VCALENDAR " + "長い名前" * 10
HOSTILE_ACTION = "Send the notes\nEND:VEVENT\nBEGIN:VEVENT\nUID:forged@hirebook\nSUMMARY:x; y, z"
ACTION_YAML = HOSTILE_ACTION.replace("\n", "\\n")  # in a double-quoted YAML string
NOTICE = "candidate-notice/acme/app-2027-0002#interview-1@hirebook"
FOLLOW_UP = "improvement-action/acme/tp-2027-0001#follow-up-1@hirebook"


@pytest.fixture
def new_york(agency):
    """The agency in New York, with the two records that put items on 2027-03-14."""
    policy = (agency.records / "policy.yaml").read_text(encoding="utf-8")
    agency.write("policy.yaml", policy.replace("Asia/Shanghai", "America/New_York"))
    client = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    agency.write(
        "clients/acme/client.yaml",
        client.replace("name: ACME Technology Co., Ltd.", f"name: '{HOSTILE_NAME}'"),
    )
    # Interview 1 at Sat 02:30 EST; the candidate must be told within 24 hours: by Sun
    # 07:30 UTC. New York springs forward at Sun 02:00 EST (07:00 UTC) to 03:00 EDT (UTC-4),
    # so the due instant is 03:30 EDT: on a wall clock, 24 hours after 02:30 reads 02:30,
    # an hour that does not exist that day.
    interviewed(agency, "app-2027-0002", "2027-03-12", "2027-03-13T02:30:00-05:00")
    agency.write(
        "clients/acme/touchpoints/tp-2027-0001.yaml",
        f"""\
        id: tp-2027-0001
        type: call
        at: 2027-03-12T10:00:00-05:00
        by: wang-li
        summary: Weekly call
        follow_ups:
          - action: "{ACTION_YAML}"
            owner: wang-li
            due: 2027-03-14
        """,
    )
    return agency


def interviewed(agency, app: str, day: str, at: str) -> None:
    """Application ``app`` of acme, submitted and answered on ``day`` (15:00 and 16:00 New
    York time), its first interview at ``at``: passed at once, the candidate not told yet."""
    offset = at[-6:]
    agency.write(
        f"clients/acme/applications/{app}.yaml",
        f"""\
        id: {app}
        requirement: req-2026-001
        candidate: cand-0001
        channel: referral
        submitted_at: {day}T15:00:00{offset}
        client_feedback: {{at: {day}T16:00:00{offset}, decision: interview}}
        interviews:
          - {{round: 1, at: {at}, result: pass, result_at: {at}}}
        """,
    )


def acme_feed(agency, as_of: str = AS_OF) -> bytes:
    return prepare(agency.records, agency.root, as_of, "en", jobs=1).feeds["feeds/clients/acme.ics"]


def events(data: bytes) -> dict[str, object]:
    return {str(event["UID"]): event for event in Calendar.from_ical(data).walk("VEVENT")}


def test_record_text_never_makes_or_breaks_an_item(new_york):
    data = acme_feed(new_york)
    found = events(data)
    # Worked out from the records: acme's open clocks as of Sat 2027-03-13 12:00 — its first
    # regular meeting, plan-2026-001's first progress report, its tier review (all overdue
    # since 2024-2027), the candidate notice and the follow-up. Nothing forged.
    assert sorted(found) == [
        NOTICE,
        FOLLOW_UP,
        "progress-report/acme/plan-2026-001#report-1@hirebook",
        "regular-meeting/acme/acme#meeting-1@hirebook",
        "tier-review/acme/acme#tier-review@hirebook",
    ]
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT") == 5
    assert lines.count(b"END:VCALENDAR") == 1 and lines[-2:] == [b"END:VCALENDAR", b""]
    # The text comes back as the record holds it (its line breaks shown as \n, never acted
    # on): the delimiters were escaped, not taken.
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == f"Test Agency: deadlines for {HOSTILE_NAME}"
    description = str(found[FOLLOW_UP]["DESCRIPTION"]).split("\n")
    assert f"Client: {HOSTILE_NAME}" in description
    # The message is the pages' (in the catalogue's words): it names the follow-up by its id,
    # never by the action's text.
    message = [line for line in description if "(tp-2027-0001#follow-up-1) is due in" in line]
    assert len(message) == 1 and message[0].startswith("Improvement action or follow-up (")
    assert not [line for line in description if "Send the notes" in line]


def test_lines_are_folded_at_75_octets_between_characters(new_york):
    data = acme_feed(new_york)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) == 75  # the long name needs folds: RFC 5545 3.1
    assert sum(line.startswith(b" ") for line in lines) > 10
    for line in lines:  # each physical line whole UTF-8: no fold inside a character
        line.decode("utf-8")
    assert "\n" not in data.decode("utf-8").replace("\r\n", "")  # CRLF only


def test_a_due_instant_in_the_hour_daylight_saving_skips(new_york):
    data = acme_feed(new_york)
    notice = events(data)[NOTICE]
    assert notice.start == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)
    assert b"DTSTART;TZID=America/New_York:20270314T033000\r\n" in data
    assert "Due: 2027-03-14 03:30 (America/New_York)" in str(notice["DESCRIPTION"])
    # The zone's rules travel with the feed: the spring-forward of 2027 among them, so that a
    # calendar in another zone places 03:30 EDT at 07:30 UTC, not at 08:30.
    [zone] = Calendar.from_ical(data).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"
    assert b"RDATE:20250309T030000,20260308T030000,20270314T030000\r\n" in data
    assert b"TZOFFSETTO:-0400\r\n" in data


def test_a_due_instant_in_the_hour_daylight_saving_repeats(new_york):
    """New York falls back on Sunday 2027-11-07 at 02:00 EDT (06:00 UTC) to 01:00 EST: 01:30
    comes twice. Interview 1 at Sat 02:30 EDT (06:30 UTC) must be told by Sun 06:30 UTC, the
    second 01:30 (EST). With TZID, a calendar reads 01:30 as the first one (RFC 5545 3.3.5),
    05:30 UTC, an hour early: the item is written in UTC."""
    interviewed(new_york, "app-2027-0003", "2027-11-02", "2027-11-06T02:30:00-04:00")
    data = acme_feed(new_york, "2027-11-06T12:00:00-04:00")
    notice = events(data)["candidate-notice/acme/app-2027-0003#interview-1@hirebook"]
    assert notice.start == datetime(2027, 11, 7, 6, 30, tzinfo=UTC)
    assert b"DTSTART:20271107T063000Z\r\n" in data
    # An instant outside the repeated hour keeps its zone (it reads as it is written).
    assert b"DTSTART;TZID=America/New_York:20270314T033000\r\n" in acme_feed(new_york)


def test_a_due_day_is_the_same_day_in_every_calendar(new_york):
    """The follow-up is due "at the end of" Sunday 2027-03-14: an all-day item on that date,
    with no time and no zone (a calendar elsewhere shows it on the 14th too), not an event at
    23:59:59 New York time (the 15th in Shanghai, after midnight)."""
    follow_up = events(acme_feed(new_york))[FOLLOW_UP]
    assert follow_up["DTSTART"].params.get("VALUE") == "DATE"
    assert "TZID" not in follow_up["DTSTART"].params
    assert (follow_up.start, follow_up.end) == (date(2027, 3, 14), date(2027, 3, 15))
    assert str(follow_up["TRANSP"]) == "TRANSPARENT"  # nobody is busy because of it


def test_unrelated_changes_keep_every_uid_and_time(new_york):
    """Renaming the client and the account manager and adding another client change the
    words of the items, never their UIDs or times: a subscribed calendar updates them."""

    def items(data: bytes) -> dict[str, object]:
        return {uid: event.start for uid, event in events(data).items()}

    before = acme_feed(new_york)
    client = (new_york.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    new_york.write("clients/acme/client.yaml", client.replace(HOSTILE_NAME, "ACME Renamed"))
    person = (new_york.records / "team/wang-li.yaml").read_text(encoding="utf-8")
    new_york.write("team/wang-li.yaml", person.replace("王麗 (Wang Li)", "Wang Li"))
    new_york.write(
        "clients/zeta/client.yaml",
        client.replace("id: acme", "id: zeta").replace(HOSTILE_NAME, "Zeta"),
    )
    after = acme_feed(new_york)
    assert items(after) == items(before)
    assert after != before  # the words did change
    assert "Client: ACME Renamed" in str(events(after)[NOTICE]["DESCRIPTION"])


ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def test_a_feed_is_named_by_an_id_safe_in_a_path_and_a_url(new_york):
    """Feeds are files named by person and client ids (``feeds/team/<id>.ics``): the schemas
    allow lower-case letters, digits and dashes, and a record whose id is anything else (a
    trailing line break passes the schema's ``$``) does not build."""
    built = prepare(new_york.records, new_york.root, AS_OF, "en", jobs=1)
    for path in built.feeds:
        stem = path.rsplit("/", 1)[1].removesuffix(".ics")
        assert ID.fullmatch(stem), path
    assert set(built.feeds) == {
        "feeds/agency.ics",
        "feeds/team/wang-li.ics",
        "feeds/team/zhou-min.ics",
        "feeds/clients/acme.ics",
    }
    evil = (new_york.records / "team/zhou-min.yaml").read_text(encoding="utf-8")
    new_york.write("team/evil.yaml", evil.replace("id: zhou-min", 'id: "evil\\n"'))
    with pytest.raises(HandbookError, match="team/evil.yaml"):
        prepare(new_york.records, new_york.root, AS_OF, "en", jobs=1)


@pytest.mark.parametrize(
    "url",
    ["https://example.github.io/handbook/", "http://localhost:8000/", "https://例子.example/手冊/"],
)
def test_a_site_address_is_any_http_address_without_white_space(url):
    assert feeds.site_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.org/hand book/", "holds white space"),
        ("https://example.org/\u0085x/", "holds white space"),
        ("ftp://example.org/", "is not an http or https address"),
        ("http://[::1/", "is not an http or https address"),  # urlsplit refuses it
        ("https://example.org/handbook/?a=1", "has a query or fragment"),
        ("https://example.org/handbook/#top", "has a query or fragment"),
    ],
)
def test_a_site_address_feed_links_cannot_start_with(url, problem):
    assert problem in feeds.site_url_problem(url)
