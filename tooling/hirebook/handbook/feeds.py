"""Calendar feeds (iCalendar, RFC 5545) of the open SLA clocks, published with the handbook.

One feed per team member (the clocks they must act on: their clients' open clocks, their
follow-ups and improvement actions, the milestones and client commitments of their plans, the
regular meetings due), one per client (that client's open clocks) and one for the whole agency
(every open clock, the candidates' data-retention clocks too). Each is a file of the built site
(:func:`files`, beside the pages), and ``hirebook calendar`` writes one without building it.

The items are the SLA board's open clocks as of the handbook's instant, nothing else, so a feed
never says something the board does not. Each item is a ``VEVENT`` — what Outlook and Google
Calendar show from a subscribed feed (Google ignores ``VTODO``):

- ``UID``: the clock's identity on the board — its rule, client and subject
  (``milestone/northwind-cloud/plan-2026-008#milestone-4@hirebook``) — never its place in the
  feed or its times, so a subscribed calendar updates an item from build to build instead of
  duplicating it. A clock that stops leaves the feed (its event disappears); the next one of a
  recurring rule (``#meeting-32`` after ``#meeting-31``) is a new item.
- ``SUMMARY``: the rule's title and the item's id in the site's language, prefixed with the
  state when the clock is overdue or at risk.
- ``DTSTART``: the due instant in the policy's timezone (``TZID`` with a ``VTIMEZONE`` made by
  the icalendar library from the zone's rules). Due-date rules (milestones, client commitments,
  actions and follow-ups, data-retention dates: due "at the end of the due day") are all-day
  items on that day in the policy's calendar: a calendar shows them at the top of the day and
  on that date in any timezone, where an event at 23:59:59 would sit below the working hours,
  remind near midnight and move to the next or the previous day in another timezone. The
  description still gives the due instant. Items are ``TRANSPARENT``: a deadline makes nobody
  busy.
- ``URL``: the page that explains the item — its requirement's page, else its client's page
  (at the record's row: ``#app-2026-0074``), else the SLA board. Absolute when the site's
  ``site_url`` is known; otherwise relative to the feed's own address (``../../clients/acme/``),
  which a client resolving it against the subscription URL turns into the page.
- ``VALARM`` for an at-risk item: one hour before a timed due instant, or at the start of the
  working day (the policy's hours) on the due day of an all-day item.
- ``DESCRIPTION``: state, rule, client, owner, due instant and the message the pages show
  for the clock, in the site's language; ids only for candidates, as on every page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event, Timezone, vDuration

from hirebook.handbook import blocks, clocks, paths
from hirebook.handbook.context import Context
from hirebook.handbook.messages import clock_message
from hirebook.output.inert import inert
from hirebook.privacy import NOTHING, Redactor
from hirebook.records.repository import Repository
from hirebook.sla.clock import Finding, State

FOLDER = "feeds"
AGENCY = f"{FOLDER}/agency.ics"
UID_DOMAIN = "hirebook"
"""The right-hand side of every ``UID``: fixed, so that no setting (a new ``site_url``) renames
every item of a subscribed calendar."""
PRODID = "-//hirebook//SLA calendar feed//EN"
REFRESH = timedelta(hours=6)
"""How often a subscribed calendar should fetch the feed again: the handbook is rebuilt every
morning and on every merge, so a few hours keeps it current without hammering the host."""
ALARM_BEFORE = timedelta(hours=1)
"""An at-risk timed item's alarm, before its due instant: time enough to act."""
FLAGGED = (State.OVERDUE, State.AT_RISK)
"""States named in the summary: the ones the SLA board asks someone to act on."""
END = b"END:VCALENDAR\r\n"
"""The last line of a feed, after which :meth:`Feeds.feed` puts the events."""


def person_path(person_id: str) -> str:
    """The site path of a team member's feed."""
    return f"{FOLDER}/team/{person_id}.ics"


def client_path(client_id: str) -> str:
    """The site path of a client's feed."""
    return f"{FOLDER}/clients/{client_id}.ics"


@dataclass(frozen=True)
class Links:
    """How the site's pages are addressed: the ``site_url`` (None: links relative to the feed)
    and MkDocs' ``use_directory_urls`` (``clients/acme/``, not ``clients/acme/index.html``)."""

    site_url: str | None = None
    directory_urls: bool = True

    def to_page(self, page: str, feed: str) -> str:
        """The URL of page source path ``page`` (``clients/acme/index.md``) from ``feed``."""
        url = page_url(page, self.directory_urls)
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + url
        depth = feed.count("/")
        return "../" * depth + url if url or depth else "./"


def site_url_problem(url: str) -> str | None:
    """What keeps ``url`` from being the site's address in a feed's links, or None: an
    ``http(s)://host/…`` address without white space or control characters (the icalendar
    library refuses a line break in a URI; a space would end the link in a calendar)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [ of an IPv6 host, a port that is no number …
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{inert(url)!r} is not an http or https address (https://example.org/handbook/)"
    if parts.query or parts.fragment:  # the pages' paths are added at its end
        return f"{inert(url)!r} has a query or fragment (?… or #…): give the site's address alone"
    if any(char.isspace() or not char.isprintable() for char in url):
        return (
            f"{inert(url)!r} holds white space or a control character: percent-encode it "
            "(%20 for a space)"
        )
    return None


def page_url(page: str, directory_urls: bool = True) -> str:
    """A page's URL path from the site root, as MkDocs makes it from the source path."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def feed_paths(repo: Repository) -> list[str]:
    """The site path of every feed: the agency's, each team member's, each client's."""
    return [
        AGENCY,
        *(person_path(person_id) for person_id in repo.people),
        *(client_path(client_id) for client_id in repo.clients),
    ]


def files(ctx: Context, links: Links | None = None) -> dict[str, bytes]:
    """Every feed of the site by its path: the agency's, each team member's, each client's."""
    return Feeds(ctx, links).every_feed()


class Feeds:
    """The feeds of one handbook: its records, clocks and words (``ctx``), its links, and what
    the records' text must withhold (``redactor``, for ``hirebook calendar``).

    An item is in up to three feeds (its owner's, its client's, the agency's); its ``VEVENT``
    is written once for each folder depth of a feed (its relative link depends on it) and
    shared: two writings of each item rather than three.
    """

    def __init__(
        self, ctx: Context, links: Links | None = None, redactor: Redactor = NOTHING
    ) -> None:
        self.ctx = ctx
        self.links = links or Links()
        self.redactor = redactor
        self._written: dict[tuple[int, int], bytes] = {}

    def every_feed(self) -> dict[str, bytes]:
        """Every feed by its path, in the order of :func:`feed_paths`."""
        built = {AGENCY: self.agency()}
        for person_id in self.ctx.repo.people:
            built[person_path(person_id)] = self.person(person_id)
        for client_id in self.ctx.repo.clients:
            built[client_path(client_id)] = self.client(client_id)
        return built

    def agency(self) -> bytes:
        """Every open clock of the agency."""
        name = self.ctx.labels("feeds.agency", agency=self._agency())
        return self.feed(AGENCY, name, self.ctx.open_findings)

    def person(self, person_id: str) -> bytes:
        """The open clocks ``person_id`` must act on."""
        person = self.ctx.repo.people.get(person_id)
        who = self.redactor.field(person.name) if person and person.name else person_id
        name = self.ctx.labels("feeds.person", agency=self._agency(), name=inert(who))
        return self.feed(person_path(person_id), name, self.ctx.open_by_owner.get(person_id, []))

    def client(self, client_id: str) -> bytes:
        """The open clocks of client ``client_id``."""
        client = self.ctx.repo.clients.get(client_id)
        label = self.redactor.text(client.name) if client and client.name else client_id
        name = self.ctx.labels("feeds.client", agency=self._agency(), name=inert(label))
        return self.feed(client_path(client_id), name, self.ctx.open_by_client.get(client_id, []))

    def _agency(self) -> str:
        policy = self.ctx.repo.policy
        return inert(self.redactor.text(policy.agency)) if policy and policy.agency else "hirebook"

    def feed(self, path: str, name: str, findings: Iterable[Finding]) -> bytes:
        """One feed (at site path ``path``) of ``findings``, as the bytes of an ``.ics`` file.

        The same records, instant, language and links give the same bytes: ``DTSTAMP`` is the
        handbook's instant, not the time of writing.
        """
        ctx = self.ctx
        calendar = Calendar.new(
            name=name,
            description=ctx.labels("feeds.description", as_of=_as_of(ctx)),
            prodid=PRODID,
            uid=f"{path}@{UID_DOMAIN}",
            method="PUBLISH",
            refresh_interval=REFRESH,
        )
        calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))  # Outlook's REFRESH-INTERVAL
        calendar.add("X-WR-TIMEZONE", ctx.repo.zone.key)
        events, timed = [], []
        for finding in findings:
            events.append(self._event(finding, path))
            if not finding.clock.due_date_rule:
                timed.append(_local(ctx, finding.clock.due).year)
        if timed:  # the zone's rules over the years the items need, not 1970 to 2038
            calendar.add_component(_zone_rules(ctx.repo.zone.key, min(timed), max(timed)))
        # The calendar's properties and time zone, then the events (RFC 5545's icalbody).
        return calendar.to_ical().removesuffix(END) + b"".join(events) + END

    def _event(self, finding: Finding, path: str) -> bytes:
        key = (id(finding), path.count("/"))  # the findings live as long as the context
        if key not in self._written:
            self._written[key] = _new_event(
                self.ctx, finding, path, self.links, self.redactor
            ).to_ical()
        return self._written[key]


@functools.lru_cache(maxsize=16)
def _zone_rules(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The ``VTIMEZONE`` of ``tzid`` over whole years, so that the feeds of a build share one:
    icalendar works it out from the zone's transitions, tens of milliseconds each time."""
    return Timezone.from_tzid(
        tzid, first_date=date(first_year, 1, 1), last_date=date(last_year, 12, 31)
    )


def uid(finding: Finding) -> str:
    """The item's ``UID``: the clock's identity on the board (rule, client, subject)."""
    clock = finding.clock
    return f"{clock.rule}/{clock.client or 'agency'}/{clock.subject}@{UID_DOMAIN}"


def summary(ctx: Context, finding: Finding, redactor: Redactor = NOTHING) -> str:
    """The item's title in the site's language: state (when it asks for action), rule, id."""
    clock = finding.clock
    words = {
        "rule": ctx.labels.value("rule", clock.rule),
        "subject": inert(redactor.text(clock.subject)),
    }
    if finding.state in FLAGGED:
        state = ctx.labels.value("state", str(finding.state))
        return ctx.labels("feeds.summary_flagged", state=state, **words)
    return ctx.labels("feeds.summary", **words)


def _new_event(
    ctx: Context, finding: Finding, path: str, links: Links, redactor: Redactor
) -> Event:
    """The ``VEVENT`` of ``finding`` in the feed at site path ``path``."""
    clock = finding.clock
    due = _local(ctx, clock.due)
    title = summary(ctx, finding, redactor)
    if clock.due_date_rule:  # due at the end of the day: an all-day item on that day
        start: date | datetime = due.date()
        end: date | None = due.date() + timedelta(days=1)
    else:
        start, end = _writable(due), None  # an instant: no end (RFC 5545 3.6.1)
    event = Event.new(
        uid=uid(finding),
        summary=title,
        start=start,
        end=end,
        stamp=ctx.as_of,
        url=_url(ctx, finding, path, links),
        description=_description(ctx, finding, redactor),
        transparency="TRANSPARENT",
    )
    if finding.state is State.AT_RISK:
        event.add_component(_alarm(ctx, title, all_day=clock.due_date_rule))
    return event


def _writable(due: datetime) -> datetime:
    """``due`` as a ``DTSTART`` can say it: in the policy's zone, or in UTC when it falls in
    the second pass of an hour the zone repeats (``fold``: 01:30 EST after 01:30 EDT), which a
    local time with ``TZID`` cannot name — RFC 5545 3.3.5 reads it as the first pass, an hour
    early."""
    return due.astimezone(UTC) if due.fold else due


def _alarm(ctx: Context, title: str, all_day: bool) -> Alarm:
    alarm = Alarm.new(description=title)
    alarm.add("ACTION", "DISPLAY")
    if all_day:  # relative to the start of the due day: when the working day starts
        start = ctx.repo.policy.calendar.hours.start if ctx.repo.policy else "09:00"
        opens = time.fromisoformat(start)
        alarm.add("TRIGGER", timedelta(hours=opens.hour, minutes=opens.minute))
    else:
        alarm.add("TRIGGER", -ALARM_BEFORE)
    return alarm


def _url(ctx: Context, finding: Finding, feed: str, links: Links) -> str:
    """The page that explains the item, from ``feed``: its requirement's page, else its
    client's page at the record's row (an application, plan, touchpoint or feedback), else the
    SLA board (a candidate's clock)."""
    record = finding.clock.record
    page = clocks.page_of_record(ctx, record)
    if page is None:
        return links.to_page(paths.SLA, feed)
    anchor = clocks.row_anchor(ctx, record) if page == paths.client(finding.clock.client) else None
    return links.to_page(page, feed) + (f"#{anchor}" if anchor else "")


def _description(ctx: Context, finding: Finding, redactor: Redactor) -> str:
    labels = ctx.labels
    clock = finding.clock
    client = ctx.repo.clients.get(clock.client or "")
    person = ctx.repo.people.get(clock.owner or "")

    def field(key: str, value: str) -> str:  # in the language's punctuation (狀態：已逾期)
        return labels("punct.field", label=labels(key), value=value)

    due = labels("punct.aside", text=ctx.instant(clock.due), aside=ctx.repo.zone.key)
    lines = [
        field("state", labels.value("state", str(finding.state))),
        field("rule", labels.value("rule", clock.rule)),
        field("client", inert(redactor.text(client.name)) if client else labels("sla.no_client")),
        field("owner", inert(redactor.field(person.name)) if person else labels("sla.no_owner")),
        field("due", due),
    ]
    # The message the site's pages show for the clock, in the site's language.
    lines.append(inert(redactor.text(clock_message(labels, finding, ctx.day_length))))
    lines.append(field("source", inert(clock.record)))
    return "\n".join(lines)


def _as_of(ctx: Context) -> str:
    return f"{ctx.as_of:%Y-%m-%d %H:%M} ({ctx.repo.zone.key})"


def _local(ctx: Context, instant: datetime) -> datetime:
    return instant.astimezone(ctx.repo.zone)


def subscribe(ctx: Context, from_page: str, feed_path: str) -> str:
    """The "subscribe" line of a person's or client's page: a link to its feed."""
    link = blocks.link(ctx.labels("feeds.subscribe"), paths.link(from_page, feed_path))
    return f"{link} {ctx.labels('feeds.subscribe_how')}"
