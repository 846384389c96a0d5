"""Every word the generated pages print, in English, Traditional and Simplified Chinese.

The words are data, not code: one catalogue per language, ``catalogues/<language>.yaml`` beside
this module (package data, in the wheel), each a flat mapping of a stable key (``nav.home``,
``status.requirement.filled``) to the words. The three catalogues have the same keys, and no
key the code never asks for (``tests/handbook/test_labels.py``), so a page never mixes languages
and a missing translation is a test failure rather than a gap on the site. Tier labels are not
here: they come from ``policy.yaml`` (``tiers.*.label``), in the agency's own words. The
English titles of SLA rules and metrics (``rule.<id>``, ``metric.<name>``) are not in a
catalogue either: each module's ``TITLE`` is its English label (and a rule's ``STARTS``,
``STOPS`` and ``OWNER`` those of ``rule_starts.<id>``, ``rule_stops.<id>``, ``rule_owner.<id>``),
and the Chinese catalogues translate them, so adding a rule or a metric adds its translations
and nothing else here.

Why YAML rather than gettext ``.po`` (Babel), the ecosystem's convention: gettext is keyed by
the English sentence (``msgid``) and falls back to it silently, whereas these labels are keyed
by stable ids that code and tests name, English being one catalogue among three; many are
``str.format`` templates (``{count} clients``) that gettext would only treat as text. A YAML
catalogue is what a translator edits directly (and what Weblate, Crowdin or Lokalise read as a
monolingual key-value file), needs no compile step and no new dependency (PyYAML reads the
records already), and is read with the records' own strict reader: a duplicate key is an
error, not a silently lost translation.

Enumerated values are looked up as ``"<group>.<value>"`` (``"status.requirement.filled"``);
:meth:`Labels.value` falls back to the raw value for anything the schema may add later.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from hirebook.sla.duration import Duration

LANGUAGES = ("en", "zh-Hant", "zh-Hans")

# Material for MkDocs' own language codes: Simplified Chinese is "zh".
THEME_LANGUAGE = {"en": "en", "zh-Hant": "zh-Hant", "zh-Hans": "zh"}

CATALOGUES = "catalogues"
"""The folder of the catalogues, beside this module."""

MODULE_TITLES = ("rule.", "rule_starts.", "rule_stops.", "rule_owner.", "metric.")
"""Keys whose English words are a module's declarations, never in ``en.yaml``: the ``TITLE`` of
SLA rules and metrics, and an SLA rule's ``STARTS``, ``STOPS`` and ``OWNER``."""


class CatalogueError(ValueError):
    """A catalogue that is not a flat mapping of keys to words."""


@functools.cache
def catalogue(language: str) -> dict[str, str]:
    """The words of ``catalogues/<language>.yaml``, as written (without the module titles)."""
    from hirebook.records.yamlread import LoadFailed, LoadProblem, parse

    name = f"{CATALOGUES}/{language}.yaml"
    text = resources.files(__package__).joinpath(CATALOGUES, f"{language}.yaml")
    try:
        data = parse(text.read_text(encoding="utf-8")).data
    except (LoadProblem, LoadFailed) as err:
        raise CatalogueError(f"{name}: {err}") from None
    wrong = [key for key, words in data.items() if not isinstance(words, str)]
    if wrong:
        raise CatalogueError(f"{name}: not text: {', '.join(map(str, wrong))}")
    return data


def module_titles() -> dict[str, str]:
    """The English labels the SLA rule and metric modules give (their ``TITLE``; a rule's
    ``STARTS``, ``STOPS`` and ``OWNER``)."""
    from hirebook.reports.registry import METRICS
    from hirebook.sla.registry import SLA_RULES

    titles = {f"rule.{rule.id}": rule.title for rule in SLA_RULES}
    for rule in SLA_RULES:
        titles[f"rule_starts.{rule.id}"] = rule.starts
        titles[f"rule_stops.{rule.id}"] = rule.stops
        titles[f"rule_owner.{rule.id}"] = rule.owner
    titles.update({f"metric.{metric.name}": metric.title for metric in METRICS})
    return titles


@functools.cache
def words_of(language: str) -> dict[str, str]:
    """Every label of ``language``: its catalogue, and in English the modules' titles."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown handbook language {language!r}; use one of {LANGUAGES}")
    words = catalogue(language)
    return {**module_titles(), **words} if language == "en" else words


def __getattr__(name: str) -> object:
    # ``TABLES`` (every language's words) is read on first use: the catalogues are files.
    if name == "TABLES":
        return {language: words_of(language) for language in LANGUAGES}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Labels:
    """The words of one language. Labels are trusted text, from the catalogues, not users."""

    language: str
    words: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.words[key]
        return text.format(**values) if values else text

    def value(self, group: str, value: object) -> str:
        """The label of an enumerated value (``value("channel", "job_board")``), or the value."""
        return self.words.get(f"{group}.{value}", str(value))

    def duration(self, goal: str | int) -> str:
        """A goal as words: ``3bd`` → "3 business days" / "3 個工作日"."""
        parsed = Duration.parse(goal)
        if parsed.is_zero:
            return self("duration.zero")
        if parsed.amount == 1:
            return self(f"duration.{parsed.unit}1")
        return self(f"duration.{parsed.unit}", n=parsed.amount)


def labels_for(language: str) -> Labels:
    return Labels(language, words_of(language))
