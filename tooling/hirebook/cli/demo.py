"""``hirebook demo --out DIR``: write the demo agency that ships with hirebook."""

from __future__ import annotations

from pathlib import Path

import click

from hirebook.cli import common
from hirebook.cli.init import print_summary, shown, write_agency


@click.command("demo")
@click.option(
    "--out",
    "out",
    type=common.NamedPath(file_okay=False, path_type=Path),
    required=True,
    help="The project folder to write into: the demo's records go to OUT/records/, and the "
    "project files (mkdocs.yml, site/, .github/, …) where they are missing.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the records already in OUT/records/ without asking (files there that are "
    "not records are kept).",
)
def demo_command(out, force):
    """Write the demo agency into a folder, to read, try the commands on, or serve.

    The demo (Example Talent Partners, dated Friday 2026-11-20 by its policy's demo_as_of, so
    the commands and the handbook show it as of that day whatever today is) shows every kind of
    record, tier and status, and SLA clocks left open on purpose. It ships with hirebook: hirebook's
    own tests and `make demo` use it from the package. Records already in OUT/records/ are
    replaced only after asking (or with --force); nothing that is not a record is deleted;
    .github/CODEOWNERS is generated from the demo's records.

    \b
    Examples:
      hirebook demo --out demo-agency
      cd demo-agency && hirebook lint && mkdocs serve
    """
    from hirebook.demo import DEMO_RECORDS
    from hirebook.scaffold import folder_files

    target = out.resolve()
    written = write_agency(target, folder_files(DEMO_RECORDS), force)
    click.echo(f"Wrote the demo agency into {shown(target) or './'}records/.")
    print_summary(target, written)
