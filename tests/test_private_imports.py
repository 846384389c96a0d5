"""No module of hirebook imports another module's private name (``from … import _where``).

A leading underscore tells a reader that a name is its module's own business and can change
with it; a second module importing it would break silently when it does. Logic two modules
share gets a public name where it reads best (HB602 takes ``holidays_path`` from HB601, the
rule that owns the holidays check). This test reads the package's sources with ``ast``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hirebook

PACKAGE = Path(hirebook.__file__).resolve().parent


def private_imports(path: Path) -> list[str]:
    """Each ``from <a hirebook module> import _name`` of ``path``, as file:line:column."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        ours = node.level > 0 or (node.module or "").split(".")[0] == "hirebook"
        for alias in node.names if ours else ():
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append(f"{path}:{node.lineno}:{node.col_offset + 1}: {alias.name}")
    return found


def test_no_module_imports_a_private_name_of_another():
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in private_imports(path)]
    assert found == [], "give the name a public home (ARCHITECTURE.md) rather than import it"


def test_the_check_finds_absolute_relative_and_multi_line_imports(tmp_path):
    source = tmp_path / "m.py"
    source.write_text(
        "from hirebook.lint.rules.hb601_no_holidays_this_year import _where\n"
        "from .people import (\n"
        "    person_references,\n"
        "    _owners,\n"
        ")\n"
        "from hirebook.sla import duration, __version__\n"
        "from os.path import _get_sep\n"
        "import hirebook._private\n",
        encoding="utf-8",
    )
    # Lines 1 and 2 only: a dunder, another package's private name and a plain import are not
    # what this test is about.
    assert private_imports(source) == [f"{source}:1:1: _where", f"{source}:2:1: _owners"]
