"""The gate and the redaction: what happens to an output when the records hold personal data.

**One gate.** :data:`PERSONAL_DATA_CODES` are the four personal-data rules. The handbook refuses
to build when any of them finds something, whatever ``lint.severity`` and ignore comments say.
Every other output is *redacted* instead (:class:`Redactor`): when — and only when — the same
rules find something, every string that comes from record text passes through the redactor
before it reaches a reporter or the SQLite file, which replaces a candidate's name by the
candidate's id and an e-mail address or phone number by :data:`WITHHELD`. Redacting rather than
refusing keeps the morning SLA board and its issues running while the record is fixed; the
command says on stderr which records it withheld data from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hirebook.privacy.candidates import Candidates
from hirebook.privacy.emails_and_phones import phone_numbers
from hirebook.privacy.normalisation import normalise
from hirebook.problem import Problem

if TYPE_CHECKING:
    from hirebook.lint.engine import LintResult
    from hirebook.records.repository import Repository
    from hirebook.sla.clock import Finding
    from hirebook.sla.engine import Board

PERSONAL_DATA_CODES = ("HB501", "HB502", "HB503", "HB505")
"""The rules that find personal data outside ``candidates/``: what the handbook never
publishes and the other outputs withhold."""

WITHHELD = "[personal data withheld]"
"""What an e-mail address or phone number is replaced by in a redacted output."""


def found_in(repo: Repository) -> list[Problem]:
    """What :data:`PERSONAL_DATA_CODES` find in ``repo``, as written (no severity, no ignore
    comment silences them), sorted. Their results are cached on the repository by a lint that
    ran before, so this costs their searches only."""
    from hirebook.lint.registry import RULES_BY_CODE  # the rules import this module
    from hirebook.lint.rule import Context

    context = Context(today=date.today())  # these rules do not read the day
    return sorted(
        problem
        for code in PERSONAL_DATA_CODES
        for problem in RULES_BY_CODE[code].check(repo, context)
    )


class Redactor:
    """Withholds personal data from an output: candidates' names become their ids, e-mail
    addresses and phone numbers :data:`WITHHELD`.

    Built for an output by :meth:`of` (one process) or :meth:`after` (worker processes): it
    redacts when the gate found personal data, and is a no-op (false) otherwise — when the
    rules find nothing in the records, no text made from them holds anything to redact.
    """

    def __init__(self, candidates: Candidates | None, found: Sequence[Problem] = ()) -> None:
        self.candidates = candidates
        self.found = list(found)
        """What the gate found: the records data was withheld from."""

    @classmethod
    def of(cls, repo: Repository) -> Redactor:
        """The redactor for outputs made from ``repo`` (a full load)."""
        found = found_in(repo)
        return cls(Candidates.of(repo), found) if found else NOTHING

    @classmethod
    def after(cls, found: Sequence[Problem], records_dir: Path, root: Path) -> Redactor:
        """The redactor for outputs made by worker processes, from what they found (``direct``
        codes :data:`PERSONAL_DATA_CODES`); the candidates are read only if it is needed."""
        if not found:
            return NOTHING
        from hirebook.records.repository import load_policy

        return cls(Candidates.of(load_policy(records_dir, root)), found)

    def __bool__(self) -> bool:
        return self.candidates is not None

    def text(self, value: str) -> str:
        """Free text: every e-mail address, phone number and candidate's name withheld. Text
        with none is returned as it is; text with some, normalised and redacted."""
        if self.candidates is None or not value:
            return value
        plain = normalise(value)
        spans = [(m.start(), m.end(), WITHHELD) for m in self.candidates.addresses(plain)]
        spans += [(m.start(), m.end(), WITHHELD) for m in phone_numbers(plain)]
        spans += self.candidates.names(plain)
        return _replaced(plain, spans) if spans else value

    def field(self, value: str) -> str:
        """A person field (a contact's or team member's name, e-mail or phone): a candidate's
        name becomes the id, a candidate's e-mail or phone the whole value :data:`WITHHELD`;
        anyone else's data is what the field is for."""
        if self.candidates is None or not value:
            return value
        plain = normalise(value)
        if self.candidates.email_owner(plain) or self.candidates.phone_owner(plain):
            return WITHHELD
        addresses = [(m.start(), m.end()) for m in self.candidates.addresses(plain)]
        spans = [
            span
            for span in self.candidates.names(plain)
            if not any(start <= span[0] < end for start, end in addresses)
        ]
        return _replaced(plain, spans) if spans else value

    def value(self, value: object) -> object:
        """``value`` with :meth:`text` applied to every string in it (dict keys included)."""
        if self.candidates is None:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.value(key): self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(item) for item in value)
        return value

    def lint(self, result: LintResult) -> LintResult:
        """The lint result with record text quoted in its messages redacted (``HB204`` quotes
        the value it refuses, which may be anything a person typed)."""
        if self.candidates is None:
            return result
        problems = [
            dataclasses.replace(problem, message=self.text(problem.message))
            for problem in result.problems
        ]
        return dataclasses.replace(result, problems=problems)

    def board(self, board: Board) -> Board:
        """The SLA board with its findings' texts redacted."""
        if self.candidates is None:
            return board
        return dataclasses.replace(board, findings=[self._finding(f) for f in board.findings])

    def _finding(self, finding: Finding) -> Finding:
        clock = finding.clock
        describe = self.text(clock.describe) if clock.describe else clock.describe
        subject = self.text(clock.subject) if clock.subject else clock.subject
        message = self.text(finding.message) if finding.message else finding.message
        if (describe, subject, message) == (clock.describe, clock.subject, finding.message):
            return finding
        clock = dataclasses.replace(clock, describe=describe, subject=subject)
        return dataclasses.replace(finding, clock=clock, message=message)

    def notice(self) -> str:
        """For stderr: which records data was withheld from, and where to look."""
        if not self.found:
            return ""
        places = sorted({f"{p.location} {p.code}" for p in self.found})
        shown = places[:20] + ([f"… and {len(places) - 20} more"] if len(places) > 20 else [])
        return "\n".join(
            [
                "Personal data was withheld from this output (a candidate's name is shown as "
                "the id, e-mail addresses and phone numbers as "
                f"{WITHHELD}); remove it from the records (hirebook lint):",
                *(f"  {place}" for place in shown),
            ]
        )


NOTHING = Redactor(None)
"""The redactor of records with no personal data: every output as it is."""


def _replaced(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each span replaced; of overlapping spans the first (longest) wins."""
    parts, end = [], 0
    for start, stop, replacement in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < end:
            continue
        parts += (text[end:start], replacement)
        end = stop
    parts.append(text[end:])
    return "".join(parts)
