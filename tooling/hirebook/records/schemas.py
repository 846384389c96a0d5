"""The JSON Schemas of ``schemas/``, compiled once, and their errors turned into problems.

Each error is placed at the line of the offending value, or of its parent mapping when the
value is missing (a required field) — so that ``file:line:col`` points where the user types.
Messages say what is wrong and how to fix it, with a "did you mean" for unknown keys and for
values that are not in a list of choices.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

try:  # compiled validator: says "valid" for most records; jsonschema words the errors
    import jsonschema_rs
except ImportError:  # pragma: no cover - an optional speed-up
    jsonschema_rs = None

from hirebook.problem import Problem, Severity
from hirebook.records.document import Document

SCHEMA_FILE = "{kind}.schema.json"

_PACKAGED = Path(__file__).resolve().parent.parent / "schemas"
_SOURCE_TREE = Path(__file__).resolve().parents[3] / "schemas"


def schema_dir(project_root: Path | None = None) -> Path:
    """The schemas in force: the project's own ``schemas/``, else the ones the package ships."""
    for candidate in (project_root / "schemas" if project_root else None, _SOURCE_TREE, _PACKAGED):
        if candidate is not None and (candidate / "client.schema.json").is_file():
            return candidate
    raise FileNotFoundError("no schemas/ folder found beside the records or in the package")


@cache
def load_schema(directory: Path, kind: str) -> dict:
    return json.loads((directory / SCHEMA_FILE.format(kind=kind)).read_text(encoding="utf-8"))


@cache
def validator(directory: Path, kind: str) -> jsonschema.Draft202012Validator:
    # Imported here: most runs never need it (jsonschema-rs says "valid"), and importing it
    # would delay every start.
    import jsonschema

    schema = load_schema(directory, kind)
    draft = jsonschema.Draft202012Validator
    return _without_nan(draft)(schema, format_checker=draft.FORMAT_CHECKER)


def _without_nan(draft: type) -> type:
    """``draft`` whose numbers are not NaN: YAML reads ``.nan`` as one, and it passes every
    ``minimum`` and ``maximum`` (a comparison with it is false) — ``warn_within: .nan`` linted
    clean, then every clock ended in a traceback. No field of a record means "not a number".
    (jsonschema-rs cannot take NaN at all, so such a record is always checked here.)"""
    import jsonschema

    def is_number(checker, value) -> bool:
        return draft.TYPE_CHECKER.is_type(value, "number") and value == value  # NaN != NaN

    checker = draft.TYPE_CHECKER.redefine("number", is_number)
    return jsonschema.validators.extend(draft, type_checker=checker)


@cache
def fast_validator(directory: Path, kind: str):
    """A jsonschema-rs validator for the same schema, or None where it is not installed."""
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.Draft202012Validator(load_schema(directory, kind), validate_formats=True)


def is_valid_fast(doc: Document, directory: Path) -> bool:
    """True when the compiled validator accepts the document (False means: ask jsonschema)."""
    fast = fast_validator(directory, doc.kind)
    if fast is None:
        return False
    try:
        return fast.is_valid(doc.data)
    except (ValueError, TypeError, OverflowError):  # values it cannot take (NaN, huge ints)
        return False


def check(doc: Document, directory: Path) -> list[Problem]:
    """Every schema problem of one document (an empty list when it is valid).

    A value can break two keywords at once (a date's ``pattern`` and ``format``); it is
    reported once. Messages name the value's field, so two problems at one place stay two.
    """
    if is_valid_fast(doc, directory):
        return []
    found: dict[tuple, Problem] = {}
    for error in validator(directory, doc.kind).iter_errors(doc.data):
        for problem in _problems(doc, error):
            found.setdefault((problem.line, problem.column, problem.code, problem.message), problem)
    return list(found.values())


# --- turning one jsonschema error into problems ---------------------------------------------


def _problems(doc: Document, error: ValidationError) -> Iterator[Problem]:
    if error.validator in ("anyOf", "oneOf") and error.context:
        from jsonschema.exceptions import best_match

        # "is not valid under any of the given schemas" helps nobody: use the closest branch.
        error = best_match(error.context)
    path = tuple(error.absolute_path)
    where = _label(doc.kind, path)
    validator_name = error.validator
    if validator_name == "additionalProperties":
        yield from _unknown_keys(doc, error, path)
        return
    if validator_name == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a field"
        line, column = doc.key_where(*path) if path else (1, 1)
        yield _problem(
            doc, "HB202", line, column, f"{where} is missing the required field `{missing}`; add it"
        )
        return
    if validator_name == "dependentRequired":
        present = next(
            (
                k
                for k, needs in error.validator_value.items()
                if k in error.instance and any(n not in error.instance for n in needs)
            ),
            "",
        )
        missing = error.message.split("'")[1] if "'" in error.message else "a field"
        line, column = doc.key_where(*path) if path else (1, 1)
        yield _problem(
            doc,
            "HB202",
            line,
            column,
            f"{where} has `{present}` but not `{missing}`, which goes with it; add it",
        )
        return
    if validator_name == "uniqueItems":
        yield _repeated_item(doc, error, path, where)
        return
    line, column = doc.where(*path)
    if validator_name == "type":
        yield _problem(doc, "HB203", line, column, _type_message(where, error))
    elif validator_name in ("enum", "const"):
        yield _problem(doc, "HB204", line, column, _enum_message(where, error))
    elif validator_name in ("pattern", "format"):
        yield _problem(doc, "HB205", line, column, _format_message(where, error))
    elif validator_name in _RANGE:
        yield _problem(doc, "HB206", line, column, f"{where}: {error.message}")
    else:
        yield _problem(doc, "HB207", line, column, f"{where}: {error.message}")


_RANGE = {
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "uniqueItems",
    "minProperties",
    "multipleOf",
}


def _repeated_item(doc: Document, error: ValidationError, path: tuple, where: str) -> Problem:
    """A list of unique items with one twice: at the second, naming it (jsonschema's message
    quotes the whole list, a year of holidays on one line)."""
    first: dict[str, int] = {}
    for index, item in enumerate(error.instance):
        key = json.dumps(item, sort_keys=True, default=str)
        if key in first:
            line, column = doc.where(*path, index)
            return _problem(
                doc,
                "HB206",
                line,
                column,
                f"{where} lists `{_yaml_text(item)}` twice (items {first[key] + 1} and "
                f"{index + 1}); remove one",
            )
        first[key] = index
    return _problem(doc, "HB206", *doc.where(*path), f"{where}: {error.message}")


def _unknown_keys(doc: Document, error: ValidationError, path: tuple) -> Iterator[Problem]:
    allowed = sorted(error.schema.get("properties", {}))
    for key in error.instance:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"known fields: {', '.join(allowed)}"
        line, column = doc.key_where(*path, key)
        yield _problem(
            doc, "HB201", line, column, f"unknown field `{key}` in {_label(doc.kind, path)}; {hint}"
        )


def _type_message(where: str, error: ValidationError) -> str:
    expected = error.validator_value
    expected = expected if isinstance(expected, str) else " or ".join(expected)
    got = _json_type(error.instance)
    message = f"{where} must be {_article(expected)}, not {got}"
    if expected == "string" and got in ("a number", "true/false"):
        message += '; put the value in quotes ("...") so that it stays text'
    elif expected == "array":
        message += "; write a list, e.g. `[a, b]` or one `- item` per line"
    return message


def _enum_message(where: str, error: ValidationError) -> str:
    choices = error.validator_value if error.validator == "enum" else [error.validator_value]
    texts = [str(c) for c in choices]
    close = difflib.get_close_matches(str(error.instance), texts, n=1, cutoff=0.6)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"{where} is `{_yaml_text(error.instance)}`, expected one of {', '.join(texts)}{hint}"


_FORMAT_HINTS = {
    "date": "a date written YYYY-MM-DD, e.g. 2026-03-05",
    "datetime": "a date and time with its offset, e.g. 2026-03-05T14:30:00+08:00",
    "id": "an id of lower-case letters, digits and dashes, e.g. acme-tech or req-2026-014",
    "duration": "a duration such as 24h, 2d, 3bd (business days) or 90m, of at most five digits",
    "email": "an e-mail address, e.g. zhang.wei@example.com",
}


def _format_message(where: str, error: ValidationError) -> str:
    shape = error.validator_value if error.validator == "format" else _shape(error.schema)
    pattern = error.schema.get("pattern")
    expected = _FORMAT_HINTS.get(shape) or (
        f"text matching `{pattern}`" if pattern else f"in the format {shape}"
    )
    return f"{where} is `{_yaml_text(error.instance)}`, which is not {expected}"


def _shape(schema: dict) -> str:
    if schema.get("format") == "date":
        return "date"
    pattern = schema.get("pattern", "")
    if "T[0-9]{2}" in pattern:
        return "datetime"
    if "bd|d|h|m" in pattern:
        return "duration"
    if pattern.startswith("^[a-z0-9][a-z0-9-]"):
        return "id"
    return "other"


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and value != value:
        return "`.nan`, which is no number"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty (null)"


def _article(expected: str) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of fields",
        "null": "empty",
    }
    return " or ".join(names.get(part, part) for part in expected.split(" or "))


def _yaml_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _label(kind: str, path: tuple) -> str:
    if not path:
        return f"the {kind}"
    text = str(path[0])
    for part in path[1:]:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return f"`{text}`"


def _problem(doc: Document, code: str, line: int, column: int, message: str) -> Problem:
    return Problem(doc.rel, line, column, code, Severity.ERROR, message, _record_id(doc))


def _record_id(doc: Document) -> str | None:
    value = doc.data.get("id")
    return value if isinstance(value, str) else None
