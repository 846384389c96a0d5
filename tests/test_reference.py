"""The handbook's reference, generated from the code: nothing in it may go undocumented.

Like sqlite-utils' documentation test: each test walks what the code registers — Click's
commands and options, the JSON Schemas' fields, the SLA rules, the metrics, the export's
tables and columns — and fails when one has no description, or is missing from its reference
page. An option added without ``help=`` fails here before anyone reads the page.

And the code and the docs point only to pages that exist: a design file that is not in the
project (``records.md``, ``sla.md`` as "the SLA design") is no reference.
"""

from __future__ import annotations

import html
import posixpath
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
import pytest

from hirebook.handbook import paths
from hirebook.handbook.languages import published_path
from hirebook.handbook.pages import (
    reference_commands,
    reference_metrics,
    reference_records,
    reference_sla,
)
from hirebook.handbook.site import generate
from hirebook.lint.registry import RULES
from hirebook.records.schemas import schema_dir
from hirebook.reports.export.tables import TABLES
from hirebook.reports.registry import METRICS
from hirebook.sla.registry import SLA_RULES

ROOT = Path(__file__).resolve().parents[1]
AS_OF = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=8)))
COMMANDS = reference_commands.commands()
SCHEMAS = reference_records.schemas(schema_dir())


def demo():
    """The demo agency's repository, as the package ships it (never the project's records/)."""
    from hirebook.demo import DEMO_RECORDS as records
    from hirebook.records.repository import load

    return load(records, records.parent)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The generated pages of the demo, in English, by path."""
    repo = demo()
    handbook = generate(repo, AS_OF.astimezone(repo.zone), "en")
    return {path: page.markdown for path, page in handbook.pages.items()}


def test_the_reference_is_generated_and_reachable(pages):
    assert paths.REFERENCE in paths.SECTIONS
    index = pages[paths.REFERENCE]
    for page in (*paths.REFERENCE_PAGES, paths.LINT_CODES):
        assert page in pages
        assert paths.link(paths.REFERENCE, page) in index


# --------------------------------------------------------------------------- commands


def test_every_command_is_found():
    found = {entry.path for entry in COMMANDS}
    for name in ("lint", "sla", "report", "export", "show", "new", "handbook", "codeowners"):
        assert f"hirebook {name}" in found
    assert "hirebook new plan" in found


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda e: e.path)
def test_every_command_and_option_has_help(entry):
    assert len(reference_commands.help_text(entry.command).strip()) > 20, entry.path
    for param in entry.command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help and param.help.strip(), f"{entry.path} {param.opts[0]} has no help"


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda e: e.path)
def test_every_command_and_option_is_on_the_commands_page(pages, entry):
    page = pages[paths.REFERENCE_COMMANDS]
    assert f"{{#{entry.anchor}}}" in page
    section = page.split(f"{{#{entry.anchor}}}", 1)[1].split("\n## ", 1)[0]
    for param in entry.command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert _entities(param.opts[0]) in section, f"{entry.path} {param.opts[0]}"
    for _, text in reference_commands.options(entry):
        assert _entities(text.split()[0]) in section


def test_the_report_help_names_every_registered_metric():
    from hirebook.cli.report import report_command

    help_text = " ".join(report_command.help.split())
    for metric in METRICS:
        assert f" {metric.name}," in help_text or f" {metric.name} " in help_text, metric.name


def test_an_option_without_help_fails_the_test():
    command = click.Command("x", help="A command that has a long enough help text.")
    command.params.append(click.Option(["--quiet"]))
    entry = reference_commands.Entry("hirebook x", command, click.Context(command))
    with pytest.raises(AssertionError, match="--quiet has no help"):
        test_every_command_and_option_has_help(entry)


# --------------------------------------------------------------------------- records


def _every_field():
    for kind, schema in SCHEMAS.items():
        for field in reference_records.fields(schema):
            yield f"{kind}:{field.path}", field
        for name, definition in schema.get("$defs", {}).items():
            yield f"{kind}:$defs/{name}", definition
            for field in reference_records.fields(definition):
                yield f"{kind}:$defs/{name}/{field.path}", field


FIELDS = list(_every_field())


def test_every_kind_has_a_schema_with_a_title_and_description():
    assert list(SCHEMAS)[:3] == ["policy", "person", "client"]
    for kind, schema in SCHEMAS.items():
        assert schema.get("title") and schema.get("description"), kind


@pytest.mark.parametrize("name,field", FIELDS, ids=[name for name, _ in FIELDS])
def test_every_field_has_a_description(name, field):
    description = field.get("description") if isinstance(field, dict) else field.description
    assert description and len(description.strip()) > 3, name


def test_every_kind_and_field_is_on_the_records_page(pages):
    page = pages[paths.REFERENCE_RECORDS]
    for kind, schema in SCHEMAS.items():
        assert f"{{#{kind}}}" in page
        for field in reference_records.fields(schema):
            assert f"`{field.path}`" in page or _entities(field.path) in page, field.path
    for schema in SCHEMAS.values():
        for name in schema.get("$defs", {}):
            assert f"{{#type-{name}}}" in page


# --------------------------------------------------------------------------- SLA rules


@pytest.mark.parametrize("rule", SLA_RULES, ids=lambda r: r.id)
def test_every_sla_rule_is_documented(rule, pages):
    assert rule.doc.startswith(f"{rule.id} — ")
    assert reference_sla.summary(rule) and reference_sla.explanation(rule)
    assert rule.title and rule.starts and rule.stops and rule.owner
    goals = rule.default_goals
    assert set(goals) in ({"all"}, {"strategic", "key", "ordinary"}), goals
    page = pages[paths.REFERENCE_SLA]
    assert f"{{#{rule.id}}}" in page
    section = page.split(f"{{#{rule.id}}}", 1)[1].split("\n## ", 1)[0]
    assert reference_sla.explanation(rule).split()[0] in section


# --------------------------------------------------------------------------- metrics


@pytest.mark.parametrize("metric", METRICS, ids=lambda m: m.name)
def test_every_metric_is_documented(metric, pages):
    assert metric.doc.startswith(f"{metric.name} — ")
    assert metric.title and len(metric.description) > 20
    assert reference_metrics.summary(metric) and reference_metrics.explanation(metric)
    assert f"{{#{metric.name}}}" in pages[paths.REFERENCE_METRICS]
    # The reports page has a section for every registered metric, linked to its definition.
    report = pages[paths.REPORTS]
    assert f"{{#{metric.name}}}" in report
    assert f"{paths.link(paths.REPORTS, paths.REFERENCE_METRICS)}#{metric.name}" in report


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_export_table_and_column_is_documented(table, pages):
    assert table.doc and len(table.doc) > 10, table.name
    for column in table.columns:
        assert column.doc and column.doc.strip(), f"{table.name}.{column.name}"
    page = pages[paths.REFERENCE_EXPORT]
    assert f"{{#{table.name}}}" in page
    section = page.split(f"{{#{table.name}}}", 1)[1].split("\n## ", 1)[0]
    for column in table.columns:
        assert column.name in codes_in(section), f"{table.name}.{column.name}"


def codes_in(markdown: str) -> set[str]:
    """The texts a page shows as code: Markdown's backticks, or ``<code>`` with its line-break
    opportunities (``<wbr>``) and entities as a reader sees them."""
    shown = set(re.findall(r"`([^`\n]+)`", markdown))
    for inner in re.findall(r"<code>(.*?)</code>", markdown):
        shown.add(html.unescape(inner.replace("<wbr>", "")))
    return shown


# --------------------------------------------------------------------------- lint codes


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_lint_code_is_on_the_lint_codes_page(rule, pages):
    # The one list of codes with their names and default severities (the README has none).
    page = pages[paths.LINT_CODES]
    assert f"{{#{rule.code.lower()}}}" in page
    section = page.split(f"{{#{rule.code.lower()}}}", 1)[1].split("\n### ", 1)[0]
    assert rule.name in codes_in(section)
    assert f":   {rule.severity}\n" in section
    # Under the heading of its hundred, in the page's language (English here).
    heading = page.split(f"{{#{rule.code.lower()}}}", 1)[0].rsplit("\n## ", 1)[1]
    assert heading.startswith(f"{rule.code[:3]}xx — ")


def test_the_pages_in_every_language():
    repo = demo()
    for language, word, personal in (
        ("zh-Hant", "指令", "個人資料"),
        ("zh-Hans", "命令", "个人资料"),
    ):
        built = generate(repo, AS_OF.astimezone(repo.zone), language).pages
        assert f"# {word}" in built[paths.REFERENCE_COMMANDS].markdown
        assert "{#requirement-confirmation}" in built[paths.REFERENCE_SLA].markdown
        # The lint-codes page's group headings are the page's language, not English.
        lint_codes = built[paths.LINT_CODES].markdown
        assert f"\n## HB5xx — {personal}\n" in lint_codes
        assert "## HB5xx — personal data" not in lint_codes


# --------------------------------------------------------------------------- design files

DESIGN = re.compile(
    r"(?<![\w/.-])((?:\.\./|[\w-]+/)*(?:records|sla|reports|cli|handbook|process|architecture)"
    r"\.md)\b"
)
SCANNED = ("tooling/hirebook", "tooling/benchmarks", "schemas", "site", "tests")


def scanned_files():
    yield ROOT / "ARCHITECTURE.md"
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            parts = path.relative_to(ROOT).parts
            if "out" in parts or "__pycache__" in parts or path == Path(__file__):
                continue
            if path.suffix in (".py", ".md", ".json", ".yaml", ".yml") and path.is_file():
                yield path


def known_pages() -> set[str]:
    """Every page of the handbook: the generated sections and reference, the hand-written
    pages of ``site/`` where they are published (``site/en/policy.md`` as ``policy.md``)."""
    site = ROOT / "site"
    written = {published(p.relative_to(site).as_posix()) for p in site.rglob("*.md")}
    return {*paths.SECTIONS, *paths.REFERENCE_PAGES, *written}


def published(rel: str) -> str:
    """Where a file of ``site/`` is published: a language's files at the root of its part."""
    return published_path(rel, rel.split("/", 1)[0]) or rel


def test_every_reference_to_a_design_file_is_a_page():
    pages = known_pages()
    wrong = []
    for path in scanned_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for target in DESIGN.findall(line):
                page = target
                if path.is_relative_to(ROOT / "site"):  # a link relative to the page
                    source = published(path.relative_to(ROOT / "site").as_posix())
                    page = _normal(f"{posixpath.dirname(source)}/{target}")
                if page not in pages and not (ROOT / target).is_file():
                    wrong.append(f"{path.relative_to(ROOT)}:{number}: {target}")
    assert wrong == [], "not a page of the handbook (name the reference page instead)"


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _entities(text: str) -> str:
    """``text`` as the pages write it: ASCII punctuation as numeric character references."""
    from hirebook.handbook import escape

    return escape.text(text)
