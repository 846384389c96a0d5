"""Turn schema-valid plain data into the typed model classes of :mod:`hirebook.records.model`.

The model's type annotations say which fields are dates and datetimes; conversion follows them
and nothing else, so ``title: 2026-03-05`` stays text. A test checks that these annotations and
the ``$ref``s to ``#/$defs/date`` / ``#/$defs/datetime`` in ``schemas/`` agree.

A date or datetime must lie in the years :data:`YEARS`: a year such as 0001 or 9999 is a typo,
and the clocks (which add goals of up to five digits to it, then a day or a timezone) and the
calendar feeds would count past the last day Python holds — or for minutes, through every
working day of the millennia between.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, tzinfo
from functools import cache

YEARS = range(1900, 3000)
"""The years a record's dates and datetimes may hold."""
YEARS_HELD = f"the years {YEARS[0]} to {YEARS[-1]} that records hold"
""":data:`YEARS` in words, for every message that refuses a date or an instant outside them."""


class ConversionError(ValueError):
    """A value that passed the schema but is not a real date or time (``2026-02-30``)."""

    def __init__(self, path: tuple, message: str) -> None:
        super().__init__(message)
        self.path = path


def parse_date(text: object) -> date:
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    return date.fromisoformat(str(text))


class _Context:
    """What one conversion needs besides the data: the zone, and where naive times were seen."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self.naive_paths: list[tuple] = []


def build(cls: type, data: dict, zone: tzinfo) -> tuple[object, list[tuple]]:
    """An instance of dataclass ``cls`` from mapping ``data`` (missing keys keep defaults),
    and the paths of datetimes written without an offset (read in ``zone``)."""
    context = _Context(zone)
    return _converter(cls)(data, context, ()), context.naive_paths


# Converters are compiled once per type: loading 100,000 records must not re-inspect type
# hints for every value.


@cache
def _converter(hint: object):
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
    # Lists and mappings of text or numbers (`with`, `tags`, `sla`) are copied as they are,
    # without a call per item.
    if origin is list:
        item = _converter(typing.get_args(hint)[0])
        if item is _identity:
            return _list_copy
        return lambda value, ctx, path: [item(v, ctx, (*path, i)) for i, v in enumerate(value)]
    if origin is dict:
        item = _converter(typing.get_args(hint)[1])
        if item is _identity:
            return _dict_copy
        return lambda value, ctx, path: {k: item(v, ctx, (*path, k)) for k, v in value.items()}
    if hint is datetime:
        return _datetime
    if hint is date:
        return _date
    if dataclasses.is_dataclass(hint):
        return _dataclass_converter(hint)
    if hint is float:
        return lambda value, ctx, path: float(value) if isinstance(value, int) else value
    return _identity


def _identity(value, ctx, path):
    return value


def _list_copy(value, ctx, path):
    return list(value)


def _dict_copy(value, ctx, path):
    return dict(value)


def _date(value, ctx, path):
    try:
        parsed = parse_date(value)
    except ValueError as err:
        raise ConversionError(path, f"`{value}` is not a real date: {err}") from None
    _check_year(parsed, value, path)
    return parsed


def _datetime(value, ctx, path):
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as err:
        raise ConversionError(path, f"`{value}` is not a real datetime: {err}") from None
    _check_year(parsed, value, path)
    if parsed.tzinfo is None:
        ctx.naive_paths.append(path)
        parsed = parsed.replace(tzinfo=ctx.zone)
    return parsed


def _check_year(parsed: date, value: object, path: tuple) -> None:
    if parsed.year not in YEARS:
        raise ConversionError(
            path,
            f"`{value}` is in the year {parsed.year}, outside {YEARS_HELD} (a date meant as "
            "never is written as a real one, renewed when it comes)",
        )


def _dataclass_converter(cls: type):
    hints = typing.get_type_hints(cls)
    fields = [
        (f.name, f.metadata.get("key", f.name), hints[f.name])
        for f in dataclasses.fields(cls)
        if f.init and not f.metadata.get("derived")
    ]
    # Resolved lazily: a dataclass may (indirectly) refer to itself.
    compiled: dict[str, tuple[str, object]] = {}

    def convert(value, ctx, path):
        if not compiled:
            for name, key, hint in fields:
                function = _converter(hint)
                compiled[key] = (name, None if function is _identity else function)
        kwargs = {}
        # Over the keys present, not the fields: most optional fields are absent, and text
        # and numbers (most values) are taken as they are, without a call or a path.
        for key, item in value.items():
            spec = compiled.get(key)
            if spec is None or item is None:
                continue
            name, function = spec
            kwargs[name] = item if function is None else function(item, ctx, (*path, key))
        return cls(**kwargs)

    return convert
