"""Public holidays from the holidays package, written into policy.yaml keeping everything else
(issue 19, item 3): ``hirebook.public_holidays``, ``hirebook.policy_edit`` and ``hirebook
holidays``."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS
from hirebook.lint.engine import lint
from hirebook.policy_edit import PolicyEditError, add_dates
from hirebook.public_holidays import Day, UnknownCountry, check_country, year_calendar
from hirebook.records import yamlread
from hirebook.records.repository import load

DEMO_POLICY = (DEMO_RECORDS / "policy.yaml").read_text(encoding="utf-8")


# --- the holidays package ---------------------------------------------------------------------


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_chinas_calendar_is_the_demos_hand_typed_one(year):
    """The demo's calendar was typed by hand from the State Council's notices; the holidays
    package gives the same days off on workdays and the same make-up working days."""
    calendar = yamlread.parse(DEMO_POLICY).data["calendar"]
    typed_off = [d for d in calendar["holidays"] if d.startswith(f"{year}-")]
    typed_on = [d for d in calendar["extra_workdays"] if d.startswith(f"{year}-")]
    found = year_calendar("CN", year)
    assert [str(day.day) for day in found.holidays] == typed_off
    assert [str(day.day) for day in found.extra_workdays] == typed_on
    assert found.announced


def test_the_make_up_days_the_issue_lists():
    days = [str(day.day) for day in year_calendar("CN", 2026).extra_workdays]
    assert days == [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ]


def test_a_policy_working_on_saturdays_gets_saturday_holidays_and_no_saturday_make_up_day():
    six_days = ("mon", "tue", "wed", "thu", "fri", "sat")
    found = year_calendar("CN", 2026, six_days)
    assert date(2026, 10, 3) in {day.day for day in found.holidays}  # a Saturday
    assert {day.day.weekday() for day in found.extra_workdays} == {6}  # Sundays only


def test_names_in_the_policys_language():
    [new_year, *_] = year_calendar("CN", 2026, language="zh-Hans").holidays
    assert new_year.name == "元旦"
    assert year_calendar("CN", 2026, language="zh-Hans").extra_workdays[0].name == "调休上班"


def test_unknown_countries_name_the_close_ones():
    with pytest.raises(UnknownCountry, match="did you mean"):
        check_country("CNN")
    assert check_country(" hk ") == "HK"


# --- the edit ---------------------------------------------------------------------------------


def days(*texts: str) -> list[Day]:
    return [Day(date.fromisoformat(text), f"name of {text}") for text in texts]


def test_the_demo_gets_a_year_with_comments_order_and_every_other_line_kept():
    calendar = year_calendar("CN", 2028)
    edit = add_dates(DEMO_POLICY, {"holidays": calendar.holidays})
    old, new = DEMO_POLICY.splitlines(), edit.text.splitlines()
    added = [line for line in new if line not in old]
    assert [line for line in new if line in old] == old  # nothing changed or moved
    assert added[0] == "    # 2028"
    assert added[1] == "    - 2028-01-03    # New Year's Day (observed)"
    assert len(added) == 1 + len(calendar.holidays) == 1 + len(edit.added["holidays"])
    # The comment that stood before extra_workdays still does.
    at = new.index("  extra_workdays:")
    assert new[at - 1].startswith("  # Make-up working days")
    assert add_dates(edit.text, {"holidays": calendar.holidays}).text == edit.text


def test_a_date_already_there_and_a_company_holiday_stay_as_they_are():
    text = DEMO_POLICY.replace(
        "    - 2026-10-07\n", "    - 2026-10-07\n    - 2026-12-31    # ours\n"
    )
    edit = add_dates(text, {"holidays": days("2026-10-01", "2026-12-25")})
    assert edit.added == {"holidays": [date(2026, 12, 25)]}
    assert "    - 2026-12-25    # name of 2026-12-25\n    - 2026-12-31    # ours\n" in edit.text


def test_a_flow_list_stays_a_flow_list():
    text = "calendar:\n  holidays: [2026-10-01, 2027-01-01]\n  extra_workdays: [2026-09-27]\n"
    edit = add_dates(text, {"holidays": days("2026-12-25"), "extra_workdays": days("2027-02-06")})
    assert edit.text == (
        "calendar:\n  holidays: [2026-10-01, 2026-12-25, 2027-01-01]\n"
        "  extra_workdays: [2026-09-27, 2027-02-06]\n"
    )


def test_an_empty_or_missing_list_becomes_one_line_per_date():
    hours = '  hours: {start: "09:00", end: "18:00"}\n'
    text = "calendar:\n  workdays: [mon]\n" + hours + "  holidays: []\nsla: {}\n"
    edit = add_dates(text, {"holidays": days("2026-10-01"), "extra_workdays": days("2026-09-27")})
    assert edit.text == (
        'calendar:\n  workdays: [mon]\n  hours: {start: "09:00", end: "18:00"}\n'
        "  holidays:\n    - 2026-10-01    # name of 2026-10-01\n"
        "  extra_workdays:\n    - 2026-09-27    # name of 2026-09-27\nsla: {}\n"
    )


def test_crlf_line_breaks_stay_crlf():
    text = "agency: A\r\ncalendar:\r\n  holidays:\r\n    - 2026-10-01\r\ntiers: {}\r\n"
    edit = add_dates(text, {"holidays": days("2026-12-25")})
    assert edit.text == text.replace(
        "    - 2026-10-01\r\n", "    - 2026-10-01\r\n    - 2026-12-25    # name of 2026-12-25\r\n"
    )


def test_names_are_one_line():
    text = "calendar:\n  holidays:\n    - 2026-10-01\n"
    edit = add_dates(text, {"holidays": [Day(date(2026, 12, 25), "a\nb  c")]})
    assert "    - 2026-12-25    # a b c\n" in edit.text


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("agency: x\n", "no top-level `calendar:`", 1),
        ("agency: x\ncalendar:\n  holidays: [2026-10-01\n", "cannot be read", 4),
        ("calendar:\n  holidays: 2026-10-01\n", "is not a list", 1),
        ("calendar: [1, 2]\n", "is not a mapping", 1),
        ("calendar:\n  holidays: [2026-10-01]", "must end with a line break", 2),
    ],
)
def test_what_cannot_be_edited_safely_is_refused_with_where(text, message, line):
    with pytest.raises(PolicyEditError, match=message) as caught:
        add_dates(text, {"holidays": days("2026-12-25")})
    assert caught.value.line == line


dates = st.dates(date(2024, 1, 1), date(2029, 12, 31))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    old=st.lists(dates, unique=True, max_size=12),
    new=st.lists(dates, max_size=12),
    sort=st.booleans(),
    comments=st.lists(
        st.sampled_from(["", "    # a note", "    # 2027"]), min_size=12, max_size=12
    ),
    eol=st.booleans(),
)
def test_any_list_reads_back_as_the_old_dates_plus_the_new(old, new, sort, comments, eol):
    listed = sorted(old) if sort else old
    lines = ["agency: A  # kept", "calendar:", "  holidays:"]
    for day, comment in zip(listed, comments, strict=False):
        if comment:
            lines.append(comment)
        lines.append(f"    - {day}" + ("   # typed" if eol else ""))
    if not listed:
        lines[-1] += " []"
    lines += ["  # after", "tiers: {}  # kept too", ""]
    text = "\n".join(lines)
    edit = add_dates(text, {"holidays": [Day(d, "n") for d in new]})
    after = [str(d) for d in yamlread.parse(edit.text).data["calendar"]["holidays"]]
    assert [d for d in after if date.fromisoformat(d) in set(old)] == [str(d) for d in listed]
    assert set(after) == {str(d) for d in [*old, *new]}
    assert edit.text.startswith("agency: A  # kept\ncalendar:\n")
    assert edit.text.endswith("  # after\ntiers: {}  # kept too\n")
    if sort:
        assert after == sorted(after)


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path) -> Path:
    shutil.copytree(DEMO_RECORDS, tmp_path / "records")
    return tmp_path / "records"


def run(runner, records: Path, *args: str):
    return runner.invoke(cli, ["holidays", "--records", str(records), *args])


def test_holidays_adds_a_year_shows_the_diff_and_lints_clean(runner, demo):
    before = (demo / "policy.yaml").read_text(encoding="utf-8")
    result = run(runner, demo, "--year", "2028")
    assert result.exit_code == 0, result.output
    assert "--- a/records/policy.yaml\n+++ b/records/policy.yaml\n" in result.output
    assert "+    - 2028-01-03    # New Year's Day (observed)\n" in result.output
    assert "Wrote records/policy.yaml." in result.output
    after = (demo / "policy.yaml").read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line in before.splitlines()] == (
        before.splitlines()
    )
    repo = load(demo, demo.parent)
    assert [p.code for p in lint(repo, date(2027, 11, 2)).problems if p.code >= "HB6"] == []
    again = run(runner, demo, "--year", "2028")
    assert again.exit_code == 0 and "nothing to add" in again.output
    assert (demo / "policy.yaml").read_text(encoding="utf-8") == after


def test_dry_run_writes_nothing(runner, demo):
    before = (demo / "policy.yaml").read_bytes()
    result = run(runner, demo, "--year", "2028", "--dry-run")
    assert result.exit_code == 0 and "+    - 2028-01-03" in result.output
    assert "is unchanged" in result.output
    assert (demo / "policy.yaml").read_bytes() == before


def test_the_years_default_to_this_one_and_the_next(runner, demo):
    this = date.today().year
    result = run(runner, demo, "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"CN {this} " in result.output and f"CN {this + 1} " in result.output


def test_the_policy_decides_on_a_date_it_counts_the_other_way(runner, demo):
    policy = demo / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("    - 2026-10-10\n", "    - 2026-10-10\n    - 2028-01-03\n"))
    result = run(runner, demo, "--year", "2028")
    assert result.exit_code == 0, result.output
    assert "2028-01-03 (New Year's Day (observed)) is in calendar.extra_workdays" in result.output
    assert "+    - 2028-01-03" not in result.output


def test_dates_the_package_does_not_know_are_kept_and_named(runner, demo):
    policy = demo / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("    - 2026-10-07\n", "    - 2026-10-07\n    - 2026-12-31\n"))
    result = run(runner, demo, "--year", "2026")
    assert result.exit_code == 0, result.output
    assert "also lists 2026-12-31 as holidays in 2026" in result.output
    assert "2026-12-31" in policy.read_text(encoding="utf-8")


def test_a_country_is_needed(runner, agency):
    result = run(runner, agency.records, "--year", "2027")
    assert result.exit_code == 2 and "pass --country" in result.output
    result = run(runner, agency.records, "--year", "2027", "--country", "ZZ")
    assert result.exit_code == 2 and "is not a country" in result.output
    result = run(runner, agency.records, "--year", "2027", "--country", "CN")
    assert result.exit_code == 0, result.output
    assert "holidays: [2026-10-01, 2026-10-02, 2027-01-01, 2027-02-05," in (
        agency.records / "policy.yaml"
    ).read_text(encoding="utf-8")
    # holidays 0.109 knows none of China's 2027 make-up days: said once, with what to do
    said = " ".join(result.output.split())
    assert said.count("knows no make-up working day of CN in 2027") == 1
    assert "add each one to calendar.extra_workdays in policy.yaml" in said


def test_a_broken_policy_is_refused_with_file_line_column(runner, agency):
    agency.write("policy.yaml", "agency: A\ntimezone: Asia/Shanghai\ncalendar: [\n")
    result = run(runner, agency.records, "--country", "CN")
    assert result.exit_code == 1
    assert "records/policy.yaml:" in result.output and "HB105" in result.output
    assert "Traceback" not in result.output


def test_a_missing_policy_is_a_usage_error(runner, tmp_path):
    (tmp_path / "records").mkdir()
    result = run(runner, tmp_path / "records", "--country", "CN")
    assert result.exit_code == 2 and "hirebook init" in result.output


def test_a_read_only_policy_is_a_message_and_exit_2(runner, demo, monkeypatch):
    import errno

    from hirebook import atomic

    def refuse(path, text, durable=True):
        raise atomic.WriteError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(atomic, "write_text", refuse)
    before = (demo / "policy.yaml").read_bytes()
    result = run(runner, demo, "--year", "2028")
    assert result.exit_code == 2 and "Read-only file system" in result.output
    assert "is unchanged" in result.output
    assert (demo / "policy.yaml").read_bytes() == before


def test_business_time_counts_the_added_holidays(demo, runner):
    """What the calendar is for: a 1bd goal started before a holiday lands after it."""
    from hirebook.sla.calendar import WorkCalendar

    assert run(runner, demo, "--year", "2028").exit_code == 0
    policy = load(demo, demo.parent).policy
    calendar = WorkCalendar.from_policy(
        {
            "workdays": policy.calendar.workdays,
            "hours": {"start": "09:00", "end": "18:00"},
            "holidays": policy.calendar.holidays,
            "extra_workdays": policy.calendar.extra_workdays,
        },
        policy.timezone,
    )
    friday = datetime(2027, 12, 31, 10, tzinfo=calendar.timezone)
    monday = friday + timedelta(days=3)
    assert monday.date() in policy.calendar.holidays  # 2028-01-03, New Year's Day (observed)
    assert not calendar.is_workday(monday.date())
    assert calendar.add_business_days(friday, 1) == monday + timedelta(days=1)
