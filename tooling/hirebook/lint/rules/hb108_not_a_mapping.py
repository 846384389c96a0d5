"""HB108 — The top level of the file is not a mapping.

A record is a set of `field: value` lines. A file whose top level is a list or a single value
is not a record.

It is reported while the file is read, before any other check.

Example::

    - id: acme-tech
      name: ACME

Fix: Remove the leading `- ` so that the fields start at the left margin.
"""

from hirebook.problem import Severity

CODE = "HB108"
NAME = "not-a-mapping"
SEVERITY = Severity.ERROR
