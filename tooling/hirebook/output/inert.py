"""Record text made inert for output that people and other programs read.

A record is written by anyone who can open a pull request, and its text ends up in a terminal,
in a CI log that GitHub Actions scans for workflow commands, in an annotation or a spreadsheet.
So every reporter passes record text through :func:`inert` (and :func:`csv_cell` for CSV):

- control characters — C0 (newline, carriage return and tab included), DEL and C1 — the Unicode
  line and paragraph separators, the bidirectional controls (U+061C, U+200E, U+200F,
  U+202A–U+202E, U+2066–U+2069) and the characters that show nothing (zero-width spaces and
  joiners, the word joiner and invisible operators, the byte-order mark, the soft hyphen, the
  tag characters and the variation selectors of the supplement, which can carry hidden text,
  the Hangul fillers) and the lone surrogates Python reads a file name's bytes that are not
  UTF-8 as (``\\udcff``) are written as visible escapes: ``\\n``, ``\\r``, ``\\t``, ``\\x1b``,
  ``\\u202e``, ``\\u200b``, ``\\U000e0041``. A record can neither start a line of the
  output, nor move the cursor, colour the terminal, reorder the text a reader sees or hide
  some of it (`wang-li` and `wang\\u200b-li` are two ids). The one exception is a zero-width
  joiner between two emoji (👩‍💻 is 👩, a joiner and 💻; a skin tone or U+FE0F may stand
  after the first): that is how such an emoji is written, and it shows as one picture. Any
  other joiner — between letters, at either end, beside another joiner — is escaped
  (:func:`_joins_emoji`);
- ``##[`` anywhere (a workflow command of the Actions runner's older syntax) becomes
  ``##\\[``, and ``::`` at the start of the text, after any spaces (the runner's
  ``::command::``), becomes ``:\\:``.

The text still reads as typed, except for those few characters.

JSON is read by programs, so its strings keep the exact text, written with JSON's own escapes
(:func:`json_text`): ``json`` escapes C0 itself; DEL, C1 and the other characters above become
``\\u`` escapes (a surrogate pair beyond the basic plane) and ``##[`` becomes ``##\\u005b``,
which a JSON reader turns back into the same characters. A JSON line in a CI log then carries
no workflow command.
"""

from __future__ import annotations

import bisect
import functools
import re
from importlib import resources

_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff"
    "\uffa0\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef"
    "\ud800-\udfff"  # lone surrogates: a file name's bytes that are not UTF-8
)
"""Separators, bidirectional controls and what shows nothing (see the module's documentation;
the basic plane's variation selectors stay: emoji take them)."""
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_UNSAFE_BUT_BREAKS = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What JSON leaves raw with ensure_ascii=False (it escapes C0 itself).
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def _visible(match: re.Match) -> str:
    char = match.group()
    if char == _ZWJ and _joins_emoji(match.string, match.start()):
        return char
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_ZWJ = "\u200d"
_EMOJI_MODIFIERS = ("\ufe0f", *map(chr, range(0x1F3FB, 0x1F400)))
"""What may stand between an emoji and the joiner after it: the emoji presentation selector
(U+FE0F: 🏳️‍🌈) and the five skin tones (👩🏽‍💻)."""


def _joins_emoji(text: str, at: int) -> bool:
    """Whether the zero-width joiner at ``text[at]`` joins two emoji: an Extended_Pictographic
    character, any modifiers, the joiner, another (UAX #29's rule GB11, modifiers only)."""
    after = at + 1
    if after >= len(text) or not _pictographic(text[after]):
        return False
    before = at - 1
    while before >= 0 and text[before] in _EMOJI_MODIFIERS:
        before -= 1
    return before >= 0 and _pictographic(text[before])


def _pictographic(char: str) -> bool:
    """Whether ``char`` has Unicode's Extended_Pictographic property (not in unicodedata)."""
    firsts, lasts = _pictographic_ranges()
    code = ord(char)
    index = bisect.bisect_right(firsts, code) - 1
    return index >= 0 and code <= lasts[index]


@functools.cache
def _pictographic_ranges() -> tuple[list[int], list[int]]:
    """The first and last code points of each range of ``extended_pictographic.txt``, read
    when a joiner first needs them."""
    table = resources.files(__package__).joinpath("extended_pictographic.txt")
    firsts, lasts = [], []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("..")
            firsts.append(int(first, 16))
            lasts.append(int(last or first, 16))
    return firsts, lasts


def inert(value: object, breaks: bool = False) -> str:
    """``value`` as text that can share a line of output without acting on its reader.

    ``breaks`` leaves CR and LF as they are, for a format that encodes them itself (GitHub's
    workflow commands write them as ``%0D`` and ``%0A``).
    """
    text = "" if value is None else str(value)
    unsafe = _UNSAFE_BUT_BREAKS if breaks else _UNSAFE
    if unsafe.search(text):
        text = unsafe.sub(_visible, text)
    if "##[" in text:
        text = text.replace("##[", "##\\[")
    # The runner strips leading white space before it looks for `::`.
    rest = text.lstrip()
    if rest.startswith("::"):
        text = text[: len(text) - len(rest)] + ":\\:" + rest[2:]
    return text


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: :func:`inert`, and a leading ``=``, ``+``,
    ``-`` or ``@`` (a formula) behind a single quote, as OWASP advises. Numbers, and text
    that is a plain number (``-3``, ``-1.5``), stay numbers."""
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        text = "'" + text
    return inert(text)


def json_text(text: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with the characters of
    :func:`inert` written as JSON escapes: the same data for a reader, nothing for a terminal
    or the Actions runner to act on.

    Outside its strings JSON holds only ASCII punctuation, digits, letters and spaces, so every
    match is inside a string and the escapes keep the text valid.
    """
    if "##[" in text:
        text = text.replace("##[", "##\\u005b")
    if text.isascii():  # a constant-time check; DEL is the one unsafe ASCII character left
        return text.replace("\x7f", "\\u007f") if "\x7f" in text else text
    if _JSON_UNSAFE.search(text):
        text = _JSON_UNSAFE.sub(_json_escape, text)
    return text


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON writes the rest as a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
