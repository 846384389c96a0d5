"""HB209 — A datetime has no UTC offset.

A datetime without an offset is read in the policy's timezone, which is usually what was meant;
the warning asks to make it explicit, because records may be written from several timezones.

It is reported when the record's values are read into dates and times.

Example::

    submitted_at: 2026-03-12T15:00

Fix: Add the offset: `2026-03-12T15:00:00+08:00`.
"""

from hirebook.problem import Severity

CODE = "HB209"
NAME = "datetime-without-offset"
SEVERITY = Severity.WARNING
