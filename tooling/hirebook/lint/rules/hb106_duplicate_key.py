"""HB106 — The same key appears twice in one mapping.

Plain YAML loaders keep the last value silently, so one of the two would be lost without a
word. hirebook refuses the file and names every duplicate.

It is reported while the file is read, before any other check.

Example::

    status: confirmed
    openings: 2
    status: filled

Fix: Keep one of the two keys (merge their values if both matter).
"""

from hirebook.problem import Severity

CODE = "HB106"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
