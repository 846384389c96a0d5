"""Like sqlite-utils: a test fails when a command, option or lint rule is not documented.

The README is short and read top to bottom (issue 20, item 1): it names every command in one
table, and whatever it shows — a command, an option, an SLA rule, a link — exists. The full
reference (every option, field, rule, metric, export column and lint code) is the handbook's,
generated from the code and checked by tests/test_reference.py.
"""

import pkgutil
import re
import shlex
from pathlib import Path

import click
import pytest

import hirebook.lint.rules
from hirebook.cli.main import cli
from hirebook.lint.registry import RULE_MODULES, RULES
from hirebook.sla.registry import SLA_RULES, SLA_RULES_BY_ID

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAX_LINES = 300
MAX_WIDTH = 100


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


def readme_section(title: str) -> str:
    """The text of the README's ``## title`` section, up to the next ``## ``."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def command_table() -> dict[str, str]:
    """The README's command table: ``{command name: what it does}``, from rows such as
    ``| `hirebook lint [PATH...]` | check the records … |``."""
    rows = re.findall(r"^\| `hirebook ([a-z-]+)[^`]*` \| (.+) \|$", README, re.MULTILINE)
    return dict(rows)


def test_the_readme_is_short():
    lines = README.splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines; at most {MAX_LINES}"
    long = [f"{n}: {len(line)}" for n, line in enumerate(lines, 1) if len(line) > MAX_WIDTH]
    assert long == [], f"README.md lines over {MAX_WIDTH} characters"


def test_the_readme_starts_with_the_two_commands_then_the_agency():
    sections = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert sections[:2] == ["Set up", "Start your agency"]
    set_up = readme_section("Set up")
    [block] = re.findall(r"```sh\n(.*?)```", set_up, re.DOTALL)
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert commands == ["make demo", "make test"]
    # Its first block starts the agency, in three commands at most (then comes the upgrade).
    block = re.findall(r"```sh\n(.*?)```", readme_section("Start your agency"), re.DOTALL)[0]
    assert "hirebook init" in block
    assert 1 <= len(block.splitlines()) <= 3


@pytest.mark.parametrize("name", sorted({n.split()[1] for n, _ in all_commands()}))
def test_every_command_is_in_the_readme_table(name):
    assert name in command_table(), f"hirebook {name} has no row in the README's command table"


def test_the_readme_table_names_only_commands():
    names = {n.split()[1] for n, _ in all_commands()}
    assert set(command_table()) <= names


def readme_commands() -> list[str]:
    """Every ``hirebook …`` command line the README shows: in code blocks and code spans."""
    found = []
    for block in re.findall(r"^```(?:sh|console)?\n(.*?)^```", README, re.DOTALL | re.MULTILINE):
        found += [line.split("  #")[0].strip() for line in block.splitlines()]
    prose = re.sub(r"```.*?```", "", README, flags=re.DOTALL)
    # A code span may wrap onto the next line of its paragraph.
    found += [" ".join(span.split()) for span in re.findall(r"`([^`]+)`", prose)]
    return sorted({line for line in found if line.startswith("hirebook ")})


@pytest.mark.parametrize("line", readme_commands())
def test_every_command_line_in_the_readme_exists(line):
    """``hirebook new plan --requirement …``: the command and each of its options exist."""
    words = shlex.split(line.replace("…", "x"))[1:]
    command: click.Command = cli
    context = click.Context(cli)
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        found = command.get_command(context, words[0])
        if found is None:
            break  # an argument (`hirebook show CLIENT`)
        command, words = found, words[1:]
    assert command is not cli, line
    options = {opt for param in command.params for opt in param.opts if opt.startswith("-")}
    named = {word.split("=")[0] for word in words if word.startswith("-")}
    assert named <= options, f"{line}: {sorted(named - options)} unknown"


def test_the_working_day_names_real_sla_rules():
    day = readme_section("A working day")
    spans = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", day))
    assert spans, "the working day names the clocks each step starts or stops"
    assert spans <= set(SLA_RULES_BY_ID), sorted(spans - set(SLA_RULES_BY_ID))


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_links_point_to_files_that_exist():
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    local = [link for link in links if "://" not in link]
    assert local, "the README links into the reference"
    for link in local:
        target, _, anchor = link.partition("#")
        path = ROOT / target
        assert path.exists(), link
        if anchor:
            text = path.read_text(encoding="utf-8")
            headings = re.findall(r"^#+ (.+?)(?: \{#[\w-]+\})?$", text, re.MULTILINE)
            assert anchor in {github_anchor(h) for h in headings}, link


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(hirebook.lint.rules.__path__)}
    assert modules == set(RULE_MODULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule):
    # Its docstring is its entry on the handbook's lint-codes page, which
    # tests/test_reference.py checks: no table of codes in the README to keep in step.
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


@pytest.mark.parametrize("rule", SLA_RULES, ids=lambda r: r.id)
def test_every_sla_rule_is_documented(rule):
    # Its table row is the handbook's reference/sla-rules.md, generated from the module
    # (tests/test_reference.py): no copy in the README to keep in step.
    assert rule.doc.startswith(f"{rule.id} — ")
