"""Load every record once into a :class:`Repository`: typed records, indexed by id and client.

Everything downstream — lint rules, SLA clocks, metrics, the handbook — reads the repository
and never opens a YAML file again. Loading never raises for bad input: what cannot be read or
does not match its schema becomes a :class:`~hirebook.problem.Problem`, and the record is left
out of the typed indexes (its id still counts as existing, so references to it do not cascade
into a second error).
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hirebook.problem import Problem, Severity
from hirebook.records import convert, files, schemas, yamlread
from hirebook.records.document import Document, read_document, relative_to
from hirebook.records.layout import FOLDER_OF_KIND, file_for, place_of
from hirebook.records.model import (
    MODEL_OF_KIND,
    Application,
    Candidate,
    Case,
    Client,
    Feedback,
    Person,
    Plan,
    Policy,
    Record,
    Requirement,
    Touchpoint,
)

RECORD_SUFFIXES = {".yaml", ".yml", ".md"}
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


def is_listed(path: str) -> bool:
    """Whether lint looks at ``path`` (below ``records/``, with ``/``): not a hidden file (an
    editor's swap file), nor in a ``.git`` folder, nor one of ``IGNORED_NAMES``. A file in
    another hidden folder is looked at, so that a record there is reported (HB110) rather than
    passed over: a client's folder renamed ``.acme`` would silently drop all its records. The
    one rule of :func:`record_paths` and of ``lint --changed-since``, so that a pull request
    is judged as the whole folder is."""
    parts = path.split("/")
    name = parts[-1]
    return name not in IGNORED_NAMES and not name.startswith(".") and ".git" not in parts[:-1]


class RecordsFolderError(Exception):
    """The records folder itself cannot be used (missing, not a folder): a usage error."""


@dataclass
class Repository:
    """All records of one agency."""

    root: Path
    """The project root: the folder that holds ``records/`` (paths are shown relative to it)."""
    records_dir: Path
    complete: bool = True
    """False when only some files were read (``load(select=...)``)."""
    policy: Policy | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    """Every document that parsed, by its relative path, schema-valid or not."""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while loading: unreadable files, schema errors, impossible dates."""
    people: dict[str, Person] = field(default_factory=dict)
    candidates: dict[str, Candidate] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    requirements: dict[str, Requirement] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    applications: dict[str, Application] = field(default_factory=dict)
    touchpoints: dict[str, Touchpoint] = field(default_factory=dict)
    feedback: dict[str, Feedback] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    file_ids: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    """kind → id → relative paths, from file names: every record that exists, even broken."""
    derived: dict[str, object] = field(default_factory=dict, repr=False)
    listing: list[str] | None = field(default=None, repr=False)
    """Every file below ``records/`` (``/`` paths, sorted), when the caller has listed them: a
    partial load then learns which files exist from it instead of asking the disk (a worker
    process would otherwise list all 1,000 client folders again)."""
    candidates_read: Callable[[], dict[str, dict[str, str]]] | None = field(
        default=None, repr=False
    )
    """Gives :meth:`candidate_fields` when the caller has read them (a worker process of the
    second phase of :func:`hirebook.pipeline.run`); a partial load reads them otherwise."""
    _disk_paths: dict[str, dict[str, list[str]]] = field(default_factory=dict, repr=False)

    @cached_property
    def records_prefix(self) -> str:
        """``records/`` as seen from the project root (the start of every relative path)."""
        return relative_to(self.records_dir, self.root).rstrip("/") + "/"

    """Views computed from the records by rules that share them (each computed once per load)."""

    # --- lookups ----------------------------------------------------------------------------

    def table(self, kind: str) -> dict[str, Record]:
        return getattr(self, _TABLE_OF_KIND[kind])

    def exists(self, kind: str, record_id: str, client: str | None = None) -> bool:
        """Whether a file for that id exists (inside ``client``'s folder when given)."""
        if client is not None and not self.complete:
            below = file_for(kind, record_id, client)
            if f"{self.records_prefix}{below}" in self.file_ids[kind].get(record_id, ()):
                return True  # read in this (partial) load
            return self._on_disk(below)
        paths = self.paths_of(kind, record_id)
        if client is None:
            return bool(paths)
        prefix = f"clients/{client}/"
        return any(prefix in path for path in paths)

    def paths_of(self, kind: str, record_id: str) -> list[str]:
        """The files of every record of ``kind`` with that id, relative to the project root.

        After a partial load the disk is asked: since an id is its file name, a record exists
        exactly when its file does, whether or not it was read.
        """
        if self.complete:
            return self.file_ids[kind].get(record_id, [])
        if kind not in FOLDER_OF_KIND:
            below = file_for(kind, record_id)
            rel = f"{self.records_prefix}{below}"
            if rel in self.file_ids[kind].get(record_id, ()):
                return [rel]  # read in this (partial) load: no need to ask the disk
            return [rel] if self._on_disk(below) else []
        return self._names_on_disk(kind).get(record_id, [])

    @cached_property
    def _listed(self) -> frozenset[str]:
        return frozenset(self.listing or ())

    def _on_disk(self, below: str) -> bool:
        """Whether the file ``below`` (a path below ``records/``) exists."""
        if self.listing is not None:
            return below in self._listed
        return os.path.isfile(os.path.join(self.records_dir, below))

    def _names_on_disk(self, kind: str) -> dict[str, list[str]]:
        """id → paths for one client-owned kind, from the caller's listing or else from
        folder listings (no file is opened)."""
        if not self._disk_paths and self.listing is not None:
            self._disk_paths.update(_names_listed(self.listing, self.records_prefix))
        index = self._disk_paths.get(kind)
        if index is None:
            index = self._disk_paths[kind] = defaultdict(list)
            folder = FOLDER_OF_KIND[kind]
            clients = self.records_dir / "clients"
            for client in sorted(os.listdir(clients)) if clients.is_dir() else []:
                try:
                    names = sorted(os.listdir(clients / client / folder))
                except OSError:
                    continue
                for name in names:
                    if name.endswith(".yaml"):
                        index[name[:-5]].append(
                            f"{self.records_prefix}clients/{client}/{folder}/{name}"
                        )
        return index

    def all_records(self) -> Iterable[Record]:
        for kind in _TABLE_OF_KIND:
            yield from self.table(kind).values()

    def candidate_fields(self) -> dict[str, dict[str, str]]:
        """candidate id → the personal fields of that candidate's file that are text
        (:data:`PERSONAL_FIELDS`), for the rules that keep them out of every other record.

        The only reader of candidates' personal data. A partial load reads every candidate
        file with the same reader as a full load (or takes what the caller read that way), so
        every path sees the same values.
        """
        if self.complete:
            return personal_fields(
                doc for doc in self.documents.values() if doc.kind == "candidate"
            )
        if self.candidates_read is not None:
            return self.candidates_read()
        return read_candidate_fields(self.records_dir)

    @cached_property
    def zone(self) -> ZoneInfo:
        return _zone(self.policy)

    # --- indexes (built on first use, once) -------------------------------------------------

    @cached_property
    def by_client(self) -> dict[str, dict[str, list[Record]]]:
        """client id → kind → records of that client, in id order."""
        index: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
        for kind in ("requirement", "plan", "application", "touchpoint", "feedback"):
            for record in self.table(kind).values():
                index[record.client][kind].append(record)
        return index

    def of_client(self, client: str, kind: str) -> list[Record]:
        return self.by_client.get(client, {}).get(kind, [])

    @cached_property
    def applications_by_requirement(self) -> dict[str, list[Application]]:
        index: dict[str, list[Application]] = defaultdict(list)
        for application in self.applications.values():
            index[application.requirement].append(application)
        return index

    @cached_property
    def plans_by_requirement(self) -> dict[str, list[Plan]]:
        index: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans.values():
            for requirement in plan.requirements:
                index[requirement].append(plan)
        return index

    @cached_property
    def touchpoints_by_plan(self) -> dict[str, list[Touchpoint]]:
        index: dict[str, list[Touchpoint]] = defaultdict(list)
        for touchpoint in self.touchpoints.values():
            if touchpoint.plan:
                index[touchpoint.plan].append(touchpoint)
        return index

    @cached_property
    def feedback_by_requirement(self) -> dict[str, list[Feedback]]:
        index: dict[str, list[Feedback]] = defaultdict(list)
        for item in self.feedback.values():
            if item.requirement:
                index[item.requirement].append(item)
        return index


_TABLE_OF_KIND = {
    "person": "people",
    "candidate": "candidates",
    "client": "clients",
    "requirement": "requirements",
    "plan": "plans",
    "application": "applications",
    "touchpoint": "touchpoints",
    "feedback": "feedback",
    "case": "cases",
}


def _names_listed(listing: list[str], prefix: str) -> dict[str, dict[str, list[str]]]:
    """kind → id → paths of every client-owned kind, from a listing of the files below
    ``records/`` (one pass over it)."""
    index: dict[str, dict[str, list[str]]] = {kind: defaultdict(list) for kind in FOLDER_OF_KIND}
    by_folder = {folder: index[kind] for kind, folder in FOLDER_OF_KIND.items()}
    for below in listing:
        if below.startswith("clients/") and below.endswith(".yaml"):
            parts = below.split("/")
            if len(parts) == 4 and parts[2] in by_folder:  # clients/<client>/<folder>/<name>
                by_folder[parts[2]][parts[3][:-5]].append(prefix + below)
    return index


PERSONAL_FIELDS = ("name", "email", "phone")
"""A candidate's fields that identify the person (the rules look for them elsewhere)."""


CandidateFields = dict[str, dict[str, str]]
"""candidate id → that candidate's personal fields (:data:`PERSONAL_FIELDS`) that are text."""


def personal_fields(documents: Iterable[Document]) -> CandidateFields:
    """candidate id → personal fields, from candidates' documents (the first file by path
    wins when two hold the same id)."""
    return first_per_candidate(personal_entries(documents))


def personal_entries(documents: Iterable[Document]) -> list[tuple[str, str, dict[str, str]]]:
    """(path, candidate id, personal fields) of each candidate's document that holds any."""
    entries = []
    for document in documents:
        record_id = document.data.get("id")
        if not isinstance(record_id, str):
            record_id = document.place.expected_id
        fields = {
            key: value
            for key in PERSONAL_FIELDS
            if isinstance(value := document.data.get(key), str) and value
        }
        if fields:
            entries.append((document.rel, record_id, fields))
    return entries


def first_per_candidate(entries: Iterable[tuple[str, str, dict[str, str]]]) -> CandidateFields:
    """The entries of :func:`personal_entries` (from one process or several) as one mapping,
    in path order: the first file holding an id wins, as in one reading of the agency."""
    found: CandidateFields = {}
    for _, record_id, fields in sorted(entries, key=lambda entry: entry[0]):
        found.setdefault(record_id, fields)
    return found


def read_candidate_fields(records_dir: Path) -> dict[str, dict[str, str]]:
    """:func:`personal_fields` of every file in ``records/candidates/``, each read as a full
    load reads it (a file that cannot be read is reported by whoever loads it)."""
    folder = os.path.join(records_dir, "candidates")
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    documents = []
    for name in names:
        below = f"candidates/{name}"
        place = place_of(below)
        if place is None or place.kind != "candidate" or name.startswith("."):
            continue
        file = os.path.join(folder, name)
        try:
            documents.append(read_document(file, below, place, files.read_record(file)))
        except (OSError, yamlread.LoadProblem, yamlread.LoadFailed):
            continue
    return personal_fields(documents)


def _zone(policy: Policy | None) -> ZoneInfo:
    try:
        return ZoneInfo(policy.timezone) if policy else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):  # reported by _unknown_zone (HB204)
        return ZoneInfo("UTC")


def _unknown_zone(document: Document, name: str) -> Problem | None:
    """HB204 for a policy ``timezone`` that names no zone (`Asia/shanghai`; on a system whose
    files ignore case it would be found, elsewhere not): every time without an offset would
    be read in UTC instead, and the clocks refuse the calendar."""
    try:
        ZoneInfo(name)
        return None
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        pass
    from zoneinfo import available_timezones  # reads the zone list: only for a bad name

    known = sorted(available_timezones())
    close = difflib.get_close_matches(name, known, n=1) if len(name) <= 64 else []
    hint = f"did you mean `{close[0]}`?" if close else "use an IANA name such as Asia/Shanghai"
    line, column = document.where("timezone")
    return Problem(
        document.rel,
        line,
        column,
        "HB204",
        Severity.ERROR,
        f"`timezone` is `{name}`, which names no IANA timezone; {hint}",
        str(document.id),
    )


def unusable_calendar(document: Document) -> Problem | None:
    """HB207 for the calendar of a schema-valid policy that the SLA clocks refuse (the work
    calendar's own checks, so that lint and the clocks give one answer): working hours that do
    not end after they start, a date both a holiday and a make-up working day. Unreported,
    lint passed and every command that evaluates a clock refused, naming no line. An unknown
    timezone is HB204's (:func:`_unknown_zone`): the calendar is tried in UTC then."""
    from hirebook.sla.calendar import WorkCalendar  # the clocks' calendar: only for a policy

    calendar = document.data.get("calendar")
    calendar = calendar if isinstance(calendar, dict) else {}
    zone = str(document.data.get("timezone", "UTC"))
    if _unknown_zone(document, zone) is not None:
        zone = "UTC"
    try:
        WorkCalendar.from_policy(calendar, zone)
        return None
    except (ValueError, TypeError) as err:
        reason = str(err)
    path, fix = _calendar_fix(calendar)
    line, column = document.where(*path)
    return Problem(
        document.rel,
        line,
        column,
        "HB207",
        Severity.ERROR,
        f"the SLA clocks cannot use this calendar: {reason}; {fix}",
        str(document.id),
    )


def _calendar_fix(calendar: dict) -> tuple[tuple[object, ...], str]:
    """Where a calendar the clocks refuse goes wrong, and what to do about it."""
    holidays = {str(day) for day in calendar.get("holidays") or ()}
    for index, day in enumerate(calendar.get("extra_workdays") or ()):
        if str(day) in holidays:
            return ("calendar", "extra_workdays", index), (
                "keep the date in one list: a holiday, or a make-up working day"
            )
    if isinstance(calendar.get("hours"), dict):
        return ("calendar", "hours", "end"), "make `end` a later time of the same day than `start`"
    return ("calendar",), "correct the calendar as the message says"


# --- loading ---------------------------------------------------------------------------------


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``mkdocs.yml`` or ``pyproject.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "pyproject.toml").is_file():
            return folder
    return start


def record_paths(records_dir: Path) -> list[str]:
    """Every file below ``records_dir`` that may be a record, as a ``/`` path relative to it,
    sorted (a stable order).

    Hidden files (editor swap files), ``.git`` folders and ``IGNORED_NAMES`` are skipped
    (:func:`is_listed`); links are listed, never followed: reading reports them (HB111). Built
    as plain strings while walking: joining and then cutting every path of a large agency
    would be as much work as reading the folders.
    """
    found: list[str] = []
    _scan(str(records_dir), "", found)
    found.sort()
    return found


def _scan(folder: str, prefix: str, found: list[str]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:  # an unreadable folder is skipped, as os.walk skips it
        return
    for entry in entries:
        name = entry.name
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            if name != ".git":  # as is_listed
                _scan(entry.path, f"{prefix}{name}/", found)
        elif name not in IGNORED_NAMES and not name.startswith("."):
            found.append(prefix + name)  # links and special files too: reading reports them


def record_files(records_dir: Path) -> list[str]:
    """:func:`record_paths` as absolute paths (strings: building 100,000 Path objects costs
    more than reading the folder)."""
    base = str(records_dir)
    return [os.path.join(base, *path.split("/")) for path in record_paths(records_dir)]


def load(
    records_dir: Path,
    project_root: Path | None = None,
    progress: Callable[[str], None] | None = None,
    select: Callable[[str], bool] | None = None,
    files: list[str] | None = None,
    listing: list[str] | None = None,
) -> Repository:
    """Read every record below ``records_dir``; problems are collected, never raised.

    With ``select`` (given each path below ``records/``, with ``/``), only the selected files
    are read; every file still counts as existing, so references to the others resolve. That
    is what lets ``lint --changed-since`` answer without reading a large agency whole.
    ``files`` is the listing of :func:`record_files` when the caller already has it, and
    ``listing`` that of :func:`record_paths` (see :attr:`Repository.listing`).
    """
    records_dir = records_dir.resolve()
    if not records_dir.is_dir():
        raise RecordsFolderError(f"records folder not found: {records_dir}")
    root = (project_root or records_dir.parent).resolve()
    repo = Repository(root=root, records_dir=records_dir, complete=select is None, listing=listing)
    schema_folder = schemas.schema_dir(root)
    documents = []
    with few_collections(unfreeze=True):
        for path in files if files is not None else record_files(records_dir):
            document = _read(repo, path, select)
            if document is not None:
                documents.append(document)
            if progress:
                progress(path)
        # The policy first: its timezone is needed to read every datetime after it.
        documents.sort(key=lambda doc: doc.kind != "policy")
        for document in documents:
            _add(repo, document, schema_folder)
    policy_wanted = select is None or select("policy.yaml")
    missing = _policy_missing(records_dir / "policy.yaml")
    if policy_wanted and repo.policy is None and missing:
        repo.problems.append(
            Problem(
                relative_to(records_dir / "policy.yaml", root),
                1,
                1,
                "HB310",
                Severity.ERROR,
                f"records/policy.yaml {missing}; every agency needs one (timezone, calendar, "
                "tiers, SLA goals) — copy the demo's and adapt it",
            )
        )
    return repo


def _policy_missing(path: Path) -> str | None:
    """How ``policy.yaml`` is missing, or None where there is a file to read (a link or a
    FIFO is one: reading it reports it). A folder of that name is walked as a folder, so
    without this lint passed while every command with clocks refused the missing policy."""
    if os.path.isdir(path) and not os.path.islink(path):
        return "is a folder, not a file"
    return None if os.path.lexists(path) else "is missing"


@contextlib.contextmanager
def few_collections(unfreeze: bool = False) -> Iterator[None]:
    """Keep the cyclic garbage collector from running while records are read (or received
    from worker processes and assembled).

    Loading allocates millions of objects that all live on, and each collection walks every
    one of them again, in a worker reading its part as in the parent assembling what the
    workers send (``tooling/benchmarks`` measures both). Records hold no reference cycles, so
    there is nothing for the collector to find; anything else is freed by reference counting
    as usual. The same holds for what
    is computed from them (problems, clocks): rules and clocks run inside it too.
    Inside another, it changes nothing. On the way out everything is frozen (left out of later
    collections); a new load (``unfreeze``) first lets what an earlier one froze be collected
    again (``mkdocs serve`` rebuilds) — only there: otherwise the rules would bring back every
    record for the collector to walk.
    """
    global _holding
    if _holding:
        yield
        return
    if unfreeze:
        gc.unfreeze()
    was_enabled = gc.isenabled()
    gc.disable()
    _holding = True
    try:
        yield
    finally:
        _holding = False
        if was_enabled:
            gc.enable()
        # What was loaded lives as long as the command: later collections need not walk it
        # (they still free anything that is no longer referenced, by reference counting).
        gc.freeze()


_holding = False


@few_collections()  # the received records live on: see few_collections
def assemble(
    records_dir: Path, project_root: Path, documents: Iterable[Document], listing: Iterable[str]
) -> Repository:
    """A repository of documents read and schema-checked elsewhere (by worker processes).

    Only those documents are typed; every file of ``listing`` (paths below ``records/``, as
    :func:`record_files` finds them) counts as existing, so ids and references resolve as in
    a full load.
    """
    repo = Repository(root=project_root, records_dir=records_dir.resolve())
    for below in listing:
        place = place_of(below)
        if place is not None and place.expected_id:
            repo.file_ids[place.kind][place.expected_id].append(f"{repo.records_prefix}{below}")
    schema_folder = schemas.schema_dir(project_root)
    ordered = sorted(documents, key=lambda doc: (doc.kind != "policy", doc.rel))
    for document in ordered:
        repo.documents[document.rel] = document
    for document in ordered:
        _add(repo, document, schema_folder, validated=True)
    return repo


def load_policy(records_dir: Path, project_root: Path) -> Repository:
    """A repository holding only the policy: enough for the timezone and the calendar (what
    the main process needs before worker processes read everything else)."""
    policy = records_dir / "policy.yaml"
    # Whatever is there is read, so that a link, a FIFO or a folder is refused at its place
    # (HB111) as lint refuses it, not called missing.
    files = [str(policy)] if os.path.lexists(policy) else []
    return load(records_dir, project_root, select=lambda path: path == "policy.yaml", files=files)


def _read(repo: Repository, file: str, select: Callable[[str], bool] | None) -> Document | None:
    # Plain string slicing: pathlib's relative_to is a measurable cost over 100,000 files.
    below = file[len(str(repo.records_dir)) + 1 :].replace(os.sep, "/")
    rel = f"{repo.records_prefix}{below}"
    place = place_of(below)
    if select is not None and not select(below):
        if place is not None and place.expected_id:
            repo.file_ids[place.kind][place.expected_id].append(rel)
        return None
    if place is None:
        path = Path(file)
        special = _special_kind(file)
        if special is not None:
            repo.problems.append(_from_load(rel, files.not_regular(special)))
        elif path.suffix.lower() in RECORD_SUFFIXES:  # a `.YAML` is a record misnamed
            repo.problems.append(_misplaced(rel, below))
        return None
    if place.expected_id:
        repo.file_ids[place.kind][place.expected_id].append(rel)
    try:
        document = read_document(file, rel, place, files.read_record(file))
    except yamlread.LoadProblem as problem:
        repo.problems.append(_from_load(rel, problem))
        return None
    except yamlread.LoadFailed as failed:
        repo.problems.extend(_from_load(rel, problem) for problem in failed.problems)
        return None
    except OSError as err:
        repo.problems.append(
            Problem(rel, 1, 1, "HB100", Severity.ERROR, f"cannot read the file: {err.strerror}")
        )
        return None
    repo.documents[rel] = document
    return document


def _special_kind(file: str) -> str | None:
    """What ``file`` is when it is not a regular file (a link to a folder, a FIFO…)."""
    try:
        return files.kind_of(os.lstat(file).st_mode)
    except OSError:
        return None


def _misplaced(rel: str, below: str) -> Problem:
    """HB110 for ``below`` (its path below ``records/``): in a hidden folder, renamed where
    only its extension is wrong (``.yml``, ``.YAML``), else where records live."""
    path = PurePosixPath(below)
    suffix = ".md" if path.suffix.lower() == ".md" else ".yaml"
    hidden = next((part for part in path.parts[:-1] if part.startswith(".")), None)
    if hidden:
        hint = (
            f"it is inside the hidden folder `{hidden}`, which hirebook does not read: rename "
            "the folder without its leading dot, or move the file out of records/"
        )
    elif path.suffix != suffix and place_of(path.with_suffix(suffix)) is not None:
        hint = f"rename it to {suffix}"
    else:
        hint = (
            "records live at policy.yaml, team/<id>.yaml, candidates/<id>.yaml, cases/<id>.md "
            "and clients/<client>/{client.yaml, requirements/, plans/, applications/, "
            "touchpoints/, feedback/}<id>.yaml"
        )
    return Problem(
        rel,
        1,
        1,
        "HB110",
        Severity.ERROR,
        f"this file is not where any record kind lives, so it is not read; {hint}",
    )


def _from_load(rel: str, problem: yamlread.LoadProblem) -> Problem:
    return Problem(rel, problem.line, problem.column, problem.code, Severity.ERROR, problem.message)


def _add(
    repo: Repository, document: Document, schema_folder: Path, validated: bool = False
) -> None:
    found = [] if validated else schemas.check(document, schema_folder)
    if found:
        repo.problems.extend(found)
        return
    model = MODEL_OF_KIND[document.kind]
    try:
        record, naive = convert.build(model, document.data, repo.zone)
    except convert.ConversionError as err:
        line, column = document.where(*err.path)
        repo.problems.append(
            Problem(
                document.rel,
                line,
                column,
                "HB208",
                Severity.ERROR,
                f"{err}; correct the value",
                str(document.id),
            )
        )
        return
    record.doc = document
    if document.kind == "case":
        record.id = document.place.expected_id  # a case's id is its file name
    for path in naive:
        line, column = document.where(*path)
        repo.problems.append(
            Problem(
                document.rel,
                line,
                column,
                "HB209",
                Severity.WARNING,
                f"`{'.'.join(map(str, path))}` has no UTC offset; it is read in "
                f"{repo.zone.key} — add the offset, e.g. +08:00",
                record.id,
            )
        )
    if isinstance(record, Policy):
        unknown = _unknown_zone(document, record.timezone)
        if unknown is not None:
            repo.problems.append(unknown)
        unusable = unusable_calendar(document)
        if unusable is not None:
            repo.problems.append(unusable)
        repo.policy = record
        repo.__dict__.pop("zone", None)
        return
    # Typed by its file name, which is its id (HB301 reports an `id:` that differs): a copy of
    # a record under a new name that kept the old `id:` is typed too, and reported (HB301,
    # HB302), rather than silently hiding the original or being hidden by it.
    key = document.place.expected_id or record.id
    table = repo.table(document.kind)
    if key in table or _earlier_file_has_id(repo, document, key):
        return  # two files of one name in two clients (HB302): the first is typed, everywhere
    table[key] = record


def _earlier_file_has_id(repo: Repository, document: Document, record_id: str) -> bool:
    """In a partial load, whether a file before this one (read elsewhere, maybe) has the id."""
    if repo.complete:
        return False
    paths = repo.paths_of(document.kind, record_id)
    return bool(paths) and paths[0] < document.rel
