"""A country's public holidays and make-up working days for one year, from the ``holidays``
package (a well-kept library of official calendars), shaped for ``policy.yaml``.

``policy.yaml`` lists the days off that would otherwise be working days (``calendar.holidays``)
and the working days that fall on a normal day off (``calendar.extra_workdays``, the 调休 of
mainland China). So a holiday on a day the policy does not work anyway (a Saturday) is left
out, and so is a make-up day on a day the policy works anyway. ``holidays`` publishes the
make-up days of the countries that have them (``weekend_workdays``: China's 2026 are 01-04,
02-14, 02-28, 05-09, 09-20 and 10-10); a year whose schedule the government has not announced
yet has its holidays by rule and no make-up day, which :attr:`YearCalendar.announced` says.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import cache

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_CATEGORIES = ("public",)
"""The holidays every office of the country has off. Some countries keep more in another
category: Hong Kong's general holidays (Good Friday, …) are its ``optional`` ones."""

# policy.yaml's languages → the names' languages to try in ``holidays``, best first.
_NAME_LANGUAGES = {
    "en": ("en_US", "en_GB"),
    "zh-Hans": ("zh_CN",),
    "zh-Hant": ("zh_TW", "zh_HK"),
}
MAKE_UP = {
    "en": "make-up working day",
    "zh-Hans": "调休上班",
    "zh-Hant": "調休上班",
}

NOT_YET_ANNOUNCED = (
    "the holidays package knows no make-up working day of {country} in {year} yet (usually "
    "announced late in the year before); add each one to calendar.extra_workdays in "
    "policy.yaml as it is announced, or run `hirebook holidays --year {year}` again once a "
    "newer hirebook brings a holidays package that knows them (its version is pinned, so "
    "`pip install -U holidays` alone does not): it adds what is new"
)
"""Said by ``init`` and ``holidays`` when a country that has make-up working days has none in
a year yet."""


class UnknownCountry(ValueError):
    """A country code (or a category of its holidays) the ``holidays`` package does not
    know."""


@dataclass(frozen=True)
class Day:
    day: date
    name: str


@dataclass(frozen=True)
class YearCalendar:
    """One year of one country, as ``policy.yaml`` wants it."""

    country: str
    year: int
    holidays: list[Day] = field(default_factory=list)
    """Public holidays on the policy's workdays."""
    extra_workdays: list[Day] = field(default_factory=list)
    """Make-up working days on the policy's days off."""
    announced: bool = False
    """Whether ``holidays`` knows any make-up day of the country in this year. False for a
    country without make-up days as much as for a year whose schedule is not out yet."""
    has_make_up_days: bool = False
    """Whether the country moves working days to weekends at all (in any year ``holidays``
    knows)."""


def library_version() -> str:
    import holidays

    return holidays.__version__


@cache
def countries() -> dict[str, list[str]]:
    """Every country code ``holidays`` supports, with its subdivisions."""
    import holidays

    return holidays.list_supported_countries()


def check_country(country: str) -> str:
    """``country`` in upper case, or :class:`UnknownCountry` naming the closest codes."""
    code = country.strip().upper()
    if code not in countries():
        import difflib

        close = difflib.get_close_matches(code, list(countries()), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownCountry(
            f"`{country}` is not a country the holidays package knows (an ISO 3166-1 code such "
            f"as CN, HK, TW or SG){hint}"
        )
    return code


def check_categories(country: str, categories: Collection[str]) -> tuple[str, ...]:
    """``categories`` (``public`` by default) if ``holidays`` has them for ``country``, else
    :class:`UnknownCountry` naming the ones it has."""
    import holidays

    wanted = tuple(dict.fromkeys(c.strip().lower() for c in categories)) or DEFAULT_CATEGORIES
    supported = holidays.country_holidays(check_country(country)).supported_categories
    unknown = [c for c in wanted if c not in supported]
    if unknown:
        raise UnknownCountry(
            f"the holidays package has no {', '.join(unknown)} holidays for {country}; it has: "
            f"{', '.join(supported)}"
        )
    return wanted


def year_calendar(
    country: str,
    year: int,
    workdays: Collection[str] = WEEKDAYS[:5],
    language: str | None = None,
    categories: Collection[str] = DEFAULT_CATEGORIES,
) -> YearCalendar:
    """``country``'s holidays of ``categories`` and make-up days of ``year``, for a policy
    that works on ``workdays`` (``mon`` … ``sun``), named in ``language`` (``en``,
    ``zh-Hans``, ``zh-Hant``) where ``holidays`` has the names in it."""
    import holidays

    code = check_country(country)
    entity = holidays.country_holidays(
        code,
        years=year,
        language=_name_language(code, language),
        categories=check_categories(code, categories),
    )
    working = {WEEKDAYS.index(day) for day in workdays}
    days_off = [
        Day(day, name)
        for day, name in sorted(entity.items())
        if day.year == year and day.weekday() in working
    ]
    moved = getattr(entity, "weekend_workdays", set()) or set()
    make_up = MAKE_UP.get(language or "en", MAKE_UP["en"])
    extra = [
        Day(day, make_up)
        for day in sorted(moved)
        if day.year == year and day.weekday() not in working and day not in entity
    ]
    return YearCalendar(
        code,
        year,
        days_off,
        extra,
        announced=any(day.year == year for day in moved),
        has_make_up_days=bool(moved),
    )


def _name_language(country: str, language: str | None) -> str | None:
    """The language of the names: the policy's where ``holidays`` has it for the country,
    else the country's own default."""
    import holidays

    supported = getattr(holidays.country_holidays(country), "supported_languages", ())
    wanted = list(_NAME_LANGUAGES.get(language or "en", ()))
    if country == "HK" and language == "zh-Hant":
        wanted.insert(0, "zh_HK")
    return next((name for name in wanted if name in supported), None)
