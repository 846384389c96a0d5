"""One record file, read: its data, where each value stands, and what the file says of itself.

A :class:`Document` is what the loader hands to everything downstream. It is the only object
that knows line and column numbers, so every problem and every SLA finding asks it where a
value is (``doc.where("client_feedback", "at")``), and falls back to the nearest parent when
the value itself is missing — the place where a user would add it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hirebook.records import fences, files, plainyaml, yamlread
from hirebook.records.layout import Placement

_IGNORE = re.compile(r"#\s*hirebook:\s*ignore\s+((?:HB\d{3}[\s,]*)+)")
_CODE = re.compile(r"HB\d{3}")


@dataclass
class Document:
    """A parsed record file."""

    file: str | Path
    """The file on disk (a plain string when loaded: no Path object per file for nothing)."""
    rel: str
    """Its path relative to the project root, with ``/`` (what users and CI see)."""
    place: Placement
    data: dict
    text: str | None = field(default="", repr=False)
    """The YAML source (front matter for a case), kept to find positions when they are needed;
    None when the document came from another process: the file is read again if need be."""
    line_offset: int = 0
    ignored: frozenset[str] = frozenset()
    body: str | None = None
    """The Markdown body of a case file; None for YAML records."""
    plain: bool = False
    """``text`` was read line by line (:mod:`plainyaml`): its positions come from its lines."""
    _located: yamlread.ParsedYaml | None = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def positions(self) -> dict:
        """Path → (line, column) of every value; found on first use, from the source text."""
        return self._locate().positions

    @property
    def key_positions(self) -> dict:
        return self._locate().key_positions

    def _locate(self) -> yamlread.ParsedYaml:
        if self.text is None:
            self.text = _source_of(self.file, self.kind)
        if self._located is None:
            self._located = _positions(self.text, self.line_offset, self.plain)
        return self._located

    @property
    def kind(self) -> str:
        return self.place.kind

    @property
    def client(self) -> str | None:
        return self.place.client

    @property
    def id(self) -> object:
        return self.data.get("id")

    def where(self, *path: object) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest present parent.

        Plain block-style text answers from its lines (:mod:`plainyaml`, every position at
        once, tested equal to libyaml's marks); any other text is composed again by libyaml,
        whose marks are the positions.
        """
        while path:
            found = self.positions.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def line(self, *path: object) -> int:
        """The line of :meth:`where`: a clock's line. Plain text that is not located yet
        answers from the lines of the path's top-level key alone (:func:`plainyaml.line_of`)."""
        if self.text is None:
            self.text = _source_of(self.file, self.kind)
        if self._located is None and self.plain and path and self.text:
            found = plainyaml.line_of(self.text, path)
            if found is not None:
                return found + self.line_offset
        return self.where(*path)[0]

    def key_where(self, *path: object) -> tuple[int, int]:
        """Line and column of the key of ``path`` (the value's position if it has no key)."""
        return self.key_positions.get(path) or self.where(*path)


def _positions(text: str, line_offset: int, plain: bool) -> yamlread.ParsedYaml:
    """Every position of ``text``: from its lines where it is plain, else composed."""
    if not text:
        return yamlread.ParsedYaml({})
    found = plainyaml.positions(text, read_already=plain)
    if found is None:
        return yamlread.positions(text, line_offset)
    return _shifted(*found, line_offset)


def _shifted(positions: dict, key_positions: dict, line_offset: int) -> yamlread.ParsedYaml:
    if line_offset:  # the front matter of a case starts on the file's second line
        positions = {
            path: (line + line_offset, column) for path, (line, column) in positions.items()
        }
        key_positions = {
            path: (line + line_offset, column) for path, (line, column) in key_positions.items()
        }
    return yamlread.ParsedYaml({}, positions, key_positions)


def path_label(path: tuple) -> str:
    """A path as users write it: ``interviews[1].result_at`` (list positions count from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def ignored_codes(text: str) -> frozenset[str]:
    """Codes silenced for the whole record by ``# hirebook: ignore HB123[, HB456]``."""
    codes: set[str] = set()
    for match in _IGNORE.finditer(text):
        codes.update(_CODE.findall(match.group(1)))
    return frozenset(codes)


def read_document(path: str | Path, rel: str, place: Placement, raw: bytes) -> Document:
    """Parse ``raw`` (the bytes of the file ``path``) as a record of the kind its place says.

    Raises :class:`yamlread.LoadProblem` or :class:`yamlread.LoadFailed`.
    """
    text = yamlread.decode(raw)
    checked, quoted = as_shown(text) if place.kind == "case" else (text, frozenset())
    yamlread.refuse_merge_conflict(checked, quoted)  # the whole file: a case's body too
    if place.kind == "case":
        source, offset, body = split_front_matter(text)
    else:
        source, offset, body = text, 0, None
    parsed = yamlread.parse(source, line_offset=offset)
    shown_body = checked[len(text) - len(body) :] if body else ""
    if "<<<<<<<" in shown_body or ">>>>>>>" in shown_body:
        yamlread.refuse_lone_marker(checked, len(text) - len(body), quoted)
    return Document(
        file=path,
        rel=rel,
        place=place,
        data=parsed.data,
        text=source,
        line_offset=offset,
        ignored=ignored_codes(text) if "hirebook:" in text else frozenset(),
        body=body,
        plain=parsed.plain,
    )


def _source_of(file: str | Path, kind: str) -> str:
    """The YAML source of a record file, read again (empty if it is gone or unreadable)."""
    try:
        text = yamlread.decode(files.read_record(str(file)))
        return split_front_matter(text)[0] if kind == "case" else text
    except (OSError, yamlread.LoadProblem):
        return ""


def as_shown(text: str) -> tuple[str, frozenset[int]]:
    """A case's ``text`` with its body as the handbook renders it, and the lines (from 1) of
    that body it shows as code, inside fenced code blocks: what the conflict checks read. A
    marker line must not hide behind a character the handbook removes (``\\x01>>>>>>> main``
    is published as a quote seven deep); a conflict between two fences is quoted on purpose.
    Without front matter, ``text`` as it is: there is no body."""
    try:
        _, _, body = split_front_matter(text)
    except yamlread.LoadProblem:
        return text, frozenset()
    # Read as the handbook shows it: without the control and bidirectional characters its
    # escaping removes (never a line feed: the lines keep their numbers). Imported here: only
    # a case needs it.
    from hirebook.handbook.escape import clean

    front = text[: len(text) - len(body)]
    body = clean(body)
    if "<<<<<<<" not in body and ">>>>>>>" not in body:
        return front + body, frozenset()
    return front + body, _fenced_lines(body, front.count("\n") + 1)


def _fenced_lines(body: str, first: int) -> frozenset[int]:
    """The lines of ``body`` (whose first line is line ``first`` of the file) inside fenced
    code blocks (:mod:`hirebook.records.fences`) both as the file is written and as the
    handbook's Markdown reads it: the body stripped of the blanks around it
    (``richtext.render``), its tabs expanded to stops of four (Markdown's whitespace
    normalisation). A closing ```` ```\t ````, or an opening ```` ``` ```` behind the first
    line's spaces, fences there and not in the file; a line the two readings disagree on is
    not code, so no marker the page would show as text passes as quoted."""
    written = _code_lines(body.split("\n"), first)
    first += body[: len(body) - len(body.lstrip())].count("\n")
    shown = _code_lines(body.strip().expandtabs(4).split("\n"), first)
    return frozenset(written & shown)


def _code_lines(lines: list[str], first: int) -> set[int]:
    """The numbers of ``lines`` (the first is line ``first``) inside fenced code blocks."""
    quoted: set[int] = set()
    for block in fences.blocks(lines):
        quoted.update(range(first + block.opening + 1, first + block.closing))
    return quoted


def split_front_matter(text: str) -> tuple[str, int, str]:
    """Split a Markdown case into (front-matter YAML, its line offset, body)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise yamlread.LoadProblem(
            "HB109",
            "a case starts with YAML front matter between two `---` lines "
            "(title, author, on, tags, outcome)",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), 1, "".join(lines[index + 1 :])
    raise yamlread.LoadProblem(
        "HB109", "the front matter is not closed: add a line `---` after it", len(lines), 1
    )


def relative_to(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, or the path as given."""
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return path.as_posix()
