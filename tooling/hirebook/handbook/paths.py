"""Where each generated page lives, and how one page links to another.

Pages link to each other by *source path* (``clients/acme/index.md``): MkDocs resolves such
links and, in strict mode, fails the build on one that points nowhere, so a dangling reference
in the records cannot slip into the site. Record ids cannot contain dots, so no id can collide
with a section index (``clients/index.md`` vs ``clients/<id>/index.md``).
"""

from __future__ import annotations

import functools

HOME = "index.md"
CLIENTS = "clients/index.md"
SLA = "sla.md"
REPORTS = "reports.md"
TEAM = "team/index.md"
CASES = "cases/index.md"
PROBLEMS = "problems.md"
LINT_CODES = "lint-codes.md"
REFERENCE = "reference/index.md"

SECTIONS = (HOME, CLIENTS, SLA, REPORTS, TEAM, CASES, PROBLEMS, LINT_CODES, REFERENCE)
"""The generated pages that appear in the navigation; every record page is reached from them."""

# The reference, generated from the code (Click, the JSON Schemas, the registries, the export
# declarations), so that it cannot drift from what the tools do. Reached from REFERENCE.
REFERENCE_COMMANDS = "reference/commands.md"
REFERENCE_RECORDS = "reference/records.md"
REFERENCE_SLA = "reference/sla-rules.md"
REFERENCE_METRICS = "reference/metrics.md"
REFERENCE_EXPORT = "reference/export.md"
REFERENCE_PAGES = (
    REFERENCE_COMMANDS,
    REFERENCE_RECORDS,
    REFERENCE_SLA,
    REFERENCE_METRICS,
    REFERENCE_EXPORT,
)


def client(client_id: str) -> str:
    return f"clients/{client_id}/index.md"


def requirement(client_id: str, requirement_id: str) -> str:
    return f"clients/{client_id}/requirements/{requirement_id}.md"


def person(person_id: str) -> str:
    return f"team/{person_id}/index.md"


def work(person_id: str) -> str:
    """One person's work: their clocks to act on, open requirements and follow-ups."""
    return f"team/{person_id}/work.md"


# The whole lists that the home page shows the first items of ("N of M shown"), reached from
# the home page. At the top: inside clients/ or team/ their URLs could be a record's.
THIS_WEEK = "this-week.md"
OPEN_REQUIREMENTS = "open-requirements.md"
PLACEMENTS = "placements.md"


def case(case_id: str) -> str:
    return f"cases/{case_id}/index.md"


# The hand-written pages the handbook links (the nav): each language's own text, written in
# the docs folder as ``<language>/<page>`` (:func:`hand_written`) and published at the root of
# that language's part of the site, beside the generated pages (``policy/``, never
# ``en/policy/``: see :func:`hirebook.handbook.languages.published_path`).
POLICY = "policy.md"
PROCESS = "process.md"
CONTRIBUTING = "contributing.md"
"""The guide for the team: changing records from the GitHub web editor."""
RUNNING = "running.md"
"""Running hirebook: the clocks, the output formats, CI."""


def hand_written(language: str, page: str) -> str:
    """Where the hand-written ``page`` of ``language`` is written below the docs folder
    (``site/zh-Hant/policy.md``)."""
    return f"{language}/{page}"


def report_period(key: str) -> str:
    """The reports page of a period (:data:`hirebook.handbook.reporting.PERIODS`) other than
    the year to date, whose page is :data:`REPORTS` itself."""
    return f"reports/{key}.md"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """The relative link from one page's source path to another's (and an anchor in it)."""
    target = _relative(to_page, from_page.rpartition("/")[0])
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relative(to_page: str, from_folder: str) -> str:
    # posixpath.relpath for our clean relative paths (no "..", no "."), without its
    # normalisation of both: a large handbook makes tens of thousands of links.
    here = from_folder.split("/") if from_folder else []
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
