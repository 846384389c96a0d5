"""init and demo refuse to write through a symbolic link in the agency's folder, naming where
it points. That target is anyone's text — a link can come with a clone of a fork — and was
printed raw: a right-to-left override in it reordered the message in the terminal."""

from __future__ import annotations

import subprocess
import sys


def test_where_a_refused_link_points_is_shown_inert(tmp_path):
    out = tmp_path / "agency"
    (out / "records").mkdir(parents=True)
    (out / "records/team").symlink_to(tmp_path / "\u202eevil")
    done = subprocess.run(
        [sys.executable, "-m", "hirebook", "init", str(out), "--country", "CN", "--force"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"  {out}/records/team -> {tmp_path}/\\u202eevil\n" in done.stderr
    assert "\u202e" not in done.stderr
    assert not (tmp_path / "\u202eevil").exists()
