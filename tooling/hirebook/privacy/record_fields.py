"""Which strings of a record outside ``candidates/`` are free text and which are person fields:
the two are searched for different things.

- **Free text** (every string of a record outside ``candidates/`` but the person fields below):
  any e-mail address (HB501; spelled out, `name (at) mail (dot) example`, a candidate's), any
  phone number (HB502) and any candidate's name (HB503).
- **Person fields** (:data:`PERSON_FIELDS`: a client contact's and a team member's `name`,
  `email` and `phone`) are meant to hold a person's data, so only a *candidate's* name, e-mail
  or phone found there is a problem (HB505); e-mails and phones are compared as addresses
  (case folded) and as digits (with or without the country code).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirebook.records.document import Document

PERSON_FIELDS = ("name", "email", "phone")
"""A client contact's and a team member's fields that hold a person's data (HB505)."""


def person_fields(document: Document) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every person field of a team member's or a client's record."""
    data = document.data
    if document.kind == "person":
        for key in PERSON_FIELDS:
            if isinstance(data.get(key), str):
                yield (key,), data[key]
    elif document.kind == "client" and isinstance(data.get("contacts"), list):
        for index, contact in enumerate(data["contacts"]):
            if isinstance(contact, dict):
                for key in PERSON_FIELDS:
                    if isinstance(contact.get(key), str):
                        yield ("contacts", index, key), contact[key]


def free_text_data(document: Document) -> object:
    """The document's data without the names of :func:`person_fields` (their e-mails and
    phones are contact fields already): those are HB505's, not free text."""
    data = document.data
    if document.kind == "person" and "name" in data:
        return {key: value for key, value in data.items() if key != "name"}
    if document.kind == "client" and isinstance(data.get("contacts"), list):
        contacts = [
            {key: value for key, value in contact.items() if key != "name"}
            if isinstance(contact, dict)
            else contact
            for contact in data["contacts"]
        ]
        return {**data, "contacts": contacts}
    return data
