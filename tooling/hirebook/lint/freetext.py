"""Free text in records outside ``candidates/``: where personal data could slip in by mistake.

Shared by the personal-data rules (HB501–HB503). Contact fields that are *meant* to hold an
e-mail address or phone number (a client contact's, a team member's) are not free text, nor
are those people's names: HB505 checks all three
(:func:`hirebook.privacy.record_fields.person_fields`). Texts are normalised
(:func:`hirebook.privacy.normalisation.normalise`) before they are searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from hirebook.privacy import free_text_data, normalise
from hirebook.records.document import Document
from hirebook.records.repository import Repository

CONTACT_KEYS = {"email", "phone", "website", "github"}
_PEOPLE = {"person", "client"}
"""The kinds whose records hold person fields
(:func:`hirebook.privacy.record_fields.person_fields`)."""


class Texts:
    """The free text of one record: all its strings joined, and each string by its path."""

    __slots__ = ("document", "joined", "_items")

    def __init__(self, document: Document, joined: str) -> None:
        self.document = document
        self.joined = normalise(joined)
        """The strings one per line, normalised: one regular-expression search per record
        finds out whether any of them needs a closer look (a call per string was most of
        these rules' cost)."""
        self._items: list[tuple[tuple, str]] | None = None

    @property
    def items(self) -> list[tuple[tuple, str]]:
        """(path, normalised string) of each string, found again only for the few records a
        rule looks at closely: building every path of every record cost more than the rules'
        searches."""
        if self._items is None:
            found: list[tuple[tuple, str]] = []
            _collect(free_text_data(self.document), (), found)
            if self.document.body:
                found.append((("body",), self.document.body))
            named = named_id(self.document)
            if named:
                found.append((("id",), named))
            self._items = [(path, normalise(text)) for path, text in found]
        return self._items


def texts(repo: Repository) -> list[Texts]:
    """The free text of every record outside ``candidates/`` that has some.

    Computed once per load and shared by the rules that read it.
    """
    cached = repo.derived.get("freetext")
    if cached is None:
        cached = repo.derived["freetext"] = list(_all_texts(repo))
    return cached


def suspects(
    repo: Repository, test: Callable[[str], object]
) -> Iterator[tuple[Document, tuple, str]]:
    """(document, path, text) for each string of the records whose joined text passes ``test``
    (texts normalised).

    ``test`` must find in the joined text whatever it finds in one of its strings (a search
    that cannot span a line break does); the rule then tests each string for itself.
    """
    for entry in texts(repo):
        if test(entry.joined):
            for path, text in entry.items:
                yield entry.document, path, text


def _all_texts(repo: Repository) -> Iterator[Texts]:
    for document in repo.documents.values():
        if document.place.kind == "candidate":
            continue
        found: list[str] = []
        kind = document.place.kind
        _collect(free_text_data(document) if kind in _PEOPLE else document.data, None, found)
        if document.body:
            found.append(document.body)
        named = named_id(document)
        if named:
            found.append(named)
        if found:
            yield Texts(document, "\n".join(found))


_WORDS_IN_ID = re.compile(r"[a-z]{2,}-[a-z]{2,}")
"""Two words side by side in an id: where a name can stand (`tp-2026-1120-liu-yang`)."""


def named_id(document: Document) -> str | None:
    """The record's own id (its file name) when it can hold a name: every output shows it, so
    it is searched as free text is. Other ids in the record are their own records' ids.

    A team member's id is not searched: it is their own name (`wang-li`), as their `name:` is,
    and a candidate who shares it is another person; whether a team member holds a candidate's
    data is HB505's to judge.
    """
    if document.kind == "person":
        return None
    own = document.place.expected_id
    return own if own and _WORDS_IN_ID.search(own) else None


# Text that can hold personal data has a space, an "@", a digit run or a non-ASCII character
# (a Chinese name, a full-width digit, a zero-width space); codes and single English words
# have none and are skipped without more work. Ids
# (`tp-2026-0929-1`) and dates (`2026-09-29T16:30:00+08:00`) have digit runs but cannot hold an
# address, a phone number (no digit run in them starts a word) or a name: they are skipped too,
# which makes the text scanned by the rules a third as long.
_MAYBE_PERSONAL = re.compile(
    r"(?!(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*"  # not an id
    r"|\d{4}-\d\d-\d\d(?:T[\d:.]+(?:Z|[+-]\d\d:\d\d)?)?)\Z)"  # nor a date or a time
    r".*?(?:[\s@(\[{]|[^\x00-\x7f]|\d{4})",  # a bracket: `name(at)mail.example`
    re.DOTALL,
)


def _collect(value: object, path: tuple | None, found: list) -> None:
    """Append every string worth scanning below ``value``: as (path, text) below ``path``, or
    the text alone when ``path`` is None.

    Loops over children inline (a call per value was the rule's largest cost), and builds a
    child's path only when something is kept or a container is entered.
    """
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is str:
            # A short text is worth the expression only if it is not plain ASCII or has a
            # space or an "@": `劉洋` or `Li Na` alone is a name, `active` or `he-tao` is not.
            if (
                (len(item) > 6 or not item.isascii() or " " in item or "@" in item)
                and key not in CONTACT_KEYS
                and _MAYBE_PERSONAL.match(item)
            ):
                found.append(item if path is None else ((*path, key), item))
        elif (kind is dict or kind is list) and key not in CONTACT_KEYS:
            _collect(item, None if path is None else (*path, key), found)


def where(document: Document, path: tuple) -> tuple[int, int]:
    """Position of the text; a case body is placed after its front matter."""
    if path == ("body",):
        return (max(line for line, _ in document.positions.values()) + 2, 1)
    return document.where(*path)
