"""``hirebook report``: formats, options, exit statuses, the lint gate and round trips.

The fixture agency (tests/conftest.py) plus a second client with a Chinese name and a filled
requirement, so that tables must align CJK text and rates have something to divide.
"""

import csv
import io
import json

from wcwidth import wcswidth

from hirebook.cli.main import cli
from hirebook.reports.registry import METRICS

AS_OF = "2026-06-30"
GLOBEX = {
    "team/chen-jie.yaml": """\
        id: chen-jie
        name: 陳傑 (Chen Jie)
        roles: [account_manager]
        active: true
        """,
    "clients/globex/client.yaml": """\
        id: globex
        name: Globex Ltd.
        name_local: 環球科技
        tier: key
        status: active
        since: 2025-06-01
        account_manager: chen-jie
        contacts:
          - {name: Sun Li, role: HR Manager, primary: true}
        """,
    "clients/globex/requirements/req-2026-101.yaml": """\
        id: req-2026-101
        title: Plant Manager
        status: filled
        received_at: 2026-02-02T10:00:00+08:00
        openings: 1
        confirmation:
          client_signed_by: Sun Li
          client_signed_on: 2026-02-03
          agency_signed_by: wang-li
          agency_signed_on: 2026-02-03
        closed_on: 2026-03-20
        """,
    "clients/globex/applications/app-2026-0101.yaml": """\
        id: app-2026-0101
        requirement: req-2026-101
        candidate: cand-0001
        channel: headhunting
        submitted_at: 2026-02-09T10:00:00+08:00
        client_feedback: {at: 2026-02-10T10:00:00+08:00, decision: interview}
        interviews:
          - {round: 1, at: 2026-02-16T10:00:00+08:00, result: pass}
        offer: {made_on: 2026-03-02, accepted_on: 2026-03-06}
        """,
    "clients/globex/feedback/fb-2026-101.yaml": """\
        id: fb-2026-101
        on: 2026-04-01
        collected_by: chen-jie
        scores: {overall: 4}
        nps: 9
        """,
}


def with_globex(agency):
    for rel, text in GLOBEX.items():
        agency.write(rel, text)
    return agency


def run(runner, agency, *args):
    return runner.invoke(cli, ["report", "--records", str(agency.records), *args])


def test_summary_has_every_metric_and_the_tables_a_lead_acts_on(runner, agency):
    result = run(runner, with_globex(agency), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Reports 2026-01-01 to 2026-06-30, as of 2026-06-30 18:00+08:00"
    for metric in METRICS:
        assert any(line.startswith(f"  {metric.title} ") for line in lines), metric.title
    # One accepted offer: app-2026-0101, 2026-02-02 → 2026-03-06 = 26 + 6 = 32 days.
    assert (
        "  Time to fill               median 32.0 days, mean 32.0, p90 32.0 (1 accepted offer)"
        in lines
    )
    # globex's req-2026-101 filled on 03-20; nothing cancelled: 1 / 1.
    assert "  Fill rate                  100.0% (1 filled, 0 cancelled)" in lines
    assert "Workload — by person" in lines
    assert "SLA compliance — by owner" in lines


def test_tables_align_chinese_names_by_display_width(runner, agency):
    output = run(runner, with_globex(agency), "--as-of", AS_OF).output
    block = output.split("Workload — by person\n")[1].split("\n\n")[0].splitlines()
    assert block[1].startswith("  chen-jie  陳傑 (Chen Jie)")
    # Every column is right-aligned after the name, so all lines end at one display column,
    # although the Chinese rows are shorter in characters.
    assert len({wcswidth(line) for line in block}) == 1
    assert len(block[1]) < len(block[0])


def test_one_metric_in_full_with_its_definition(runner, agency):
    result = run(runner, with_globex(agency), "satisfaction", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Client satisfaction (satisfaction)\n")
    assert "Feedback records whose `on` is in the period" in result.output
    # One survey: overall 4, NPS 9 (a promoter): NPS 100 * 1 / 1.
    assert "mean overall 4.0 of 5 (1 response); NPS 100.0 (1 answer)" in result.output
    assert "globex  Globex Ltd. (環球科技)" in result.output


def test_json_shape_and_nulls(runner, agency):
    result = run(runner, agency, "--as-of", AS_OF, "--format", "json")
    data = json.loads(result.output)
    assert list(data) == ["as_of", "from", "to", "filters", *(m.name for m in METRICS)]
    assert data["as_of"] == "2026-06-30T18:00:00+08:00"
    assert (data["from"], data["to"]) == ("2026-01-01", "2026-06-30")
    # The fixture alone has no closed requirement and no answered offer: null, not 0.
    assert data["fill-rate"] == {"filled": 0, "cancelled": 0, "rate": None}
    assert '"rate": null' in result.output
    assert data["offer-acceptance"]["rate"] is None


def test_period_options(runner, agency):
    data = json.loads(
        run(
            runner, agency, "--as-of", AS_OF, "--to", "2025-12-31", "--format", "json", "fill-rate"
        ).output
    )
    # Without --from, the period starts on 1 January of the year of --to.
    assert (data["from"], data["to"]) == ("2025-01-01", "2025-12-31")
    backwards = run(runner, agency, "--from", "2026-05-01", "--to", "2026-04-01")
    assert backwards.exit_code == 2
    assert "starts (2026-05-01) after it ends (2026-04-01)" in backwards.output


def test_filters(runner, agency):
    with_globex(agency)
    data = json.loads(
        run(runner, agency, "--as-of", AS_OF, "--client", "acme", "--format", "json").output
    )
    assert data["filters"] == {"client": ["acme"], "owner": [], "tier": []}
    assert data["time-to-fill"]["count"] == 0  # the only hire is globex's
    data = json.loads(
        run(runner, agency, "--as-of", AS_OF, "--owner", "chen-jie", "--format", "json").output
    )
    assert data["time-to-fill"]["count"] == 1
    assert list(data["workload"]) == ["chen-jie"]
    typo = run(runner, agency, "--client", "globx")
    assert typo.exit_code == 2 and "did you mean `globex`?" in typo.output
    assert run(runner, agency, "--owner", "nobody").exit_code == 2
    assert run(runner, agency, "--tier", "gold").exit_code == 2


def test_unknown_ids_are_the_same_usage_error_as_in_sla(runner, agency):
    with_globex(agency)
    for jobs in ("1", "2"):
        typo = run(runner, agency, "--jobs", jobs, "--client", "globx")
        assert typo.exit_code == 2
        assert (
            "Invalid value for --client: no client `globx` in the records; did you mean `globex`?"
        ) in typo.output
        nobody = run(runner, agency, "--jobs", jobs, "--owner", "nobody")
        assert nobody.exit_code == 2
        assert (
            "no team member `nobody` in the records; the team member ids are: chen-jie, wang-li, "
            "zhou-min"
        ) in nobody.output


def test_unknown_metric_lists_the_names(runner, agency):
    result = run(runner, agency, "time-to-hire")
    assert result.exit_code == 2
    for metric in METRICS:
        assert metric.name in result.output


def test_formats_offered(runner, agency):
    help_text = run(runner, agency, "--help").output
    for metric in METRICS:
        assert metric.name in help_text
    for name in ("text", "json", "markdown", "csv"):
        assert name in help_text
    assert run(runner, agency, "--format", "sarif").exit_code == 2
    assert run(runner, agency, "--format", "github").exit_code == 2


def test_lint_errors_stop_the_report(runner, agency):
    agency.write("clients/acme/requirements/req-2026-001.yaml", "id: req-2026-001\n")
    result = run(runner, agency, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "HB202" in result.stderr
    assert "fix them (hirebook lint) before the report can be computed" in result.stderr
    assert result.stdout == ""


def test_markdown(runner, agency):
    output = run(runner, with_globex(agency), "--as-of", AS_OF, "--format", "markdown").output
    assert output.startswith("## Reports\n\n2026-01-01 to 2026-06-30, as of")
    assert "| metric | result |" in output
    assert "| Fill rate | 100.0% (1 filled, 0 cancelled) |" in output
    full = run(runner, agency, "fill-rate", "--as-of", AS_OF, "--format", "markdown").output
    assert full.startswith("## Fill rate (`fill-rate`)")


def parse(value):
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        return float(value)


NAMED_GROUPS = {"client", "owner", "person"}


def rebuild(rows):
    """The metrics as nested dicts, rebuilt from the long CSV rows."""
    keyed = {metric.name: metric.keyed_by for metric in METRICS}
    result: dict = {}
    for row in rows:
        target = result.setdefault(row["metric"], {})
        if row["group"]:
            if keyed[row["metric"]]:
                target = target.setdefault(row["key"], {})
            else:
                target = target.setdefault(f"by_{row['group']}", {}).setdefault(row["key"], {})
            if row["group"] in NAMED_GROUPS:
                target["name"] = row["label"]
        *path, last = row["measure"].split(".")
        for part in path:
            target = target.setdefault(part, {})
        target[last] = parse(row["value"])
    return result


def test_csv_round_trip(runner, agency):
    with_globex(agency)
    as_json = json.loads(run(runner, agency, "--as-of", "2026-11-20", "--format", "json").output)
    output = run(runner, agency, "--as-of", "2026-11-20", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert list(rows[0]) == ["metric", "group", "key", "label", "measure", "value"]
    metrics = {key: value for key, value in as_json.items() if key in {m.name for m in METRICS}}
    rebuilt = rebuild(rows)
    # Metrics with empty breakdowns ({}) have no rows to rebuild them from.
    for name, value in metrics.items():
        expected = {k: v for k, v in value.items() if v != {}} if isinstance(value, dict) else value
        assert rebuilt.get(name, {}) == expected, name


def test_csv_of_one_metric(runner, agency):
    output = run(runner, with_globex(agency), "fill-rate", "--as-of", AS_OF, "--format", "csv")
    assert output.output.splitlines() == [
        "metric,group,key,label,measure,value",
        "fill-rate,,,,filled,1",
        "fill-rate,,,,cancelled,0",
        "fill-rate,,,,rate,1.0",
    ]


def test_no_personal_data_in_any_format(runner, agency):
    with_globex(agency)
    for output_format in ("text", "json", "csv", "markdown"):
        output = run(runner, agency, "--as-of", AS_OF, "--format", output_format).output
        for secret in ("劉洋", "liu.yang@mail.example", "138 0000 0001"):
            assert secret not in output, (output_format, secret)
