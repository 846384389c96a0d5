"""A path option naming a symbolic link in a loop (``loop -> loop``) is a usage error.

Every command resolves its paths (to refuse one inside the records folder, to find the project
root), and Python 3.11's ``Path.resolve`` raises ``RuntimeError: Symlink loop`` there: export,
codeowners and calendar ended in a traceback once they began refusing paths among the records
(they had failed as a clean machine error before); handbook, progress, demo, init and every
``--records`` already did. ``common.NamedPath`` refuses the loop, naming the option.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

AS_OF = "2026-11-20"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["export", "--as-of", AS_OF, "--sqlite", "loop"], "'--sqlite'"),
        (["codeowners", "--output", "loop"], "'--output'"),
        (["calendar", "--all", "--as-of", AS_OF, "--out", "loop"], "'--out'"),
        (["progress", "acme", "--as-of", AS_OF, "--out", "loop"], "'--out'"),
        (["handbook", "--as-of", AS_OF, "--out", "loop"], "'--out'"),
        (["handbook", "--languages", "--config", "loop"], "'--config'"),
        (["demo", "--out", "loop"], "'--out'"),
        (["lint", "--records", "loop"], "'--records'"),
        (["init", "--country", "CN", "loop"], "'[DIRECTORY]'"),
    ],
)
def test_a_link_in_a_loop_is_a_usage_error(agency, args, option):
    (agency.root / "loop").symlink_to("loop")
    before = sorted(path.relative_to(agency.root) for path in agency.root.rglob("*"))
    done = subprocess.run(
        [sys.executable, "-m", "hirebook", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=agency.root,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert (
        f"Invalid value for {option}: loop is a symbolic link that leads back to itself"
        in done.stderr
    )
    assert sorted(path.relative_to(agency.root) for path in agency.root.rglob("*")) == before
