"""HB103 — The file is not valid UTF-8.

Records are UTF-8 so that Chinese and English text survive every tool. Files saved as GBK, Big5
or Latin-1 are refused at the first bad byte; a file saved as UTF-16 or UTF-32 (Windows'
"Unicode"), known by its byte-order mark, by the NUL bytes beside its letters, or (either
byte order, when an emoji or a Chinese character comes first) by decoding as UTF-32 text
without control characters, or as UTF-16 text without them that holds a `key:`, is named so.

It is reported while the file is read, before any other check.

Example::

    name: \xb0\xac\xbf\xc9  # saved as GBK

Fix: Re-save the file as UTF-8 (in most editors: *Save with encoding → UTF-8*).
"""

from hirebook.problem import Severity

CODE = "HB103"
NAME = "invalid-utf8"
SEVERITY = Severity.ERROR
