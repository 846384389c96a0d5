"""The label catalogues (``hirebook/handbook/catalogues/<language>.yaml``) against the code.

- every key exists in every language (English adds the SLA rules' and metrics' own titles);
- no catalogue has a key the code never uses, and every key the code names exists.

Keys the code uses are found by reading the handbook's source (``ast``): string constants, the
first argument of every call to a ``Labels`` (``labels("nav.home")``, ``ctx.labels(...)``,
``labels.value("channel", x)``), and f-strings such as ``labels(f"funnel.{step}")``. A key
built at run time belongs to a *family* (``state.``, ``rule.``…) whose members are derived
here from where they are defined — the registries, the schemas' enums, the enums of the code —
or, for the few with no such home, listed below; a label call with a prefix that is no family
fails the test until its family is added.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import hirebook.handbook
from hirebook.handbook import labels
from hirebook.handbook.labels import LANGUAGES, MODULE_TITLES, catalogue, labels_for
from hirebook.handbook.pages.reports import FUNNEL_ROWS
from hirebook.lint.registry import RULES as LINT_RULES
from hirebook.problem import Severity
from hirebook.records.schemas import schema_dir
from hirebook.reports.registry import METRICS
from hirebook.sla.clock import State
from hirebook.sla.duration import UNITS
from hirebook.sla.registry import SLA_RULES

HANDBOOK = Path(hirebook.handbook.__file__).resolve().parent

# The stages of hirebook.records.stage.application_stage: derived from events, never stored,
# so no enum holds them.
STAGES = (
    "screening",
    "awaiting feedback",
    "interview requested",
    "on hold",
    "rejected",
    "interviewing",
    "offered",
    "declined",
    "accepted",
    "placed",
    "withdrawn",
)


def _enum(kind: str, *path: str) -> list[str]:
    """The ``enum`` at ``path`` in a kind's schema, following local ``$ref``s."""
    root = json.loads((schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8"))
    schema = root
    for step in (*path, "enum"):
        while "$ref" in schema:
            schema = _resolve(root, schema["$ref"])
        schema = schema[step]
    return list(schema)


def _resolve(root: dict, ref: str) -> dict:
    assert ref.startswith("#/"), ref
    for part in ref[2:].split("/"):
        root = root[part]
    return root


def families() -> dict[str, list[str]]:
    """Every key prefix the code completes at run time → the values it may complete it with."""
    return {
        "rule.": [rule.id for rule in SLA_RULES],
        "rule_starts.": [rule.id for rule in SLA_RULES],
        "rule_stops.": [rule.id for rule in SLA_RULES],
        "rule_owner.": [rule.id for rule in SLA_RULES],
        "sla.msg.": [state.value for state in State],
        "metric.": [metric.name for metric in METRICS],
        # The lint-codes page's heading per hundred of codes: HB1 → lint.group.hb1.
        "lint.group.": sorted({rule.code[:3].lower() for rule in LINT_RULES}),
        "state.": [state.value for state in State],
        "severity.": [severity.value for severity in Severity],
        "duration.": [f"{unit}{one}" for unit in UNITS for one in ("", "1")] + ["zero"],
        "funnel.": list(FUNNEL_ROWS),
        "stage.": list(STAGES),
        "status.client.": _enum("client", "properties", "status"),
        "status.requirement.": _enum("requirement", "properties", "status"),
        "status.plan.": _enum("plan", "properties", "status"),
        "channel.": _enum("application", "properties", "channel"),
        "touchpoint.": _enum("touchpoint", "properties", "type"),
        "outcome.": _enum("case", "properties", "outcome"),
        "role.": _enum("person", "properties", "roles", "items"),
        "by.": _enum("plan", "properties", "interview_process", "items", "properties", "by"),
        "per.": _enum("requirement", "properties", "salary", "properties", "per"),
    }


def family_keys() -> set[str]:
    return {prefix + value for prefix, values in families().items() for value in values}


# --------------------------------------------------------------------------- reading the code


def sources() -> Iterator[tuple[Path, ast.Module]]:
    # The progress report (hirebook.progress) speaks in the handbook's words too.
    for path in sorted([*HANDBOOK.rglob("*.py"), *(HANDBOOK.parent / "progress").rglob("*.py")]):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _is_labels(node: ast.expr, path: Path) -> bool:
    """``labels``, ``ctx.labels``, ``self.labels`` — or ``self`` inside the Labels class."""
    if isinstance(node, ast.Name):
        return node.id == "labels" or (node.id == "self" and path.name == "labels.py")
    return isinstance(node, ast.Attribute) and node.attr == "labels"


def label_calls(path: Path, tree: ast.Module) -> Iterator[tuple[str, ast.expr, int]]:
    """(kind, first argument, line) of every label lookup: kind ``key`` for
    ``labels(KEY)``, ``group`` for ``labels.value(GROUP, value)``."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        if _is_labels(node.func, path):
            yield "key", node.args[0], node.lineno
        elif (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "value"
            and _is_labels(node.func.value, path)
        ):
            yield "group", node.args[0], node.lineno


def constants(tree: ast.Module) -> set[str]:
    """Every string constant (docstrings too: harmless, a key is not prose)."""
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def code_uses() -> tuple[set[str], set[str], list[str]]:
    """(keys named literally, string constants, problems with dynamic lookups)."""
    named: set[str] = set()
    strings: set[str] = set()
    problems: list[str] = []
    prefixes = set(families())
    for path, tree in sources():
        if path.name != "labels.py":  # its own constants are file names and messages
            strings |= constants(tree)
        where = path.relative_to(HANDBOOK.parent)
        for kind, arg, line in label_calls(path, tree):
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if kind == "key":
                    named.add(arg.value)
                elif f"{arg.value}." not in prefixes:
                    problems.append(f"{where}:{line}: group {arg.value!r} is no family")
            elif isinstance(arg, ast.JoinedStr):
                head = arg.values[0]
                prefix = head.value if isinstance(head, ast.Constant) else ""
                if prefix not in prefixes:
                    problems.append(f"{where}:{line}: f-string key {prefix!r}… is no family")
            elif not isinstance(arg, ast.Name):
                problems.append(f"{where}:{line}: a key this test cannot follow")
    return named, strings, problems


# --------------------------------------------------------------------------- the tests


def test_every_key_exists_in_every_language():
    keys = {language: set(labels_for(language).words) for language in LANGUAGES}
    for language in LANGUAGES:
        assert keys[language] == keys["en"], (
            language,
            sorted(keys["en"] - keys[language]),
            sorted(keys[language] - keys["en"]),
        )


def test_english_titles_come_from_the_modules_only():
    written = [key for key in catalogue("en") if key.startswith(MODULE_TITLES)]
    assert not written, f"en.yaml repeats module titles: {written}"
    words = labels_for("en")
    assert words.value("rule", SLA_RULES[0].id) == SLA_RULES[0].title
    assert words.value("metric", METRICS[0].name) == METRICS[0].title


def test_every_family_member_has_a_label():
    keys = set(labels_for("en").words)
    assert sorted(family_keys() - keys) == []


def test_every_label_lookup_can_be_followed():
    _, _, problems = code_uses()
    assert problems == []


def test_every_key_the_code_names_exists():
    named, _, _ = code_uses()
    assert sorted(named - set(labels_for("en").words)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalogue_has_keys_the_code_never_uses(language):
    named, strings, _ = code_uses()
    used = named | strings | family_keys()
    unused = sorted(key for key in labels_for(language).words if key not in used)
    assert unused == [], f"{language}: remove from catalogues/{language}.yaml or use them"


def test_placeholders_agree_across_languages():
    import string

    def names(text: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    english = labels_for("en").words
    for language in LANGUAGES:
        for key, text in labels_for(language).words.items():
            assert names(text) == names(english[key]), (language, key)


def test_a_catalogue_with_a_duplicate_key_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "catalogues"
    folder.mkdir()
    (folder / "en.yaml").write_text("nav.home: Home\nnav.home: Start\n", encoding="utf-8")
    monkeypatch.setattr(labels.resources, "files", lambda package: tmp_path)
    labels.catalogue.cache_clear()
    try:
        with pytest.raises(labels.CatalogueError, match="en.yaml"):
            labels.catalogue("en")
    finally:
        labels.catalogue.cache_clear()
