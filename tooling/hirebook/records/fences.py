"""Fenced code blocks in record Markdown, by one rule for the two places that need it.

The handbook shows a fenced block as code (:mod:`hirebook.handbook.richtext`), and the merge
conflict check passes over it (:func:`hirebook.records.document.as_shown`): a case may quote
the conflict its team met. Both find the blocks here, so a line the check takes for code is
a line the page shows as code.

The rule (Python-Markdown's ``fenced_code``, which the handbook used before): a block opens at
a line of three or more backticks or tildes at the start of the line, followed by nothing but
spaces and at most one word naming a language (letters, digits, ``_ # . + -``); it closes at
the next line of exactly that fence, spaces after it allowed. An opening line that is never
closed opens nothing, and the lines after it are read on as if it were text.

The lines are read once, and each opening finds its closing line in a table of the closing
lines by fence: ``fenced_code``'s pattern searched on from every unclosed opening to the end
of the text, so 8,000 lines of ``` ```x ``` took 3 s to render and a 1 MB case hours.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

_LANGUAGE = re.compile(r"\.?[\w#.+-]+")


class Block(NamedTuple):
    """A fenced code block: the indexes (from 0) of its opening and closing lines, and the
    language its opening line names (``""`` for none)."""

    opening: int
    closing: int
    language: str


def blocks(lines: Sequence[str]) -> list[Block]:
    """The fenced code blocks of Markdown split into ``lines`` (without line ends), in order."""
    closings: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        fence = _fence(line)
        if fence and line.rstrip(" ") == fence:
            closings.setdefault(fence, []).append(index)
    found: list[Block] = []
    index = 0
    while index < len(lines):
        block = _block_at(lines[index], index, closings)
        if block is None:
            index += 1
            continue
        found.append(block)
        index = block.closing + 1
    return found


def _block_at(line: str, index: int, closings: dict[str, list[int]]) -> Block | None:
    """The block that ``line`` (at ``index``) opens, or None: no opening line, never closed."""
    fence = _fence(line)
    if not fence:
        return None
    words = line[len(fence) :].strip(" ")
    if words and not _LANGUAGE.fullmatch(words):
        return None
    ends = closings.get(fence, [])
    after = bisect.bisect_right(ends, index)
    if after == len(ends):
        return None
    return Block(index, ends[after], words.removeprefix("."))


def _fence(line: str) -> str:
    """The run of backticks or tildes (three or more) that ``line`` starts with, else ``""``."""
    if not line.startswith(("```", "~~~")):
        return ""
    return line[: len(line) - len(line.lstrip(line[0]))]
