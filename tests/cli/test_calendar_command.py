"""``hirebook calendar``: one feed without building the site — the site's own bytes, where it
writes, what it refuses, and personal data withheld."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from hirebook.cli.main import cli
from hirebook.demo import DEMO_RECORDS
from hirebook.handbook.site import prepare
from test_privacy import leak

AS_OF = "2026-11-20T17:00:00+08:00"


def run(runner, *args: str, env: dict | None = None, records=DEMO_RECORDS):
    return runner.invoke(cli, ["calendar", "--records", str(records), *args], env=env)


@pytest.fixture(scope="module")
def site_feeds() -> dict[str, bytes]:
    """The feeds the handbook publishes for the demo, in Traditional Chinese."""
    return prepare(DEMO_RECORDS, DEMO_RECORDS.parent, AS_OF, "zh-Hant", jobs=1).feeds


@pytest.mark.parametrize(
    ("option", "path"),
    [
        (["--owner", "wang-li"], "feeds/team/wang-li.ics"),
        (["--client", "jadepay"], "feeds/clients/jadepay.ics"),
        (["--all"], "feeds/agency.ics"),
    ],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_feed_is_the_one_the_site_publishes(runner, site_feeds, option, path, jobs):
    result = run(runner, *option, "--as-of", AS_OF, "--language", "zh-Hant", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == site_feeds[path]


def test_as_of_from_the_environment(runner):
    explicit = run(runner, "--owner", "zhao-lei", "--as-of", AS_OF)
    from_env = run(runner, "--owner", "zhao-lei", env={"HIREBOOK_AS_OF": AS_OF})
    assert explicit.exit_code == from_env.exit_code == 0
    assert explicit.stdout_bytes == from_env.stdout_bytes
    later = run(runner, "--owner", "zhao-lei", "--as-of", "2026-11-26")
    assert later.stdout_bytes != explicit.stdout_bytes  # the 11-25 follow-up is overdue by then


def test_site_url_makes_the_links_absolute(runner):
    result = run(
        runner, "--client", "jadepay", "--as-of", AS_OF, "--site-url", "https://hb.example/book/"
    )
    assert result.exit_code == 0, result.output
    urls = {str(e["URL"]) for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")}
    page = "https://hb.example/book/clients/jadepay/"
    rows = ("app-2026-0035", "app-2026-0064", "app-2026-0074", "plan-2026-010", "fb-2026-003",
            "tp-2026-1117-jadepay-meeting", "tp-2026-1120-jadepay-report")  # fmt: skip
    assert urls == {page} | {f"{page}#{row}" for row in rows}


def test_out_writes_a_file_and_replaces_only_its_own(runner, tmp_path):
    target = tmp_path / "wang-li.ics"
    first = run(runner, "--owner", "wang-li", "--as-of", AS_OF, "--out", str(target))
    assert first.exit_code == 0, first.output
    assert first.stdout == ""  # the message goes to stderr
    assert f"calendar feed written to {target}" in first.stderr
    assert Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    # A feed hirebook wrote is replaced (a scheduled job writes it again every day).
    again = run(runner, "--owner", "zhao-lei", "--as-of", AS_OF, "--out", str(target))
    assert again.exit_code == 0, again.output
    assert b"zhao-lei" in target.read_bytes()
    # Anything else is the user's: left as it is unless --force.
    notes = tmp_path / "notes.ics"
    notes.write_text("my own notes\n", encoding="utf-8")
    refused = run(runner, "--all", "--as-of", AS_OF, "--out", str(notes))
    assert refused.exit_code == 2
    assert "is not a calendar feed hirebook wrote" in refused.output
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    forced = run(runner, "--all", "--as-of", AS_OF, "--out", str(notes), "--force")
    assert forced.exit_code == 0, forced.output
    assert notes.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_missing_folder_is_a_usage_error(runner, tmp_path):
    result = run(runner, "--all", "--out", str(tmp_path / "no" / "feed.ics"))
    assert result.exit_code == 2
    assert "no folder" in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "name one feed: --owner ID, --client ID or --all"),
        (["--owner", "wang-li", "--all"], "(not --owner and --all together)"),
        (["--owner", "wang-lee"], "no team member `wang-lee` in the records"),
        (["--client", "jadepay2"], "did you mean `jadepay`?"),
        # The site's address starts every item's link: a line break in it would be a line of
        # the feed (the icalendar library raised), a space would end the link.
        (["--all", "--site-url", "https://x.example/\r\nBEGIN:VEVENT"],
         r"'https://x.example/\\r\\nBEGIN:VEVENT' holds white space or a control character"),
        (["--all", "--site-url", "https://x.example/my handbook/"],
         "percent-encode it (%20 for a space)"),
        (["--all", "--site-url", "javascript:alert(1)"], "is not an http or https address"),
        (["--all", "--site-url", "example.org/handbook/"], "is not an http or https address"),
    ],
)  # fmt: skip
def test_usage_errors(runner, args, message):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_records_with_lint_errors_are_refused(runner, agency, tmp_path):
    agency.write("clients/acme/client.yaml", "id: acme\ntier: platinum\n")
    target = tmp_path / "acme.ics"
    result = run(runner, "--client", "acme", "--out", str(target), records=agency.records)
    assert result.exit_code == 2
    assert "before the calendar feed can be written" in result.stderr
    assert not target.exists()


# The follow-up, client name and account manager's name of test_privacy's leak: the candidate
# cand-0001's name, phone and e-mail (in the forms people type them) where they do not belong.
SECRETS = ("劉洋", "劉\u200b洋", "liu.yang", "138 0000 0001", "138\u00a00000", "13800000001")


@pytest.mark.parametrize("option", [["--owner", "wang-li"], ["--client", "acme"], ["--all"]])
def test_personal_data_is_withheld(runner, agency, option):
    leak(agency)
    result = run(runner, *option, "--as-of", "2026-03-12T12:00:00+08:00", records=agency.records)
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8").replace("\r\n ", "")  # unfolded
    for secret in SECRETS:
        assert secret not in text, secret
    events = {str(e["UID"]): e for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")}
    follow_up = events["improvement-action/acme/tp-2026-0002#follow-up-1@hirebook"]
    # The pages' message names the follow-up by its id, never by the action's text.
    assert "(tp-2026-0002#follow-up-1) is due in" in str(follow_up["DESCRIPTION"])
    assert "Call cand-0001" not in str(follow_up["DESCRIPTION"])
    assert "Client: ACME cand-0001 Co., Ltd." in str(follow_up["DESCRIPTION"])
    assert "Personal data was withheld" in result.stderr
    assert "records/clients/acme/touchpoints/tp-2026-0002.yaml" in result.stderr
