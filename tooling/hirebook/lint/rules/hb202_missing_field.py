"""HB202 — A required field is missing.

The problem is placed on the mapping that lacks the field (or line 1 for the record itself),
where the field should be added.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    id: acme-tech
    name: ACME Technology
    # tier: is missing

Fix: Add the field. `hirebook new KIND` writes every required field.
"""

from hirebook.problem import Severity

CODE = "HB202"
NAME = "missing-field"
SEVERITY = Severity.ERROR
