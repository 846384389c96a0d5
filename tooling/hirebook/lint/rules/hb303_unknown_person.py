"""HB303 — A team member named in a record does not exist.

Fields that name agency staff — `account_manager`, `backup_manager`, `agency_signed_by`,
touchpoint `by`, follow-up and action `owner`, `collected_by`, a case's `author` — must be the
id of a file in `records/team/`. SLA clocks are assigned to these people, so a typo would leave
a clock with nobody to act on it.

Example::

    account_manager: wangli     # records/team/wang-li.yaml exists

Fix: use the id of an existing team member, or add them under `records/team/`.
"""

from collections.abc import Iterator

from hirebook.lint.people import person_references
from hirebook.lint.rule import Context, problem
from hirebook.problem import Problem, Severity
from hirebook.records.repository import Repository

CODE = "HB303"
NAME = "unknown-person"
SEVERITY = Severity.ERROR


def check(repo: Repository, context: Context) -> Iterator[Problem]:
    for record, path, person in person_references(repo):
        if not repo.exists("person", person):
            yield problem(
                CODE,
                record,
                path,
                f"`{person}` is not a team member (no records/team/{person}.yaml); "
                "use an existing team id",
            )
