"""Candidates' personal data: recognising it outside ``records/candidates/``, and withholding it
from everything that leaves the machine.

Nothing from a candidate's file but the id may appear in the handbook, the SQLite export, the
output of ``sla`` and ``report`` (and so the workflows' job summaries, annotations and issue
bodies). Personal data is recognised the same way everywhere:

- **Normalised first** (:func:`normalise`): HTML tags and comments removed, character
  references (`&#64;`, `&commat;`, `&#37101;`) and percent-encoding (`%40`, `%E9%83%AD`)
  decoded, then Unicode NFKC (full-width letters, digits and `＠`
  become ASCII), format and other invisible characters removed (zero-width spaces and joiners,
  bidi controls, soft hyphens, variation selectors), the combining marks of no one script
  that NFKC leaves (`K̶e̶n̶j̶i̶`, `劉́洋`) removed, every kind of space folded to a plain
  space, every kind of dash to `-`, and a space, middle dot, dot, underscore or dash between
  two Chinese characters dropped (`劉　洋`, `劉·洋` and `劉-洋` are `劉洋`), and so is a line
  break (a text over several lines breaks a name as it breaks a sentence). A name with a
  zero-width space inside, a phone number with no-break spaces or an e-mail with a full-width
  `＠` is found like the plain one. Control characters but the line feed are removed too
  (`"劉\\0洋"` is `劉洋`, as the handbook shows it). Markdown's inline marks between two
  letters are dropped as the handbook's page drops them (`郭**峰**` and `Gu*o* Feng`:
  emphasis, code), and a bracket between two Chinese characters (`郭[峰](x)`: a link's
  label). Pure-ASCII text without a control character
  needs none of it and is passed through as it is.
- **Free text** (every string of a record outside ``candidates/`` but the person fields below):
  any e-mail address (HB501; spelled out, `name (at) mail (dot) example`, a candidate's), any
  phone number (HB502) and any candidate's name (HB503).
- **Person fields** (:data:`PERSON_FIELDS`: a client contact's and a team member's `name`,
  `email` and `phone`) are meant to hold a person's data, so only a *candidate's* name, e-mail
  or phone found there is a problem (HB505); e-mails and phones are compared as addresses
  (case folded) and as digits (with or without the country code).

**One gate.** :data:`PERSONAL_DATA_CODES` are those four rules. The handbook refuses to build
when any of them finds something, whatever ``lint.severity`` and ignore comments say. Every
other output is *redacted* instead (:class:`Redactor`): when — and only when — the same rules
find something, every string that comes from record text passes through the redactor before
it reaches a reporter or the SQLite file, which replaces a candidate's name by the candidate's
id and an e-mail address or phone number by :data:`WITHHELD`. Redacting rather than refusing
keeps the morning SLA board and its issues running while the record is fixed; the command says
on stderr which records it withheld data from.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from hirebook.chinese_script import alike, one_spelling
from hirebook.problem import Problem

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.records.document import Document
    from hirebook.records.repository import Repository
    from hirebook.sla.clock import Finding
    from hirebook.sla.engine import Board

PERSONAL_DATA_CODES = ("HB501", "HB502", "HB503", "HB505")
"""The rules that find personal data outside ``candidates/``: what the handbook never
publishes and the other outputs withhold."""

WITHHELD = "[personal data withheld]"
"""What an e-mail address or phone number is replaced by in a redacted output."""

# --- normalisation -------------------------------------------------------------------------

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
_CJK = "\u3400-\u9fff\uf900-\ufaff"


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
_CJK_GAPS = re.compile(f"[{_CJK}][{_NAME_JOINERS}]+[{_CJK}]")
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[{_NAME_JOINERS}]+(?=[{_CJK}])")
_ANY_JOINER = re.compile(f"[{_NAME_JOINERS}]")
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")
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
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"  # _CJK


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


# --- e-mail addresses and phone numbers ------------------------------------------------------

# The local part is 64 characters at most (RFC 5321): tried at every position of a long word,
# an unbounded one scanned to the word's end each time (a 30,000-letter word before "(at)" in
# a summary took lint 14 s, 40,000 letters after an `@` 7 s). A longer one is matched by its
# end (see Candidates._candidates_within).
EMAIL = re.compile(r"[\w.%+-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
"""An e-mail address (letters of any script: `劉洋@mail.example` is one too)."""
_AT = r"(?:@| @ |(?i: ?[(\[{] ?at ?[)\]}] ?))"
_DOT = r"(?:\.|(?i: ?[(\[{] ?dot ?[)\]}] ?))"
SPELLED_EMAIL = re.compile(rf"[\w.%+-]{{1,64}}{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}}")
"""An e-mail address as people spell one out to keep it from robots — `liu.yang (at) mail (dot)
example`, `[at]`, `{AT}`, an `@` between spaces — or as :data:`EMAIL`. Spelled out, it counts
only as a *candidate's* address (:meth:`Candidates.spelled_addresses`): "posted the role @
zhaopin.com" and "ads [at] liepin.com" are how recruiters write about job boards. Spaces only,
never a line break: a rule searches many texts at once."""
_SPELLED = re.compile(r"[(\[{] ?(at|dot) ?[)\]}]", re.IGNORECASE)
_AT_SIGN = re.compile(_AT)
_DOT_SIGN = re.compile(_DOT)
_LOCAL_PART = re.compile(r"[\w.%+-]+")
_ADDRESS_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
"""Characters that, before a candidate's address, make it part of a longer one."""


def might_hold_email(text: str) -> bool:
    """Whether ``text`` has an `@` or a spelled-out one: what :data:`SPELLED_EMAIL` needs."""
    return "@" in text or _SPELLED.search(text) is not None


def address(written: str) -> str:
    """An e-mail address as it is compared: spelled-out `@` and `.` as the characters, no
    spaces, case folded (`Liu.Yang (AT) Mail.Example` is `liu.yang@mail.example`)."""
    plain = _SPELLED.sub(lambda m: "@" if m.group(1).lower() == "at" else ".", written)
    return plain.replace(" ", "").casefold()


_GROUPED = r"(?:[ .-]|\)[ .-]?|[ .-]?\()?"
"""What may stand between two digits of a phone number: a space, dash or dot, or a
parenthesis closing or opening a group (`+86 (138) 0000-0001`)."""
PHONE = re.compile(
    rf"(?<![A-Za-z0-9_.+-])(?:\+\d(?:{_GROUPED}\d){{7,14}}|\d(?:{_GROUPED}\d){{9,14}})"
    r"(?![A-Za-z0-9_-])"
)
"""A phone number: 10+ digits, or 8+ after a "+", optionally grouped by spaces, dashes, dots
or parentheses. Only ASCII letters and digits around it make it part of a word: Chinese text
writes a number straight after a word (`电话13800000001`)."""
DATE_LIKE = re.compile(
    r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?:(?:[ T]|[ .-]?\()(?:[01]?\d|2[0-3]))?"
)
"""A date, or a date and the hour of a time (``2026-11-24 14:00`` and ``2026-11-24 (14:00)``
match :data:`PHONE` up to their hour): a calendar date of this century or the last, so that a
number grouped like one (``0212-34-56``) is still a phone number."""


def emails(text: str) -> list[re.Match]:
    """The e-mail addresses in normalised ``text`` (written with an `@`, as :data:`EMAIL`)."""
    return list(EMAIL.finditer(text)) if "@" in text else []


def phone_numbers(text: str) -> list[re.Match]:
    """The phone numbers in normalised ``text`` (dates are not mistaken for numbers)."""
    return [m for m in PHONE.finditer(text) if not DATE_LIKE.fullmatch(m.group(0))]


# --- person fields ---------------------------------------------------------------------------

PERSON_FIELDS = ("name", "email", "phone")
"""A client contact's and a team member's fields that hold a person's data (HB505)."""


def person_fields(document: Document) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every person field of a team member's or a client's record."""
    data = document.data
    if document.kind == "person":
        for key in PERSON_FIELDS:
            if isinstance(data.get(key), str):
                yield (key,), data[key]
    elif document.kind == "client" and isinstance(data.get("contacts"), list):
        for index, contact in enumerate(data["contacts"]):
            if isinstance(contact, dict):
                for key in PERSON_FIELDS:
                    if isinstance(contact.get(key), str):
                        yield ("contacts", index, key), contact[key]


def free_text_data(document: Document) -> object:
    """The document's data without the names of :func:`person_fields` (their e-mails and
    phones are contact fields already): those are HB505's, not free text."""
    data = document.data
    if document.kind == "person" and "name" in data:
        return {key: value for key, value in data.items() if key != "name"}
    if document.kind == "client" and isinstance(data.get("contacts"), list):
        contacts = [
            {key: value for key, value in contact.items() if key != "name"}
            if isinstance(contact, dict)
            else contact
            for contact in data["contacts"]
        ]
        return {**data, "contacts": contacts}
    return data


# --- the candidates' data --------------------------------------------------------------------

_CJK_EXTENSIONS = "\U00020000-\U0003134f"
"""The Han characters beyond the basic plane (extensions B to H): the rare characters of many
names (王𡒊, 𠮷田), which a name's run of Chinese characters holds too."""
_CJK_RUN = re.compile(f"[{_CJK}{_CJK_EXTENSIONS}]{{2,}}")
_LETTERS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"  # Latin
    "\u0386-\u03ff\u0400-\u0481\u048a-\u04ff"  # Greek, Cyrillic
    "\u30a1-\u30fa\u30fc\uac00-\ud7a3"  # katakana (ジョン・スミス), Hangul syllables (김민수)
)
"""The letters of a name written in words: Latin with its accented letters (Zoë Müller, Łukasz,
Nguyễn Văn An), Greek, Cyrillic, katakana and Hangul. A name's words are whole words of these
letters: before, ASCII letters alone, so Zoë was looked for as `Zo` (and `Zo` anywhere taken
for her), the redactor wrote `cand-0002ë Mücand-0002` of Zoë Müller, and 김민수 was not looked
for at all. A word runs on into the next letter: 김민수가 (with a particle) is another word, so
a Korean name is found where a space or punctuation ends it; katakana stops at hiragana
(ジョン・スミスさん)."""
_LATIN_WORDS = re.compile(
    f"[{_LETTERS}][{_LETTERS}'-]*(?:[\\s\u00b7\u30fb]+[{_LETTERS}][{_LETTERS}'-]*)*"
)
"""A name's phrase: its words between spaces or middle dots (ジョン・スミス is two words)."""
_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}']*")
_ACCENTED = re.compile("[\u00c0-\u024f\u0386-\u03ce\u1e00-\u1eff]")


def _accents_table() -> dict[int, str]:
    table = {}
    for code in [*range(0xC0, 0x250), *range(0x386, 0x3CF), *range(0x1E00, 0x1F00)]:
        letter = "".join(
            c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c)
        )
        if letter != chr(code) and len(letter) == 1:
            table[code] = letter
    return table


_ACCENTS = _accents_table()
"""Each Latin or Greek letter with an accent (é, ü, ǎ, ễ, ά) and the letter without it: what NFD
leaves of it but its marks. Letters that are no accented form of another (ø, ł, ß, æ) are not
here."""


def _plain(words: list[str]) -> list[str]:
    """:func:`without_accents` of each word (a Chinese text's few words, not the whole text)."""
    return [word if word.isascii() else without_accents(word) for word in words]


def without_accents(text: str) -> str:
    """``text`` with its accented Latin letters plain, each where it was (the same length): a
    name's words are compared so, as people write a name with its accents or without them —
    Liú Yáng in pinyin with its tones is Liu Yang, José Li is Jose Li."""
    if text.isascii() or not _ACCENTED.search(text):
        return text
    return text.translate(_ACCENTS)


"""A word of a Latin name: a hyphen parts two (`Jean-Pierre`, `tp-2026-1120-liu-yang`)."""
_DIGIT = re.compile(r"\d")
_NOT_DIGITS = re.compile(r"\D+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SHORTEST_NUMBER = 9
"""Digits a phone number keeps without its country code (one to three digits) or trunk zero,
to be compared at all."""


class Candidates:
    """Every candidate's name, e-mail and phone, indexed so that a text is searched in time
    linear in its length (a regular expression of thousands of alternatives took half a
    minute on 10,000 records).

    A Chinese name is found as a run of Chinese characters (beyond the basic plane too); a name
    in Latin letters (accented ones too), Greek, Cyrillic, katakana or Hangul as whole words
    ("Li" never matches "Lina"; a hyphen parts words, `kenji-watanabe`): of two words or more
    in any case (`KENJI WATANABE`; in their order: Yang Liu is another person than Liu Yang),
    of one word in the same case (a candidate called Grace is not every "grace"). A name
    written both ways (`劉洋 (Liu Yang)`) is found either way, a Chinese name in either script
    (`龚丽` and `龔麗`: both in :func:`hirebook.chinese_script.one_spelling`). E-mail addresses
    compare case folded; phone numbers by their digits, with or without the country code.
    """

    def __init__(self, fields: dict[str, dict[str, str]]) -> None:
        self.cjk: dict[str, str] = {}
        """A Chinese name in :func:`one_spelling` → candidate: the text is compared in it too."""
        self.latin: dict[tuple[str, ...], str] = {}
        """Words → candidate: one word as written, two or more lower-cased (:func:`_lowered`)."""
        self.emails: dict[str, str] = {}
        self.phones: dict[str, list[tuple[str, str]]] = {}
        """last digits → (digits, candidate) of the numbers that end in them."""
        for candidate, found in fields.items():
            if "name" in found:
                self._add_name(normalise(found["name"]), candidate)
            if "email" in found:
                self.emails.setdefault(address(normalise(found["email"])), candidate)
            if "phone" in found:
                digits = _digits(normalise(found["phone"]))
                if len(digits) >= _SHORTEST_NUMBER:
                    key = digits[-_SHORTEST_NUMBER:]
                    self.phones.setdefault(key, []).append((digits, candidate))
        self.longest_local = max((len(key.partition("@")[0]) for key in self.emails), default=0)
        """The longest local part of a candidate's address: how far back one can start."""
        self.longest_address = max(map(len, self.emails), default=0)
        """The longest address of a candidate: how far into a longer match one can end."""
        self.cjk_lengths = sorted({len(key) for key in self.cjk}, reverse=True)
        self.latin_lengths = sorted({len(key) for key in self.latin}, reverse=True)
        # A name can only start where its first character (word) stands: most positions of
        # a text are skipped without building a key. A Chinese name's first character in any
        # spelling: a text is put in one spelling only where one stands.
        self.cjk_firsts = {form for key in self.cjk for form in alike(key[0])}
        self.latin_firsts = {key[0] for key in self.latin}

    @classmethod
    def of(cls, repo: Repository) -> Candidates:
        """The index of ``repo``'s candidates, built once per load (rules and outputs share it)."""
        index = repo.derived.get("privacy-candidates")
        if index is None:
            index = repo.derived["privacy-candidates"] = cls(repo.candidate_fields())
        return index

    def __bool__(self) -> bool:
        return bool(self.cjk or self.latin or self.emails or self.phones)

    def _add_name(self, name: str, candidate: str) -> None:
        name = without_accents(name)
        for run in _CJK_RUN.findall(name):
            # The same name in the other script: 龚丽 is 龔麗 to a colleague in Hong Kong, and
            # the Chinese sites' search index gives every Chinese word in both scripts.
            self.cjk.setdefault(one_spelling(run), candidate)
        for phrase in _LATIN_WORDS.findall(name):
            words = tuple(_WORD.findall(phrase))
            if len(words) >= 2:
                self.latin.setdefault(tuple(_lowered(phrase, words)), candidate)
            elif words and len(words[0]) >= 2:
                self.latin.setdefault(words, candidate)

    def name_in(self, text: str) -> str | None:
        """The id of a candidate whose name is in normalised ``text``, or None."""
        # isdisjoint first: most texts hold no first character (word) of any name, and that
        # one call is quicker than looking at each character (word) in turn.
        if self.cjk:
            for run in _CJK_RUN.findall(text):
                if self.cjk_firsts.isdisjoint(run):
                    continue
                run = one_spelling(run)
                starts = [i for i, char in enumerate(run) if char in self.cjk_firsts]
                for size in self.cjk_lengths:
                    for start in starts:
                        if start + size <= len(run):
                            found = self.cjk.get(run[start : start + size])
                            if found:
                                return found
        if self.latin:
            words = _WORD.findall(text)
            if not text.isascii():
                words = _plain(words)
            lowered = _lowered(text, words)
            firsts = self.latin_firsts
            if firsts.isdisjoint(words) and firsts.isdisjoint(lowered):
                return None
            starts = [i for i, word in enumerate(words) if word in firsts or lowered[i] in firsts]
            for size in self.latin_lengths:
                keys = words if size == 1 else lowered
                for start in starts:
                    if start + size <= len(words):
                        found = self.latin.get(tuple(keys[start : start + size]))
                        if found:
                            return found
        return None

    def names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, candidate) of every name in normalised ``text``, longest first where
        names overlap."""
        for run in _CJK_RUN.finditer(text) if self.cjk else ():
            chars, i = run.group(), 0
            if not self.cjk_firsts.isdisjoint(chars):
                chars = one_spelling(chars)  # each character where it was
            while i < len(chars):
                size = self._cjk_at(chars, i)
                if size:
                    yield run.start() + i, run.start() + i + size, self.cjk[chars[i : i + size]]
                    i += size
                else:
                    i += 1
        if self.latin:
            words = list(_WORD.finditer(text))
            texts = _plain([word.group() for word in words])
            lowered = _lowered(text, texts)
            i = 0
            while i < len(words):
                size = self._latin_at(texts, lowered, i)
                if size:
                    key = tuple((texts if size == 1 else lowered)[i : i + size])
                    yield words[i].start(), words[i + size - 1].end(), self.latin[key]
                    i += size
                else:
                    i += 1

    def _cjk_at(self, chars: str, i: int) -> int:
        if chars[i] in self.cjk_firsts:
            for size in self.cjk_lengths:
                if i + size <= len(chars) and chars[i : i + size] in self.cjk:
                    return size
        return 0

    def _latin_at(self, words: list[str], lowered: list[str], i: int) -> int:
        if words[i] in self.latin_firsts or lowered[i] in self.latin_firsts:
            for size in self.latin_lengths:
                keys = words if size == 1 else lowered
                if i + size <= len(words) and tuple(keys[i : i + size]) in self.latin:
                    return size
        return 0

    def email_owner(self, text: str) -> str | None:
        """The candidate whose e-mail address is (in) normalised ``text``, written or spelled
        out."""
        for match in self.addresses(text):
            found = self.emails.get(address(match.group(0)))
            if found:
                return found
        return self.emails.get(address(text))

    def addresses(self, text: str) -> list[re.Match]:
        """The e-mail addresses in normalised ``text`` that are personal data: any written with
        an `@` (:func:`emails`), and a candidate's spelled out (:meth:`spelled_addresses`)."""
        return emails(text) + self.spelled_addresses(text)

    def spelled_addresses(self, text: str) -> list[re.Match]:
        """A candidate's e-mail address spelled out in normalised ``text``
        (:data:`SPELLED_EMAIL`)."""
        if not self.emails or not might_hold_email(text):
            return []
        found = (self._candidates_within(text, match) for match in SPELLED_EMAIL.finditer(text))
        return [match for match in found if match is not None]

    def _candidates_within(self, text: str, match: re.Match) -> re.Match | None:
        """``match`` or its end that is a candidate's address. Chinese text writes an address
        straight after a word (`邮箱liu.yang (at) mail (dot) example`), and a dash or an
        underscore can stand before it: the local part then starts after them, as a phone
        number starts after a Chinese word. An ASCII letter or digit before it makes it part
        of another address."""
        found = self._candidates_from_start(text, match)
        if found is not None:
            return found
        local_end = _LOCAL_PART.match(text, match.start()).end()
        first = max(match.start() + 1, local_end - self.longest_local)
        for start in range(first, local_end):
            if text[start - 1] in _ADDRESS_WORD:
                continue
            tail = SPELLED_EMAIL.match(text, start)
            found = self._candidates_from_start(text, tail) if tail is not None else None
            if found is not None:
                return found
        return None

    def _candidates_from_start(self, text: str, match: re.Match) -> re.Match | None:
        """``match``, or its start up to a dot, that is a candidate's address. A sentence
        that goes on after the address without a space runs into it (`… (dot) example (dot)
        Thanks`, `….example.Thanks`): the candidate's address then ends at one of the dots
        of the match, within the length of the longest. A longer address that starts with a
        candidate's whole address and goes on after a dot (`… example (dot) cn`) is taken for
        it too: a word after a dot may be a sentence as well as a domain, and the candidate's
        address is written out either way."""
        plain = address(match.group(0))
        if plain in self.emails:
            return match
        at = plain.find("@")
        cut = plain.find(".", at)
        dots = 0  # the dots of the domain before ``cut``
        while 0 <= cut <= self.longest_address:
            if plain[:cut] in self.emails:
                return _up_to_dot(text, match, dots)
            cut, dots = plain.find(".", cut + 1), dots + 1
        return None

    def phone_owner(self, text: str) -> str | None:
        """The candidate whose phone number is (in) normalised ``text``: the same digits, or
        the same but for a country code (or trunk zero) on one side."""
        numbers = [m.group(0) for m in phone_numbers(text)]
        if not numbers and _DIGIT.search(text):
            numbers = [text]  # a number written some other way: its digits alone
        for number in numbers:
            digits = _digits(number)
            if len(digits) < _SHORTEST_NUMBER:
                continue
            for known, candidate in self.phones.get(digits[-_SHORTEST_NUMBER:], ()):
                longer, shorter = (known, digits) if len(known) > len(digits) else (digits, known)
                if longer.endswith(shorter) and len(longer) - len(shorter) <= 3:
                    return candidate
        return None

    def owner(self, text: str) -> tuple[str, str] | None:
        """(candidate, what: "name", "e-mail address" or "phone number") of candidate data in
        normalised ``text`` (a person field), or None. An e-mail address is the candidate's only
        if it is the candidate's address: one made of the same name (`liu.yang@acme.example`)
        is someone else's."""
        found = self.email_owner(text)
        if found:
            return found, "e-mail address"
        found = self.phone_owner(text)
        if found:
            return found, "phone number"
        found = self.name_in(_without_addresses(text))
        if found:
            return found, "name"
        return None


def _up_to_dot(text: str, match: re.Match, dots: int) -> re.Match | None:
    """:data:`SPELLED_EMAIL` over ``match`` up to the dot of its domain after ``dots`` others
    (spelled out or not: the domain's words hold no dot, bracket or space)."""
    domain = _AT_SIGN.search(text, match.start(), match.end()).end()
    for index, dot in enumerate(_DOT_SIGN.finditer(text, domain, match.end())):
        if index == dots:
            return SPELLED_EMAIL.fullmatch(text, match.start(), dot.start())
    return None


def _without_addresses(text: str) -> str:
    return SPELLED_EMAIL.sub(" ", text) if might_hold_email(text) else text


def _lowered(text: str, words: Sequence[str]) -> list[str]:
    """``words`` (the :data:`_WORD` s of ``text``) in lower case: the words of ASCII ``text``
    lower-cased at once, where there is a capital to lower at all; of other text, case folded
    one by one (İ is two characters folded; ς is σ and ß is ss, in lower case too)."""
    if not words:
        return []
    if not text.isascii():
        return [word.casefold() for word in words]
    if text.islower():
        return list(words)
    return _WORD.findall(text.translate(_ASCII_LOWER))


def _digits(text: str) -> str:
    return _NOT_DIGITS.sub("", text).lstrip("0")


# --- the gate and redaction ------------------------------------------------------------------


def found_in(repo: Repository) -> list[Problem]:
    """What :data:`PERSONAL_DATA_CODES` find in ``repo``, as written (no severity, no ignore
    comment silences them), sorted. Their results are cached on the repository by a lint that
    ran before, so this costs their searches only."""
    from hirebook.lint.registry import RULES_BY_CODE  # the rules import this module
    from hirebook.lint.rule import Context

    context = Context(today=date.today())  # these rules do not read the day
    return sorted(
        problem
        for code in PERSONAL_DATA_CODES
        for problem in RULES_BY_CODE[code].check(repo, context)
    )


class Redactor:
    """Withholds personal data from an output: candidates' names become their ids, e-mail
    addresses and phone numbers :data:`WITHHELD`.

    Built for an output by :meth:`of` (one process) or :meth:`after` (worker processes): it
    redacts when the gate found personal data, and is a no-op (false) otherwise — when the
    rules find nothing in the records, no text made from them holds anything to redact.
    """

    def __init__(self, candidates: Candidates | None, found: Sequence[Problem] = ()) -> None:
        self.candidates = candidates
        self.found = list(found)
        """What the gate found: the records data was withheld from."""

    @classmethod
    def of(cls, repo: Repository) -> Redactor:
        """The redactor for outputs made from ``repo`` (a full load)."""
        found = found_in(repo)
        return cls(Candidates.of(repo), found) if found else NOTHING

    @classmethod
    def after(cls, found: Sequence[Problem], records_dir: Path, root: Path) -> Redactor:
        """The redactor for outputs made by worker processes, from what they found (``direct``
        codes :data:`PERSONAL_DATA_CODES`); the candidates are read only if it is needed."""
        if not found:
            return NOTHING
        from hirebook.records.repository import load_policy

        return cls(Candidates.of(load_policy(records_dir, root)), found)

    def __bool__(self) -> bool:
        return self.candidates is not None

    def text(self, value: str) -> str:
        """Free text: every e-mail address, phone number and candidate's name withheld. Text
        with none is returned as it is; text with some, normalised and redacted."""
        if self.candidates is None or not value:
            return value
        plain = normalise(value)
        spans = [(m.start(), m.end(), WITHHELD) for m in self.candidates.addresses(plain)]
        spans += [(m.start(), m.end(), WITHHELD) for m in phone_numbers(plain)]
        spans += self.candidates.names(plain)
        return _replaced(plain, spans) if spans else value

    def field(self, value: str) -> str:
        """A person field (a contact's or team member's name, e-mail or phone): a candidate's
        name becomes the id, a candidate's e-mail or phone the whole value :data:`WITHHELD`;
        anyone else's data is what the field is for."""
        if self.candidates is None or not value:
            return value
        plain = normalise(value)
        if self.candidates.email_owner(plain) or self.candidates.phone_owner(plain):
            return WITHHELD
        addresses = [(m.start(), m.end()) for m in self.candidates.addresses(plain)]
        spans = [
            span
            for span in self.candidates.names(plain)
            if not any(start <= span[0] < end for start, end in addresses)
        ]
        return _replaced(plain, spans) if spans else value

    def value(self, value: object) -> object:
        """``value`` with :meth:`text` applied to every string in it (dict keys included)."""
        if self.candidates is None:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.value(key): self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(item) for item in value)
        return value

    def lint(self, result: LintResult) -> LintResult:
        """The lint result with record text quoted in its messages redacted (``HB204`` quotes
        the value it refuses, which may be anything a person typed)."""
        if self.candidates is None:
            return result
        problems = [
            dataclasses.replace(problem, message=self.text(problem.message))
            for problem in result.problems
        ]
        return dataclasses.replace(result, problems=problems)

    def board(self, board: Board) -> Board:
        """The SLA board with its findings' texts redacted."""
        if self.candidates is None:
            return board
        return dataclasses.replace(board, findings=[self._finding(f) for f in board.findings])

    def _finding(self, finding: Finding) -> Finding:
        clock = finding.clock
        describe = self.text(clock.describe) if clock.describe else clock.describe
        subject = self.text(clock.subject) if clock.subject else clock.subject
        message = self.text(finding.message) if finding.message else finding.message
        if (describe, subject, message) == (clock.describe, clock.subject, finding.message):
            return finding
        clock = dataclasses.replace(clock, describe=describe, subject=subject)
        return dataclasses.replace(finding, clock=clock, message=message)

    def notice(self) -> str:
        """For stderr: which records data was withheld from, and where to look."""
        if not self.found:
            return ""
        places = sorted({f"{p.location} {p.code}" for p in self.found})
        shown = places[:20] + ([f"… and {len(places) - 20} more"] if len(places) > 20 else [])
        return "\n".join(
            [
                "Personal data was withheld from this output (a candidate's name is shown as "
                "the id, e-mail addresses and phone numbers as "
                f"{WITHHELD}); remove it from the records (hirebook lint):",
                *(f"  {place}" for place in shown),
            ]
        )


NOTHING = Redactor(None)
"""The redactor of records with no personal data: every output as it is."""


def _replaced(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each span replaced; of overlapping spans the first (longest) wins."""
    parts, end = [], 0
    for start, stop, replacement in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < end:
            continue
        parts += (text[end:start], replacement)
        end = stop
    parts.append(text[end:])
    return "".join(parts)
