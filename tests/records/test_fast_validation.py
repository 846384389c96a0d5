"""The compiled validator (jsonschema-rs) only ever short-cuts "valid": it must agree with
jsonschema on every record, or speed would change answers."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirebook.records import schemas
from hirebook.records.document import Document
from hirebook.records.layout import Placement

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
KINDS = sorted(p.name.split(".")[0] for p in SCHEMAS.glob("*.schema.json"))


def agree(kind: str, data: dict) -> None:
    doc = Document("x.yaml", "x.yaml", Placement(kind, None), data)
    slow = jsonschema.Draft202012Validator(
        schemas.load_schema(SCHEMAS, kind), format_checker=jsonschema.FormatChecker()
    ).is_valid(data)
    assert schemas.is_valid_fast(doc, SCHEMAS) == slow, json.dumps(data, default=str)


def test_fast_validator_is_installed():
    assert schemas.fast_validator(SCHEMAS, "client") is not None


def test_demo_and_fixture_records_agree(agency, demo_records):
    from hirebook.records.repository import load

    for folder in (agency.records, demo_records):
        if folder.is_dir():
            for doc in load(folder, folder.parent).documents.values():
                agree(doc.kind, doc.data)


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 20),
    st.sampled_from(
        [
            "2026-03-05",
            "2026-02-30",
            "2026-13-01",
            "2026-03-05T10:00:00+08:00",
            "2026-03-05T10:00",
            "2026-03-05T25:00:00+08:00",
            "3bd",
            "0",
            "24h",
            "x",
            "strategic",
            "req-2026-001",
            "A B",
        ]
    ),
    st.lists(st.sampled_from(["mon", "x", "req-2026-001"]), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(KINDS),
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "name",
                "tier",
                "status",
                "since",
                "received_at",
                "openings",
                "on",
                "due",
                "title",
                "requirement",
                "candidate",
                "at",
                "type",
                "by",
                "summary",
                "scores",
                "retain_until",
                "consent",
                "roles",
                "active",
                "timezone",
                "agency",
                "calendar",
                "tiers",
                "submitted_at",
                "requirements",
                "extra",
            ]
        ),
        values,
        max_size=10,
    ),
)
def test_random_records_agree(kind, data):
    agree(kind, data)


@pytest.mark.parametrize("kind", KINDS)
def test_empty_record_agrees(kind):
    agree(kind, {})
