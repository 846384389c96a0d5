"""hirebook's own tests, benchmarks and ``make demo`` never read the project's top-level
``records/`` (issue 19, item 1): an agency keeps its own records there — a fork's — and
``make test`` stays green whatever they are. The demo they use ships with the package
(``hirebook.demo.DEMO_RECORDS``).

This test reads the sources of the tests and the benchmarks for a path built from the
project's folder and ``"records"``, and the Makefile's ``demo`` target for what it serves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    path
    for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "tooling" / "benchmarks").rglob("*.py")]
    if path != Path(__file__).resolve()  # this file spells the patterns out, to test them
)

# A folder that is the project's own (its root, found from __file__), then "records".
PROJECT_RECORDS = re.compile(
    r"""(?x)
    (?:\bparents\[\d+\]|\.parent\b|\b(?:ROOT|PROJECT|REPO|REPOSITORY|HERE|TOP)\b)
    \s*/\s*["']records["']
    """
)
ALLOWED = {
    # (file, line text): nothing yet — add a line here only with the reason it is not a read.
}


def reads(path: Path) -> list[str]:
    """Each line of ``path`` that builds the project's records folder, as file:line:column."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = PROJECT_RECORDS.search(line.split("#", 1)[0])
        if match and (path.name, line.strip()) not in ALLOWED:
            found.append(f"{path}:{number}:{match.start() + 1}: {line.strip()}")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_test_or_benchmark_reads_the_projects_records(path):
    assert reads(path) == [], "use hirebook.demo.DEMO_RECORDS (or the demo_records fixture)"


@pytest.mark.parametrize(
    "line",
    [
        'RECORDS = ROOT / "records"',
        "demo = Path(__file__).resolve().parents[2] / 'records'",
        'build_site(folder, PROJECT / "records")',
        'load(Path(__file__).parent.parent / "records")',
    ],
)
def test_the_check_catches_the_ways_the_tests_used_to_read_them(tmp_path, line):
    (tmp_path / "t.py").write_text("x = 1\n" + line + "\n", encoding="utf-8")
    [found] = reads(tmp_path / "t.py")
    assert found.startswith(f"{tmp_path / 't.py'}:2:")


def test_a_copy_or_a_generated_agency_is_not_a_read():
    for line in (
        'records = tmp_path / "records"',
        'shutil.copytree(DEMO_RECORDS, copy / "records")',
        'folder = agency.folder / "records"',
    ):
        assert not PROJECT_RECORDS.search(line), line


def test_make_demo_serves_the_packaged_demo():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "no demo target"
    lines = recipe.group(1)
    assert "hirebook demo --out" in lines
    assert "mkdocs serve" in lines and "cd $(DEMO_OUT)" in lines
