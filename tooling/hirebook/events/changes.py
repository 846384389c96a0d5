"""What an event writes, as data: fields put into a mapping, items added to a list.

An event never edits a tree itself. It says what to write — :class:`Put` a field, :class:`Add`
an item — and :func:`apply` does it, to hirebook's own reading of the record (the data the
edited text must read back as) and to ruamel.yaml's round-trip tree (what is written). One
description, two trees: the written text is checked against the expected data, so a writer
that did something else is caught before anything reaches the disk.
"""

from __future__ import annotations

from collections.abc import MutableMapping, MutableSequence
from dataclasses import dataclass
from datetime import date, datetime

Path = tuple[str | int, ...]
"""Keys and list indexes from the top of a record to a value, e.g. ``("interviews", 1)``."""


class Scalar(str):
    """A date or datetime written as it reads, unquoted (``2026-11-20T15:00:00+08:00``).

    hirebook reads dates and datetimes as their text, so a Scalar equals that text; ruamel.yaml
    is told (:mod:`~hirebook.events.roundtrip`) to write it plain, as a timestamp.
    """

    @classmethod
    def of(cls, value: date | datetime) -> Scalar:
        if isinstance(value, datetime):
            return cls(value.isoformat(timespec="seconds"))
        return cls(value.isoformat())


@dataclass(frozen=True)
class Put:
    """``key: value`` in the mapping at ``path`` (made, with its parents, where missing)."""

    path: Path
    key: str
    value: object

    @property
    def field(self) -> str:
        return _dotted((*self.path, self.key))


@dataclass(frozen=True)
class Add:
    """``item`` at the end of the list at ``path`` (made where missing)."""

    path: Path
    item: dict

    @property
    def field(self) -> str:
        return _dotted(self.path) + "[]"


Change = Put | Add


def apply(tree: MutableMapping, changes: list[Change], make_mapping, make_list) -> None:
    """Apply ``changes`` to ``tree``; ``make_mapping(like)`` and ``make_list()`` make the
    containers of the tree's own kind (``like``: a sibling to take the style from, or None)."""
    for change in changes:
        if isinstance(change, Put):
            mapping = _container(tree, change.path, make_mapping, make_list, list_last=False)
            mapping[change.key] = change.value
        else:
            items = _container(tree, change.path, make_mapping, make_list, list_last=True)
            like = items[-1] if len(items) else None
            item = make_mapping(like)
            item.update(change.item)
            items.append(item)


def _container(tree, path: Path, make_mapping, make_list, list_last: bool):
    node = tree
    for number, step in enumerate(path):
        last = number == len(path) - 1
        if isinstance(node, MutableSequence):
            node = node[step]
            continue
        if node.get(step) is None:
            node[step] = make_list() if last and list_last else make_mapping(None)
        node = node[step]
    return node


def _dotted(path: Path) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
