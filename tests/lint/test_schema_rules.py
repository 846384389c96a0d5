"""HB2xx: schema problems, placed at the offending value or at the parent of a missing one."""

import textwrap

from conftest import BASE_FILES

REQ = "clients/acme/requirements/req-2026-001.yaml"
CLIENT = "clients/acme/client.yaml"

VALID_REQ = textwrap.dedent(BASE_FILES[REQ])


def test_hb201_unknown_field_suggests_the_closest(agency):
    text = VALID_REQ.replace("received_at:", "recieved_at:")
    found = agency.check(REQ, text, expect=[(1, 1, "HB202"), (4, 1, "HB201")])
    unknown = [p for p in found if p.code == "HB201"][0]
    assert "did you mean `received_at`?" in unknown.message


def test_hb201_unknown_nested_field(agency):
    text = VALID_REQ.replace("  agency_signed_on:", "  agency_signed_at:")
    agency.check(REQ, text, expect=[(7, 1, "HB202"), (11, 3, "HB201")])


def test_hb202_missing_field_points_at_parent_mapping(agency):
    # confirmation: is on line 7; the missing client_signed_on belongs under it.
    text = VALID_REQ.replace("  client_signed_on: 2026-03-05\n", "")
    agency.check(REQ, text, expect=[(7, 1, "HB202")])


def test_hb202_missing_top_level_field_points_at_line_1(agency):
    found = agency.check(CLIENT, "id: acme\nname: ACME\n", expect=[(1, 1, "HB202")] * 4)
    assert {p.message.split("`")[1] for p in found} == {
        "tier",
        "status",
        "since",
        "account_manager",
    }


def test_hb203_number_where_text_expected_says_quote_it(agency):
    text = VALID_REQ.replace("title: Senior Front-end Engineer", "title: 12345")
    found = agency.check(REQ, text, expect=[(2, 8, "HB203")])
    assert "put the value in quotes" in found[0].message


def test_hb204_enum_with_suggestion(agency):
    text = VALID_REQ.replace("status: confirmed", "status: confirmd")
    found = agency.check(REQ, text, expect=[(3, 9, "HB204")])
    assert "did you mean `confirmed`?" in found[0].message


def test_hb205_bad_date_format(agency):
    text = VALID_REQ.replace("client_signed_on: 2026-03-05", "client_signed_on: 2026/03/05")
    found = agency.check(REQ, text, expect=[(9, 21, "HB205")])
    assert "YYYY-MM-DD" in found[0].message


def test_hb205_bad_id(agency):
    agency.write("clients/acme/requirements/Req_1.yaml", VALID_REQ.replace("req-2026-001", "Req_1"))
    found = [p for p in agency.problems() if p.file.endswith("Req_1.yaml")]
    assert ("HB205", 1, 5) in {(p.code, p.line, p.column) for p in found}


def test_hb206_out_of_range(agency):
    text = VALID_REQ.replace("openings: 1", "openings: 0")
    agency.check(REQ, text, expect=[(5, 11, "HB206")])


def test_hb207_progress_report_without_plan(agency):
    text = """\
        id: tp-2026-0001
        type: progress_report
        at: 2026-03-11T10:00:00+08:00
        by: wang-li
        summary: Weekly report.
        """
    found = agency.check(
        "clients/acme/touchpoints/tp-2026-0001.yaml", text, expect=[(1, 1, "HB202")]
    )
    assert "`plan`" in found[0].message


def test_hb208_impossible_date(agency):
    text = VALID_REQ.replace("client_signed_on: 2026-03-05", "client_signed_on: 2026-02-30")
    # The schema's date format check catches it; either code names line 9.
    found = agency.check(REQ, text, expect=[(9, 21, "HB205")])
    assert "2026-02-30" in found[0].message


def test_hb208_impossible_datetime(agency):
    text = VALID_REQ.replace("2026-03-02T10:00:00+08:00", "2026-02-30T10:00:00+08:00")
    agency.check(REQ, text, expect=[(4, 14, "HB208")])


def test_hb209_datetime_without_offset_is_a_warning(agency):
    text = VALID_REQ.replace("2026-03-02T10:00:00+08:00", "2026-03-02T10:00")
    found = agency.check(REQ, text, expect=[(4, 14, "HB209")])
    assert str(found[0].severity) == "warning"
    assert "Asia/Shanghai" in found[0].message


def test_phone_number_unquoted_is_a_type_error(agency):
    text = """\
        id: acme
        name: ACME
        tier: key
        status: active
        since: 2024-03-01
        account_manager: wang-li
        contacts:
          - {name: Zhang Wei, phone: +862155550100}
        """
    found = agency.check(CLIENT, text, expect=[(8, 30, "HB203")])
    assert "quotes" in found[0].message


def test_hb205_an_invalid_email_says_what_an_address_looks_like(agency):
    text = (agency.records / "clients/acme/client.yaml").read_text(encoding="utf-8")
    [found] = agency.check(
        "clients/acme/client.yaml",
        text.replace(
            "role: Engineering Manager}", "role: Engineering Manager, email: not-an-email}"
        ),
        expect=[(12, 53, "HB205")],  # line 12: the second contact; column 53: the value
    )
    assert found.message == (
        "`contacts[2].email` is `not-an-email`, which is not an e-mail address, "
        "e.g. zhang.wei@example.com"
    )
