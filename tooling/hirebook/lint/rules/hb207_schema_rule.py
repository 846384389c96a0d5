"""HB207 — Another rule of the schema is broken.

Covers the remaining schema rules, for example a combination of fields that must go together.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    type: progress_report   # without the plan it reports on

Fix: Follow the message; the field descriptions in `schemas/` explain each rule.
"""

from hirebook.problem import Severity

CODE = "HB207"
NAME = "schema-rule"
SEVERITY = Severity.ERROR
