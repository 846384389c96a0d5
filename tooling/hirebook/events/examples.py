"""A template's commented example of a field, replaced by the field when an event writes it.

``hirebook new`` writes a record with commented examples of the fields filled later
(``# proposed_on: 2026-11-23 # hirebook log proposed plan-2026-016``, the ``# confirmation:``
block). When ``hirebook log`` writes such a field, its example goes and the field takes its
place, so the record reads as a person would have written it; the examples of fields no
event writes after it (a closed plan's ``# client_confirmed_on``) go too. Only the exact lines
the template wrote are taken (:func:`hirebook.records.templates.examples`): a line a person
changed, and every other comment, stays.

Two steps around ruamel.yaml's round trip (:mod:`hirebook.events.roundtrip`): :func:`without`
takes the examples out of the text before the edit and remembers where they stood;
:func:`placed` moves each new field, which the round trip writes after the last field, up
to there. The round trip's checks then judge the text without the examples.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from hirebook.events.changes import Change, Put

Examples = Mapping[str, tuple[re.Pattern[str], ...]]
"""The template's example lines by the top-level field they show."""


def _top(change: Change) -> str | int | None:
    """The top-level field a change writes in."""
    if change.path:
        return change.path[0]
    return change.key if isinstance(change, Put) else None


def new_fields(data: dict, changes: list[Change]) -> list[str]:
    """The top-level fields ``changes`` add to the record read as ``data``, in order."""
    fields: list[str] = []
    for change in changes:
        top = _top(change)
        if isinstance(top, str) and top not in data and top not in fields:
            fields.append(top)
    return fields


ENDING = {
    ("status", "closed"): ("proposed_on", "client_confirmed_on"),
    ("withdrawn", None): ("client_feedback",),
}
"""Changes after which no event writes some fields, so their examples go too: a closed plan
is neither proposed nor agreed any more, nothing more happens to a withdrawn application
(``log`` refuses those events). A key is (the top-level field written, the value written
there, or None for any)."""


def ended_fields(changes: list[Change]) -> list[str]:
    """The top-level fields no event writes once ``changes`` are made (:data:`ENDING`)."""
    fields: list[str] = []
    for change in changes:
        top = _top(change)
        written = change.value if isinstance(change, Put) and not change.path else None
        for key in ((top, written if isinstance(written, str) else None), (top, None)):
            fields += ENDING.get(key, ())
    return list(dict.fromkeys(fields))


def lines(text: str) -> list[str]:
    """``text``'s lines with their line feeds: split at line feeds alone (``splitlines`` would
    also split a value holding U+2028 or a form feed, which YAML reads as no line break)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def without(text_lines: list[str], examples: Examples, fields: list[str]) -> tuple[list[str], dict]:
    """``text_lines`` (with their line breaks) without the example of each of ``fields`` found
    whole, each at the beginning of its line; and, by field, the index in the lines returned
    where its example stood."""
    kept = list(text_lines)
    anchors: dict[str, int] = {}
    for field in fields:
        patterns = examples.get(field)
        start = _found(kept, patterns) if patterns else None
        if start is None:
            continue
        del kept[start : start + len(patterns)]
        anchors = {key: at - len(patterns) if at > start else at for key, at in anchors.items()}
        anchors[field] = start
    return kept, anchors


def _found(text_lines: list[str], patterns: tuple[re.Pattern[str], ...]) -> int | None:
    """Where the lines matching ``patterns`` one after the other begin; None unless exactly
    once (an example copied twice is a person's text)."""
    size = len(patterns)
    starts = [
        start
        for start in range(len(text_lines) - size + 1)
        if all(p.fullmatch(text_lines[start + n].rstrip("\n")) for n, p in enumerate(patterns))
    ]
    return starts[0] if len(starts) == 1 else None


def placed(before: str, after: str, anchors: dict[str, int]) -> str:
    """``after`` (``before`` edited by the round trip) with each new field's lines moved up to
    its example's place in ``before``. A field whose place is the end, or whose place falls
    inside a value (the next line there is indented), stays where the round trip put it."""
    old, new = lines(before), lines(after)
    for field, at in sorted(anchors.items(), key=lambda item: item[1], reverse=True):
        if at >= len(old) or old[at][:1] in (" ", "\t", "-"):
            continue
        block = _field_lines(new, field)
        target = _line_in(old, new, at)
        if block is None or target is None or target >= block[0]:
            continue
        first, end = block
        new[target:target] = new[first:end]
        del new[first + (end - first) : end + (end - first)]
    return "".join(new)


def _field_lines(text_lines: list[str], field: str) -> tuple[int, int] | None:
    """The lines of the top-level ``field``: its key's line and the indented lines after it."""
    key = re.compile(re.escape(field) + r":(?:[ \t]|$)")
    for first, line in enumerate(text_lines):
        if key.match(line):
            end = first + 1
            while end < len(text_lines) and text_lines[end][:1] in (" ", "\t", "-"):
                end += 1
            return first, end
    return None


def _line_in(old: list[str], new: list[str], at: int) -> int | None:
    """Where the line ``at`` of ``old`` stands in ``new``, if the round trip kept it."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, first, last, new_first, _ in matcher.get_opcodes():
        if tag == "equal" and first <= at < last:
            return new_first + at - first
    return None
