"""The candidates' index (:class:`Candidates`): every candidate's name, e-mail address and
phone number, read once per load from ``records/candidates/``, and the search of a normalised
text for them — what HB501 (a candidate's address spelled out), HB503 (a candidate's name in
free text), HB505 (a candidate's data in a person field) and the redactor look for.

A name is compared without its accents (:func:`without_accents`) and a Chinese name in either
script; an e-mail address case folded; a phone number by its digits, with or without the
country code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from hirebook.chinese_script import alike, one_spelling
from hirebook.privacy.emails_and_phones import (
    ADDRESS_WORD,
    LOCAL_PART,
    SPELLED_EMAIL,
    address,
    emails,
    might_hold_email,
    phone_numbers,
    up_to_dot,
    without_addresses,
)
from hirebook.privacy.normalisation import CJK, normalise

if TYPE_CHECKING:
    from hirebook.records.repository import Repository

_CJK_EXTENSIONS = "\U00020000-\U0003134f"
"""The Han characters beyond the basic plane (extensions B to H): the rare characters of many
names (王𡒊, 𠮷田), which a name's run of Chinese characters holds too."""
_CJK_RUN = re.compile(f"[{CJK}{_CJK_EXTENSIONS}]{{2,}}")
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
"""A word of a Latin name: a hyphen parts two (`Jean-Pierre`, `tp-2026-1120-liu-yang`)."""
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
        local_end = LOCAL_PART.match(text, match.start()).end()
        first = max(match.start() + 1, local_end - self.longest_local)
        for start in range(first, local_end):
            if text[start - 1] in ADDRESS_WORD:
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
                return up_to_dot(text, match, dots)
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
        found = self.name_in(without_addresses(text))
        if found:
            return found, "name"
        return None


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
