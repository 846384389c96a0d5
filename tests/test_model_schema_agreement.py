"""The loader's types agree with the schemas: a field is a date in the model exactly where the
schema refers to ``#/$defs/date`` (or ``optional_date``), a datetime exactly where it refers to
``#/$defs/datetime``; and every schema property exists in the model unless it is personal data.
"""

import dataclasses
import json
import typing
from datetime import date, datetime
from pathlib import Path

import pytest

from hirebook.records.model import MODEL_OF_KIND

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
REF_TYPES = {
    "#/$defs/date": "date",
    "#/$defs/optional_date": "date",
    "#/$defs/datetime": "datetime",
}


def schema_fields(schema: dict, node: dict, path: str = "") -> dict[str, str]:
    """path → 'date' | 'datetime' | 'other' | 'personal' for every property in the schema."""
    found: dict[str, str] = {}
    ref = node.get("$ref")
    if ref in REF_TYPES:
        return {path: REF_TYPES[ref]}
    if ref:
        node = schema["$defs"][ref.split("/")[-1]]
    if node.get("x-personal-data"):
        return {path: "personal"}
    for branch in node.get("anyOf", []) + node.get("oneOf", []):
        found.update({k: v for k, v in schema_fields(schema, branch, path).items() if v != "other"})
    for name, child in node.get("properties", {}).items():
        found.update(schema_fields(schema, child, f"{path}.{name}" if path else name))
    if "items" in node:
        found.update(schema_fields(schema, node["items"], f"{path}[]"))
    if path and path not in found and not found:
        found[path] = "other"
    return found


def model_fields(cls: type, path: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        if f.metadata.get("derived"):
            continue
        key = f.metadata.get("key", f.name)
        found.update(_classify(hints[f.name], f"{path}.{key}" if path else key))
    return found


def _classify(hint: object, path: str) -> dict[str, str]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is list:
        return _classify(args[0], f"{path}[]")
    if origin is dict:
        return {path: "other"}
    if args and origin is not None:
        return _classify(args[0], path)
    if hint is datetime:
        return {path: "datetime"}
    if hint is date:
        return {path: "date"}
    if dataclasses.is_dataclass(hint):
        return model_fields(hint, path) or {path: "other"}
    return {path: "other"}


@pytest.mark.parametrize("kind", sorted(MODEL_OF_KIND))
def test_dates_and_datetimes_agree(kind):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    in_schema = schema_fields(schema, schema)
    in_model = model_fields(MODEL_OF_KIND[kind])
    typed = {"date", "datetime"}
    assert {p: t for p, t in in_schema.items() if t in typed} == {
        p: t for p, t in in_model.items() if t in typed
    }


@pytest.mark.parametrize("kind", sorted(MODEL_OF_KIND))
def test_every_schema_field_is_in_the_model_unless_personal(kind):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    in_schema = {p for p, t in schema_fields(schema, schema).items() if t != "personal"}
    in_model = set(model_fields(MODEL_OF_KIND[kind]))
    # Containers the model keeps as plain dicts (goal tables, labels) have no sub-fields there.
    missing = {p for p in in_schema - in_model if not any(p.startswith(m + ".") for m in in_model)}
    assert missing == set()


def test_candidate_model_has_no_personal_field():
    fields = set(model_fields(MODEL_OF_KIND["candidate"]))
    assert not fields & {"name", "email", "phone", "notes", "city", "current_title"}
