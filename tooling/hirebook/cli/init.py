"""``hirebook init [DIR]``: start an agency — starter records and, where missing, the project.

What is written and why is :mod:`hirebook.scaffold`'s and :mod:`hirebook.starter`'s; this
module asks before replacing records, and says what it did and what to do next. ``hirebook
demo --out`` writes the demo agency the same way (:func:`write_agency`).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from hirebook import branches, scaffold, schedules
from hirebook.cli import common
from hirebook.cli.failures import machine_failure
from hirebook.handbook.labels import LANGUAGES
from hirebook.output.inert import inert
from hirebook.public_holidays import (
    NOT_YET_ANNOUNCED,
    UnknownCountry,
    check_categories,
    check_country,
    library_version,
)

NEXT_STEPS = """\
Next:
  1. Put your name and GitHub handle in {lead}, then run `hirebook codeowners`.
  2. git init -b {branch} (if this is not a repository yet), git add -A, git commit, and push:
     the checks, the handbook and the SLA digest run on GitHub from the first push."""


@click.command("init")
@click.argument(
    "directory",
    type=common.NamedPath(file_okay=False, path_type=Path),
    default=".",
    required=False,
)
@click.option(
    "--country",
    required=True,
    help="The ISO 3166-1 code of the country or region whose public holidays and make-up "
    "working days fill the calendar, e.g. CN, HK, TW, SG.",
)
@click.option(
    "--timezone",
    default=None,
    help="The IANA timezone of the agency's working hours, e.g. Asia/Shanghai. Default: the "
    "country's first timezone in the system's tz database.",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="The handbook's language (policy.yaml and mkdocs.yml) and the language of the "
    "holidays' names where the holidays package has them.",
)
@click.option(
    "--name",
    default=None,
    help="The agency's name, shown in the handbook. Default: the folder's name.",
)
@common.categories_option
@click.option(
    "--force",
    is_flag=True,
    help="Replace the records already in DIR/records/ without asking (files there that are "
    "not records are kept).",
)
@click.option(
    "--as-of",
    type=common.AsOf(),
    default=None,
    help="The day the agency starts: the calendar gets that year's holidays and the next "
    "year's. Default: today.",
)
@click.option(
    "--install",
    "requirement",
    metavar="REQUIREMENT",
    default=None,
    help="What the workflows pip-install, as you installed it: a version "
    "(hirebook==X.Y.Z, the default: this version from the package registry) or a URL "
    '("hirebook @ git+https://github.com/OWNER/hirebook@TAG"). Not for a fork, whose '
    "workflows install its own source.",
)
@click.option(
    "--branch",
    default=None,
    help="The Git branch the workflows check on push and publish the handbook from. "
    "Default: DIR's current branch when DIR is a Git repository, else main.",
)
def init_command(
    directory, country, timezone, language, name, categories, force, as_of, requirement, branch
):
    """Start an agency in DIR (default: the current folder).

    Writes the starter records — records/policy.yaml (the agency's name, timezone, working
    hours, the calendar of its country for this year and next, tiers and SLA goals),
    records/team/lead.yaml and empty clients/, candidates/ and cases/ — and, where they are
    missing, mkdocs.yml, the handbook's pages in site/, .github/ (workflows, issue forms,
    scripts), the pre-commit and editor settings and .gitignore; .github/CODEOWNERS is
    generated from the new records.

    A folder holding hirebook's own source (tooling/hirebook/) is a fork: its workflows install
    hirebook from the repository. Anywhere else the workflows install this version of hirebook
    from the package registry, or what --install names (hirebook from a Git tag, say). Records
    already in DIR/records/ are replaced only after asking (or with --force); nothing that is
    not a record is ever deleted.

    \b
    Examples:
      hirebook init --country CN --name "Example Talent Partners"
      hirebook init agency --country HK --language zh-Hant
      hirebook init --country CN --install "hirebook @ git+https://github.com/OWNER/hirebook@v0.1.0"
    """
    from hirebook import starter

    try:
        country = check_country(country)
    except UnknownCountry as err:
        raise click.BadParameter(str(err), param_hint="--country") from None
    try:
        categories = check_categories(country, categories)
    except UnknownCountry as err:
        raise click.BadParameter(str(err), param_hint="--category") from None
    if timezone is None:
        timezone = starter.default_timezone(country)
        if timezone is None:
            raise click.UsageError(
                f"no timezone known for {country} on this system: pass --timezone, "
                "e.g. --timezone Asia/Shanghai"
            )
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(
            f"`{timezone}` is not an IANA timezone name, e.g. Asia/Shanghai",
            param_hint="--timezone",
        ) from None
    target = directory.resolve()
    requirement = _requirement(target, requirement)
    branch, branch_source = _branch(target, branch)
    name = name if name and name.strip() else (target.name or "Our agency")
    day = _day(as_of, zone)
    years = (day.year, day.year + 1)
    records, calendars = starter.records(
        name.strip(), timezone, language, country, years, categories
    )
    written = write_agency(target, records, force, language, requirement, timezone, branch)
    click.echo(
        f"Started {name.strip()} in {shown(target)}records/: {country}, {timezone}, "
        f"handbook in {language}."
    )
    if branch != branches.WRITTEN_FOR:
        click.echo(f"The workflows check and publish the branch {branch} ({branch_source}).")
    for calendar in calendars:
        click.echo(
            f"  {calendar.year}: {len(calendar.holidays)} public holidays on workdays, "
            f"{len(calendar.extra_workdays)} make-up working days (holidays "
            f"{library_version()})"
        )
        if calendar.has_make_up_days and not calendar.announced:
            note = NOT_YET_ANNOUNCED.format(country=country, year=calendar.year)
            click.echo(f"  note: {note}.")
    print_summary(target, written)
    click.echo(NEXT_STEPS.format(lead=f"{shown(target)}records/team/lead.yaml", branch=branch))


def _requirement(target: Path, requirement: str | None) -> str | None:
    """``--install`` checked: a requirement the workflows can install, and only where they
    install a package (a fork installs its own source)."""
    if requirement is None:
        return None
    if scaffold.kind_of(target) == scaffold.FORK:
        raise click.BadParameter(
            "this folder holds hirebook's source (a fork): its workflows install that source; "
            "leave --install out",
            param_hint="--install",
        )
    try:
        return scaffold.check_requirement(requirement)
    except scaffold.BadRequirement as err:
        shown_value = inert(requirement)
        raise click.BadParameter(f"`{shown_value}`: {err}", param_hint="--install") from None


def _branch(target: Path, branch: str | None) -> tuple[str, str]:
    """The branch the workflows check and publish (``--branch``, checked, else the one
    :func:`hirebook.branches.branch_of` finds, else main) and where it came from, in words."""
    given = branch is not None
    if not given:
        branch = branches.branch_of(target)
        if branch is None:
            return branches.WRITTEN_FOR, "the default"
    try:
        branches.check(branch)
    except branches.BadBranch as err:
        where = "" if given else " (the branch Git names for this folder)"
        raise click.BadParameter(
            f"`{inert(branch)}`{where}: {err}", param_hint="--branch"
        ) from None
    return branch, "--branch" if given else "the repository's branch"


def _day(as_of, zone: ZoneInfo) -> date:
    """The day the agency starts, in its own timezone."""
    if as_of is None:
        return datetime.now(zone).date()
    if isinstance(as_of, datetime):
        return (as_of.astimezone(zone) if as_of.tzinfo else as_of).date()
    return as_of


def write_agency(
    target: Path,
    records: dict[str, bytes],
    force: bool,
    language: str | None = None,
    requirement: str | None = None,
    timezone: str | None = None,
    branch: str | None = None,
) -> dict:
    """Write ``records`` and the missing project files into ``target``, asking first when
    records are there already (unless ``force``); CODEOWNERS from the new records; a
    package-based agency's workflows install ``requirement`` (default: this version); the
    workflows' schedules keep their local times in ``timezone`` and check and publish
    ``branch`` (a kept workflow's lines that do not are listed, to be changed by hand)."""
    try:
        plan = scaffold.plan(target, records, language, requirement, timezone, branch)
    except scaffold.ProjectSourceMissing as err:
        raise click.ClickException(str(err)) from None
    except scaffold.LinksInTheWay as err:
        _refuse_links(err)
    if plan.replaced and not force:
        question = (
            f"{shown(target)}records/ holds {len(plan.replaced)} records. Replace them "
            "with the new agency's? (Files there that are not records are kept.)"
        )
        click.confirm(question, abort=True)
    try:
        files = scaffold.write(plan)
        codeowners, unowned = scaffold.write_codeowners(plan.target)
    except OSError as err:
        raise machine_failure(err, "The agency was written only in part.") from None
    return {
        "plan": plan,
        "files": files,
        "codeowners": codeowners,
        "unowned": unowned,
        "requirement": requirement or scaffold.pinned_requirement(),
        "schedules": _kept(plan, lambda text: schedules.kept_lines(text, timezone))
        if timezone
        else {},
        "branch": branch,
        "branch_lines": _kept(plan, lambda text: branches.kept_lines(text, branch))
        if branch
        else {},
    }


def _kept(plan: scaffold.Plan, lines_of) -> dict[str, list[str]]:
    """``lines_of(text)`` for each workflow that was kept (a fork keeps its own): the lines
    that still say what hirebook's workflows are written for (Asia/Shanghai's local times, the
    branch main), as they would be written for this agency."""
    kept = {}
    for rel in plan.present:
        if not (rel.startswith(".github/workflows/") and rel.endswith(".yml")):
            continue
        try:
            text = (plan.target / rel).read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue  # not readable: nothing to say about it
        lines = lines_of(text)
        if lines:
            kept[rel] = lines
    return kept


def _refuse_links(err: scaffold.LinksInTheWay) -> None:
    """Exit 1, nothing written, naming each link in the way and where it points (anyone's
    text: a link can come with a clone, so shown inert)."""
    click.echo(
        f"hirebook: nothing was written: the agency goes only into {inert(str(err.target))}, "
        "never through a symbolic link in it, and these are links:",
        err=True,
    )
    for link, points_to in err.links.items():
        click.echo(f"  {inert(str(link))} -> {inert(points_to)}", err=True)
    click.echo(
        "Remove them (hirebook writes a folder or file of the agency in their place), or "
        "choose another folder.",
        err=True,
    )
    raise SystemExit(common.EXIT_FINDINGS)


def print_summary(target: Path, written: dict) -> None:
    plan: scaffold.Plan = written["plan"]
    if plan.replaced:
        click.echo(f"Replaced {len(plan.replaced)} records.")
    if plan.kept:
        click.echo(f"Kept {len(plan.kept)} files in records/ that are not records:")
        for rel in plan.kept[:10]:
            click.echo(f"  records/{rel}")
        if len(plan.kept) > 10:
            click.echo(f"  … and {len(plan.kept) - 10} more")
    if plan.project:
        requirement = written["requirement"]
        source = "" if "@" in requirement else " from the package registry"
        how = (
            f"install {requirement}{source}"
            if plan.kind == scaffold.PACKAGE
            else "install hirebook from this repository (a fork)"
        )
        click.echo(f"Wrote {len(plan.project)} project files; the workflows {how}.")
    if plan.present:
        click.echo(f"Kept {len(plan.present)} project files that were there.")
    for rel, lines in written.get("schedules", {}).items():
        click.echo(
            f"note: {rel} was kept, and runs at {schedules.WRITTEN_FOR}'s local times; for the "
            "agency's, change its cron line to:"
        )
        for line in lines:
            click.echo(f"    {inert(line)}")
    for rel, lines in written.get("branch_lines", {}).items():
        click.echo(
            f"note: {rel} was kept, and checks and publishes the branch "
            f"{branches.WRITTEN_FOR}; for {written['branch']}, change these lines to:"
        )
        for line in lines:
            click.echo(f"    {inert(line)}")
    click.echo(f"Wrote {_shown_path(written['codeowners'])}.")
    for note in written["unowned"]:
        click.echo(f"warning: {note}", err=True)


def shown(target: Path) -> str:
    """``target`` as the user would type it, with a trailing slash ('' for the current one)."""
    here = Path.cwd().resolve()
    if target == here:
        return ""
    try:
        return target.relative_to(here).as_posix() + "/"
    except ValueError:
        return str(target) + os.sep


def _shown_path(path: Path) -> str:
    here = Path.cwd().resolve()
    try:
        return path.resolve().relative_to(here).as_posix()
    except ValueError:
        return str(path)
