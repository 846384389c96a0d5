"""HB207 — Another rule of the schema is broken.

Covers the remaining schema rules, for example a combination of fields that must go together.

It is reported when the record is checked against its JSON Schema in `schemas/`, and for a
policy calendar the SLA clocks cannot use: working hours that do not end after they start, a
date listed both as a holiday and as a make-up working day (every command that evaluates a
clock refuses it).

Example::

    type: progress_report   # without the plan it reports on

Fix: Follow the message; the field descriptions in `schemas/` explain each rule.
"""

from hirebook.problem import Severity

CODE = "HB207"
NAME = "schema-rule"
SEVERITY = Severity.ERROR
