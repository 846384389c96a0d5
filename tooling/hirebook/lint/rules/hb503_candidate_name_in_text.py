"""HB503 — Free text outside `candidates/` contains a candidate's name.

Candidates are named by id everywhere but in their own file: the handbook, reports and CI
output are read by every member of staff, and a name is personal data. The message names the
candidate by id only.

Example::

    summary: 劉洋 did well in the technical round

Fix: write the candidate's id instead (`cand-0042 did well in the technical round`).
"""

import re
from collections.abc import Iterator

from hirebook.lint import freetext
from hirebook.lint.rule import Context
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.repository import Repository

CODE = "HB503"
NAME = "candidate-name-in-text"
SEVERITY = Severity.WARNING

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    index = repo.derived.get("candidate-name-index")
    if index is None:  # once per load: the handbook runs this rule a second time
        index = repo.derived["candidate-name-index"] = _NameIndex(repo)
    if not index:
        return
    for document, path, text in freetext.suspects(repo, index.find):
        candidate = index.find(text)
        if candidate:
            line, column = freetext.where(document, path)
            yield Problem(
                document.rel,
                line,
                column,
                CODE,
                SEVERITY,
                f"`{path_label(path)}` contains the name of candidate "
                f"`{candidate}`; write the candidate's id instead",
                str(document.id),
            )


class _NameIndex:
    """Candidate names as sets of keys, so that a text is searched in time linear in its length
    (a regular expression of thousands of alternatives took half a minute on 10,000 records).

    A Chinese name is found as a run of Chinese characters; a Latin name as whole words
    ("Li" never matches "Lina"). A name written both ways (`劉洋 (Liu Yang)`) is found either way.
    """

    def __init__(self, repo: Repository) -> None:
        self.cjk: dict[str, str] = {}
        self.latin: dict[tuple[str, ...], str] = {}
        for name, candidate in repo.candidate_names().items():
            self._add(name, candidate)
        self.cjk_lengths = sorted({len(key) for key in self.cjk})
        self.latin_lengths = sorted({len(key) for key in self.latin})
        # A name can only start where its first character (word) stands: most positions of
        # a text are skipped without building a key.
        self.cjk_firsts = {key[0] for key in self.cjk}
        self.latin_firsts = {key[0] for key in self.latin}

    def __bool__(self) -> bool:
        return bool(self.cjk or self.latin)

    def _add(self, name: str, candidate: str) -> None:
        for run in _CJK_RUN.findall(name):
            self.cjk.setdefault(run, candidate)
        for phrase in _LATIN_WORDS.findall(name):
            words = tuple(_WORD.findall(phrase))
            if len(words) >= 2 or (words and len(words[0]) >= 2):
                self.latin.setdefault(words, candidate)

    def find(self, text: str) -> str | None:
        """The id of a candidate whose name appears in ``text``, or None."""
        # isdisjoint first: most texts hold no first character (word) of any name, and that
        # one call is quicker than looking at each character (word) in turn.
        if self.cjk:
            for run in _CJK_RUN.findall(text):
                if self.cjk_firsts.isdisjoint(run):
                    continue
                starts = [i for i, char in enumerate(run) if char in self.cjk_firsts]
                for size in self.cjk_lengths:
                    for start in starts:
                        if start + size <= len(run):
                            found = self.cjk.get(run[start : start + size])
                            if found:
                                return found
        if self.latin:
            words = _WORD.findall(text)
            if self.latin_firsts.isdisjoint(words):
                return None
            starts = [i for i, word in enumerate(words) if word in self.latin_firsts]
            for size in self.latin_lengths:
                for start in starts:
                    if start + size <= len(words):
                        found = self.latin.get(tuple(words[start : start + size]))
                        if found:
                            return found
        return None
