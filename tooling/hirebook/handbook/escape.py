"""Record text, made inert before it reaches a page.

Python-Markdown passes raw HTML through and ``html.escape`` alone still leaves a live
``[x](javascript:…)`` link, so inline record text is written with *every* ASCII punctuation
character as a numeric character reference (``<`` → ``&#60;``, ``[`` → ``&#91;``, ``|`` →
``&#124;``). No Markdown, HTML, attribute-list or template syntax can survive that, table cells
keep their shape, and the browser still shows the text exactly as typed.

Values the theme prints without autoescaping (front-matter ``title``, nav titles) and text put
into raw HTML (SVG charts, figure captions) need ``html.escape`` instead: see :func:`html_text`.
"""

from __future__ import annotations

import html
import json
import re
import string

_ENTITIES = {ord(char): f"&#{ord(char)};" for char in string.punctuation}
# C0 controls (but tab and newline) and DEL: Python-Markdown's own placeholders use \x02/\x03,
# so record text must never carry them into a page. C1 controls and the bidirectional controls
# go too: an override (U+202E) or isolate in a record would reorder the text around it, so a
# page could show something other than what the record says.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def clean(value: object) -> str:
    """The value as text, without control characters (C0 but tab and newline, DEL, C1) or
    bidirectional controls (``None`` → ``""``)."""
    if value is None:
        return ""
    return _CONTROLS.sub("", str(value))


def text(value: object, strip: bool = True) -> str:
    """Inline text for a Markdown page: one line, every ASCII punctuation character an entity.

    Runs of whitespace become one space; ``strip=False`` keeps a space at either end (for text
    that is joined to other pieces).
    """
    if strip:  # the same as collapsing with _SPACES and stripping, in one C call
        return " ".join(clean(value).split()).translate(_ENTITIES)
    return _SPACES.sub(" ", clean(value)).translate(_ENTITIES)


def lines(value: object) -> str:
    """Multi-line plain text that keeps its line breaks (each line escaped like :func:`text`)."""
    parts = [text(line) for line in clean(value).splitlines()]
    return "<br>".join(part for part in parts if part)


def html_text(value: object) -> str:
    """Text for raw HTML or SVG, and for values the theme prints unescaped (titles)."""
    return html.escape(" ".join(clean(value).split()), quote=True)


def front_matter(**values: object) -> str:
    """A YAML front-matter block; string values are HTML-escaped (the theme prints them raw).

    Each value is written as JSON, which is YAML too (a double-quoted string, a flow list):
    one ``json.dumps`` per page instead of a YAML emitter, which a large handbook notices.
    """
    safe = {
        key: html_text(value) if isinstance(value, str) else value for key, value in values.items()
    }
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in safe.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
