"""The command reference, from Click itself: every command of ``hirebook``, its usage, its help
and every option with its help, as ``hirebook COMMAND --help`` prints them.

The commands are walked as Click walks them (``list_commands``/``get_command`` of the lazy
group), so a new command or option is on the page the moment it is registered, and
``tests/test_reference.py`` fails when one has no help. The texts are the code's, in English.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass

import click

from hirebook.handbook import blocks, doctext, escape, paths
from hirebook.handbook.context import Context
from hirebook.handbook.page import Page

PROGRAM = "hirebook"


@dataclass(frozen=True)
class Entry:
    """One command as Click sees it, with the context that names it (``hirebook new plan``)."""

    path: str
    command: click.Command
    context: click.Context

    @property
    def anchor(self) -> str:
        return self.path.replace(" ", "-")


def commands() -> list[Entry]:
    """``hirebook`` and every command below it, depth first, in Click's order."""
    from hirebook.cli.main import cli

    return list(_walk(cli, click.Context(cli, info_name=PROGRAM)))


def _walk(command: click.Command, context: click.Context) -> Iterator[Entry]:
    yield Entry(context.command_path, command, context)
    if isinstance(command, click.Group):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, click.Context(sub, info_name=name, parent=context))


def options(entry: Entry) -> list[tuple[str, str]]:
    """(the option as ``--help`` shows it, its help with Click's notes) for every option.

    Arguments are named in the usage line and explained by the command's help."""
    rows = []
    for param in entry.command.get_params(entry.context):
        record = param.get_help_record(entry.context) if isinstance(param, click.Option) else None
        if record is not None:
            rows.append(record)
    return rows


def help_text(command: click.Command) -> str:
    """The command's help as Click prints it: ``\\f`` ends it, ``\\b`` keeps a paragraph."""
    return inspect.cleandoc(command.help or "").split("\f")[0]


def pages(ctx: Context) -> Iterator[tuple[str, Page]]:
    yield paths.REFERENCE_COMMANDS, Page(render(ctx))


def render(ctx: Context) -> str:
    labels = ctx.labels
    entries = commands()
    summary = blocks.table(
        [labels("ref.command"), labels("ref.description")],
        [
            [
                blocks.link(doctext.code(e.path), f"#{e.anchor}"),
                escape.text(e.command.get_short_help_str(limit=100)),
            ]
            for e in entries[1:]
        ],
    )
    return blocks.page(
        {"title": labels("ref.commands.title")},
        f"# {labels('ref.commands.title')}",
        labels("ref.commands.intro"),
        summary,
        *(_command(ctx, entry) for entry in entries),
    )


def _command(ctx: Context, entry: Entry) -> str:
    labels = ctx.labels
    usage = " ".join([entry.path, *entry.command.collect_usage_pieces(entry.context)])
    rows = [[doctext.code(names), escape.text(text)] for names, text in options(entry)]
    subcommands = ""
    if isinstance(entry.command, click.Group):
        subcommands = blocks.bullet_list(
            blocks.link(doctext.code(e.path), f"#{e.anchor}")
            for e in commands()
            if e.path.rpartition(" ")[0] == entry.path
        )
    return blocks.section(
        f"{escape.text(entry.path)} {{#{entry.anchor}}}",
        f"**{labels('ref.usage')}**",
        doctext.verbatim(usage),
        *_help(entry.command),
        blocks.table([labels("ref.option"), labels("ref.description")], rows),
        subcommands,
    )


def _help(command: click.Command) -> list[str]:
    """The help's paragraphs: rewrapped ones as text, ``\\b`` ones verbatim (examples, lists)."""
    parts = []
    for paragraph in help_text(command).split("\n\n"):
        if paragraph.startswith("\b"):
            parts.append(doctext.verbatim(paragraph.removeprefix("\b")))
        elif paragraph.strip():
            parts.append(doctext.inline(paragraph))
    return parts
