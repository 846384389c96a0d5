"""Templates for new records, and the next free id for kinds whose ids are sequential.

Templates are written as YAML text, not dumped from data, so that they can carry the comments
that teach a newcomer what each field is for. Every value that comes from the user goes
through :func:`scalar`, which quotes it as YAML requires, so a name such as ``Yes: Partners``
or ``#1 Talent`` cannot break the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime

from hirebook.records.convert import YEARS

SEQUENTIAL = {
    # kind: (prefix, uses the year, digits)
    "requirement": ("req", True, 3),
    "plan": ("plan", True, 3),
    "application": ("app", True, 4),
    "touchpoint": ("tp", True, 4),
    "feedback": ("fb", True, 3),
    "candidate": ("cand", False, 4),
}

_PLAIN_SAFE = re.compile(r"[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff .()/&'-]*\Z")


def scalar(value: object) -> str:
    """``value`` as a YAML scalar that reads back as exactly the same text."""
    text = str(value)
    plain_ok = (
        _PLAIN_SAFE.match(text)
        and not text.endswith(" ")
        and ": " not in text
        and " #" not in text
        and text.lower() not in {"true", "false", "null", "yes", "no", "on", "off", "~"}
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def next_id(kind: str, existing: Iterable[str], today: date) -> str:
    """The next free sequential id: ``req-2026-015`` after ``req-2026-014``."""
    prefix, with_year, digits = SEQUENTIAL[kind]
    stem = f"{prefix}-{today.year}-" if with_year else f"{prefix}-"
    pattern = re.compile(re.escape(stem) + r"(\d+)\Z")
    numbers = [int(m.group(1)) for m in map(pattern.match, existing) if m]
    width = max([digits, *(len(m.group(1)) for m in map(pattern.match, existing) if m)])
    return f"{stem}{max(numbers, default=0) + 1:0{width}d}"


_ID_LENGTH = 64
"""The longest id (``records.layout.ID``)."""
TOUCHPOINT_WORDS = {"progress_report": "report"}
"""A touchpoint type's word in its id where the type is not one (an underscore), as the demo
names them."""


def touchpoint_id(existing: Iterable[str], day: date, client: str, kind: str) -> str:
    """A new touchpoint's id, the day first as the design and the demo name them
    (``tp-2026-0311-weekly``; ``tp-2026-1123-northwind-cloud-meeting``): a sequence number
    (``tp-2026-0001``) would read as a day there. The client keeps it unique across the
    agency's folders; ``-2``, ``-3``… follow a second of the type that day. A client id too
    long for the 64 characters of an id is shortened."""
    taken = set(existing)
    stem = f"tp-{day.year:04d}-{day.month:02d}{day.day:02d}-"
    word = TOUCHPOINT_WORDS.get(kind, kind)
    room = _ID_LENGTH - len(stem) - len(word) - len("--999")
    base = f"{stem}{client[:room].rstrip('-')}-{word}"
    number = 1
    while (candidate := base if number == 1 else f"{base}-{number}") in taken:
        number += 1
    return candidate


def _noted(line: str, comment: str, width: int = 30) -> str:
    """``line`` with ``comment`` after its first ``width`` characters, where the template's
    other lines have theirs, whatever the length of the value written (two spaces at least)."""
    return f"{line}{' ' * max(width - len(line), 2)}# {comment}"


Agreed = tuple[date, str]
"""An item agreed with its due day: a plan's milestone or client commitment, a touchpoint's
follow-up, a feedback's improvement action."""


def _dated(
    key: str, items: Iterable[Agreed], empty: str, name_key: str, owner: str | None = None
) -> str:
    """The list ``key`` of items (``name_key``, the ``owner`` if any, ``due``), one flow
    mapping a line; ``empty`` (the key's line with nothing agreed) when there are none."""
    owned = f", owner: {owner}" if owner else ""
    lines = [
        f"  - {{{name_key}: {scalar(name)}{owned}, due: {due.isoformat()}}}\n"
        for due, name in items
    ]
    return f"{key}:\n" + "".join(lines) if lines else empty


def client(record_id: str, name: str, tier: str, manager: str, today: date) -> str:
    return f"""\
id: {record_id}
name: {scalar(name)}
# name_local: 中文名稱                  # optional: the name in Chinese
industry: other                       # e.g. internet, fintech, manufacturing, retail
{_noted(f"tier: {tier}", "strategic | key | ordinary", 38)}
tier_reason: Why this tier — industry, urgency of hiring, history of the relationship.
tier_reviewed_on: {today.isoformat()}
status: prospect                      # prospect | active | paused | former
since: {today.isoformat()}
{_noted(f"account_manager: {manager}", "the designated point of contact (records/team/)", 38)}
contacts:                             # people at the client
  - name: Contact Name
    role: HR Manager
    primary: true
notes: |
  What the team should know about this client (Markdown).
"""


def requirement(record_id: str, title: str, now: datetime, hiring_manager: str | None) -> str:
    manager_line = (
        _noted(f"hiring_manager: {scalar(hiring_manager)}", "a name from the client's contacts", 38)
        if hiring_manager
        else "# hiring_manager: Name                # a name from the client's contacts"
    )
    return f"""\
id: {record_id}
title: {scalar(title)}
status: draft                  # draft | confirmed (both signed) | on_hold | filled | cancelled
received_at: {now.isoformat(timespec="seconds")}   # when the client raised the need
openings: 1
background: Why the position exists.      # 職位背景
responsibilities: []                      # 崗位職責
requirements: {{must: [], nice: []}}        # 人才要求
{manager_line}
# target_fill_by: {now.date().isoformat()}             # 招聘週期
# budget: {{amount: 100000, currency: CNY}}  # 預算
# confirmation:                           # both signatures make the requirement confirmed
#   client_signed_by: Name
#   client_signed_on: {now.date().isoformat()}
#   agency_signed_by: your-team-id
#   agency_signed_on: {now.date().isoformat()}
"""


def plan(
    record_id: str,
    requirements: list[str],
    today: date,
    milestones: Iterable[Agreed] = (),
    commitments: Iterable[Agreed] = (),
) -> str:
    """A draft plan. Its milestones and the client's commitments are due-date clocks once the
    client agrees the plan, so none is written that the user did not date: an example due
    today would be overdue by that evening."""
    listed = ", ".join(requirements)
    return (
        f"""\
id: {record_id}
requirements: [{listed}]
status: draft                 # draft | proposed | active (client confirmed) | closed
# proposed_on: {today.isoformat()}         # hirebook log proposed {record_id}
# client_confirmed_on: {today.isoformat()} # hirebook log agreed {record_id}
position_analysis: The market for this role, and where the candidates are.
# channels: headhunting, job_board, referral, campus, social_media, talent_pool, other
channels: [headhunting]
"""
        + _dated(
            "milestones",
            milestones,
            "milestones: []                # e.g. {name: First shortlist, due: ...}\n",
            "name",
        )
        + """\
interview_process:
  - {round: 1, name: Agency screen, by: agency}
reporting: {every: 7d}        # progress report cadence
"""
        + _dated(
            "client_commitments",
            commitments,
            "# client_commitments: what the client promised, e.g. {what: Name interviewers, "
            "due: ...}\nclient_commitments: []\n",
            "what",
        )
    )


def application(
    record_id: str, requirement_id: str, candidate: str, channel: str, now: datetime
) -> str:
    return f"""\
id: {record_id}
requirement: {requirement_id}
{_noted(f"candidate: {candidate}", "the id only: personal data stays in records/candidates/")}
{_noted(f"channel: {channel}", "where the candidate came from (source of hire)")}
submitted_at: {now.isoformat(timespec="seconds")}   # when the resume was sent to the client
# client_feedback: {{at: ..., decision: interview}}   # interview | reject | hold
"""


def touchpoint(
    record_id: str,
    kind: str,
    by: str,
    now: datetime,
    plan_id: str | None,
    summary: str,
    follow_ups: Iterable[Agreed] = (),
) -> str:
    plan_line = f"plan: {plan_id}\n" if plan_id else ""
    return f"""\
id: {record_id}
{_noted(f"type: {kind}", "meeting | call | visit | revisit | progress_report | email | other")}
at: {now.isoformat(timespec="seconds")}
by: {by}
with: []                      # names of the client's people who took part
{plan_line}summary: {scalar(summary)}
""" + _dated(
        "follow_ups",
        follow_ups,
        "follow_ups: []                "
        f"# e.g. {{action: Send revised JD, owner: {by}, due: ...}}\n",
        "action",
        by,
    )


def feedback(
    record_id: str,
    by: str,
    today: date,
    overall: int,
    requirement: str | None = None,
    actions: Iterable[Agreed] = (),
) -> str:
    """A feedback record; naming the filled ``requirement`` stops its feedback-survey clock."""
    about = (
        _noted(f"requirement: {requirement}", "the requirement the feedback is about")
        if requirement
        else "# requirement: req-2026-001   # optional: the requirement the feedback is about"
    )
    scores = _noted(
        f"scores: {{overall: {overall}}}",
        "1..5; also responsiveness, candidate_quality, communication",
    )
    return f"""\
id: {record_id}
on: {today.isoformat()}
collected_by: {by}
{about}
{scores}
# nps: 9                      # 0..10: how likely to recommend us
comments: What the client said.
""" + _dated(
        "actions",
        actions,
        "actions: []                   # improvements: {action: ..., owner: ..., due: ...}\n",
        "action",
        by,
    )


def candidate(record_id: str, name: str, today: date) -> str:
    """A candidate whose consent is given ``today`` and kept two years."""
    retain = _two_years_after(today)
    return f"""\
# Personal data: this file is never published. Refer to the candidate by id elsewhere.
id: {record_id}
name: {scalar(name)}
# email: name@mail.example
# phone: "+86 138 0000 0000"
consent: {{given_on: {today.isoformat()}, purpose: Recruitment for client roles}}
retain_until: {retain.isoformat()}   # delete the file or renew consent by then
"""


def _two_years_after(day: date) -> date:
    """The same day two years later (28 February for 29 February), but no later than the last
    day records hold: deleting the data earlier never breaches the consent."""
    if day.year + 2 > YEARS[-1]:
        return date(YEARS[-1], 12, 31)
    return day.replace(year=day.year + 2, day=28 if (day.month, day.day) == (2, 29) else day.day)


def person(record_id: str, name: str, role: str) -> str:
    return f"""\
id: {record_id}
name: {scalar(name)}
{_noted(f"roles: [{role}]", "account_manager | recruiter | lead")}
# email: {record_id}@example.com
# github: handle              # used to generate CODEOWNERS
active: true
"""


# --- the commented examples, for the events that fill them ---------------------------------------

_EXAMPLE_DAY = date(2999, 12, 31)
"""The day the templates are written with to find their examples: any day in the records'
years, read back as "a day" (the example shows the day its record was written)."""
_EXAMPLE_FIELD = re.compile(r"# ([a-z_]+):")
_EXAMPLE_MORE = re.compile(r"#   \S")


def examples(kind: str, record_id: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """The commented example lines the template of ``kind`` writes, by the top-level field
    they show (``# proposed_on: 2026-11-23 …`` for ``proposed_on``; ``# confirmation:`` and its
    indented lines for ``confirmation``): each line a pattern of the whole line as the template
    writes it for ``record_id``, its days any day. ``hirebook log`` takes them out when its
    event writes the field; a line a person changed no longer matches and stays."""
    written = _EXAMPLE_TEMPLATES.get(kind)
    if written is None:
        return {}
    found: dict[str, list[re.Pattern[str]]] = {}
    field = None
    for line in written(record_id).splitlines():
        start = _EXAMPLE_FIELD.match(line)
        if start:
            field = start.group(1)
            found[field] = []
        elif field is None or not _EXAMPLE_MORE.match(line):
            field = None
            continue
        day = re.escape(_EXAMPLE_DAY.isoformat())
        found[field].append(re.compile(re.escape(line).replace(day, r"\d{4}-\d{2}-\d{2}")))
    return {key: tuple(lines) for key, lines in found.items()}


_EXAMPLE_AT = datetime.combine(_EXAMPLE_DAY, datetime.min.time())
_EXAMPLE_TEMPLATES = {
    "requirement": lambda rid: requirement(rid, "Title", _EXAMPLE_AT, None),
    "plan": lambda rid: plan(rid, ["req"], _EXAMPLE_DAY),
    "application": lambda rid: application(rid, "req", "cand", "referral", _EXAMPLE_AT),
    "touchpoint": lambda rid: touchpoint(rid, "call", "by", _EXAMPLE_AT, None, "Summary"),
    "feedback": lambda rid: feedback(rid, "by", _EXAMPLE_DAY, 3),
}
"""Each kind an event is about, written by its template as ``new`` writes it by default."""


def case(title: str, author: str, today: date, outcome: str) -> str:
    return f"""\
---
title: {scalar(title)}
author: {author}
on: {today.isoformat()}
tags: [lessons]
{_noted(f"outcome: {outcome}", "success | failure | mixed")}
---

## Situation

What the client needed, and what made it hard.

## What we did

## What we learned
"""
