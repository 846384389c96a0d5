"""Benchmark hirebook on a generated agency, and check that speed never changes the answers.

    python tooling/benchmarks/run.py --records 10000 [--repeat 3] [--json FILE]
                                     [--workdir DIR] [--seed 7] [--handbook]

Generates the agency once (``generate.py``; cached in the work folder by size and seed), then
measures on the same files, each repetition in a fresh process (``measure.py``):

- ``parse`` — the baseline: read and compose every file with libyaml (``parse_only.py``);
- ``lint`` — ``hirebook lint --records … --format json``, as a user runs it;
- ``lint_jobs1`` — the same with ``--jobs 1`` (when ``hirebook lint`` has that option);
- ``sla`` — ``hirebook sla --all --as-of … --format json --fail-on never``;
- ``report`` — ``hirebook report --as-of … --format json`` (null while there is no such command);
- ``check_jsonschema`` — check-jsonschema over the same files, one run per record kind
  (file lists chunked under the argument-length limit; the times are summed);
- ``changed_since`` — ``hirebook lint --changed-since HEAD`` with one application file changed
  (the agency is committed to a Git repository of its own once);
- with ``--handbook``: ``handbook_build`` — ``mkdocs build`` through the hirebook plugin of an
  agency of ``--handbook-clients`` clients, against ``handbook_plain`` — Material building the
  same number of trivial pages; and, as figures without a target, the same pages built by
  Zensical: ``handbook_zensical_write`` (``hirebook handbook --zensical``) and
  ``handbook_zensical`` (``zensical build --clean``).

``sla``, ``report`` and the handbook refuse records with lint errors, so they run with the
planted problems swapped out for their clean versions (``pristine/``; 0.5% of the files).

Prints a table (median seconds, ratio, target, peak memory) and writes JSON (``--json``,
default ``<workdir>/result-<N>.json``). See README.md in this folder for how to read it.
Only the standard library is needed here; the commands run from the project's virtualenv.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

AS_OF = "2026-11-20T17:00:00+08:00"
CHUNK_BYTES = 512 * 1024  # well under ARG_MAX (2 MiB on Linux, 1 MiB on macOS)
SCHEMA_KIND_OF_FOLDER = {
    "requirements": "requirement",
    "plans": "plan",
    "applications": "application",
    "touchpoints": "touchpoint",
    "feedback": "feedback",
}
TARGETS = {
    "lint_over_parse": ("<=", 0.8),
    "lint_jobs1_over_parse": ("<=", 1.5),
    "lint_speedup_vs_check_jsonschema": (">=", 10),
    "sla_over_lint": ("<=", 2),
    "report_over_lint": ("<=", 2),
    "build_over_plain": ("<=", 1.5),
    "peak_rss_mb": ("<=", 1024),
    "changed_since_seconds": ("<=", 2),
}
HIREBOOK_COMMANDS = ("lint", "lint_jobs1", "sla", "report", "changed_since")
MEASUREMENTS = ("parse", "lint", "lint_jobs1", "check_jsonschema", "changed_since", "sla", "report")
ENV = {
    **os.environ,
    "NO_COLOR": "1",
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the tools ----------------------------------------------------------------------------


class Tools:
    """Where the commands are, and what this version of hirebook can do."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.python = str(bin_dir / "python")
        self.hirebook = str(bin_dir / "hirebook")
        self.check_jsonschema = str(bin_dir / "check-jsonschema")
        self.mkdocs = str(bin_dir / "mkdocs")
        self.zensical = str(bin_dir / "zensical")
        lint_help = _output([self.hirebook, "lint", "--help"])
        self.lint_jobs = "--jobs" in lint_help
        self.report = _returncode([self.hirebook, "report", "--help"]) == 0
        self.plugin = (PROJECT / "tooling" / "hirebook" / "handbook" / "plugin.py").is_file()

    def compile_bytecode(self) -> None:
        """Compile hirebook's modules once, untimed, as pip does when it installs a package.

        MkDocs, Material and the other baselines' packages were compiled by pip; hirebook is
        installed in editable mode, and where ``PYTHONDONTWRITEBYTECODE`` is set (as on the
        machines these figures come from) Python would compile all of its modules again in
        every measured process: a quarter of a second of each handbook build's start-up.
        """
        printed = _output([self.python, "-c", "import hirebook; print(hirebook.__path__[0])"])
        lines = printed.strip().splitlines()
        if lines and Path(lines[-1]).is_dir():
            log("compiling hirebook's bytecode (untimed) …")
            _returncode([self.python, "-m", "compileall", "-q", lines[-1]])

    @staticmethod
    def find(explicit: str | None) -> Tools:
        options = [Path(explicit)] if explicit else []
        options += [Path(sys.executable).parent, PROJECT / ".venv" / "bin"]
        which = shutil.which("hirebook")
        if which:
            options.append(Path(which).parent)
        for folder in options:
            if (folder / "hirebook").exists() and (folder / "python").exists():
                return Tools(folder)
        raise SystemExit("cannot find the hirebook command; pass --bin DIR (e.g. .venv/bin)")


def _output(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    return done.stdout + done.stderr


def _returncode(command: list[str]) -> int:
    return subprocess.run(command, capture_output=True, env=ENV, check=False).returncode


# --- the generated agency -------------------------------------------------------------------


class GeneratedAgency:
    """A generated agency in its folder, with the planted files swappable for clean ones."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.records = folder / "records"
        self.summary = json.loads((folder / "agency.json").read_text(encoding="utf-8"))
        planted = json.loads((folder / "planted.json").read_text(encoding="utf-8"))
        self.planted = planted["problems"]

    @staticmethod
    def ensure(workdir: Path, records: int, seed: int, clients: int | None = None):
        name = f"agency-r{records}-s{seed}" + (f"-c{clients}" if clients else "")
        folder = workdir / name
        summary = folder / "agency.json"
        if summary.is_file():
            cached = json.loads(summary.read_text(encoding="utf-8"))
            if cached.get("generator_version") == generate.GENERATOR_VERSION:
                agency = GeneratedAgency(folder)
                agency.use("planted")  # in case an earlier run was interrupted mid-swap
                log(f"using the cached agency in {folder}")
                return agency, None
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        log(f"generating {records:,} records (seed {seed}) in {folder} …")
        started = time.perf_counter()
        generate.write(generate.generate(records, seed, clients), folder)
        seconds = time.perf_counter() - started
        log(f"generated in {seconds:.1f} s")
        return GeneratedAgency(folder), seconds

    def use(self, variant: str) -> None:
        """Put the ``planted`` or ``pristine`` version of every planted file in place."""
        source = self.folder / variant
        for problem in self.planted:
            shutil.copyfile(source / problem["file"], self.folder / problem["file"])

    def files_by_kind(self) -> dict[str, list[str]]:
        """Record files relative to the agency folder, by schema kind (cases left out)."""
        kinds: dict[str, list[str]] = {}
        for path in sorted(self.records.rglob("*.yaml")):
            parts = path.relative_to(self.records).parts
            kind = None
            if parts == ("policy.yaml",):
                kind = "policy"
            elif len(parts) == 2:
                kind = {"team": "person", "candidates": "candidate"}.get(parts[0])
            elif len(parts) == 3 and parts[2] == "client.yaml":
                kind = "client"
            elif len(parts) == 4:
                kind = SCHEMA_KIND_OF_FOLDER.get(parts[2])
            if kind:
                rel = path.relative_to(self.folder).as_posix()
                kinds.setdefault(kind, []).append(rel)
        return kinds

    def git_ready(self) -> None:
        """Commit the records to a Git repository of the agency's own (once)."""
        if (self.folder / ".git").is_dir() and _git(self.folder, "rev-parse", "HEAD") == 0:
            return
        log("committing the agency to its own Git repository (once) …")
        (self.folder / ".gitignore").write_text("/*\n!/records/\n!/.gitignore\n")
        for args in (
            ("init", "-q"),
            ("add", "-A"),
            ("-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid",
             "commit", "-q", "--no-gpg-sign", "-m", "generated agency"),
        ):  # fmt: skip
            if _git(self.folder, *args) != 0:
                raise SystemExit(f"git {' '.join(args)} failed in {self.folder}")

    def changeable_application(self) -> Path:
        planted = {p["file"] for p in self.planted}
        for path in sorted(self.records.glob("clients/*/applications/*.yaml")):
            if path.relative_to(self.folder).as_posix() not in planted:
                return path
        raise SystemExit("the generated agency has no application to change")


def _git(folder: Path, *args: str) -> int:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, check=False
    ).returncode


# --- measuring --------------------------------------------------------------------------------


def run_once(
    command: list[str], cwd: Path, stdout: Path | None = None, env: dict | None = None
) -> dict:
    """One fresh process through measure.py: seconds, peak RSS, exit code."""
    wrapper = [sys.executable, str(HERE / "measure.py"), "--cwd", str(cwd)]
    if stdout is not None:
        wrapper += ["--stdout", str(stdout)]
    done = subprocess.run(
        [*wrapper, "--", *command],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"seconds": None, "maxrss_mb": None, "returncode": None, "stderr": done.stderr}
    return json.loads(lines[-1])


class Measurement:
    """Repetitions of one named measurement; ``ok`` lists the exit codes that are not a failure."""

    def __init__(self, name: str, ok: tuple[int, ...]) -> None:
        self.name = name
        self.ok = ok
        self.runs: list[dict] = []
        self.error: str | None = None

    def add(self, result: dict) -> dict:
        if result.get("returncode") not in self.ok and self.error is None:
            self.error = (
                f"exit code {result.get('returncode')}: {result.get('stderr', '')[-800:]}"
            ).strip()
        self.runs.append(result)
        return result

    @property
    def seconds(self) -> float | None:
        values = [r["seconds"] for r in self.runs if r.get("seconds") is not None]
        if self.error or not values:
            return None
        return statistics.median(values)

    @property
    def maxrss_mb(self) -> float | None:
        values = [r["maxrss_mb"] for r in self.runs if r.get("maxrss_mb") is not None]
        return max(values) if values else None

    def as_dict(self) -> dict:
        return {
            "seconds": self.seconds,
            "runs": [r.get("seconds") for r in self.runs],
            "peak_rss_mb": self.maxrss_mb,
            "error": self.error,
        }


def summed(results: list[dict]) -> dict:
    """Several chunk runs as one: seconds summed, peak memory the largest, worst exit code."""
    seconds = [r["seconds"] for r in results]
    rss = [r["maxrss_mb"] for r in results if r.get("maxrss_mb") is not None]
    codes = [r["returncode"] for r in results]
    return {
        "seconds": None if None in seconds else sum(seconds),
        "maxrss_mb": max(rss) if rss else None,
        "returncode": None if None in codes else max(codes),
        "stderr": "\n".join(r.get("stderr", "") for r in results if r.get("returncode")),
    }


def chunks(files: list[str], limit: int = CHUNK_BYTES) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for name in files:
        if out[-1] and size + len(name) + 1 > limit:
            out.append([])
            size = 0
        out[-1].append(name)
        size += len(name) + 1
    return [chunk for chunk in out if chunk]


class Bench:
    def __init__(self, args: argparse.Namespace, tools: Tools, agency: GeneratedAgency) -> None:
        self.args = args
        self.tools = tools
        self.agency = agency
        self.out = agency.folder / "outputs"
        self.out.mkdir(exist_ok=True)
        self.notes: list[str] = []
        names = {
            "parse": (0,),
            "lint": (0, 1),
            "lint_jobs1": (0, 1),
            "check_jsonschema": (0, 1),
            "changed_since": (0, 1),
            "sla": (0,),
            "report": (0,),
        }
        self.m = {name: Measurement(name, ok) for name, ok in names.items()}
        self.lint_outputs: dict[str, list[Path]] = {"lint": [], "lint_jobs1": []}

    def records_arg(self) -> list[str]:
        return ["--records", str(self.agency.records)]

    def run(self) -> None:
        tools, want = self.tools, self.args.only
        if "changed_since" in want:
            self.agency.git_ready()
        if not tools.lint_jobs and "lint_jobs1" in want:
            self.notes.append("`hirebook lint` has no --jobs option: lint_jobs1 is the same run")
        if not tools.report and "report" in want:
            self.notes.append("there is no `hirebook report` command yet: report is null")
        if "parse" in want:
            # One untimed read of every file first: otherwise the first measurement of the run
            # (the baseline) alone pays for a cold page cache (33 s instead of 11 s at 100,000).
            log("warming the file cache (untimed) …")
            run_once([tools.python, str(HERE / "parse_only.py"), str(self.agency.records)], HERE)
        for rep in range(self.args.repeat):
            log(f"repetition {rep + 1} of {self.args.repeat} …")
            if "parse" in want:
                parse = [tools.python, str(HERE / "parse_only.py"), str(self.agency.records)]
                self.measure("parse", parse)
            if "lint" in want:
                self.measure_lint("lint", [], rep)
            if "lint_jobs1" in want:
                self.measure_lint("lint_jobs1", ["--jobs", "1"] if tools.lint_jobs else [], rep)
            if "check_jsonschema" in want:
                self.measure_check_jsonschema()
            if "changed_since" in want:
                self.measure_changed_since()
            if "sla" not in want and not ("report" in want and tools.report):
                continue
            self.agency.use("pristine")
            try:
                as_of = ["--as-of", AS_OF, "--format", "json"]
                if "sla" in want:
                    sla = [tools.hirebook, "sla", *self.records_arg(), "--all", *as_of]
                    self.measure("sla", [*sla, "--fail-on", "never"])
                if "report" in want and tools.report:
                    self.measure("report", [tools.hirebook, "report", *self.records_arg(), *as_of])
            finally:
                self.agency.use("planted")

    def measure_check_jsonschema(self) -> None:
        results = []
        for kind, files in self.agency.files_by_kind().items():
            schema = PROJECT / "schemas" / f"{kind}.schema.json"
            for chunk in chunks(files):
                command = [self.tools.check_jsonschema, "--schemafile", str(schema), *chunk]
                results.append(run_once(command, self.agency.folder))
        self.add("check_jsonschema", summed(results))

    def add(self, name: str, result: dict) -> None:
        self.m[name].add(result)
        shown = "failed" if result.get("seconds") is None else f"{result['seconds']:.2f} s"
        log(f"  {name:<18} {shown}")

    def measure(self, name: str, command: list[str], stdout: Path | None = None) -> None:
        self.add(name, run_once(command, self.agency.folder, stdout))

    def measure_lint(self, name: str, extra: list[str], rep: int) -> None:
        output = self.out / f"{name}-{rep + 1}.json"
        command = [self.tools.hirebook, "lint", *self.records_arg(), "--format", "json", *extra]
        self.measure(name, command, output)
        self.lint_outputs[name].append(output)

    def measure_changed_since(self) -> None:
        path = self.agency.changeable_application()
        original = path.read_bytes()
        try:
            path.write_bytes(original + b"# changed for the benchmark\n")
            # Swapping planted and pristine files rewrote them: refresh Git's stat cache, as a
            # fresh CI checkout has it, or every `git diff` re-reads those files.
            _git(self.agency.folder, "update-index", "-q", "--refresh")
            command = [
                self.tools.hirebook, "lint", *self.records_arg(),
                "--changed-since", "HEAD", "--format", "json",
            ]  # fmt: skip
            for _ in range(3):  # about a second each: three runs a repetition, for a median
                self.measure("changed_since", command, self.out / "changed-since.json")
        finally:
            path.write_bytes(original)

    # --- answers ------------------------------------------------------------------------

    def answers(self) -> dict:
        """Same problems with and without the fast paths, and every planted one among them."""
        found: dict[str, list] = {}
        for name, outputs in self.lint_outputs.items():
            for output in outputs:
                try:
                    data = json.loads(output.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    found.setdefault(name, []).append(None)
                    continue
                problems = sorted(
                    (p["file"], p["line"], p["column"], p["code"], p["severity"])
                    for p in data.get("problems", [])
                )
                found.setdefault(name, []).append(problems)
        runs = [problems for outputs in found.values() for problems in outputs]
        if not runs:
            return {"answers_match": None, "problems": None, "planted": len(self.agency.planted)}
        first = runs[0]
        same = first is not None and all(problems == first for problems in runs)
        errors = {(f, c) for f, _, _, c, s in (first or []) if s == "error"}
        planted = {(p["file"], p["code"]) for p in self.agency.planted}
        missing = sorted(planted - errors)
        codes: dict[str, int] = {}
        for _, _, _, code, _ in first or []:
            codes[code] = codes.get(code, 0) + 1
        return {
            "answers_match": bool(same and not missing),
            "same_problems_every_run": same,
            "compared_runs": {name: len(outputs) for name, outputs in found.items()},
            "problems": len(first or []),
            "codes": dict(sorted(codes.items())),
            "planted": len(planted),
            "planted_missing": [list(item) for item in missing],
            "unplanted_errors": len(errors - planted),
        }


# --- the handbook ---------------------------------------------------------------------------


def handbook(args: argparse.Namespace, tools: Tools, notes: list[str]) -> dict:
    """``mkdocs build`` through the hirebook plugin against Material on as many plain pages.

    Both builds inherit the project's ``mkdocs.yml`` (theme, extensions, search options), so
    the difference is what the plugin adds: reading the records and generating its pages.
    """
    result = {"build": None, "plain": None, "pages": None, "clients": args.handbook_clients}
    parent = PROJECT / "mkdocs.yml"
    if not tools.plugin or not parent.is_file():
        notes.append("no handbook plugin (tooling/hirebook/handbook/plugin.py) or mkdocs.yml yet")
        return result
    records = args.handbook_records or 20 * args.handbook_clients
    agency, _ = GeneratedAgency.ensure(args.workdir, records, args.seed, args.handbook_clients)
    agency.use("pristine")  # the plugin refuses records with lint errors
    work = args.workdir / "handbook-run"
    shutil.rmtree(work, ignore_errors=True)
    docs = work / "docs"
    shutil.copytree(PROJECT / "site", docs)
    # Beside the records, so that the plugin's `records: records` of mkdocs.yml finds them.
    hirebook_cfg = agency.folder / "mkdocs-benchmark.yml"
    hirebook_cfg.write_text(
        f"INHERIT: {json.dumps(str(parent))}\n"
        f"docs_dir: {json.dumps(str(docs))}\n"
        f"site_dir: {json.dumps(str(work / 'out-hirebook'))}\n"
        f"{_theme_overrides()}",
        encoding="utf-8",
    )
    env = {"HIREBOOK_AS_OF": AS_OF, "HIREBOOK_LANGUAGE": "en"}
    build = Measurement("handbook_build", (0,))
    plain = Measurement("handbook_plain", (0,))
    command = [tools.mkdocs, "build", "-q", "-f", str(hirebook_cfg)]
    log("handbook: first hirebook build (counts the pages) …")
    build.add(run_once(command, agency.folder, env=env))
    if build.error:
        notes.append(f"handbook build failed: {build.error[:400]}")
        agency.use("planted")
        return {**result, "build": build.as_dict()}
    site = work / "out-hirebook"
    pages = sum(
        1
        for page in site.rglob("*.html")
        if page.name != "404.html" and page.relative_to(site).parts[0] not in ("assets", "search")
    )
    plain_docs = work / "plain-docs"
    shutil.copytree(docs / "assets", plain_docs / "assets")  # the same stylesheet
    (plain_docs / "index.md").write_text("# Plain\n\nA plain Material site.\n", encoding="utf-8")
    for number in range(1, pages):
        (plain_docs / f"page-{number:05d}.md").write_text(
            f"# Page {number}\n\nSome text on page {number}, with a [link](index.md).\n",
            encoding="utf-8",
        )
    plain_cfg = work / "mkdocs-plain.yml"
    plain_cfg.write_text(
        f"INHERIT: {json.dumps(str(parent))}\n"
        f"docs_dir: {json.dumps(str(plain_docs))}\n"
        f"site_dir: {json.dumps(str(work / 'out-plain'))}\n"
        f"plugins:\n  - search: {json.dumps(_search_options(parent))}\n"
        "nav:\n  - index.md\nnot_in_nav: |\n  /page-*.md\n"
        f"{_theme_overrides()}",
        encoding="utf-8",
    )
    plain_command = [tools.mkdocs, "build", "-q", "-f", str(plain_cfg)]
    zensical = _zensical_commands(tools, agency, work, hirebook_cfg)
    z_write = Measurement("handbook_zensical_write", (0,))
    z_build = Measurement("handbook_zensical", (0,))
    if zensical is None:
        notes.append("no Zensical build: zensical or `hirebook handbook --zensical` is missing")
    for rep in range(args.repeat):
        log(f"handbook: repetition {rep + 1} of {args.repeat} ({pages} pages) …")
        plain.add(run_once(plain_command, work, env=env))
        if rep:
            build.add(run_once(command, agency.folder, env=env))
        if zensical is not None:
            z_write.add(run_once(zensical[0], work, env=env))
            z_build.add(run_once(zensical[1], work, env=env))
    agency.use("planted")
    for failed in (plain, z_write, z_build):
        if failed.error:
            notes.append(f"{failed.name} failed: {failed.error[:400]}")
    return {
        **result,
        "records": agency.summary["records"],
        "pages": pages,
        "build": build.as_dict(),
        "plain": plain.as_dict(),
        "zensical_write": z_write.as_dict() if zensical else None,
        "zensical": z_build.as_dict() if zensical else None,
    }


def _zensical_commands(tools: Tools, agency: GeneratedAgency, work: Path, config: Path):
    """The same pages built by Zensical: ``hirebook handbook --zensical`` writes the project
    (pages, the hand-written pages and the configuration of the hirebook build's ``config``)
    and ``zensical build --clean`` builds it without its cache; None where either is missing."""
    if not Path(tools.zensical).exists():
        return None
    if "--zensical" not in _output([tools.hirebook, "handbook", "--help"]):
        return None
    out = work / "zensical"
    records = agency.folder / "records"
    write = [tools.hirebook, "handbook", "--records", str(records), "--out", str(out)]
    write += ["--zensical", "--config", str(config), "--as-of", AS_OF]
    return write, [tools.zensical, "build", "--clean", "-f", str(out / "mkdocs.yml")]


def _theme_overrides() -> str:
    """The project's theme overrides by absolute path: a relative ``custom_dir`` in the
    inherited ``mkdocs.yml`` would be looked for beside the benchmark's own config."""
    overrides = PROJECT / "site" / "overrides"
    if not overrides.is_dir():
        return ""
    return f"theme:\n  name: material\n  custom_dir: {json.dumps(str(overrides))}\n"


def _search_options(config: Path) -> dict:
    """The search plugin's options in ``config`` (so the plain build searches alike)."""
    try:
        import yaml
    except ImportError:
        return {}

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    except yaml.YAMLError:
        return {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("search"), dict):
            return plugin["search"]
    return {}


# --- report ---------------------------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def machine() -> dict:
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in load] if load else None,
    }


def git_commit() -> dict:
    head = subprocess.run(
        ["git", "-C", str(PROJECT), "rev-parse", "HEAD"], capture_output=True, text=True
    )
    status = subprocess.run(
        ["git", "-C", str(PROJECT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    )
    return {
        "commit": head.stdout.strip() or None,
        "dirty": bool(status.stdout.strip()) if status.returncode == 0 else None,
    }


def meets(name: str, value: float | None) -> bool | None:
    if value is None or name not in TARGETS:
        return None
    op, bound = TARGETS[name]
    return value <= bound if op == "<=" else value >= bound


def table(result: dict) -> str:
    s = result["seconds"]
    rss = result["peak_rss_mb_by"]
    rows = [
        ("parse", "1.00 (baseline)", None),
        ("lint", _r(result["lint_over_parse"], "parse"), "lint_over_parse"),
        ("lint_jobs1", _r(result["lint_jobs1_over_parse"], "parse"), "lint_jobs1_over_parse"),
        (
            "check_jsonschema",
            _r(result["lint_speedup_vs_check_jsonschema"], "lint", "lint is {:.2f}× faster"),
            "lint_speedup_vs_check_jsonschema",
        ),
        ("sla", _r(result["sla_over_lint"], "lint"), "sla_over_lint"),
        ("report", _r(result["report_over_lint"], "lint"), "report_over_lint"),
        ("changed_since", "", "changed_since_seconds"),
    ]
    if result.get("handbook"):
        rows += [
            ("handbook_plain", "1.00 (baseline)", None),
            ("handbook_build", _r(result["build_over_plain"], "plain"), "build_over_plain"),
            ("handbook_zensical_write", "", None),
            ("handbook_zensical", _r(result["zensical_over_plain"], "plain"), None),
        ]
    lines = [
        f"hirebook benchmark — {result['N']:,} records (seed {result['seed']}), median of "
        f"{result['repeat']} run(s); {result['machine']['cpu_count']} CPUs",
        "",
        f"| {'measurement':<23} | {'seconds':>8} | {'ratio':<26} | {'target':<14} | "
        f"{'peak RSS MB':>11} |",
        f"|{'-' * 25}|{'-' * 9}:|{'-' * 28}|{'-' * 16}|{'-' * 12}:|",
    ]
    for name, shown_ratio, key in rows:
        seconds = s.get(name)
        shown = "null" if seconds is None else f"{seconds:8.2f}"
        target = ""
        if key:
            op, bound = TARGETS[key]
            verdict = {True: "ok", False: "MISSED", None: "–"}[result["meets_targets"].get(key)]
            target = f"{'≤' if op == '<=' else '≥'} {bound:g} {verdict}"
        memory = rss.get(name)
        lines.append(
            f"| {name:<23} | {shown:>8} | {shown_ratio:<26} | {target:<14} | "
            f"{'' if memory is None else f'{memory:.0f}':>11} |"
        )
    peak = result["peak_rss_mb"]
    verdict = {True: "ok", False: "MISSED", None: "–"}[result["meets_targets"].get("peak_rss_mb")]
    lines += [
        "",
        f"peak RSS of the hirebook commands: "
        f"{'null' if peak is None else f'{peak:.0f} MB'} (target ≤ 1024: {verdict})",
    ]
    answers = result["answers"]
    if result["answers_match"] is None:
        lines.append("answers: not checked (no lint run)")
    else:
        lines.append(
            f"answers: {'OK' if result['answers_match'] else 'MISMATCH'} — "
            f"{answers['problems']} problems, same in every lint run: "
            f"{answers['same_problems_every_run']}; planted {answers['planted']}, "
            f"missing {len(answers['planted_missing'])}"
        )
    lines += [f"note: {note}" for note in result["notes"]]
    return "\n".join(lines)


def _r(value: float | None, of: str, template: str | None = None) -> str:
    if value is None:
        return "null"
    return template.format(value) if template else f"{value:.2f} × {of}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark hirebook on a generated agency (see README.md in this folder)."
    )
    parser.add_argument("--records", type=int, default=10000, help="agency size (files)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (median; default 3)")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument(
        "--workdir", type=Path, default=HERE / "out", help="cache and scratch folder"
    )
    parser.add_argument("--bin", default=None, help="folder of hirebook, python, mkdocs …")
    parser.add_argument("--handbook", action="store_true", help="also benchmark mkdocs build")
    parser.add_argument("--handbook-clients", type=int, default=1000)
    parser.add_argument("--handbook-records", type=int, default=None, help="default: 20 per client")
    parser.add_argument(
        "--only",
        default=",".join(MEASUREMENTS),
        help=f"comma-separated measurements to run (default: all of {', '.join(MEASUREMENTS)})",
    )
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(args.only) - set(MEASUREMENTS) - {"handbook"})
    if unknown:
        parser.error(f"unknown measurements: {', '.join(unknown)}")
    if "handbook" in args.only:
        args.handbook = True
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    tools = Tools.find(args.bin)
    tools.compile_bytecode()
    started = time.perf_counter()
    machine_before = machine()
    agency, generated_in = GeneratedAgency.ensure(args.workdir, args.records, args.seed)
    bench = Bench(args, tools, agency)
    bench.run()
    hb = handbook(args, tools, bench.notes) if args.handbook else None
    m = {name: measurement.seconds for name, measurement in bench.m.items()}
    if not tools.report:
        m["report"] = None
    rss = {name: measurement.maxrss_mb for name, measurement in bench.m.items()}
    if hb and hb.get("build"):
        m["handbook_build"] = hb["build"]["seconds"]
        rss["handbook_build"] = hb["build"]["peak_rss_mb"]
    if hb and hb.get("plain"):
        m["handbook_plain"] = hb["plain"]["seconds"]
        rss["handbook_plain"] = hb["plain"]["peak_rss_mb"]
    for name in ("zensical_write", "zensical"):
        if hb and hb.get(name):
            m[f"handbook_{name}"] = hb[name]["seconds"]
            rss[f"handbook_{name}"] = hb[name]["peak_rss_mb"]
    hirebook_rss = [rss[name] for name in HIREBOOK_COMMANDS if rss.get(name) is not None]
    answers = bench.answers()
    for name, measurement in bench.m.items():
        if measurement.error:
            bench.notes.append(f"{name} failed: {measurement.error[:400]}")
    result = {
        "N": agency.summary["records"],
        "seed": args.seed,
        "repeat": args.repeat,
        "as_of": AS_OF,
        "machine": machine_before,
        "git": git_commit(),
        "agency": {
            "folder": str(agency.folder),
            "counts": agency.summary["counts"],
            "planted": len(agency.planted),
            "generated_seconds": generated_in,
        },
        "features": {
            "lint_jobs": tools.lint_jobs,
            "report": tools.report,
            "handbook_plugin": tools.plugin,
        },
        "seconds": m,
        "changed_since_seconds": m["changed_since"],
        "lint_over_parse": ratio(m["lint"], m["parse"]),
        "lint_jobs1_over_parse": ratio(m["lint_jobs1"], m["parse"]),
        "lint_speedup_vs_check_jsonschema": ratio(m["check_jsonschema"], m["lint"]),
        "sla_over_lint": ratio(m["sla"], m["lint"]),
        "report_over_lint": ratio(m.get("report"), m["lint"]),
        "build_over_plain": ratio(m.get("handbook_build"), m.get("handbook_plain")),
        "zensical_over_plain": ratio(m.get("handbook_zensical"), m.get("handbook_plain")),
        "peak_rss_mb": max(hirebook_rss) if hirebook_rss else None,
        "peak_rss_mb_by": rss,
        "handbook": hb,
        "answers_match": answers["answers_match"],
        "answers": answers,
        "measurements": {name: measurement.as_dict() for name, measurement in bench.m.items()},
        "targets": {name: f"{op} {bound}" for name, (op, bound) in TARGETS.items()},
        "notes": bench.notes,
        "total_seconds": time.perf_counter() - started,
    }
    result["meets_targets"] = {name: meets(name, result.get(name)) for name in TARGETS}
    result["machine"]["load_average_after"] = machine()["load_average"]
    target = args.json or args.workdir / f"result-{args.records}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(result))
    print(f"\nresults written to {target}")
    return 1 if result["answers_match"] is False else 0


if __name__ == "__main__":
    sys.exit(main())
