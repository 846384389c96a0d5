"""Subcommands load lazily: `hirebook lint` must not pay for the handbook or the reports."""

import subprocess
import sys

SCRIPT = """
import sys
from click.testing import CliRunner
from hirebook.cli.main import cli
result = CliRunner().invoke(cli, ["lint", "--help"])
assert result.exit_code == 0, result.output
heavy = ["markdown", "mkdocs", "jsonschema", "hirebook.handbook.site", "hirebook.reports.engine"]
print(",".join(name for name in heavy if name in sys.modules))
"""


def test_lint_does_not_import_the_handbook_reports_or_jsonschema():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
