"""The synthetic agency generator and the benchmark runner (tooling/benchmarks/).

The generated agency must be deterministic, of the requested size, and lint clean except for
exactly the problems it plants (planted.json): the benchmark relies on that to check that fast
paths never change hirebook's answers.

Warnings: the generator is written to produce none as of 2026-11-20 (consent renewed past it,
nobody inactive owns open work, no personal data in free text), but the comparison with
planted.json is on *errors* only — planted problems are all errors. A warning rule added later
must not break the generator's contract, so warnings are only bounded (under 1% of files), not
forbidden; the benchmark's answers check compares warnings between runs anyway.

No test here asserts a timing.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from hirebook.lint.engine import lint
from hirebook.records import yamlread
from hirebook.records.repository import load

TODAY = date(2026, 11, 20)
BENCHMARKS = Path(__file__).resolve().parents[2] / "tooling" / "benchmarks"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(
        f"hirebook_benchmarks_{name}", BENCHMARKS / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = _module("generate")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _write(tmp_path: Path, name: str, records: int, seed: int) -> Path:
    folder = tmp_path / name
    generate.write(generate.generate(records, seed), folder)
    return folder


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    first = _files(_write(tmp_path, "a", 400, 11))
    second = _files(_write(tmp_path, "b", 400, 11))
    assert first.keys() == second.keys()
    assert first == second


def test_another_seed_gives_other_files(tmp_path: Path) -> None:
    first = _files(_write(tmp_path, "a", 400, 11))
    other = _files(_write(tmp_path, "b", 400, 12))
    assert first != other


@pytest.mark.parametrize("records", [120, 300, 1000, 2500])
def test_requested_number_of_record_files(tmp_path: Path, records: int) -> None:
    folder = _write(tmp_path, "agency", records, 3)
    written = [path for path in (folder / "records").rglob("*") if path.is_file()]
    assert abs(len(written) - records) <= records * 0.01
    summary = json.loads((folder / "agency.json").read_text(encoding="utf-8"))
    assert summary["records"] == len(written)


def test_realistic_mix(tmp_path: Path) -> None:
    counts = generate.generate(2500, 5).counts()
    assert counts["policy"] == 1
    assert 12 <= counts["person"] <= 60
    assert counts["case"] >= 1
    for kind in ("client", "requirement", "plan", "application", "touchpoint", "feedback"):
        assert counts[kind] > 0, kind
    assert 2 <= counts["application"] / counts["requirement"] <= 10
    assert 0.7 <= counts["candidate"] / counts["application"] <= 1.3


@pytest.mark.parametrize(("records", "seed"), [(300, 1), (450, 4), (500, 6)])
def test_lints_clean_except_the_planted_problems(tmp_path: Path, records: int, seed: int) -> None:
    folder = _write(tmp_path, "agency", records, seed)
    planted = json.loads((folder / "planted.json").read_text(encoding="utf-8"))["problems"]
    assert planted, "every agency plants at least one problem"
    result = lint(load(folder / "records", folder), TODAY)
    errors = sorted((problem.file, problem.code) for problem in result.errors)
    assert errors == sorted((p["file"], p["code"]) for p in planted), "\n".join(
        f"{p.location} {p.code} {p.message}" for p in result.errors
    )
    assert len(result.warnings) <= records * 0.01, [str(p) for p in result.warnings]


def test_pristine_versions_lint_clean(tmp_path: Path) -> None:
    """Swapping in pristine/ (what the benchmark does for `hirebook sla`) leaves no error."""
    folder = _write(tmp_path, "agency", 1000, 8)
    planted = json.loads((folder / "planted.json").read_text(encoding="utf-8"))["problems"]
    assert len(planted) == 5  # 0.5% of 1,000
    assert len({p["code"] for p in planted}) == 5  # the kinds take turns
    for problem in planted:
        rel = problem["file"]
        assert (folder / "planted" / rel).read_bytes() == (folder / rel).read_bytes()
        (folder / rel).write_bytes((folder / "pristine" / rel).read_bytes())
    assert lint(load(folder / "records", folder), TODAY).errors == []


def test_every_file_is_plain_yaml(tmp_path: Path) -> None:
    """libyaml reads every file (as the parse baseline does), cases by their front matter."""
    folder = _write(tmp_path, "agency", 300, 2)
    for path in (folder / "records").rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---\n")[1]
        assert isinstance(yaml.compose(text, Loader=yaml.CSafeLoader), yaml.MappingNode), path


@pytest.mark.parametrize(
    "value",
    ["yes", "No", "on", "true", "Null", "09:00", "a: b", "#x", "x #y", "2026-03-05", "7d",
     "S&OP", "*x", "[x]", "x, y", "中文，逗號", "Co., Ltd.", 'say "hi"', "back\\slash",
     "trailing ", "line\nbreak", "~", "- dash", "@home", "100%"],
)  # fmt: skip
def test_strings_read_back_as_written(value: str) -> None:
    for flow in (True, False):
        parsed = yamlread.parse(f"key: {generate.text(value, flow)}\n")
        assert parsed.data == {"key": value}
        listed = yamlread.parse(f"key: [{generate.text(value, True)}, x]\n")
        assert listed.data == {"key": [value, "x"]}


def test_run_py_writes_every_key(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--records", "200", "--repeat", "1",
         "--workdir", str(tmp_path / "work"), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    for key in (
        "N", "seconds", "lint_over_parse", "lint_jobs1_over_parse",
        "lint_speedup_vs_check_jsonschema", "sla_over_lint", "report_over_lint",
        "build_over_plain", "peak_rss_mb", "changed_since_seconds", "answers_match",
        "machine", "git", "notes",
    ):  # fmt: skip
        assert key in result, key
    assert result["N"] == 200
    assert result["answers_match"] is True
    for key in ("platform", "cpu_count", "python"):
        assert key in result["machine"]
    for name in ("parse", "lint", "lint_jobs1", "sla", "check_jsonschema", "changed_since"):
        assert result["seconds"][name] is not None, (name, result["notes"])
    assert "OK" in done.stdout
