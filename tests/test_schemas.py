"""The JSON Schemas in schemas/ against the record model and our conventions.

- every schema is valid draft 2020-12 and follows the house conventions ($id, titles,
  descriptions, additionalProperties false, x-enum-descriptions, shared $defs identical);
- every YAML example below (a record as users write it) validates against its schema;
- typical mistakes are rejected with the expected error.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from hirebook.sla.registry import SLA_RULES as REGISTERED_RULES

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
KINDS = [
    "policy",
    "person",
    "candidate",
    "client",
    "requirement",
    "plan",
    "application",
    "touchpoint",
    "feedback",
    "case",
]
DRAFT = "https://json-schema.org/draft/2020-12/schema"

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?$"
)

# The shared types, as the conventions fix them (validation keywords only; the $defs may
# add a title and a description).
SHARED_DEFS = {
    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"},
    "date": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
    "datetime": {"type": "string", "pattern": DATETIME_PATTERN},
    "duration": {"type": "string", "pattern": "^(0|[1-9][0-9]{0,4}(bd|d|h|m))$"},
    "person": {"$ref": "#/$defs/id"},
    "optional_date": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
}
ANNOTATIONS = {"title", "description", "examples", "$comment"}


# --------------------------------------------------------------------------- YAML loading


class RecordLoader(yaml.SafeLoader):
    """YAML 1.2 core-schema booleans only (`on`, `yes`, `no` stay strings) and no timestamps
    (dates and datetimes stay strings, as the schemas expect)."""


RecordLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RecordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load(text: str) -> Any:
    return yaml.load(text, Loader=RecordLoader)  # noqa: S506 - a SafeLoader subclass


def front_matter(markdown: str) -> Any:
    lines = markdown.splitlines()
    assert lines[0] == "---", "front matter must start on the first line"
    end = lines.index("---", 1)
    return load("\n".join(lines[1:end]))


# --------------------------------------------------------------------------- schema helpers


def load_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


SCHEMAS = {kind: load_schema(kind) for kind in KINDS}


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[kind], format_checker=Draft202012Validator.FORMAT_CHECKER)


def subschemas(
    schema: Any, path: str = "#", *, skip_conditions: bool = True
) -> Iterator[tuple[str, dict]]:
    """Every subschema, with a JSON-pointer-like path. The `if` of an if/then is a
    condition, not the shape of a record, so it is skipped unless asked for."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for key in ("properties", "patternProperties", "$defs", "dependentSchemas"):
        for name, sub in schema.get(key, {}).items():
            yield from subschemas(sub, f"{path}/{key}/{name}", skip_conditions=skip_conditions)
    for key in (
        "items",
        "additionalProperties",
        "propertyNames",
        "contains",
        "not",
        "then",
        "else",
        "unevaluatedProperties",
        "unevaluatedItems",
    ):
        if isinstance(schema.get(key), dict):
            yield from subschemas(schema[key], f"{path}/{key}", skip_conditions=skip_conditions)
    if not skip_conditions and isinstance(schema.get("if"), dict):
        yield from subschemas(schema["if"], f"{path}/if", skip_conditions=skip_conditions)
    for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
        for i, sub in enumerate(schema.get(key, [])):
            yield from subschemas(sub, f"{path}/{key}/{i}", skip_conditions=skip_conditions)


def properties(schema: dict) -> Iterator[tuple[str, str, dict]]:
    """(path, property name, property schema) for every property of every subschema."""
    for path, sub in subschemas(schema):
        for name, prop in sub.get("properties", {}).items():
            yield path, name, prop
        for pattern, prop in sub.get("patternProperties", {}).items():
            yield path, pattern, prop


def is_object_schema(sub: dict) -> bool:
    t = sub.get("type")
    return (
        t == "object"
        or (isinstance(t, list) and "object" in t)
        or "properties" in sub
        or "patternProperties" in sub
    )


def all_errors(kind: str, instance: Any) -> list:
    return list(validator(kind).iter_errors(instance))


def assert_valid(kind: str, instance: Any) -> None:
    errors = all_errors(kind, instance)
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors
    )


# --------------------------------------------------------------------------- the schemas


def test_one_schema_per_kind() -> None:
    found = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert found == sorted(f"{kind}.schema.json" for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    schema = SCHEMAS[kind]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["$id"] == f"https://hirebook.example/schemas/{kind}.schema.json"
    assert schema["title"].strip() and schema["description"].strip()
    assert schema["type"] == "object"


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_self_contained(kind: str) -> None:
    defs = SCHEMAS[kind].get("$defs", {})
    for path, sub in subschemas(SCHEMAS[kind], skip_conditions=False):
        if "$ref" in sub:
            assert sub["$ref"].startswith("#/$defs/"), f"{kind} {path}: {sub['$ref']}"
            assert sub["$ref"].removeprefix("#/$defs/") in defs, f"{kind} {path}: dangling"
    assert "$dynamicRef" not in json.dumps(SCHEMAS[kind])


def test_same_named_defs_are_identical() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for kind in KINDS:
        for name, definition in SCHEMAS[kind].get("$defs", {}).items():
            text = json.dumps(definition, ensure_ascii=False)  # key order matters too
            if name in seen:
                other_kind, other_text = seen[name]
                assert text == other_text, f"$defs/{name} differs: {kind} vs {other_kind}"
            else:
                seen[name] = (kind, text)


@pytest.mark.parametrize("name", sorted(SHARED_DEFS))
def test_shared_defs_match_the_conventions(name: str) -> None:
    users = [kind for kind in KINDS if name in SCHEMAS[kind].get("$defs", {})]
    assert users, f"no schema defines $defs/{name}"
    definition = SCHEMAS[users[0]]["$defs"][name]
    keywords = {k: v for k, v in definition.items() if k not in ANNOTATIONS}
    assert keywords == SHARED_DEFS[name]
    if name == "person":
        assert definition["description"] == "a team member id (records/team/)"


def test_money_def() -> None:
    money = SCHEMAS["requirement"]["$defs"]["money"]
    assert money["required"] == ["amount", "currency"]
    assert money["properties"]["amount"]["minimum"] == 0
    assert money["properties"]["currency"]["pattern"] == "^[A-Z]{3}$"


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_forbids_unknown_keys(kind: str) -> None:
    for path, sub in subschemas(SCHEMAS[kind]):
        if is_object_schema(sub):
            assert sub.get("additionalProperties") is False, f"{kind} {path}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_title_and_description(kind: str) -> None:
    for path, name, prop in properties(SCHEMAS[kind]):
        for key in ("title", "description"):
            value = prop.get(key)
            assert isinstance(value, str) and value.strip(), f"{kind} {path}/{name}: {key}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_enum_explains_its_values(kind: str) -> None:
    for path, sub in subschemas(SCHEMAS[kind]):
        if "enum" in sub:
            meanings = sub.get("x-enum-descriptions")
            assert isinstance(meanings, dict), f"{kind} {path}: x-enum-descriptions missing"
            assert list(meanings) == sub["enum"], f"{kind} {path}"
            for value in sub["enum"]:
                assert f"`{value}`" in sub.get("description", ""), f"{kind} {path}: {value}"


def _refs_of(prop: dict) -> set[str]:
    found = {prop["$ref"]} if "$ref" in prop else set()
    for alt in prop.get("anyOf", []):
        found |= _refs_of(alt)
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_dates_and_datetimes_use_the_shared_defs(kind: str) -> None:
    """The loader types values by $ref: no date or datetime may be written inline."""
    schema = SCHEMAS[kind]
    for path, sub in subschemas(schema, skip_conditions=False):
        if path.startswith("#/$defs/date") or path.startswith("#/$defs/datetime"):
            continue
        assert sub.get("format") not in ("date", "date-time", "time"), f"{kind} {path}"
        assert sub.get("pattern") not in (DATE_PATTERN, DATETIME_PATTERN), f"{kind} {path}"
    date_refs = {"#/$defs/date", "#/$defs/optional_date"}
    for path, name, prop in properties(schema):
        if name in ("on", "due", "since", "retain_until", "target_fill_by") or name.endswith("_on"):
            assert _refs_of(prop) & date_refs, f"{kind} {path}/{name} is not a date"
        if name == "at" or name.endswith("_at"):
            assert _refs_of(prop) == {"#/$defs/datetime"}, f"{kind} {path}/{name}"


def test_datetime_has_no_format() -> None:
    for kind in KINDS:
        definition = SCHEMAS[kind].get("$defs", {}).get("datetime")
        if definition is not None:
            assert "format" not in definition


def test_candidate_personal_data_is_marked() -> None:
    props = SCHEMAS["candidate"]["properties"]
    assert "x-personal-data" not in props["id"]
    for name in ("name", "email", "phone"):
        assert props[name].get("x-personal-data") is True, name
    # everything optional about the person is personal; id, consent, retention are not
    for name, prop in props.items():
        if name not in ("id", "consent", "retain_until"):
            assert prop.get("x-personal-data") is True, name


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        ("policy", {"agency", "timezone", "calendar", "tiers"}),
        ("person", {"id", "name", "roles", "active"}),
        ("candidate", {"id", "consent", "retain_until"}),
        ("client", {"id", "name", "tier", "status", "since", "account_manager"}),
        ("requirement", {"id", "title", "status", "received_at", "openings"}),
        ("plan", {"id", "requirements", "status"}),
        ("application", {"id", "requirement", "candidate", "channel"}),
        ("touchpoint", {"id", "type", "at", "by", "summary"}),
        ("feedback", {"id", "on", "collected_by", "scores"}),
        ("case", {"title", "author", "on", "tags", "outcome"}),
    ],
)
def test_required_fields(kind: str, required: set[str]) -> None:
    assert set(SCHEMAS[kind]["required"]) == required


# The rules as registered: a rule added to hirebook.sla.registry fails the tests below until
# both schemas accept its goals (the schemas stay plain files, checked rather than generated).
SLA_RULES = [rule.id for rule in REGISTERED_RULES]


@pytest.mark.parametrize("kind", ["policy", "client"])
def test_sla_keys_are_the_registered_rules(kind: str) -> None:
    assert list(SCHEMAS[kind]["properties"]["sla"]["properties"]) == SLA_RULES


@pytest.mark.parametrize("rule", REGISTERED_RULES, ids=lambda rule: rule.id)
def test_due_date_rules_take_due_date_goals(rule) -> None:
    """A rule whose default is its items' own due date (``0``) takes the goals of a due-date
    rule, which allow ``0``; every other rule's goal must be more than zero."""
    expected = "due_date_tier_goals" if rule.default_goals == {"all": "0"} else "tier_goals"
    policy = SCHEMAS["policy"]["properties"]["sla"]["properties"][rule.id]
    assert policy["$ref"] == f"#/$defs/{expected}"


@pytest.mark.parametrize(
    ("kind", "path", "values"),
    [
        ("client", ["tier"], ["strategic", "key", "ordinary"]),
        ("client", ["status"], ["prospect", "active", "paused", "former"]),
        ("requirement", ["status"], ["draft", "confirmed", "on_hold", "filled", "cancelled"]),
        ("plan", ["status"], ["draft", "proposed", "active", "closed"]),
        (
            "touchpoint",
            ["type"],
            ["meeting", "call", "visit", "revisit", "progress_report", "email", "other"],
        ),
        ("case", ["outcome"], ["success", "failure", "mixed"]),
        ("person", ["roles", "items"], ["account_manager", "recruiter", "lead"]),
        (
            "application",
            ["client_feedback", "properties", "decision"],
            ["interview", "reject", "hold"],
        ),
        (
            "application",
            ["interviews", "items", "properties", "result"],
            ["pass", "fail", "pending"],
        ),
        ("plan", ["interview_process", "items", "properties", "by"], ["agency", "client"]),
        (
            "policy",
            ["calendar", "properties", "workdays", "items"],
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        ),
        ("policy", ["language"], ["en", "zh-Hant", "zh-Hans"]),
    ],
)
def test_enum_values(kind: str, path: list[str], values: list[str]) -> None:
    node = SCHEMAS[kind]["properties"]
    for step in path:
        node = node[step]
    assert node["enum"] == values


def test_channel_enum() -> None:
    for kind in ("plan", "application"):
        assert SCHEMAS[kind]["$defs"]["channel"]["enum"] == [
            "headhunting",
            "job_board",
            "referral",
            "campus",
            "social_media",
            "talent_pool",
            "other",
        ]


# --------------------------------------------------------------------------- YAML loader


def test_loader_keeps_on_yes_no_and_dates_as_strings() -> None:
    data = load("on: 2026-04-01\nat: 2026-03-05T14:30:00+08:00\nyes: no\nok: true\nx: null\n")
    assert data == {
        "on": "2026-04-01",
        "at": "2026-03-05T14:30:00+08:00",
        "yes": "no",
        "ok": True,
        "x": None,
    }
    assert load("[NO, Off, FALSE, True, 7, 0.25]") == ["NO", "Off", False, True, 7, 0.25]


# --------------------------------------------------------------------------- record examples

POLICY = """\
agency: Example Talent Partners            # the agency's name, shown in the handbook
timezone: Asia/Shanghai                    # IANA name
calendar:
  workdays: [mon, tue, wed, thu, fri]
  hours: {start: "09:00", end: "18:00"}
  holidays: [2026-10-01, 2026-10-02]       # days off that would otherwise be workdays
  extra_workdays: [2026-09-27]             # make-up working days (調休) that fall on weekends
tiers:
  strategic: {label: {en: Strategic, zh-Hant: 戰略客戶, zh-Hans: 战略客户}}
  key:       {label: {en: Key,       zh-Hant: 重點客戶, zh-Hans: 重点客户}}
  ordinary:  {label: {en: Ordinary,  zh-Hant: 普通客戶, zh-Hans: 普通客户}}
sla:                                        # goals per rule and tier
  client-feedback: {strategic: 1bd, key: 2bd, ordinary: 3bd}
  candidate-notice: {all: 24h}
  # ...
warn_within: 0.25                           # "at risk" once 75% of a goal has elapsed
"""

PERSON = """\
id: wang-li
name: 王麗 (Wang Li)
roles: [account_manager]        # account_manager | recruiter | lead
email: wang.li@example.com      # staff contact, may be published
github: wangli                  # used to generate CODEOWNERS
active: true
"""

CLIENT = """\
id: acme-tech
name: ACME Technology Co., Ltd.
name_local: 艾可美科技有限公司        # optional
industry: internet
tier: strategic                      # strategic | key | ordinary
tier_reason: Five-year partner, 20+ hires a year, urgent expansion in 2026
tier_reviewed_on: 2026-01-15
status: active                       # prospect | active | paused | former
since: 2024-03-01
account_manager: wang-li             # person: the designated point of contact
backup_manager: chen-jie             # optional person
contacts:                            # client-side people; business contact data
  - name: Zhang Wei
    role: HR Director
    email: zhang.wei@acme.example
    phone: "+86 21 5555 0100"
    primary: true
meetings: {every: 30d}               # regular meeting cadence; default comes from the tier
sla:                                 # optional per-client overrides agreed in the contract
  client-feedback: 2d
notes: Free text (Markdown).
"""

REQUIREMENT = """\
id: req-2026-014
title: Senior Front-end Engineer (with project management)
title_local: 高級前端工程師（兼項目管理）
status: confirmed            # draft | confirmed | on_hold | filled | cancelled
received_at: 2026-03-02T10:00:00+08:00   # the client raised the need
openings: 1
location: Shanghai
background: Why the position exists.          # 職位背景
responsibilities: [Lead the web client, Run sprint planning]   # 崗位職責
requirements:                                  # 人才要求
  must: [5+ years React, Led a team of 3+]
  nice: [Fintech background]
salary: {min: 40000, max: 60000, currency: CNY, per: month}
budget: {amount: 120000, currency: CNY}        # the client's budget for this hire (fee or total)
target_fill_by: 2026-05-31                     # 招聘週期
hiring_manager: Li Na                          # a name from client.yaml contacts
confirmation:                                  # both signatures make it "confirmed"
  client_signed_by: Zhang Wei
  client_signed_on: 2026-03-05
  agency_signed_by: wang-li
  agency_signed_on: 2026-03-05
changes:                                       # changes after confirmation
  - on: 2026-04-01
    summary: Added people-management requirement
    reconfirmed_on: 2026-04-02
closed_on: 2026-05-20                          # when filled or cancelled
"""

PLAN = """\
id: plan-2026-003
requirements: [req-2026-014, req-2026-015]
status: active              # draft | proposed | active | closed
proposed_on: 2026-03-06
client_confirmed_on: 2026-03-08
position_analysis: Market is thin; target fintech and e-commerce front-end leads.
channels: [headhunting, referral, job_board]   # headhunting | job_board | referral | campus |
                                               # social_media | talent_pool | other
milestones:
  - {name: First shortlist, due: 2026-03-20, done_on: 2026-03-19}
  - {name: Final interviews, due: 2026-04-30}
interview_process:
  - {round: 1, name: Agency screen, by: agency}
  - {round: 2, name: Technical, by: client}
reporting: {every: 7d}      # progress report cadence (weekly by default)
client_commitments:         # 客戶配合事項: what the client promised, followed up like our own
  - {what: Name two technical interviewers, due: 2026-03-12, done_on: 2026-03-11}
"""

APPLICATION = """\
id: app-2026-0101
requirement: req-2026-014
candidate: cand-0042
channel: referral
submitted_at: 2026-03-12T15:00:00+08:00        # resume sent to the client
client_feedback:                               # the client's verdict on the resume
  at: 2026-03-13T11:00:00+08:00
  decision: interview                          # interview | reject | hold
  note: Strong React, check leadership
interviews:
  - round: 1
    at: 2026-03-18T14:00:00+08:00
    result: pass                               # pass | fail | pending
    result_at: 2026-03-18T19:00:00+08:00       # when the client told us
    candidate_notified_at: 2026-03-19T09:00:00+08:00
offer: {made_on: 2026-04-02, accepted_on: 2026-04-04}   # or declined_on
placement:
  start_on: 2026-05-06
  check_ins:                                   # onboarding follow-up
    - {day: 7, on: 2026-05-13, note: Settling in well}
  left_on: null                                # set if the hire left
withdrawn: {on: 2026-03-20, reason: Took another offer}   # instead of continuing
"""

TOUCHPOINT = """\
id: tp-2026-0311-weekly
type: progress_report     # meeting | call | visit | revisit | progress_report | email | other
at: 2026-03-11T10:00:00+08:00
by: wang-li
with: [Zhang Wei]
plan: plan-2026-003       # required for progress_report
summary: 12 resumes screened, 4 submitted, 2 first interviews booked.
follow_ups:
  - {action: Send revised JD, owner: wang-li, due: 2026-03-13, done_on: 2026-03-12}
"""

FEEDBACK = """\
id: fb-2026-007
on: 2026-06-10
collected_by: wang-li
requirement: req-2026-014           # optional
scores: {overall: 4, responsiveness: 5, candidate_quality: 4, communication: 4}   # 1..5
nps: 9                              # optional, 0..10
comments: Fast shortlist; interview scheduling was chaotic in week 3.
actions:                            # improvements (反饋與改進)
  - {action: Book interview rooms a week ahead, owner: chen-jie, due: 2026-06-30, done_on: null}
"""

CANDIDATE = """\
id: cand-0042
name: 劉洋
email: liu.yang@mail.example
phone: "+86 138 0000 0000"
consent: {given_on: 2026-03-10, purpose: Recruitment for client roles}
retain_until: 2028-03-10            # delete or renew consent by then
"""

# The case schema describes the front matter in words; this is a case file as users write it.
CASE_MD = """\
---
title: Ten positions in two months for ACME
client: acme-tech
author: wang-li
on: 2026-06-15
tags: [volume-hiring, fintech]
outcome: success
---
## What happened

A weekly progress report and a client-side response team kept feedback under one day.
"""

EXAMPLES = {
    "policy": POLICY,
    "person": PERSON,
    "client": CLIENT,
    "requirement": REQUIREMENT,
    "plan": PLAN,
    "application": APPLICATION,
    "touchpoint": TOUCHPOINT,
    "feedback": FEEDBACK,
    "candidate": CANDIDATE,
}


def example(kind: str) -> dict:
    if kind == "case":
        return front_matter(CASE_MD)
    return load(EXAMPLES[kind])


@pytest.mark.parametrize("kind", KINDS)
def test_records_md_example_is_valid(kind: str) -> None:
    assert_valid(kind, example(kind))


def test_examples_keep_on_keys_and_dates_as_strings() -> None:
    req = example("requirement")
    assert req["changes"][0]["on"] == "2026-04-01"
    assert req["received_at"] == "2026-03-02T10:00:00+08:00"
    assert example("application")["placement"]["left_on"] is None


# --------------------------------------------------------------------------- more valid records


@pytest.mark.parametrize(
    ("kind", "record"),
    [
        # minimal records: only the required fields
        (
            "policy",
            {
                "agency": "A",
                "timezone": "UTC",
                "calendar": {"workdays": ["mon"], "hours": {"start": "09:00", "end": "18:00"}},
                "tiers": {
                    t: {"label": {"en": t, "zh-Hant": t, "zh-Hans": t}}
                    for t in ("strategic", "key", "ordinary")
                },
            },
        ),
        (
            "person",
            {
                "id": "chen-jie",
                "name": "Chen Jie",
                "roles": ["recruiter", "lead"],
                "active": False,
                "left_on": "2026-01-31",
            },
        ),
        (
            "candidate",
            {
                "id": "cand-0001",
                "consent": {
                    "given_on": "2026-01-01",
                    "purpose": "Recruitment",
                    "withdrawn_on": None,
                },
                "retain_until": "2027-01-01",
            },
        ),
        (
            "client",
            {
                "id": "beta",
                "name": "Beta",
                "tier": "ordinary",
                "status": "prospect",
                "since": "2026-01-01",
                "account_manager": "wang-li",
            },
        ),
        (
            "requirement",
            {
                "id": "r1",
                "title": "Engineer",
                "status": "draft",
                "received_at": "2026-03-02T10:00",
                "openings": 2,
                "confirmation": {"client_signed_by": "Zhang Wei", "client_signed_on": "2026-03-05"},
                "closed_on": None,
            },
        ),
        ("plan", {"id": "p1", "requirements": ["r1"], "status": "draft"}),
        (
            "application",
            {
                "id": "a1",
                "requirement": "r1",
                "candidate": "c1",
                "channel": "talent_pool",
                "interviews": [{"round": 1}],
                "offer": {
                    "made_on": "2026-04-02",
                    "declined_on": "2026-04-03",
                    "salary": {"amount": 50000, "currency": "CNY"},
                },
            },
        ),
        (
            "touchpoint",
            {
                "id": "t1",
                "type": "call",
                "at": "2026-03-11T10:00:00Z",
                "by": "wang-li",
                "summary": "Checked in.",
            },
        ),
        (
            "feedback",
            {
                "id": "f1",
                "on": "2026-06-10",
                "collected_by": "wang-li",
                "scores": {"overall": 1},
                "nps": 0,
            },
        ),
        # due-date rules take a 0 goal (a YAML integer or a string); others mix nothing
        (
            "policy",
            {
                **load(POLICY),
                "sla": {
                    "milestone": {"all": 0},
                    "data-retention": {"all": "0"},
                    "client-commitment": {"key": "1bd"},
                    "tier-review": {"all": "365d"},
                },
                "lint": {"severity": {"HB402": "warning", "HB501": "off"}},
                "language": "zh-Hant",
            },
        ),
        (
            "client",
            {
                **load(CLIENT),
                "sla": {"improvement-action": 0, "candidate-notice": "12h"},
                "website": "https://acme.example",
                "tags": ["fintech"],
            },
        ),
    ],
)
def test_other_valid_records(kind: str, record: dict) -> None:
    assert_valid(kind, record)


# --------------------------------------------------------------------------- invalid records


def _set(record: dict, path: list, value: Any) -> dict:
    record = copy.deepcopy(record)
    node = record
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return record


def _delete(record: dict, path: list) -> dict:
    record = copy.deepcopy(record)
    node = record
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return record


INVALID = [
    # (id, kind, change, expected validator, expected error path)
    ("unknown key", "client", lambda r: _set(r, ["teir"], "key"), "additionalProperties", []),
    (
        "unknown nested key",
        "client",
        lambda r: _set(r, ["contacts", 0, "mobile"], "1"),
        "additionalProperties",
        ["contacts", 0],
    ),
    ("bad tier", "client", lambda r: _set(r, ["tier"], "gold"), "enum", ["tier"]),
    ("bad status", "requirement", lambda r: _set(r, ["status"], "open"), "enum", ["status"]),
    ("bad channel", "application", lambda r: _set(r, ["channel"], "linkedin"), "enum", ["channel"]),
    (
        "bad decision",
        "application",
        lambda r: _set(r, ["client_feedback", "decision"], "yes"),
        "enum",
        ["client_feedback", "decision"],
    ),
    ("bad date form", "client", lambda r: _set(r, ["since"], "2024-3-1"), "pattern", ["since"]),
    ("impossible date", "feedback", lambda r: _set(r, ["on"], "2026-02-30"), "format", ["on"]),
    (
        "date for a datetime",
        "application",
        lambda r: _set(r, ["submitted_at"], "2026-03-12"),
        "pattern",
        ["submitted_at"],
    ),
    (
        "space in datetime",
        "requirement",
        lambda r: _set(r, ["received_at"], "2026-03-02 10:00:00+08:00"),
        "pattern",
        ["received_at"],
    ),
    ("upper-case id", "client", lambda r: _set(r, ["id"], "ACME"), "pattern", ["id"]),
    (
        "id with dot",
        "plan",
        lambda r: _set(r, ["requirements", 0], "req.1"),
        "pattern",
        ["requirements", 0],
    ),
    ("missing required", "candidate", lambda r: _delete(r, ["consent"]), "required", []),
    ("progress report without plan", "touchpoint", lambda r: _delete(r, ["plan"]), "required", []),
    (
        "score above 5",
        "feedback",
        lambda r: _set(r, ["scores", "overall"], 6),
        "maximum",
        ["scores", "overall"],
    ),
    (
        "score not integer",
        "feedback",
        lambda r: _set(r, ["scores", "overall"], 4.5),
        "type",
        ["scores", "overall"],
    ),
    ("nps above 10", "feedback", lambda r: _set(r, ["nps"], 11), "maximum", ["nps"]),
    (
        "overall missing",
        "feedback",
        lambda r: _delete(r, ["scores", "overall"]),
        "required",
        ["scores"],
    ),
    (
        "no requirements",
        "plan",
        lambda r: _set(r, ["requirements"], []),
        "minItems",
        ["requirements"],
    ),
    (
        "zero reporting cadence",
        "plan",
        lambda r: _set(r, ["reporting", "every"], "0"),
        "not",
        ["reporting", "every"],
    ),
    (
        "bad duration unit",
        "client",
        lambda r: _set(r, ["meetings", "every"], "1w"),
        "pattern",
        ["meetings", "every"],
    ),
    (
        "zero goal on a clock rule",
        "client",
        lambda r: _set(r, ["sla", "client-feedback"], 0),
        "type",
        ["sla", "client-feedback"],
    ),
    (
        "unknown SLA rule",
        "policy",
        lambda r: _set(r, ["sla", "client-feedbak"], {"all": "1bd"}),
        "additionalProperties",
        ["sla"],
    ),
    (
        "all mixed with tiers",
        "policy",
        lambda r: _set(r, ["sla", "candidate-notice"], {"all": "24h", "strategic": "12h"}),
        "maxProperties",
        ["sla", "candidate-notice"],
    ),
    (
        "bad lint code",
        "policy",
        lambda r: _set(r, ["lint"], {"severity": {"HB999": "off"}}),
        "pattern",
        ["lint", "severity"],
    ),
    (
        "bad severity",
        "policy",
        lambda r: _set(r, ["lint"], {"severity": {"HB201": "info"}}),
        "enum",
        ["lint", "severity", "HB201"],
    ),
    (
        "warn_within of 1",
        "policy",
        lambda r: _set(r, ["warn_within"], 1),
        "exclusiveMaximum",
        ["warn_within"],
    ),
    (
        "bad weekday",
        "policy",
        lambda r: _set(r, ["calendar", "workdays"], ["monday"]),
        "enum",
        ["calendar", "workdays", 0],
    ),
    (
        "bad hour",
        "policy",
        lambda r: _set(r, ["calendar", "hours", "end"], "18h"),
        "pattern",
        ["calendar", "hours", "end"],
    ),
    (
        "missing tier label",
        "policy",
        lambda r: _delete(r, ["tiers", "key", "label", "zh-Hans"]),
        "required",
        ["tiers", "key", "label"],
    ),
    ("bad role", "person", lambda r: _set(r, ["roles"], ["manager"]), "enum", ["roles", 0]),
    ("string boolean", "person", lambda r: _set(r, ["active"], "yes"), "type", ["active"]),
    (
        "bad currency",
        "requirement",
        lambda r: _set(r, ["budget", "currency"], "rmb"),
        "pattern",
        ["budget", "currency"],
    ),
    (
        "negative amount",
        "requirement",
        lambda r: _set(r, ["budget", "amount"], -1),
        "minimum",
        ["budget", "amount"],
    ),
    (
        "salary without range",
        "requirement",
        lambda r: _set(r, ["salary"], {"currency": "CNY", "per": "month"}),
        "anyOf",
        ["salary"],
    ),
    (
        "signature without date",
        "requirement",
        lambda r: _delete(r, ["confirmation", "agency_signed_on"]),
        "dependentRequired",
        ["confirmation"],
    ),
    ("zero openings", "requirement", lambda r: _set(r, ["openings"], 0), "minimum", ["openings"]),
    (
        "accepted and declined",
        "application",
        lambda r: _set(r, ["offer", "declined_on"], "2026-04-05"),
        "not",
        ["offer"],
    ),
    (
        "bad interview result",
        "application",
        lambda r: _set(r, ["interviews", 0, "result"], "passed"),
        "enum",
        ["interviews", 0, "result"],
    ),
    (
        "interview round 0",
        "application",
        lambda r: _set(r, ["interviews", 0, "round"], 0),
        "minimum",
        ["interviews", 0, "round"],
    ),
    (
        "phone as number",
        "candidate",
        lambda r: _set(r, ["phone"], 8613800000000),
        "type",
        ["phone"],
    ),
    ("bad outcome", "case", lambda r: _set(r, ["outcome"], "ok"), "enum", ["outcome"]),
    ("case without tags", "case", lambda r: _set(r, ["tags"], []), "minItems", ["tags"]),
    (
        "action without owner",
        "feedback",
        lambda r: _delete(r, ["actions", 0, "owner"]),
        "required",
        ["actions", 0],
    ),
    (
        "done_on not a date",
        "touchpoint",
        lambda r: _set(r, ["follow_ups", 0, "done_on"], "yesterday"),
        "anyOf",
        ["follow_ups", 0, "done_on"],
    ),
]


@pytest.mark.parametrize(
    ("kind", "change", "expected", "path"),
    [pytest.param(k, c, e, p, id=name) for name, k, c, e, p in INVALID],
)
def test_invalid_record_is_rejected(kind: str, change, expected: str, path: list) -> None:
    errors = all_errors(kind, change(example(kind)))
    assert errors, "expected the record to be rejected"
    found = [(e.validator, list(e.absolute_path)) for e in errors]
    assert (expected, path) in found, found
