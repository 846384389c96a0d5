"""HB208 — A date or time has the right form but does not exist, or is of another era.

`2026-02-30` or `2026-03-05T25:00:00+08:00` look like dates but are not on any calendar, so no
clock can start from them. A year outside 1900 to 2999 (`0001-01-01`, `9999-12-31`) is a typo
to the clocks, which would count to it through every working day between, or past the last day
they can hold; a date meant as "never" is written as a real one and renewed when it comes.

It is reported when the record's values are read into dates and times.

Example::

    client_signed_on: 2026-02-30

Fix: Correct the day, month or time.
"""

from hirebook.problem import Severity

CODE = "HB208"
NAME = "impossible-date"
SEVERITY = Severity.ERROR
