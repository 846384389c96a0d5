"""HB102 — The file contains NUL bytes: it is binary, not text.

A spreadsheet, image or word-processor file was saved with a record's name.

It is reported while the file is read, before any other check.

Example::

    # records/clients/acme-tech/requirements/req-2026-014.yaml saved from Excel

Fix: Write the record as plain YAML text (start from `hirebook new`).
"""

from hirebook.problem import Severity

CODE = "HB102"
NAME = "binary-file"
SEVERITY = Severity.ERROR
