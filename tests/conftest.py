"""Shared fixtures: a small, valid agency built in a temporary folder, and the CLI runner.

Tests change one file of the agency and assert exactly which problems appear, yamllint-style:
``agency.check("clients/acme/client.yaml", text, expect=[(3, 1, "HB201")])``.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from hirebook.demo import DEMO_RECORDS
from hirebook.lint.engine import lint
from hirebook.problem import Problem
from hirebook.records.repository import Repository, load

TODAY = date(2026, 11, 20)

BASE_FILES = {
    "policy.yaml": """\
        agency: Test Agency
        timezone: Asia/Shanghai
        calendar:
          workdays: [mon, tue, wed, thu, fri]
          hours: {start: "09:00", end: "18:00"}
          holidays: [2026-10-01, 2026-10-02, NEW_YEARS]
          extra_workdays: [2026-09-27]
        tiers:
          strategic: {label: {en: Strategic, zh-Hant: 戰略客戶, zh-Hans: 战略客户}}
          key: {label: {en: Key, zh-Hant: 重點客戶, zh-Hans: 重点客户}}
          ordinary: {label: {en: Ordinary, zh-Hant: 普通客戶, zh-Hans: 普通客户}}
        sla:
          client-feedback: {strategic: 1bd, key: 2bd, ordinary: 3bd}
          candidate-notice: {all: 24h}
        warn_within: 0.25
        """,
    "team/wang-li.yaml": """\
        id: wang-li
        name: 王麗 (Wang Li)
        roles: [account_manager]
        email: wang.li@example.com
        github: wangli
        active: true
        """,
    "team/zhou-min.yaml": """\
        id: zhou-min
        name: 周敏 (Zhou Min)
        roles: [recruiter]
        active: false
        """,
    "candidates/cand-0001.yaml": """\
        id: cand-0001
        name: 劉洋
        email: liu.yang@mail.example
        phone: "+86 138 0000 0001"
        consent: {given_on: 2026-03-10, purpose: Recruitment for client roles}
        retain_until: 2028-03-10
        """,
    "clients/acme/client.yaml": """\
        id: acme
        name: ACME Technology Co., Ltd.
        industry: internet
        tier: strategic
        tier_reason: Five-year partner
        tier_reviewed_on: 2026-01-15
        status: active
        since: 2024-03-01
        account_manager: wang-li
        contacts:
          - {name: Zhang Wei, role: HR Director, primary: true}
          - {name: Li Na, role: Engineering Manager}
        """,
    "clients/acme/requirements/req-2026-001.yaml": """\
        id: req-2026-001
        title: Senior Front-end Engineer
        status: confirmed
        received_at: 2026-03-02T10:00:00+08:00
        openings: 1
        hiring_manager: Li Na
        confirmation:
          client_signed_by: Zhang Wei
          client_signed_on: 2026-03-05
          agency_signed_by: wang-li
          agency_signed_on: 2026-03-05
        """,
    "clients/acme/plans/plan-2026-001.yaml": """\
        id: plan-2026-001
        requirements: [req-2026-001]
        status: active
        proposed_on: 2026-03-06
        client_confirmed_on: 2026-03-08
        """,
    "clients/acme/applications/app-2026-0001.yaml": """\
        id: app-2026-0001
        requirement: req-2026-001
        candidate: cand-0001
        channel: referral
        submitted_at: 2026-03-12T15:00:00+08:00
        client_feedback: {at: 2026-03-13T11:00:00+08:00, decision: interview}
        interviews:
          - round: 1
            at: 2026-03-18T14:00:00+08:00
            result: pass
            result_at: 2026-03-18T19:00:00+08:00
            candidate_notified_at: 2026-03-19T09:00:00+08:00
        """,
}

# New Year's Day of 2027 and of every year after it up to next year: the calendar rules
# (HB601, HB602) judge the current year, and the tests of every other rule must not age into
# them. Nothing before 2027 changes, so the 2026 clocks of the tests stay as they are.
NEW_YEARS = ", ".join(f"{year}-01-01" for year in range(2027, max(2027, date.today().year + 1) + 1))
BASE_FILES["policy.yaml"] = BASE_FILES["policy.yaml"].replace("NEW_YEARS", NEW_YEARS)


class Agency:
    """A small agency on disk; ``write`` replaces or adds a file, ``lint`` checks it all."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records = root / "records"
        for rel, text in BASE_FILES.items():
            self.write(rel, text)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.records / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def remove(self, rel: str) -> None:
        (self.records / rel).unlink()

    def load(self) -> Repository:
        return load(self.records, self.root)

    def problems(self, today: date = TODAY) -> list[Problem]:
        return lint(self.load(), today).problems

    def check(
        self,
        rel: str,
        text: str | bytes | None,
        expect: list[tuple[int, int, str]],
        today: date = TODAY,
    ) -> list[Problem]:
        """Write ``text`` to ``rel`` (unless None) and assert the problems of *that file*."""
        if text is not None:
            self.write(rel, text)
        found = [p for p in self.problems(today) if p.file == f"records/{rel}"]
        assert [(p.line, p.column, p.code) for p in found] == sorted(expect), "\n".join(
            f"{p.location} {p.code} {p.message}" for p in found
        )
        return found


@pytest.fixture
def agency(tmp_path: Path) -> Agency:
    return Agency(tmp_path)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def demo_records() -> Path:
    """The demo agency as the package ships it (read it; copy it before changing anything).
    Never the project's own records/: an agency's fork keeps its own there."""
    return DEMO_RECORDS
