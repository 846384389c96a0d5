"""HB104 — The file is empty or holds only comments.

Every record file must hold a record; an empty file usually means a record was half created.

It is reported while the file is read, before any other check.

Example::

    # a file with nothing but this comment

Fix: Fill in the record (``hirebook new KIND`` writes a template) or delete the file.
"""

from hirebook.problem import Severity

CODE = "HB104"
NAME = "empty-file"
SEVERITY = Severity.ERROR
