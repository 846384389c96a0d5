"""A generated page: its Markdown and the record file it was drawn from (for the edit link)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    markdown: str
    source: str | None = None
    """The record file, relative to the project root; None for pages drawn from many records."""
