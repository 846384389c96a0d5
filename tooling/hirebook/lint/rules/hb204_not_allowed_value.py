"""HB204 — A value is not one of the allowed choices.

Fields such as `tier`, `status`, `channel` and `decision` take one of a fixed list of words,
because the SLA goals and reports depend on them. The message lists the choices and the closest
one.

It is reported when the record is checked against its JSON Schema in `schemas/`, and for the
policy's `timezone` when it names no IANA timezone (`Asia/shanghai`): every time written
without an offset would be read in some other zone.

Example::

    tier: gold

Fix: Use one of the listed values, spelled exactly (lower case).
"""

from hirebook.problem import Severity

CODE = "HB204"
NAME = "not-allowed-value"
SEVERITY = Severity.ERROR
