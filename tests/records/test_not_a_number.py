"""``.nan`` is YAML's "not a number": no field of a record means that.

It passed every ``minimum`` and ``maximum`` of the schemas (a comparison with NaN is false):
``warn_within: .nan`` linted clean, then ``sla``, ``report``, ``export`` and ``calendar`` ended
in a traceback ("cannot convert NaN to integer ratio"). Now it is HB203 where it is written.
The small agency of ``conftest.py``.
"""

from __future__ import annotations

import pytest

from hirebook.cli.main import cli

AS_OF = "2026-11-20T17:00:00+08:00"
MESSAGE = "must be a number, not `.nan`, which is no number"


@pytest.mark.parametrize("nan", [".nan", ".NaN", ".NAN"])
def test_warn_within_nan_is_a_problem_where_it_is_written(agency, runner, nan):
    policy = (agency.records / "policy.yaml").read_text()
    # "warn_within: " is 13 characters, on the policy's 15th line: the value is at 15:14.
    found = agency.check(
        "policy.yaml",
        policy.replace("warn_within: 0.25", f"warn_within: {nan}"),
        expect=[(15, 14, "HB203")],
    )
    assert found[0].message == f"`warn_within` {MESSAGE}"
    for command in (["sla", "--all"], ["report"], ["calendar", "--all"]):
        result = runner.invoke(cli, [*command, "--records", str(agency.records), "--as-of", AS_OF])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_salary_of_nan_is_a_problem_where_it_is_written(agency):
    rel = "clients/acme/requirements/req-2026-001.yaml"
    text = (agency.records / rel).read_text()
    text += "salary: {min: .nan, max: 60000, currency: CNY, per: month}\n"
    # The requirement has 11 lines; "salary: {min: " is 14 characters: line 12, column 15.
    found = agency.check(rel, text, expect=[(12, 15, "HB203")])
    assert MESSAGE in found[0].message
