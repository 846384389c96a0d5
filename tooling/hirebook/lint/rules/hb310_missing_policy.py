"""HB310 — `records/policy.yaml` is missing (or is a folder).

The policy gives the timezone, the work calendar, the tiers and the SLA goals; without it no
clock can be evaluated.

It is reported while the file is read, before any other check.

Example::

    # records/ has clients/ and team/ but no policy.yaml

Fix: Copy the demo agency's `policy.yaml` and adapt it.
"""

from hirebook.problem import Severity

CODE = "HB310"
NAME = "missing-policy"
SEVERITY = Severity.ERROR
