"""HB100 — The file cannot be opened (permissions, a broken link).

The operating system refused to read the file, so its content is unknown.

It is reported while the file is read, before any other check.

Example::

    # ls -l records/team/wang-li.yaml
    # -rw------- root root ...

Fix: Make the file readable by the user who runs hirebook (and by CI).
"""

from hirebook.problem import Severity

CODE = "HB100"
NAME = "unreadable-file"
SEVERITY = Severity.ERROR
