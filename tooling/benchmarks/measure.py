"""Run one command and report its wall time and peak memory as one JSON line.

    python measure.py [--stdout FILE] [--cwd DIR] -- COMMAND [ARG...]

The benchmark starts this wrapper in a fresh process for every measurement. It times the
command with ``time.perf_counter`` around ``subprocess.run`` (its own start-up is not counted)
and reads the command's peak resident set size from ``getrusage(RUSAGE_CHILDREN)``: the wrapper
has no other children, so that is the peak of the command — or, when the command starts worker
processes, of the largest single process among them (Linux reports the largest, not a sum).

Prints ``{"seconds": …, "maxrss_mb": …, "returncode": …, "stderr": "<last lines>"}``.
The command's standard output goes to ``--stdout`` (default: discarded).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stdout", default=os.devnull, help="where the command's output goes")
    parser.add_argument("--cwd", default=None, help="working folder of the command")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARG...]")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    with open(args.stdout, "wb") as out:
        started = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=args.cwd, stdout=out, stderr=subprocess.PIPE)
        except OSError as err:
            print(json.dumps({"seconds": None, "maxrss_mb": None, "returncode": None,
                              "stderr": f"cannot run {command[0]}: {err}"}))  # fmt: skip
            return 0
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    stderr = done.stderr.decode("utf-8", errors="replace")
    result = {
        "seconds": seconds,
        "maxrss_mb": usage.ru_maxrss / divisor,
        "returncode": done.returncode,
        "stderr": "\n".join(stderr.strip().splitlines()[-15:]),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
