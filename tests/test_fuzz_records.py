"""A mutation fuzz of the records, across every command that reads them.

The brief: "Hostile input is normal input … Every problem names ``file:line:column`` … A
traceback is never an answer", and "every execution path (one process or many) gives the same
result". The hand-made hunts (``test_hostile_hunt.py``, ``test_hostile_writers.py``) check
the cases someone thought of; this one draws them.

How a case is made
------------------

The demo agency (``hirebook demo --out``) is written twice: as shipped, and *silenced* (its
policy sets every HB3xx-HB6xx code to ``warning``), so that records with broken references or
timelines get past the lint gate into ``sla``, ``report``, ``export`` and the handbook. A seed
picks one of the two and one to three record files, and mutates each (:data:`KINDS`):

- structural, on the text's ``key: value`` lines: a key deleted (with its block) or written
  twice, a value of another type (number, text, list, mapping, null, a block), a date made
  impossible (30 February, year 0, 10000, a datetime without offset), a date moved (years
  1900-2999, offsets up to ±23:59), a value or an id swapped for one another record holds
  (another client's requirement, a missing id), a ``---`` or ``...`` in the middle, nesting
  5,000 deep, a list of 10,000 items, a text of 100 KB or over the 1 MiB limit, Unicode edge
  cases (``"\\0"``, ``"\\ud800"``, right-to-left overrides, characters NFKC changes,
  zero-width and no-break spaces, line separators, terminal escapes, formulas, HTML), a goal's
  duration (``0bd``, ``1m``, ``99999bd``, ``-1d``), an edit of the policy its schema may
  accept (working hours, a holiday also a make-up day, workdays, timezones from +14:00 to
  -12:00, ``warn_within`` from 0 to 2, ``demo_as_of`` at the ends of the years);
- whole files: empty, only a comment, a copy in another client's folder (same id), a symbolic
  link to another record, a FIFO, deleted, a folder in its place, renamed (``.yml``, upper
  case, ``.bak``, ``~``, hidden, a space in the name), in other line breaks (CRLF, CR, both)
  or encodings (byte-order marks, UTF-16, UTF-32, GB18030), with trailing blanks or tabs;
- bytes: truncated, one byte flipped, invalid UTF-8 inserted.

Every draw comes from ``random.Random(seed)`` over the demo's files in sorted order, so a seed
is the same mutation on every machine (for one version of the demo).

What is asserted
----------------

``lint`` (``--jobs 1`` and ``--jobs 2``), ``sla --all``, ``report``, ``export --sqlite`` (a new
file), ``show CLIENT``, ``progress CLIENT``, ``calendar --all`` and ``handbook --out`` are run
in this process with ``--as-of`` :data:`AS_OF` and ``--format json`` where there are formats:
exit status 0, 1 or 2; no exception and no "Traceback"; every position a command prints (lint's
JSON, the gate's text) is a line of the file and a column of that line (or just after its
end); ``lint --jobs 1`` and ``--jobs 2`` print the same JSON with the same status; a refused
export leaves no file; nothing below ``records/`` changes (every file's and folder's type,
size, modification time and inode).

:data:`SEEDS` is the fixed list CI runs (every kind drawn at least once, checked by
:func:`test_the_seeds_draw_every_kind`). For a longer run by hand, from the project folder::

    .venv/bin/python tests/test_fuzz_records.py FIRST COUNT [FAILURES.jsonl]

runs the seeds FIRST … FIRST+COUNT-1 (about 1.5 s each), prints progress and the exit
statuses seen, and writes each failing seed (its mutations and failures) as a JSON line.
Findings, minimised, belong in ``tests/test_fuzz_findings.py``.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from hirebook.cli.main import cli

AS_OF = "2026-11-20T17:00:00+08:00"

# A `key: value` line of a block mapping, also as a list item (`- key: value`).
KEY_LINE = re.compile(
    r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*):(?P<gap>\s*)(?P<value>.*?)(?P<end>\r?\n?)$"
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:]+([+-]\d\d:\d\d|Z)?)?")
ID_LIKE = re.compile(r"[a-z]+(-[a-z0-9]+)+")

RETYPED = [
    "42", "-1.5e3", "0", '"text"', "'2026-11-20'", "[a, 1]", "[]", "{k: v}", "{}", "null",
    "~", "true", "false", "''", ".nan", ".inf", "0x1F", "0o17", "yes", "on", "2026-11-20",
    "2026-11-20T17:00:00+08:00", "|\n  block text\n", "- a\n- b\n",
]  # fmt: skip
BAD_DATES = [
    "2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "0001-01-01",
    "10000-01-01", "9999-12-31", "1899-12-31", "2026-11-20T17:00:00",
    "2026-11-20T25:00:00+08:00", "2026-11-20T17:00:00+24:00", "2026-11-20T17:00:00+23:59",
    "2026-11-20T17:00:00-23:59", "2026-11-20T17:00:00Z", "2026-11-20 17:00:00+08:00",
    "2026-11-20T17:00+08:00", "2026-11-20T17:00:60+08:00", "0000-12-31T23:59:59+00:00",
    "2999-12-31T23:59:59-23:59", "1900-01-01T00:00:00+23:59", "2026-W47", "20261120",
    "2026-11-20T17:00:00.123456789+08:00", "2999-12-31", "1900-01-01",
]  # fmt: skip
UNICODE = [
    '"\\0"', '"a\\0b"', '"\\ud800"', '"\\udfff x"', '"a\u202eb"', "a\u202eb", "\u202e",
    "\ufb01nance", "\uff32\uff45\uff44", "２０２６-１１-２０", "\u2460", "x\u200by", "\ufeffx",
    '"\\U0001F600"', "\U0001f600", "a\u2028b", "a\x85b", "e\u0301\u0301\u0301", "\u0000",
    "\u00a0", "\u3000", "ｒｅｑ-２０２６-００１", "Ａ", '"\\x1b[31mred"', "\x1b[31mred",
    "::error::x", '=HYPERLINK("x")', "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "\u0130", "\u1e9e", "\u2126", "\u212a",
]  # fmt: skip
INVALID_UTF8 = [
    b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf",
    b"\x80", b"\xe2\x82",
]  # fmt: skip

DURATION = re.compile(r"\d+(bd|h|d|m)")
ODD_DURATIONS = [
    "0bd", "0h", "0", "1m", "99999bd", "99999h", "100000d", "1.5bd", "24H", "-1d", "1bd ",
    "'2bd'", "9999d", "1d", "1bd",
]  # fmt: skip
# Edits of the policy that its schema may accept: the calendar, the timezone, the goals.
POLICY_EDITS = [
    ('hours: {start: "09:00", end: "18:00"}', 'hours: {start: "18:00", end: "09:00"}'),
    ('hours: {start: "09:00", end: "18:00"}', 'hours: {start: "09:00", end: "09:00"}'),
    ('hours: {start: "09:00", end: "18:00"}', 'hours: {start: "00:00", end: "23:59"}'),
    ('hours: {start: "09:00", end: "18:00"}', 'hours: {start: "23:58", end: "23:59"}'),
    ("  extra_workdays:\n", "  extra_workdays:\n    - 2026-10-01\n"),
    ("  extra_workdays:\n", "  extra_workdays:\n    - 2026-11-21\n    - 2026-11-21\n"),
    ("workdays: [mon, tue, wed, thu, fri]", "workdays: [sat, sun]"),
    ("workdays: [mon, tue, wed, thu, fri]", "workdays: [mon]"),
    ("workdays: [mon, tue, wed, thu, fri]", "workdays: [mon, mon, mon]"),
    ("workdays: [mon, tue, wed, thu, fri]", "workdays: [mon, tue, wed, thu, fri, sat, sun]"),
    ("timezone: Asia/Shanghai", "timezone: UTC"),
    ("timezone: Asia/Shanghai", "timezone: Pacific/Kiritimati"),
    ("timezone: Asia/Shanghai", "timezone: Etc/GMT+12"),
    ("timezone: Asia/Shanghai", "timezone: America/St_Johns"),
    ("timezone: Asia/Shanghai", "timezone: Europe/London"),
    ("timezone: Asia/Shanghai", "timezone: asia/shanghai"),
    ("warn_within: 0.25", "warn_within: 0"),
    ("warn_within: 0.25", "warn_within: 1"),
    ("warn_within: 0.25", "warn_within: 0.999999"),
    ("warn_within: 0.25", "warn_within: 2"),
    ("demo_as_of: 2026-11-20T17:00:00+08:00", "demo_as_of: 2999-12-31T23:59:59-23:59"),
    ("demo_as_of: 2026-11-20T17:00:00+08:00", "demo_as_of: 1900-01-01"),
]

KINDS = [
    "delete_key", "duplicate_key", "retype", "bad_date", "shift_date", "swap_value", "swap_id",
    "empty_file", "only_comment", "doc_separator", "deep_nesting", "long_list", "long_string",
    "unicode", "truncate", "flip_byte", "invalid_utf8", "symlink", "fifo", "copy_elsewhere",
    "odd_duration", "policy_edit", "delete_file", "folder_in_place", "rename", "encoding",
]  # fmt: skip
# The same text in other line breaks and encodings.
ENCODINGS = {
    "CRLF": lambda d: d.replace(b"\n", b"\r\n"),
    "CR": lambda d: d.replace(b"\n", b"\r"),
    "CRLF and LF": lambda d: d.replace(b"\n", b"\r\n", 3),
    "BOM": lambda d: b"\xef\xbb\xbf" + d,
    "two BOMs": lambda d: b"\xef\xbb\xbf\xef\xbb\xbf" + d,
    "UTF-16": lambda d: d.decode("utf-8").encode("utf-16"),
    "UTF-16-LE": lambda d: d.decode("utf-8").encode("utf-16-le"),
    "UTF-32": lambda d: d.decode("utf-8").encode("utf-32"),
    "GB18030": lambda d: d.decode("utf-8").encode("gb18030"),
    "trailing blanks": lambda d: d.replace(b"\n", b" \t\n"),
    "tabs": lambda d: d.replace(b"\n  ", b"\n\t"),
}
# A record renamed: another extension or case, a backup's name, hidden, a space in it.
RENAMES = [
    lambda n: n.rsplit(".", 1)[0] + ".yml", lambda n: n.upper(), lambda n: n + ".bak",
    lambda n: n + "~", lambda n: "." + n, lambda n: n.replace("-", " ", 1),
    lambda n: n.rsplit(".", 1)[0] + ".YAML",
]  # fmt: skip
# Mutations that may keep a record valid are drawn three times as often: only they take
# something unusual past the lint gate into sla, report, export and the handbook.
SEMANTIC_KINDS = [
    "shift_date", "swap_value", "swap_id", "delete_key", "copy_elsewhere", "odd_duration",
    "policy_edit",
]  # fmt: skip
WEIGHTED_KINDS = KINDS + SEMANTIC_KINDS * 2

# The seeds CI runs: 0-37, and 40, 51 and 142, the first after them to flip a byte, to nest a
# value deeply and to change a duration.
SEEDS = [*range(38), 40, 51, 142]


# --- the agency and its mutations --------------------------------------------------------------


@dataclass
class Mutation:
    """One file changed: ``data`` written to ``rel`` (a link to ``target``, or a FIFO)."""

    rel: str
    kind: str
    detail: str
    data: bytes | None = None
    target: str | None = None
    new_file: bool = False

    def describe(self) -> str:
        return f"{self.rel}: {self.kind} {self.detail}"


@dataclass
class Agency:
    """A records folder as written, and what mutations draw from: values seen per key, ids."""

    records: Path
    files: list[str]
    originals: dict[str, bytes]
    values_by_key: dict[str, list[str]] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    clients: list[str] = field(default_factory=list)


def survey(records: Path) -> Agency:
    files = sorted(p.relative_to(records).as_posix() for p in records.rglob("*") if p.is_file())
    originals = {rel: (records / rel).read_bytes() for rel in files}
    values: dict[str, set[str]] = {}
    for data in originals.values():
        for line in data.decode("utf-8", "replace").splitlines():
            m = KEY_LINE.match(line)
            if m and m["value"] and not m["value"].startswith(("|", ">", "#")):
                values.setdefault(m["key"], set()).add(m["value"])
    return Agency(
        records,
        files,
        originals,
        values_by_key={key: sorted(seen) for key, seen in sorted(values.items())},
        ids=sorted(values.get("id", ())),
        clients=sorted({rel.split("/")[1] for rel in files if rel.startswith("clients/")}),
    )


def write_demo(folder: Path, silenced: bool) -> Agency:
    """The demo agency in ``folder``; ``silenced``: every HB3xx-HB6xx code a warning."""
    result = CliRunner().invoke(cli, ["demo", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    records = folder / "records"
    if silenced:
        codes = [f"HB{group}{n:02d}" for group in (3, 4, 5, 6) for n in range(1, 12)]
        codes = [code for code in codes if code not in ("HB301", "HB302")]  # never silenced
        lines = "".join(f"    {code}: warning\n" for code in codes)
        policy = records / "policy.yaml"
        policy.write_bytes(policy.read_bytes() + f"\nlint:\n  severity:\n{lines}".encode())
    return survey(records)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(lines: list[str], i: int) -> int:
    """The index after line ``i``'s block: it and the lines below that belong to it."""
    own = _indent(lines[i]) + (2 if lines[i].lstrip(" ").startswith("- ") else 0)
    opens_block = lines[i].rstrip().endswith(":")
    j = i + 1
    while j < len(lines):
        line = lines[j]
        item_of_block = opens_block and _indent(line) == own and line.lstrip().startswith("- ")
        if line.strip() and _indent(line) <= own and not item_of_block:
            break
        j += 1
    return j


def _with_value(lines: list[str], i: int, value: str) -> list[str]:
    """The lines with line ``i``'s value (and its block) replaced by ``value``."""
    m = KEY_LINE.match(lines[i])
    is_block = not m["value"] or m["value"].startswith(("|", ">"))
    end = _block_end(lines, i) if is_block else i + 1
    if "\n" not in value.rstrip("\n"):
        return [*lines[:i], f"{m['indent']}{m['key']}: {value}\n", *lines[end:]]
    indent = " " * (len(m["indent"]) + 2)
    body = [indent + part + "\n" for part in value.rstrip("\n").split("\n")]
    if value.startswith("|"):  # a block scalar's indicator stays on the key's line
        head = f"{m['indent']}{m['key']}: |\n"
        return [*lines[:i], head, *body[1:], *lines[end:]]
    return [*lines[:i], f"{m['indent']}{m['key']}:\n", *body, *lines[end:]]


def _key_lines(lines: list[str], want=lambda m: True) -> list[int]:
    return [
        i
        for i, line in enumerate(lines)
        if (m := KEY_LINE.match(line)) and not line.lstrip().startswith("#") and want(m)
    ]


def _plain_value(m: re.Match) -> str:
    return m["value"].split(" #")[0].strip()


def _moved_date(rng: random.Random, old: str) -> str:
    year = rng.choice([1900, 1901, 2000, 2024, 2025, 2026, 2026, 2027, 2998, 2999])
    value = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if "T" in old:
        offset = rng.choice(["+08:00", "+23:59", "-23:59", "+00:00", "-05:00", "+14:00"])
        value += f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00{offset}"
    return value


def _nested(rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([50, 200, 1000, 5000])
    style = rng.choice(["flow_list", "flow_map", "block"])
    if style == "flow_list":
        return "[" * depth + "]" * depth, f"{style} {depth} deep"
    if style == "flow_map":
        return "{a: " * depth + "1" + "}" * depth, f"{style} {depth} deep"
    depth = min(depth, 400)
    return "\n".join("  " * d + "a:" for d in range(depth)) + " 1", f"{style} {depth} deep"


def _long_list(rng: random.Random) -> tuple[str, str]:
    item = rng.choice(["x", "req-2026-001", "2026-11-20", "1"])
    if rng.random() < 0.5:
        return "[" + ", ".join([item] * 10_000) + "]", f"flow list of 10,000 {item}"
    return "\n".join(f"- {item}" for _ in range(10_000)), f"block list of 10,000 {item}"


def _long_string(rng: random.Random) -> tuple[str, str]:
    size = rng.choice([100_000, 1_100_000])
    word = rng.choice(["x", "ab ", "a.", "中", "x@", "(at) "])
    return word * (size // len(word.encode())), f"{size:,} bytes of {word!r}"


def _unicode(rng: random.Random, old: str) -> tuple[str, str]:
    weird = rng.choice(UNICODE)
    if rng.random() < 0.5 and old and not weird.startswith('"'):
        at = rng.randrange(len(old) + 1)
        weird = old[:at] + weird + old[at:]
    return weird, repr(weird)


def _swapped_id(rng: random.Random, agency: Agency, old: str) -> str:
    prefix = old.split("-")[0]
    same = [other for other in agency.ids if other.startswith(prefix + "-") and other != old]
    if rng.random() < 0.8:
        return rng.choice(same or agency.ids)
    return f"{prefix}-2026-999"  # an id no record has


def _new_value(rng: random.Random, agency: Agency, kind: str, lines: list[str]):
    """(line index, new value, detail) for a mutation of one value, or None."""
    if kind in ("bad_date", "shift_date"):
        candidates = _key_lines(lines, lambda m: DATE.fullmatch(_plain_value(m)) is not None)
    elif kind == "swap_id":
        candidates = _key_lines(lines, lambda m: ID_LIKE.fullmatch(_plain_value(m)) is not None)
    elif kind == "odd_duration":
        candidates = _key_lines(lines, lambda m: DURATION.search(m["value"]) is not None)
    else:
        candidates = _key_lines(lines)
    if not candidates:
        return None
    i = rng.choice(candidates)
    m = KEY_LINE.match(lines[i])
    if kind == "retype":
        value = rng.choice(RETYPED)
    elif kind == "bad_date":
        value = rng.choice(BAD_DATES)
    elif kind == "shift_date":
        value = _moved_date(rng, _plain_value(m))
    elif kind == "swap_id":
        value = _swapped_id(rng, agency, _plain_value(m))
    elif kind == "swap_value":
        value = rng.choice(agency.values_by_key.get(m["key"]) or ["x"])
    elif kind == "odd_duration":  # one goal of a flow mapping `{strategic: 1bd, …}`, or all
        value = DURATION.sub(rng.choice(ODD_DURATIONS), m["value"], count=rng.choice([0, 1]))
    elif kind == "deep_nesting":
        return (i, *_nested(rng))
    elif kind == "long_list":
        return (i, *_long_list(rng))
    elif kind == "long_string":
        return (i, *_long_string(rng))
    else:  # unicode
        return (i, *_unicode(rng, m["value"]))
    return i, value, repr(value[:60])


def _text_mutation(rng: random.Random, agency: Agency, kind: str, data: bytes):
    """(new bytes, detail) for a mutation of the text's lines, or None where it cannot apply."""
    try:
        lines = data.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None
    if kind == "doc_separator":
        i = rng.randrange(1, max(2, len(lines)))
        separator = rng.choice(["---\n", "...\n", "--- \n", "---\n---\n"])
        return "".join([*lines[:i], separator, *lines[i:]]).encode(), f"before line {i + 1}"
    if kind in ("delete_key", "duplicate_key"):
        keys = _key_lines(lines)
        if not keys:
            return None
        i = rng.choice(keys)
        end = _block_end(lines, i)
        block = [*lines[i:end]]
        block[-1] = block[-1] if block[-1].endswith("\n") else block[-1] + "\n"
        if kind == "delete_key":
            new = [*lines[:i], *lines[end:]]
        elif rng.random() < 0.5:  # the same key and value again
            new = [*lines[:end], *block, *lines[end:]]
        else:  # the same key with a value of another type
            new = [*lines[:end], *_with_value(block, 0, rng.choice(RETYPED)), *lines[end:]]
        return "".join(new).encode(), f"line {i + 1} {lines[i].strip()[:40]!r}"
    changed = _new_value(rng, agency, kind, lines)
    if changed is None:
        return None
    i, value, detail = changed
    text = "".join(_with_value(lines, i, value))
    return text.encode("utf-8", "surrogatepass"), f"line {i + 1} -> {detail}"


def _byte_mutation(rng: random.Random, kind: str, data: bytes) -> tuple[bytes, str]:
    if kind == "truncate":
        at = rng.randrange(len(data) + 1)
        return data[:at], f"at byte {at}"
    if kind == "flip_byte":
        if not data:
            return b"\x00", "a NUL in an empty file"
        at = rng.randrange(len(data))
        new = data[at] ^ rng.randrange(1, 256)
        return data[:at] + bytes([new]) + data[at + 1 :], f"byte {at} -> {new:#04x}"
    bad = rng.choice(INVALID_UTF8)
    at = rng.randrange(len(data) + 1)
    return data[:at] + bad + data[at:], f"{bad!r} at byte {at}"


def _copy_elsewhere(rng: random.Random, agency: Agency, rel: str) -> Mutation | None:
    """A client's record copied into another client's folder, under its name or another."""
    if not rel.startswith("clients/") or rel.endswith("/client.yaml"):
        return None
    parts = rel.split("/")
    other = rng.choice(agency.clients)
    name = "x" + parts[-1] if rng.random() < 0.3 else parts[-1]
    new_rel = "/".join(["clients", other, *parts[2:-1], name])
    new_file = new_rel not in agency.originals
    return Mutation(
        new_rel, "copy_elsewhere", f"copy of {rel}", agency.originals[rel], None, new_file
    )


def _mutation(rng: random.Random, agency: Agency, rel: str, kind: str) -> Mutation | None:
    data = agency.originals[rel]
    if kind == "empty_file":
        return Mutation(rel, kind, "", rng.choice([b"", b"\n", b"   \n", b"\xef\xbb\xbf"]))
    if kind == "only_comment":
        return Mutation(rel, kind, "", b"# only a comment\n")
    if kind in ("truncate", "flip_byte", "invalid_utf8"):
        new, detail = _byte_mutation(rng, kind, data)
        return Mutation(rel, kind, detail, new)
    if kind == "symlink":
        target = rng.choice(agency.files)
        return Mutation(rel, kind, f"-> {target}", None, target)
    if kind in ("fifo", "delete_file", "folder_in_place"):
        return Mutation(rel, kind, "")
    if kind == "encoding":
        name = rng.choice(sorted(ENCODINGS))
        return Mutation(rel, kind, name, ENCODINGS[name](data))
    if kind == "rename":
        folder, _, name = rel.rpartition("/")
        new_name = rng.choice(RENAMES)(name)
        new_rel = f"{folder}/{new_name}" if folder else new_name
        return Mutation(rel, kind, f"-> {new_name}", None, new_rel)
    if kind == "policy_edit":  # whichever file was drawn: the policy is one file of hundreds
        policy = agency.originals["policy.yaml"].decode("utf-8")
        old, new = rng.choice([(o, n) for o, n in POLICY_EDITS if o in policy] or [("", "")])
        return Mutation("policy.yaml", kind, repr(new), policy.replace(old, new, 1).encode())
    if kind == "copy_elsewhere":
        return _copy_elsewhere(rng, agency, rel)
    changed = _text_mutation(rng, agency, kind, data)
    return Mutation(rel, kind, changed[1], changed[0]) if changed else None


def draw(rng: random.Random, agency: Agency) -> list[Mutation]:
    """One to three mutations of distinct files, every choice from ``rng``."""
    wanted = rng.choice([1, 1, 1, 2, 2, 3])
    chosen: dict[str, Mutation] = {}
    for _ in range(50):  # a draw that cannot apply (no date in the file) is drawn again
        if len(chosen) == wanted:
            break
        mutation = _mutation(rng, agency, rng.choice(agency.files), rng.choice(WEIGHTED_KINDS))
        if mutation is not None and mutation.rel not in chosen:
            chosen[mutation.rel] = mutation
    return list(chosen.values())


def apply(agency: Agency, mutations: list[Mutation]) -> None:
    for mutation in mutations:
        path = agency.records / mutation.rel
        path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        if mutation.kind == "symlink":
            os.symlink(agency.records / mutation.target, path)
        elif mutation.kind == "fifo":
            os.mkfifo(path)
        elif mutation.kind == "folder_in_place":
            path.mkdir()
        elif mutation.kind == "rename":
            (agency.records / mutation.target).write_bytes(agency.originals[mutation.rel])
        elif mutation.kind != "delete_file":
            path.write_bytes(mutation.data)


def restore(agency: Agency, mutations: list[Mutation]) -> None:
    """The records as written: mutated files rewritten, new files and folders removed."""
    for mutation in mutations:
        path = agency.records / mutation.rel
        if mutation.kind == "rename":
            (agency.records / mutation.target).unlink(missing_ok=True)
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        path.unlink(missing_ok=True)
        if not mutation.new_file:
            path.write_bytes(agency.originals[mutation.rel])
            continue
        folder = path.parent
        while folder != agency.records and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


# --- running the commands and checking their answers -------------------------------------------


def snapshot(records: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every file and folder below ``records``: type and mode, size, modification time, inode."""
    seen = {}
    for folder, folders, files in os.walk(records):
        for name in folders + files:
            path = Path(folder, name)
            st = path.lstat()
            key = path.relative_to(records).as_posix()
            seen[key] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino)
    return seen


class Positions:
    """Whether a line and column lie inside a file (the project-relative name lint prints)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines: dict[str, list[str]] = {}

    def lines(self, file: str) -> list[str]:
        if file not in self._lines:
            path = self.root / file
            data = b""
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()[:2_000_000]  # past the 1 MiB limit nothing is read
            self._lines[file] = re.split(r"\r\n|\r|\n", data.decode("utf-8", "replace"))
        return self._lines[file]

    def inside(self, file: str, line: int, column: int) -> bool:
        """Line 1 … the last (the empty one after a final line break counts); column 1 … just
        after the line's end, counted in characters or, for a file that is not UTF-8, bytes."""
        lines = self.lines(file)
        if not 1 <= line <= len(lines):
            return False
        text = lines[line - 1]
        return 1 <= column <= max(len(text), len(text.encode("utf-8", "surrogatepass"))) + 1


@dataclass
class Outcome:
    command: str
    exit_code: int
    output: str
    stdout: str
    crash: str | None


def invoke(args: list[str]) -> Outcome:
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    crash = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(*result.exc_info))
    return Outcome(" ".join(args[:2]), result.exit_code, result.output, result.stdout, crash)


def commands(records: Path, scratch: Path, client: str) -> list[list[str]]:
    common = ["--records", str(records), "--as-of", AS_OF]
    return [
        ["lint", "--format", "json", "--jobs", "1", *common],
        ["lint", "--format", "json", "--jobs", "2", *common],
        ["sla", "--all", "--format", "json", "--jobs", "1", *common],
        ["report", "--format", "json", "--jobs", "1", *common],
        ["export", "--sqlite", str(scratch / "export.db"), "--jobs", "1", *common],
        ["show", client, *common],
        ["progress", client, "--jobs", "1", *common],
        ["calendar", "--all", "--jobs", "1", *common],
        ["handbook", "--out", str(scratch / "handbook"), "--jobs", "1", *common],
    ]


GATE_FILE = re.compile(r"^records/\S.*$")
GATE_POSITION = re.compile(r"^\s+(?P<line>\d+):(?P<column>\d+)\s+(error|warning)\s")
LOCATION = re.compile(r"(?P<file>records/[\w./-]+):(?P<line>\d+):(?P<column>\d+)")


def _outcome_failures(out: Outcome, positions: Positions) -> list[str]:
    failures = []
    if out.crash:
        failures.append(f"{out.command}: exception\n{out.crash}")
    if out.exit_code not in (0, 1, 2):
        failures.append(f"{out.command}: exit status {out.exit_code}")
    if "Traceback" in out.output:
        failures.append(f"{out.command}: a traceback in the output\n{out.output[-3000:]}")
    file = None
    for line in out.output.splitlines():  # the gate's problems, grouped under their file
        if GATE_FILE.match(line):
            file = line.strip()
            continue
        at = GATE_POSITION.match(line)
        if at and file and not positions.inside(file, int(at["line"]), int(at["column"])):
            failures.append(f"{out.command}: {file}:{at['line']}:{at['column']} is no place")
    for at in LOCATION.finditer(out.output):  # file:line:column anywhere (a refusal's)
        if not positions.inside(at["file"], int(at["line"]), int(at["column"])):
            failures.append(f"{out.command}: {at[0]} is no place")
    return failures


def _lint_failures(one: Outcome, two: Outcome, positions: Positions) -> list[str]:
    failures = []
    if (one.exit_code, one.stdout) != (two.exit_code, two.stdout):
        failures.append(
            f"lint --jobs 1 and --jobs 2 differ\n--- 1 (exit {one.exit_code})\n"
            f"{one.output[-3000:]}\n--- 2 (exit {two.exit_code})\n{two.output[-3000:]}"
        )
    try:
        problems = json.loads(one.stdout)["problems"]
    except (ValueError, KeyError, TypeError):
        return [*failures, f"lint --format json printed no JSON:\n{one.output[-2000:]}"]
    for p in problems:
        if not positions.inside(p["file"], p["line"], p["column"]):
            where = f"{p['file']}:{p['line']}:{p['column']}"
            failures.append(f"lint: {where} is no place ({p['code']} {p['message'][:120]})")
    return failures


def failures_of(agency: Agency, mutations: list[Mutation], scratch: Path) -> list[str]:
    """Every broken promise of the commands over the mutated records."""
    client = next(
        (m.rel.split("/")[1] for m in mutations if m.rel.startswith("clients/")), "northwind-cloud"
    )
    before = snapshot(agency.records)
    positions = Positions(agency.records.parent)
    outcomes = [invoke(args) for args in commands(agency.records, scratch, client)]
    failures = [f for out in outcomes for f in _outcome_failures(out, positions)]
    failures += _lint_failures(outcomes[0], outcomes[1], positions)
    export = outcomes[4]
    if export.exit_code != 0 and (scratch / "export.db").exists():
        failures.append(f"export refused (exit {export.exit_code}) but left its file")
    if snapshot(agency.records) != before:
        failures.append("the commands changed something below records/")
    return failures


def mutations_of(seed: int, agencies: dict[bool, Agency]) -> tuple[Agency, list[Mutation]]:
    """The agency (silenced or not) and the mutations of ``seed``."""
    rng = random.Random(seed)
    agency = agencies[rng.random() < 0.5]
    return agency, draw(rng, agency)


def fuzz_one(seed: int, agencies: dict[bool, Agency], scratch: Path) -> tuple[list, list[str]]:
    """The mutations of ``seed`` and what failed; the records are restored afterwards."""
    agency, mutations = mutations_of(seed, agencies)
    apply(agency, mutations)
    try:
        return mutations, failures_of(agency, mutations, scratch)
    finally:
        restore(agency, mutations)


# --- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def agencies(tmp_path_factory) -> dict[bool, Agency]:
    folder = tmp_path_factory.mktemp("fuzz")
    return {silenced: write_demo(folder / str(silenced), silenced) for silenced in (False, True)}


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_records(agencies, tmp_path, seed):
    mutations, failures = fuzz_one(seed, agencies, tmp_path)
    assert not failures, "\n".join(
        [f"seed {seed}:", *(m.describe() for m in mutations), "", *failures]
    )


def test_the_seeds_draw_every_kind(agencies):
    drawn = {m.kind for seed in SEEDS for m in mutations_of(seed, agencies)[1]}
    assert drawn == set(KINDS)


def test_a_seed_is_the_same_mutation_every_time(agencies):
    agency = agencies[False]
    first, second = draw(random.Random(7), agency), draw(random.Random(7), agency)
    assert [(m.rel, m.kind, m.data, m.target) for m in first] == [
        (m.rel, m.kind, m.data, m.target) for m in second
    ]
    assert first != draw(random.Random(8), agency)


def test_positions_outside_a_file_are_caught(tmp_path):
    # "ab\ncd" has two lines of two characters: 2:3 is just after the end, 3:1 is no line,
    # 1:4 is past the first line's end.
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "x.yaml").write_text("ab\ncd")
    positions = Positions(tmp_path)
    assert positions.inside("records/x.yaml", 2, 3)
    assert not positions.inside("records/x.yaml", 3, 1)
    assert not positions.inside("records/x.yaml", 1, 4)
    assert not positions.inside("records/x.yaml", 0, 1)


def test_a_mutation_is_undone(agencies):
    agency = agencies[True]
    before = snapshot(agency.records)
    rel = "clients/northwind-cloud/requirements/req-2026-019.yaml"
    mutations = [
        Mutation(rel, "fifo", ""),
        Mutation("clients/jadepay/plans/x/new.yaml", "copy_elsewhere", "", b"id: x\n", None, True),
    ]
    apply(agency, mutations)
    assert snapshot(agency.records) != before
    restore(agency, mutations)
    assert {k: v[:2] for k, v in snapshot(agency.records).items()} == {
        k: v[:2] for k, v in before.items()
    }


# --- longer runs, by hand ----------------------------------------------------------------------


def main(first: int, count: int, log: Path | None) -> int:
    """Seeds ``first`` … ``first + count - 1``; each failing seed as a JSON line in ``log``."""
    work = Path(tempfile.mkdtemp(prefix="hirebook-fuzz-"))
    try:
        return _run(first, count, log, work)
    finally:
        shutil.rmtree(work)


def _run(first: int, count: int, log: Path | None, work: Path) -> int:
    agencies = {silenced: write_demo(work / str(silenced), silenced) for silenced in (False, True)}
    scratch = work / "scratch"
    kinds: dict[str, int] = {}
    failing = 0
    start = time.monotonic()
    for n, seed in enumerate(range(first, first + count)):
        scratch.mkdir()
        mutations, failures = fuzz_one(seed, agencies, scratch)
        shutil.rmtree(scratch)
        for mutation in mutations:
            kinds[mutation.kind] = kinds.get(mutation.kind, 0) + 1
        if failures:
            failing += 1
            found = {"seed": seed, "mutations": [m.describe() for m in mutations]}
            line = json.dumps({**found, "failures": failures}) + "\n"
            if log:
                with log.open("a") as handle:
                    handle.write(line)
            else:
                sys.stdout.write(line)
        if n % 20 == 19 or n == count - 1:
            print(f"{n + 1} seeds, {time.monotonic() - start:.0f} s, {failing} failing", flush=True)
    print("mutations by kind:", json.dumps(dict(sorted(kinds.items()))))
    return 1 if failing else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: test_fuzz_records.py FIRST COUNT [FAILURES.jsonl]")
    arguments = int(sys.argv[1]), int(sys.argv[2])
    sys.exit(main(*arguments, Path(sys.argv[3]) if len(sys.argv) == 4 else None))
