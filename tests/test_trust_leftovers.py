"""The small trust leftovers of the last review, each a regression test that failed before.

The small agency of ``conftest.py`` (policy in Asia/Shanghai, +08:00 since 1901; before, its
local mean time +08:05:43), changed one file at a time. Expected values are worked out by hand.
"""

from __future__ import annotations

import os

import pytest

from hirebook.cli.main import cli


def new(runner, agency, *args, input=None):
    return runner.invoke(cli, ["new", *args, "--records", str(agency.records)], input=input)


def listing(agency) -> list[str]:
    """Every file and folder below the records folder, to show that nothing was written."""
    found = []
    for folder, folders, files in os.walk(agency.records):
        rel = os.path.relpath(folder, agency.records)
        found += [os.path.join(rel, name) for name in folders + files]
    return sorted(found)


# --- 1. an id is the whole of what was typed -------------------------------------------------
# `new` checked ids with `^…$` and `match`: `$` matches before a final line feed, so
# `--id 'harbor\n'` wrote the folder `clients/harbor\n/`.

ID_COMMANDS = {
    "client": ["--name", "Harbor", "--tier", "key", "--manager", "wang-li"],
    "person": ["--name", "Chen Jie", "--role", "recruiter"],
    "case": ["--title", "A lesson", "--author", "wang-li", "--outcome", "mixed"],
}


@pytest.mark.parametrize("kind", sorted(ID_COMMANDS))
@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("harbor\n", r"`harbor\n`"),  # the line feed `$` let through
        ("\nharbor", r"`\nharbor`"),
        ("harbor\x1b[2J", r"`harbor\x1b[2J`"),  # shown inert, not run by the terminal
        ("Harbor", "`Harbor`"),
        ("-harbor", "`-harbor`"),
        ("a" * 65, f"`{'a' * 65}`"),  # 65 characters: one more than a file name of an id
    ],
)
def test_a_new_id_that_is_not_all_id_is_a_usage_error_naming_the_option(
    runner, agency, kind, typed, shown
):
    before = listing(agency)
    result = new(runner, agency, kind, "--id", typed, *ID_COMMANDS[kind])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--id': {shown} is not a valid id" in result.output
    assert listing(agency) == before


@pytest.mark.parametrize("kind", sorted(ID_COMMANDS))
def test_an_id_of_64_characters_is_written(runner, agency, kind):
    record_id = "a" * 63 + "1"
    result = new(runner, agency, kind, "--id", record_id, *ID_COMMANDS[kind])
    assert result.exit_code == 0, result.output
    assert record_id in result.output


def test_a_bad_id_at_the_prompt_is_asked_again(runner, agency):
    result = new(runner, agency, "client", input="Harbor Logistics\nharbor\nHarbor\nkey\nwang-li\n")
    assert result.exit_code == 0, result.output
    assert "`Harbor Logistics` is not a valid id" in result.output
    assert (agency.records / "clients/harbor/client.yaml").is_file()
    assert sorted(os.listdir(agency.records / "clients")) == ["acme", "harbor"]
