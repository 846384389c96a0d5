"""ARCHITECTURE.md is where a newcomer starts: its module map names every module of
``tooling/hirebook/`` and nothing that is gone, and every file or dotted name it mentions exists.

A module is on the map when its path is in the first column of the "## Modules" table, or when
a folder that holds it is (``lint/rules/``). A package's ``__init__.py`` is on the map with its
folder or with any module beside it.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tooling/hirebook"
ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
CODE = re.compile(r"`([^`\n]+)`")
FILE_SUFFIXES = (".py", ".json", ".md", ".yml", ".yaml")
"""A dotted name ending so is a file's name (``now.py``), not a module's attribute."""


def module_rows() -> list[str]:
    """The rows of the module map, as written."""
    section = ARCHITECTURE.split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def mapped() -> list[str]:
    """The paths the map names, relative to ``tooling/hirebook/`` (folders end in ``/``)."""
    return [name for row in module_rows() for name in CODE.findall(row.split("|")[1])]


def modules() -> list[str]:
    return sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def on_the_map(module: str, names: list[str]) -> bool:
    folder = module.rpartition("/")[0]
    prefix = f"{folder}/" if folder else ""
    for name in names:
        if name == module or (name.endswith("/") and module.startswith(name)):
            return True
        # __init__.py: its folder is on the map when a module beside it is.
        if module.endswith("__init__.py") and name.rpartition("/")[0] == folder:
            return True
        if module.endswith("__init__.py") and prefix and name == prefix:
            return True
    return False


def test_the_map_is_read():
    # Guards the parsing below: the table exists and names the modules everyone meets first.
    assert {"pipeline.py", "records/repository.py", "lint/rules/"} <= set(mapped())


def test_every_module_is_on_the_map():
    names = mapped()
    missing = [module for module in modules() if not on_the_map(module, names)]
    assert not missing, f"add a row to ARCHITECTURE.md's module map for: {', '.join(missing)}"


def test_the_map_names_only_what_exists():
    gone = [name for name in mapped() if not (PACKAGE / name).exists()]
    assert not gone, f"ARCHITECTURE.md's module map names what does not exist: {gone}"


def mentioned_files() -> list[str]:
    """Every ``*.py`` path ARCHITECTURE.md mentions (a glob such as ``sla/rules/*.py`` too)."""
    return sorted({name for name in CODE.findall(ARCHITECTURE) if name.endswith(".py")})


def matches(name: str) -> bool:
    """Whether a mentioned path names a file: relative to the package (module paths) or to the
    repository (``tests/...``); ``NNN`` stands for a number, and a bare file name such as
    ``reference*.py`` may be in any folder of the package; a ``<placeholder>`` stands for any
    name (``sla/rules/<id>.py``)."""
    pattern = re.sub(r"<[^>]+>", "*", name.replace("NNN", "[0-9][0-9][0-9]"))
    if "/" not in pattern:
        return any(PACKAGE.rglob(pattern))
    return any(any(base.glob(pattern)) for base in (PACKAGE, ROOT))


@pytest.mark.parametrize("name", mentioned_files())
def test_every_file_mentioned_exists(name):
    assert matches(name), f"ARCHITECTURE.md mentions `{name}`, which does not exist"


def module_names() -> dict[str, list[str]]:
    """Each dotted module name's possible short forms (``records.model``, ``model``) → the
    full names they may stand for."""
    short: dict[str, list[str]] = {}
    for module in modules():
        parts = ["hirebook", *module.removesuffix(".py").split("/")]
        if parts[-1] == "__init__":
            parts.pop()
        for start in range(len(parts)):
            short.setdefault(".".join(parts[start:]), []).append(".".join(parts))
    return short


def dotted_references() -> list[str]:
    """Dotted names in ARCHITECTURE.md that start with a module (``blocks.NOT_SEARCHED``,
    ``records.repository.load``, ``hirebook.pipeline``), without a call's arguments."""
    heads = {short.split(".", 1)[0] for short in module_names()}
    found = set()
    for name in CODE.findall(ARCHITECTURE):
        name = name.split("(", 1)[0]
        dotted = re.fullmatch(r"[a-z_]+(\.[A-Za-z_]+)+", name)
        if dotted and name.split(".", 1)[0] in heads and not name.endswith(FILE_SUFFIXES):
            found.add(name)
    return sorted(found)


def resolves(name: str) -> bool:
    """Whether some module the name's head may stand for has the rest as attributes."""
    parts = name.split(".")
    known = module_names()
    for split in range(len(parts), 0, -1):
        for module in known.get(".".join(parts[:split]), []):
            target = importlib.import_module(module)
            for attribute in parts[split:]:
                target = getattr(target, attribute, None)
            if target is not None:
                return True
    return False


def test_dotted_references_are_read():
    assert {"hirebook.pipeline", "records.repository.load", "blocks.NOT_SEARCHED"} <= set(
        dotted_references()
    )


@pytest.mark.parametrize("name", dotted_references())
def test_every_dotted_name_mentioned_exists(name):
    assert resolves(name), f"ARCHITECTURE.md names `{name}`, which no module of hirebook has"


def test_a_missing_module_and_a_stale_name_are_caught():
    # The checks above can fail: a module no row names, and a name no module has.
    assert not on_the_map("handbook/nowhere.py", ["handbook/pages/", "pipeline.py"])
    assert on_the_map("lint/rules/hb404_active_plan_unsigned.py", ["lint/rules/"])
    assert on_the_map("sla/__init__.py", ["sla/clock.py"])
    assert not resolves("privacy.NO_SUCH_NAME")
