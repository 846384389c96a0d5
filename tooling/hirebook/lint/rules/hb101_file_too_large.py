"""HB101 — The file is larger than 1 MiB.

Records are small text files; a file over the limit is a mistake (a pasted export) or an
attempt to slow the tools down, and it is not read.

It is reported while the file is read, before any other check.

Example::

    # records/clients/acme-tech/touchpoints/tp-2026-0311.yaml of 5 MB

Fix: Split the content into several records, or keep attachments outside `records/`.
"""

from hirebook.problem import Severity

CODE = "HB101"
NAME = "file-too-large"
SEVERITY = Severity.ERROR
