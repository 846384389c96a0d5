"""Speed never changes answers: `--jobs 1`, `2` and `3` give the same outputs (issue 18, item 3).

``hirebook lint``, ``sla``, ``report`` (``--format json``), ``export --sqlite`` (the tables'
contents, not the file's bytes) and ``handbook --out`` (the tree of generated files) are run as
the user runs them — one ``python -m hirebook`` process per command, ``--as-of`` a fixed instant —
for ``--jobs 1``, ``2`` and ``3``, and their exit status, stdout, stderr and files compared.
With an explicit ``--jobs`` the number of processes is what is asked for, so even a small agency
is read by 2 and 3 worker processes (parts of whole client folders) and by one for ``--jobs 1``.

How the agencies are generated
------------------------------

Each agency is ``tooling/benchmarks/generate.py`` (realistic records from a seed) made hostile
on disk by :func:`build`, from a :class:`Spec`:

- **Candidates' names**: some candidates who applied somewhere are renamed — Latin names with
  apostrophes and hyphens (``Sean O'Brien``), CJK names (rare surnames and the generator's
  candidate-only characters), full-width forms (``Ｓｅａｎ　Ｏ＇Ｂｒｉｅｎ``) and mixed scripts
  (``歐陽梓昕 (Sean O'Brien)``, Hangul, Cyrillic or Greek beside Latin, a character outside
  the BMP), each written plain, single-quoted (``name: 'Sean O''Brien'``), double-quoted
  (``name: "Sean O'Brien"``), double-quoted with ``\\u`` escapes, as a folded block scalar,
  double-quoted over two lines, or followed by a comment holding quotes (the fast reader
  leaves escapes, block scalars and text over several lines to libyaml). "Twins" are two
  candidates with one name in two quoting styles. The files edited end their lines in LF or
  CRLF, or start with a BOM.
- **Four modes.** ``clean``: the generator's planted problems are swapped for their pristine
  versions and no name appears anywhere but in its candidate's file; free text holds only near
  misses (``Sean O''Brien``, ``Sean O’Brien``) — lint is clean, so ``sla``, ``report``,
  ``export`` and the handbook produce full outputs. ``personal``: as clean, plus names (exact,
  full-width, with a zero-width or no-break space, CJK with an ideographic space), e-mail
  addresses and phone numbers of candidates in other records — touchpoint summaries of the
  client the candidate applied to *and of other clients*, follow-up actions (shown by ``sla``),
  clients' ``name_local`` (shown by ``report``), client contacts' names, e-mails and phones and
  a team member's name (HB505; every worker reads the team) — possibly hushed by an ignore
  comment or the policy (the gate must not care): warnings only, so ``sla``, ``report`` and
  ``export`` redact and the handbook refuses. ``broken``: personal, plus errors — the
  generator's planted problems, a requirement or touchpoint copied to another client
  (duplicate ids across clients), a candidate file copied under a new name that kept its id
  (and is named in another client's text), a touchpoint naming another client's requirement,
  unknown candidates and team members — so every command but ``lint`` refuses; ``sla``'s and
  the handbook's refusals are compared. ``silenced``: the errors of broken (no names in text)
  made to pass — the policy's ``lint.severity`` sets every HB1xx–HB4xx code to ``warning``,
  ``off`` or one and the other in turn, and the broken files may carry ``# hirebook: ignore``
  comments — so every command runs over foreign references and unknown ids; HB1xx, HB2xx, HB301
  and HB302 cannot be silenced, so where such errors are left every command refuses.
- **Small agencies** (100–200 records, 6 clients) come from Hypothesis: the seed, the size,
  the names and their styles, the mentions, the breakages, how they are silenced and the line
  endings are drawn, two examples per mode — Hypothesis' simplest (seed 0,
  ``name: 'Sean O''Brien'`` named in another client's touchpoint) and a random one
  (``max_examples`` small, no deadline, no example database, no shrinking: a failing example
  is reported as drawn, with the :class:`Spec` that rebuilds it).
- **One large agency** (2,150 files, above ``parallel.SMALL_AGENCY``) is generated once per
  session from a random seed and checked in the four modes, with a fixed hostile set of names
  (the issue's ``Sean O'Brien`` single-quoted, a double-quoted, a CJK, a full-width and a
  mixed-script name, twins), every kind of mention and breakage, and CRLF line endings.

A failure lists every disagreement of the agency: the command, the ``--jobs`` values and a
diff. To look at a failing agency by hand::

    python tests/test_same_answers.py OUT_DIR '<the spec printed in the failure>'
    hirebook lint --records OUT_DIR/records --format json --as-of 2026-11-20T17:00:00+08:00 --jobs 2
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import importlib.util
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hirebook.lint.engine import always_errors

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-20T17:00:00+08:00"
JOBS = (1, 2, 3)
LARGE_RECORDS = 2150
"""Above ``parallel.SMALL_AGENCY`` (2,000 files)."""
PERSONAL_CODES = {"HB501", "HB502", "HB503", "HB505"}
TIMEOUT = 600


def _generator_module():
    path = ROOT / "tooling" / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("hirebook_benchmarks_generate", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = sys.modules.get("hirebook_benchmarks_generate") or _generator_module()

# --- hostile names ----------------------------------------------------------------------------

LATIN_GIVEN = ["Sean", "Mary-Jane", "Niamh", "Jean-Luc", "Aoife", "Ruairi", "D'Angelo", "Zoe"]
LATIN_FAMILY = ["O'Brien", "O'Neill", "D'Arcy", "N'Diaye", "O'Hara", "Smith-Jones", "McAllister"]
RARE_SURNAMES = ["歐陽", "司馬", "諸葛", "上官", "慕容", "皇甫"]  # in none of the generator's texts
CJK_GIVEN = generate.CANDIDATE_GIVEN  # characters the generator uses in candidates' names only
OTHER_SCRIPTS = ["김지은", "Ольга", "Σοφία", "𠮷野"]  # Hangul, Cyrillic, Greek, beyond the BMP
STYLES = ("single", "double", "escaped", "plain")
"""The first is Hypothesis' simplest choice: its first example has the issue's
``name: 'Sean O''Brien'``."""


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation as their full-width forms, spaces as U+3000."""
    return "".join(
        "\u3000" if char == " " else chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char
        for char in text
    )


def has_cjk(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


def latin_name(given: str, family: str) -> str:
    return f"{given} {family}"


def cjk_name(surname: str, given: str) -> str:
    return surname + given


# A strategy for one hostile name; every one holds a Latin surname with an apostrophe or a
# hyphen, or CJK characters found in no other text of the generated agency.
_latin = st.builds(latin_name, st.sampled_from(LATIN_GIVEN), st.sampled_from(LATIN_FAMILY))
_cjk = st.builds(
    cjk_name,
    st.sampled_from(RARE_SURNAMES),
    st.text(alphabet=CJK_GIVEN, min_size=1, max_size=2),
)
NAMES = st.one_of(
    _latin,
    _cjk,
    _latin.map(fullwidth),
    st.builds(lambda cjk, latin: f"{cjk} ({latin})", _cjk, _latin),
    st.builds(lambda other, latin: f"{other} {latin}", st.sampled_from(OTHER_SCRIPTS), _latin),
)
APOSTROPHE_NAMES = st.builds(
    latin_name, st.sampled_from(LATIN_GIVEN), st.sampled_from(["O'Brien", "O'Neill", "D'Arcy"])
)


# --- YAML scalars written several ways ---------------------------------------------------------


def _escaped(value: str) -> str:
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


NAME_STYLES = (*STYLES, "folded", "two-lines", "commented")
"""Candidates' names only (block context): a folded block scalar, a double-quoted scalar over
two lines, a single-quoted one followed by a comment with an apostrophe in it."""


def scalar(value: str, style: str) -> str:
    """``value`` as a YAML scalar in ``style``; plain only where YAML reads it back unchanged."""
    if style == "plain" and _reads_back(value, value):
        return value
    if style in ("plain", "single"):
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(value, ensure_ascii=False)
    if style == "folded":
        return ">-\n  " + value
    if style == "two-lines" and " " in value:
        first, rest = value.split(" ", 1)
        return json.dumps(first, ensure_ascii=False)[:-1] + "\n  " + _escaped(rest)[1:]
    if style == "two-lines":
        return json.dumps(value, ensure_ascii=False)
    if style == "commented":
        return scalar(value, "single") + "  # née 'O''Hara', called \"Sam\""
    return _escaped(value)


def _reads_back(written: str, value: str) -> bool:
    try:
        return yaml.load(f"key: {written}\n", Loader=yaml.CSafeLoader) == {"key": value}
    except yaml.YAMLError:
        return False


# --- the specification of one agency ----------------------------------------------------------

MODES = ("clean", "personal", "broken", "silenced")
PLACES = (
    "other-client", "same-client", "follow-up", "name-local", "contact", "team", "email",
    "phone", "contact-email", "contact-phone",
)  # fmt: skip
HUSHES = ("", "comments", "policy")
"""Mode personal or broken: the personal-data problems of the first mention's record silenced
by an ignore comment, or HB503 set to ``off`` by the policy (the gate must not care)."""
VARIANTS = ("exact", "fullwidth", "zero-width", "no-break", "cjk-gap")
NEAR_MISSES = ("doubled", "curly")
SILENCES = ("warning", "off", "mixed")
SILENCED_CODES = tuple(
    sorted(
        path.name[:5].upper()
        for path in (ROOT / "tooling" / "hirebook" / "lint" / "rules").glob("hb[1-4]*.py")
    )
)
"""Every code of the YAML, schema, reference and process rules (not personal data's)."""
BREAKAGES = (
    "planted",
    "duplicate-requirement",
    "duplicate-touchpoint",
    "candidate-copy",
    "foreign-requirement",
    "unknown-candidate",
    "unknown-person",
)


@dataclasses.dataclass(frozen=True)
class Spec:
    """Everything :func:`build` needs to write one agency (JSON, to rebuild it by hand)."""

    seed: int
    records: int
    mode: str
    names: tuple[tuple[str, str], ...]
    """(name, YAML style) given to candidates who applied somewhere."""
    twins: bool
    """Another candidate gets the first name too, in another quoting style."""
    mentions: tuple[tuple[int, str, str, str], ...]
    """(index in names, place, variant or near miss, YAML style of the text)."""
    breakages: tuple[str, ...]
    language: str = "en"
    silence: str = ""
    """Mode silenced: the policy sets every HB1xx-HB4xx code to ``warning`` or ``off``, or
    (``mixed``) one and the other in turn."""
    comments: bool = False
    """Mode silenced: the broken files also carry ``# hirebook: ignore`` comments."""
    hush: str = ""
    """Mode personal or broken: one of :data:`HUSHES`."""
    endings: str = "lf"
    """The files this spec edits end their lines with ``lf`` or ``crlf``, or start with a
    byte-order mark (``bom``)."""

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Spec:
        data = json.loads(text)
        data["names"] = tuple(tuple(pair) for pair in data["names"])
        data["mentions"] = tuple(tuple(item) for item in data["mentions"])
        data["breakages"] = tuple(data["breakages"])
        return cls(**data)


@st.composite
def specs(draw, mode: str) -> Spec:
    names = [draw(APOSTROPHE_NAMES)]  # the case is always there
    names += draw(st.lists(NAMES, min_size=1, max_size=4))
    styled = tuple((name, draw(st.sampled_from(NAME_STYLES))) for name in names)
    count = len(styled)
    index = st.integers(0, count - 1)
    style = st.sampled_from(STYLES)
    near = st.tuples(
        st.just(0), st.sampled_from(("other-client", "follow-up")), st.sampled_from(NEAR_MISSES),
        style,
    )  # fmt: skip
    mentions = draw(st.lists(near, min_size=1, max_size=2))
    if mode in ("personal", "broken"):
        real = st.tuples(index, st.sampled_from(PLACES), st.sampled_from(VARIANTS), style)
        first = st.tuples(st.just(0), st.just("other-client"), st.just("exact"), style)
        mentions += [draw(first)] + draw(st.lists(real, min_size=1, max_size=5))
    breakages: tuple[str, ...] = ()
    if mode in ("broken", "silenced"):
        breakages = tuple(
            draw(st.lists(st.sampled_from(BREAKAGES), min_size=1, max_size=4, unique=True))
        )
    silence, comments, hush = "", False, ""
    if mode in ("personal", "broken"):
        hush = draw(st.sampled_from(HUSHES))
    if mode == "silenced":
        silence = draw(st.sampled_from(SILENCES))
        comments = draw(st.booleans())
    return Spec(
        seed=draw(st.integers(0, 2**32 - 1)),
        records=draw(st.integers(100, 200)),
        mode=mode,
        names=styled,
        twins=draw(st.booleans()),
        mentions=tuple(mentions),
        breakages=breakages,
        language=draw(st.sampled_from(("en", "zh-Hant", "zh-Hans"))),
        silence=silence,
        comments=comments,
        hush=hush,
        endings=draw(st.sampled_from(("lf", "crlf", "bom"))),
    )


def large_spec(seed: int, mode: str) -> Spec:
    """The large agency's spec: the issue's names, fixed; only the seed is random."""
    names = (
        ("Sean O'Brien", "single"),  # name: 'Sean O''Brien'
        ("Niamh O'Neill", "double"),  # name: "Niamh O'Neill"
        ("歐陽梓昕", "folded"),
        (fullwidth("Mary-Jane D'Arcy"), "escaped"),
        ("司馬璟 (Aoife N'Diaye)", "two-lines"),
        ("Ольга O'Hara", "commented"),
    )
    mentions: list[tuple[int, str, str, str]] = [
        (0, "other-client", "doubled", "double"),
        (0, "follow-up", "curly", "single"),
    ]
    breakages: tuple[str, ...] = ()
    if mode in ("personal", "broken"):
        mentions += [
            (0, "other-client", "exact", "double"),  # the touchpoint
            (1, "same-client", "fullwidth", "single"),
            (2, "other-client", "cjk-gap", "plain"),
            (3, "follow-up", "exact", "double"),
            (4, "name-local", "zero-width", "escaped"),
            (5, "contact", "exact", "single"),
            (1, "email", "fullwidth", "double"),
            (2, "phone", "no-break", "double"),
            (4, "team", "exact", "plain"),
            (3, "contact-email", "exact", "plain"),
            (5, "contact-phone", "fullwidth", "single"),
        ]
    if mode == "broken":
        breakages = BREAKAGES
    if mode == "silenced":
        breakages = BREAKAGES
    return Spec(
        seed, LARGE_RECORDS, mode, names, True, tuple(mentions), breakages, "zh-Hant",
        silence="mixed" if mode == "silenced" else "", comments=mode == "silenced",
        hush={"personal": "comments", "broken": "policy"}.get(mode, ""), endings="crlf",
    )  # fmt: skip


# --- writing an agency -------------------------------------------------------------------------


def mention_form(name: str, variant: str) -> str:
    """How a name is written in another record's text (near misses must not be found)."""
    if variant == "fullwidth":
        return fullwidth(name)
    if variant == "zero-width":
        return name[:1] + "\u200b" + name[1:]
    if variant == "no-break":
        return name.replace(" ", "\u00a0") if " " in name else name[:1] + "\u00a0" + name[1:]
    if variant == "cjk-gap":
        cjk = re.search(r"[\u3400-\u9fff]{2,}", name)
        if cjk:
            at = cjk.start() + 1
            return name[:at] + "\u3000" + name[at:]
        return name
    if variant == "doubled":
        return name.replace("'", "''")
    if variant == "curly":
        return name.replace("'", "\u2019")
    return name


SAYINGS = [
    ("Called {} about the second interview.", "與{}確認面試時間。"),
    ("Lunch with the client; {} came up.", "客戶提到{}的背景調查"),
]


NAME_LINE = r"^name: .*(?:\n  .*)*$"
"""A record's top-level ``name:`` and the lines that continue it."""


def text_of(name: str, variant: str, rng: random.Random) -> str:
    """A sentence of free text that mentions ``name`` (or a near miss of it)."""
    saying = SAYINGS[rng.randrange(len(SAYINGS))][1 if has_cjk(name) else 0]
    return saying.format(mention_form(name, variant))


class Agency:
    """The generated agency on disk, indexed for :func:`build`'s edits."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.records = folder / "records"
        self.rng = rng
        self.clients = sorted(p.name for p in (self.records / "clients").iterdir())
        self.applied: dict[str, set[str]] = {}
        for client in self.clients:
            for path in sorted((self.records / "clients" / client / "applications").glob("*")):
                candidate = self.read(path).get("candidate")
                self.applied.setdefault(candidate, set()).add(client)
        self.used: set[Path] = set()

    def read(self, path: Path) -> dict:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    def files(self, client: str, kind: str) -> list[Path]:
        return sorted((self.records / "clients" / client / kind).glob("*.yaml"))

    def pick(self, paths: list[Path]) -> Path:
        fresh = [path for path in paths if path not in self.used] or paths
        path = fresh[self.rng.randrange(len(fresh))]
        self.used.add(path)
        return path

    def touchpoint(self, clients: list[str], follow_up: bool = False) -> Path:
        """A touchpoint of one of ``clients`` (of any client if they have none)."""
        for among in (clients, self.clients):
            paths = [p for client in among for p in self.files(client, "touchpoints")]
            if follow_up:
                paths = [p for p in paths if "follow_ups:" in p.read_text(encoding="utf-8")]
            if paths:
                return self.pick(paths)
        raise AssertionError("the generated agency has no touchpoint")

    def edit(self, path: Path, pattern: str, replacement: str, needed: bool = True) -> None:
        """Replace the first match of ``pattern`` (which must be there if ``needed``)."""
        text = path.read_text(encoding="utf-8")
        changed, done = re.subn(pattern, lambda _m: replacement, text, count=1, flags=re.M)
        assert done or not needed, (path, pattern)
        path.write_text(changed, encoding="utf-8")


def build(spec: Spec, out: Path, written: bool = False) -> Path:
    """Write the agency of ``spec`` below ``out`` (``written``: the generator has written it
    there already); returns its records folder."""
    if not written:
        generate.write(generate.generate(spec.records, spec.seed), out)
    records = out / "records"
    if "planted" not in spec.breakages:
        shutil.copytree(out / "pristine" / "records", records, dirs_exist_ok=True)
    agency = Agency(out, random.Random(f"hirebook-same-answers-{spec.seed}"))
    applicants = sorted(
        c for c in agency.applied if (records / "candidates" / f"{c}.yaml").exists()
    )
    chosen = agency.rng.sample(applicants, len(spec.names) + 1)
    named: list[str] = []
    for (name, style), candidate in zip(spec.names, chosen, strict=False):
        path = records / "candidates" / f"{candidate}.yaml"
        agency.edit(path, NAME_LINE, f"name: {scalar(name, style)}")
        named.append(candidate)
    touched = [records / "candidates" / f"{candidate}.yaml" for candidate in chosen]
    if spec.twins:
        name, style = spec.names[0]
        other = "double" if style != "double" else "single"
        twin = records / "candidates" / f"{chosen[-1]}.yaml"
        agency.edit(twin, NAME_LINE, f"name: {scalar(name, other)}")
    mentioned = [
        _mention(agency, spec.names[index][0], named[index], place, variant, style)
        for index, place, variant, style in spec.mentions
    ]
    real = [path for path, m in zip(mentioned, spec.mentions, strict=True) if m[2] in VARIANTS]
    if spec.hush == "comments":
        with real[0].open("a", encoding="utf-8") as handle:
            handle.write(f"# hirebook: ignore {', '.join(sorted(PERSONAL_CODES))}\n")
    broken: list[Path] = []
    for breakage in spec.breakages:
        broken += _break(agency, breakage, named, spec.mode)
    if "planted" in spec.breakages:
        planted = json.loads((out / "planted.json").read_text(encoding="utf-8"))["problems"]
        broken += [out / problem["file"] for problem in planted]
    if spec.silence:
        _silence(records / "policy.yaml", spec.silence)
    elif spec.hush == "policy":
        with (records / "policy.yaml").open("a", encoding="utf-8") as handle:
            handle.write('lint:\n  severity: {HB503: "off"}\n')
    if spec.comments:
        for path in sorted(set(broken)):
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"# hirebook: ignore {', '.join(SILENCED_CODES)}\n")
    for (name, _), candidate in zip(spec.names, named, strict=True):  # the names read back
        assert agency.read(records / "candidates" / f"{candidate}.yaml")["name"] == name
    for path in sorted({*touched, *mentioned, *broken}):
        text = path.read_text(encoding="utf-8")
        yaml.load(text, Loader=yaml.CSafeLoader)  # every edit keeps the file readable
        if spec.endings == "crlf":
            path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        elif spec.endings == "bom":
            path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return records


def _mention(
    agency: Agency, name: str, candidate: str, place: str, variant: str, style: str
) -> Path:
    """Write ``name`` (or the candidate's e-mail or phone) into another record; returns it."""
    rng = agency.rng
    applied = sorted(agency.applied[candidate])
    others = [client for client in agency.clients if client not in applied]
    text = text_of(name, variant, rng)
    if place in ("email", "phone", "contact-email", "contact-phone"):
        field = place.removeprefix("contact-")
        data = agency.read(agency.records / "candidates" / f"{candidate}.yaml")
        value = str(data[field])
        if place == "contact-email":  # the schema wants an e-mail address there
            value = value.upper() if variant != "exact" else value
        elif variant == "fullwidth":
            value = fullwidth(value).replace("\u3000", " ")
        elif variant in ("no-break", "zero-width"):
            value = mention_form(value, "no-break")
        if place.startswith("contact-"):
            return _add_contact(agency, others or applied, f"{{name: Li Referee, {field}: ", value,
                                style)  # fmt: skip
        text = f"Reach them at {value} after six."
        place = "other-client"
    if place in ("other-client", "same-client"):
        path = agency.touchpoint(others if place == "other-client" else applied)
        agency.edit(path, r"^summary: .*$", f"summary: {scalar(text, style)}")
    elif place == "follow-up":
        path = agency.touchpoint(others, follow_up=True)
        action = scalar(text, "double" if style == "plain" else style)
        agency.edit(path, r"(?<=action: ).*?(?=, owner: |$)", action)
    elif place == "name-local":
        path = agency.records / "clients" / rng.choice(others or applied) / "client.yaml"
        agency.edit(path, r"^name_local: .*\n", "", needed=False)
        text = path.read_text(encoding="utf-8")
        line = re.search(r"^name: .*$", text, flags=re.M).group(0)
        local = f"{line}\nname_local: {scalar(text_of(name, variant, rng), style)}"
        path.write_text(text.replace(line, local, 1), encoding="utf-8")
    elif place == "contact":
        path = _add_contact(agency, others or applied, "{name: ", mention_form(name, variant),
                            style)  # fmt: skip
    elif place == "team":  # every worker reads the team
        path = agency.pick(sorted((agency.records / "team").glob("*.yaml")))
        agency.edit(path, r"^name: .*$", f"name: {scalar(mention_form(name, variant), style)}")
    else:
        raise AssertionError(place)
    return path


def _add_contact(agency: Agency, clients: list[str], opening: str, value: str, style: str) -> Path:
    """A contact ``opening value, role: Referee}`` added to one of ``clients``."""
    path = agency.records / "clients" / agency.rng.choice(clients) / "client.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("contacts:") + 1
    while lines[at].startswith("  "):
        at += 1
    lines.insert(at, f"  - {opening}{scalar(value, style)}, role: Referee}}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _break(agency: Agency, breakage: str, named: list[str], mode: str) -> list[Path]:
    """Make the records wrong in one way; returns the files that are now wrong."""
    rng, records = agency.rng, agency.records
    clients = agency.clients
    if breakage == "planted":
        return []  # the generator's own problems were kept
    if breakage in ("duplicate-requirement", "duplicate-touchpoint"):
        kind = "requirements" if breakage == "duplicate-requirement" else "touchpoints"
        source = rng.choice([c for c in clients if agency.files(c, kind)])
        path = agency.pick(agency.files(source, kind))
        target = records / "clients" / rng.choice([c for c in clients if c != source]) / kind
        target.mkdir(exist_ok=True)
        shutil.copy(path, target / path.name)
        return [target / path.name]
    if breakage == "candidate-copy":
        # Two files with one id and two names; broken, another client's text names the copy.
        path = records / "candidates" / "cand-99998.yaml"
        shutil.copy(records / "candidates" / f"{named[0]}.yaml", path)  # keeps its id
        agency.edit(path, NAME_LINE, f"name: {scalar(COPY_NAME, 'single')}")
        if mode == "broken":
            touchpoint = agency.touchpoint(clients)
            text = scalar(text_of(COPY_NAME, "exact", rng), "double")
            agency.edit(touchpoint, r"^summary: .*$", f"summary: {text}")
        return [path]
    if breakage == "foreign-requirement":
        owner = rng.choice([c for c in clients if agency.files(c, "requirements")])
        requirement = agency.files(owner, "requirements")[0].stem
        path = agency.touchpoint([c for c in clients if c != owner])
        agency.edit(path, r"^requirement: .*\n", "", needed=False)
        agency.edit(path, r"^(summary: )", f"requirement: {requirement}\nsummary: ")
    elif breakage == "unknown-candidate":
        client = rng.choice([c for c in clients if agency.files(c, "applications")])
        path = agency.pick(agency.files(client, "applications"))
        agency.edit(path, r"^candidate: .*$", "candidate: cand-99999")
    elif breakage == "unknown-person":
        path = agency.touchpoint(clients)
        agency.edit(path, r"^by: .*$", "by: nobody-here")
    else:
        raise AssertionError(breakage)
    return [path]


COPY_NAME = "Ciara O'Duplicate"


def _silence(policy: Path, level: str) -> None:
    """The policy's ``lint.severity``: every code of :data:`SILENCED_CODES` at ``level``."""
    levels = ("warning", "off") if level == "mixed" else (level,)
    lines = ["lint:", "  severity:"]
    lines += [
        f'    {code}: "{levels[index % len(levels)]}"' for index, code in enumerate(SILENCED_CODES)
    ]
    with policy.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


# --- running the commands ----------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    command: str
    status: int
    stdout: str
    stderr: str
    files: dict[str, object] = dataclasses.field(default_factory=dict)

    def answer(self) -> tuple:
        return (self.status, self.stdout, self.stderr, self.files)


def hirebook(args: list[str], where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hirebook", *args],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )


@functools.cache
def export_takes_jobs() -> bool:
    done = hirebook(["export", "--help"], ROOT)
    return "--jobs" in done.stdout


def run(command: str, records: Path, jobs: int, spec: Spec) -> Run:
    """One command over ``records`` with ``--jobs jobs``; paths this run chose are made neutral."""
    folder = records.parent
    common = ["--records", "records", "--as-of", AS_OF]
    scratch = folder / f"{command}-jobs{jobs}"
    if command in ("lint", "sla", "report"):
        args = [command, *common, "--format", "json", "--jobs", str(jobs)]
        if command == "sla":
            args.append("--all")
    elif command == "export":
        args = ["export", *common, "--sqlite", str(scratch.with_suffix(".db"))]
        if export_takes_jobs():
            args += ["--jobs", str(jobs)]
    elif command == "handbook":
        args = ["handbook", *common, "--out", str(scratch), "--language", spec.language]
        args += ["--jobs", str(jobs)]
    else:
        raise AssertionError(command)
    done = hirebook(args, folder)
    texts = [
        text.replace(str(scratch), "OUT").replace(str(folder), "AGENCY")
        for text in (done.stdout, done.stderr)
    ]
    result = Run(" ".join(["hirebook", *args]).replace(str(folder), "AGENCY"), done.returncode,
                 *texts)  # fmt: skip
    if command == "export" and done.returncode == 0:
        result.files = tables(scratch.with_suffix(".db"))
    elif command == "handbook" and scratch.is_dir():
        result.files = {
            path.relative_to(scratch).as_posix(): path.read_bytes()
            for path in sorted(scratch.rglob("*"))
            if path.is_file()
        }
    return result


def tables(database: Path) -> dict[str, object]:
    """Every table's declaration and rows (sorted: row order is no part of a table's content)."""
    connection = sqlite3.connect(database)
    try:
        found = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        contents: dict[str, object] = {}
        for name, sql in found:
            rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()
            contents[name] = {"sql": sql, "rows": sorted(rows, key=repr)}
        return contents
    finally:
        connection.close()


COMMANDS = ("lint", "sla", "report", "export", "handbook")
REFUSING = ("lint", "sla", "handbook")
"""Broken records: lint, and two of the commands that refuse them (each in its own words)."""


def compare(
    records: Path, spec: Spec, commands: tuple[str, ...] = COMMANDS
) -> tuple[list[str], dict[str, Run]]:
    """Every disagreement between ``--jobs`` values, and the one-process runs."""
    differences: list[str] = []
    single: dict[str, Run] = {}
    for command in commands:
        jobs_values = JOBS if command != "export" or export_takes_jobs() else (1,)
        runs = {jobs: run(command, records, jobs, spec) for jobs in jobs_values}
        single[command] = runs[1]
        for jobs in jobs_values[1:]:
            if runs[jobs].answer() != runs[1].answer():
                differences.append(describe(runs[1], runs[jobs]))
    return differences, single


def describe(one: Run, other: Run) -> str:
    lines = [f"`{one.command}`", f"  and `{other.command}` disagree:"]
    if one.status != other.status:
        lines.append(f"  exit status {one.status} and {other.status}")
    for what in ("stdout", "stderr"):
        first, second = getattr(one, what), getattr(other, what)
        if first != second:
            lines.append(f"  {what}:")
            lines += _diff(first, second)
    if one.files != other.files:
        for name in sorted(set(one.files) | set(other.files)):
            if name not in other.files:
                lines.append(f"  only with the first: {name}")
            elif name not in one.files:
                lines.append(f"  only with the second: {name}")
            elif one.files[name] != other.files[name]:
                lines.append(f"  {name} differs:")
                first, second = one.files[name], other.files[name]
                if isinstance(first, bytes):
                    first = first.decode("utf-8", errors="replace")
                    second = second.decode("utf-8", errors="replace")
                else:
                    first = json.dumps(first, ensure_ascii=False, indent=1, default=str)
                    second = json.dumps(second, ensure_ascii=False, indent=1, default=str)
                lines += _diff(first, second)
    return "\n".join(lines)


def _diff(first: str, second: str, limit: int = 40) -> list[str]:
    diff = list(difflib.unified_diff(first.splitlines(), second.splitlines(), lineterm="", n=1))
    shown = ["    " + line[:300] for line in diff[2 : 2 + limit]]
    if len(diff) > 2 + limit:
        shown.append(f"    … {len(diff) - 2 - limit} more lines of diff")
    return shown


def check(records: Path, spec: Spec, commands: tuple[str, ...] = COMMANDS) -> None:
    """Compare, and remove the agency if the answers agree (a failing one is kept)."""
    differences, single = compare(records, spec, commands)
    assert not differences, (
        f"--jobs changed the answers for the agency of spec\n  {spec.to_json()}\nkept in "
        f"{records.parent} (AGENCY below; commands run there), or rebuild it with "
        f"`python tests/test_same_answers.py OUT_DIR '<spec>'`\n\n" + "\n\n".join(differences)
    )
    assert_not_trivial(single, spec)
    shutil.rmtree(records.parent)


def assert_not_trivial(single: dict[str, Run], spec: Spec) -> None:
    """The agency is what its mode promises, so the comparison was about real outputs."""
    lint = json.loads(single["lint"].stdout)
    codes = {problem["code"] for problem in lint["problems"]}
    context = f"{spec.to_json()}\n{single['lint'].stdout[:3000]}"
    integrity = {p["code"] for p in lint["problems"] if p["severity"] == "error"}
    if spec.mode == "silenced":
        # HB1xx, HB2xx, HB301 and HB302 stay errors whatever the policy says: only they may
        # be left, and then every command refuses as it does on broken records.
        assert all(always_errors(code) for code in integrity), context
    if spec.mode == "broken" or (spec.mode == "silenced" and integrity):
        assert lint["errors"] > 0, context
        for command in set(single) - {"lint"}:
            assert single[command].status == 2, (command, single[command].stderr[-2000:])
        return
    assert lint["errors"] == 0, context
    exported = ("export",)
    for command in ("sla", "report", *exported):
        assert single[command].status in (0, 1), (command, single[command].stderr[-2000:])
    assert json.loads(single["sla"].stdout)["findings"], "an SLA board with no clock"
    assert all(single[command].files for command in exported), "an export with no table"
    if spec.mode in ("clean", "silenced"):
        assert not codes & PERSONAL_CODES, context
        assert single["handbook"].status == 0, single["handbook"].stderr[-2000:]
        assert len(single["handbook"].files) > 20
    else:
        assert spec.hush or codes & PERSONAL_CODES, context
        assert "withheld" in single["sla"].stderr, single["sla"].stderr[-2000:]
        assert single["handbook"].status == 2, single["handbook"].stdout[-2000:]


# --- the tests ---------------------------------------------------------------------------------

SMALL = settings(
    max_examples=2,
    deadline=None,
    database=None,  # no example replayed from an earlier run (or another engineer's tree)
    phases=(Phase.explicit, Phase.generate),  # no shrinking: an example costs ~15 commands
    suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large),
    print_blob=True,
)


@pytest.mark.parametrize("mode", MODES)
def test_small_agencies_give_the_same_answers_for_any_jobs(mode, tmp_path_factory):
    if not export_takes_jobs():
        warnings.warn(
            "hirebook export has no --jobs option: it always runs in one process, so its "
            "output is compared for --jobs 1 only",
            stacklevel=1,
        )

    @SMALL
    @given(spec=specs(mode))
    def agencies_agree(spec: Spec) -> None:
        out = tmp_path_factory.mktemp(f"agency-{mode}")
        check(build(spec, out), spec, REFUSING if mode == "broken" else COMMANDS)

    agencies_agree()


@pytest.fixture(scope="session")
def large_agency(tmp_path_factory) -> tuple[Path, int]:
    """The generator's agency above the threshold, written once; each mode edits a copy."""
    seed = random.SystemRandom().randrange(2**32)
    out = tmp_path_factory.mktemp("large-base")
    generate.write(generate.generate(LARGE_RECORDS, seed), out)
    return out, seed


@pytest.mark.parametrize("mode", MODES)
def test_a_large_agency_gives_the_same_answers_for_any_jobs(mode, large_agency, tmp_path_factory):
    base, seed = large_agency
    spec = large_spec(seed, mode)
    out = tmp_path_factory.mktemp(f"large-{mode}")
    shutil.copytree(base, out, dirs_exist_ok=True)
    records = build(spec, out, written=True)
    assert sum(1 for path in records.rglob("*") if path.is_file()) > 2000
    check(records, spec, REFUSING if mode == "broken" else COMMANDS)


def main(argv: list[str]) -> int:
    """``python tests/test_same_answers.py OUT_DIR SPEC_JSON``: write the agency of a spec."""
    out, text = Path(argv[0]), argv[1]
    records = build(Spec.from_json(text), out)
    print(f"wrote {records}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
