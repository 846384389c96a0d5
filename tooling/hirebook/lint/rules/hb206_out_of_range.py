"""HB206 — A number or list is outside its allowed range.

Scores run from 1 to 5, NPS from 0 to 10, openings are at least 1, and some lists must not be
empty.

It is reported when the record is checked against its JSON Schema in `schemas/`.

Example::

    scores: {overall: 6}

Fix: Use a value inside the range the message gives.
"""

from hirebook.problem import Severity

CODE = "HB206"
NAME = "out-of-range"
SEVERITY = Severity.ERROR
