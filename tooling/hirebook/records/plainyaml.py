"""Read the plain block-style YAML that records are written in, line by line, without libyaml.

Composing a node tree is most of what reading a record costs: libyaml builds a node and two
marks for every value, and :mod:`yamlread` walks that tree again to build the data. Records,
though, are written in a small part of YAML (``hirebook new`` and the handbook's examples write
them so): ``key: value`` lines, ``- item`` lines, indentation for nesting, one-line quoted
values and one-line flow collections (``[a, "b, c"]``, ``{must: [SQL], nice: []}``). For such
text, a value's place and meaning follow from its line alone, and :func:`read` builds the data
from the lines in a fraction of the time.

:func:`read` answers exactly what composing and :class:`yamlread._Builder` would — or ``None``
as soon as the text holds anything it does not model: block scalars (``|``, ``>``), quoted text
with escapes or over several lines, flow collections over several lines or with comments,
anchors, tags, tabs, duplicate keys, plain text continued on the next line, or anything libyaml
would refuse. Then the caller composes, so every problem is still found and worded by one
reader. Tests compare the two on every demo record, on a generated agency and on random texts
built from the tricky cases.
"""

from __future__ import annotations

import re

from hirebook.records.coreschema import SPECIAL_START as _SPECIAL_START
from hirebook.records.coreschema import resolve_plain_scalar

# Characters this reader leaves to libyaml: tabs, carriage returns and the other line breaks
# YAML knows (NEL, LS, PS), a byte-order mark inside the text, and what YAML does not allow
# at all (control characters, surrogates, U+FFFE/U+FFFF).
_NOT_MODELLED = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)

# A plain scalar cannot start with one of these (``-`` cannot when a space follows it).
_NOT_PLAIN_START = frozenset(",[]{}#&*!|>%@`?:\"'")

# Values starting otherwise are plain words, read on the quickest path.
_NOT_SIMPLE_START = _NOT_PLAIN_START | frozenset("-.[{#")

# Inside a one-line flow collection: nesting and comments are left to libyaml, and so is `?`
# (libyaml versions disagree on whether it ends a word there).
_NOT_IN_FLOW = frozenset("[]{}#?")


# Nesting deepens by at most one level per column of indentation, so a text without lines
# indented this far nests far less than yamlread.MAX_DEPTH levels (and never runs out of stack).
_DEEP = "\n" + " " * 41

# libyaml takes a key only if it is at most 1,024 characters long; record keys are far shorter.
_LONGEST_KEY = 128


class _Unsure(Exception):
    """The text has something this reader does not model: compose it instead."""


def read(text: str) -> dict | None:
    """The data of one record document, or None when the text must be composed.

    The document must be a mapping; anything else (an empty text, a list at the top) is left
    to the composer, which words the problem.
    """
    if _not_modelled(text) or _DEEP in text or text.startswith(_DEEP[1:]):
        return None
    flat = _flat(text)
    if flat is not None:
        return flat
    return _block(text)


def _block(text: str) -> dict | None:
    """:func:`read` for any text without the characters it leaves to libyaml."""
    rows = _rows(text)
    if not rows or _is_item(rows[0][1]):
        return None
    try:
        data, end = _mapping(rows, 0, rows[0][0])
    except _Unsure:
        return None
    return data if end == len(rows) else None


def _not_modelled(text: str) -> bool:
    """Whether ``text`` holds a character this reader leaves to libyaml (see _NOT_MODELLED).

    Every such character is one Python calls unprintable, and asking that of the whole text
    costs half the search: the search runs only where the quick answer is "maybe" (a text with
    a no-break or an ideographic space, say).
    """
    return not text.replace("\n", " ").isprintable() and _NOT_MODELLED.search(text) is not None


# One `key: value` line at the top level: a key as _is_key takes it (ASCII only), `: ` and the
# rest of the line. The value is checked as the mapping loop checks it, in _flat.
_FLAT_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]{0,127}): +([^\n]*)\n", re.MULTILINE)


def _flat(text: str) -> dict | None:
    """The data of a text made only of top-level ``key: value`` lines without comments, as
    :func:`_block` reads it, or None for any other text (then :func:`_block` reads it).

    Seven records in ten are such texts (a touchpoint, a candidate): one expression finds all
    their keys and values at once, and only the values are looked at one by one.
    """
    if " #" in text or "\n " in text or "\n-" in text or text[:1] in (" ", "-"):
        return None  # a comment somewhere (the mapping loop cuts it off), or nesting
    if not text.endswith("\n"):
        text += "\n"
    found = _FLAT_LINE.findall(text)
    if len(found) != text.count("\n"):
        return None  # some line is not a `key: value` line (nesting, a comment, a blank)
    result = {}
    try:
        for key, value in found:
            if value[-1:] == " ":
                value = value.rstrip(" ")
            first = value[:1]
            if not first:
                return None  # `key:` and spaces: null, or a block below (not flat)
            result[key] = _scalar(value) if first in _NOT_SIMPLE_START else _flat_word(value)
    except _Unsure:
        return None
    return result if len(result) == len(found) else None  # else a key is there twice


def _rows(text: str) -> list[tuple[int, str]]:
    """(indentation, content) of every line that is not blank or a comment."""
    rows = []
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if content and content[0] != "#":
            rows.append((len(line) - len(content), content.rstrip(" ")))
    return rows


def _is_item(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _node(rows: list, start: int, indent: int) -> tuple[object, int]:
    """The block mapping or sequence whose first line is ``rows[start]``."""
    if _is_item(rows[start][1]):
        return _sequence(rows, start, indent)
    return _mapping(rows, start, indent)


def _mapping(rows: list, start: int, indent: int) -> tuple[dict, int]:
    """The mapping whose keys stand at ``indent``, from ``rows[start]``; and the row after it.

    A ``key: word`` line is read right here: it is most lines of most records, so a call per
    line would be most of the work.
    """
    result: dict = {}
    row, count = start, len(rows)
    while row < count:
        at, content = rows[row]
        if at != indent:
            if at > indent:
                raise _Unsure  # a line continuing the previous value, or bad indentation
            break
        colon = content.find(":")
        key = content[:colon]
        if (
            not 0 < colon <= _LONGEST_KEY
            or not (key.isidentifier() or _is_key(key))  # the first test is the quick one
            or key in result
        ):
            raise _Unsure  # a quoted or spaced key, not a mapping line, or a duplicate key
        row += 1
        value = content[colon + 1 :]
        if value:
            if value[0] != " ":
                raise _Unsure  # `key:value` is one plain word, not a mapping line
            value = value.lstrip(" ")
            first = value[0]
            if first not in _NOT_SIMPLE_START:
                # A plain word starting with a letter or digit: _plain_body, inline.
                if " #" in value:
                    value = value[: value.find(" #")].rstrip(" ")
                if ": " in value or value[-1] == ":":
                    raise _Unsure  # libyaml refuses a mapping inside a plain value
                result[key] = resolve_plain_scalar(value) if first in _SPECIAL_START else value
                continue
            if first != "#":
                result[key] = _scalar(value)
                continue
        # `key:` alone: a nested block below it, a list at the same indentation, or null.
        if row < count:
            below, next_content = rows[row]
            if below > indent:
                result[key], row = _node(rows, row, below)
                continue
            if below == indent and _is_item(next_content):
                result[key], row = _sequence(rows, row, indent)
                continue
        result[key] = None
    return result, row


def _is_key(text: str) -> bool:
    """Whether ``text`` is a key this reader takes: a word of letters, digits, ``_`` and
    ``-`` (not first), as record fields and SLA rule ids (``client-feedback``) are written.
    libyaml keeps a key's text as it is (the builder never resolves keys), so these are
    safe."""
    if text.isidentifier():
        return True
    return text[:1] not in ("-", "") and text.replace("-", "_").isidentifier()


def _sequence(rows: list, start: int, indent: int) -> tuple[list, int]:
    """The list whose ``-`` lines stand at ``indent``, from ``rows[start]``; and the row after."""
    result: list = []
    row, count = start, len(rows)
    while row < count:
        at, content = rows[row]
        if at != indent or not _is_item(content):
            if at > indent:
                raise _Unsure
            break
        rest = content[1:].lstrip(" ")
        if not rest or rest[0] == "#":
            # `-` alone: a nested block below it, or null.
            row += 1
            if row < count and rows[row][0] > indent:
                value, row = _node(rows, row, rows[row][0])
            else:
                value = None
            result.append(value)
        elif _starts_mapping(rest):
            # `- key: value`: a mapping whose keys stand where this first key does.
            rows[row] = (indent + len(content) - len(rest), rest)
            value, row = _mapping(rows, row, rows[row][0])
            result.append(value)
        else:
            if _is_item(rest):
                raise _Unsure  # `- - x`: a list in a list on one line
            result.append(_scalar(rest))
            row += 1
    return result, row


def _starts_mapping(text: str) -> bool:
    colon = text.find(":")
    return colon > 0 and text[colon + 1 : colon + 2] in ("", " ") and text[0] not in "\"'[{"


def _scalar(text: str) -> object:
    """The value of one-line value text (no leading or trailing spaces, not a comment)."""
    first = text[0]
    if first == '"':
        return _double_quoted(text)
    if first == "'":
        return _single_quoted(text)
    if first in ("[", "{"):
        return _flow(text)
    return resolve_plain_scalar(_plain(text))


def _plain(text: str) -> str:
    """The text of a plain scalar on one line, its comment cut off; _Unsure if not one."""
    first = text[0]
    if first in _NOT_PLAIN_START or (first == "-" and (len(text) == 1 or text[1] == " ")):
        raise _Unsure
    if first in "-." and text.startswith(("---", "...")):
        raise _Unsure  # document markers: left to libyaml
    return _plain_body(text)


def _plain_body(text: str) -> str:
    """A one-line plain scalar (its start already checked) without its comment."""
    comment = text.find(" #")
    if comment != -1:
        text = text[:comment].rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise _Unsure  # libyaml refuses a mapping inside a plain value
    return text


def _double_quoted(text: str) -> str:
    end = text.find('"', 1)
    if end == -1 or "\\" in text[1:end] or not _only_comment(text[end + 1 :]):
        raise _Unsure  # escapes, text over several lines, or something after it
    return text[1:end]


def _single_quoted(text: str) -> str:
    end = text.find("'", 1)
    while end != -1 and text[end + 1 : end + 2] == "'":  # '' is one quote
        end = text.find("'", end + 2)
    if end == -1 or not _only_comment(text[end + 1 :]):
        raise _Unsure
    return text[1:end].replace("''", "'")


def _flow(text: str) -> object:
    """A one-line flow collection (``[a, "b"]``, ``{k: [c], j: 'd'}``) and nothing after it
    but a comment."""
    closing = "}" if text[0] == "{" else "]"
    end = text.find(closing)
    if end != -1 and _FLAT_FLOW.isdisjoint(text[1:end]):
        # Most are flat lists and mappings of plain words (`with: [Deng Hui, Ma Li]`): they
        # are split at their commas, without walking them a character at a time.
        if not _only_comment(text[end + 1 :]):
            raise _Unsure
        return _flat_flow(text[1:end], closing)
    value, end = _FlowReader(text).collection(0, ())
    if not _only_comment(text[end:]):
        raise _Unsure  # something after it, or another collection
    return value


# A flow collection without these inside is flat and holds only plain words.
_FLAT_FLOW = _NOT_IN_FLOW | frozenset("\"'")


def _flat_flow(inner: str, closing: str) -> list | dict:
    """The items of a flat flow collection (see :data:`_FLAT_FLOW`) between its brackets."""
    if not inner.strip(" "):
        return {} if closing == "}" else []
    items = [part.strip(" ") for part in inner.split(",")]
    if not all(items):
        raise _Unsure  # `[a, , b]` or a trailing comma
    if closing == "]":
        return [_flat_word(item) for item in items]
    result: dict = {}
    for item in items:
        key, colon, value = item.partition(": ")
        if not colon or not _is_key(key) or key in result:
            raise _Unsure  # `{a}`, a spaced key, a duplicate key
        result[key] = _flat_word(value.lstrip(" "))
    return result


def _flat_word(text: str) -> object:
    """The value of a plain word without a comment (stripped, never empty): a word of a flat
    flow collection, or a value of a flat text."""
    first = text[0]
    if first in _NOT_SIMPLE_START:
        return resolve_plain_scalar(_plain(text))
    if ": " in text or text[-1] == ":":
        raise _Unsure  # libyaml refuses a mapping inside a plain value
    return resolve_plain_scalar(text) if first in _SPECIAL_START else text


_FLOW_DEPTH = 8
"""Flow collections nested deeper than this are left to libyaml (records nest one or two)."""


class _FlowReader:
    """Read the flow collections of one line; with ``places``, note where each value and key
    starts (indexes into the line) as :class:`_PositionWalk` needs them.

    A mapping's key is a plain word (:func:`_is_key`) followed by ``: ``; a value is a
    double-quoted word without escapes, a single-quoted one, a nested collection or a plain
    word without ``[]{}#?`` (comments are left to libyaml, and so is ``?``, which libyaml
    versions disagree on). No trailing comma, nothing empty: those too are left to libyaml.
    """

    def __init__(self, text: str, places: dict | None = None, key_places: dict | None = None):
        self.text = text
        self.places = places
        self.key_places = key_places

    def collection(self, at: int, path: tuple, depth: int = 0) -> tuple[object, int]:
        """The collection whose bracket is at ``at``, and the index after its closing one."""
        text, places = self.text, self.places
        closing = "}" if text[at] == "{" else "]"
        if depth >= _FLOW_DEPTH:
            raise _Unsure
        result: dict | list = {} if closing == "}" else []
        at = _skip_spaces(text, at + 1)
        if text.startswith(closing, at):
            return result, at + 1  # `[]`, `{ }`
        while True:
            if closing == "}":
                colon = text.find(": ", at)
                key = text[at:colon]
                if colon == -1 or not _is_key(key) or key in result:
                    raise _Unsure  # `{a}`, `{a:b}`, a quoted key, a duplicate key
                child = (*path, key)
                if self.key_places is not None:
                    self.key_places[child] = at
                at = _skip_spaces(text, colon + 2)
            else:
                child = (*path, len(result))
            if places is not None:
                places[child] = at
            value, at = self.value(at, closing, child, depth)
            if closing == "}":
                result[key] = value
            else:
                result.append(value)
            at = _skip_spaces(text, at)
            if at >= len(text):
                raise _Unsure  # not closed on this line
            if text[at] == closing:
                return result, at + 1
            if text[at] != ",":
                raise _Unsure  # `["a" b]`: something after a quoted word
            at = _skip_spaces(text, at + 1)

    def value(self, at: int, closing: str, path: tuple, depth: int) -> tuple[object, int]:
        """The value starting at ``at`` inside a collection closed by ``closing``; and where
        it ends."""
        text = self.text
        first = text[at : at + 1]
        if first == '"':
            end = text.find('"', at + 1)
            if end == -1 or "\\" in text[at:end]:
                raise _Unsure  # escapes, or text over several lines
            return text[at + 1 : end], end + 1
        if first == "'":
            end = text.find("'", at + 1)
            while end != -1 and text.startswith("'", end + 1):  # '' is one quote
                end = text.find("'", end + 2)
            if end == -1:
                raise _Unsure
            return text[at + 1 : end].replace("''", "'"), end + 1
        if first in ("[", "{"):
            return self.collection(at, path, depth + 1)
        ends = [found for found in (text.find(",", at), text.find(closing, at)) if found != -1]
        end = min(ends) if ends else len(text)
        word = text[at:end].rstrip(" ")
        if not word or not _NOT_IN_FLOW.isdisjoint(word):
            raise _Unsure  # `[a, , b]`, `[a, ]`; nested collections, comments
        return resolve_plain_scalar(_plain(word)), end


def _skip_spaces(text: str, at: int) -> int:
    while text.startswith(" ", at):
        at += 1
    return at


def _only_comment(rest: str) -> bool:
    """Whether what follows a closed value is nothing, or spaces and a comment."""
    return not rest or (rest[0] == " " and rest.lstrip(" ")[:1] in ("", "#"))


# --- positions ------------------------------------------------------------------------------


Positions = dict[tuple, tuple[int, int]]
"""path → (line, column), 1-based."""


def positions(text: str, read_already: bool = False) -> tuple[Positions, Positions] | None:
    """Where each value and each key of the document stands, as :func:`yamlread.positions`
    finds them from libyaml's marks. None for a text that :func:`read` does not read.

    One walk over the lines gives every position at once: a record with several clocks (an
    application's feedback and interviews) needs its lines for all of them. The walk relies on
    the checks of :func:`read`; ``read_already`` says they passed on this very text.
    """
    if not read_already and read(text) is None:
        return None
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.lstrip(" ")
        if content and content[0] != "#":
            rows.append((number, len(line) - len(content), content.rstrip(" ")))
    walk = _PositionWalk(rows)
    walk.mapping(0, rows[0][1], ())
    return walk.positions, walk.key_positions


# Where a top-level key's value ends: at a line that starts in the first column and is neither
# blank, a comment nor an item of a list (a key's list may stand at the key's own level).
_NEXT_TOP_LEVEL = re.compile(r"\n(?![ \n#]|-(?:[ \n]|$))")


def line_of(text: str, path: tuple) -> int | None:
    """The line of the value at ``path``, or of its nearest present parent, as
    :func:`positions` places them — from the lines of ``path``'s top-level key alone. None when
    no line starts with ``path[0]:`` (not a top-level key, or the mapping is indented). For a
    text :func:`read` reads.

    A clock shows the line of one field of its record: walking every line of the record for
    it was most of what finding the clocks' lines cost. Such a text has no text over several
    lines, so a line starting with ``key:`` is that key of the top-level mapping, and its value
    ends where the next line at the first column that is not an item of a list starts.
    """
    key = path[0]
    if not isinstance(key, str):
        return None
    head = f"{key}:"
    start = 0
    if not text.startswith(head):
        start = text.find(f"\n{head}") + 1
        if not start:
            return None
    after = _NEXT_TOP_LEVEL.search(text, start)
    rows = []
    lines = text[start : after.start() if after else len(text)].split("\n")
    for number, line in enumerate(lines, start=text.count("\n", 0, start) + 1):
        content = line.lstrip(" ")
        if content and content[0] != "#":
            rows.append((number, len(line) - len(content), content.rstrip(" ")))
    walk = _PositionWalk(rows, toward=path)
    walk.mapping(0, 0, ())
    while path not in walk.positions:  # ends at path[0], which the walk placed
        path = path[:-1]
    return walk.positions[path][0]


class _PositionWalk:
    """The walk of :func:`_mapping` and :func:`_sequence` again, noting positions."""

    def __init__(self, rows: list[tuple[int, int, str]], toward: tuple | None = None) -> None:
        self.rows = rows
        self.toward = toward
        """Only the lines on the way to this path are wanted: every other value is passed
        over, and no flow collection is read (its items are on its line). None: every
        position."""
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.key_positions: dict[tuple, tuple[int, int]] = {}

    def _aside(self, path: tuple) -> bool:
        """Whether ``path`` is off the way to :attr:`toward`: its value is passed over."""
        toward = self.toward
        return toward is not None and toward[: len(path)] != path

    def _past(self, row: int, indent: int, items: bool) -> int:
        """The row after the lines of a value below a key or an item at ``indent``: those
        indented further (and, below a key, the items of a list at the key's own level)."""
        rows, count = self.rows, len(self.rows)
        while row < count and (
            rows[row][1] > indent or (items and rows[row][1] == indent and _is_item(rows[row][2]))
        ):
            row += 1
        return row

    def node(self, row: int, path: tuple) -> int:
        _, at, content = self.rows[row]
        if _is_item(content):
            return self.sequence(row, at, path)
        return self.mapping(row, at, path)

    def mapping(self, row: int, indent: int, path: tuple) -> int:
        rows, count = self.rows, len(self.rows)
        self.positions[path] = (rows[row][0], indent + 1)  # a mapping starts at its first key
        while row < count:
            number, at, content = rows[row]
            if at != indent:
                break
            colon = content.find(":")
            child = (*path, content[:colon])
            self.key_positions[child] = (number, at + 1)
            rest = content[colon + 1 :]
            value = rest.lstrip(" ")
            row += 1
            if self._aside(child):
                row = self._past(row, indent, items=True)
                continue
            if value and value[0] != "#":
                self.scalar(value, number, at + colon + 1 + len(rest) - len(value), child)
                continue
            if row < count:
                below, next_content = rows[row][1], rows[row][2]
                if below > indent:
                    row = self.node(row, child)
                    continue
                if below == indent and _is_item(next_content):
                    row = self.sequence(row, indent, child)
                    continue
            self.positions[child] = (number, at + colon + 2)  # empty: right after the colon
        return row

    def sequence(self, row: int, indent: int, path: tuple) -> int:
        rows, count = self.rows, len(self.rows)
        self.positions[path] = (rows[row][0], indent + 1)  # a list starts at its first `-`
        index = 0
        while row < count:
            number, at, content = rows[row]
            if at != indent or not _is_item(content):
                break
            child = (*path, index)
            index += 1
            if self._aside(child):
                row = self._past(row + 1, indent, items=False)
                continue
            rest = content[1:]
            value = rest.lstrip(" ")
            column = at + 1 + len(rest) - len(value)
            if not value or value[0] == "#":
                row += 1
                if row < count and rows[row][1] > indent:
                    row = self.node(row, child)
                else:
                    self.positions[child] = (number, at + 2)  # empty: right after the `-`
            elif _starts_mapping(value):
                rows[row] = (number, column, value)
                row = self.mapping(row, column, child)
            else:
                self.scalar(value, number, column, child)
                row += 1
        return row

    def scalar(self, value: str, number: int, column: int, path: tuple) -> None:
        """A one-line value starting at 0-based ``column``: flow items get their own places."""
        self.positions[path] = (number, column + 1)
        if value[0] not in "[{" or self.toward is not None:
            return
        places: dict = {}
        key_places: dict = {}
        _FlowReader(value, places, key_places).collection(0, path)
        for child, at in places.items():
            self.positions[child] = (number, column + at + 1)
        for child, at in key_places.items():
            self.key_positions[child] = (number, column + at + 1)
