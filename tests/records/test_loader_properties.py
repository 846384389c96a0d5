"""Property-based tests: whatever bytes or YAML a user writes, the answer is clean.

Never an exception: either a record or problems with a code and a position inside the file.
"""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY, Agency
from hirebook.lint.engine import lint
from hirebook.records import yamlread
from hirebook.records.repository import load

settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def read(raw: bytes):
    try:
        return yamlread.parse(yamlread.decode(raw)).data, []
    except yamlread.LoadProblem as problem:
        return None, [problem]
    except yamlread.LoadFailed as failed:
        return None, failed.problems


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(raw):
    data, problems = read(raw)
    assert (data is None) == bool(problems)
    lines = raw.count(b"\n") + 1
    for problem in problems:
        assert problem.code.startswith("HB1")
        assert 1 <= problem.line <= lines + 1


yaml_text = st.text(alphabet=string.printable + "中文：，&*!|>-?[]{}#'\"\t", max_size=300)


@given(yaml_text)
def test_arbitrary_text_never_raises(text):
    data, problems = read(text.encode("utf-8"))
    assert data is not None or problems


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.sampled_from(["2026-03-05", "2026-02-30", "yes", "on", "24h", "x@y.example"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(
    [
        "id",
        "title",
        "status",
        "received_at",
        "openings",
        "confirmation",
        "requirement",
        "candidate",
        "interviews",
        "offer",
        "placement",
        "on",
        "client_feedback",
        "submitted_at",
        "closed_on",
        "changes",
        "extra",
    ]
)


@settings(max_examples=60)
@given(
    st.dictionaries(keys, values, max_size=8),
    st.sampled_from(
        [
            "clients/acme/requirements/req-2026-001.yaml",
            "clients/acme/applications/app-2026-0001.yaml",
            "clients/acme/client.yaml",
            "policy.yaml",
            "team/wang-li.yaml",
        ]
    ),
)
def test_arbitrary_records_lint_without_exceptions(tmp_path_factory, data, rel):
    import yaml

    agency = Agency(tmp_path_factory.mktemp("agency"))
    agency.write(rel, yaml.safe_dump(data, allow_unicode=True))
    problems = lint(load(agency.records, agency.root), TODAY).problems
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


@given(
    st.integers(min_value=4290, max_value=20000),
    st.sampled_from(["", "-", "+", "0x", "0o"]),
    st.sampled_from(["amount", "note"]),
)
@settings(max_examples=30)
def test_numbers_of_any_length_never_crash(length, prefix, key):
    """A run of digits longer than Python converts by default is text, never a crash; the
    schema then says whether text may stand there."""
    digits = "7" * length
    raw = f"id: x\n{key}: {prefix}{digits}\n".encode()
    data, problems = read(raw)
    assert problems == []
    value = data[key]
    if isinstance(value, int):
        assert len(str(abs(value))) <= 4300
    else:
        assert value == f"{prefix}{digits}"


def test_a_huge_number_in_a_record_is_a_lint_problem_not_a_crash(tmp_path):
    from click.testing import CliRunner

    from hirebook.cli.main import cli

    runner = CliRunner()
    agency = Agency(tmp_path)
    agency.write(
        "clients/acme/requirements/req-2026-001.yaml",
        (agency.records / "clients/acme/requirements/req-2026-001.yaml")
        .read_text(encoding="utf-8")
        .replace("openings: 1", "openings: " + "9" * 5000),
    )
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["lint", "--records", str(agency.records), "--jobs", jobs])
        assert result.exit_code == 1, result.output
        assert "records/clients/acme/requirements/req-2026-001.yaml\n  5:11 " in result.output
        assert "HB203  `openings` must be a whole number, not text" in result.output
