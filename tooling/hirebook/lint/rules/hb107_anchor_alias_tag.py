"""HB107 — An anchor (`&a`), alias (`*a`) or tag (`!!str`) is used.

Anchors, aliases and tags are not part of the record language: they make a record hard to read
for a person, and aliases let a tiny file expand to gigabytes ("billion laughs"). They are
refused before the file is read any further.

It is reported while the file is read, before any other check.

Example::

    base: &base {currency: CNY}
    budget: *base

Fix: Write each value out in full; quote a value instead of tagging it `!!str`.
"""

from hirebook.problem import Severity

CODE = "HB107"
NAME = "anchor-alias-tag"
SEVERITY = Severity.ERROR
