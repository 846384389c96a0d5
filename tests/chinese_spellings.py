"""Every spelling of a Chinese name in either script, listed one by one: the tests' oracle
for :func:`hirebook.chinese_script.one_spelling`, which finds them all by comparing one string
and so never lists them."""

from __future__ import annotations

import itertools
import math

from hirebook.chinese_script import alike, one_spelling

MOST_SPELLINGS = 256
"""The most spellings :func:`spellings` lists of a name (a long one of many ambiguous
characters has thousands); beyond, the name and its one spelling."""


def spellings(name: str) -> list[str]:
    """Every spelling of ``name`` in either script, one character at a time (龚丽: 龚丽, 龚麗,
    龔丽, 龔麗), ``name`` first; at most :data:`MOST_SPELLINGS`."""
    choices = [sorted(alike(character)) for character in name]
    if math.prod(map(len, choices)) > MOST_SPELLINGS:
        simple = one_spelling(name)
        return [name] if simple == name else [name, simple]
    return [name, *sorted({"".join(letters) for letters in itertools.product(*choices)} - {name})]
