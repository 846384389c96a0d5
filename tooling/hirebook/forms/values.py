"""Each value of a submitted form checked before it becomes one argument of a command.

The command checks its options again (an unknown id, a round that does not exist, a second
verdict); these checks come first so that the answer names the form's field and says what
the field takes, and so that nothing a command line could misread — a line break in a
one-line value, a control character, an id of the wrong kind — gets as far as a command.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hirebook.forms.catalogue import CHOICE, ID_OF, LINE, NEW_ID, ROUND, TEXT, WHEN, Element
from hirebook.output.inert import inert
from hirebook.records.layout import FOLDER_OF_KIND, ID

# ASCII digits only: \d would take the fullwidth ２０２６ or the Arabic-Indic ٢٠٢٦ too.
WHEN_PATTERN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:\d{2})?", re.ASCII
)
LINE_LIMIT, TEXT_LIMIT = 200, 2000
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
# Characters nobody types into a form, each able to disguise what the record says or to break
# what reads it: controls but tab and line feed (Cc), invisible format characters — zero-width
# spaces and joiners, the bidirectional controls, tag characters (Cf) —, lone surrogates (Cs:
# no UTF-8 file can hold one) and the line and paragraph separators (Zl, Zp).
HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
TYPED_CONTROLS = frozenset("\n\t")
KIND_WORDS = {
    "client": "client",
    "person": "team member",
    "candidate": "candidate",
    "case": "case",
    "requirement": "requirement",
    "plan": "plan",
    "application": "application",
    "touchpoint": "touchpoint",
    "feedback": "feedback record",
}


class ValueProblem(ValueError):
    """A value the field does not take; the message says what it takes."""


def check(kind: str, text: str, element: Element, records: Path) -> str:
    """The argument for a non-empty value of a field of ``kind``, or :class:`ValueProblem`."""
    limit = TEXT_LIMIT if kind == TEXT else LINE_LIMIT
    if len(text) > limit:  # first: a megabyte pasted is refused before it is read through
        raise ValueProblem(f"it is {len(text)} characters long; at most {limit}")
    hidden = _hidden(text)
    if hidden is not None:
        raise ValueProblem(
            f"it holds the control or invisible character {_code(hidden)}: retype it"
        )
    if kind == TEXT:
        return text
    if "\n" in text or "\t" in text:
        raise ValueProblem("it must be one line, without line breaks or tabs")
    if kind.startswith(ID_OF):
        return _existing(text, kind[len(ID_OF) :], records)
    one_line = {
        LINE: lambda: text,
        CHOICE: lambda: _choice(text, element),
        ROUND: lambda: _round(text),
        WHEN: lambda: _when(text),
        NEW_ID: lambda: _new_client(text, records),
    }
    return one_line[kind]()


def _round(text: str) -> str:
    if not re.fullmatch(r"[0-9]{1,2}", text) or int(text) == 0:
        raise ValueProblem(f"{_shown(text)} is not a round: write a number, 1 for the first")
    return str(int(text))


def _when(text: str) -> str:
    if not WHEN_PATTERN.fullmatch(text):
        raise ValueProblem(f"{_shown(text)} is not a date and time: write it as 2026-03-13 11:00")
    return text


def _new_client(text: str, records: Path) -> str:
    record_id = _id(text)
    if (records / "clients" / record_id / "client.yaml").is_file():
        raise ValueProblem(f"the client `{record_id}` exists already: choose another id")
    return record_id


def _hidden(text: str) -> str | None:
    """The first character of ``text`` in :data:`HIDDEN_CATEGORIES`, if any."""
    categories = HIDDEN_CATEGORIES
    return next(
        (c for c in text if c not in TYPED_CONTROLS and unicodedata.category(c) in categories),
        None,
    )


def _code(char: str) -> str:
    """``U+2010 (HYPHEN)``: a character named so that a person can find it, even one that
    shows as nothing or as its look-alike."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _shown(text: str) -> str:
    return repr(inert(text[:80]))


def _choice(text: str, element: Element) -> str:
    """The choice's first word (``interview — the client wants…`` → ``interview``): the
    value the command takes, whatever words the template adds after it."""
    words = {option.split()[0]: option for option in element.choices if option.split()}
    word = text.split()[0] if text.split() else ""
    if text in element.choices or (word in words and text == word):
        return word
    offered = ", ".join(sorted(words))
    raise ValueProblem(f"{_shown(text)} is not one of the choices ({offered})")


def _id(text: str) -> str:
    if ID.fullmatch(text):
        return text
    other = next((char for char in text if char not in ID_CHARACTERS), None)
    if other is not None:  # a look-alike (U+2010 for "-") or a capital, a slash, a dot…
        why = f"{_code(other)} is not one of them"
    elif text.startswith("-"):
        why = "it may not start with a dash"
    else:
        why = f"it is {len(text)} characters long; at most 64"
    raise ValueProblem(
        f"{_shown(text)} is not an id: lower-case letters, digits and dashes (-), as in the "
        f"record's file name; {why}"
    )


def _existing(text: str, kind: str, records: Path) -> str:
    record_id = _id(text)
    kinds = kinds_of(records, record_id)
    if kind in kinds:
        return record_id
    wanted = KIND_WORDS[kind]
    if kinds:
        found = " and ".join(_a(KIND_WORDS[other]) for other in kinds)
        raise ValueProblem(f"`{record_id}` is {found}, not {_a(wanted)}: give the {wanted}'s id")
    raise ValueProblem(f"there is no {wanted} `{record_id}` in the records")


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def kinds_of(records: Path, record_id: str) -> list[str]:
    """The kinds of record that carry ``record_id`` (a checked id: a plain file name), found by
    their files, as the loader places them."""
    found = []
    if (records / "clients" / record_id / "client.yaml").is_file():
        found.append("client")
    if (records / "team" / f"{record_id}.yaml").is_file():
        found.append("person")
    if (records / "candidates" / f"{record_id}.yaml").is_file():
        found.append("candidate")
    if (records / "cases" / f"{record_id}.md").is_file():
        found.append("case")
    for kind, folder in FOLDER_OF_KIND.items():
        if any(path.is_file() for path in records.glob(f"clients/*/{folder}/{record_id}.yaml")):
            found.append(kind)
    return found
