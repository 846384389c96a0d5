"""HB111 — The record is a link, a FIFO, a socket or a device, not a regular file.

hirebook reads only regular files inside `records/`. A symbolic link could point anywhere —
outside the repository, at a file nobody reviewed, or at `/dev/zero`, which never ends — and a
FIFO would make every command wait forever. Such a file is never opened for reading.

It is reported while the files are read, before any other check.

Example::

    # ls -l records/team/
    # lrwxrwxrwx  wang-li.yaml -> ../../shared/wang-li.yaml

Fix: Replace the link with the file itself (copy its content into `records/`), or remove it.
"""

from hirebook.problem import Severity

CODE = "HB111"
NAME = "not-a-regular-file"
SEVERITY = Severity.ERROR
