"""Candidates' personal data: recognising it outside ``records/candidates/``, and withholding it
from everything that leaves the machine.

Nothing from a candidate's file but the id may appear in the handbook, the SQLite export, the
output of ``sla`` and ``report`` (and so the workflows' job summaries, annotations and issue
bodies). Personal data is recognised the same way everywhere, in five steps, one module each:

- :mod:`.normalisation` — text written as it is searched in (markup decoded, invisible
  characters, spaces and dashes folded), so that data hidden from a search is found;
- :mod:`.emails_and_phones` — the e-mail addresses and phone numbers in a text;
- :mod:`.record_fields` — which strings of a record are free text and which person fields;
- :mod:`.candidates` — the candidates' names, e-mails and phones, indexed to search a text;
- :mod:`.redaction` — the gate (:data:`PERSONAL_DATA_CODES`) and the :class:`Redactor` every
  output but the handbook passes record text through.

The names below are the package's interface: import them from here.
"""

from hirebook.privacy.candidates import Candidates, without_accents
from hirebook.privacy.emails_and_phones import (
    DATE_LIKE,
    EMAIL,
    PHONE,
    SPELLED_EMAIL,
    address,
    emails,
    might_hold_email,
    phone_numbers,
)
from hirebook.privacy.normalisation import normalise
from hirebook.privacy.record_fields import PERSON_FIELDS, free_text_data, person_fields
from hirebook.privacy.redaction import (
    NOTHING,
    PERSONAL_DATA_CODES,
    WITHHELD,
    Redactor,
    found_in,
)

__all__ = [
    "DATE_LIKE",
    "EMAIL",
    "NOTHING",
    "PERSONAL_DATA_CODES",
    "PERSON_FIELDS",
    "PHONE",
    "SPELLED_EMAIL",
    "WITHHELD",
    "Candidates",
    "Redactor",
    "address",
    "emails",
    "found_in",
    "free_text_data",
    "might_hold_email",
    "normalise",
    "person_fields",
    "phone_numbers",
    "without_accents",
]
