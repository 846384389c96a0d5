"""What ``hirebook init`` and ``hirebook demo --out`` write: an agency's records and, where they
are missing, the project files around them.

An agency's repository has hirebook's layout: ``records/``, ``mkdocs.yml``, the hand-written
handbook pages in ``site/``, ``.github/`` (workflows, issue forms, scripts, ``CODEOWNERS``),
the pre-commit and editor settings. It is either

- a **fork** of hirebook (the target holds hirebook's own source, ``tooling/hirebook/``): its
  workflows install hirebook from the repository itself (``pip install -e .``) and run its tests;
  a newer hirebook arrives by a merge; or
- a **package-based** agency (anywhere else): its workflows install the version of hirebook
  that wrote them (``pip install "hirebook==X.Y.Z"``) and run no test suite of hirebook's; a
  newer hirebook arrives by changing that pin.

The project files have one source, the repository's own: read from the source tree when
hirebook runs from it, else from the copy the wheel carries (``hirebook/_project/``, put there
at build time by pyproject.toml's ``force-include``). A package-based agency gets them adapted
as :func:`project_files` says. ``.github/CODEOWNERS`` is never copied: it is generated from the
new records, as ``hirebook codeowners`` would.

Writing never deletes anything that is not a record: replacing the records removes the files
below ``records/`` that are records by their place (:func:`hirebook.records.layout.place_of`)
and keeps everything else there. Every file is written through :mod:`hirebook.atomic`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hirebook import __version__, atomic, branches, schedules
from hirebook.records.layout import place_of

FORK, PACKAGE = "fork", "package"

PROJECT_PATHS = (
    "mkdocs.yml",
    "site",
    ".github",
    ".pre-commit-config.yaml",
    ".vscode",
    ".gitignore",
)
"""The project files and folders around the records, as the repository has them."""
GENERATED = frozenset({".github/CODEOWNERS"})
"""Derived from the records, never copied."""
CODEOWNERS = ".github/CODEOWNERS"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_TREE = _PACKAGE_DIR.parents[1]
_PACKAGED = _PACKAGE_DIR / "_project"
_SKIPPED_NAMES = {"__pycache__", ".DS_Store"}


class ProjectSourceMissing(FileNotFoundError):
    """Neither a source tree nor the wheel's copy holds the project files."""


class LinksInTheWay(Exception):
    """Writing the agency into ``target`` would go through symbolic links in it: refused
    before anything is written. A link there is the user's choice (a clone may bring one), not
    a failure of the machine: they remove it, or choose another folder."""

    def __init__(self, target: Path, links: dict[Path, str]) -> None:
        super().__init__(f"{len(links)} symbolic links in {target}")
        self.target = target
        self.links = links
        """Each link in the way and where it points (as the link says; may be anyone's text)."""


@dataclass(frozen=True)
class SourceFile:
    data: bytes
    executable: bool = False


def project_source() -> Path:
    """Where the project files are read from: hirebook's source tree when it runs from one,
    else the wheel's copy."""
    if (_SOURCE_TREE / "tooling" / "hirebook").resolve() == _PACKAGE_DIR and (
        _SOURCE_TREE / "mkdocs.yml"
    ).is_file():
        return _SOURCE_TREE
    if (_PACKAGED / "mkdocs.yml").is_file():
        return _PACKAGED
    raise ProjectSourceMissing(
        f"hirebook's project files are not installed (looked in {_SOURCE_TREE} and "
        f"{_PACKAGED}); reinstall hirebook"
    )


def kind_of(target: Path) -> str:
    """:data:`FORK` where ``target`` holds hirebook's own source, else :data:`PACKAGE`."""
    return FORK if (target / "tooling" / "hirebook" / "__init__.py").is_file() else PACKAGE


def pinned_requirement() -> str:
    """What a package-based agency's workflows install by default: this very version."""
    return f"hirebook=={__version__}"


def pinned_install(requirement: str | None = None) -> str:
    """The install command of a package-based agency's workflows: ``requirement`` (checked by
    :func:`check_requirement`), by default this very version from the package registry."""
    return f'python -m pip install "{requirement or pinned_requirement()}"'


class BadRequirement(ValueError):
    """A requirement the workflows cannot install as written."""


# The forms pip reads that name hirebook: a version (`hirebook==0.1.0`, `hirebook~=0.1`) or a
# URL (`hirebook @ git+https://github.com/acme/hirebook@v0.1.0`). The workflows put it between
# double quotes in a YAML `run:` line, so the characters a shell or YAML reads there ($ ` " \,
# a space before #, a colon and a space, a line break) can never be part of it.
_VERSION_REQUIREMENT = re.compile(
    r"hirebook ?(?:===?|~=|>=|<=|!=|<|>) ?[0-9][0-9A-Za-z.*+!,<>=~-]*"
)
_URL_REQUIREMENT = re.compile(
    r"hirebook ?@ ?(?:git\+)?(?:https|ssh|file)://[A-Za-z0-9._~/?#@&+,=%:-]+"
)


def check_requirement(requirement: str) -> str:
    """``requirement`` when the workflows can install it as written, else :class:`BadRequirement`
    saying what to give instead."""
    if _VERSION_REQUIREMENT.fullmatch(requirement) or _URL_REQUIREMENT.fullmatch(requirement):
        return requirement
    raise BadRequirement(
        "give hirebook as pip names it: a version (hirebook==0.1.0) or a URL "
        "(hirebook @ git+https://github.com/OWNER/hirebook@TAG), without quotes, `$`, "
        "backslashes or other spaces"
    )


def project_files(
    kind: str,
    language: str | None = None,
    requirement: str | None = None,
    timezone: str | None = None,
    branch: str | None = None,
) -> dict[str, SourceFile]:
    """Every project file (path with ``/`` → content) as an agency of ``kind`` gets it; with
    ``language``, the handbook's default language in ``mkdocs.yml``, first of the site's
    languages (at the root of the site); a package-based agency's workflows install
    ``requirement`` (default: this version, :func:`pinned_requirement`); with ``timezone``,
    the workflows' schedules keep their local times there (:mod:`hirebook.schedules`); with
    ``branch``, the workflows check and publish that branch (:mod:`hirebook.branches`)."""
    source = project_source()
    files: dict[str, SourceFile] = {}
    for name in PROJECT_PATHS:
        for path in _walk(source / name):
            rel = path.relative_to(source).as_posix()
            if rel in GENERATED:
                continue
            mode = path.stat().st_mode
            files[rel] = SourceFile(path.read_bytes(), bool(mode & stat.S_IXUSR))
    if language:
        files["mkdocs.yml"] = _text(files["mkdocs.yml"], lambda t: mkdocs_language(t, language))
    if timezone:
        for rel in _workflows(files):
            files[rel] = _text(files[rel], lambda w: schedules.moved(w, timezone))
    if branch:
        for rel in _workflows(files):
            files[rel] = _text(files[rel], lambda w: branches.moved(w, branch))
    if kind == PACKAGE:
        for rel in _workflows(files):
            files[rel] = _text(files[rel], lambda w: package_workflow(w, requirement))
        files[".pre-commit-config.yaml"] = _text(
            files[".pre-commit-config.yaml"], package_pre_commit
        )
        files[".vscode/settings.json"] = _text(files[".vscode/settings.json"], package_vscode)
    return files


def _workflows(files: dict[str, SourceFile]) -> list[str]:
    return [rel for rel in files if rel.startswith(".github/workflows/") and rel.endswith(".yml")]


def _walk(path: Path) -> Iterable[Path]:
    if path.name in _SKIPPED_NAMES or path.is_symlink():
        return
    if path.is_file():
        yield path
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            yield from _walk(child)


def _text(file: SourceFile, change) -> SourceFile:
    return SourceFile(change(file.data.decode("utf-8")).encode("utf-8"), file.executable)


# --- a package-based agency's copies ----------------------------------------------------------

_INSTALL = re.compile(r"^(?P<indent>\s*run: )python -m pip install -e \.[ \t]*$", re.MULTILINE)
_JOB = re.compile(r"^  (?P<name>[A-Za-z0-9_-]+):[ \t]*$", re.MULTILINE)
_TEST_SUITE = ".ci/run"


def package_workflow(text: str, requirement: str | None = None) -> str:
    """A workflow that installs ``requirement`` (default: this version of hirebook from the
    package registry) instead of the repository's source, without the job that runs
    hirebook's own test suite."""
    text = _INSTALL.sub(lambda m: m.group("indent") + pinned_install(requirement), text)
    section = text.find("\njobs:")
    jobs = list(_JOB.finditer(text, section)) if section >= 0 else []
    spans = [
        (job.start(), jobs[i + 1].start() if i + 1 < len(jobs) else len(text))
        for i, job in enumerate(jobs)
    ]
    for begin, end in reversed(spans):
        if _TEST_SUITE in text[begin:end]:
            text = text[:begin] + text[end:]
            text = text.replace(", run the test suite.", ".")  # the header comment says so
    text = text.rstrip("\n") + "\n"
    if "pip install -e" in text or _TEST_SUITE in text:
        raise ValueError("a workflow installs hirebook in a way `hirebook init` cannot adapt")
    return text


_HOOK = re.compile(r"^(?P<indent>\s*)- id: (?P<id>\S+)[ \t]*$", re.MULTILINE)


def package_pre_commit(text: str) -> str:
    """Only the hirebook hooks: the others check hirebook's own Python and workflows with tools
    a package-based agency does not install."""
    hooks = list(_HOOK.finditer(text))
    if not hooks:
        return text
    kept = [text[: hooks[0].start()]]
    for index, hook in enumerate(hooks):
        end = hooks[index + 1].start() if index + 1 < len(hooks) else len(text)
        if hook.group("id").startswith("hirebook-"):
            kept.append(text[hook.start() : end])
    result = "".join(kept)
    return result if result.endswith("\n") else result + "\n"


def package_vscode(text: str) -> str:
    """The editor settings without the map of record folders to ``schemas/``: a package-based
    agency has no ``schemas/`` folder (hirebook checks its records with the schemas it ships)."""
    settings = json.loads(text)
    settings.pop("yaml.schemas", None)
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"


_LANGUAGE = re.compile(r"(language: !ENV \[HIREBOOK_LANGUAGE, )[A-Za-z-]+(\])")
_SITE_LANGUAGES = re.compile(r"^([ \t]+languages: \[)([A-Za-z, -]*)(\])", re.MULTILINE)


def mkdocs_language(text: str, language: str) -> str:
    """``mkdocs.yml`` with ``language`` as the handbook's default (``HIREBOOK_LANGUAGE`` still
    chooses another) and first of the hirebook plugin's ``languages``: the site's root is in
    the agency's language, the others in their folders. (``make build`` and the Pages
    workflow build in that order: ``hirebook handbook --languages``.)"""

    def first(match: re.Match) -> str:
        others = [name.strip() for name in match.group(2).split(",")]
        ordered = [language, *(name for name in others if name and name != language)]
        return match.group(1) + ", ".join(ordered) + match.group(3)

    text = _LANGUAGE.sub(lambda m: m.group(1) + language + m.group(2), text, count=1)
    return _SITE_LANGUAGES.sub(first, text, count=1)


# --- what is there ------------------------------------------------------------------------------


@dataclass
class Plan:
    """What writing an agency into ``target`` will do."""

    target: Path
    kind: str
    records: dict[str, bytes]
    """The new records folder: path below ``records/`` → content."""
    replaced: list[str] = field(default_factory=list)
    """Records there now (paths below ``records/``): removed."""
    kept: list[str] = field(default_factory=list)
    """Files below ``records/`` that are not records: left as they are."""
    project: dict[str, SourceFile] = field(default_factory=dict)
    """Project files that are missing: written."""
    present: list[str] = field(default_factory=list)
    """Project files already there: left as they are."""

    @property
    def records_dir(self) -> Path:
        return self.target / "records"


def plan(
    target: Path,
    records: dict[str, bytes],
    language: str | None = None,
    requirement: str | None = None,
    timezone: str | None = None,
    branch: str | None = None,
) -> Plan:
    """What writing ``records`` and the project files into ``target`` would do (a
    package-based agency's workflows installing ``requirement``, scheduled in ``timezone``,
    checking and publishing ``branch``)."""
    target = target.resolve()
    kind = kind_of(target)
    result = Plan(target, kind, records)
    result.replaced, result.kept = existing_records(target / "records")
    for rel, file in project_files(kind, language, requirement, timezone, branch).items():
        path = target / rel
        if path.exists() or path.is_symlink():
            result.present.append(rel)
        else:
            result.project[rel] = file
    _refuse_links(result)
    return result


def _refuse_links(plan: Plan) -> None:
    """:class:`LinksInTheWay` when writing ``plan`` would go through a symbolic link in its
    folder: ``records/`` or a folder below it linked elsewhere would take the new records (and
    codeowners, finding them outside the project, failed after they were written);
    ``.github/CODEOWNERS`` linked to a file of the user's would be replaced by the ownership
    table. A record that is itself a link is only removed, so it may stay."""
    folders = {f"records/{Path(rel).parent.as_posix()}/" for rel in plan.records}
    paths = [*sorted(folders), *plan.project, CODEOWNERS]
    linked = atomic.links_below(plan.target, paths)
    if linked:
        raise LinksInTheWay(plan.target, {link: _points_to(link) for link in linked})


def _points_to(link: Path) -> str:
    try:
        return os.readlink(link)
    except OSError:  # gone since it was seen: still in the way of what was planned
        return "?"


def existing_records(records_dir: Path) -> tuple[list[str], list[str]]:
    """(records, other files) below ``records_dir``, as paths below it; links count as what
    their name says (a link is removed, never what it points to)."""
    records: list[str] = []
    others: list[str] = []
    if not records_dir.is_dir():
        return records, others
    for folder, dirs, files in os.walk(records_dir):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            rel = path.relative_to(records_dir).as_posix()
            removable = path.is_symlink() or path.is_file()
            if removable and not name.startswith(".") and place_of(rel) is not None:
                records.append(rel)
            else:
                others.append(rel)
    return records, others


# --- writing ------------------------------------------------------------------------------------


def write(plan: Plan) -> list[Path]:
    """Carry out ``plan``: old records out, new records and missing project files in. Returns
    the files written (CODEOWNERS is :func:`write_codeowners`'s)."""
    _remove_records(plan.records_dir, plan.replaced)
    written = []
    for rel, data in sorted(plan.records.items()):
        written.append(_write(plan.records_dir / rel, data))
    for rel, file in sorted(plan.project.items()):
        written.append(_write(plan.target / rel, file.data, file.executable))
    return written


def _write(path: Path, data: bytes, executable: bool = False) -> Path:
    atomic.make_folders(path.parent)
    # Not flushed one by one: a new agency is hundreds of files, all committed right after.
    atomic.write_bytes(path, data, durable=False)
    if executable:
        mode = path.stat().st_mode
        path.chmod(mode | ((mode & 0o444) >> 2))  # +x wherever it is readable
    return path


def _remove_records(records_dir: Path, replaced: list[str]) -> None:
    folders = set()
    for rel in replaced:
        path = records_dir / rel
        path.unlink(missing_ok=True)
        folders.update(parent for parent in path.parents if parent.is_relative_to(records_dir))
    # Folders the removed records leave empty go too (deepest first); the records folder stays.
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if folder != records_dir:
            # Not empty: something else lives there, and stays.
            with contextlib.suppress(OSError):
                folder.rmdir()


def write_codeowners(target: Path) -> tuple[Path, list[str]]:
    """``target/.github/CODEOWNERS`` from the records; returns the file and the notes about
    paths without an owner.

    ``target`` is the root of the agency's repository, as for the workflows written beside it
    — even inside another Git repository (``make demo`` writes the demo into ``build/demo``),
    whose own CODEOWNERS is never touched."""
    from hirebook.codeowners import render
    from hirebook.records.repository import load

    repo = load(target / "records", target)
    ownership = render(repo)
    path = target / CODEOWNERS
    atomic.make_folders(path.parent)
    atomic.write_text(path, ownership.text)
    return path, ownership.unowned


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (path with ``/`` → content), hidden ones too (``.gitkeep``)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
