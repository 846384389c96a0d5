"""HB110 — A YAML or Markdown file is not where any record kind lives.

hirebook finds records by their place (the record reference names each kind's folder); a file
elsewhere would silently be ignored, so it is reported. A `.yml` extension is reported too, and
one in capitals (`.YAML`, `.MD`): records end in `.yaml` (cases in `.md`), and so is a record
in a hidden folder (`clients/.acme/`: a client's folder renamed with a dot would otherwise
drop all its records from every output). Files of other kinds (a contract's PDF),
`README.md`, `.gitkeep`, hidden files (an editor's swap file) and `.git` folders are not
looked at.

It is reported while the file is read, before any other check.

Example::

    # records/clients/acme-tech/requirement/req-2026-014.yaml   (folder should be requirements/)

Fix: Move or rename the file to its kind's folder, e.g.
`clients/<client>/requirements/<id>.yaml`."""

from hirebook.problem import Severity

CODE = "HB110"
NAME = "misplaced-file"
SEVERITY = Severity.ERROR
