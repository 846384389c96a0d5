"""Dates added to ``policy.yaml``'s calendar, keeping everything else as it was written.

The one place where hirebook edits a record a person wrote. ruamel.yaml's round trip writes
the new dates (it keeps comments, order, quotes and flow or block style), and only over the
``calendar:`` block: every line outside it stays byte for byte as it was. hirebook never
*reads* records with ruamel.yaml: the result is read back with hirebook's own reader and must
say exactly what the old text said, plus the new dates — or nothing is written.

A new date goes where it sorts among the list's dates, with its name as an end-of-line comment
in a block list. Comment lines that stood between two dates stay before the later one (a
``# 2025`` heading stays above 2025's first date); a year the list did not have gets a heading
of its own when the list already has year headings. Nothing is ever removed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hirebook.public_holidays import Day

LISTS = ("holidays", "extra_workdays")
_TOP_KEY = re.compile(r"^calendar[ \t]*:(?:[ \t]|$)")
_BLOCK_ITEM = re.compile(r"^[ \t]*- ", re.MULTILINE)
_COMMENT = re.compile(r"[ \t]*#[^\n]*")  # taken out for guessing the indentation only
_YEAR_HEADING = re.compile(r"^\s*#\s*(\d{4})\b")
_NAME_COLUMN = 20  # where the demo's names start: `    - 2026-01-01    # New Year`


class PolicyEditError(ValueError):
    """The calendar cannot be edited safely; ``line`` (1-based) is where, when known."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Edit:
    text: str
    """The whole new text of ``policy.yaml``."""
    added: dict[str, list[date]]
    """The dates actually added, per list (those already there are not)."""


def add_dates(text: str, additions: dict[str, Sequence[Day]]) -> Edit:
    """``text`` (a ``policy.yaml``) with ``additions`` (``holidays`` / ``extra_workdays`` →
    days) in its ``calendar:``; dates already listed are left alone. A file written with CRLF
    line breaks keeps them."""
    if "\r\n" in text:
        return _with_crlf(text, additions)
    start, end = _calendar_block(text)
    block = text[start:end]
    yaml, data = _load(block, _line_of(text, start))
    calendar = data.get("calendar") if hasattr(data, "get") else None
    if not hasattr(calendar, "get"):
        raise PolicyEditError("`calendar` is not a mapping", _line_of(text, start))
    added: dict[str, list[date]] = {}
    for key in LISTS:
        days = additions.get(key) or []
        if days:
            added[key] = _add(calendar, key, days)
    if not any(added.values()):
        return Edit(text, added)
    out = io.StringIO()
    yaml.dump(data, out)
    new = text[:start] + out.getvalue() + text[end:]
    _same_but_added(text, new, added)
    return Edit(new, added)


def _with_crlf(text: str, additions: dict[str, Sequence[Day]]) -> Edit:
    """:func:`add_dates` for a file with CRLF line breaks: the edit is made on its LF text,
    and only the calendar block goes back, with the line break of its first line; every other
    line keeps its own (a file of CRLF and LF lines was written back all CRLF)."""
    plain = text.replace("\r\n", "\n")
    edit = add_dates(plain, additions)
    if edit.text == plain:
        return Edit(text, edit.added)
    start, end = _calendar_block(plain)
    block = edit.text[start : len(edit.text) - (len(plain) - end)]
    # Lines as `plain` counts them: splitlines would also break at a lone CR (`…\r\r\n`, a
    # blank line to YAML), and the lines kept around the block would be off by one.
    lines = text.split("\n")
    first, after = plain.count("\n", 0, start), plain.count("\n", 0, end)
    if lines[first].endswith("\r"):
        block = block.replace("\n", "\r\n")
    new = "".join(f"{line}\n" for line in lines[:first]) + block + "\n".join(lines[after:])
    _same_but_added(text, new, edit.added)
    return Edit(new, edit.added)


def _same_but_added(old: str, new: str, added: dict[str, list[date]]) -> None:
    """hirebook's own reader must read ``new`` as ``old`` plus the added dates, each list in
    its old order with the new dates among them; else the edit is refused."""
    from hirebook.records import yamlread

    try:
        before, after = yamlread.parse(old).data, yamlread.parse(new).data
    except (yamlread.LoadProblem, yamlread.LoadFailed) as err:
        raise PolicyEditError(f"the edited calendar would not read back: {err}") from None
    calendar_before = dict(before.get("calendar") or {})
    calendar_after = dict(after.get("calendar") or {})
    for key in LISTS:
        old_list = [str(day) for day in calendar_before.pop(key, None) or []]
        new_list = [str(day) for day in calendar_after.pop(key, None) or []]
        wanted = sorted(day.isoformat() for day in added.get(key, []))
        kept = [day for day in new_list if day not in wanted]
        if kept != old_list or sorted(set(new_list) - set(old_list)) != wanted:
            raise PolicyEditError(f"the edit would change `calendar.{key}` beyond the new dates")
    rest_before = {k: v for k, v in before.items() if k != "calendar"}
    rest_after = {k: v for k, v in after.items() if k != "calendar"}
    if calendar_before != calendar_after or rest_before != rest_after:
        raise PolicyEditError("the edit would change the policy beyond the calendar's dates")


# --- the calendar block ---------------------------------------------------------------------


def _calendar_block(text: str) -> tuple[int, int]:
    """Offsets of the top-level ``calendar:`` entry: its key line through its last line that
    is not blank or a comment (comments after it belong to what follows)."""
    lines = text.splitlines(keepends=True)
    offset, start, end = 0, None, None
    for line in lines:
        stripped = line.strip()
        if start is None:
            if _TOP_KEY.match(line):
                start, end = offset, offset + len(line)
        elif stripped and not line[0].isspace() and not stripped.startswith("#"):
            break  # the next top-level key
        elif stripped and not stripped.startswith("#"):
            end = offset + len(line)
        offset += len(line)
    if start is None or end is None:
        raise PolicyEditError("policy.yaml has no top-level `calendar:`; add one first")
    if not text[:end].endswith("\n"):  # the file's last line, without a line break
        raise PolicyEditError("policy.yaml must end with a line break", _line_of(text, end))
    return start, end


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _load(block: str, first_line: int):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        if _BLOCK_ITEM.search(block):
            # Guessed without comments: one after `holidays:` made it guess (6, 4) for
            # `    - 2026-01-01`, and every date's line was written again further right.
            _, indent, dash = load_yaml_guess_indent(_COMMENT.sub("", block))
        else:  # no list of lines yet: write one as the demo does, `    - 2026-01-01`
            indent, dash = 4, 2
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096  # never fold a line the person wrote on one
        yaml.indent(mapping=_mapping_indent(block), sequence=indent or 2, offset=dash or 0)
        return yaml, yaml.load(block)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        raise PolicyEditError(f"the calendar cannot be read: {err.problem}", line, column) from None


def _mapping_indent(block: str) -> int:
    for line in block.splitlines()[1:]:
        if line.strip() and not line.lstrip().startswith("#"):
            return len(line) - len(line.lstrip(" ")) or 2
    return 2


# --- one list ---------------------------------------------------------------------------------


def _add(calendar, key: str, days: Sequence[Day]) -> list[date]:
    from ruamel.yaml.comments import CommentedSeq

    items = calendar.get(key)
    if items is None:
        items = CommentedSeq()
        items.fa.set_block_style()
        _insert_key(calendar, key, items)
    elif not isinstance(items, CommentedSeq):
        raise PolicyEditError(f"`calendar.{key}` is not a list")
    elif not items and items.fa.flow_style():
        items.fa.set_block_style()  # `holidays: []` becomes a list of lines, with names
    present = {_iso(item) for item in items}
    headings = _has_year_headings(items)
    added = []
    for day in sorted(days, key=lambda d: d.day):
        if day.day.isoformat() in present:
            continue
        _insert(items, day, headings)
        present.add(day.day.isoformat())
        added.append(day.day)
    if items.ca.comment and items.ca.comment[1] == []:  # its lines moved below a new date
        items.ca.comment = None
        slot = calendar.ca.items.get(key)
        if slot and len(slot) > 3:
            slot[3] = None  # the key holds the same list; an empty one is written as `-`
    return added


def _insert_key(calendar, key: str, items) -> None:
    """A missing list goes after ``hours`` (``holidays``) or ``holidays`` (``extra_workdays``)."""
    keys = list(calendar)
    after = {"holidays": ("hours", "workdays"), "extra_workdays": ("holidays", "hours")}[key]
    for name in after:
        if name in keys:
            calendar.insert(keys.index(name) + 1, key, items)
            return
    calendar[key] = items


def _iso(item: object) -> str:
    return item.isoformat() if isinstance(item, date) else str(item).strip()[:10]


def _insert(items, day: Day, headings: bool) -> None:
    """``day`` before the first later date (or at the end), with the comments moved so that
    lines that stood before the later date still do."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    index = next((i for i, item in enumerate(items) if _iso(item) > day.day.isoformat()), None)
    index = len(items) if index is None else index
    block = not items.fa.flow_style()
    column = _name_column(items)
    indent = _dash_column(items)
    # What followed the previous item — its own end-of-line comment, then the lines before
    # the next item (or after the list) — is split: the first stays, the rest moves on.
    before_next = ""
    if index > 0 and block:
        previous = items.ca.items.get(index - 1)
        token = previous[0] if previous else None
        if token is not None:
            own, _, before_next = token.value.partition("\n")
            token.value = own + "\n" if own else "\n"
            if not own:
                previous[0] = None
    elif index == 0 and block and items.ca.comment:
        before_next = _lines_above(items)
    heading = ""
    if block and headings and not _year_listed(items, day.day.year):
        heading = f"{' ' * indent}# {day.day.year}\n"
    items.insert(index, day.day)
    if not block:
        return
    if heading and index > 0:
        previous = items.ca.items.setdefault(index - 1, [None, None, None, None])
        value = previous[0].value if previous[0] is not None else "\n"
        previous[0] = CommentToken(value + heading, CommentMark(column), None)
    elif heading and items.ca.comment and items.ca.comment[0] is not None:
        items.ca.comment[0].value += heading  # the lines after the key's end-of-line comment
    elif heading:
        if items.ca.comment is None:
            items.ca.comment = [None, []]
        # The mark places the comment: its text starts at the `#`.
        items.ca.comment[1].append(CommentToken(heading.lstrip(" "), CommentMark(indent), None))
    own = f"# {_one_line(day.name)}" if day.name else ""
    value = own + "\n" + before_next
    if value != "\n":
        items.ca.items[index] = [CommentToken(value, CommentMark(column), None), None, None, None]


def _lines_above(items) -> str:
    """The comment lines between the list's key and its first date (a `# 2024` heading),
    taken away to go below a new first date, before the date they stood above. ruamel.yaml
    keeps them after the key's own end-of-line comment, or as a list of lines; the key holds
    the same token and list, so both are changed in place."""
    own, lines = items.ca.comment[0], items.ca.comment[1]
    above = ""
    if own is not None:
        own.value, _, above = own.value.partition("\n")
        own.value += "\n"
    if lines:
        above += "".join(" " * token.column + token.value for token in lines)
        lines.clear()
    return above


def _one_line(name: str) -> str:
    return " ".join(name.split())


def _has_year_headings(items) -> bool:
    tokens = [entry[0] for entry in items.ca.items.values() if entry and entry[0] is not None]
    if items.ca.comment:
        own, lines = items.ca.comment[0], items.ca.comment[1]
        tokens += ([own] if own is not None else []) + list(lines or [])
    return any(_YEAR_HEADING.match(line) for t in tokens for line in t.value.splitlines())


def _year_listed(items, year: int) -> bool:
    return any(_iso(item).startswith(f"{year}-") for item in items)


def _name_column(items) -> int:
    """The column of the names already written (the most common), else the demo's."""
    columns = [
        entry[0].column
        for entry in items.ca.items.values()
        if entry and entry[0] is not None and entry[0].value.startswith("#")
    ]
    return max(set(columns), key=columns.count) if columns else _NAME_COLUMN


def _dash_column(items) -> int:
    line = getattr(items.lc, "col", None)
    return line if isinstance(line, int) else 4
