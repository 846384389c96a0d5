"""HB5xx: personal data outside candidates/ — and the messages never repeat it."""

from datetime import date

import pytest

TP = "clients/acme/touchpoints/tp-2026-0001.yaml"


def touchpoint(summary: str) -> str:
    return f"""\
id: tp-2026-0001
type: call
at: 2026-03-11T10:00:00+08:00
by: wang-li
summary: {summary}
"""


def test_hb501_email_in_summary(agency):
    found = agency.check(
        TP, touchpoint("Wrote to liu.yang@mail.example about it"), expect=[(5, 10, "HB501")]
    )
    assert "liu.yang" not in found[0].message


def test_hb502_phone_in_summary(agency):
    found = agency.check(
        TP, touchpoint("Call back on +86 138 0000 0001 tomorrow"), expect=[(5, 10, "HB502")]
    )
    assert "138" not in found[0].message


def test_hb502_dates_and_amounts_are_not_phone_numbers(agency):
    agency.check(TP, touchpoint("Offer 2026-03-05, budget 450000 CNY, ref req-2026-001"), expect=[])


def test_hb502_a_date_and_time_is_not_a_phone_number(agency):
    # "2026-11-24 14" is ten digits grouped by a dash and a space: the shape of a number.
    agency.check(TP, touchpoint("Interview moved to 2026-11-24 14:00, room 3"), expect=[])
    agency.check(TP, touchpoint("Period 2026-11-13T17:00 to 2026-11-20T17:00"), expect=[])


def test_hb502_a_number_grouped_like_an_impossible_date_is_a_phone_number(agency):
    # Month 34 and day 56 are no date: the text is a ten-digit number.
    agency.check(TP, touchpoint("Call 0212-34-56 78 after six"), expect=[(5, 10, "HB502")])


def test_contact_email_fields_are_not_free_text(agency):
    # The client contact's e-mail and the team member's are meant to be there.
    agency.check("team/wang-li.yaml", None, expect=[])


def test_hb503_candidate_name_in_text(agency):
    found = agency.check(
        TP, touchpoint("劉洋 did well in the technical round"), expect=[(5, 10, "HB503")]
    )
    assert "劉洋" not in found[0].message
    assert "cand-0001" in found[0].message


def test_hb503_latin_names_match_whole_words_only(agency):
    agency.write(
        "candidates/cand-0002.yaml",
        """\
        id: cand-0002
        name: Li
        consent: {given_on: 2026-03-10, purpose: Recruitment}
        retain_until: 2028-03-10
        """,
    )
    agency.check(TP, touchpoint("Lina and Linda joined the call"), expect=[])


def test_hb504_retention_passed(agency):
    agency.check(
        "candidates/cand-0001.yaml", None, expect=[(6, 15, "HB504")], today=date(2028, 3, 11)
    )


def test_hb504_on_the_last_day_is_fine(agency):
    agency.check("candidates/cand-0001.yaml", None, expect=[], today=date(2028, 3, 10))


def test_ignore_comment_silences_one_code_for_one_record(agency):
    agency.check(
        TP, touchpoint("Wrote to liu.yang@mail.example  # hirebook: ignore HB501"), expect=[]
    )


def test_policy_can_change_severity_and_turn_codes_off(agency):
    policy = (agency.records / "policy.yaml").read_text()
    agency.write("policy.yaml", policy + "lint:\n  severity: {HB501: error, HB502: 'off'}\n")
    found = agency.check(
        TP, touchpoint("liu.yang@mail.example, +86 138 0000 0001"), expect=[(5, 10, "HB501")]
    )
    assert str(found[0].severity) == "error"


def test_hb503_name_written_both_ways_is_found_either_way(agency):
    agency.write(
        "candidates/cand-0003.yaml",
        """\
        id: cand-0003
        name: 陳小明 (Chen Xiaoming)
        consent: {given_on: 2026-03-10, purpose: Recruitment}
        retain_until: 2028-03-10
        """,
    )
    found = agency.check(
        TP, touchpoint("Chen Xiaoming accepted the offer"), expect=[(5, 10, "HB503")]
    )
    assert "cand-0003" in found[0].message
    agency.check(TP, touchpoint("小明 said yes; 陳小明接受了"), expect=[(5, 10, "HB503")])


def test_each_text_is_judged_on_its_own(agency):
    # The rules search a record's texts joined, then each text alone: a name made of the end
    # of one text and the start of the next is no name, and a hit names the text it is in.
    agency.write(
        "candidates/cand-0002.yaml",
        """\
        id: cand-0002
        name: Chen Jie
        consent: {given_on: 2026-03-10, purpose: Recruitment}
        retain_until: 2028-03-10
        """,
    )
    two_texts = """\
id: tp-2026-0001
type: call
at: 2026-03-11T10:00:00+08:00
by: wang-li
summary: Spoke with Chen
follow_ups:
  - {action: Jie Fang books the room, owner: wang-li, due: 2026-03-12}
  - {action: Send the notes to +86 138 0000 0001, owner: wang-li, due: 2026-03-12}
"""
    found = agency.check(TP, two_texts, expect=[(8, 14, "HB502")])  # the value after `{action: `
    assert "follow_ups[2].action" in found[0].message


def test_hb502_phone_written_as_one_word_is_found(agency):
    # No space, no "@", ASCII only: found by its digit run, not skipped as an id or a date.
    agency.check(TP, touchpoint("cb:13800000001"), expect=[(5, 10, "HB502")])
    agency.check(TP, touchpoint("tel:+8613800000001"), expect=[(5, 10, "HB502")])


def test_ids_and_dates_are_not_scanned_as_free_text():
    from hirebook.lint.freetext import _MAYBE_PERSONAL

    for machine in ("tp-2026-0929-23", "cand-08662", "2026-09-29", "2026-09-29T16:30:00+08:00"):
        assert not _MAYBE_PERSONAL.match(machine), machine
    for text in ("13800000001", "Tp-2026-0929-23", "2026-09-29 call", "劉洋", "a@b.example"):
        assert _MAYBE_PERSONAL.match(text), text


# --- found after normalisation (issue 17, item 3) ---------------------------------------------


def test_hb503_name_with_a_zero_width_space_inside(agency):
    found = agency.check(
        TP, touchpoint("劉\u200b洋 did well in the technical round"), expect=[(5, 10, "HB503")]
    )
    assert "cand-0001" in found[0].message


def test_hb503_name_with_an_ideographic_space_or_in_full_width_letters(agency):
    agency.check(TP, touchpoint("劉\u3000洋 called back"), expect=[(5, 10, "HB503")])
    agency.write(
        "candidates/cand-0003.yaml",
        """\
        id: cand-0003
        name: Chen Xiaoming
        consent: {given_on: 2026-03-10, purpose: Recruitment}
        retain_until: 2028-03-10
        """,
    )
    found = agency.check(
        TP, touchpoint("\uff23\uff48\uff45\uff4e\u00a0Xiaoming accepted"), expect=[(5, 10, "HB503")]
    )
    assert "cand-0003" in found[0].message


def test_hb503_a_short_name_standing_alone_is_found(agency):
    # Two characters were too short to be scanned at all.
    agency.check(TP, touchpoint("劉洋"), expect=[(5, 10, "HB503")])


def test_hb502_phone_with_no_break_spaces(agency):
    found = agency.check(
        TP, touchpoint("Call back on +86\u00a0138\u00a00000\u00a00001"), expect=[(5, 10, "HB502")]
    )
    assert "138" not in found[0].message


def test_hb502_phone_in_full_width_digits_or_with_other_dashes(agency):
    agency.check(TP, touchpoint("手机：１３８－００００－０００１"), expect=[(5, 10, "HB502")])
    agency.check(TP, touchpoint("Call 138\u20130000\u20130001 today"), expect=[(5, 10, "HB502")])


def test_hb502_phone_straight_after_a_chinese_word(agency):
    agency.check(TP, touchpoint("电话13800000001，明天回电"), expect=[(5, 10, "HB502")])


def test_hb501_email_with_a_full_width_at_sign(agency):
    found = agency.check(
        TP, touchpoint("Wrote to liu.yang\uff20mail.example about it"), expect=[(5, 10, "HB501")]
    )
    assert "liu.yang" not in found[0].message


def test_hb501_email_with_zero_width_characters_inside(agency):
    agency.check(
        TP, touchpoint("Wrote to liu.\u200dyang@\u2060mail.example"), expect=[(5, 10, "HB501")]
    )


@pytest.mark.parametrize(
    "summary",
    [
        "Wrote to liu.yang (at) mail (dot) example about it",
        "Wrote to liu.yang[AT]mail.example",  # no space: a short text is still searched
        "Wrote to liu.yang {at} mail.example",
        "Wrote to liu.yang @ mail.example",
        # straight after a Chinese word, or after a dash: the address starts after them
        "邮箱liu.yang (at) mail (dot) example",
        "Email\u2014liu.yang [at] mail [dot] example",
    ],
)
def test_hb501_a_candidates_email_spelled_out(agency, summary):
    """Spelled out to keep it from robots, the candidate's (cand-0001's) address is as much an
    address to a reader."""
    agency.check(TP, touchpoint(summary), expect=[(5, 10, "HB501")])


@pytest.mark.parametrize(
    "summary",
    [
        "Meet (at) 3pm; budget @ 450k; Q3 [at] risk",
        # how recruiters write about job boards and places: no one's address
        "Posted the role @ zhaopin.com and ads [at] liepin.com",
        "Sourcing @ LinkedIn.com; dinner with the CTO @ Hotel.Nikko",
        "Wrote to someone (at) other (dot) example",  # spelled out, and no candidate's
        "Wrote to xliu.yang (at) mail (dot) example",  # a longer address, no candidate's
    ],
)
def test_hb501_an_at_that_is_no_candidates_address(agency, summary):
    agency.check(TP, touchpoint(summary), expect=[])


# --- HB505: a candidate's data in a contact's or team member's fields --------------------------

CLIENT = "clients/acme/client.yaml"


def client_with_contact(contact: str) -> str:
    return f"""\
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
  - {{name: Zhang Wei, role: HR Director, primary: true}}
  - {{name: Li Na, role: Engineering Manager}}
{contact}"""


def test_hb505_candidate_name_email_and_phone_as_a_client_contact(agency):
    found = agency.check(
        CLIENT,
        client_with_contact(
            "  - name: 劉洋\n"
            "    role: Recruiter\n"
            "    email: LIU.YANG@mail.example\n"
            '    phone: "138 0000 0001"\n'
        ),
        expect=[(13, 11, "HB505"), (15, 12, "HB505"), (16, 12, "HB505")],
    )
    assert [p.message.split("`")[1] for p in found] == [
        "contacts[3].name",
        "contacts[3].email",
        "contacts[3].phone",
    ]
    for problem in found:
        assert "cand-0001" in problem.message
        for secret in ("劉洋", "liu.yang", "LIU.YANG", "138"):
            assert secret not in problem.message


def test_hb505_compares_after_normalisation(agency):
    agency.check(
        CLIENT,
        client_with_contact(
            "  - name: 劉\u200b洋\n"
            "    email: Liu.Yang@Mail.Example\n"
            '    phone: "0086\u00a0138\u00a00000\u00a00001"\n'
        ),
        expect=[(13, 11, "HB505"), (14, 12, "HB505"), (15, 12, "HB505")],
    )


def test_hb505_a_contacts_own_details_are_fine(agency):
    agency.check(
        CLIENT,
        client_with_contact(
            '  - name: Liu Jun\n    email: liu.jun@acme.example\n    phone: "+86 21 5555 0100"\n'
        ),
        expect=[],
    )


def test_hb505_candidate_data_as_a_team_member(agency):
    found = agency.check(
        "team/wang-li.yaml",
        """\
        id: wang-li
        name: 劉洋 (Liu Yang)
        roles: [account_manager]
        email: liu.yang@mail.example
        github: wangli
        active: true
        """,
        expect=[(2, 7, "HB505"), (4, 8, "HB505")],
    )
    assert "of a team member" in found[0].message


def test_hb505_is_the_one_code_for_a_contacts_name(agency):
    # A contact's name is a person field, not free text: HB503 does not report it again.
    agency.check(CLIENT, client_with_contact("  - {name: 劉洋 (Liu Yang), role: Recruiter}\n"),
                 expect=[(13, 12, "HB505")])  # fmt: skip
