"""The record reference, from the JSON Schemas: every kind of record, where its file lives, and
every field with its type, allowed values, whether it is required and what it means.

The schemas are what ``hirebook lint`` validates against (the project's own ``schemas/``, else
the ones hirebook ships), so the page states exactly what the tools accept. Titles are written
in the schemas in English and, for the agency's documents, Chinese (``Requirement confirmation
/ 招聘需求確認書``); descriptions, with their examples, are English. Shared types (``id``,
``date``, ``duration``, goals per tier…) are listed once, under *Types*, and linked from every
field that uses them. ``tests/test_reference.py`` fails when a field has no description.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hirebook.handbook import blocks, doctext, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page
from hirebook.records.schemas import SCHEMA_FILE, schema_dir

ORDER = (
    "policy",
    "person",
    "client",
    "requirement",
    "plan",
    "candidate",
    "application",
    "touchpoint",
    "feedback",
    "case",
)
"""The kinds in the order of the work (any other schema follows, by name)."""

_SUFFIX = SCHEMA_FILE.format(kind="")


@dataclass(frozen=True)
class Field:
    path: str
    """``salary.min``; ``interviews[].round`` for a field of each item of a list."""
    type: str
    """Markdown: the type, its allowed values and limits."""
    required: bool
    description: str
    personal: bool = False


def kinds(directory: Path) -> list[str]:
    found = {p.name.removesuffix(_SUFFIX) for p in directory.glob(SCHEMA_FILE.format(kind="*"))}
    return [kind for kind in ORDER if kind in found] + sorted(found - set(ORDER))


def schemas(directory: Path) -> dict[str, dict]:
    return {
        kind: json.loads((directory / SCHEMA_FILE.format(kind=kind)).read_text(encoding="utf-8"))
        for kind in kinds(directory)
    }


def fields(schema: dict, prefix: str = "") -> Iterator[Field]:
    """Every field of an object schema, nested objects and list items flattened; a field whose
    type is a shared type (``$ref``) links to it instead of repeating it."""
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield Field(
            path,
            type_of(prop),
            name in required,
            prop.get("description", ""),
            bool(prop.get("x-personal-data")),
        )
        if "$ref" in prop:
            continue
        if _is_object(prop):
            yield from fields(prop, f"{path}.")
        items = prop.get("items")
        if isinstance(items, dict) and "$ref" not in items and _is_object(items):
            yield from fields(items, f"{path}[].")
    for pattern, prop in schema.get("patternProperties", {}).items():
        # A map: any key matching the pattern (lint codes under ``lint.severity``).
        type_ = f"{doctext.code(pattern)} → {type_of(prop)}"
        yield Field(f"{prefix}*", type_, False, prop.get("description", ""))


def _is_object(schema: dict) -> bool:
    return schema.get("type") == "object" and "properties" in schema


def type_of(schema: dict) -> str:
    """A field's type in a few words: ``string``, ``list of`` a linked type, its values…"""
    if "$ref" in schema:
        base = _type_link(schema["$ref"].rsplit("/", 1)[-1])
    elif any("type" in option or "$ref" in option for option in schema.get("anyOf", ())):
        base = " &#124; ".join(type_of(option) for option in schema["anyOf"])
    elif schema.get("type") == "array":
        items = schema.get("items", {})
        base = f"{doctext.code('list')} ({type_of(items) if items else ''})"
    else:
        declared = schema.get("type", "")
        types = declared if isinstance(declared, list) else [declared] if declared else []
        base = " &#124; ".join(doctext.code(name) for name in types)
        if schema.get("format"):
            base += f" ({escape.text(schema['format'])})"
    notes = []
    if "enum" in schema:
        notes.append(", ".join(doctext.code(_json(value)) for value in schema["enum"]))
    if "const" in schema:
        notes.append(f"= {doctext.code(_json(schema['const']))}")
    limits = [
        f"{symbol} {schema[key]}"
        for key, symbol in (
            ("minimum", "≥"),
            ("exclusiveMinimum", ">"),
            ("maximum", "≤"),
            ("exclusiveMaximum", "<"),
        )
        if key in schema
    ]
    if limits:
        notes.append(escape.text(", ".join(limits)))
    if "pattern" in schema and "$ref" not in schema:
        notes.append(doctext.code(schema["pattern"]))
    return ": ".join([base, *notes]) if notes and base else base or ": ".join(notes)


def _json(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _type_link(name: str) -> str:
    return blocks.link(doctext.code(name), f"#type-{name}")


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE_RECORDS, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    found = schemas(schema_dir(ctx.repo.root))
    index = blocks.table(
        [labels("ref.kind"), labels("ref.kind_title")],
        [
            [blocks.link(doctext.code(kind), f"#{kind}"), escape.text(schema.get("title", ""))]
            for kind, schema in found.items()
        ],
    )
    shared: dict[str, dict] = {}
    for schema in found.values():
        for name, definition in schema.get("$defs", {}).items():
            shared.setdefault(name, definition)
    return blocks.page(
        {"title": labels("ref.records.title")},
        f"# {labels('ref.records.title')}",
        labels("ref.records.intro"),
        index,
        *(_kind(ctx, kind, schema) for kind, schema in found.items()),
        blocks.section(
            f"{labels('ref.types')} {{#types}}",
            *(_type(ctx, name, definition) for name, definition in sorted(shared.items())),
        ),
    )


def _kind(ctx: Context, kind: str, schema: dict) -> str:
    return blocks.section(
        f"{escape.text(schema.get('title', kind))} {{#{kind}}}",
        doctext.inline(schema.get("description", "")),
        _fields(ctx, list(fields(schema))),
    )


def _type(ctx: Context, name: str, schema: dict) -> str:
    title = schema.get("title")
    heading = doctext.code(name) + (f" — {escape.text(title)}" if title else "")
    return blocks.section(
        f"{heading} {{#type-{name}}}",
        doctext.inline(schema.get("description", "")),
        blocks.definitions([(ctx.labels("ref.type"), type_of(schema))]),
        _fields(ctx, list(fields(schema))),
        level=3,
    )


def _fields(ctx: Context, found: list[Field]) -> str:
    labels = ctx.labels
    rows = [
        [
            doctext.code(field.path),
            field.type,
            labels("yes") if field.required else "",
            doctext.inline(field.description)
            + (f" ({labels('ref.personal')})" if field.personal else ""),
        ]
        for field in found
    ]
    headers = [labels("ref.field"), labels("ref.type"), labels("ref.required")]
    return blocks.table([*headers, labels("ref.description")], rows)
