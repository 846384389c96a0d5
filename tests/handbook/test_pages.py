"""Page generation as a library and through ``hirebook handbook --out``."""

import statistics
from datetime import date, datetime
from pathlib import Path

import pytest

from hirebook.cli.main import cli
from hirebook.handbook import paths, reporting
from hirebook.handbook.labels import LANGUAGES, TABLES
from hirebook.handbook.reporting import month_periods
from hirebook.handbook.site import HandbookError, check, generate, instant
from hirebook.handbook.sources import Sources
from hirebook.records.repository import load
from hirebook.sla.engine import evaluate_all

from .handbook_html import Elements, render_page
from .handbook_records import HOSTILE, PRIVATE, SECRETS

AS_OF = "2026-11-20T17:00:00+08:00"

EXTRA = {
    "clients/acme/touchpoints/tp-2026-0311.yaml": """\
        id: tp-2026-0311
        type: progress_report
        at: 2026-03-11T10:00:00+08:00
        by: wang-li
        with: [Zhang Wei]
        plan: plan-2026-001
        summary: 12 resumes screened, 4 submitted.
        """,
    "clients/acme/feedback/fb-2026-001.yaml": """\
        id: fb-2026-001
        on: 2026-06-10
        collected_by: wang-li
        scores: {overall: 4, responsiveness: 5}
        nps: 9
        comments: Fast shortlist.
        actions:
          - {action: Book rooms a week ahead, owner: wang-li, due: 2026-06-30}
        """,
    "cases/acme-frontend.md": """\
        ---
        title: Front-end lead in six weeks
        client: acme
        author: wang-li
        on: 2026-05-01
        tags: [referral, speed]
        outcome: success
        ---
        We **clarified** the need first.
        """,
}


def handbook(agency, language="en", sources=None):
    repo = agency.load()
    moment = instant(repo, AS_OF)
    return generate(repo, moment, language, sources)


def test_every_page_kind_is_generated(agency):
    for rel, text in EXTRA.items():
        agency.write(rel, text)
    pages = handbook(agency).pages
    expected = {
        *paths.SECTIONS,
        *paths.REFERENCE_PAGES,
        paths.client("acme"),
        "clients/acme/progress.md",  # hirebook.handbook.pages.progress: the latest report
        paths.requirement("acme", "req-2026-001"),
        paths.person("wang-li"),
        paths.person("zhou-min"),
        paths.work("wang-li"),
        paths.work("zhou-min"),
        paths.THIS_WEEK,
        paths.OPEN_REQUIREMENTS,
        paths.PLACEMENTS,
        *(paths.report_period(key) for key in ("this-quarter", "last-quarter", "last-12-months")),
        paths.case("acme-frontend"),
    }
    assert set(pages) == expected
    assert pages[paths.client("acme")].source == "records/clients/acme/client.yaml"
    assert pages[paths.HOME].source is None


def test_client_page_shows_the_pipeline_by_candidate_id(agency):
    for rel, text in EXTRA.items():
        agency.write(rel, text)
    page = handbook(agency).pages[paths.client("acme")].markdown
    assert "<code>cand-<wbr>0001</code>" in page and "interviewing" in page
    assert "[Senior Front&#45;end Engineer (req-2026-001)](requirements/req-2026-001.md)" in page
    assert "Book rooms a week ahead" in page
    assert "Progress report" in page  # an open clock of the client
    assert "../../team/wang-li/index.md" in page


def test_requirement_page_is_the_signable_document(agency):
    page = handbook(agency).pages[paths.requirement("acme", "req-2026-001")].markdown
    assert "Recruitment Requirement Confirmation" in page
    assert page.count('class="hb-signature"') == 2
    assert "Zhang Wei" in page and "2026-03-05" in page
    assert 'class="hb-no-print"' in page


def test_sla_board_lists_overdue_first(agency):
    page = handbook(agency).pages[paths.SLA].markdown
    assert page.index("hb-overdue") < page.index("hb-at-risk")
    assert "2 overdue, 1 at risk" in page


def test_policy_fragments_come_from_policy_yaml(agency):
    fragments = handbook(agency, "zh-Hant").fragments
    assert "戰略客戶" in fragments["tiers"]
    assert "1 個工作日" in fragments["sla-goals"]  # client-feedback for strategic clients
    assert "24 小時" in fragments["sla-goals"]


def test_labels_exist_in_every_language():
    keys = set(TABLES["en"])
    for language in LANGUAGES:
        assert set(TABLES[language]) == keys, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_each_language(agency, language):
    pages = handbook(agency, language).pages
    home = pages[paths.HOME].markdown
    assert {"en": "Clients per tier", "zh-Hant": "各分類客戶數", "zh-Hans": "各分类客户数"}[
        language
    ] in home


def test_source_links_with_a_repository(agency):
    sources = Sources("https://github.com/acme/hirebook", "edit/main/site/", "site")
    page = handbook(agency, sources=sources).pages[paths.PROBLEMS].markdown
    client = handbook(agency, sources=sources).pages[paths.client("acme")].markdown
    assert "(https://github.com/acme/hirebook/blob/main/records/clients/acme/client.yaml)" in client
    assert "Problems" in page
    assert (
        sources.edit_path("records/clients/acme/client.yaml")
        == "../records/clients/acme/client.yaml"
    )


def test_lint_errors_refuse_to_publish(agency):
    agency.write("clients/acme/client.yaml", "id: acme\nname: ACME\ntier: platinum\n")
    repo = agency.load()
    with pytest.raises(HandbookError, match="HB20"):
        check(repo, instant(repo, AS_OF))


def test_personal_data_in_free_text_refuses_to_publish_even_when_silenced(agency):
    for rel, text in PRIVATE.items():
        agency.write(rel, text)
    agency.write(
        "policy.yaml",
        (agency.records / "policy.yaml").read_text() + "lint:\n  severity: {HB503: 'off'}\n",
    )
    agency.write(
        "clients/acme/touchpoints/tp-leak.yaml",
        """\
        id: tp-leak
        type: call
        at: 2026-03-11T10:00:00+08:00
        by: wang-li
        summary: Quokkaberg Zyxwvut (龍鳳蝶) did well
        """,
    )
    repo = agency.load()
    with pytest.raises(HandbookError) as refused:
        check(repo, instant(repo, AS_OF))
    assert "HB503" in str(refused.value)
    assert "Quokkaberg" not in str(refused.value)  # the refusal names the candidate by id


def test_hostile_records_generate_no_live_markup(agency):
    for rel, text in {**HOSTILE, **PRIVATE}.items():
        agency.write(rel, text)
    built = handbook(agency)
    for path, page in built.pages.items():
        for secret in SECRETS:
            assert secret not in page.markdown, path
        for tag, attrs in Elements(render_page(page.markdown)).tags:
            assert tag not in ("script", "img", "iframe", "object", "embed"), (path, tag)
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            for name in ("href", "src"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "http:", "https:", "//")), path


def test_as_of_accepts_dates_and_datetimes(agency):
    repo = agency.load()
    assert instant(repo, "2026-11-20") == datetime.fromisoformat("2026-11-20T18:00:00+08:00")
    assert instant(repo, AS_OF).isoformat() == AS_OF
    assert instant(repo, datetime(2026, 11, 20, 9)).utcoffset().total_seconds() == 8 * 3600


def test_cli_writes_the_same_pages(runner, agency, tmp_path):
    out = tmp_path / "out"
    args = ["handbook", "--records", str(agency.records), "--out", str(out), "--as-of", AS_OF]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    expected = handbook(agency).pages
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    assert written == set(expected) | {"fragments/tiers.md", "fragments/sla-goals.md"}
    client = Path(out, paths.client("acme")).read_text(encoding="utf-8")
    assert client == expected[paths.client("acme")].markdown


def test_cli_refuses_records_with_errors(runner, agency, tmp_path):
    agency.write("clients/acme/client.yaml", "id: acme\nname: ACME\ntier: platinum\n")
    args = ["handbook", "--records", str(agency.records), "--out", str(tmp_path / "o")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "HB20" in result.output
    assert not (tmp_path / "o").exists()


def test_reports_page_has_charts_with_text_alternatives(agency):
    page = handbook(agency).pages[paths.REPORTS].markdown
    for chart in ("hb-chart-funnel", "hb-chart-sla"):
        assert f'id="{chart}"' in page
    assert page.count("<title id=") == page.count("<desc id=")
    assert "| Submitted | 1 |" in page  # the funnel's numbers as a table too


def test_month_periods_end_today():
    months = month_periods(date(2026, 3, 15), 4)
    assert [m.start.isoformat() for m in months] == [
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
    ]
    assert months[-1].end == date(2026, 3, 15) and months[1].end == date(2026, 1, 31)


def test_time_to_fill_values_agree_with_the_engine(demo_records):
    if not any(demo_records.glob("clients/*/client.yaml")):
        pytest.skip("the demo agency is not there yet")
    repo = load(demo_records, demo_records.parent)
    moment = instant(repo, AS_OF)
    data = reporting.compute(repo, moment, evaluate_all(repo, moment))
    summary = data.summary["time-to-fill"]
    assert len(data.time_to_fill_days) == summary["count"]
    if summary["count"]:
        assert statistics.median(data.time_to_fill_days) == summary["median"]
