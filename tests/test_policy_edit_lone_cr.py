"""``holidays`` on a policy.yaml of CRLF lines that also holds a lone CR (``agency: A\\r\\r\\n``:
YAML reads a CR alone as a line break, so it is a blank line there, and the file lints clean).
The lines kept around the rewritten calendar block were counted with ``splitlines``, which
breaks at that CR too: the line above ``calendar:`` was dropped and the block's last line
written twice, so the edit was refused ("would change `calendar.holidays` beyond the new
dates", or a duplicate key). Expected texts worked out by hand: the new date goes first, in
the demo's form (``    - 2023-01-02    # New Year``), with the file's CRLF."""

from __future__ import annotations

from datetime import date

import pytest

from hirebook.policy_edit import add_dates
from hirebook.public_holidays import Day

NEW_YEAR = {"holidays": [Day(date(2023, 1, 2), "New Year")]}


@pytest.mark.parametrize(
    "last", ["  country: CN\r\n", '  hours: {start: "09:00", end: "18:00"}\r\n']
)
def test_a_lone_cr_above_the_calendar_keeps_every_line(last):
    head = "agency: A\r\r\n# kept\r\ncalendar:\r\n  holidays:\r\n"
    tail = "    - 2024-01-01\r\n" + last + "tiers: {}\r\n"
    assert add_dates(head + tail, NEW_YEAR).text == (
        head + "    - 2023-01-02    # New Year\r\n" + tail
    )
