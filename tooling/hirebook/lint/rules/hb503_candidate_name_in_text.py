"""HB503 — Free text outside `candidates/` contains a candidate's name.

Candidates are named by id everywhere but in their own file: the handbook, reports and CI output
are read by every member of staff, and a name is personal data. A Chinese name is found as a run
of Chinese characters in either script, however it mixes them (`欧阳明`, `歐陽明`, `歐阳明`); a name
in Latin letters (with its accents or without: `Liú Yáng` is Liu Yang), Greek, Cyrillic,
katakana or Hangul as whole words ("Li" never matches "Lina"), of two words or more in any case
(`OUYANG MING`), of one word in the same case; a name written both ways (`歐陽明 (Ouyang Ming)`)
is found either way. The text is normalised first: a zero-width or any other space inside the
name, a line break between its Chinese characters, a control character or a combining mark
(`歐́陽明`), full-width letters, character references (`&#27472;`), percent-encoding, HTML tags
inside it or a comment around it do not hide it. A record's own id (its file name) is searched
too, its words parted by hyphens (`tp-2026-1120-ouyang-ming`): every output shows it; a team
member's id is their own name and is not. The message names the candidate by id only; `export`,
`sla` and `report` show the id in place of the name. A contact's or team member's own `name:`
is checked by HB505.

Example::

    summary: 歐陽明 did well in the technical round

Fix: write the candidate's id instead (`cand-0042 did well in the technical round`).
"""

from collections.abc import Iterator

from hirebook.lint import freetext
from hirebook.lint.rule import Context
from hirebook.privacy import Candidates
from hirebook.problem import Problem, Severity
from hirebook.records.document import path_label
from hirebook.records.repository import Repository

CODE = "HB503"
NAME = "candidate-name-in-text"
SEVERITY = Severity.WARNING


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    index = Candidates.of(repo)  # once per load: the handbook runs this rule a second time
    if not (index.cjk or index.latin):
        return
    for document, path, text in freetext.suspects(repo, index.name_in):
        candidate = index.name_in(text)
        if candidate:
            line, column = freetext.where(document, path)
            fix = (
                "rename the file and its id without it"
                if path == ("id",)
                else "write the candidate's id instead"
            )
            yield Problem(
                document.rel,
                line,
                column,
                CODE,
                SEVERITY,
                f"`{path_label(path)}` contains the name of candidate `{candidate}`; {fix}",
                str(document.id),
            )
