"""HB203 — A value has the wrong type (text, number, list, mapping, true/false).

A common case is a phone number or code that YAML reads as a number: quote it. Another is a
single value where a list is expected.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    phone: +8621555501000
    openings: two

Fix: Quote text that looks like a number; write numbers without quotes; write lists as `[a,
b]`."""

from hirebook.problem import Severity

CODE = "HB203"
NAME = "wrong-type"
SEVERITY = Severity.ERROR
