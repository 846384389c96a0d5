"""Generate a synthetic recruitment agency: realistic records at any size, from a seed.

    python tooling/benchmarks/generate.py --records 10000 --seed 7 --out DIR

writes ``DIR/records/`` (``policy.yaml``, ``team/``, ``candidates/``, ``clients/…``, ``cases/``)
following the schemas, plus:

- ``DIR/planted.json`` — the lint problems planted on purpose (about 0.5% of the records):
  ``{"problems": [{"file": "records/…", "code": "HB201", "description": …}, …]}``;
- ``DIR/pristine/records/…`` — the clean version of every planted file, so that a benchmark
  can swap them in for commands that refuse records with lint errors (``hirebook sla``), and
  ``DIR/planted/records/…`` — the planted version again, to swap back;
- ``DIR/agency.json`` — what was generated: seed, counts per kind, the "as of" instant.

Everything else lints clean: no errors, and no warnings as of ``AS_OF`` (candidates' consent
runs past it, nobody inactive owns open work, no personal data in free text).

Deterministic: one ``random.Random(seed)`` drives everything, in a fixed order, and nothing
iterates a set or depends on hashing — the same seed gives byte-identical files.
The record count is exact: clients are generated until the budget is nearly used, then calls
and e-mails are dropped or talent-pool candidates (who never applied) are added to hit it.

YAML is written by a tiny emitter of its own (f-strings; JSON strings where quoting is needed,
which YAML reads alike), not ``yaml.dump``: 100,000 files take a few seconds. Only the standard
library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time as _time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

GENERATOR_VERSION = 2
"""Bump when the output changes, so that cached agencies are generated again."""

TZ = timezone(timedelta(hours=8))  # Asia/Shanghai has no daylight saving time
AS_OF = datetime(2026, 11, 20, 17, 0, tzinfo=TZ)
"""The instant the agency is "as of": no event happens after it (due dates may)."""
AS_OF_DAY = AS_OF.date()
FIRST_DAY = date(2021, 1, 4)
PLANT_SHARE = 0.005

# --- a small YAML emitter -------------------------------------------------------------------

_PLAIN_FLOW = re.compile(r"[A-Za-z\u3400-\u9fff][^\x00-\x1f\x7f:#,\[\]{}\\`\"]*")
_PLAIN_BLOCK = re.compile(r"[A-Za-z\u3400-\u9fff][^\x00-\x1f\x7f:#\\`\"]*")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
_WIDTH = 96


class Raw(str):
    """A value written exactly as given (durations such as ``7d``, which YAML reads as text)."""


def text(value: str, flow: bool = True) -> str:
    """A string as a YAML scalar: plain when that is unambiguous, else a JSON string.

    Plain text starts with a letter and holds no ``:``, ``#``, backslash, backquote or double
    quote (and, inside ``[…]``/``{…}``, no brackets or commas); the YAML words for booleans and
    null are quoted.
    """
    plain = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if plain.fullmatch(value) and value[-1] != " " and value.lower() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def scalar(value: object, flow: bool = True) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, str):
        return text(value, flow)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _flat(value: dict | list) -> bool:
    items = value.values() if isinstance(value, dict) else value
    return all(_is_scalar(v) or (isinstance(v, list) and all(map(_is_scalar, v))) for v in items)


def _mapping(data: dict, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            line = f"{pad}{key}: {_flow(value)}"
            if not value or (_flat(value) and len(line) <= _WIDTH):
                out.append(line)
            else:
                out.append(f"{pad}{key}:")
                _mapping(value, indent + 2, out)
        elif isinstance(value, list):
            line = f"{pad}{key}: {_flow(value)}"
            if not value or (all(map(_is_scalar, value)) and len(line) <= _WIDTH):
                out.append(line)
            else:
                out.append(f"{pad}{key}:")
                for item in value:
                    _item(item, indent + 2, out)
        else:
            out.append(f"{pad}{key}: {scalar(value, flow=False)}")


def _item(item: object, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(item, dict):
        line = f"{pad}- {_flow(item)}"
        if _flat(item) and len(line) <= _WIDTH:
            out.append(line)
            return
        sub: list[str] = []
        _mapping(item, indent + 2, sub)
        sub[0] = f"{pad}- {sub[0][indent + 2 :]}"
        out.extend(sub)
    else:
        out.append(f"{pad}- {scalar(item, flow=False)}")


def dump(data: dict) -> str:
    """A record as YAML text: block style, short mappings and lists in flow style."""
    out: list[str] = []
    _mapping(data, 0, out)
    out.append("")
    return "\n".join(out)


# --- vocabulary -------------------------------------------------------------------------------

SURNAMES = [
    ("王", "Wang"), ("李", "Li"), ("張", "Zhang"), ("劉", "Liu"), ("陳", "Chen"), ("楊", "Yang"),
    ("黃", "Huang"), ("趙", "Zhao"), ("吳", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孫", "Sun"),
    ("馬", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("羅", "Luo"), ("高", "Gao"), ("鄭", "Zheng"), ("梁", "Liang"), ("謝", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("韓", "Han"), ("馮", "Feng"), ("鄧", "Deng"), ("曹", "Cao"), ("彭", "Peng"),
]  # fmt: skip
GIVEN = [
    ("麗", "Li"), ("傑", "Jie"), ("敏", "Min"), ("偉", "Wei"), ("芳", "Fang"), ("娜", "Na"),
    ("靜", "Jing"), ("強", "Qiang"), ("磊", "Lei"), ("軍", "Jun"), ("洋", "Yang"), ("勇", "Yong"),
    ("艷", "Yan"), ("濤", "Tao"), ("明", "Ming"), ("超", "Chao"), ("霞", "Xia"), ("平", "Ping"),
    ("剛", "Gang"), ("輝", "Hui"), ("丹", "Dan"), ("婷", "Ting"), ("浩", "Hao"), ("晨", "Chen"),
]  # fmt: skip
# Candidates' names use characters and first names that appear nowhere else in the agency's
# text, so that no free text ever contains a candidate's name (lint rule HB503).
CANDIDATE_GIVEN = "梓昕珩彧翊瑾璟蕙筠霖琛瑜玥熠曦珂煜晗芮蓁湘菁璇琪"
WESTERN = [
    "Emily", "Kevin", "Grace", "Jason", "Olivia", "Daniel", "Sophie", "Henry", "Chloe", "Ryan",
    "Vivian", "Eric", "Iris", "Leo", "Fiona", "Oscar", "Hannah", "Ivan", "Jasmine", "Victor",
]  # fmt: skip
COMPANY_PREFIXES = [
    ("Jade River", "翠河"), ("Harbor", "港灣"), ("Summit", "峰頂"), ("Blue Whale", "藍鯨"),
    ("Golden Gate", "金門"), ("Pine Cloud", "松雲"), ("Red Lantern", "紅燈籠"),
    ("Silver Bay", "銀灣"), ("Dragon Peak", "龍峰"), ("Lotus", "蓮花"), ("Bamboo", "竹林"),
    ("Phoenix", "鳳凰"), ("Everbright", "光大"), ("Northstar", "北辰"), ("Crystal Lake", "晶湖"),
    ("Maple", "楓葉"), ("Orient", "東方"), ("Sunrise", "旭日"), ("Tianfu", "天府"),
    ("West Lake", "西湖"), ("Pearl", "珍珠"), ("Great Wall", "長城"), ("Horizon", "地平線"),
    ("Kunlun", "崑崙"), ("Starlight", "星光"), ("Evergreen", "長青"), ("Zenith", "天頂"),
]  # fmt: skip
SECTORS = [
    ("Technology", "科技", "internet"), ("Logistics", "物流", "logistics"),
    ("Fintech", "金融科技", "fintech"), ("Manufacturing", "製造", "manufacturing"),
    ("Retail", "零售", "retail"), ("Healthcare", "醫療", "healthcare"),
    ("Education", "教育", "education"), ("Motors", "汽車", "automotive"),
    ("Semiconductor", "半導體", "semiconductors"), ("Energy", "能源", "energy"),
    ("Games", "遊戲", "gaming"), ("Consulting", "諮詢", "consulting"),
    ("Biotech", "生物科技", "healthcare"), ("Foods", "食品", "consumer goods"),
]  # fmt: skip
CITIES = [
    ("Shanghai", "上海", "CNY"), ("Beijing", "北京", "CNY"), ("Shenzhen", "深圳", "CNY"),
    ("Hangzhou", "杭州", "CNY"), ("Guangzhou", "廣州", "CNY"), ("Chengdu", "成都", "CNY"),
    ("Suzhou", "蘇州", "CNY"), ("Hong Kong", "香港", "HKD"), ("Taipei", "台北", "TWD"),
    ("Singapore", "新加坡", "SGD"),
]  # fmt: skip
ROLES = [
    ("Senior Front-end Engineer", "高級前端工程師", 35000, ["5+ years React", "TypeScript"]),
    ("Backend Engineer (Go)", "後端工程師（Go）", 30000, ["3+ years Go", "Distributed systems"]),
    ("Data Scientist", "數據科學家", 38000, ["Python and SQL", "A/B testing"]),
    ("Product Manager", "產品經理", 32000, ["B2B SaaS products", "Led a launch end to end"]),
    ("HR Business Partner", "人力資源業務夥伴", 22000, ["Employee relations", "Labour law"]),
    ("Finance Controller", "財務總監", 45000, ["CPA or ACCA", "Group reporting"]),
    ("Supply Chain Manager", "供應鏈經理", 28000, ["S&OP", "Supplier negotiation"]),
    ("Sales Director, East China", "華東區銷售總監", 50000, ["Team of 10+", "Industrial sales"]),
    ("Mechanical Design Engineer", "機械設計工程師", 20000, ["SolidWorks", "DFM"]),
    ("Quality Assurance Lead", "質量保證主管", 26000, ["ISO 9001", "Root cause analysis"]),
    ("Android Developer", "安卓開發工程師", 28000, ["Kotlin", "Published apps"]),
    ("DevOps Engineer", "運維開發工程師", 30000, ["Kubernetes", "CI/CD pipelines"]),
    ("Marketing Manager", "市場經理", 25000, ["Digital campaigns", "Brand budget ownership"]),
    ("Legal Counsel", "法務顧問", 40000, ["PRC bar", "Commercial contracts"]),
    ("Store Operations Manager", "門店運營經理", 18000, ["Multi-site retail", "P&L"]),
    ("Clinical Research Associate", "臨床監查員", 21000, ["GCP", "Site monitoring"]),
    ("Game Designer", "遊戲策劃", 24000, ["Shipped titles", "Systems design"]),
    ("Chip Verification Engineer", "芯片驗證工程師", 42000, ["UVM", "SystemVerilog"]),
    ("Procurement Specialist", "採購專員", 15000, ["Tendering", "ERP"]),
    ("Customer Success Manager", "客戶成功經理", 23000, ["Enterprise accounts", "Renewals"]),
]  # fmt: skip
NICE = [
    "Fintech background", "English fluency", "Startup experience", "Team lead experience",
    "Cantonese", "Japanese", "Cross-border e-commerce", "Open-source contributions",
    "Big Four background", "MBA",
]  # fmt: skip
RESPONSIBILITIES = [
    "Own the roadmap of the team", "Run sprint planning", "Mentor junior colleagues",
    "Report to the regional head", "Work with the headquarters team", "Build the team from scratch",
    "Drive process improvements", "Manage key accounts", "Keep the budget",
]  # fmt: skip
BACKGROUNDS_EN = [
    "The team doubles this year after a new funding round.",
    "Replacement for a manager who moved to headquarters.",
    "A new product line needs its first dedicated hire.",
    "The client is opening a second office in the region.",
    "Backfill after an internal promotion.",
]  # fmt: skip
BACKGROUNDS_ZH = [
    "新一輪融資後團隊今年擴編一倍。",
    "原負責人調往總部，需要接替人選。",
    "新產品線需要第一位專職人員。",
    "客戶在本區域開設第二個辦公室。",
    "內部晉升後的補缺崗位。",
]  # fmt: skip
CONTACT_ROLES = [
    "HR Director", "Talent Acquisition Lead", "Engineering Manager", "CFO", "COO",
    "HR Business Partner", "Head of Operations", "General Manager",
]  # fmt: skip
CHANNELS = [
    "headhunting", "job_board", "referral", "campus", "social_media", "talent_pool", "other",
]  # fmt: skip
CHANNEL_WEIGHTS = [34, 18, 20, 4, 8, 12, 4]
TAGS = [
    "negotiation",
    "retention",
    "executive-search",
    "campus",
    "sla",
    "onboarding",
    "client-relations",
    "sourcing",
    "salary",
    "process",
]
REJECT_NOTES = [
    "Not enough leadership experience",
    "Salary expectation too high",
    "Industry background does not fit",
    "經驗與崗位不匹配",
    "期望薪資過高",
]
WITHDRAW_REASONS = [
    "Took another offer",
    "Stayed with current employer after counter-offer",
    "Relocation not possible",
    "接受了其他offer",
    "家庭原因無法入職",
]
LEFT_REASONS = [
    "Relocated abroad",
    "Role did not match expectations",
    "Family reasons",
    "試用期未通過",
]
CHECKIN_NOTES = [
    "Settling in well",
    "Needs clearer goals from the manager",
    "Happy with the team",
    "適應良好",
    "希望增加培訓",
]


def _pick(rng: random.Random, options: list):
    return options[rng.randrange(len(options))]


# --- time -----------------------------------------------------------------------------------


def workday(day: date) -> date:
    """``day``, or the Monday after it when it falls on a weekend."""
    weekday = day.weekday()
    return day + timedelta(days=7 - weekday) if weekday >= 5 else day


def add_business_days(day: date, days: int) -> date:
    day = workday(day)
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def at_work(rng: random.Random, day: date) -> datetime:
    """A moment in working hours on ``day`` (moved to Monday from a weekend)."""
    day = workday(day)
    return datetime(
        day.year, day.month, day.day, rng.randint(9, 17), _pick(rng, [0, 15, 30, 45]), tzinfo=TZ
    )


def after(rng: random.Random, moment: datetime, low_hours: float, high_hours: float) -> datetime:
    """A moment ``low_hours``–``high_hours`` after ``moment``, moved out of the night."""
    later = moment + timedelta(hours=rng.uniform(low_hours, high_hours))
    later = later.replace(minute=_pick(rng, [0, 10, 20, 30, 40, 50]), second=0, microsecond=0)
    if later.hour >= 21:
        later = (later + timedelta(days=1)).replace(hour=rng.randint(8, 11))
    elif later.hour < 8:
        later = later.replace(hour=rng.randint(8, 11))
    return later if later > moment else moment + timedelta(minutes=10)


def near(rng: random.Random, due: date) -> date:
    """When something due on ``due`` got done: mostly a few days early, now and then late."""
    if rng.random() < 0.12:
        return due + timedelta(days=rng.randint(1, 4))
    return due - timedelta(days=rng.randint(0, 4))


def day_of(moment: datetime) -> date:
    return moment.astimezone(TZ).date()


def end_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, tzinfo=TZ)


# --- the generated agency -------------------------------------------------------------------


@dataclass
class Record:
    rel: str  # relative to DIR, e.g. records/clients/acme/client.yaml
    kind: str
    data: dict
    body: str | None = None
    tags: tuple[str, ...] = ()
    extra: str = ""  # text appended after rendering (a planted duplicate key)

    def render(self) -> str:
        if self.kind == "case":
            return f"---\n{dump(self.data)}---\n\n{self.body}"
        return dump(self.data) + self.extra


@dataclass
class Planted:
    rel: str
    code: str
    description: str


@dataclass
class Agency:
    seed: int
    requested: int
    records: list[Record] = field(default_factory=list)
    planted: list[Planted] = field(default_factory=list)
    pristine: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            counts[record.kind] = counts.get(record.kind, 0) + 1
        return dict(sorted(counts.items()))


@dataclass
class Person:
    id: str
    name: str
    roles: list[str]
    active: bool


@dataclass
class Contact:
    name: str
    email: str


@dataclass
class ClientInfo:
    id: str
    tier: str
    status: str
    since: date
    end: date  # the last day with activity
    manager: str
    backup: str | None
    contacts: list[Contact]
    language: str  # "en" or "zh"
    city: tuple
    cutoff: datetime = AS_OF


class Generator:
    def __init__(self, records: int, seed: int, clients: int | None = None) -> None:
        if records < 50:
            raise ValueError("generate at least 50 records")
        self.rng = random.Random(seed)
        self.n = records
        self.seed = seed
        self.n_clients = clients or max(6, round(records / 90))
        self.agency = Agency(seed=seed, requested=records)
        self.counters: dict[str, int] = {}
        self.candidates: list[tuple[str, date]] = []  # (id, consent given_on)
        self.client_ids: list[str] = []
        self.used_names: set[str] = set()
        self.client_names: dict[str, tuple[str, str, str]] = {}

    # ids: counters per prefix, in generation order, so every id is unique in its kind
    def next_id(self, prefix: str, width: int) -> str:
        count = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = count
        return f"{prefix}-{count:0{width}d}"

    def add(self, rel: str, kind: str, data: dict, *, body=None, tags=()) -> Record:
        record = Record(f"records/{rel}", kind, data, body, tuple(tags))
        self.agency.records.append(record)
        return record

    # --- the whole agency -------------------------------------------------------------------

    def run(self) -> Agency:
        team_size = 12 + min(36, self.n // 2000)
        self.policy()
        self.team(team_size)
        n_cases = max(1, round(self.n * 0.004))
        reserve = max(3, round(self.n * 0.03))  # filled with talent-pool candidates at the end
        budget = self.n - 1 - team_size - n_cases - reserve
        plans = [self.client_plan(i) for i in range(self.n_clients)]
        # Each client gets its share of what is left, so one client's overshoot (a wave is
        # generated whole) is made up by the next ones; fit() absorbs the last one's.
        weight_left = sum(weight for weight, _ in plans)
        target = len(self.agency.records) + budget
        for weight, info in plans:
            left = target - len(self.agency.records)
            self.client(info, max(1.0, left * weight / weight_left))
            weight_left -= weight
        for _ in range(n_cases):
            self.case()
        self.fit()
        self.plant()
        return self.agency

    def fit(self) -> None:
        """Hit the requested count: drop calls and e-mails, or add talent-pool candidates."""
        records = self.agency.records
        excess = len(records) - self.n
        if excess > 0:
            droppable = [i for i, r in enumerate(records) if "droppable" in r.tags]
            drop = set(self.rng.sample(droppable, min(excess, len(droppable))))
            self.agency.records = [r for i, r in enumerate(records) if i not in drop]
        while len(self.agency.records) < self.n:
            given = FIRST_DAY + timedelta(days=self.rng.randrange((AS_OF_DAY - FIRST_DAY).days))
            self.candidate(given, talent_pool=True)

    # --- policy and team --------------------------------------------------------------------

    def policy(self) -> None:
        holidays, extra = [], []
        for year in range(2021, 2028):
            days = [date(year, 1, 1)]
            days += [date(year, 5, d) for d in range(1, 6)]
            days += [date(year, 10, d) for d in range(1, 8)]
            holidays += [d for d in days if d.weekday() < 5]
            last_sunday = date(year, 9, 30)
            while last_sunday.weekday() != 6:
                last_sunday -= timedelta(days=1)
            extra.append(last_sunday)
            saturday = date(year, 10, 8)
            while saturday.weekday() != 5:
                saturday += timedelta(days=1)
            extra.append(saturday)
        data = {
            "agency": "Synthetic Talent Partners 合成人才",
            "timezone": "Asia/Shanghai",
            "language": "en",
            "calendar": {
                "workdays": ["mon", "tue", "wed", "thu", "fri"],
                "hours": {"start": "09:00", "end": "18:00"},
                "holidays": holidays,
                "extra_workdays": sorted(extra),
            },
            "tiers": {
                "strategic": {
                    "label": {"en": "Strategic", "zh-Hant": "戰略客戶", "zh-Hans": "战略客户"}
                },
                "key": {"label": {"en": "Key", "zh-Hant": "重點客戶", "zh-Hans": "重点客户"}},
                "ordinary": {
                    "label": {"en": "Ordinary", "zh-Hant": "普通客戶", "zh-Hans": "普通客户"}
                },
            },
            "sla": {
                "requirement-confirmation": _goals("2bd", "3bd", "5bd"),
                "plan-proposal": _goals("2bd", "3bd", "5bd"),
                "first-submission": _goals("5bd", "7bd", "10bd"),
                "client-feedback": _goals("1bd", "2bd", "3bd"),
                "interview-result": _goals("1bd", "1bd", "2bd"),
                "candidate-notice": {"all": Raw("24h")},
                "onboarding-check-in": {"all": Raw("3bd")},
                "client-revisit": _goals("30d", "30d", "45d"),
                "regular-meeting": _goals("30d", "90d", "180d"),
                "feedback-survey": {"all": Raw("10bd")},
                "tier-review": {"all": Raw("365d")},
            },
            "warn_within": 0.25,
        }
        self.add("policy.yaml", "policy", data)

    def team(self, size: int) -> None:
        rng = self.rng
        self.people: list[Person] = []
        taken: set[str] = set()
        for index in range(size):
            surname, given = _pick(rng, SURNAMES), _pick(rng, GIVEN)
            base = f"{surname[1]}-{given[1]}".lower()
            person_id, suffix = base, 2
            while person_id in taken:
                person_id, suffix = f"{base}-{suffix}", suffix + 1
            taken.add(person_id)
            if index % 9 == 0:
                roles = ["lead", "account_manager"]
            elif index % 2 == 0:
                roles = ["account_manager"]
            else:
                roles = ["recruiter"]
            active = index < 3 or rng.random() > 0.12
            joined = (
                FIRST_DAY
                - timedelta(days=rng.randrange(0, 900))
                + timedelta(days=rng.randrange(0, 600))
            )
            data = {
                "id": person_id,
                "name": f"{surname[0]}{given[0]} ({surname[1]} {given[1]})",
                "roles": roles,
                "email": f"{given[1].lower()}.{surname[1].lower()}{index}@synthetic-talent.example",
                "github": f"{surname[1].lower()}{given[1].lower()}{index}",
                "active": active,
                "joined_on": joined,
            }
            if not active:
                data["left_on"] = AS_OF_DAY - timedelta(days=rng.randrange(60, 900))
            self.add(f"team/{person_id}.yaml", "person", data)
            self.people.append(Person(person_id, data["name"], roles, active))
        self.managers = [p for p in self.people if "account_manager" in p.roles]
        self.active_managers = [p for p in self.managers if p.active]
        self.recruiters = [p for p in self.people if "recruiter" in p.roles]
        self.leads = [p for p in self.people if "lead" in p.roles]

    # --- clients --------------------------------------------------------------------------

    def client_plan(self, index: int) -> tuple[float, ClientInfo]:
        rng = self.rng
        tier = rng.choices(["strategic", "key", "ordinary"], [15, 30, 55])[0]
        status = rng.choices(["active", "prospect", "paused", "former"], [62, 6, 10, 22])[0]
        span = (AS_OF_DAY - FIRST_DAY).days
        since = FIRST_DAY + timedelta(days=int(span * rng.random() ** 0.8))
        end = AS_OF_DAY
        if status in ("paused", "former"):
            room = (AS_OF_DAY - since).days - 60 - 180
            if room <= 0:
                status = "active"
            else:
                end = since + timedelta(days=180 + rng.randrange(room))
        if status == "prospect":
            since = AS_OF_DAY - timedelta(days=rng.randrange(20, 200))
        prefix, sector = _pick(rng, COMPANY_PREFIXES), _pick(rng, SECTORS)
        city = _pick(rng, CITIES)
        language = "zh" if rng.random() < 0.55 else "en"
        base = f"{prefix[0]} {sector[0]}"
        name = f"{base} Co., Ltd."
        name_local = f"{prefix[1]}{sector[1]}有限公司"
        client_id = _slug(base)
        if name in self.used_names:
            name = f"{base} ({city[0]}) Co., Ltd."
            name_local = f"{prefix[1]}{sector[1]}（{city[1]}）有限公司"
            client_id = _slug(f"{base} {city[0]}")
        suffix = 2
        while client_id in self.used_names or name in self.used_names:
            client_id = f"{_slug(base)}-{suffix}"
            name = f"{base} ({city[0]}) No. {suffix} Co., Ltd."
            name_local = f"{prefix[1]}{sector[1]}（{city[1]}）第{suffix}有限公司"
            suffix += 1
        self.used_names.update((name, client_id))
        managers = self.managers if status == "former" else self.active_managers
        manager = _pick(rng, managers).id
        backup = None
        if rng.random() < 0.4 and len(self.active_managers) > 1:
            backup = _pick(rng, [p for p in self.active_managers if p.id != manager]).id
        contacts = []
        for _ in range(rng.randint(2, 4)):
            surname, given = _pick(rng, SURNAMES), _pick(rng, GIVEN)
            contact_name = (
                f"{surname[1]} {given[1]}"
                if language == "en" or rng.random() < 0.5
                else f"{surname[0]}{given[0]}"
            )
            if any(c.name == contact_name for c in contacts):
                continue
            email = f"{given[1].lower()}.{surname[1].lower()}@{client_id}.example"
            contacts.append(Contact(contact_name, email))
        info = ClientInfo(
            client_id,
            tier,
            status,
            since,
            end,
            manager,
            backup,
            contacts,
            language,
            city,
            cutoff=min(AS_OF, datetime(end.year, end.month, end.day, 18, 0, tzinfo=TZ)),
        )
        weight = {"strategic": 3.0, "key": 1.5, "ordinary": 0.6}[tier]
        weight *= 0.15 if status == "prospect" else 1.0
        weight *= 0.5 + rng.random()
        self.client_names[client_id] = (name, name_local, sector[2])
        return weight, info

    def client(self, c: ClientInfo, budget: float) -> None:
        rng = self.rng
        self.client_ids.append(c.id)
        name, name_local, industry = self.client_names[c.id]
        start_count = len(self.agency.records)
        reviewed = c.since
        if c.status != "former":
            reviewed = max(c.since, AS_OF_DAY - timedelta(days=rng.randrange(20, 420)))
        data = {
            "id": c.id,
            "name": name,
        }
        if c.language == "zh" or rng.random() < 0.5:
            data["name_local"] = name_local
        data |= {
            "industry": industry,
            "tier": c.tier,
            "tier_reason": _pick(rng, TIER_REASONS[c.tier]),
            "tier_reviewed_on": reviewed,
            "status": c.status,
            "since": c.since,
            "account_manager": c.manager,
        }
        if c.backup:
            data["backup_manager"] = c.backup
        data["contacts"] = []
        for index, contact in enumerate(c.contacts):
            entry = {"name": contact.name, "role": _pick(rng, CONTACT_ROLES)}
            if rng.random() < 0.7:
                entry["email"] = contact.email
            if rng.random() < 0.4:
                entry["phone"] = f"+86 21 5555 {rng.randrange(10000):04d}"
            if index == 0:
                entry["primary"] = True
            data["contacts"].append(entry)
        if rng.random() < 0.2:
            data["meetings"] = {"every": Raw(_pick(rng, ["14d", "30d", "60d"]))}
        if c.tier == "strategic" and rng.random() < 0.3:
            data["sla"] = {"client-feedback": Raw(_pick(rng, ["1bd", "2d"]))}
        if rng.random() < 0.5:
            data["website"] = f"https://www.{c.id}.example"
        if rng.random() < 0.4:
            data["tags"] = rng.sample(
                [
                    "manufacturing",
                    "tech",
                    "listed",
                    "family-owned",
                    "multinational",
                    "state-owned",
                    "startup",
                ],
                2,
            )
        if rng.random() < 0.5:
            data["notes"] = _pick(rng, CLIENT_NOTES[c.language])
        self.add(f"clients/{c.id}/client.yaml", "client", data)
        self.client_touchpoints(c, budget)
        if c.status == "prospect":
            return
        first = c.since + timedelta(days=7)
        last = min(c.end, AS_OF_DAY) - timedelta(days=2)
        if last <= first:
            return
        while len(self.agency.records) - start_count < budget:
            received = first + timedelta(days=rng.randrange((last - first).days + 1))
            if c.status != "active" and received > c.end - timedelta(days=45):
                received = max(first, c.end - timedelta(days=rng.randrange(45, 400)))
            self.wave(c, received)
        if c.tier == "strategic":
            self.annual_feedback(c)

    # --- touchpoints outside any requirement ---------------------------------------------

    def touchpoint(
        self,
        c: ClientInfo,
        moment: datetime,
        kind: str,
        summary: str,
        *,
        plan: str | None = None,
        requirement: str | None = None,
        follow_up: bool = False,
        droppable: bool = False,
    ) -> None:
        rng = self.rng
        day = day_of(moment)
        prefix = f"tp-{day:%Y-%m%d}"
        count = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = count
        tp_id = f"{prefix}-{count}"
        by = c.manager
        if c.backup and rng.random() < 0.2:
            by = c.backup
        data = {"id": tp_id, "type": kind, "at": moment, "by": by}
        who = rng.sample(c.contacts, min(len(c.contacts), rng.randint(1, 2)))
        data["with"] = [contact.name for contact in who]
        if plan:
            data["plan"] = plan
        if requirement:
            data["requirement"] = requirement
        data["summary"] = summary
        if follow_up:
            due = add_business_days(day, rng.randint(2, 10))
            done = near(rng, due) if rng.random() < 0.95 else None
            if done is not None and done < day:
                done = day
            if done is not None and done > AS_OF_DAY:
                done = None
            owner = c.manager
            if done is None and c.status == "former":
                done = due  # nobody follows up a former client's open actions
            action = _pick(rng, FOLLOW_UPS[c.language])
            data["follow_ups"] = [{"action": action, "owner": owner, "due": due, "done_on": done}]
        tags = ("touchpoint", "droppable") if droppable else ("touchpoint",)
        self.add(f"clients/{c.id}/touchpoints/{tp_id}.yaml", "touchpoint", data, tags=tags)

    def client_touchpoints(self, c: ClientInfo, budget: float) -> None:
        """Meetings at the tier's cadence, calls and e-mails between them.

        A client with a small budget (many clients, few records) is a quieter one: meetings
        take at most a quarter of its budget and calls a fifth, leaving room for requirements.
        """
        rng = self.rng
        span = max(1, (day_of(c.cutoff) - c.since).days)
        cadence = {"strategic": 30, "key": 90, "ordinary": 180}[c.tier]
        cadence = max(cadence, span / max(1.0, 0.25 * budget))
        day = c.since + timedelta(days=rng.randrange(3, 20))
        while at_work(rng, day) <= c.cutoff:
            kind = "visit" if rng.random() < 0.3 else "meeting"
            self.touchpoint(
                c,
                at_work(rng, day),
                kind,
                _pick(rng, MEETING_NOTES[c.language]),
                follow_up=rng.random() < 0.3,
            )
            day += timedelta(days=int(cadence * rng.uniform(0.7, 1.05)))
        gap = {"strategic": 21, "key": 35, "ordinary": 60}[c.tier]
        gap = int(max(gap, span / max(1.0, 0.2 * budget)))
        day = c.since + timedelta(days=rng.randrange(1, gap))
        while at_work(rng, day) <= c.cutoff:
            kind = rng.choices(["call", "email", "other"], [5, 4, 1])[0]
            self.touchpoint(
                c, at_work(rng, day), kind, _pick(rng, CALL_NOTES[c.language]), droppable=True
            )
            day += timedelta(days=int(gap * rng.uniform(0.5, 1.8)))

    def annual_feedback(self, c: ClientInfo) -> None:
        rng = self.rng
        year = c.since.year + 1
        while date(year, 12, 10) <= min(c.end, AS_OF_DAY):
            self.feedback(c, add_business_days(date(year, 12, 1), rng.randint(0, 6)), None)
            year += 1

    def feedback(self, c: ClientInfo, on: date, requirement: str | None) -> None:
        rng = self.rng
        fb_id = self.next_id(f"fb-{on.year}", 3)
        overall = rng.choices([2, 3, 4, 5], [1, 3, 6, 4])[0]
        data = {
            "id": fb_id,
            "on": on,
            "collected_by": c.manager,
            "respondent": c.contacts[0].name,
        }
        if requirement:
            data["requirement"] = requirement
        scores = {"overall": overall}
        for key in ("responsiveness", "candidate_quality", "communication"):
            if rng.random() < 0.8:
                scores[key] = max(1, min(5, overall + rng.randint(-1, 1)))
        data["scores"] = scores
        if rng.random() < 0.7:
            data["nps"] = max(0, min(10, overall * 2 + rng.randint(-2, 1)))
        data["comments"] = _pick(rng, FEEDBACK_COMMENTS[c.language])
        if overall <= 3 or rng.random() < 0.3:
            due = add_business_days(on, rng.randint(5, 20))
            done = near(rng, due)
            if done > AS_OF_DAY or (rng.random() < 0.1 and c.status != "former"):
                done = None
            data["actions"] = [
                {
                    "action": _pick(rng, IMPROVEMENTS[c.language]),
                    "owner": c.manager,
                    "due": due,
                    "done_on": done,
                }
            ]
        self.add(f"clients/{c.id}/feedback/{fb_id}.yaml", "feedback", data)

    # --- requirements, plans, applications ---------------------------------------------------

    def wave(self, c: ClientInfo, received: date) -> None:
        """One hiring wave: 1–3 requirements received together and one recruitment plan."""
        rng = self.rng
        size = rng.choices([1, 2, 3], [75, 20, 5])[0]
        reqs = [
            self.requirement_draft(c, received + timedelta(days=rng.randrange(0, 3)))
            for _ in range(size)
        ]
        signed = [r for r in reqs if r["signed_on"] is not None]
        plan = self.plan_draft(c, signed) if signed else None
        for req in reqs:
            self.requirement_process(c, req, plan)
        if plan is not None:
            self.plan_finish(c, plan, signed)
        for req in reqs:
            self.add(
                f"clients/{c.id}/requirements/{req['data']['id']}.yaml",
                "requirement",
                req["data"],
                tags=("requirement",),
            )

    def requirement_draft(self, c: ClientInfo, received_day: date) -> dict:
        rng = self.rng
        role = _pick(rng, ROLES)
        received = at_work(rng, received_day)
        received_day = day_of(received)
        req_id = self.next_id(f"req-{received_day.year}", 4)
        city = c.city if rng.random() < 0.8 else _pick(rng, CITIES)
        salary = round(role[2] * rng.uniform(0.8, 1.3), -3)
        data = {"id": req_id, "title": role[0]}
        if c.language == "zh":
            data["title_local"] = role[1]
        data |= {
            "status": "draft",
            "received_at": received,
            "openings": rng.choices([1, 2, 3], [80, 15, 5])[0],
            "location": city[0],
        }
        if rng.random() < 0.8:
            data["background"] = _pick(
                rng, BACKGROUNDS_ZH if c.language == "zh" else BACKGROUNDS_EN
            )
        data["responsibilities"] = rng.sample(RESPONSIBILITIES, rng.randint(2, 3))
        data["requirements"] = {"must": list(role[3]), "nice": rng.sample(NICE, rng.randint(1, 2))}
        data["salary"] = {
            "min": int(salary),
            "max": int(salary * 1.4),
            "currency": city[2],
            "per": "month",
        }
        data["budget"] = {"amount": int(salary * 4), "currency": city[2]}
        data["target_fill_by"] = received_day + timedelta(days=rng.choice([45, 60, 90]))
        manager = _pick(rng, c.contacts).name
        data["hiring_manager"] = manager
        client_on = add_business_days(
            received_day, rng.choices([0, 1, 2, 3, 6], [2, 4, 3, 2, 1])[0]
        )
        agency_on = add_business_days(received_day, rng.choices([0, 1, 2, 4], [3, 4, 2, 1])[0])
        limit = day_of(c.cutoff)
        signer = c.manager
        confirmation: dict = {}
        signed_on = None
        young = (AS_OF_DAY - received_day).days < 10
        if client_on <= limit and agency_on <= limit and not (young and rng.random() < 0.5):
            confirmation = {
                "client_signed_by": c.contacts[0].name,
                "client_signed_on": client_on,
                "agency_signed_by": signer,
                "agency_signed_on": agency_on,
            }
            signed_on = max(client_on, agency_on)
        elif agency_on <= limit:
            confirmation = {"agency_signed_by": signer, "agency_signed_on": agency_on}
        if confirmation:
            data["confirmation"] = confirmation
        return {"data": data, "received": received, "signed_on": signed_on}

    def plan_draft(self, c: ClientInfo, signed: list[dict]) -> dict:
        rng = self.rng
        latest = max(r["signed_on"] for r in signed)
        proposed = add_business_days(latest, rng.choices([0, 1, 2, 4], [3, 4, 2, 1])[0])
        confirmed = add_business_days(proposed, rng.choices([0, 1, 2, 3, 6], [2, 4, 3, 2, 1])[0])
        limit = day_of(c.cutoff)
        plan_id = self.next_id(f"plan-{proposed.year}", 3)
        return {
            "id": plan_id,
            "proposed": proposed if proposed <= limit else None,
            "confirmed": confirmed if confirmed <= limit and proposed <= limit else None,
            "rounds": rng.choices([1, 2, 3], [2, 5, 3])[0],
            "every": rng.choices([7, 14], [85, 15])[0],
        }

    def requirement_process(self, c: ClientInfo, req: dict, plan: dict | None) -> None:
        """Applications and the requirement's fate: filled, cancelled or still open."""
        rng = self.rng
        data = req["data"]
        received_day = day_of(req["received"])
        signed_on = req["signed_on"]
        limit = c.cutoff
        last_day = day_of(limit)
        req["closed"] = None
        if signed_on is None:
            if (last_day - received_day).days > 40 and rng.random() < 0.6:
                closed = received_day + timedelta(days=rng.randrange(5, 40))
                self.close(c, req, "cancelled", closed)
            return
        data["status"] = "confirmed"
        if rng.random() < 0.15 and last_day > signed_on + timedelta(days=35):
            change_on = signed_on + timedelta(days=rng.randrange(5, 30))
            reconfirmed = add_business_days(change_on, rng.randint(0, 3))
            change = {"on": change_on, "summary": _pick(rng, CHANGES[c.language])}
            change["reconfirmed_on"] = reconfirmed if reconfirmed <= last_day else None
            data["changes"] = [change]
        if plan is None or plan["confirmed"] is None:
            self.close_with_client(c, req)
            return
        recent = (last_day - received_day).days < 150
        fate = rng.choices(
            ["filled", "cancelled", "open", "on_hold"],
            [60, 15, 22, 3] if recent else [72, 28, 0, 0],
        )[0]
        openings = data["openings"]
        start = plan["confirmed"] + timedelta(days=1)
        count = rng.randint(3, 10) + openings - 1
        offsets = sorted(rng.uniform(0, 40) for _ in range(count))
        submissions = [at_work(rng, start + timedelta(days=o)) for o in offsets]
        app_limit = limit
        if fate == "cancelled":
            cancel_day = plan["confirmed"] + timedelta(days=rng.randrange(15, 100))
            if end_of(cancel_day) <= limit:
                app_limit = end_of(cancel_day)
            else:
                fate = "open"
        hires = set(range(openings)) if fate in ("filled", "open") else set()
        apps = [
            self.application_sim(c, data["id"], submitted, i in hires, plan["rounds"], app_limit)
            for i, submitted in enumerate(submissions)
            if submitted <= app_limit
        ]
        accepted = [a["accepted"] for a in apps if a["accepted"]]
        if hires and len(accepted) == openings:
            closing = max(accepted)
            final = end_of(closing)
            apps = [a for a in apps if a["data"]["submitted_at"] <= final]
            for app in apps:  # the others stop when the position is filled
                if not app["accepted"]:
                    self.application_cut(app, final)
            self.close(c, req, "filled", closing)
        elif fate == "cancelled":
            self.close(c, req, "cancelled", day_of(app_limit))
        elif fate == "on_hold":
            data["status"] = "on_hold"
            self.close_with_client(c, req)
        else:
            self.close_with_client(c, req)
        closing = req["closed"]
        for app in apps:
            if closing is not None and app["open"]:
                reason = "Position filled" if data["status"] == "filled" else "Requirement closed"
                app["data"]["withdrawn"] = {"on": max(closing, app["last"]), "reason": reason}
                app["open"] = False
            self.application_write(c, app)
        if data["status"] == "filled" and rng.random() < 0.92:
            on = add_business_days(closing, rng.randint(2, 12))
            if on <= last_day:
                self.feedback(c, on, data["id"])

    def close(self, c: ClientInfo, req: dict, status: str, day: date) -> None:
        data = req["data"]
        data["status"] = status
        data["closed_on"] = day
        if status == "cancelled":
            data["close_reason"] = _pick(self.rng, CANCEL_REASONS[c.language])
        req["closed"] = day

    def close_with_client(self, c: ClientInfo, req: dict) -> None:
        """A former or paused client's open requirement was cancelled when it stopped."""
        if c.end < AS_OF_DAY and req["data"]["status"] in ("confirmed", "on_hold"):
            self.close(c, req, "cancelled", c.end)

    def application_sim(
        self,
        c: ClientInfo,
        req_id: str,
        submitted: datetime,
        hire: bool,
        rounds: int,
        limit: datetime,
    ) -> dict:
        """One candidate's path, with every event after ``limit`` left out."""
        rng = self.rng
        app_id = self.next_id(f"app-{submitted.year}", 4)
        data = {
            "id": app_id,
            "requirement": req_id,
            "candidate": None,  # chosen when written: dropped applications need no candidate
            "channel": rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0],
        }
        if self.recruiters and rng.random() < 0.7:
            data["recruiter"] = _pick(rng, self.recruiters).id
        data["submitted_at"] = submitted
        app = {"data": data, "accepted": None, "open": True, "last": day_of(submitted)}
        goal_hours = {"strategic": 20, "key": 40, "ordinary": 60}[c.tier]
        feedback_at = after(rng, submitted, 1, goal_hours * rng.choice([0.3, 0.6, 1.0, 1.6]))
        if feedback_at > limit or (not hire and rng.random() < 0.03):
            return app
        decision = "interview"
        if not hire:
            decision = rng.choices(["interview", "reject", "hold"], [45, 42, 13])[0]
        feedback = {"at": feedback_at, "decision": decision}
        if decision == "reject" and rng.random() < 0.6:
            feedback["note"] = _pick(rng, REJECT_NOTES)
        data["client_feedback"] = feedback
        app["last"] = day_of(feedback_at)
        if decision == "reject":
            app["open"] = False
        if decision != "interview":
            return app
        moment = feedback_at
        interviews: list[dict] = []
        data["interviews"] = interviews
        for number in range(1, rounds + 1):
            at = at_work(rng, day_of(moment) + timedelta(days=rng.randint(2, 8)))
            if at > limit:
                return app
            interview: dict = {"round": number, "at": at}
            interviews.append(interview)
            app["last"] = day_of(at)
            passed = hire or rng.random() < 0.55
            result_at = after(rng, at, 1, rng.choices([3, 6, 18, 40], [4, 3, 2, 1])[0])
            if result_at > limit:
                interview["result"] = "pending"
                notified = after(rng, at, 2, 20)
                if notified <= limit:
                    interview["candidate_notified_at"] = notified
                return app
            interview["result"] = "pass" if passed else "fail"
            interview["result_at"] = result_at
            notified = after(rng, result_at, 0.5, rng.choices([1, 3, 6, 30], [4, 3, 2, 1])[0])
            if notified <= limit:
                interview["candidate_notified_at"] = notified
            if not passed:
                app["open"] = False
                return app
            moment = result_at
        if not hire and rng.random() < 0.6:
            return app  # passed every round, but the client chose someone else
        made = day_of(moment) + timedelta(days=rng.randint(1, 6))
        if end_of(made) > limit:
            return app
        offer: dict = {"made_on": made}
        data["offer"] = offer
        app["last"] = made
        answer = made + timedelta(days=rng.randint(1, 5))
        if end_of(answer) > limit:
            return app
        app["open"] = False
        if not hire:
            offer["declined_on"] = answer
            return app
        offer["accepted_on"] = answer
        if rng.random() < 0.5:
            amount = int(rng.uniform(15, 60)) * 1000
            offer["salary"] = {"amount": amount, "currency": c.city[2]}
        app["accepted"] = answer
        self.placement(c, app, answer)
        return app

    def placement(self, c: ClientInfo, app: dict, accepted: date) -> None:
        rng = self.rng
        start = workday(accepted + timedelta(days=rng.randint(14, 60)))
        placement: dict = {"start_on": start}
        check_ins = []
        for day in (7, 30, 90):
            on = start + timedelta(days=day + rng.randint(0, 3))
            if on > AS_OF_DAY or rng.random() < 0.02:
                break
            entry = {"day": day, "on": on}
            if rng.random() < 0.6:
                entry["note"] = _pick(rng, CHECKIN_NOTES)
            check_ins.append(entry)
        if check_ins:
            placement["check_ins"] = check_ins
        if rng.random() < 0.08:
            left = start + timedelta(days=rng.randint(20, 400))
            if left <= AS_OF_DAY:
                placement["left_on"] = left
                placement["left_reason"] = _pick(rng, LEFT_REASONS)
        app["data"]["placement"] = placement
        revisit = at_work(rng, start + timedelta(days=rng.randint(10, 40)))
        if revisit <= c.cutoff and rng.random() < 0.9:
            app["revisit"] = revisit

    def application_cut(self, app: dict, final: datetime) -> None:
        """Leave out what happened to a non-hire after the position was filled."""
        data = app["data"]
        feedback = data.get("client_feedback")
        if feedback and feedback["at"] > final:
            for key in ("client_feedback", "interviews", "offer"):
                data.pop(key, None)
            app["open"] = True
            app["last"] = day_of(data["submitted_at"])
            return
        interviews = data.get("interviews")
        if interviews:
            kept = [i for i in interviews if i["at"] <= final]
            for interview in kept:
                if interview.get("result_at") and interview["result_at"] > final:
                    interview.pop("result_at")
                    interview["result"] = "pending"
                    app["open"] = True
                if interview.get("candidate_notified_at") and (
                    interview["candidate_notified_at"] > final
                ):
                    interview.pop("candidate_notified_at")
            if len(kept) < len(interviews):
                app["open"] = True
                data.pop("offer", None)
            data["interviews"] = kept
            if kept:
                app["last"] = max(day_of(i["at"]) for i in kept)
            elif feedback:
                app["last"] = day_of(feedback["at"])
        offer = data.get("offer")
        if offer and end_of(offer["made_on"]) > final:
            data.pop("offer")
            app["open"] = True
        elif offer and offer.get("declined_on") and end_of(offer["declined_on"]) > final:
            offer.pop("declined_on")
            app["open"] = True

    def application_write(self, c: ClientInfo, app: dict) -> None:
        data = app["data"]
        data["candidate"] = self.pick_candidate(data["submitted_at"])
        if not data.get("interviews"):
            data.pop("interviews", None)
        if app.get("open") and "withdrawn" not in data and self.rng.random() < 0.1:
            on = app["last"] + timedelta(days=self.rng.randint(1, 10))
            if end_of(on) <= c.cutoff:
                data["withdrawn"] = {"on": on, "reason": _pick(self.rng, WITHDRAW_REASONS)}
        tags = ["application"]
        if not app["accepted"]:
            tags.append("application-free")
            if "client_feedback" in data:
                tags.append("application-feedback")
        self.add(f"clients/{c.id}/applications/{data['id']}.yaml", "application", data, tags=tags)
        if app.get("revisit"):
            self.touchpoint(
                c,
                app["revisit"],
                "revisit",
                _pick(self.rng, REVISITS[c.language]),
                requirement=data["requirement"],
            )

    def plan_finish(self, c: ClientInfo, plan: dict, signed: list[dict]) -> None:
        rng = self.rng
        limit = day_of(c.cutoff)
        data: dict = {"id": plan["id"], "requirements": [r["data"]["id"] for r in signed]}
        closed = [r["closed"] for r in signed]
        confirmed = plan["confirmed"]
        end = None
        if plan["proposed"] is None:
            data["status"] = "draft"
        elif confirmed is None:
            data["status"] = "proposed"
        elif all(closed):
            data["status"] = "closed"
            end = max(*closed, confirmed)
        else:
            data["status"] = "active"
        if plan["proposed"]:
            data["proposed_on"] = plan["proposed"]
        if confirmed:
            data["client_confirmed_on"] = confirmed
        if end:
            data["closed_on"] = end
        data["position_analysis"] = _pick(rng, ANALYSES[c.language])
        data["channels"] = rng.sample(CHANNELS[:6], rng.randint(2, 3))
        if confirmed:
            data["milestones"] = [
                {"name": name, "due": due, "done_on": self.done(confirmed, due, end, limit)}
                for name, due in (
                    ("First shortlist", confirmed + timedelta(days=14)),
                    ("Final interviews", confirmed + timedelta(days=45)),
                )
            ]
        steps = [{"round": 1, "name": "Agency screen", "by": "agency"}]
        for number, name in enumerate(["Technical", "Hiring manager", "Final with director"]):
            if number < plan["rounds"]:
                steps.append({"round": number + 2, "name": name, "by": "client"})
        data["interview_process"] = steps
        data["reporting"] = {"every": Raw(f"{plan['every']}d")}
        if confirmed:
            due = add_business_days(confirmed, rng.randint(2, 6))
            what = _pick(rng, COMMITMENTS[c.language])
            done = self.done(confirmed, due, end, limit)
            data["client_commitments"] = [{"what": what, "due": due, "done_on": done}]
        tags = ("plan", "plan-confirmed") if plan["proposed"] and confirmed else ("plan",)
        self.add(f"clients/{c.id}/plans/{plan['id']}.yaml", "plan", data, tags=tags)
        if confirmed:
            self.progress_reports(c, plan, data, end)

    def done(self, start: date, due: date, end: date | None, limit: date) -> date | None:
        """When an item due on ``due`` was done: all by ``end`` on a closed plan, else maybe not."""
        done = max(start, near(self.rng, due))
        if end is not None:
            return min(done, end)
        if done > limit or self.rng.random() < 0.05:
            return None
        return done

    def progress_reports(self, c: ClientInfo, plan: dict, data: dict, end: date | None) -> None:
        rng = self.rng
        stop = min(c.cutoff, end_of(end) if end else AS_OF)
        day = plan["confirmed"]
        while True:
            day = day + timedelta(days=plan["every"] + rng.choice([-2, -1, -1, -1, 0, 1]))
            moment = at_work(rng, day)
            if moment > stop:
                break
            if rng.random() < 0.06:
                continue  # a missed week: the clock is breached
            screened = rng.randint(3, 30)
            submitted = rng.randint(0, min(6, screened))
            booked = rng.randint(0, submitted)
            summary = (
                f"本週篩選簡歷{screened}份，推薦{submitted}人，安排面試{booked}場。"
                if c.language == "zh"
                else f"{screened} resumes screened, {submitted} submitted, {booked} interviews "
                "booked."
            )
            requirement = data["requirements"][0] if len(data["requirements"]) == 1 else None
            self.touchpoint(
                c,
                moment,
                "progress_report",
                summary,
                plan=plan["id"],
                requirement=requirement,
                follow_up=rng.random() < 0.1,
            )

    # --- candidates -------------------------------------------------------------------------

    def pick_candidate(self, submitted: datetime) -> str:
        rng = self.rng
        day = day_of(submitted)
        if self.candidates and rng.random() < 0.12:
            for _ in range(3):
                cand_id, given = self.candidates[rng.randrange(len(self.candidates))]
                if given <= day:
                    return cand_id
        return self.candidate(day - timedelta(days=rng.randint(0, 20)))

    def candidate(self, given: date, talent_pool: bool = False) -> str:
        rng = self.rng
        cand_id = self.next_id("cand", 5)
        surname = _pick(rng, SURNAMES)
        if rng.random() < 0.7:
            name = surname[0] + "".join(rng.sample(CANDIDATE_GIVEN, 2))
        else:
            name = f"{_pick(rng, WESTERN)} {surname[1]}"
        retain = given + timedelta(days=730)
        if retain <= AS_OF_DAY + timedelta(days=60):
            retain = AS_OF_DAY + timedelta(days=rng.randint(60, 900))  # consent was renewed
        number = self.counters["cand"]
        data = {
            "id": cand_id,
            "name": name,
            "email": f"{surname[1].lower()}.{number}@mail.example",
            "phone": f"+86 13{rng.randrange(10)} {rng.randrange(10000):04d} {number % 10000:04d}",
        }
        if rng.random() < 0.5:
            data["current_title"] = _pick(rng, ROLES)[0]
        if rng.random() < 0.5:
            data["city"] = _pick(rng, CITIES)[0]
        data["consent"] = {
            "given_on": given,
            "purpose": "Recruitment for client roles"
            if not talent_pool
            else "Talent pool: future roles",
        }
        data["retain_until"] = retain
        self.add(f"candidates/{cand_id}.yaml", "candidate", data, tags=("candidate",))
        self.candidates.append((cand_id, given))
        return cand_id

    # --- cases ----------------------------------------------------------------------------

    def case(self) -> None:
        rng = self.rng
        on = FIRST_DAY + timedelta(days=rng.randrange((AS_OF_DAY - FIRST_DAY).days))
        case_id = self.next_id(f"case-{on.year}", 3)
        title, summary, body = _pick(rng, CASES)
        authors = self.leads or self.managers
        data = {"title": title, "summary": summary}
        if self.client_ids and rng.random() < 0.6:
            data["client"] = _pick(rng, self.client_ids)
        data |= {
            "author": _pick(rng, authors).id,
            "on": on,
            "tags": rng.sample(TAGS, rng.randint(1, 3)),
            "outcome": rng.choices(["success", "failure", "mixed"], [5, 2, 3])[0],
        }
        self.add(f"cases/{case_id}.md", "case", data, body=body, tags=("case",))

    # --- planted problems -----------------------------------------------------------------

    def plant(self) -> None:
        rng = self.rng
        wanted = max(1, round(self.n * PLANT_SHARE))
        by_tag: dict[str, list[Record]] = {}
        for record in self.agency.records:
            for tag in record.tags:
                by_tag.setdefault(tag, []).append(record)
        used: set[str] = set()
        kinds = list(PLANTS)
        for index in range(wanted):
            # the kinds take turns; a kind with nothing left to plant on passes its turn on
            for turn in range(len(kinds)):
                code, tag, mutate = PLANTS[kinds[(index + turn) % len(kinds)]]
                record = _unused(rng, by_tag.get(tag, []), used)
                if record is not None:
                    break
            else:
                break
            used.add(record.rel)
            self.agency.pristine[record.rel] = record.render()
            description = mutate(record, rng)
            self.agency.planted.append(Planted(record.rel, code, description))
        self.agency.planted.sort(key=lambda p: (p.rel, p.code))


def _unused(rng: random.Random, pool: list[Record], used: set[str]) -> Record | None:
    """A random record of ``pool`` not in ``used`` (None when there is none)."""
    for _ in range(8):
        if not pool:
            return None
        record = pool[rng.randrange(len(pool))]
        if record.rel not in used:
            return record
    rest = [record for record in pool if record.rel not in used]
    return rest[rng.randrange(len(rest))] if rest else None


def _goals(strategic: str, key: str, ordinary: str) -> dict:
    return {"strategic": Raw(strategic), "key": Raw(key), "ordinary": Raw(ordinary)}


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


# --- planted problems: (code, eligible records' tag, mutation) --------------------------------


def _unknown_field(record: Record, rng: random.Random) -> str:
    record.data["rating"] = rng.randint(1, 5)
    return "unknown field `rating`"


def _bad_enum(record: Record, rng: random.Random) -> str:
    record.data["channel"] = "linkedin"
    return "channel `linkedin` is not an allowed value"


def _duplicate_key(record: Record, rng: random.Random) -> str:
    record.extra = "summary: Added the same summary twice.\n"
    return "duplicate key `summary`"


def _missing_requirement(record: Record, rng: random.Random) -> str:
    record.data["requirement"] = record.data["requirement"] + "0"
    return f"requirement `{record.data['requirement']}` does not exist"


def _chronology(record: Record, rng: random.Random) -> str:
    record.data["client_feedback"]["at"] = record.data["submitted_at"] - timedelta(days=1)
    return "client_feedback.at is before submitted_at"


def _unknown_person(record: Record, rng: random.Random) -> str:
    record.data["by"] = record.data["by"].replace("-", "", 1)
    return f"team member `{record.data['by']}` does not exist"


def _plan_chronology(record: Record, rng: random.Random) -> str:
    record.data["client_confirmed_on"] = record.data["proposed_on"] - timedelta(days=2)
    return "client_confirmed_on is before proposed_on"


PLANTS = {
    "unknown-field": ("HB201", "application-free", _unknown_field),
    "bad-enum": ("HB204", "application-free", _bad_enum),
    "duplicate-key": ("HB106", "touchpoint", _duplicate_key),
    "missing-requirement": ("HB305", "application-free", _missing_requirement),
    "chronology": ("HB401", "application-feedback", _chronology),
    "unknown-person": ("HB303", "touchpoint", _unknown_person),
    "plan-chronology": ("HB409", "plan-confirmed", _plan_chronology),
}

# --- free text (never a candidate's name, e-mail address or phone number) ------------------

TIER_REASONS = {
    "strategic": ["Five-year partner, 20+ hires a year", "Exclusive partner for all tech hiring",
                  "Largest account in the region"],
    "key": ["Steady 5-10 hires a year", "Growing fast after series C", "Regional headquarters"],
    "ordinary": ["Occasional hires", "New client, volume to be seen", "Single-role engagements"],
}  # fmt: skip
CLIENT_NOTES = {
    "en": ["Prefers phone calls to e-mail.", "Budget approvals go through the regional office.",
           "Interview slots are only on Tuesday and Thursday afternoons."],
    "zh": ["客戶偏好電話溝通。", "預算審批需經區域總部。", "面試時間僅限週二、週四下午。"],
}  # fmt: skip
MEETING_NOTES = {
    "en": ["Quarterly review of open positions and hiring plans.",
           "Discussed next year's headcount and the fee structure.",
           "Walked through the pipeline; the client wants faster shortlists."],
    "zh": ["季度回顧：討論在招職位與招聘計劃。", "討論明年人員編制與服務費結構。",
           "梳理招聘進度，客戶希望加快推薦速度。"],
}  # fmt: skip
CALL_NOTES = {
    "en": ["Checked interview availability for next week.", "Clarified the salary band.",
           "Sent the updated shortlist by e-mail.", "Confirmed the offer process."],
    "zh": ["確認下週面試時間。", "澄清薪資範圍。", "郵件發送更新後的候選人名單。",
           "確認錄用流程。"],
}  # fmt: skip
FOLLOW_UPS = {
    "en": ["Send revised JD", "Book interview rooms", "Share market salary data",
           "Confirm headcount approval"],
    "zh": ["發送修訂後的職位描述", "預訂面試會議室", "提供市場薪資數據", "確認編制審批"],
}  # fmt: skip
FEEDBACK_COMMENTS = {
    "en": ["Fast shortlist; interview scheduling was chaotic in week 3.",
           "Candidates were well prepared.", "We would like weekly updates on Mondays."],
    "zh": ["推薦速度快，但第三週面試安排較亂。", "候選人準備充分。", "希望每週一收到進度報告。"],
}  # fmt: skip
IMPROVEMENTS = {
    "en": ["Book interview rooms a week ahead", "Send a weekly summary every Monday",
           "Pre-screen salary expectations before submitting"],
    "zh": ["提前一週預訂面試室", "每週一發送進度摘要", "推薦前先確認薪資期望"],
}  # fmt: skip
CANCEL_REASONS = {
    "en": ["Client froze headcount", "Filled internally", "Budget cut"],
    "zh": ["客戶凍結編制", "內部調動解決", "預算削減"],
}  # fmt: skip
CHANGES = {
    "en": ["Added people-management requirement", "Raised the salary band",
           "Changed the location to hybrid"],
    "zh": ["增加團隊管理要求", "提高薪資範圍", "工作地點改為混合辦公"],
}  # fmt: skip
ANALYSES = {
    "en": ["Market is thin; target competitors and adjacent industries.",
           "Plenty of candidates; the challenge is the salary band.",
           "Niche skill set; headhunting from two named competitors."],
    "zh": ["市場人才稀缺，目標鎖定競爭對手及相鄰行業。", "候選人充足，難點在於薪資範圍。",
           "技能稀缺，重點從兩家競品公司定向挖掘。"],
}  # fmt: skip
COMMITMENTS = {
    "en": ["Name two technical interviewers", "Confirm the interview panel",
           "Share the org chart"],
    "zh": ["指定兩名技術面試官", "確認面試小組", "提供組織架構圖"],
}  # fmt: skip
REVISITS = {
    "en": ["Revisit after the placement: the manager is satisfied.",
           "Revisit: onboarding went smoothly, discussed the next role."],
    "zh": ["入職後回訪：用人經理滿意。", "回訪：入職順利，討論下一個職位。"],
}  # fmt: skip
CASES = [
    ("Winning back a lost account", "Weekly reports and a backup manager won the client back.",
     "## Situation\n\nThe client had moved its hiring to a competitor after two slow shortlists."
     "\n\n## What we did\n\nWeekly progress reports, a named backup manager and a shortlist "
     "within five business days.\n\n## Result\n\nThree placements in the next quarter.\n"),
    ("一次薪資談判的經驗", "用市場數據和職級調整彌合百分之二十的薪資差距。",
     "## 背景\n\n候選人期望薪資高於預算百分之二十。\n\n## 做法\n\n提前與客戶溝通市場數據，"
     "調整職級與股權結構。\n\n## 結果\n\n候選人接受錄用，試用期順利通過。\n"),
    ("Campus hiring at scale", "Forty graduate roles filled with one shared scorecard.",
     "## Situation\n\nForty graduate roles across three cities.\n\n## What we did\n\n"
     "Batch interviews, a shared scorecard and a single offer day.\n\n## Result\n\n"
     "Thirty-six offers accepted; two reneged before the start day.\n"),
    ("面試反饋超時的教訓", "面試結果遲到三天，我們失去了候選人。",
     "## 背景\n\n候選人在面試後三天仍未收到結果，最終接受了其他機會。\n\n## 改進\n\n"
     "落實面試結果24小時反饋機制，由客戶經理每日跟進。\n"),
]  # fmt: skip


# --- writing --------------------------------------------------------------------------------


def generate(records: int, seed: int, clients: int | None = None) -> Agency:
    """The agency for ``records`` files and ``seed``, in memory."""
    return Generator(records, seed, clients).run()


def write(agency: Agency, out: str | os.PathLike) -> dict:
    """Write the agency below ``out``; returns the summary also written to agency.json."""
    out = os.fspath(out)
    records_dir = os.path.join(out, "records")
    summary_path = os.path.join(out, "agency.json")
    if os.path.exists(records_dir) and not os.path.exists(summary_path):
        raise SystemExit(
            f"{records_dir} exists and was not written by this generator; refusing to replace it"
        )
    for name in ("records", "pristine", "planted"):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    made: set[str] = set()
    for record in agency.records:
        path = os.path.join(out, record.rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(record.render())
    planted_texts = {
        record.rel: record.render() for record in agency.records if record.rel in agency.pristine
    }
    for variant, texts in (("pristine", agency.pristine), ("planted", planted_texts)):
        for rel, content in texts.items():
            path = os.path.join(out, variant, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
    planted = {
        "seed": agency.seed,
        "records": len(agency.records),
        "problems": [
            {"file": p.rel, "code": p.code, "description": p.description} for p in agency.planted
        ],
    }
    with open(os.path.join(out, "planted.json"), "w", encoding="utf-8") as handle:
        json.dump(planted, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    summary = {
        "generator_version": GENERATOR_VERSION,
        "seed": agency.seed,
        "requested": agency.requested,
        "records": len(agency.records),
        "counts": agency.counts(),
        "planted": len(agency.planted),
        "as_of": AS_OF.isoformat(),
    }
    with open(summary_path, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=2)
        handle.write("\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="how many record files")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--clients",
        type=int,
        default=None,
        help="how many clients (default: about one per 90 records)",
    )
    parser.add_argument("--out", required=True, help="output folder (records/ is written in it)")
    args = parser.parse_args(argv)
    started = _time.perf_counter()
    agency = generate(args.records, args.seed, args.clients)
    summary = write(agency, args.out)
    seconds = _time.perf_counter() - started
    print(
        f"wrote {summary['records']} records ({summary['planted']} with planted problems) to "
        f"{os.path.join(args.out, 'records')} in {seconds:.1f} s: "
        + ", ".join(f"{k} {v}" for k, v in summary["counts"].items()),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
