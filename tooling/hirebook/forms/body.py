"""An issue body as GitHub writes a submitted form, split into its fields.

GitHub writes each field of the form, in the form's order, as a heading with the field's
label, a blank line and the value; a field left empty reads ``_No response_``::

    ### Application the client answered on

    app-2026-0101

    ### What the client said (optional)

    _No response_

The body is text anyone can send (the API takes any body with any labels), so it is read
strictly: each field's heading exactly once, in the form's order, the first one first. A value
that holds a line looking like another field's heading therefore cannot pass for that field:
the heading would appear twice, and the form is refused.
"""

from __future__ import annotations

NO_RESPONSE = "_No response_"
HEADING = "### "


class BodyError(ValueError):
    """The body is not the form as GitHub writes it."""


def first_heading(body: str) -> str | None:
    """The label of the body's first line when it is a heading (which form it is)."""
    first = _lines(body)[0] if body else ""
    return first[len(HEADING) :].strip() if first.startswith(HEADING) else None


def fields(body: str, labels: list[str]) -> list[str]:
    """The value under each label, in order (``""`` for a field left empty)."""
    lines = _lines(body)
    wanted = {HEADING + label: label for label in labels}
    found: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        label = wanted.get(line.rstrip())
        if label is not None:
            found.setdefault(label, []).append(number)
    for label in labels:
        count = len(found.get(label, []))
        if count == 0:
            raise BodyError(f"the field {label!r} is missing: submit the form as GitHub shows it")
        if count > 1:
            raise BodyError(
                f"the field {label!r} appears {count} times: a value may not hold a line "
                f"{HEADING + label!r}"
            )
    starts = [found[label][0] for label in labels]
    if starts[0] != 0 or starts != sorted(starts):
        raise BodyError(
            "the fields are not in the form's order: submit the form as GitHub shows it"
        )
    ends = [*starts[1:], len(lines)]
    return [_value(lines[start + 1 : end]) for start, end in zip(starts, ends, strict=True)]


def _lines(body: str) -> list[str]:
    # GitHub stores bodies with CRLF line ends; a lone CR stays, for the value check to refuse.
    return body.replace("\r\n", "\n").split("\n")


def _value(lines: list[str]) -> str:
    text = "\n".join(lines).strip("\n")
    if text.strip() == NO_RESPONSE:
        return ""
    return text.strip()
