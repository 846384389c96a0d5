"""Read one YAML record file into plain data plus the position of every value.

Records use a small, safe subset of YAML (the lint codes HB1xx, ``lint-codes.md``, name what
it refuses): one document whose top level is a mapping, scalars read with the YAML 1.2 *core*
schema, and no anchors, aliases or tags. This module enforces that subset and never lets a
malformed file raise anything but :class:`LoadProblem`.

Why not ``yaml.safe_load``? PyYAML resolves scalars with YAML 1.1 rules, so the key ``on:``
becomes ``True`` and ``09:00`` becomes the integer 540; it keeps the last of two duplicate keys
without a word; and it forgets where each value was. We let libyaml (the C parser) *compose*
the node tree, which is fast and keeps marks, and construct the values ourselves.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass, field

import yaml

from hirebook.records import plainyaml
from hirebook.records.coreschema import resolve_plain_scalar

try:  # libyaml, the C parser, where PyYAML was built with it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
# Composing resolves each node's tag by YAML 1.1 rules; no tag is ever read here (plain scalars
# are resolved by :func:`resolve_plain_scalar`), so those rules never decide a value.


MAX_BYTES = 1024 * 1024
"""Largest record file read. Records are small; a larger file is a mistake or an attack."""

MAX_DEPTH = 64
"""Deepest nesting accepted; real records nest four or five levels."""

Path_ = tuple  # a path into the data: keys and list indices, e.g. ("interviews", 0, "at")


@dataclass(frozen=True)
class LoadProblem(Exception):
    """Why a file could not be read as a record. ``line``/``column`` are 1-based."""

    code: str
    message: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.code} {self.message}"


@dataclass
class ParsedYaml:
    """The data of one file and where each part of it stands."""

    data: dict
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    plain: bool = False
    """Read line by line (:mod:`plainyaml`), not composed."""


# --- bytes to text ------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """Check size, binary content and encoding; return the text without a BOM."""
    if len(raw) > MAX_BYTES:
        raise LoadProblem(
            "HB101",
            f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit for a record; "
            "split it or move attachments out of records/",
        )
    wide = _wide_encoding(raw)
    if wide is not None:
        raise _not_utf8(wide)
    if b"\x00" in raw:
        if _is_utf32(raw):
            raise _not_utf8("UTF-32")
        if _is_utf16(raw):
            raise _not_utf8("UTF-16")
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise LoadProblem(
            "HB102",
            "file contains a NUL byte and looks binary; records must be UTF-8 text "
            "(was a spreadsheet or image saved with a .yaml name?)",
            line,
            column,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _byte_position(raw, err.start)
        raise LoadProblem(
            "HB103",
            f"invalid UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8 "
            "(editors call it 'UTF-8' or 'Unicode'; GBK/Big5 files must be converted)",
            line,
            column,
        ) from None
    text = text.removeprefix("\ufeff")
    if _YAML11_BREAK.search(text) is not None:
        _refuse_yaml11_breaks(text)
    return text


_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16's: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, by its byte-order mark or, without one, by ASCII text with NUL
    bytes beside every character (``i\\0d\\0:\\0``): what Windows calls a "Unicode" file.

    Without a mark, the pattern of NULs in each group of four bytes tells them apart: in
    UTF-32 the three bytes beside an ASCII letter are NUL (``i\\0\\0\\0``, big-endian
    ``\\0\\0\\0i``), and for any character of the basic plane the two farthest from its
    low byte are; in UTF-16 every second byte is (``i\\0d\\0``, ``\\0i\\0d``)."""
    for mark, name in _WIDE_MARKS:
        if raw.startswith(mark):
            return name
    start = raw[:64]
    if len(start) < 4 or b"\x00" not in start[:2]:
        return None
    start = start[: len(start) // 4 * 4]  # whole groups of four
    nul = tuple(not start[i::4].strip(b"\x00") for i in range(4))  # byte i of each four
    if nul[2:] == (True, True) and not nul[0] or nul[:2] == (True, True) and not nul[3]:
        return "UTF-32"  # little-endian: the high bytes 2 and 3; big-endian: 0 and 1
    if (nul[0] and nul[2]) != (nul[1] and nul[3]):  # one half all NUL, the other not
        return "UTF-16"
    return None


def _not_utf8(encoding: str) -> LoadProblem:
    return LoadProblem(
        "HB103",
        f"the file is {encoding} text, not UTF-8; save it as UTF-8 (editors call it 'UTF-8'; "
        "Windows' 'Unicode' is UTF-16)",
    )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_utf32(raw: bytes) -> bool:
    """Whether ``raw``, which holds a NUL byte, is UTF-32 text of either byte order without a
    mark: a character beyond the basic plane near the start (an emoji, ``00 F6 01 00``) breaks
    the pattern of NULs :func:`_wide_encoding` reads. Every four bytes must then be a character
    (at most U+10FFFF, no surrogate: a random group of four is one once in about 4,000), and
    none a control character but a tab or a line break, as text has none (a file of NULs
    decodes to them). Asked only of a file about to be called binary."""
    return any(text is not None for text in _wide_texts(raw, 4))


_KEY_END = re.compile(r":(?:[ \t\r\n]|$)")
"""The end of a key: what every record's text holds."""


def _is_utf16(raw: bytes) -> bool:
    """Whether ``raw``, which holds a NUL byte, is UTF-16 text of either byte order without a
    mark, where :func:`_wide_encoding` did not see the pattern of NULs beside every ASCII
    letter: a character beyond the basic plane (an emoji, a surrogate pair ``3D D8 00 DE``) or
    a Chinese one among its first bytes. It must decode as UTF-16 (a random pair of bytes is
    half a surrogate pair once in 32, unpaired in binary), hold no control character but a tab
    or a line break (the NULs of binary, ``00 00``, are U+0000) and hold a ``:`` before a space,
    a line break or the end, without which no text is a record (a ``:`` alone is a pair of
    bytes that random ones are once in 32,768). Asked only of a file about to be called
    binary."""
    return any(text is not None and _KEY_END.search(text) for text in _wide_texts(raw, 2))


def _wide_texts(raw: bytes, width: int) -> Iterator[str | None]:
    """``raw`` as UTF-16 (``width`` 2) or UTF-32 (4) text, little-endian then big-endian:
    each the text, or None where it is none (a byte left over, a code unit that is no
    character, a control character but a tab or a line break)."""
    if len(raw) % width:
        return
    for order in ("le", "be"):
        try:
            text = raw.decode(f"utf-{8 * width}-{order}")
        except UnicodeDecodeError:
            yield None
            continue
        yield text if _CONTROL.search(text) is None else None


_YAML11_BREAK = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\x85": "NEL (U+0085)",
    "\u2028": "LINE SEPARATOR (U+2028)",
    "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
}


def _refuse_yaml11_breaks(text: str) -> None:
    """YAML 1.1 readers (libyaml among them) take NEL, LS and PS as line breaks, YAML 1.2 and
    editors do not: ``name: X<NEL>city: Y`` would silently become two keys. Refused, with
    the place, rather than read one way or the other."""
    offset = _YAML11_BREAK.search(text).start()
    raise LoadProblem(
        "HB112",
        f"the text holds a {_BREAK_NAMES[text[offset]]} character, which some YAML readers "
        "take as a line break and others do not; replace it by a space or a new line",
        *_text_position(text, offset),
    )


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of the character at ``offset`` of ``text``, both counted from 1."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


# --- text to data --------------------------------------------------------------------------


class LoadFailed(Exception):
    """A file that cannot be read; carries every problem found (all duplicate keys at once)."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def parse(text: str, line_offset: int = 0) -> ParsedYaml:
    """Parse one record document. ``line_offset`` shifts reported lines (front matter).

    Most records are plain block-style text, read line by line (:mod:`plainyaml`); the rest
    are composed by libyaml. Values only: positions are found later, and only for the files
    that need them (:func:`positions`), which keeps loading a large agency fast and small.

    Raises :class:`LoadProblem` for the first fatal problem, or :class:`LoadFailed` with every
    duplicate key of the file.
    """
    plain = plainyaml.read(text)
    if plain is not None:
        return ParsedYaml(plain, plain=True)  # plain block-style text: no need to compose
    root = _compose(text, line_offset)
    builder = _Builder(line_offset)
    data = builder.build(root, 0)
    if builder.duplicates:
        raise LoadFailed(builder.duplicates)
    return ParsedYaml(data)


def refuse_merge_conflict(text: str, quoted: Container[int] = ()) -> None:
    """:class:`LoadProblem` at the first line of a merge conflict left in a file's ``text``:
    Git's ``<<<<<<<`` line, then a ``=======`` line, then a ``>>>>>>>`` line, each at the start
    of its line. YAML fails a line later with "could not find expected ':'", inside a block of
    text (``notes: |``) not at all, and a case's Markdown body would publish it. The lines
    ``quoted`` (numbers from 1: a case's fenced code, which shows a conflict on purpose) are
    passed over. One pass over the lines, and only for a text that holds ``<<<<<<<`` at all."""
    if "<<<<<<<" not in text:
        return
    expected, first = "<", 0
    for number, line in enumerate(text.split("\n"), 1):
        if number in quoted:
            continue
        line = line.rstrip("\r")
        if expected == "<" and _marker(line, "<"):
            expected, first = "=", number
        elif expected == "=" and line == "=======":
            expected = ">"
        elif expected == ">" and _marker(line, ">"):
            raise LoadProblem(
                "HB105",
                f"an unresolved merge conflict (lines {first} to {number}); keep the lines you "
                "want from both sides and delete the marker lines (<<<<<<<, =======, >>>>>>>)",
                first,
                1,
            )


def _marker(line: str, sign: str) -> bool:
    """``<<<<<<< HEAD`` or ``>>>>>>> branch``: seven signs, then nothing or a space."""
    return line.startswith(sign * 7) and (len(line) == 7 or line[7] in " \t")


_MARKER_NAMES = {
    "<": "`<<<<<<<`, the line Git writes before our side of a conflict",
    "=": "`=======`, the line Git writes between the two sides of a conflict",
    ">": "`>>>>>>>`, the line Git writes after their side of a conflict",
}


def _marker_sign(line: str) -> str | None:
    """``<``, ``=`` or ``>`` for a line that is one of Git's conflict markers, else None."""
    line = line.rstrip("\r")
    if line == "=======":
        return "="
    for sign in "<>":
        if _marker(line, sign):
            return sign
    return None


def _lone_marker_problem(line: int, sign: str, hint: str = "") -> LoadProblem:
    return LoadProblem(
        "HB105",
        f"a line left from a merge conflict: {_MARKER_NAMES[sign]}, whose other marker lines "
        f"are gone; keep the lines you want from both sides and delete this line{hint}",
        line,
        1,
    )


def _left_marker(text: str, err: yaml.MarkedYAMLError) -> LoadProblem | None:
    """HB105 at a conflict marker line left alone (half a conflict deleted) in a ``text`` that
    YAML could not read: the first one at or before the line YAML failed on, outside every
    text (quoted or block) YAML read before failing. ``<<<<<<< HEAD`` at the start of a line
    is valid YAML inside a quoted text (and ``>>>>>>>`` too), so only a failure points to it;
    ``=======`` counts only beside a ``<<<<<<<`` or ``>>>>>>>`` line. Run only when reading
    failed, on a text that holds seven ``<`` or ``>``."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return None
    mark = err.problem_mark or err.context_mark
    failed_at = mark.line + 1 if mark else 1
    signs = {n: s for n, line in enumerate(text.split("\n"), 1) if (s := _marker_sign(line))}
    if not {"<", ">"} & set(signs.values()):
        return None
    suspects = [n for n in signs if n <= failed_at]
    if suspects:
        covered = _lines_inside_text(text)
        for number in suspects:
            if number not in covered:
                return _lone_marker_problem(number, signs[number])
    return None


def _lines_inside_text(text: str) -> set[int]:
    """The lines (from 1) that continue a text over several lines — a quoted one or a block
    (``notes: |``) — among the values YAML read before it failed."""
    covered: set[int] = set()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if event.__class__ is yaml.ScalarEvent:
                start, end = event.start_mark, event.end_mark
                last = end.line if end.column else end.line - 1  # a block ends on the next line
                covered.update(range(start.line + 2, last + 2))
    except yaml.YAMLError:
        pass  # where it failed: what was read before is all there is
    return covered


def refuse_lone_marker(text: str, start: int, quoted: Container[int] = ()) -> None:
    """:class:`LoadProblem` at the first of Git's ``<<<<<<<`` or ``>>>>>>>`` lines in ``text``
    from ``start`` on: a case's Markdown body, which any text is valid as, so no failure points
    to a marker left there, and the handbook would publish it (``>>>>>>> main`` as a quote
    seven deep). A marker written on purpose is code: indented, or on a line ``quoted`` (inside
    a fenced code block). Only for a body that holds seven ``<`` or ``>``."""
    first_line = text.count("\n", 0, start) + 1
    for number, line in enumerate(text[start:].split("\n"), first_line):
        sign = _marker_sign(line)
        if sign in ("<", ">") and number not in quoted:
            raise _lone_marker_problem(
                number, sign, " (to show such a line in the case, indent it as code)"
            )


def positions(text: str, line_offset: int = 0) -> ParsedYaml:
    """The position of every value and key of a document that :func:`parse` accepted."""
    walker = _PositionWalker(line_offset)
    walker.walk(_compose(text, line_offset), ())
    return ParsedYaml({}, walker.positions, walker.key_positions)


def _compose(text: str, line_offset: int) -> yaml.MappingNode:
    """The node tree of a one-document text whose top level is a mapping."""
    try:
        if "&" in text or "*" in text or "!" in text:
            # Rare characters: only then pay for the precise event scan.
            _refuse_anchors_and_tags(text)
        root = yaml.compose(text, Loader=_Loader)
    except LoadProblem as problem:
        raise _shifted(problem, line_offset) from None
    except yaml.MarkedYAMLError as err:
        problem = _left_marker(text, err) or _syntax_problem(err, text)
        raise _shifted(problem, line_offset) from None
    except yaml.reader.ReaderError as err:
        raise _shifted(_reader_problem(err, text), line_offset) from None
    except yaml.YAMLError as err:  # any other error without a mark
        raise LoadProblem("HB105", f"not valid YAML: {err}", 1 + line_offset) from None
    except RecursionError:
        raise LoadProblem("HB105", "not valid YAML: nested too deeply", 1 + line_offset) from None
    if root is None:
        raise LoadProblem(
            "HB104",
            "file is empty; a record is a YAML mapping starting with its `id:`",
            1 + line_offset,
        )
    if not isinstance(root, yaml.MappingNode):
        line, column = _mark(root, line_offset)
        raise LoadProblem(
            "HB108",
            f"the top level is a {_kind(root)}, but a record must be a mapping of "
            "`field: value` lines",
            line,
            column,
        )
    return root


def _reader_problem(err: yaml.reader.ReaderError, text: str) -> LoadProblem:
    """A character YAML does not allow (a control character), at its line and column: the
    reader says only its offset (in bytes from libyaml, in characters from PyYAML's own
    reader), and was reported at 1:1. It is the first such character of the text, so its
    first occurrence is where it stands."""
    code = err.character if isinstance(err.character, int) else None
    at = text.find(chr(code)) if code is not None else -1
    if at < 0:
        return LoadProblem("HB105", f"not valid YAML: {err}", 1)
    return LoadProblem(
        "HB105",
        f"a control character (U+{code:04X}) cannot stand in a YAML file; remove it (only "
        "tabs and line breaks may)",
        *_text_position(text, at),
    )


def _syntax_problem(err: yaml.MarkedYAMLError, text: str) -> LoadProblem:
    mark = err.problem_mark or err.context_mark
    line, column = _syntax_position(mark, text)
    what = err.problem or "syntax error"
    if mark and text[mark.index : mark.index + 1] == "\t":
        what = "a tab character where YAML expects indentation or a value"  # libyaml: "found
        # character that cannot start any token", naming no tab
    hint = _SYNTAX_HINTS.get(what, "check the indentation and the `key: value` form")
    if "expected a single document" in str(err.context or ""):
        what, hint = "more than one YAML document (`---`)", "keep one record per file"
    return LoadProblem("HB105", f"YAML syntax error: {what}; {hint}", line, column)


def _syntax_position(mark: yaml.Mark | None, text: str) -> tuple[int, int]:
    """(line, column) of libyaml's mark, inside the text. At the end of a text whose last line
    has no line break, libyaml starts a line of its own (its end of stream is at the next
    line's column 0), a line the file does not have: the end of the last line is named then."""
    if mark is None:
        return 1, 1
    if mark.line + 1 > text.count("\n") + 1:
        return _text_position(text, len(text))
    return mark.line + 1, mark.column + 1


_SYNTAX_HINTS = {
    "a tab character where YAML expects indentation or a value": "indent with spaces, never tabs",
    "found character '\\t' that cannot start any token": "indent with spaces, never tabs",
    "found a tab character that violates indentation": "indent with spaces, never tabs",
    "mapping values are not allowed here": "a value with `: ` inside must be quoted",
    "found undefined alias": "anchors and aliases are not used in records",
}


def _refuse_anchors_and_tags(text: str) -> None:
    # libyaml reports a tag only where one was written, so any tag at all is explicit.
    for event in yaml.parse(text, Loader=_Loader):
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            raise LoadProblem(
                "HB107",
                f"alias `*{event.anchor}` is not part of the record language; "
                "write the value out in full",
                *where,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise LoadProblem(
                "HB107", f"anchor `&{anchor}` is not part of the record language; remove it", *where
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise LoadProblem(
                "HB107",
                f"tag `{tag}` is not part of the record language; remove it "
                "(quote the value if it must stay text)",
                *where,
            )


def _shifted(problem: LoadProblem, offset: int) -> LoadProblem:
    if not offset:
        return problem
    return LoadProblem(problem.code, problem.message, problem.line + offset, problem.column)


def _mark(node: yaml.Node, offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + offset, node.start_mark.column + 1


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "single value"


class _Builder:
    """Turn a composed node tree into dicts, lists and scalars.

    No alias reaches this walk: an alias needs a `*`, and :func:`parse` scans every text with
    one for aliases first. That is what keeps "billion laughs" from expanding here.
    """

    def __init__(self, line_offset: int) -> None:
        self.offset = line_offset
        self.duplicates: list[LoadProblem] = []

    def build(self, node: yaml.Node, depth: int) -> object:
        kind = node.__class__
        if kind is yaml.ScalarNode:
            # Plain scalars get YAML 1.2 core resolution; quoted and block ones are text.
            # (The C parser reports a plain style as "", the Python one as None.)
            return node.value if node.style else resolve_plain_scalar(node.value)
        if depth >= MAX_DEPTH:
            raise LoadProblem("HB105", f"nested more than {MAX_DEPTH} levels deep", *self._at(node))
        if kind is yaml.MappingNode:
            return self._mapping(node, depth + 1)
        return [self.build(item, depth + 1) for item in node.value]

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                raise LoadProblem(
                    "HB105",
                    "a key must be a plain word, not a list or mapping",
                    *self._at(key_node),
                )
            key = key_node.value
            if key in result:
                self._duplicate(node, key, key_node)
                continue
            result[key] = self.build(value_node, depth)
        return result

    def _duplicate(self, node: yaml.MappingNode, key: str, key_node: yaml.Node) -> None:
        first = next(k for k, _ in node.value if k.__class__ is yaml.ScalarNode and k.value == key)
        self.duplicates.append(
            LoadProblem(
                "HB106",
                f"duplicate key `{key}` (first at line {self._at(first)[0]}); YAML would keep "
                "only the last one silently — merge the two or delete one",
                *self._at(key_node),
            )
        )

    def _at(self, node: yaml.Node) -> tuple[int, int]:
        return _mark(node, self.offset)


class _PositionWalker:
    """Record where each value and key of an accepted document stands, keyed by its path."""

    def __init__(self, line_offset: int) -> None:
        self.line_base = line_offset + 1  # marks count lines from 0
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}

    def walk(self, node: yaml.Node, path: Path_) -> None:
        mark = node.start_mark
        self.positions[path] = (mark.line + self.line_base, mark.column + 1)
        if node.__class__ is yaml.MappingNode:
            for key_node, value_node in node.value:
                child = (*path, key_node.value)
                if child not in self.key_positions:  # the first of duplicates, as parse keeps
                    mark = key_node.start_mark
                    self.key_positions[child] = (mark.line + self.line_base, mark.column + 1)
                    self.walk(value_node, child)
        elif node.__class__ is yaml.SequenceNode:
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index))
