"""Text as personal data is searched in (:func:`normalise`): written so that a name, an e-mail
address or a phone number hidden from a search but not from a reader is found like the plain one.

HTML tags and comments are removed, character references (`&#64;`, `&commat;`, `&#37101;`) and
percent-encoding (`%40`, `%E9%83%AD`) decoded, then Unicode NFKC (full-width letters, digits
and `＠` become ASCII), format and other invisible characters removed (zero-width spaces and
joiners, bidi controls, soft hyphens, variation selectors), the combining marks of no one
script that NFKC leaves (`K̶e̶n̶j̶i̶`, `劉́洋`) removed, every kind of space folded to a plain
space, every kind of dash to `-`, and a space, middle dot, dot, underscore or dash between two
Chinese characters dropped (`劉　洋`, `劉·洋` and `劉-洋` are `劉洋`), and so is a line break (a
text over several lines breaks a name as it breaks a sentence). A name with a zero-width space
inside, a phone number with no-break spaces or an e-mail with a full-width `＠` is found like
the plain one. Control characters but the line feed are removed too (`"劉\\0洋"` is `劉洋`, as
the handbook shows it). Markdown's inline marks between two letters are dropped as the
handbook's page drops them (`郭**峰**` and `Gu*o* Feng`: emphasis, code), and a bracket between
two Chinese characters (`郭[峰](x)`: a link's label). Pure-ASCII text without a control
character needs none of it and is passed through as it is.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import unquote

_INVISIBLE = (
    # Format characters (Unicode category Cf): soft hyphen, Arabic number signs, zero-width
    # space, non-joiner and joiner, direction marks and overrides, word joiner, invisible
    # operators, the byte-order mark, interlinear annotation, tags …
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    # … and characters that are not Cf but show nothing either: the combining grapheme
    # joiner, variation selectors, Hangul fillers.
    (0x034F, 0x034F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x115F, 0x1160),
    (0x3164, 0x3164), (0xFFA0, 0xFFA0),
    # Control characters but the line feed and the ones folded as spaces (tab, VT, FF, CR,
    # NEL): a YAML escape writes them ("劉\0洋"), and the handbook removes them from a page.
    (0x0000, 0x0008), (0x000E, 0x001F), (0x007F, 0x0084), (0x0086, 0x009F),
)  # fmt: skip
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SPACES = "\t\r\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""Every space but the plain one (Unicode Zs, the line and paragraph separators, tab and the
other ASCII spaces but the line feed, which separates the texts a rule searches at once)."""
_DASHES = (
    "\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d"
)
"""Every dash (Unicode Pd) and the minus sign: a phone number grouped by them is one."""
_ASTRAL_DASHES = "\U00010ead"
_COMBINING = (
    "\u0300-\u036f\u0488\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u302a-\u302f"
    "\u3099\u309a\ufe20-\ufe2f"
)
"""The combining marks of no one script: accents, overlays (a line through, a tilde), enclosing
circles, the ideographic tone marks and the kana voicing marks. What NFKC leaves of them (it
makes a letter and its accent one character where there is one, `é`) draws on a character
without hiding it from a reader — `K̶e̶n̶j̶i̶`, `劉́洋` — so they are removed, after NFKC."""
_MARKS = re.compile(f"[{_COMBINING}]+")
CJK = "\u3400-\u9fff\uf900-\ufaff"
"""The Chinese characters of the basic plane, as a regular expression's character class
holds them (the candidates' index adds those beyond it)."""


def _class(ranges: Sequence[tuple[int, int]]) -> str:
    return "".join(f"{chr(low)}-{chr(high)}" if high > low else chr(low) for low, high in ranges)


def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for low, high in _INVISIBLE:
        table.update(dict.fromkeys(range(low, high + 1)))
    for chars, into in ((_SPACES, " "), (_DASHES + _ASTRAL_DASHES, "-")):
        for run in re.findall(r".-.|.", chars, re.DOTALL):
            low, high = (run[0], run[2]) if len(run) == 3 else (run, run)
            table.update(dict.fromkeys(range(ord(low), ord(high) + 1), into))
    return table


_FOLD = _table()
_FOLDED_BMP = re.compile(
    f"[{_class([r for r in _INVISIBLE if r[1] <= 0xFFFF])}{_SPACES}{_DASHES}{_COMBINING}"
    "\U00010000-\U0010ffff]"  # astral characters are rare: any one takes the long way
)
_NAME_JOINERS = " \u00b7\u2027\u30fb\u2219\u22c5\\[\\]._-"
"""What may stand between the characters of a Chinese name and still be read as it: a space,
the middle dots (`郭·峰`, `郭・峰`; full-width `･` is `・` after NFKC), a bracket (`郭[峰](x)`,
a Markdown link the handbook shows as 郭峰 (x)), a dot, an underscore or a dash (every dash
is `-` by then). Between two Chinese characters they are dropped (a regular expression's
character class: the brackets escaped)."""
_CJK_GAPS = re.compile(f"[{CJK}][{_NAME_JOINERS}]+[{CJK}]")
_CJK_GAP = re.compile(f"(?<=[{CJK}])[{_NAME_JOINERS}]+(?=[{CJK}])")
_ANY_JOINER = re.compile(f"[{_NAME_JOINERS}]")
_CJK_BREAK = re.compile(f"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")
"""A line break between two Chinese characters (spaces beside it): a text over several lines
(`notes: |`) breaks a name as well as a sentence, and a page joins the lines again (劉 洋).
Dropped, as a joiner is; a blank line between them parts two paragraphs and is kept."""


def _needs_folding(text: str) -> bool:
    # One character class of the basic plane and no alternative: with astral ranges in the
    # class, or an alternative, the engine tries every position of a Chinese text the long way.
    return bool(_FOLDED_BMP.search(text) or (_ANY_JOINER.search(text) and _CJK_GAPS.search(text)))


def _joined_lines(text: str) -> str:
    """``text`` without its line breaks between two Chinese characters (:data:`_CJK_BREAK`):
    one search where there is a line break at all, the lines joined where one is found."""
    if "\n" not in text or not _CJK_BREAK.search(text):
        return text
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:  # a loop over the lines: a third of the substitution's time
        before, after = joined[-1].rstrip(" \t"), line.lstrip(" \t")
        if before and after and _is_cjk(before[-1]) and _is_cjk(after[0]):
            joined[-1] = before + after
        else:
            joined.append(line)
    return "\n".join(joined)


def _is_cjk(character: str) -> bool:
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"  # CJK


_ENCODED = re.compile(
    r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?|%[0-9A-Fa-f]{2}|<[!/A-Za-z]"
)
"""An HTML character reference, a percent-encoded byte or the start of an HTML tag or comment:
what a browser, a mail client or an address bar shows as the character it stands for, or as
nothing."""
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _decoded(text: str) -> str:
    """``text`` with its HTML tags and comments removed (``Ken<!-- -->ji``), character
    references and percent-encoded bytes decoded, three times over at most (``%2526%2364;``
    is ``&#64;`` encoded twice); then, a line each, the tags and comments it held, decoded.

    What markup holds is searched too: a terminal, a CI log or an export shows
    ``<!-- Kenji Watanabe -->`` and ``<kenji.w@mail.example>`` as written."""
    held: list[str] = []
    for _ in range(3):
        if not _ENCODED.search(text):
            break
        if "<" in text:
            text = _without_markup(text, held)
        text = _unescaped(text)
    return "\n".join([text, *(_unescaped(_unescaped(piece)) for piece in held)])


def _unescaped(text: str) -> str:
    return unquote(html.unescape(text), errors="replace") if _ENCODED.search(text) else text


def _without_markup(text: str, held: list[str]) -> str:
    """``text`` without its HTML comments and tags, which are added to ``held``. Comments are
    found by ``str.find``: a regular expression tried at each of many unclosed ``<!--`` scans
    to the end of the text every time (a record of them took an hour)."""
    kept: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        kept.append(text[position:start])
        held.append(text[start : end + 3])
        position = end + 3
    kept.append(text[position:])
    rest = "".join(kept)
    held.extend(_TAG.findall(rest))
    return _TAG.sub("", rest)


_INLINE_MARKS = re.compile(r"(?<=[^\W\d_])[*`]+(?=[^\W\d_])")
"""Markdown's emphasis and code marks between two letters: the handbook renders record text
as Markdown, so ``郭**峰**`` is 郭峰 on the page and in its search index, ``Gu*o*`` Guo. Not
between digits: ``138****0001`` is a phone number masked, no number."""


def normalise(text: str) -> str:
    """``text`` as personal data is searched in (see the module's documentation).

    Pure-ASCII text without a control character is returned as it is, and so is text that is
    already normal: only the rare text that needs it is rewritten. Line feeds are kept, but
    one between two Chinese characters (:data:`_CJK_BREAK`).
    """
    if ("&" in text or "%" in text or "<" in text) and _ENCODED.search(text):
        text = _decoded(text)
    if ("*" in text or "`" in text) and _INLINE_MARKS.search(text):
        text = _INLINE_MARKS.sub("", text)
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return text
    if not _needs_folding(text):
        # Most Chinese text is here: at most full-width punctuation for NFKC to fold.
        if unicodedata.is_normalized("NFKC", text):
            return _joined_lines(text)
        text = unicodedata.normalize("NFKC", text)
        if not _needs_folding(text):
            return _joined_lines(text)
    folded = unicodedata.normalize("NFKC", text.translate(_FOLD)).translate(_FOLD)
    return _joined_lines(_CJK_GAP.sub("", _MARKS.sub("", folded)))
