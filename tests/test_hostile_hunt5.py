"""The hostile-input hunt, round five: the newest code (trust).

Rounds one to four (``test_hostile_hunt.py``, ``test_hostile_writers.py``, the fuzz and
``test_trust_leftovers*.py``) hunted the readers, the writers and the outputs. This round
hunted what changed last: the Chinese name spellings of the personal-data rules, the branch
``init`` writes into the workflows, and two leftovers of round four (UTF-16 with an emoji
early, a conflict quoted in a case's fenced code). Each case here failed before its change;
expected values are worked out by hand from the small agency of ``conftest.py``.
"""

from __future__ import annotations

import pytest

CANDIDATE = "candidates/cand-0002.yaml"


# --- 1. UTF-16 without a byte-order mark, an emoji or a Chinese character first -----------------
# Without a mark, UTF-16 was known by the NULs beside every ASCII letter in its first bytes.
# An emoji (a surrogate pair, 3D D8 00 DE in little-endian) or a Chinese character (名 is
# 0D 54) among them broke the pattern, and the file was called binary (HB102, "was a
# spreadsheet or image saved with a .yaml name?") where it is text in the wrong encoding.


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "😀 id: cand-0002\n",  # the emoji first: no NUL in the first two bytes
        "id: 😀\n",  # four letters before it: too few for the pattern
        "name: 😀😀😀 劉洋\nid: cand-0002\n",
        "名字: 劉洋\nid: cand-0002\n",  # Chinese first, no emoji at all
        "# 候選人\r\nid: cand-0002\r\n",  # a comment first, Windows line breaks
    ],
)
def test_utf16_with_an_emoji_or_chinese_first_is_named_utf16(agency, codec, text):
    (problem,) = agency.check(CANDIDATE, text.encode(codec), expect=[(1, 1, "HB103")])
    assert problem.message.startswith("the file is UTF-16 text, not UTF-8; save it as UTF-8")


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        # a PNG's signature and the start of its header: as UTF-16, 00 00 is U+0000
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", (3, 1)),
        # a ZIP (an .xlsx): PK 03 04, version 14 00, flags 00 00 — U+0000 again
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00id: x\n", (1, 6)),
        # text with a NUL: `: ` but U+0000 in either byte order
        (b"id: cand-0002\x00\x00\n", (1, 14)),
        # an odd number of bytes is no UTF-16
        ("id: 😀\n".encode("utf-16-le") + b"\x00", (1, 2)),
        # decodes as UTF-16 (no surrogate, no control character) but holds no `key:`
        ("😀 no key here\n".encode("utf-16-le"), (1, 3)),
    ],
)
def test_binary_is_still_binary(agency, raw, where):
    (problem,) = agency.check(CANDIDATE, raw, expect=[(*where, "HB102")])
    assert "UTF-16" not in problem.message
