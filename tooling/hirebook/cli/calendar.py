"""``hirebook calendar``: one calendar feed (iCalendar) of open SLA clocks, without the site.

The same feed the handbook publishes (:mod:`hirebook.handbook.feeds`) — a team member's, a
client's or the agency's — from the same records, instant and language, byte for byte when the
links are the same (``--site-url``, as the site's ``site_url``).
"""

from __future__ import annotations

from pathlib import Path

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure

# Only what the feeds read: the policy (timezone, hours), names, and requirements (their
# pages are the items' links). Candidates never: their clocks carry the id only.
FEED_KINDS = frozenset(("policy", "person", "client", "requirement"))


@click.command("calendar")
@common.records_option
@click.option("--owner", default=None, help="The feed of this team member (a team/ id).")
@click.option("--client", default=None, help="The feed of this client (a clients/ id).")
@click.option("--all", "agency", is_flag=True, help="The agency's feed: every open clock.")
@click.option(
    "--out",
    "out_file",
    type=common.NamedPath(dir_okay=False, allow_dash=True, path_type=Path),
    default=Path("-"),
    show_default=True,
    help="The .ics file to write; '-' writes to standard output. An existing file is replaced "
    "only if it is a feed hirebook wrote (or with --force).",
)
@click.option("--force", is_flag=True, help="Replace --out even if it is not a hirebook feed.")
@common.as_of_option(
    "The clocks as of this instant: a date (the end of that day's working hours) or a "
    "datetime. Default: now."
)
@common.language_option("Language of the items' summaries and descriptions.")
@click.option(
    "--site-url",
    default=None,
    envvar="HIREBOOK_SITE_URL",
    show_envvar=True,
    callback=lambda ctx, param, value: _site_url(value),
    help="The handbook's address (http or https): items link to their pages there. Default: "
    "links relative to where the site publishes the feed (feeds/team/ID.ics, "
    "feeds/clients/ID.ics, feeds/agency.ics).",
)
@common.jobs_option
def calendar_command(
    records_dir, owner, client, agency, out_file, force, as_of, language, site_url, jobs
):
    """Write a calendar feed (iCalendar, RFC 5545) of the open SLA clocks.

    Exactly one of --owner, --client or --all: a team member's clocks to act on, a client's
    open clocks, or every open clock of the agency. Each item is at its clock's due instant in
    the policy's timezone, except a milestone, client commitment, improvement action,
    follow-up or data-retention date: due by the end of a day, it is an all-day item on that
    day (at the top of the day, on the same date in every timezone). Each keeps its UID from
    run to run (a subscribed calendar updates it), links to the page that explains it and,
    when at risk, carries an alarm (an hour before; an all-day item's when the working day
    starts). Candidates appear by id only; personal data found in the records (HB501-HB503,
    HB505) is withheld, and stderr names the records. The handbook publishes the same feeds,
    and a "subscribe" link on every person's and client's page.

    Records with lint errors are refused (exit 2), as is an id that is not in the records.

    \b
    Examples:
      hirebook calendar --owner wang-li --out wang-li.ics
      hirebook calendar --client northwind-cloud --language zh-Hant --as-of 2026-11-20
      hirebook calendar --all --site-url https://example.github.io/handbook/ --out agency.ics
    """
    chosen = [name for name, value in (("--owner", owner), ("--client", client),
                                       ("--all", agency)) if value]  # fmt: skip
    if len(chosen) != 1:
        raise click.UsageError(
            "name one feed: --owner ID, --client ID or --all"
            + (f" (not {' and '.join(chosen)} together)" if chosen else "")
        )
    common.known_ids(records_dir, "--owner", (owner,) if owner else ())
    common.known_ids(records_dir, "--client", (client,) if client else ())
    target = None if str(out_file) == "-" else out_file.absolute()
    if target is not None:
        common.refuse_among_records(target, records_dir, "--out", "a calendar feed")
        _check_target(target, force)
    data, notice = _feed(records_dir, jobs, as_of, language, site_url, owner, client)
    if notice:
        click.echo(notice, err=True)
    if target is None:
        click.echo(data, nl=False)  # bytes go to the binary stream as they are (CRLF lines)
        return
    try:
        atomic.write_bytes(target, data)
    except OSError as err:
        raise machine_failure(err, f"{target} was not changed.") from None
    click.echo(f"calendar feed written to {target}", err=True)


def _feed(records_dir, jobs, as_of, language, site_url, owner, client) -> tuple[bytes, str]:
    """The feed's bytes and the redaction notice (empty when nothing was withheld)."""
    from hirebook.handbook import feeds
    from hirebook.handbook.context import Context
    from hirebook.handbook.labels import labels_for
    from hirebook.privacy import PERSONAL_DATA_CODES

    run = common.run_pipeline(
        records_dir,
        jobs,
        as_of,
        clocks_for="the calendar feed can be written",
        lines=False,
        keep=FEED_KINDS,
        gate=PERSONAL_DATA_CODES,
    )
    repo, redactor = run.records(), run.redactor()
    ctx = Context(repo, run.instant.astimezone(repo.zone), labels_for(language), run.board)
    written = feeds.Feeds(ctx, feeds.Links(site_url or None), redactor)
    if owner:
        data = written.person(owner)
    elif client:
        data = written.client(client)
    else:
        data = written.agency()
    return data, redactor.notice()


def _site_url(value: str | None) -> str | None:
    """``--site-url`` as given, or a usage error: an address a link can start with."""
    from hirebook.handbook.feeds import site_url_problem

    problem = site_url_problem(value) if value else None
    if problem:
        raise click.BadParameter(problem, param_hint="--site-url")
    return value


def _check_target(target: Path, force: bool) -> None:
    """Refuse to replace a file hirebook did not write, or to write into a missing folder."""
    from hirebook.handbook.feeds import PRODID

    if not target.parent.is_dir():
        raise click.UsageError(f"no folder {target.parent} to write {target.name} in")
    if force or not target.is_file():
        # Nothing to replace: no file, or a pipe or device (`--out >(…)`, /dev/stdout), written
        # to as a shell's > would (reading one would wait for ever); a folder fails as a write.
        return
    try:
        with open(target, "rb") as handle:
            head = handle.read(4096)
    except OSError as err:
        raise machine_failure(err, f"{target} was not changed.") from None
    if not (head.startswith(b"BEGIN:VCALENDAR") and PRODID.encode() in head):
        raise click.UsageError(
            f"{target} exists and is not a calendar feed hirebook wrote; choose another --out, "
            "or pass --force to replace it"
        )
