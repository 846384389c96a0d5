"""HB109 — A case file has no YAML front matter, or it is not closed.

Cases (`records/cases/*.md`) are Markdown with a YAML header between two `---` lines that gives
the title, author, date, tags and outcome.

It is reported while the file is read, before any other check.

Example::

    # Winning back Harbor Logistics
    We ...

Fix: Start the file with `---`, the header fields, and another `---` line before the write-up.
"""

from hirebook.problem import Severity

CODE = "HB109"
NAME = "case-front-matter"
SEVERITY = Severity.ERROR
