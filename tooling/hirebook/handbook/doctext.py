"""Text from hirebook's own code on a page: docstrings, the rules' and metrics' declarations,
Click's help, the JSON Schemas' descriptions, the export's column notes.

It is trusted but not written for a Markdown page: ``<client-id>`` would be an HTML tag, ``*``
emphasis, ``|`` the end of a table cell. :func:`inline` keeps its ``code`` spans as code and
escapes the rest like record text (:mod:`hirebook.handbook.escape`); :func:`prose` renders a
docstring's Markdown without raw HTML (:mod:`hirebook.handbook.richtext`); :func:`verbatim`
keeps text as written, in a code block.
"""

from __future__ import annotations

import html

from hirebook.handbook import blocks, escape, richtext


def inline(text: str) -> str:
    """One line of text whose ``code`` spans stay code; everything else escaped."""
    parts = " ".join(str(text).split()).split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: no code span, all text
        return escape.text(text)
    return "".join(
        code(part) if index % 2 else escape.text(part, strip=False)
        for index, part in enumerate(parts)
    )


def code(value: object) -> str:
    """A code span; text that is not a plain id is escaped inside ``<code>`` (a backtick span
    would show the entities)."""
    text = str(value)
    plain = blocks.code(text)
    return plain if plain.startswith("`") else f"<code>{escape.text(text, strip=False)}</code>"


def prose(text: str) -> str:
    """A docstring's paragraphs and lists, as inert HTML (``Example::`` read as a colon)."""
    return richtext.render(text.replace("::\n", ":\n"))


def verbatim(text: str) -> str:
    """Text shown exactly as written (usage lines, examples), as a code block."""
    return f"<pre><code>{html.escape(text.strip(chr(10)))}</code></pre>"
