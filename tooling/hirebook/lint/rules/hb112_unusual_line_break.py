"""HB112 — The file holds a NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR character.

YAML 1.1 readers (libyaml, which many tools use) take these three characters as line breaks;
YAML 1.2 and text editors do not. A name that ends in one (pasted from a word processor or a
web page) could silently start a new field in one reader and not in another, so the file is
not read until the character is gone.

It is reported while the file is read, before any other check.

Example::

    name: Example Person<U+2028>city: Example City

Fix: Replace the character by a space, or by a real new line if two fields were meant.
"""

from hirebook.problem import Severity

CODE = "HB112"
NAME = "unusual-line-break"
SEVERITY = Severity.ERROR
