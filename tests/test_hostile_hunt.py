"""What a hunt for hostile input found still open, each a regression test.

The small agency of ``conftest.py`` (as of Friday 2026-11-20 17:00, +08:00), changed one file
at a time. Each case used to end in a traceback or a wrong answer; each now ends with a
problem at ``file:line:column`` (lint exits 1, the commands that need clean records exit 2)
or with the right answer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from hirebook.cli.main import cli
from hirebook.output.inert import inert, json_text
from hirebook.output.markdown import cell as markdown_cell
from hirebook.privacy import Candidates, normalise, phone_numbers
from hirebook.sla.calendar import WorkCalendar
from hirebook.sla.duration import Duration

AS_OF = "2026-11-20T17:00:00+08:00"
APPLICATION = "clients/acme/applications/app-2026-0002.yaml"


def application(submitted_at: str, rest: str = "") -> str:
    return (
        "id: app-2026-0002\n"
        "requirement: req-2026-001\n"
        "candidate: cand-0001\n"
        "channel: referral\n"
        f"submitted_at: {submitted_at}\n{rest}"
    )


def run(runner, agency, *args):
    return runner.invoke(cli, [*args, "--records", str(agency.records), "--as-of", AS_OF])


def exported(runner, agency, folder, query: str):
    """The one value ``query`` selects from a new export of the agency."""
    database = folder / "asked.db"
    result = run(runner, agency, "export", "--sqlite", str(database), "--force")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as connection:
        ((value,),) = connection.execute(query).fetchall()
    return value


# --- dates of years no clock can count to ------------------------------------------------------
# 0001-01-01T00:00+23:59 is 0000-12-31 in UTC (lint's HB405 overflowed on it); a retention
# or due date of 9999-12-31 ended the calendar feed (its all-day item ends the next day); a
# commitment due 0001-01-01 ended every clock (the day's start in +08:00 is in year 0).


@pytest.mark.parametrize(
    ("rel", "text", "line", "column"),
    [
        (APPLICATION, application("0001-01-01T00:00:00+23:59"), 5, 15),
        (APPLICATION, application("9999-12-31T23:59:59-23:59"), 5, 15),
        (APPLICATION, application("1899-12-31T23:59:59+08:00"), 5, 15),
        (
            "candidates/cand-0002.yaml",
            "id: cand-0002\nname: Zed Q\nconsent: {given_on: 2026-09-01, purpose: x}\n"
            "retain_until: 9999-12-31\n",
            4,
            15,
        ),
        (
            "clients/acme/plans/plan-2026-001.yaml",
            "id: plan-2026-001\nrequirements: [req-2026-001]\nstatus: active\n"
            "proposed_on: 2026-03-06\nclient_confirmed_on: 2026-03-08\n"
            "client_commitments:\n  - {what: Name two interviewers, due: 0001-01-01}\n",
            7,
            40,
        ),
        (
            "clients/acme/requirements/req-2026-002.yaml",
            "id: req-2026-002\ntitle: X\nstatus: draft\n"
            "received_at: 3000-01-01T00:00:00+08:00\nopenings: 1\n",
            4,
            14,
        ),
    ],
)
def test_a_year_outside_1900_to_2999_is_a_problem_where_it_is_written(
    agency, runner, rel, text, line, column
):
    found = agency.check(rel, text, expect=[(line, column, "HB208")])
    assert "outside the years 1900 to 2999 that records hold" in found[0].message
    for command in (["sla", "--all"], ["report"], ["calendar", "--all"]):
        result = run(runner, agency, *command)
        assert result.exit_code == 2, result.output
        assert f"records/{rel}\n  {line}:{column} " in result.output


def test_the_last_days_of_the_years_are_counted(agency, runner):
    # Due 2999-12-31 with a grace of 99,999 calendar days: a follow-up due beyond the
    # records' years, still a date Python holds; the feed's all-day item ends 3000-01-01.
    agency.write(
        "clients/acme/client.yaml",
        (agency.records / "clients/acme/client.yaml").read_text()
        + "sla: {improvement-action: 99999d}\n",
    )
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        "id: tp-2026-0001\ntype: meeting\nat: 2026-11-20T10:00:00+08:00\nby: wang-li\n"
        "summary: Kick-off\nfollow_ups:\n  - {action: Send the JD, owner: wang-li, "
        "due: 2999-12-31}\n",
    )
    assert agency.problems() == []
    result = run(runner, agency, "sla", "--all", "--rule", "improvement-action", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"state": "on_track"' in result.output
    feed = run(runner, agency, "calendar", "--client", "acme")
    assert feed.exit_code == 0, feed.output


# --- goals of more digits than a contract has ---------------------------------------------------
# 999999999999999999999d overflowed timedelta and 3000000bd ran the calendar past 9999 (both
# tracebacks of every command with clocks); a 5,000-digit goal is past what int() reads.


@pytest.mark.parametrize(
    "goal", ["100000d", "3000000bd", "999999999999999999999h", "1" * 5000 + "m"]
)
def test_a_goal_of_more_than_five_digits_is_a_format_problem(agency, runner, goal):
    policy = (agency.records / "policy.yaml").read_text()
    written = "client-feedback: {strategic: 1bd,"
    assert written in policy
    found = agency.check(
        "policy.yaml",
        policy.replace(written, f"client-feedback: {{strategic: {goal},"),
        expect=[(13, 32, "HB205")],
    )
    assert "of at most five digits" in found[0].message
    result = run(runner, agency, "lint")
    assert result.exit_code == 1, result.output
    assert "records/policy.yaml\n  13:32 " in result.output
    result = run(runner, agency, "sla")
    assert result.exit_code == 2, result.output
    assert "records/policy.yaml is missing or invalid; run `hirebook lint`" in result.output
    with pytest.raises(ValueError, match="a goal has at most 5 digits"):
        Duration.parse(goal)


def test_a_goal_of_five_digits_is_read():
    assert Duration.parse("99999bd") == Duration(99999, "bd")


# --- hirebook new requirement --received-at ----------------------------------------------------
# Asia/Shanghai kept local mean time (+08:05:43) until 1901: a time of 1900 was written with an
# offset in seconds, which the schema refuses, and a time of year 1 was written as it came. Such
# a time is refused, as log --at refuses it (tests/test_trust_leftovers.py).


def new_requirement(runner, agency, received_at: str):
    return runner.invoke(
        cli,
        [
            "new", "requirement", "--client", "acme", "--title", "X",
            "--received-at", received_at, "--records", str(agency.records),
        ],
    )  # fmt: skip


def test_received_at_outside_the_records_years_is_a_usage_error(agency, runner):
    result = new_requirement(runner, agency, "1899-12-31T23:00:00+08:00")
    assert result.exit_code == 2
    assert "of the years 1900 to 2999 that records hold" in result.output  # as every --as-of
    assert not (agency.records / "clients/acme/requirements/req-2026-002.yaml").exists()
    # Written in 2999, but in the year 3000 in Asia/Shanghai, where it would be recorded.
    result = new_requirement(runner, agency, "2999-12-31T20:00:00+00:00")
    assert result.exit_code == 2
    assert (
        "2999-12-31T20:00+00:00 is in the year 3000 in Asia/Shanghai, outside the years 1900 "
        "to 2999 that records hold"
    ) in result.output
    assert not (agency.records / "clients/acme/requirements/req-2026-002.yaml").exists()


def test_received_at_in_local_mean_time_is_refused(agency, runner):
    result = new_requirement(runner, agency, "1900-06-01T10:00:00+08:00")
    assert result.exit_code == 2, result.output
    assert "1900-06-01T10:05:43+08:05:43 in Asia/Shanghai" in result.output  # 10:00 at +08:00
    assert not (agency.records / "clients/acme/requirements/req-2026-002.yaml").exists()


def test_received_at_is_checked_in_the_year_it_is_written_in(agency, runner):
    # 1899-12-31 20:00 UTC is 1900-01-01 04:05:43 in Shanghai's local mean time: written in
    # UTC, it was a record of 1899, which lint refuses (HB208).
    result = new_requirement(runner, agency, "1899-12-31T20:00:00+00:00")
    assert result.exit_code == 2, result.output
    assert "'1899-12-31T20:00:00+00:00' is not a date (2026-11-20)" in result.output
    assert not (agency.records / "clients/acme/requirements/req-2026-002.yaml").exists()
    # The first instant Asia/Shanghai writes in minutes: its local mean time ended then.
    result = new_requirement(runner, agency, "1901-01-01T00:00:00+08:00")
    assert result.exit_code == 0, result.output
    assert [p for p in agency.problems() if p.severity.name == "ERROR"] == []


# --- a list of unique items with one twice ------------------------------------------------------
# jsonschema's message quoted the whole list at its first line: a policy with a holiday listed
# twice printed every holiday of the calendar on one line, and said neither which nor where.


def test_an_item_listed_twice_is_named_at_its_second_place(agency):
    policy = (agency.records / "policy.yaml").read_text()
    policy = policy.replace("thu, fri]", "thu, fri, mon]")
    policy = policy.replace(
        "holidays: [2026-10-01, 2026-10-02,", "holidays: [2026-10-01, 2026-10-02, 2026-10-01,"
    )
    found = agency.check("policy.yaml", policy, expect=[(4, 39, "HB206"), (6, 38, "HB206")])
    assert [problem.message for problem in found] == [
        "`calendar.workdays` lists `mon` twice (items 1 and 6); remove one",
        "`calendar.holidays` lists `2026-10-01` twice (items 1 and 3); remove one",
    ]


# --- a candidate's data, disguised ---------------------------------------------------------------
# Read back by a browser, a mail client or a person, these are the candidate's data; the gate
# (HB501-HB503, HB505) found none of them: a name in capitals or small letters, character
# references, percent-encoding, tags inside a name, a phone number with its area code in
# parentheses.

KENJI = "id: cand-0002\nname: Kenji Watanabe\nemail: kenji.w@mail.example\n"
KENJI += 'phone: "+86 138 0000 0009"\nconsent: {given_on: 2026-09-01, purpose: x}\n'
KENJI += "retain_until: 2028-09-01\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kenji.w&#64;mail.example", "kenji.w@mail.example"),
        ("kenji.w&commat;mail.example", "kenji.w@mail.example"),
        ("kenji.w%40mail.example", "kenji.w@mail.example"),
        ("a%2526%2364;b", "a@b"),  # &#64; percent-encoded twice
        ("&#x5289;&#27915;", "劉洋"),
        ("%E5%8A%89%E6%B4%8B", "劉洋"),
        # the markup removed, then what it held, a line each (it may hold data itself)
        ("Ken<!-- -->ji <b>Watanabe</b>", "Kenji Watanabe\n<!-- -->\n<b>\n</b>"),
        ("R&D: 100% done, 3 < 4", "R&D: 100% done, 3 < 4"),  # nothing encoded: as it is
    ],
)
def test_encoded_text_is_searched_decoded(text, expected):
    assert normalise(text) == expected


def test_a_latin_name_of_two_words_is_found_in_any_case_one_word_in_its_own():
    index = Candidates({"cand-0002": {"name": "Kenji Watanabe"}, "cand-0003": {"name": "Grace"}})
    for text in ("KENJI WATANABE", "kenji watanabe", "met kEnJi WaTaNaBe today", "Grace"):
        assert index.name_in(normalise(text)), text
    for text in ("a grace period", "GRACE", "Watanabe Kenji", "Kenji"):
        assert index.name_in(normalise(text)) is None, text
    # A person field: an address made of the same name is someone else's address.
    assert index.owner("kenji.watanabe@acme.example") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("+86 (138) 0000-0009", ["+86 (138) 0000-0009"]),
        ("+86(21)55550101 ext. 3", ["+86(21)55550101"]),
        ("interview 2026-11-24 (14:00)", []),  # a date and the hour of a time
        ("2026-11-24 14:00", []),
    ],
)
def test_a_phone_number_grouped_by_parentheses_is_one(text, found):
    assert [match.group() for match in phone_numbers(text)] == found


def test_disguised_data_is_found_where_written_and_withheld_from_the_export(
    agency, runner, tmp_path
):
    agency.write("candidates/cand-0002.yaml", KENJI)
    summary = "Call KENJI WATANABE at kenji&#46;w&#64;mail.example or +86 (138) 0000-0009"
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        "id: tp-2026-0001\ntype: call\nat: 2026-11-20T10:00:00+08:00\nby: wang-li\n"
        f'summary: "{summary}"\n',
    )
    found = [
        (p.line, p.column, p.code)
        for p in agency.problems()
        if p.file == "records/clients/acme/touchpoints/tp-2026-0001.yaml"
    ]
    assert found == [(5, 10, "HB501"), (5, 10, "HB502"), (5, 10, "HB503")]
    written = exported(runner, agency, tmp_path, "SELECT summary FROM touchpoints")
    assert written == "Call cand-0002 at [personal data withheld] or [personal data withheld]"


# --- characters that show nothing ----------------------------------------------------------------
# A zero-width space, joiner or word joiner, a byte-order mark, a soft hyphen and the tag
# characters (which spell hidden ASCII) reached terminals and CI logs as they were: `wang-li`
# and `wang\u200b-li` looked alike, and tag characters carried text no reader saw.


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("wang\u200b-li", "wang\\u200b-li"),
        ("a\u200cb\u200dc\u2060d\ufeffe", "a\\u200cb\\u200dc\\u2060d\\ufeffe"),
        ("soft\u00adhyphen", "soft\\xadhyphen"),
        ("ok\U000e0041\U000e0042", "ok\\U000e0041\\U000e0042"),  # tag characters A, B
        ("\u3164", "\\u3164"),  # a Hangul filler: a blank name
        ("❤\ufe0f 已确认", "❤\ufe0f 已确认"),  # an emoji's variation selector stays
    ],
)
def test_invisible_characters_are_shown(text, shown):
    assert inert(text) == shown
    encoded = json_text(json.dumps(text, ensure_ascii=False))
    assert json.loads(encoded) == text
    assert encoded.isascii() or shown == text


def test_an_id_with_a_zero_width_space_is_shown_with_it(agency, runner):
    agency.write(
        "clients/acme/touchpoints/tp-2026-0001.yaml",
        "id: tp-2026-0001\u200b\ntype: call\nat: 2026-11-20T10:00:00+08:00\nby: wang-li\n"
        "summary: Kick-off\n",
    )
    result = run(runner, agency, "lint")
    assert result.exit_code == 1
    assert "  1:5      error   HB205  `id` is `tp-2026-0001\\u200b`, which is not an id" in (
        result.output
    )


# --- numbers no export can hold ------------------------------------------------------------------
# openings: 99999999999999999999999999 passed lint and ended the export with SQLite's
# OverflowError (a traceback); the schemas now bound every open-ended number by the largest
# whole number SQLite holds.


def test_a_number_beyond_64_bits_is_out_of_range(agency, runner, tmp_path):
    agency.check(
        "clients/acme/requirements/req-2026-002.yaml",
        "id: req-2026-002\ntitle: X\nstatus: draft\nreceived_at: 2026-11-19T17:00:00+08:00\n"
        "openings: 9223372036854775808\n"
        "salary: {min: 1, max: 9223372036854775807, currency: CNY, per: month}\n",
        expect=[(5, 11, "HB206")],
    )
    database = tmp_path / "export.db"
    result = run(runner, agency, "export", "--sqlite", str(database))
    assert result.exit_code == 2, result.output
    assert not database.exists()
    agency.write(
        "clients/acme/requirements/req-2026-002.yaml",
        "id: req-2026-002\ntitle: X\nstatus: draft\nreceived_at: 2026-11-19T17:00:00+08:00\n"
        "openings: 9223372036854775807\n",
    )
    query = "SELECT openings FROM requirements WHERE id = 'req-2026-002'"
    assert exported(runner, agency, tmp_path, query) == 2**63 - 1


# --- a record saved as UTF-16 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("id: cand-0002\n".encode("utf-16"), "UTF-16"),  # with its byte-order mark
        ("id: cand-0002\n".encode("utf-16-be"), "UTF-16"),  # without, NUL before each letter
        ("id: cand-0002\n".encode("utf-32"), "UTF-32"),
    ],
)
def test_a_record_in_utf16_or_utf32_is_named_so(agency, raw, encoding):
    (problem,) = agency.check("candidates/cand-0002.yaml", raw, expect=[(1, 1, "HB103")])
    assert problem.message.startswith(f"the file is {encoding} text, not UTF-8; save it as UTF-8")


def test_a_binary_file_is_still_binary(agency):
    agency.check("candidates/cand-0002.yaml", b"\x00" * 64, expect=[(1, 1, "HB102")])


# --- hirebook report --to 9999-12-31 ------------------------------------------------------------
# The period ends at the midnight after its last day: past date.max, an OverflowError of the
# metrics (a traceback, exit 1, where the command documents 0 or 2). --from and --to now take
# the years records hold, as --as-of does (tests/test_trust_leftovers.py).


def test_a_report_period_ending_on_the_last_day_python_holds_is_a_usage_error(agency, runner):
    result = run(runner, agency, "report", "--from", "1900-01-01", "--to", "9999-12-31")
    assert result.exit_code == 2, result.output
    assert (
        "Invalid value for '--to': '9999-12-31' is in the year 9999, outside the years 1900 to "
        "2999 that records hold"
    ) in result.output
    result = run(runner, agency, "report", "--from", "1900-01-01", "--to", "2999-12-31")
    assert result.exit_code == 0, result.output


# --- hirebook handbook --out records/ -------------------------------------------------------------
# The pages were written among the records (99 of the demo's .md files in records/clients/…),
# after which every lint refused the agency until someone deleted them one by one.


@pytest.mark.parametrize("out", ["records", "records/clients/pages", "records/../records"])
def test_the_handbook_is_never_written_into_the_records(agency, runner, out):
    before = sorted(agency.records.rglob("*"))
    result = runner.invoke(
        cli,
        ["handbook", "--out", str(agency.root / out), "--records", str(agency.records),
         "--as-of", AS_OF],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "is inside the records folder" in result.output
    assert "a page is not a record — write it elsewhere" in result.output
    assert sorted(agency.records.rglob("*")) == before


def test_the_refused_handbook_folder_is_echoed_inert(agency, runner):
    """The folder's name is the user's text: a right-to-left override in it stays escaped."""
    out = agency.records / "pages\u202egpj.md"
    result = runner.invoke(
        cli, ["handbook", "--out", str(out), "--records", str(agency.records), "--as-of", AS_OF]
    )
    assert result.exit_code == 2, result.output
    assert "\u202e" not in result.output and "pages\\u202egpj.md" in result.output


# --- lint --changed-since and file names Git quotes -----------------------------------------------
# Git quotes a name with a tab, a quote or a byte beyond ASCII ("tab\tname.yaml"): the quoted
# name named no file, so a new file of that name was never linted; a name that is not UTF-8
# then ended the referrers' search with a UnicodeEncodeError. Its bytes reached every output
# raw (the JSON was not UTF-8).


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_changed_since_lints_files_whatever_their_names(agency, runner):
    git(agency.root, "init", "-q")
    git(agency.root, "add", "-A")
    git(agency.root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x")
    folder = agency.records / "clients/acme/requirements"
    (folder / "tab\tname.yaml").write_text("id: x\n", encoding="utf-8")
    (folder / "需求.yaml").write_text("id: y\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"req-2026-\xff.yaml"), "wb") as file:
        file.write(b"id: req-2026-002\n")
    result = run(runner, agency, "lint", "--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.output
    shown = {problem["file"] for problem in json.loads(result.output)["problems"]}
    assert shown == {
        "records/clients/acme/requirements/tab\tname.yaml",
        "records/clients/acme/requirements/需求.yaml",
        "records/clients/acme/requirements/req-2026-\udcff.yaml",
    }
    assert "req-2026-\\udcff.yaml" in result.output  # a JSON escape: the output is UTF-8


# --- a case whose file name is no id ------------------------------------------------------------
# A case's id is its file name, and nothing checked it: `2026-tab\tx.md` linted clean, and a
# name that is not UTF-8 ended the export with a UnicodeEncodeError (a traceback).

CASE = (
    "---\ntitle: A case\nclient: acme\nauthor: wang-li\non: 2026-11-01\ntags: [kick-off]\n"
    "outcome: success\n---\n\nWhat we learnt.\n"
)


@pytest.mark.parametrize(
    "name", ["2026-tab\tx", "2026 Case", "2026-案例", os.fsdecode(b"2026-\xff")]
)
def test_a_case_file_name_that_is_no_id_is_hb301(agency, runner, name):
    (problem,) = agency.check(f"cases/{name}.md", CASE, expect=[(1, 1, "HB301")])
    assert problem.message.startswith(f"a case's file name is its id, and `{name}` is not one")
    result = run(runner, agency, "export", "--sqlite", str(agency.root / "x.db"))
    assert result.exit_code == 2, result.output


def test_a_case_file_name_that_is_an_id_is_clean(agency):
    agency.check("cases/2026-acme-kick-off.md", CASE, expect=[])


# --- a candidate's name in a record's id ---------------------------------------------------------
# Ids were never searched (`tp-2026-1120-kenji-watanabe` "cannot hold a name"), and a hyphen
# joined two words into one that no name matched: the name reached the handbook's addresses,
# the export's keys and every clock's subject.


def test_a_candidates_name_in_an_id_is_found_and_withheld(agency, runner, tmp_path):
    agency.write("candidates/cand-0002.yaml", KENJI)
    record = "tp-2026-1120-kenji-watanabe"
    agency.write(
        f"clients/acme/touchpoints/{record}.yaml",
        f"id: {record}\ntype: call\nat: 2026-11-20T10:00:00+08:00\nby: wang-li\nsummary: Call\n",
    )
    (problem,) = agency.check(
        f"clients/acme/touchpoints/{record}.yaml", None, expect=[(1, 5, "HB503")]
    )
    assert problem.message == (
        "`id` contains the name of candidate `cand-0002`; rename the file and its id without it"
    )
    assert exported(runner, agency, tmp_path, "SELECT id FROM touchpoints") == (
        "tp-2026-1120-cand-0002"
    )
    index = Candidates({"cand-0002": {"name": "Kenji Watanabe"}})
    assert index.name_in("met kenji-watanabe today") == "cand-0002"
    assert index.name_in("tp-2026-1120-acme-kick-off") is None


# --- hirebook new: text a record cannot keep as typed ---------------------------------------------
# `hirebook log` refused it; `hirebook new` wrote it: a byte that is not UTF-8 ended the command
# with a UnicodeEncodeError (a traceback, exit 1), a U+2028 made a record lint refuses (HB112).


@pytest.mark.parametrize(
    ("summary", "said"),
    [
        (os.fsdecode(b"\x85nel"), "character 1 is a byte that is not UTF-8"),
        ("a\u2028b", "character 2 is U+2028, a line break only some YAML readers see (HB112)"),
        ("a\x1b[31mb", "character 2 is the control character U+001B"),
    ],
)
def test_new_refuses_text_a_record_cannot_keep(agency, runner, summary, said):
    args = ["new", "touchpoint", "--client", "acme", "--type", "call", "--by", "wang-li"]
    result = runner.invoke(cli, [*args, "--summary", summary, "--records", str(agency.records)])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--summary': {said}" in result.output
    assert not (agency.records / "clients/acme/touchpoints").exists()


# --- the SLA digest is an issue body --------------------------------------------------------------
# .github/scripts/sla-issues.sh opens each owner's issue with `sla --format markdown`: a
# milestone named "@octocat" or "@org/team" notified them every morning, "owner/repo#12" put a
# backlink into another repository's issue, and an image was fetched from its host.


DIGEST_CELLS = {
    "ask @octocat and @org/team": "ask `@octocat` and `@org/team`",
    "see #12 and owner/repo#12": "see `#12` and owner/repo`#12`",
    "![i](http://example.org/x.png)": "\\![i](http://example.org/x.png)",
    "mail a@b.example, C#, ##[group]": "mail a@b.example, C#, ##\\\\[group]",
}


def test_a_digest_cell_mentions_no_one():
    assert {text: markdown_cell(text) for text in DIGEST_CELLS} == DIGEST_CELLS


def test_a_code_span_is_left_as_it_is():
    assert markdown_cell("records/a@b#1.yaml", code=True) == "records/a@b#1.yaml"


# --- a policy timezone that names no zone ---------------------------------------------------------
# `Asia/shanghai` linted clean (the repository fell back to UTC, so every time without an
# offset was read in UTC) while sla refused the calendar; a name too long for a path ended lint
# as a machine failure naming a file in site-packages.


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("Asia/shanghai", "did you mean `Asia/Shanghai`?"),
        ("A" * 3000, "use an IANA name such as Asia/Shanghai"),
    ],
)
def test_a_timezone_that_names_no_zone_is_hb204(agency, runner, zone, hint):
    policy = (agency.records / "policy.yaml").read_text()
    (problem,) = agency.check(
        "policy.yaml",
        policy.replace("timezone: Asia/Shanghai", f"timezone: {zone}"),
        expect=[(2, 11, "HB204")],
    )
    assert problem.message == f"`timezone` is `{zone}`, which names no IANA timezone; {hint}"
    assert run(runner, agency, "lint").exit_code == 1


# --- working time over millennia ------------------------------------------------------------------
# The calendar keeps 4,096 blocks of 256 days (some 2,870 years): a span longer than that
# (`--as-of 9999-12-31` with HB601 off) filled every block again for each clock, 94 s a command
# on the demo; each block's total is now kept (7 s). The answer is the same on every call.


def test_working_time_over_more_years_than_the_memo_holds():
    every_day = WorkCalendar("UTC", workdays=("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    start, end = datetime(2001, 1, 1, tzinfo=UTC), datetime(5001, 1, 1, tzinfo=UTC)
    # 3,000 years (4,286 blocks): 750 multiples of 4, less 23 centuries that 400 does not divide.
    days = 3000 * 365 + 750 - 23
    assert (end.date() - start.date()).days == days
    for _ in range(2):
        assert every_day.working_time_between(start, end) == days * timedelta(hours=9)


def test_a_team_members_own_id_is_their_name_not_a_candidates(agency):
    # The fixture's team member wang-li, named in Chinese only, and a candidate Wang Li: two
    # people of one name. The team member's id is no candidate's name written into an id, and
    # their name field (王麗) holds no candidate's either, so nothing is found (nor is the
    # handbook stopped).
    agency.write("team/wang-li.yaml", "id: wang-li\nname: 王麗\nroles: [account_manager]\n")
    agency.write("candidates/cand-0002.yaml", KENJI.replace("Kenji Watanabe", "Wang Li"))
    codes = [problem.code for problem in agency.problems()]
    assert "HB503" not in codes and "HB505" not in codes
