"""An event's change written into a record's text, every other line kept as it was.

ruamel.yaml's round trip (as :mod:`hirebook.policy_edit` uses it) loads the text with its
comments, key order, quotes and flow or block styles, the change is applied to that tree, and
the tree is written back. ruamel.yaml is a writer here, never a reader; two checks make sure
it wrote what was meant, or nothing is written:

- **lines**: comparing old and new lines, an old line may only change inside the value the
  event edits (a flow mapping ``{what: …, due: …}`` gains ``done_on`` on its own line, a
  ``done_on: null`` becomes a date); everywhere else lines may only be added;
- **data**: hirebook's own reader must read the new text as exactly the old data with the
  change applied.

A file written with CRLF line breaks keeps them; a last line without a line break gets one.
A file that mixes CRLF and LF, or ends a line with a lone CR, is refused: writing it back would
change the breaks of lines the event does not concern.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import io
import re

from hirebook.events import examples
from hirebook.events.changes import Change, Put, Scalar, apply
from hirebook.events.examples import Examples

_BLOCK_ITEM = re.compile(r"^[ \t]*- ", re.MULTILINE)
_NESTED_KEY = re.compile(r"^[A-Za-z_][\w-]*:[ \t]*(?:#.*)?\n( +)[A-Za-z_][\w-]*:", re.MULTILINE)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class RoundTripError(ValueError):
    """The change cannot be written without touching other lines, or reads back wrong."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def edit(
    text: str, data: dict, changes: list[Change], templates_examples: Examples | None = None
) -> str:
    """``text`` (a record whose reading is ``data``) with ``changes`` written into it; a new
    top-level field takes the place of its example in ``templates_examples`` (the record's
    template's, :mod:`hirebook.events.examples`), which goes, as do the examples of fields
    the changes end (a closed plan's ``# client_confirmed_on``)."""
    _one_kind_of_line_break(text)
    if "\r\n" in text:
        edited = edit(text.replace("\r\n", "\n"), data, changes, templates_examples)
        return edited.replace("\n", "\r\n")
    if text and not text.endswith("\n"):
        text += "\n"
    expected = copy.deepcopy(data)
    apply(expected, changes, lambda like: {}, list)
    fields = examples.new_fields(data, changes)
    lines, anchors = examples.without(
        examples.lines(text), templates_examples or {}, fields + examples.ended_fields(changes)
    )
    anchors = {field: at for field, at in anchors.items() if field in fields}
    if len(lines) < len(examples.lines(text)):
        try:
            return _quoted_if_need_be("".join(lines), changes, expected, anchors)
        except RoundTripError:
            pass  # an example line that was no comment (inside a quoted text): left as it was
    return _quoted_if_need_be(text, changes, expected, {})


def _quoted_if_need_be(text: str, changes: list[Change], expected: dict, anchors: dict) -> str:
    try:
        return _written(text, changes, expected, anchors)
    except RoundTripError:
        # ruamel.yaml writes some text plain where it does not read back (`::x` as a value of
        # a flow mapping): the event's text is written quoted instead.
        return _written(text, [_quoted(change) for change in changes], expected, anchors)


def _written(text: str, changes: list[Change], expected: dict, anchors: dict) -> str:
    """``text`` with ``changes`` written by ruamel.yaml (each new field moved up to its
    example's place in ``anchors`` where that reads back the same), checked: only the event's
    lines changed, and it reads back as ``expected``."""
    yaml, tree = _load(text)
    allowed = [_span(tree, change, text.count("\n")) for change in changes]
    apply(tree, changes, _mapping_maker(), _list_maker())
    out = io.StringIO()
    yaml.dump(tree, out)
    new = out.getvalue()
    moved = examples.placed(text, new, anchors)
    if moved != new:
        try:
            return _checked(text, moved, allowed, expected)
        except RoundTripError:
            pass  # then where the round trip put it, checked the same way
    return _checked(text, new, allowed, expected)


def _checked(old: str, new: str, allowed: list[tuple[int, int]], expected: dict) -> str:
    """``new``, once only the event's lines of ``old`` changed and it reads as ``expected``."""
    _only_event_lines_changed(old, new, allowed)
    _reads_back(new, expected)
    return new


def _quoted(change: Change) -> Change:
    """``change`` with its text (not its dates) in double quotes."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def quote(value):
        plain = isinstance(value, str) and not isinstance(value, Scalar)
        return DoubleQuotedScalarString(value) if plain else value

    if isinstance(change, Put):
        return dataclasses.replace(change, value=quote(change.value))
    return dataclasses.replace(change, item={k: quote(v) for k, v in change.item.items()})


def _one_kind_of_line_break(text: str) -> None:
    """Refuse a lone CR, or CRLF and LF in one file (the first line that differs named)."""
    lines = text.split("\n")
    crlf = lines[0].endswith("\r") and len(lines) > 1
    for number, line in enumerate(lines, start=1):
        body = line[:-1] if line.endswith("\r") and number < len(lines) else line
        if "\r" in body:
            raise RoundTripError(
                "a carriage return (CR) without a line feed breaks this line; save the file "
                "with LF (or CRLF) line breaks",
                number,
                body.index("\r") + 1,
            )
        if number < len(lines) and line.endswith("\r") != crlf:
            raise RoundTripError(
                f"this line ends with {'CRLF' if not crlf else 'LF'} and line 1 with "
                f"{'CRLF' if crlf else 'LF'}; hirebook keeps a file's line breaks, so they "
                "must be one kind — save the file with LF (or CRLF) throughout",
                number,
                len(body) + 1,
            )


# --- ruamel.yaml ------------------------------------------------------------------------------


def _load(text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        indent, dash = 4, 2  # `interviews:` / `  - round: 1`, as the templates write lists
        if _BLOCK_ITEM.search(text):
            _, guessed, offset = load_yaml_guess_indent(text)
            indent, dash = guessed or indent, offset if offset is not None else dash
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096  # never fold a line the person wrote on one
        yaml.indent(mapping=_mapping_indent(text), sequence=indent, offset=dash)
        yaml.representer.add_representer(
            Scalar, lambda representer, value: representer.represent_scalar(_TIMESTAMP, value)
        )
        return yaml, yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        hint = "; replace the tab by spaces" if "'\\t'" in str(err.problem) else ""
        raise RoundTripError(
            f"the record cannot be edited: {err.problem}{hint}",
            (mark.line + 1) if mark else 1,
            (mark.column + 1) if mark else 1,
        ) from None


def _mapping_indent(text: str) -> int:
    """The indentation of the first nested mapping key (2 where there is none)."""
    found = _NESTED_KEY.search(text)
    return len(found.group(1)) if found else 2


def _mapping_maker():
    from ruamel.yaml.comments import CommentedMap

    def make(like) -> CommentedMap:
        mapping = CommentedMap()
        if like is not None and hasattr(like, "fa") and like.fa.flow_style():
            mapping.fa.set_flow_style()  # a new item looks like the items before it
        return mapping

    return make


def _list_maker():
    from ruamel.yaml.comments import CommentedSeq

    def make() -> CommentedSeq:
        items = CommentedSeq()
        items.fa.set_block_style()
        return items

    return make


# --- the lines --------------------------------------------------------------------------------


def _span(tree, change: Change, line_count: int) -> tuple[int, int]:
    """The old lines (0-based, end excluded) the change may rewrite: those of the deepest value
    of its path that exists already (none for a new top-level field: lines are only added)."""
    path = (*change.path, change.key) if isinstance(change, Put) else change.path
    start, end = 0, 0
    node = tree
    for step in path:
        if isinstance(node, list):
            if not isinstance(step, int) or step >= len(node):
                break
            start = node.lc.item(step)[0]
            following = node.lc.item(step + 1)[0] if step + 1 < len(node) else None
        else:
            if step not in node:
                break
            keys = list(node)
            start = node.lc.key(step)[0]
            position = keys.index(step)
            following = node.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else None
        end = following if following is not None else (end or line_count)
        node = node[step]
    return start, end


def _only_event_lines_changed(old: str, new: str, allowed: list[tuple[int, int]]) -> None:
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag not in ("replace", "delete"):
            continue
        for line in range(first, last):
            if not any(start <= line < end for start, end in allowed):
                raise RoundTripError(
                    f"writing this event would also rewrite line {line + 1} "
                    f"(`{before[line].strip()}`), which it does not concern; hirebook writes "
                    "only the event's lines — make this change by hand",
                    line + 1,
                )


def _reads_back(new: str, expected: dict) -> None:
    from hirebook.records import yamlread

    try:
        data = yamlread.parse(new).data
    except (yamlread.LoadProblem, yamlread.LoadFailed) as err:
        raise RoundTripError(f"the edited record would not read back: {err}") from None
    if data != expected:
        raise RoundTripError(
            "the edited record would not read back as the record plus this event; "
            "make this change by hand"
        )
