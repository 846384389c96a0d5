"""The words of the site's frame that ``mkdocs.yml`` writes once, in English, put in the
language of each part of the site: the colour-palette toggle's name (the button's ``title``
and its radio input's ``aria-label``), the title of each heading's permalink (``¶``) and the
404 page's heading (Material's own template writes "404 - Not found" in every language).

Material translates its own words (``theme.language``) but takes these from the
configuration as written, so every Chinese page said "Switch to dark mode" and "Permanent
link" to a screen reader and in a tooltip. The MkDocs plugin (``on_config``) and the Zensical
configuration (:mod:`hirebook.handbook.zensical`) both call :func:`translate`, so the two sites
say the same; the words are the catalogues' (``theme.*``).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from hirebook.handbook.labels import Labels

TOC_TITLE = "Permanent link"
"""The permalink title of Python-Markdown's ``toc`` extension when none is configured."""
NOT_FOUND = "Not found"
"""The 404 page's heading after "404 - ", as Material writes it and ``site/overrides/404.html``
shows it unless ``extra.not_found`` says it in the page's language (``extra``, not ``theme``:
Zensical gives a template only the theme settings it knows, and the heading stayed English)."""


def translate(
    theme: MutableMapping[str, Any],
    toc: MutableMapping[str, Any],
    extra: MutableMapping[str, Any],
    labels: Labels,
):
    """Name the palette toggles of ``theme``, set the permalink title of the ``toc``
    extension's options and the 404 heading in ``extra`` (changed in place) in ``labels``'
    language."""
    palette = theme.get("palette")
    if isinstance(palette, list):
        _name_toggles(palette, labels)
    # Written only where it changes something, so the English configuration stays as written.
    if labels("theme.permalink") != toc.get("permalink_title", TOC_TITLE):
        toc["permalink_title"] = labels("theme.permalink")
    if labels("theme.not_found") != NOT_FOUND:
        extra["not_found"] = labels("theme.not_found")


def toc_options(extensions: list) -> dict:
    """The options of the ``toc`` extension in a ``markdown_extensions`` list as
    ``mkdocs.yml`` writes it (``- toc`` or ``- toc: {permalink: true}``), made a mapping in the
    list so that changing it changes the configuration."""
    for index, entry in enumerate(extensions):
        if entry == "toc":
            extensions[index] = {"toc": {}}
            return extensions[index]["toc"]
        if isinstance(entry, dict) and "toc" in entry:
            if not isinstance(entry["toc"], dict):
                entry["toc"] = {}
            return entry["toc"]
    return {}  # no toc extension: no permalinks to name


def _name_toggles(palette: list, labels: Labels) -> None:
    """Each toggle named by the scheme it switches to (Material's light ``default`` and dark
    ``slate``); a toggle to any other scheme keeps the name ``mkdocs.yml`` gives it."""
    switch_to = {"default": labels("theme.to_light"), "slate": labels("theme.to_dark")}
    # Material's toggle of palette i switches to palette i + 1 (the last back to the first).
    for index, option in enumerate(palette):
        following = palette[(index + 1) % len(palette)]
        toggle = option.get("toggle") if isinstance(option, dict) else None
        scheme = following.get("scheme", "default") if isinstance(following, dict) else None
        if isinstance(toggle, dict) and scheme in switch_to:
            toggle["name"] = switch_to[scheme]
