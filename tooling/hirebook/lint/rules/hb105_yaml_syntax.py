"""HB105 — The file is not valid YAML.

The YAML parser stopped here. The usual causes are tabs used for indentation, an indentation
that does not line up, or a value containing `: ` that is not quoted. Several YAML documents in
one file (`---`) are refused too: one record per file. So is a merge conflict left in the file
(Git's `<<<<<<<`, `=======` and `>>>>>>>` lines, in that order), at its first marker, even
inside a block of text where YAML itself would take the markers as words, and in a case's
Markdown body, which the handbook would publish as written. A marker line left alone (half of
a conflict deleted) is named at its own line where YAML fails on it — a quoted text may hold
such a line and stay valid — and anywhere in a case's body, where a marker shown on purpose is
code: indented, or in a fenced code block (from a line of three or more ``` or ~~~ at the
start of the line to the same line again; a fence never closed quotes nothing). The body is
checked as the handbook shows it, without the control and bidirectional characters it removes:
no marker hides behind one. A `=======` line alone is not a conflict: it counts only beside a
`<<<<<<<` or `>>>>>>>` line.

It is reported while the file is read, before any other check.

Example::

    contacts:
    <TAB>- name: Zhang Wei   # a tab

Fix: Indent with spaces, line up keys of the same mapping, and quote values that contain `: `
or start with a special character."""

from hirebook.problem import Severity

CODE = "HB105"
NAME = "yaml-syntax"
SEVERITY = Severity.ERROR
