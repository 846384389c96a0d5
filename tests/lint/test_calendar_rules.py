"""HB601 and HB602: the calendar has this year's public holidays, and from 1 November next
year's (issue 19, item 3)."""

from datetime import date

import pytest

from conftest import BASE_FILES

POLICY = BASE_FILES["policy.yaml"]


def policy_with(holidays: str) -> str:
    lines = [line for line in POLICY.splitlines() if "holidays:" not in line]
    at = next(i for i, line in enumerate(lines) if "extra_workdays" in line)
    return "\n".join([*lines[:at], *holidays.splitlines(), *lines[at:]]) + "\n"


BLOCK = """\
          holidays:
            - 2026-10-01
            - 2026-10-02"""


def test_no_holiday_this_year_is_an_error_at_the_list(agency):
    agency.write("policy.yaml", policy_with(BLOCK))
    [found] = agency.check("policy.yaml", None, [(6, 3, "HB601")], today=date(2027, 1, 4))
    assert found.severity == "error"
    assert "lists no day in 2027" in found.message
    assert "hirebook holidays --year 2027" in found.message


def test_next_years_holidays_are_wanted_from_the_first_of_november(agency):
    agency.write("policy.yaml", policy_with(BLOCK))
    agency.check("policy.yaml", None, [], today=date(2026, 10, 31))
    [found] = agency.check("policy.yaml", None, [(6, 3, "HB602")], today=date(2026, 11, 1))
    assert found.severity == "warning" and "2027" in found.message
    agency.check("policy.yaml", None, [(6, 3, "HB602")], today=date(2026, 12, 31))


def test_a_calendar_with_both_years_is_clean(agency):
    agency.write("policy.yaml", policy_with(BLOCK + "\n            - 2027-01-01"))
    for today in (date(2026, 11, 1), date(2027, 3, 1)):
        agency.check("policy.yaml", None, [], today=today)


def test_a_calendar_without_holidays_is_reported_at_the_calendar(agency):
    agency.write("policy.yaml", policy_with(""))
    expect = [(3, 1, "HB601"), (3, 1, "HB602")]
    agency.check("policy.yaml", None, expect, today=date(2026, 11, 20))


@pytest.mark.parametrize(
    ("setting", "expect"),
    [('{HB602: "off"}', []), ("{HB602: error}", [(6, 3, "HB602")])],
)
def test_the_policy_decides_the_severity(agency, setting, expect):
    lint = f"        lint:\n          severity: {setting}\n"
    agency.write("policy.yaml", policy_with(BLOCK) + lint)
    found = agency.check("policy.yaml", None, expect, today=date(2026, 11, 20))
    assert all(problem.severity == "error" for problem in found)


def test_extra_workdays_are_not_holidays(agency):
    agency.write(
        "policy.yaml",
        policy_with(BLOCK).replace("extra_workdays: [2026-09-27]", "extra_workdays: [2027-02-06]"),
    )
    agency.check("policy.yaml", None, [(6, 3, "HB602")], today=date(2026, 11, 20))
