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


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    names = _candidate_names(repo)
    if not names:
        return
    pattern = re.compile("|".join(_pattern(name) for name in sorted(names, key=len, reverse=True)))
    for document, path, text in freetext.texts(repo):
        for match in pattern.finditer(text):
            line, column = freetext.where(document, path)
            yield Problem(
                document.rel,
                line,
                column,
                CODE,
                SEVERITY,
                f"`{path_label(path)}` contains the name of candidate "
                f"`{names[match.group(0)]}`; write the candidate's id instead",
                str(document.id),
            )
            break


def _candidate_names(repo: Repository) -> dict[str, str]:
    names = {}
    for document in repo.documents.values():
        name = document.data.get("name") if document.kind == "candidate" else None
        if isinstance(name, str) and len(name.strip()) >= 2:
            names[name.strip()] = str(document.data.get("id"))
    return names


def _pattern(name: str) -> str:
    # Latin names must stand as whole words ("Li" must not match "Lin"); CJK has no spaces.
    escaped = re.escape(name)
    return rf"\b{escaped}\b" if name.isascii() else escaped
