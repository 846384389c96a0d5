"""Find where one value stands in a record's text from its indentation alone, without YAML.

Showing a problem or a clock needs the line of one value. Composing the whole file again costs
as much as reading it; records, though, are plain block-style YAML (``hirebook new`` writes
them so), where a value's place follows from indentation: ``key:`` lines at one indent are the
keys of one mapping, ``-`` lines the items of one sequence. This module walks those lines for
one path and answers exactly what the composer would — or ``None`` as soon as the text holds
anything it does not model (tabs, flow collections or quoted text over several lines, quoted
keys, several documents), and then the caller composes. A test checks it against the composer
on every demo record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Block:
    """Lines ``[start, end)`` holding one mapping or sequence; its first entry is on line
    ``start`` at column ``column`` (0-based), the others at the same indentation."""

    start: int
    end: int
    column: int
    flow: bool = False
    """A one-line flow collection (``{a: 1}``, ``[x, y]``) starting at ``column``."""


class _Unsure(Exception):
    """The text has a construct this scanner does not model: compose instead."""


_ODD_STARTS = ("---", "...", "? ", "%")


class Lines:
    """A text's lines, each looked at only when a lookup reaches it: a record's line is usually
    wanted for one path (a clock, a problem), which visits a few of its lines."""

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")
        self.tabs = "\t" in text
        # Only a text holding one of these can have a line this scanner does not model.
        self._maybe_odd = any(mark in text for mark in _ODD_STARTS)

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, row: int) -> str:
        return self.raw[row]

    def content(self, row: int) -> str | None:
        """The line without indentation; None for blank and comment lines."""
        stripped = self.raw[row].strip(" \r")
        if not stripped or stripped[0] == "#":
            return None
        if self._maybe_odd and stripped.startswith(_ODD_STARTS):
            raise _Unsure  # several documents, complex keys, directives
        return stripped

    def indent(self, row: int) -> int:
        line = self.raw[row]
        return len(line) - len(line.lstrip(" "))


def locate(text: str | Lines, path: tuple, line_offset: int = 0) -> tuple[int, int] | None:
    """``(line, column)``, 1-based, of the value at ``path``; None when not found or unsure."""
    lines = text if isinstance(text, Lines) else Lines(text)
    if lines.tabs:
        return None
    try:
        block = _first_block(lines)
        position = (block.start, block.column)
        for depth, part in enumerate(path, start=1):
            last = depth == len(path)
            if block.flow:
                position, block = _in_flow(lines[block.start], block, part)
            elif isinstance(part, str):
                position, block = _value_of_key(lines, block, part, last)
            else:
                position, block = _item(lines, block, part, last)
    except _Unsure:
        return None
    row, column = position
    return row + 1 + line_offset, column + 1


def _first_block(lines: Lines) -> _Block:
    """The top-level mapping: from the first line that is not blank or a comment."""
    for row in range(len(lines)):
        if lines.content(row) is not None:
            return _Block(row, len(lines), lines.indent(row))
    raise _Unsure


def _content(line: str) -> str | None:
    """The line without indentation; None for blank and comment lines."""
    stripped = line.strip(" \r")
    if not stripped or stripped.startswith("#"):
        return None
    if stripped.startswith(("---", "...", "? ", "%")):
        raise _Unsure  # several documents, complex keys, directives
    return stripped


def _entries(lines: Lines, block: _Block):
    """(row, column, content) of the lines at the block's own indentation."""
    raw, own = lines.raw, block.column
    for row in range(block.start, block.end):
        if row == block.start:
            column = own
            content = _content(raw[row][column:])
        else:
            line = raw[row]
            column = len(line) - len(line.lstrip(" "))
            if column > own:
                continue  # inside an entry: only the block's own lines are looked at
            content = lines.content(row)
        if content is None:
            continue
        if column < own:
            return
        yield row, column, content


def _value_of_key(lines: Lines, block: _Block, key: str, last: bool):
    head = key + ":"
    for row, column, content in _entries(lines, block):
        if content.startswith("- ") or content == "-":
            continue  # items of a sequence written at its key's indentation
        if not (content.startswith(head) and content[len(head) : len(head) + 1] in ("", " ")):
            if content[:1] in "\"'{[":
                raise _Unsure  # a quoted key or a flow mapping: not modelled
            continue
        rest = content[len(head) :]
        value_column = column + len(head) + (len(rest) - len(rest.lstrip(" ")))
        value = rest.strip(" \r")
        if value and not value.startswith("#"):
            _check_inline(value)
            flow = value[0] in "{["
            return (row, value_column), _Block(row, row, value_column, flow)
        child = _child_block(lines, row, column, block.end)
        if child is None:  # an empty value: the composer places it right after the colon
            return (row, column + len(head)), _Block(row, row, column)
        return (child.start, child.column), child
    raise _Unsure  # not there: the composer finds the nearest parent


def _item(lines: Lines, block: _Block, index: int, last: bool):
    count = -1
    for row, column, content in _entries(lines, block):
        if not (content.startswith("- ") or content == "-"):
            raise _Unsure
        count += 1
        if count != index:
            continue
        rest = content[1:]
        value = rest.strip(" \r")
        value_column = column + 1 + (len(rest) - len(rest.lstrip(" ")))
        if value and not value.startswith("#"):
            if value.startswith("- "):
                raise _Unsure  # a sequence inside an item on one line: not modelled
            _check_inline(value)
            end = _block_end(lines, row + 1, column, block.end, items_at=-1)
            return (row, value_column), _Block(row, end, value_column, value[0] in "{[")
        child = _child_block(lines, row, column, block.end)
        if child is None:
            return (row, column + 1), _Block(row, row, column)
        return (child.start, child.column), child
    raise _Unsure  # not there: the composer finds the nearest parent


def _child_block(lines: Lines, row: int, column: int, end: int) -> _Block | None:
    """The nested block below the entry on ``row`` at ``column``, or None (an empty value)."""
    for next_row in range(row + 1, end):
        content = lines.content(next_row)
        if content is None:
            continue
        indent = lines.indent(next_row)
        if indent > column or (indent == column and (content.startswith("- ") or content == "-")):
            stop = _block_end(lines, next_row + 1, column, end, items_at=indent)
            return _Block(next_row, stop, indent)
        return None
    return None


def _block_end(lines: Lines, start: int, parent: int, end: int, items_at: int) -> int:
    """The first line after ``start`` that leaves a block nested under column ``parent``."""
    for row in range(start, end):
        content = lines.content(row)
        if content is None:
            continue
        indent = lines.indent(row)
        if indent > parent:
            continue
        if indent == parent == items_at and (content.startswith("- ") or content == "-"):
            continue  # the next item of a sequence written at its key's indentation
        return row
    return end


def _in_flow(line: str, block: _Block, part: object):
    """The value at ``part`` (a key or an index) of the flow collection at ``block.column``."""
    opening = line[block.column]
    if (opening == "{") != isinstance(part, str):
        raise _Unsure  # a key into a list or an index into a mapping: not in the data
    for number, (start, end) in enumerate(_flow_items(line, block.column)):
        value_start = start
        if opening == "{":
            colon = line.find(":", start, end)
            if colon == -1 or line[start] in "\"'" or line[start:colon].rstrip() != part:
                continue
            value_start = (
                colon + 1 + (len(line[colon + 1 : end]) - len(line[colon + 1 : end].lstrip()))
            )
        elif number != part:
            continue
        if value_start >= end:
            raise _Unsure  # an empty value: its position is not modelled
        return (block.start, value_start), _Block(
            block.start, block.start, value_start, line[value_start] in "{["
        )
    raise _Unsure


def _flow_items(line: str, start: int) -> list[tuple[int, int]]:
    """Spans of the top-level items of the flow collection opening at ``start``."""
    items, item_start, depth, index = [], None, 0, start + 1
    while index < len(line):
        char = line[index]
        if char in "\"'" and line[:index].rstrip()[-1:] in ("{", "[", ",", ":"):
            # A quote opens a quoted scalar only where a scalar starts ("Fang Qing's" is plain).
            item_start = index if item_start is None else item_start
            index = _after_quoted(line, index)
            continue
        if char in "{[":
            depth += 1
        elif char in "}]":
            if depth == 0:
                if item_start is not None:
                    items.append((item_start, len(line[:index].rstrip())))
                return items
            depth -= 1
        elif char == "," and depth == 0:
            if item_start is None:
                raise _Unsure
            items.append((item_start, len(line[:index].rstrip())))
            item_start = None
            index += 1
            continue
        if char != " " and item_start is None:
            item_start = index
        index += 1
    raise _Unsure  # not closed on this line


def _after_quoted(line: str, start: int) -> int:
    """The index after the quoted scalar opening at ``start`` (``\\"`` and ``''`` escapes)."""
    quote, index = line[start], start + 1
    while index < len(line):
        if quote == '"' and line[index] == "\\":
            index += 2
            continue
        if line[index] == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 1
    raise _Unsure


def _check_inline(value: str) -> None:
    """Refuse inline values that may run over several lines (their rows are not modelled)."""
    first = value[0]
    if first in "&*!":
        raise _Unsure
    closing = {"{": "}", "[": "]", '"': '"', "'": "'"}.get(first)
    if closing is not None:
        body = value.split(" #")[0].rstrip() if first in "{[" else value.rstrip()
        if len(body) < 2 or not body.endswith(closing):
            raise _Unsure
