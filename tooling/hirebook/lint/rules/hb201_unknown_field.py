"""HB201 — A field that the schema does not know.

Schemas list every field a record may have (`additionalProperties: false`), so a typo does not
go unnoticed: `recieved_at` would otherwise just be ignored and the SLA clock would never
start. The message suggests the closest known field.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    id: req-2026-014
    recieved_at: 2026-03-02T10:00:00+08:00

Fix: Correct the spelling (the message says *did you mean …*), or remove the field.
"""

from hirebook.problem import Severity

CODE = "HB201"
NAME = "unknown-field"
SEVERITY = Severity.ERROR
