"""``hirebook holidays``: add a year's public holidays and make-up working days to the policy.

The dates come from the ``holidays`` package (:mod:`hirebook.public_holidays`) and are written
into ``policy.yaml`` by :mod:`hirebook.policy_edit`, which keeps the file's comments and order
and never removes a date. The diff is printed; ``--dry-run`` prints it and writes nothing.
"""

from __future__ import annotations

import difflib
from datetime import datetime

import click

from hirebook import atomic
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.output.inert import inert
from hirebook.problem import Severity
from hirebook.public_holidays import (
    NOT_YET_ANNOUNCED,
    UnknownCountry,
    YearCalendar,
    check_categories,
    check_country,
    library_version,
    year_calendar,
)
from hirebook.records.document import relative_to


@click.command("holidays")
@common.records_option
@click.option(
    "--year",
    "years",
    type=click.IntRange(1950, 2200),
    multiple=True,
    help="The year to add; repeat for several. Default: this year and the next.",
)
@click.option(
    "--country",
    default=None,
    help="The ISO 3166-1 code of the country or region, e.g. CN, HK, TW, SG. Default: "
    "calendar.country of policy.yaml.",
)
@common.categories_option
@click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")
def holidays_command(records_dir, years, country, categories, dry_run):
    """Add a year's public holidays and make-up working days to policy.yaml.

    The dates come from the holidays package, for the country of calendar.country (or
    --country): the public holidays that fall on the policy's workdays go to
    calendar.holidays, the make-up working days on its days off to calendar.extra_workdays,
    each named in a comment. The file keeps its comments and order; dates already there are
    left alone, and no date is ever removed (a company holiday added by hand stays). The diff
    is printed.

    \b
    Examples:
      hirebook holidays --year 2027
      hirebook holidays --year 2027 --country HK --dry-run
    """
    from hirebook.policy_edit import PolicyEditError, add_dates
    from hirebook.records.repository import load_policy

    folder, root = common.records_folder(records_dir)
    path = folder / "policy.yaml"
    shown = relative_to(path, root)
    if not path.is_file():
        raise click.UsageError(f"{shown} is missing: start an agency with `hirebook init`")
    repo = load_policy(folder, root)
    errors = [p for p in repo.problems if p.severity is Severity.ERROR]
    if errors or repo.policy is None:
        for problem in errors:
            click.echo(f"{problem.location} {problem.code} {problem.message}", err=True)
        raise click.ClickException(f"fix {shown} first (`hirebook lint`)")
    policy = repo.policy
    code = country or policy.calendar.country
    if not code:
        raise click.UsageError(
            f"which country? pass --country (e.g. --country CN), or set `country:` under "
            f"`calendar:` in {shown}"
        )
    try:
        code = check_country(code)
        categories = check_categories(code, categories)
    except UnknownCountry as err:
        hint = "--category" if "holidays for" in str(err) else "--country"
        raise click.BadParameter(str(err), param_hint=hint) from None
    if not years:
        this = datetime.now(repo.zone).year
        years = (this, this + 1)
    calendars = [
        year_calendar(code, year, policy.calendar.workdays, policy.language, categories)
        for year in sorted(set(years))
    ]
    # As written: read_text would turn CRLF line breaks into LF, and the whole file would be
    # written back with LF (add_dates keeps a file's CRLF).
    text = path.read_bytes().decode("utf-8")
    additions, conflicts = _additions(policy, calendars)
    try:
        edit = add_dates(text, additions)
    except PolicyEditError as err:
        raise click.ClickException(f"{shown}:{err.line}:{err.column}: {err}") from None
    diff = list(
        difflib.unified_diff(
            text.splitlines(keepends=True),
            edit.text.splitlines(keepends=True),
            f"a/{shown}",
            f"b/{shown}",
        )
    )
    if diff:
        # A line at a time, inert: the policy's comments are anyone's text (a bidi control
        # would reorder what the terminal shows), and its CR is the file's, not the diff's.
        click.echo("\n".join(inert(line.rstrip("\r\n")) for line in diff))
    for calendar in calendars:
        _report(shown, calendar, edit.added, policy)
    for note in conflicts:
        click.echo(f"note: {note}", err=True)
    if not diff:
        click.echo(f"{shown} already lists them: nothing to add.")
        return
    if dry_run:
        click.echo(f"--dry-run: {shown} is unchanged.")
        return
    try:
        atomic.write_text(path, edit.text)
    except OSError as err:
        raise machine_failure(err, f"{shown} is unchanged.") from None
    click.echo(f"Wrote {shown}.")


def _additions(policy, calendars: list[YearCalendar]) -> tuple[dict, list[str]]:
    """What to add, leaving out a date the policy already counts the other way (the policy
    decides: a holiday it lists as a working day stays one), with a note for each."""
    holidays = set(policy.calendar.holidays)
    working = set(policy.calendar.extra_workdays)
    additions: dict[str, list] = {"holidays": [], "extra_workdays": []}
    conflicts = []
    for calendar in calendars:
        for day in calendar.holidays:
            if day.day in working:
                conflicts.append(
                    f"{day.day} ({day.name}) is in calendar.extra_workdays: not added as a holiday"
                )
            else:
                additions["holidays"].append(day)
        for day in calendar.extra_workdays:
            if day.day in holidays:
                conflicts.append(
                    f"{day.day} is a make-up working day for {calendar.country}, but "
                    "calendar.holidays lists it: not added"
                )
            else:
                additions["extra_workdays"].append(day)
    return additions, conflicts


def _report(shown: str, calendar: YearCalendar, added: dict, policy) -> None:
    year = calendar.year
    new_holidays = [d for d in added.get("holidays", []) if d.year == year]
    new_extra = [d for d in added.get("extra_workdays", []) if d.year == year]
    click.echo(
        f"{calendar.country} {year} (holidays {library_version()}): "
        f"{len(calendar.holidays)} public holidays on workdays, {len(new_holidays)} added; "
        f"{len(calendar.extra_workdays)} make-up working days, {len(new_extra)} added."
    )
    if not calendar.holidays:
        click.echo(
            f"warning: the holidays package lists no public holiday of {calendar.country} "
            f"in {year}",
            err=True,
        )
    if calendar.has_make_up_days and not calendar.announced:
        note = NOT_YET_ANNOUNCED.format(country=calendar.country, year=year)
        click.echo(f"note: {note}.", err=True)
    known = {day.day for day in calendar.holidays}
    listed_only = sorted(d for d in policy.calendar.holidays if d.year == year and d not in known)
    if listed_only:
        dates = ", ".join(str(d) for d in listed_only)
        click.echo(
            f"note: {shown} also lists {dates} as holidays in {year}, which the holidays "
            f"package does not: kept (a company holiday?); remove any that is a working day.",
            err=True,
        )
