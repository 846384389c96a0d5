"""The Git branch the workflows check on push and publish the handbook from.

hirebook's workflows are written for the branch :data:`WRITTEN_FOR` in three places: the
``push`` trigger (``branches: [main]``), the handbook's publishing condition
(``github.ref == 'refs/heads/main'``) and its edit links (``edit/main/site/``). GitHub's
``on.push.branches`` cannot take an expression, so an agency whose branch has another name
(``master``, ``trunk``) would get its pull requests checked but its handbook never published
on push, without a word. ``hirebook init`` writes the agency's branch into all three
(:func:`moved`): ``--branch``, else the branch of the repository being started
(:func:`branch_of`), else ``main`` — and tells a folder that is no repository yet to become
one on that branch. A fork keeps its own workflows, and ``init`` prints the
lines to change in them instead (:func:`kept_lines`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

WRITTEN_FOR = "main"

_PLACES = re.compile(
    r"(?P<trigger>^\s*branches: )\[main\](?=[ \t]*(?:#.*)?$)"
    r"|(?P<ref>'refs/heads/)main'"
    r"|(?P<edit>\bedit/)main/",
    re.MULTILINE,
)

_NAME = re.compile(r"[\w.-]+(?:/[\w.-]+)*")
"""Letters and digits of any script, ``.``, ``_``, ``-`` in parts between single slashes
(``功能/招聘``): a name that goes into a YAML list, an expression's quoted string and a URL
path as it is, without quoting rules."""


_LONGEST_PART = 250
"""The most bytes of a branch name between two slashes: Git writes the branch as a file of that
name with ``.lock`` after it, and a file name has at most 255 bytes."""


class BadBranch(ValueError):
    """A branch name the workflows cannot carry as written (the message says why)."""


def check(name: str) -> str:
    """``name`` when it is a branch name Git accepts and the workflows can carry as it is,
    else :class:`BadBranch` saying why."""
    if not _NAME.fullmatch(name):
        raise BadBranch(
            "a branch name here is letters, digits, `.`, `_`, `-` and `/` between them; "
            "pass --branch with the branch the workflows should check and publish"
        )
    parts = name.split("/")
    if any(part.startswith((".", "-")) or part.endswith((".", ".lock")) for part in parts):
        raise BadBranch(
            "Git refuses a branch name whose parts start with `.` or `-`, or end with `.` or "
            "`.lock`"
        )
    if ".." in name:
        raise BadBranch("Git refuses a branch name with `..` in it")
    if name == "HEAD":
        raise BadBranch("Git refuses `HEAD` as a branch name: it names the current commit")
    if name.startswith("refs/"):
        short = name.removeprefix("refs/heads/") if name.startswith("refs/heads/") else "main"
        raise BadBranch(
            f"this is a full reference name, which Git would take as a branch named "
            f"refs/heads/{name}; pass the branch's own name, e.g. --branch {short}"
        )
    longest = max(parts, key=lambda part: len(part.encode("utf-8")))
    if len(longest.encode("utf-8")) > _LONGEST_PART:
        raise BadBranch(
            f"Git cannot create a branch whose part between slashes is over {_LONGEST_PART} "
            f"bytes in UTF-8 (it keeps the branch in a file of that name and .lock, and file "
            f"systems take 255 bytes); this part is {len(longest.encode('utf-8'))}"
        )
    return name


def moved(text: str, branch: str) -> str:
    """``text`` (a workflow) checking and publishing ``branch`` where it said
    :data:`WRITTEN_FOR`. The trigger's name is quoted: a name such as ``2026`` or ``1.0``
    would be a number to YAML."""
    if branch == WRITTEN_FOR:
        return text
    check(branch)

    def replace(match: re.Match) -> str:
        if match["trigger"]:
            return f'{match["trigger"]}["{branch}"]'
        return f"{match['ref']}{branch}'" if match["ref"] else f"{match['edit']}{branch}/"

    return _PLACES.sub(replace, text)


def kept_lines(text: str, branch: str) -> list[str]:
    """The lines of ``text``, a workflow ``init`` kept as it was (a fork's own), that still
    name :data:`WRITTEN_FOR` where the agency's branch is ``branch``: each as :func:`moved`
    would write it, for the person to put in its place."""
    if branch == WRITTEN_FOR:
        return []
    return [moved(line, branch).strip() for line in text.splitlines() if _PLACES.search(line)]


def branch_of(folder: Path) -> str | None:
    """The branch of the Git repository whose top level is ``folder`` (its first branch,
    before any commit); None where ``folder`` is no such repository (a folder inside another
    repository is not the agency's) or Git is not installed. A folder that is not a repository
    yet gets ``main``, and ``init`` says to make it one with ``git init -b main``: Git's own
    default depends on its version and configuration."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return None
    top = _git(git, folder, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != folder.resolve():
        return None
    return _git(git, folder, "symbolic-ref", "--quiet", "--short", "HEAD")


def _git(git: str, folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            [git, "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    out = result.stdout.strip()
    return out if result.returncode == 0 and out else None
