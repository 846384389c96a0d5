"""HB205 — A date, datetime, id, duration or code is not written in its format.

Dates are `YYYY-MM-DD`, datetimes `YYYY-MM-DDTHH:MM:SS+08:00`, ids lower-case letters, digits
and dashes, durations `24h`, `2d`, `3bd` or `90m`, currencies three capital letters.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    received_at: 2026/03/02 10:00
    id: Req_2026_014

Fix: Rewrite the value in the format the message gives.
"""

from hirebook.problem import Severity

CODE = "HB205"
NAME = "bad-format"
SEVERITY = Severity.ERROR
