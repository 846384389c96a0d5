"""Like sqlite-utils: a test fails when a command, option or lint rule is not documented."""

import pkgutil
import re
from pathlib import Path

import click
import pytest

import hirebook.lint.rules
from hirebook.cli.main import cli
from hirebook.lint.registry import RULE_MODULES, RULES
from hirebook.sla.registry import SLA_RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def all_commands(group=cli, prefix="hirebook"):
    # Through list_commands/get_command, as Click itself asks: subcommands load lazily.
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield f"{prefix} {name}", command
        if isinstance(command, click.Group):
            yield from all_commands(command, f"{prefix} {name}")


def test_every_command_is_found():
    names = {name for name, _ in all_commands()}
    expected = {"lint", "sla", "report", "export", "show", "new", "handbook", "codeowners"}
    assert {f"hirebook {name}" for name in expected} <= names
    assert any(name.startswith("hirebook new ") for name in names)


@pytest.mark.parametrize("name,command", list(all_commands()))
def test_every_command_and_option_has_help(name, command):
    assert command.help and len(command.help.strip()) > 20, name
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts[0]} has no help"


@pytest.mark.parametrize("name", sorted({n.split()[1] for n, _ in all_commands()}))
def test_every_command_is_in_the_readme(name):
    assert f"hirebook {name}" in README


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(hirebook.lint.rules.__path__)}
    assert modules == set(RULE_MODULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    assert re.fullmatch(r"HB[1-6]\d\d", rule.code)
    assert rule.doc.startswith(f"{rule.code} — ")
    assert "Example::" in rule.doc, "an example that triggers the rule"
    assert "Fix:" in rule.doc, "how to fix it"
    assert re.fullmatch(r"[a-z0-9-]+", rule.name)


def test_codes_are_unique_and_in_order():
    codes = [rule.code for rule in RULES]
    assert codes == sorted(set(codes))


def test_every_code_the_loader_can_raise_is_registered():
    source = "\n".join(
        p.read_text() for p in (Path(hirebook.lint.rules.__path__[0]).parents[1]).rglob("*.py")
    )
    raised = set(re.findall(r'"(HB\d{3})"', source))
    assert raised <= {rule.code for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_listed_in_the_readme(rule):
    assert f"| `{rule.code}` | {rule.severity} | `{rule.name}` |" in README


@pytest.mark.parametrize("rule", SLA_RULES, ids=lambda r: r.id)
def test_every_sla_rule_is_documented(rule):
    # Its table row is the handbook's reference/sla-rules.md, generated from the module
    # (tests/test_reference.py): no copy in the README to keep in step.
    assert rule.doc.startswith(f"{rule.id} — ")
