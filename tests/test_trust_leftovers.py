"""The small trust leftovers of the last review, each a regression test that failed before.

The small agency of ``conftest.py`` (policy in Asia/Shanghai, +08:00 since 1901; before, its
local mean time +08:05:43), changed one file at a time. Expected values are worked out by hand.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest

from hirebook.cli.main import cli
from hirebook.now import AS_OF_VARIABLE, parse_as_of
from hirebook.output.inert import csv_cell, inert


def new(runner, agency, *args, input=None):
    return runner.invoke(cli, ["new", *args, "--records", str(agency.records)], input=input)


def files(agency) -> list[str]:
    """Every file below the records folder, relative to it."""
    return [path for path in listing(agency) if (agency.records / path).is_file()]


def listing(agency) -> list[str]:
    """Every file and folder below the records folder, to show that nothing was written."""
    found = []
    for folder, folders, files in os.walk(agency.records):
        rel = os.path.relpath(folder, agency.records)
        found += [os.path.join(rel, name) for name in folders + files]
    return sorted(found)


# --- 1. an id is the whole of what was typed -------------------------------------------------
# `new` checked ids with `^…$` and `match`: `$` matches before a final line feed, so
# `--id 'harbor\n'` wrote the folder `clients/harbor\n/`.

ID_COMMANDS = {
    "client": ["--name", "Harbor", "--tier", "key", "--manager", "wang-li"],
    "person": ["--name", "Chen Jie", "--role", "recruiter"],
    "case": ["--title", "A lesson", "--author", "wang-li", "--outcome", "mixed"],
}


@pytest.mark.parametrize("kind", sorted(ID_COMMANDS))
@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("harbor\n", r"`harbor\n`"),  # the line feed `$` let through
        ("\nharbor", r"`\nharbor`"),
        ("harbor\x1b[2J", r"`harbor\x1b[2J`"),  # shown inert, not run by the terminal
        ("Harbor", "`Harbor`"),
        ("-harbor", "`-harbor`"),
        ("a" * 65, f"`{'a' * 65}`"),  # 65 characters: one more than a file name of an id
    ],
)
def test_a_new_id_that_is_not_all_id_is_a_usage_error_naming_the_option(
    runner, agency, kind, typed, shown
):
    before = listing(agency)
    result = new(runner, agency, kind, "--id", typed, *ID_COMMANDS[kind])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--id': {shown} is not a valid id" in result.output
    assert listing(agency) == before


@pytest.mark.parametrize("kind", sorted(ID_COMMANDS))
def test_an_id_of_64_characters_is_written(runner, agency, kind):
    record_id = "a" * 63 + "1"
    result = new(runner, agency, kind, "--id", record_id, *ID_COMMANDS[kind])
    assert result.exit_code == 0, result.output
    assert record_id in result.output


def test_a_bad_id_at_the_prompt_is_asked_again(runner, agency):
    result = new(runner, agency, "client", input="Harbor Logistics\nharbor\nHarbor\nkey\nwang-li\n")
    assert result.exit_code == 0, result.output
    assert "`Harbor Logistics` is not a valid id" in result.output
    assert (agency.records / "clients/harbor/client.yaml").is_file()
    assert sorted(os.listdir(agency.records / "clients")) == ["acme", "harbor"]


# --- 2. an instant is in the years records hold ----------------------------------------------
# `--as-of` took any year Python holds while records hold 1900-2999 (records.convert.YEARS):
# `sla --as-of 0300-01-01` was judged, and failed lint for a calendar without 300's holidays.

YEARS_REFUSED = "of the years 1900 to 2999 that records hold"
AS_OF = "2026-11-20T17:00:00+08:00"


def run(runner, agency, *args, env=None):
    return runner.invoke(cli, [*args, "--records", str(agency.records)], env=env)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("1900-01-01", date(1900, 1, 1)),
        ("2999-12-31", date(2999, 12, 31)),
        ("1900-01-01T00:00", datetime(1900, 1, 1)),
        # The year as written, as a record's (HB208): 3000-01-01 23:58 in UTC, still held.
        ("2999-12-31T23:59-23:59", datetime(3000, 1, 1, 23, 58, tzinfo=UTC)),
    ],
)
def test_as_of_reads_the_first_and_last_years_records_hold(text, read):
    assert parse_as_of(text) == read


@pytest.mark.parametrize(
    ("text", "year"),
    [("1899-12-31", 1899), ("3000-01-01", 3000), ("0001-01-05T10:00", 1),
     ("9999-12-01T10:00+08:00", 9999), ("1899-12-31T23:59:59+08:00", 1899)],
)  # fmt: skip
def test_as_of_refuses_a_year_records_do_not_hold_saying_the_range(text, year):
    with pytest.raises(ValueError) as refused:
        parse_as_of(text)
    assert str(refused.value) == (
        f"{text!r} is in the year {year}, outside the years 1900 to 2999 that records hold"
    )


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["sla", "--as-of", "0300-01-01"], "--as-of"),
        (["report", "--as-of", "3000-01-01"], "--as-of"),
        (["show", "acme", "--as-of", "1899-12-31T12:00"], "--as-of"),
        (["log", "notified", "app-2026-0001", "--round", "1", "--at", "1899-06-01T10:00"], "--at"),
        (["log", "notified", "app-2026-0001", "--round", "1", "--as-of", "9999-01-01"], "--as-of"),
        (["new", "requirement", "--client", "acme", "--title", "X",
          "--received-at", "1899-12-31T23:00:00+08:00"], "--received-at"),
    ],
)  # fmt: skip
def test_commands_refuse_a_year_records_do_not_hold_as_a_usage_error(runner, agency, args, option):
    before = {path: (agency.records / path).read_bytes() for path in files(agency)}
    result = run(runner, agency, *args)
    assert result.exit_code == 2, result.output
    value = args[args.index(option) + 1]
    assert f"Invalid value for '{option}'" in result.output  # (and the variable, for --as-of)
    assert (
        f"{value!r} is not a date (2026-11-20) or datetime (2026-11-20T17:00:00+08:00) "
        f"{YEARS_REFUSED}\n"
    ) in result.output
    assert {path: (agency.records / path).read_bytes() for path in files(agency)} == before


def test_hirebook_as_of_is_refused_as_the_option_is(runner, agency):
    result = run(runner, agency, "sla", env={AS_OF_VARIABLE: "0300-01-01"})
    assert result.exit_code == 2, result.output
    assert "'0300-01-01' is not a date (2026-11-20)" in result.output
    assert YEARS_REFUSED in result.output


@pytest.mark.parametrize("where", ["mkdocs.yml", "variable"])
def test_the_plugin_refuses_a_year_records_do_not_hold_as_its_configuration_error(
    monkeypatch, where
):
    from mkdocs.exceptions import PluginError

    from hirebook.handbook.plugin import build_as_of

    if where == "variable":
        monkeypatch.setenv(AS_OF_VARIABLE, "3000-01-01")
        option, named = None, AS_OF_VARIABLE
    else:
        monkeypatch.delenv(AS_OF_VARIABLE, raising=False)
        option, named = "3000-01-01", "as_of in mkdocs.yml"
    with pytest.raises(PluginError) as refused:
        build_as_of(option)
    assert str(refused.value).startswith(
        f"hirebook: {named}: '3000-01-01' is in the year 3000, outside the years 1900 to 2999 "
        "that records hold; write a date"
    )


# --- 3. an offset with seconds is refused by new --received-at and log --at alike ------------
# `new requirement --received-at` recorded `+08:05:43` (local mean time) as another instant in
# +08:00, and a time in Asia/Shanghai's local mean time (before 1901) in UTC, where `log --at`
# refused the first and named an offset nobody typed for the second.

RECEIVED = ["new", "requirement", "--client", "acme", "--title", "X", "--received-at"]
INTERVIEW = ["log", "interview", "app-2026-0001", "--round", "2", "--as-of", AS_OF, "--at"]
TYPED_SECONDS = (
    "has an offset with seconds; records write offsets in hours and minutes (+08:00, +05:45): "
    "give the time with one"
)
LOCAL_MEAN_TIME = (
    "in Asia/Shanghai, whose offset then was its local mean time, with seconds, which records "
    "do not write (they write hours and minutes): check the year"
)


@pytest.mark.parametrize(("command", "option"), [(RECEIVED, "--received-at"), (INTERVIEW, "--at")])
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-11-19T10:00:00+08:05:43", f"2026-11-19T10:00:00+08:05:43 {TYPED_SECONDS}"),
        ("2026-11-19T10:00:00-00:00:30", f"2026-11-19T10:00:00-00:00:30 {TYPED_SECONDS}"),
        # No offset: the policy's timezone, which before 1901 was 5 min 43 s ahead of +08:00.
        (
            "1900-06-01T10:00",
            f"1900-06-01T10:00:00 is 1900-06-01T10:00:00+08:05:43 {LOCAL_MEAN_TIME}",
        ),
        (
            "1900-12-31T23:59",
            f"1900-12-31T23:59:00 is 1900-12-31T23:59:00+08:05:43 {LOCAL_MEAN_TIME}",
        ),
    ],
)
def test_an_offset_with_seconds_is_refused_alike(runner, agency, command, option, typed, message):
    before = {path: (agency.records / path).read_bytes() for path in files(agency)}
    result = run(runner, agency, *command, typed)
    assert result.exit_code == 2, result.output
    assert f"Invalid value for {option}: {message}\n" in result.output
    assert {path: (agency.records / path).read_bytes() for path in files(agency)} == before


def test_received_at_in_local_mean_time_is_refused_not_moved_to_utc(runner, agency):
    # 10:00 at +08:00 is 10:05:43 in Shanghai's local mean time; it was written as 02:00 UTC.
    result = run(runner, agency, *RECEIVED, "1900-06-01T10:00:00+08:00")
    assert result.exit_code == 2, result.output
    assert (
        f"1900-06-01T10:00:00+08:00 is 1900-06-01T10:05:43+08:05:43 {LOCAL_MEAN_TIME}\n"
    ) in result.output
    assert sorted(os.listdir(agency.records / "clients/acme/requirements")) == ["req-2026-001.yaml"]


@pytest.mark.parametrize(("command", "option"), [(RECEIVED, "--received-at"), (INTERVIEW, "--at")])
def test_the_first_minute_of_standard_time_is_recorded_by_both(runner, agency, command, option):
    result = run(runner, agency, *command, "1901-01-01T00:00")  # +08:00 from this minute on
    if option == "--received-at":
        assert result.exit_code == 0, result.output
        written = (agency.root / result.output.strip()).read_text(encoding="utf-8")
        assert "\nreceived_at: 1901-01-01T00:00:00+08:00 " in written
    else:  # read as +08:00 too, then refused by the record: round 2 before round 1
        assert result.exit_code == 1, result.output
        assert "1901-01-01T00:00:00+08:00" in result.output


# --- 4. a UTF-32 file without a byte-order mark is called UTF-32 ------------------------------
# HB103 told UTF-16 by "one half of the bytes all NUL": UTF-32's `i\0\0\0` has that too.


@pytest.mark.parametrize(
    ("codec", "bytes_of_i", "encoding"),
    [
        ("utf-16-le", b"i\x00", "UTF-16"),
        ("utf-16-be", b"\x00i", "UTF-16"),
        ("utf-32-le", b"i\x00\x00\x00", "UTF-32"),
        ("utf-32-be", b"\x00\x00\x00i", "UTF-32"),
    ],
)
def test_a_wide_record_without_a_byte_order_mark_is_named_by_its_nuls(
    agency, codec, bytes_of_i, encoding
):
    raw = "id: cand-0002\n".encode(codec)
    assert raw.startswith(bytes_of_i)  # no mark: the letter and its NULs come first
    (problem,) = agency.check("candidates/cand-0002.yaml", raw, expect=[(1, 1, "HB103")])
    assert problem.message.startswith(f"the file is {encoding} text, not UTF-8; save it as UTF-8")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_chinese_in_its_first_64_bytes_is_utf32(agency, codec):
    # 陳 is U+9673: 73 96 00 00 little-endian, 00 00 96 73 big-endian: of its four bytes the
    # two high ones are NUL, as an ASCII letter's are, and the two low ones are not.
    raw = "id: 陳\n".encode(codec)
    (problem,) = agency.check("candidates/cand-0002.yaml", raw, expect=[(1, 1, "HB103")])
    assert problem.message.startswith("the file is UTF-32 text, not UTF-8")


# --- 5. a zero-width joiner between two emoji is text -----------------------------------------
# inert() escaped every U+200D, so 👩‍💻 (woman, joiner, laptop) showed as 👩\u200d💻.

ZWJ = "\u200d"


@pytest.mark.parametrize(
    "emoji",
    [
        f"👩{ZWJ}💻",  # technologist: woman, joiner, laptop
        f"👨{ZWJ}👩{ZWJ}👧{ZWJ}👦",  # family: three joiners
        f"🏳\ufe0f{ZWJ}🌈",  # rainbow flag: the white flag in emoji presentation first
        f"👩🏽{ZWJ}💻",  # with a medium skin tone between the woman and the joiner
        f"❤\ufe0f{ZWJ}🔥",  # heart on fire: U+2764 is a pictograph of the basic plane
    ],
)
def test_a_joiner_between_two_emoji_is_kept(emoji):
    assert inert(emoji) == emoji
    assert inert(f"Pair-programs {emoji} daily") == f"Pair-programs {emoji} daily"
    assert inert(emoji, breaks=True) == emoji
    assert csv_cell(emoji) == emoji


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (f"a{ZWJ}b", r"a\u200db"),  # between letters
        (f"wang{ZWJ}-li", r"wang\u200d-li"),
        (f"劉{ZWJ}洋", r"劉\u200d洋"),
        (f"{ZWJ}👩", r"\u200d👩"),  # at the start
        (f"👩{ZWJ}", r"👩\u200d"),  # at the end
        (f"👩{ZWJ}{ZWJ}💻", r"👩\u200d\u200d💻"),  # repeated: neither joins two emoji
        (f"👩{ZWJ}a", r"👩\u200da"),  # an emoji and a letter
        (f"a{ZWJ}💻", r"a\u200d💻"),
        (f"👩\ufe0e{ZWJ}💻", "👩\ufe0e\\u200d💻"),  # text presentation (U+FE0E) is no emoji's
        # Trojan Source: a joiner before a bidi override, and an isolate after a kept joiner.
        (f"👩{ZWJ}\u202e💻", r"👩\u200d\u202e💻"),
        (f"👩{ZWJ}💻\u2067x\u2069", r"👩‍💻\u2067x\u2069"),
        # The tag characters of a subdivision flag (England) can carry hidden text.
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
         r"🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"),
    ],
)  # fmt: skip
def test_any_other_joiner_and_the_bidi_and_tag_characters_are_escaped(raw, shown):
    assert inert(raw) == shown


def test_a_note_with_an_emoji_is_shown_as_written(runner, agency):
    agency.write(
        "clients/acme/applications/app-2026-0002.yaml",
        "id: app-2026-0002\nrequirement: req-2026-001\ncandidate: cand-0001\n"
        "channel: referral\nsubmitted_at: 2026-11-19T10:00:00+08:00\n",
    )
    note = f"Pair-programs 👩{ZWJ}💻 daily, a{ZWJ}b"
    args = ["log", "feedback", "app-2026-0002", "--decision", "hold", "--note", note]
    result = run(runner, agency, *args, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert f"  client_feedback.note: Pair-programs 👩{ZWJ}💻 daily, a\\u200db\n" in result.output


# --- 2b. the days of a period are in the same years ------------------------------------------
# report's and progress's --from and --to took any year Python holds (a period of the year 1).


@pytest.mark.parametrize(
    ("args", "option", "value", "year"),
    [
        (["report", "--from", "0001-01-01", "--to", "2026-11-20"], "--from", "0001-01-01", 1),
        (["report", "--to", "3000-01-01"], "--to", "3000-01-01", 3000),
        (["progress", "acme", "--from", "1899-12-25", "--to", "1899-12-31"], "--from",
         "1899-12-25", 1899),
    ],
)  # fmt: skip
def test_a_period_outside_the_years_records_hold_is_a_usage_error(
    runner, agency, args, option, value, year
):
    result = run(runner, agency, *args, "--as-of", AS_OF)
    assert result.exit_code == 2, result.output
    assert (
        f"Invalid value for '{option}': '{value}' is in the year {year}, outside the years 1900 "
        "to 2999 that records hold\n"
    ) in result.output
