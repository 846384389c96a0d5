"""The ``hirebook`` command group; each subcommand lives in its own module."""

from __future__ import annotations

import click

from hirebook import __version__
from hirebook.cli.codeowners import codeowners_command
from hirebook.cli.export import export_command
from hirebook.cli.handbook import handbook_command
from hirebook.cli.lint import lint_command
from hirebook.cli.new import new_group
from hirebook.cli.report import report_command
from hirebook.cli.show import show_command
from hirebook.cli.sla import sla_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="hirebook")
def cli() -> None:
    """hirebook — client management for recruitment agencies, kept as code.

    Records live as YAML files under records/; these commands check them, evaluate the
    service-level clocks and print reports. Run `hirebook COMMAND --help` for details.
    """


cli.add_command(handbook_command)
cli.add_command(lint_command)
cli.add_command(codeowners_command)
cli.add_command(new_group)
cli.add_command(show_command)
cli.add_command(sla_command)
cli.add_command(report_command)
cli.add_command(export_command)


def main() -> None:
    cli(prog_name="hirebook")
