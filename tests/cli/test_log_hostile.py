"""``hirebook log`` given hostile input: ids, text, times and record files.

Each case ends one of three ways, never in a traceback: the event is written and its text
reads back as given (0); the record says no, at ``file:line:column`` (1); or the command line
is wrong (2). Whatever is refused leaves every file of the agency byte for byte as it was.

The demo agency is copied once for the module and put back after each test (only the files a
test touched are rewritten), as of Friday 2026-11-20 17:00 (+08:00, the policy's timezone).
app-2026-0073 (northwind-cloud) is a submitted resume without feedback; its file:

    1  # As of 2026-11-20: no client_feedback yet: …
    2  id: app-2026-0073
    3  requirement: req-2026-008
    4  candidate: cand-0057
    5  channel: headhunting
    6  submitted_at: 2026-11-17T10:00:00+08:00
"""

from __future__ import annotations

import os
import shutil

import pytest

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS
from hirebook.records import yamlread

AS_OF = "2026-11-20T17:00:00+08:00"
APP = "clients/northwind-cloud/applications/app-2026-0073.yaml"
SHOWN = f"records/{APP}"


@pytest.fixture(scope="module")
def agency(tmp_path_factory):
    records = tmp_path_factory.mktemp("hostile") / "records"
    shutil.copytree(DEMO_RECORDS, records)
    return records, _snapshot(records)


@pytest.fixture
def records(agency):
    """The agency's folder, put back as it was after the test, whatever the test did."""
    folder, original = agency
    yield folder
    _put_back(folder, original)


def _snapshot(folder) -> dict[str, bytes | None]:
    """Every path below ``folder``: a file's bytes, None for anything else."""
    found = {}
    for path in sorted(folder.rglob("*")):
        regular = path.is_file() and not path.is_symlink()
        found[str(path)] = path.read_bytes() if regular else None
    return found


def _put_back(folder, original) -> None:
    for name in sorted(set(_snapshot(folder)) - set(original), reverse=True):
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    for name, content in original.items():
        path = folder / name
        if content is not None and (path.is_symlink() or not path.is_file()):
            path.unlink(missing_ok=True)
        if content is not None and (not path.exists() or path.read_bytes() != content):
            path.write_bytes(content)


def log(runner, records, *args):
    return runner.invoke(cli, ["log", *args, "--records", str(records), "--as-of", AS_OF])


def written(records, *path):
    """The value at ``path`` of app-2026-0073, as hirebook's own reader reads the file."""
    value = yamlread.parse(yamlread.decode((records / APP).read_bytes())).data
    for step in path:
        value = value[step]
    return value


def refused(result, records, original, code: int) -> str:
    """The refusal's standard error, after checking its exit code and that nothing changed."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert _snapshot(records) == original
    return result.stderr


# --- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("../applications/app-2026-0073", "no application `../applications/app-2026-0073`"),
        ("..", "no application `..` in the records"),
        ("/etc/passwd", "no application `/etc/passwd` in the records"),
        (APP, f"no application `{APP}` in the records"),
        ("app-2026-0073.yaml", "did you mean `app-2026-0073`?"),
        ("req-2026-008", "`req-2026-008` is a requirement, not an application"),
        ("", "no application `` in the records"),
        ("app-2026-0073\x1b[2J", "no application `app-2026-0073\\x1b[2J`"),
        ("::error::app", "no application `::error::app`"),
    ],
)
def test_an_id_that_is_no_application_is_a_usage_error(runner, records, agency, target, message):
    original = agency[1]
    result = log(runner, records, "feedback", target, "--decision", "hold")
    assert message in refused(result, records, original, 2)
    assert "\x1b" not in result.output


# --- text given: kept as typed, or refused -----------------------------------------------------

KEPT = [
    "line one\nline two",
    "\nafter a new line",
    "before a new line\n",
    "a: b",
    "# not a comment",
    "x # y",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system ['rm -rf /']",
    "- not an item",
    "-",
    "'single'",
    '"double"',
    "it's",
    "::error file=app.yaml::boom",
    "::stop-commands::token",
    "abc\u202eevil\u2066x",
    "tab\there",
    "\tleading tab",
    "null",
    "~",
    "true",
    "0x1F",
    "2026-11-20",
    "{a: 1}",
    "[1, 2]",
    "|",
    "---",
    "  spaces around  ",
    "中文：冒号，「引號」",
    "x" * 20000,
]
"""Notes that YAML would read as something else if written plainly, or that a terminal or a CI
log would act on if printed raw: each is written quoted as needed and reads back as given."""


@pytest.mark.parametrize("text", KEPT, ids=range(len(KEPT)))
def test_a_note_reads_back_as_typed(runner, records, text):
    result = log(runner, records, "feedback", "app-2026-0073", "--decision", "hold", "--note", text)
    assert result.exit_code == 0, result.output
    assert written(records, "client_feedback", "note") == text
    for raw in ("\x1b", "\u202e", "\u2066", "\n::", "\t"):
        assert raw not in result.stdout  # printed through hirebook.output.inert


@pytest.mark.parametrize("text", ["a: b\n- c", "::error::x", "&a *a !!str"])
def test_a_list_items_text_reads_back_as_typed(runner, records, text):
    # withdraw writes a field of a new mapping; change adds an item to a list (req-2026-009
    # is confirmed); both as typed.
    result = log(runner, records, "withdraw", "app-2026-0073", "--reason", text)
    assert result.exit_code == 0, result.output
    assert written(records, "withdrawn", "reason") == text
    change = log(runner, records, "change", "req-2026-009", "--summary", text)
    assert change.exit_code == 0, change.output
    requirement = records / "clients/northwind-cloud/requirements/req-2026-009.yaml"
    data = yamlread.parse(yamlread.decode(requirement.read_bytes())).data
    assert data["changes"][-1] == {"on": "2026-11-20", "summary": text}


UNKEPT = [
    ("\x1b[31mred", "character 1 is the control character U+001B"),
    ("crlf\r\n", "character 5 is the control character U+000D"),
    ("nul\x00", "character 4 is the control character U+0000"),
    ("del\x7f", "character 4 is the control character U+007F"),
    ("\x0b", "character 1 is the control character U+000B"),
    ("a\x85b", "character 2 is U+0085, a line break only some YAML readers see (HB112)"),
    ("a\u2028b", "character 2 is U+2028, a line break only some YAML readers see (HB112)"),
    ("a\u2029b", "character 2 is U+2029"),
    ("gbk \udcc4\udce3", "character 5 is a byte that is not UTF-8"),
]


@pytest.mark.parametrize(
    "option",
    [
        ("feedback", "app-2026-0073", "--decision", "hold", "--note"),
        ("withdraw", "app-2026-0073", "--reason"),
        ("change", "req-2026-009", "--summary"),
        ("signed", "req-2026-019", "--by", "agency", "--signer"),
        ("milestone", "plan-2026-008", "--name"),
    ],
    ids=lambda option: option[-1],
)
@pytest.mark.parametrize(("text", "message"), UNKEPT, ids=range(len(UNKEPT)))
def test_text_a_record_cannot_keep_as_typed_is_a_usage_error(
    runner, records, agency, option, text, message
):
    original = agency[1]
    result = log(runner, records, *option, text)
    stderr = refused(result, records, original, 2)
    assert f"Invalid value for '{option[-1]}': {message}" in stderr
    assert "which a record does not keep as typed; remove it" in stderr
    assert not any(character in stderr for character in "\x1b\r\x00\x7f\x0b\x85\u2028\u2029")


# --- times -------------------------------------------------------------------------------------


def test_a_time_without_offset_is_in_the_policys_timezone(runner, records):
    result = log(
        runner,
        records,
        "feedback",
        "app-2026-0073",
        "--decision",
        "hold",
        "--at",
        "2026-11-20T10:00",
    )
    assert result.exit_code == 0, result.output
    assert written(records, "client_feedback", "at") == "2026-11-20T10:00:00+08:00"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("feedback", "app-2026-0073", "--decision", "hold", "--at", "yesterday"),
            2,
            "'yesterday' is not a date (2026-11-20) or datetime",
        ),
        (
            ("feedback", "app-2026-0073", "--decision", "hold", "--at", "2026-11-20T10:00+25:00"),
            2,
            "'2026-11-20T10:00+25:00' is not a date",
        ),
        (  # a year records do not hold (the years 0001 and 9999 are tested with the others')
            ("withdraw", "app-2026-0073", "--at", "0001-01-01"),
            2,
            "'0001-01-01' is not a date (2026-11-20) or datetime (2026-11-20T17:00:00+08:00) of "
            "the years 1900 to 2999 that records hold",
        ),
        (
            ("feedback", "app-2026-0073", "--decision", "hold")
            + ("--at", "2026-11-20T10:00:00+05:45:30"),
            2,
            "2026-11-20T10:00:00+05:45:30 has an offset with seconds",
        ),
        (
            ("interview", "app-2026-0073", "--round", "1", "--at", "2999-12-31T10:00:00+08:00"),
            2,
            "2999-12-31T10:00+08:00 is more than a year after now (2026-11-20T17:00+08:00)",
        ),
        (
            ("placement", "app-2026-0073", "--at", "2027-11-22"),
            2,
            "2027-11-22 is more than a year after now",
        ),
        (
            ("feedback", "app-2026-0073", "--decision", "hold", "--at", "2026-11-21T09:00+08:00"),
            1,
            "--at 2026-11-21T09:00+08:00 is after now (2026-11-20T17:00+08:00)",
        ),
        (
            ("withdraw", "app-2026-0073", "--at", "1900-01-01"),
            1,
            f"{SHOWN}:6:15: app-2026-0073's resume was submitted at 2026-11-17T10:00:00+08:00; "
            "a withdrawal on 1900-01-01 would come before it",
        ),
        (
            ("offer", "app-2026-0073", "--at", "2026-11-16"),
            1,
            f"{SHOWN}:6:15: app-2026-0073's resume was submitted at 2026-11-17T10:00:00+08:00; "
            "an offer on 2026-11-16 would come before it",
        ),
        (
            ("feedback", "app-2026-0073", "--decision", "hold", "--at", "2026-11-20"),
            2,
            "this event is recorded with its time: give a datetime",
        ),
    ],
)
def test_a_time_out_of_place_is_refused(runner, records, agency, args, code, message):
    original = agency[1]
    assert message in refused(log(runner, records, *args), records, original, code)


# --- the record's file -------------------------------------------------------------------------


def _append(extra: bytes):
    return lambda path: path.write_bytes(path.read_bytes() + extra)


def _replace(old: bytes, new: bytes):
    return lambda path: path.write_bytes(path.read_bytes().replace(old, new))


def _link(path):
    real = path.with_name("real.txt")
    real.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(real.name)


def _fifo(path):
    path.unlink()
    os.mkfifo(path)


def _crlf_then_lone_cr(path):
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").rstrip(b"\n"))


def _first_line_crlf(path):
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n", 1))


FILES = {
    "a symbolic link": (_link, 1, f"{SHOWN} is a symbolic link; hirebook never writes through"),
    "a FIFO": (_fifo, 1, f"{SHOWN} is not a regular file; records are plain files"),
    "over 1 MiB": (_append(b"# " + b"x" * 1_100_000 + b"\n"), 2, "  1:1      error   HB101"),
    "binary": (_append(b"\x00\x01"), 2, "  7:1      error   HB102"),
    "not UTF-8": (_append(b"# \xff\xfe\n"), 2, "  7:3      error   HB103  invalid UTF-8"),
    "UTF-16": (
        lambda p: p.write_bytes(p.read_bytes().decode().encode("utf-16")),
        2,
        "  1:1      error   HB103  the file is UTF-16 text",
    ),
    "empty": (lambda p: p.write_bytes(b""), 2, "  1:1      error   HB104"),
    "an anchor": (_replace(b"channel: ", b"channel: &c "), 2, "  5:10     error   HB107"),
    "a duplicate key": (_append(b"channel: referral\n"), 2, "  7:1      error   HB106"),
    "a tab indenting": (_append(b"note:\n\tx: 1\n"), 2, "  8:1      error   HB105"),
    "a tab after a colon": (
        _replace(b"channel: ", b"channel:\t"),
        1,
        f"{SHOWN}:5:9: the record cannot be edited: found character '\\t' that cannot start "
        "any token; replace the tab by spaces",
    ),
    "a lone CR": (
        _crlf_then_lone_cr,
        1,
        f"{SHOWN}:6:40: a carriage return (CR) without a line feed breaks this line",
    ),
    "CRLF and LF": (
        _first_line_crlf,
        1,
        f"{SHOWN}:2:18: this line ends with LF and line 1 with CRLF",
    ),
}  # fmt: skip
"""How the file was spoiled, the exit code, and the message (file:line:column, worked out from
the file's lines above: the sixth line is 39 characters long; `channel:` 8)."""


@pytest.mark.parametrize("spoil", list(FILES))
def test_a_spoiled_record_file_is_named_with_its_place(runner, records, agency, spoil):
    prepare, code, message = FILES[spoil]
    prepare(records / APP)
    spoiled = _snapshot(records)
    result = log(runner, records, "feedback", "app-2026-0073", "--decision", "hold")
    stderr = refused(result, records, spoiled, code)
    assert message in stderr
    if code == 2:
        assert stderr.startswith(f"{SHOWN}\n")
        assert "fix them (hirebook lint) before recording an event" in stderr


@pytest.mark.parametrize(
    ("spoil", "end"),
    [
        (lambda text: text.replace("\n", "\r\n"), "\r\n"),
        (lambda text: text.rstrip("\n"), "\n"),
    ],
    ids=["CRLF", "no last line break"],
)
def test_line_breaks_are_kept_and_the_last_line_ends(runner, records, spoil, end):
    path = records / APP
    text = spoil(path.read_bytes().decode("utf-8"))
    path.write_bytes(text.encode("utf-8"))
    result = log(runner, records, "withdraw", "app-2026-0073", "--at", "2026-11-20")
    assert result.exit_code == 0, result.output
    base = text if text.endswith(end) else text + end
    assert path.read_bytes().decode("utf-8") == base + f"withdrawn:{end}  on: 2026-11-20{end}"


FLOW_APP = "clients/brightpath-edu/applications/app-2026-0006.yaml"
"""Its check-ins are flow mappings, `- {day: 7, on: 2026-07-13, note: …}`, lines 24-26."""


@pytest.mark.parametrize(
    "text", ["::error::x", ":x", "line one\nline two", "a: b, c", "{x}", "[y]", "&a *b", "#h"]
)
def test_text_in_a_flow_mapping_reads_back_as_typed(runner, records, text):
    path = records / FLOW_APP
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "{day: 30," not in line and "{day: 90," not in line]
    path.write_bytes("".join(kept).encode("utf-8"))
    result = log(
        runner, records, "check-in", "app-2026-0006", "--day", "30", "--at", "2026-08-05",
        "--note", text,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = yamlread.parse(yamlread.decode(path.read_bytes())).data
    assert data["placement"]["check_ins"][-1] == {"day": 30, "on": "2026-08-05", "note": text}
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("".join(kept))  # the lines before stay as they were
    if text == "::error::x":  # written plain, it would not read back: quoted instead
        assert after.endswith('    - {day: 30, on: 2026-08-05, note: "::error::x"}\n')
