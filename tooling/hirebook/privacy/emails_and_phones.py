"""E-mail addresses and phone numbers in normalised text, as the personal-data rules and the
redactor find them.

Any e-mail address written with an `@` is personal data (HB501, :data:`EMAIL`); one spelled out
(`name (at) mail (dot) example`, :data:`SPELLED_EMAIL`) only when it is a candidate's. Any phone
number is (HB502, :data:`PHONE`), but a date written like one. Addresses are compared as written
out and case folded (:func:`address`); phone numbers by their digits, in the candidates' index
(:mod:`hirebook.privacy.candidates`).
"""

from __future__ import annotations

import re

# The local part is 64 characters at most (RFC 5321): tried at every position of a long word,
# an unbounded one scanned to the word's end each time (a 30,000-letter word before "(at)" in
# a summary took lint 14 s, 40,000 letters after an `@` 7 s). A longer one is matched by its
# end (see candidates.Candidates._candidates_within).
EMAIL = re.compile(r"[\w.%+-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
"""An e-mail address (letters of any script: `劉洋@mail.example` is one too)."""
_AT = r"(?:@| @ |(?i: ?[(\[{] ?at ?[)\]}] ?))"
_DOT = r"(?:\.|(?i: ?[(\[{] ?dot ?[)\]}] ?))"
SPELLED_EMAIL = re.compile(rf"[\w.%+-]{{1,64}}{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}}")
"""An e-mail address as people spell one out to keep it from robots — `liu.yang (at) mail (dot)
example`, `[at]`, `{AT}`, an `@` between spaces — or as :data:`EMAIL`. Spelled out, it counts
only as a *candidate's* address (:meth:`.candidates.Candidates.spelled_addresses`): "posted the
role @ zhaopin.com" and "ads [at] liepin.com" are how recruiters write about job boards. Spaces
only, never a line break: a rule searches many texts at once."""
_SPELLED = re.compile(r"[(\[{] ?(at|dot) ?[)\]}]", re.IGNORECASE)
_AT_SIGN = re.compile(_AT)
_DOT_SIGN = re.compile(_DOT)
LOCAL_PART = re.compile(r"[\w.%+-]+")
ADDRESS_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
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


def up_to_dot(text: str, match: re.Match, dots: int) -> re.Match | None:
    """:data:`SPELLED_EMAIL` over ``match`` up to the dot of its domain after ``dots`` others
    (spelled out or not: the domain's words hold no dot, bracket or space)."""
    domain = _AT_SIGN.search(text, match.start(), match.end()).end()
    for index, dot in enumerate(_DOT_SIGN.finditer(text, domain, match.end())):
        if index == dots:
            return SPELLED_EMAIL.fullmatch(text, match.start(), dot.start())
    return None


def without_addresses(text: str) -> str:
    """``text`` with each e-mail address in it (spelled out too) a space."""
    return SPELLED_EMAIL.sub(" ", text) if might_hold_email(text) else text
