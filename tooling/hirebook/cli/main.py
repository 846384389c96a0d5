"""The ``hirebook`` command group; each subcommand lives in its own module.

Subcommands are imported only when they run (Click's "lazy group" pattern): ``hirebook lint``
never pays for importing the handbook generator, Markdown or the report engine, which would
be most of its start-up on a small agency.
"""

from __future__ import annotations

import errno
import importlib

import click

from hirebook import __version__
from hirebook.parallel import WorkerLost

# name → "module:attribute" (`hirebook --help` lists them alphabetically, as Click does).
COMMANDS = {
    "lint": "hirebook.cli.lint:lint_command",
    "sla": "hirebook.cli.sla:sla_command",
    "report": "hirebook.cli.report:report_command",
    "export": "hirebook.cli.export:export_command",
    "show": "hirebook.cli.show:show_command",
    "new": "hirebook.cli.new:new_group",
    "handbook": "hirebook.cli.handbook:handbook_command",
    "calendar": "hirebook.cli.calendar:calendar_command",
    "codeowners": "hirebook.cli.codeowners:codeowners_command",
    "init": "hirebook.cli.init:init_command",
    "demo": "hirebook.cli.demo:demo_command",
    "holidays": "hirebook.cli.holidays:holidays_command",
    "log": "hirebook.cli.log:log_group",
    "progress": "hirebook.cli.progress:progress_command",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):  # a wiring mistake, not user input
                raise TypeError(f"{self.lazy_commands[cmd_name]} is not a Click command")
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        """Every command, with any ``OSError`` it did not handle (a read-only folder, a full
        disk, a missing permission) shown as a message and exit status 2, never a traceback."""
        try:
            return super().invoke(ctx)
        except WorkerLost as err:  # a worker killed: the machine's doing, not the records'
            from hirebook.cli.failures import MachineFailure

            raise MachineFailure(str(err)) from None
        except OSError as err:
            if err.errno == errno.EPIPE:  # Click's own handling: a reader that went away
                raise
            from hirebook.cli.failures import machine_failure

            raise machine_failure(err) from None


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="hirebook")
def cli() -> None:
    """hirebook — client management for recruitment agencies, kept as code.

    Records live as YAML files under records/; these commands check them, evaluate the
    service-level clocks and print reports. Run `hirebook COMMAND --help` for details.
    """


def main() -> None:
    cli(prog_name="hirebook")
