"""Record text is inert in every output: no control or bidirectional character, no workflow
command, no spreadsheet formula (issue 17, item 4). Expected values are worked out by hand."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hirebook.cli.main import cli
from hirebook.output.github import command
from hirebook.output.inert import csv_cell, inert, json_text
from hirebook.output.markdown import cell

AS_OF = "2026-11-20T17:00:00+08:00"
# What a hostile record can hold: a workflow command at the start of a line and in the middle
# of one, a terminal escape (clear the screen), a C1 control (CSI), a bell and a bidi override.
HOSTILE_NAME = r"::error::pwned\e[2J\x9b\a\u202e ##[group]x\nnext"  # YAML escapes
# HOSTILE_NAME shown at the start of a line, and inside one:
HOSTILE_SHOWN = r":\:error::pwned\x1b[2J\x9b\x07\u202e ##\[group]x\nnext"
HOSTILE_MID_LINE = r"::error::pwned\x1b[2J\x9b\x07\u202e ##\[group]x\nnext"
HOSTILE_TEXT = "::error::pwned\x1b[2J\x9b\x07\u202e ##[group]x\nnext"  # as YAML reads it
UNSAFE = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]}
UNSAFE |= set("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e")
UNSAFE |= set("\u2066\u2067\u2068\u2069")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\nb", r"a\nb"),
        ("x\r\n::error::y", r"x\r\n::error::y"),
        ("::error::y", r":\:error::y"),
        ("  ::warning::z", r"  :\:warning::z"),
        ("a::b", "a::b"),
        ("see ##[group]x", r"see ##\[group]x"),
        ("###[a ##[b", r"###\[a ##\[b"),
        ("\x1b[31mred\x07", r"\x1b[31mred\x07"),
        ("\x9b2J\x7f", r"\x9b2J\x7f"),
        ("a\tb\x00", r"a\tb\x00"),
        ("abc\u202edef\u2066\u200f\u061c", r"abc\u202edef\u2066\u200f\u061c"),
        ("one\u2028two\x85", r"one\u2028two\x85"),
        ("王麗 (Wang Li) — 100% #1 [ok]", "王麗 (Wang Li) — 100% #1 [ok]"),
        (None, ""),
        (42, "42"),
    ],
)
def test_inert_writes_controls_as_visible_escapes(raw, shown):
    assert inert(raw) == shown


def test_inert_can_leave_line_breaks_to_a_format_that_encodes_them():
    assert inert("a\r\nb\x1b\u202e", breaks=True) == "a\r\nb\\x1b\\u202e"


@given(st.text())
def test_inert_text_is_one_line_without_commands(value):
    shown = inert(value)
    assert not set(shown) & UNSAFE
    assert len(shown.splitlines()) <= 1
    assert "##[" not in shown
    assert not shown.lstrip().startswith("::")


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 138 0000 0001", "'+86 138 0000 0001"),
        ("-x", "'-x"),
        ("-", "'-"),
        ("--1", "'--1"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", r"'\t=1"),
        ("\r=1", r"'\r=1"),
        ("-3", "-3"),
        ("-1.5", "-1.5"),
        ("-1e-05", "-1e-05"),
        ("-.5", "-.5"),
        ("acme", "acme"),
        ("a=b", "a=b"),
        ("王麗", "王麗"),
        (-3, -3),
        (-1.5, -1.5),
        (None, None),
    ],
)
def test_csv_cells_a_spreadsheet_would_run_are_quoted(raw, written):
    assert csv_cell(raw) == written


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ('{"m": "##[group]"}', '{"m": "##\\u005bgroup]"}'),
        ('{"m": "a\x7fb"}', '{"m": "a\\u007fb"}'),
        ('{"m": "王\u202e\x9b\u2028"}', '{"m": "王\\u202e\\u009b\\u2028"}'),
        ('{"m": "王麗"}', '{"m": "王麗"}'),
    ],
)
def test_json_text_uses_json_escapes(raw, written):
    assert json_text(raw) == written
    assert json.loads(written) == json.loads(raw)  # the same data for a program


def test_markdown_cell():
    assert cell("a\x1b[31mb\u202e|c\nd") == "a\\\\x1b[31mb\\\\u202e\\|c d"
    assert cell("##[group]") == "##\\\\[group]"


def test_github_command_encodes_data_and_properties():
    text = command("error", "a\x1b,b.yaml", 1, None, "T:x", "x\x1b[31m ##[group] 100%\r\nnext")
    assert text == (
        "::error file=a\\x1b%2Cb.yaml,line=1,title=T%3Ax::x\\x1b[31m ##\\[group] 100%25%0D%0Anext"
    )


def hostile_agency(agency):
    """The fixture agency, its client named with HOSTILE_NAME and its account manager `=1+2`
    (both lint-clean)."""
    text = (agency.records / "clients/acme/client.yaml").read_text()
    agency.write(
        "clients/acme/client.yaml",
        text.replace("name: ACME Technology Co., Ltd.", f'name: "{HOSTILE_NAME}"'),
    )
    team = (agency.records / "team/wang-li.yaml").read_text()
    agency.write("team/wang-li.yaml", team.replace("name: 王麗 (Wang Li)", 'name: "=1+2"'))
    return agency


def broken_agency(agency):
    """A lint error whose message quotes HOSTILE_NAME's text (an unknown tier)."""
    text = (agency.records / "clients/acme/client.yaml").read_text()
    agency.write(
        "clients/acme/client.yaml", text.replace("tier: strategic", f'tier: "{HOSTILE_NAME}"')
    )
    return agency


def assert_inert(output: str, commands: int = 0):
    """No unsafe character, no `##[`, and only the reporter's own workflow commands."""
    assert not set(output) & (UNSAFE - {"\n"}), repr(output)
    assert "##[" not in output
    assert sum(line.lstrip().startswith("::") for line in output.splitlines()) == commands


def invoke(runner, agency, *args):
    return runner.invoke(cli, [*args, "--records", str(agency.records)])


def test_lint_text_keeps_a_record_on_its_line(runner, agency):
    result = invoke(runner, broken_agency(agency), "lint")
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        f"  4:7      error   HB204  `tier` is `{HOSTILE_MID_LINE}`, expected one of strategic, "
        "key, ordinary"
    )
    assert_inert(result.output)


@pytest.mark.parametrize(
    ("output_format", "commands"), [("github", 1), ("markdown", 0), ("sarif", 0), ("json", 0)]
)
def test_lint_formats_are_inert(runner, agency, output_format, commands):
    result = invoke(runner, broken_agency(agency), "lint", "--format", output_format)
    assert result.exit_code == 1
    assert_inert(result.output, commands)
    if output_format == "json":  # the exact text for programs
        message = json.loads(result.output)["problems"][0]["message"]
        assert message.startswith(f"`tier` is `{HOSTILE_TEXT}`")
    if output_format == "sarif":
        text = json.loads(result.output)["runs"][0]["results"][0]["message"]["text"]
        assert text.startswith(f"`tier` is `{HOSTILE_MID_LINE}`")


def test_lint_summary_of_sla_and_report_is_inert(runner, agency):
    broken_agency(agency)
    for command_name in ("sla", "report"):
        result = invoke(runner, agency, command_name, "--as-of", AS_OF)
        assert result.exit_code == 2
        assert f"`tier` is `{HOSTILE_MID_LINE}`" in result.output
        assert_inert(result.output)


def test_handbook_refusal_is_inert(agency):
    # What `mkdocs build` and `hirebook handbook` print when the records have lint errors.
    from hirebook.handbook.site import HandbookError, check, instant

    repo = broken_agency(agency).load()
    with pytest.raises(HandbookError) as refused:
        check(repo, instant(repo, AS_OF))
    assert f"`tier` is `{HOSTILE_MID_LINE}`" in str(refused.value)
    assert_inert(str(refused.value))


def test_show_is_inert(runner, agency):
    result = invoke(runner, hostile_agency(agency), "show", "acme", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == HOSTILE_SHOWN
    assert lines[3] == "Account manager: =1+2"
    assert_inert(result.output)


@pytest.mark.parametrize("output_format", ["text", "markdown", "github", "sarif", "json"])
def test_sla_formats_are_inert(runner, agency, output_format):
    hostile_agency(agency)
    result = invoke(runner, agency, "sla", "--all", "--as-of", AS_OF, "--format", output_format)
    assert result.exit_code == 1, result.output
    # The github format annotates the open clocks: 2 overdue, 1 at risk, 1 on track.
    assert_inert(result.output, 4 if output_format == "github" else 0)


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_report_formats_are_inert(runner, agency, output_format):
    hostile_agency(agency)
    result = invoke(runner, agency, "report", "--as-of", AS_OF, "--format", output_format)
    assert result.exit_code == 0, result.output
    assert_inert(result.output)
    if output_format == "text":
        assert "  wang-li  =1+2    5         1        1  71.4%" in result.output.splitlines()


def test_report_csv_neutralises_formulas_and_keeps_numbers(runner, agency):
    hostile_agency(agency)
    result = invoke(runner, agency, "report", "--as-of", AS_OF, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert_inert(result.output)
    rows = list(csv.reader(io.StringIO(result.output)))
    assert ["sla-compliance", "owner", "wang-li", "'=1+2", "met", "5"] in rows
    assert ["workload", "person", "wang-li", "'=1+2", "clients.strategic", "1"] in rows
    assert ["sla-compliance", "client", "acme", HOSTILE_SHOWN, "breached", "1"] in rows
    for row in rows[1:]:
        assert not row[3].startswith(("=", "+", "-", "@")), row
