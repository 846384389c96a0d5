"""The baseline: read every record file and compose its YAML with libyaml — nothing else.

    python parse_only.py RECORDS_DIR

This is the least any linter must do: open each file, decode it and let the C parser build
the node tree (``yaml.compose`` with ``yaml.CSafeLoader``). Cases (``.md``) compose their
front matter only. No values are constructed, no schema is checked, nothing is printed but
the number of files. ``lint_over_parse`` in the benchmark compares ``hirebook lint`` to this.
"""

from __future__ import annotations

import contextlib
import os
import sys

import yaml


def front_matter(text: str) -> str:
    if not text.startswith("---"):
        return ""
    end = text.find("\n---", 3)
    return text[4:end] if end != -1 else ""


def main(records_dir: str) -> int:
    loader = yaml.CSafeLoader
    count = 0
    for folder, dirs, files in os.walk(records_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.endswith((".yaml", ".md")):
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                text = handle.read().decode("utf-8")
            if name.endswith(".md"):
                text = front_matter(text)
            with contextlib.suppress(yaml.YAMLError):  # a broken file costs the same
                yaml.compose(text, Loader=loader)
            count += 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
