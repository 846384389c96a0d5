"""Turn schema-valid plain data into the typed model classes of :mod:`hirebook.records.model`.

The model's type annotations say which fields are dates and datetimes; conversion follows them
and nothing else, so ``title: 2026-03-05`` stays text. A test checks that these annotations and
the ``$ref``s to ``#/$defs/date`` / ``#/$defs/datetime`` in ``schemas/`` agree.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, tzinfo
from functools import cache


class ConversionError(ValueError):
    """A value that passed the schema but is not a real date or time (``2026-02-30``)."""

    def __init__(self, path: tuple, message: str) -> None:
        super().__init__(message)
        self.path = path


def parse_date(text: object) -> date:
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    return date.fromisoformat(str(text))


def parse_datetime(text: object, zone: tzinfo) -> datetime:
    """An ISO datetime; one written without an offset is read in the policy's timezone."""
    value = text if isinstance(text, datetime) else datetime.fromisoformat(str(text))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value


@cache
def _fields(cls: type) -> tuple[tuple[str, str, object], ...]:
    """(attribute, YAML key, type) for each field of a model class, computed once per class."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, f.metadata.get("key", f.name), hints[f.name])
        for f in dataclasses.fields(cls)
        if f.init and not f.metadata.get("derived")
    )


class _Context:
    """What one conversion needs besides the data: the zone, and where naive times were seen."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self.naive_paths: list[tuple] = []


def build(cls: type, data: dict, zone: tzinfo) -> tuple[object, list[tuple]]:
    """An instance of dataclass ``cls`` from mapping ``data`` (missing keys keep defaults),
    and the paths of datetimes written without an offset (read in ``zone``)."""
    context = _Context(zone)
    return _build(cls, data, context, ()), context.naive_paths


def _build(cls: type, data: dict, context: _Context, path: tuple) -> object:
    kwargs = {}
    for attribute, key, hint in _fields(cls):
        value = data.get(key)
        if value is not None:
            kwargs[attribute] = _convert(hint, value, context, (*path, key))
    return cls(**kwargs)


def _convert(hint: object, value: object, context: _Context, path: tuple) -> object:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value, context, path)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_convert(item, v, context, (*path, i)) for i, v in enumerate(value)]
    if origin is dict:
        _, item = typing.get_args(hint)
        return {k: _convert(item, v, context, (*path, k)) for k, v in value.items()}
    try:
        if hint is datetime:
            parsed = datetime.fromisoformat(str(value))
            if parsed.tzinfo is None:
                context.naive_paths.append(path)
                parsed = parsed.replace(tzinfo=context.zone)
            return parsed
        if hint is date:
            return parse_date(value)
    except ValueError as err:
        raise ConversionError(path, f"`{value}` is not a real {hint.__name__}: {err}") from None
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, context, path)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
