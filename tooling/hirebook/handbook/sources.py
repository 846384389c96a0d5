"""Links from a page back to the record file it was drawn from.

When ``mkdocs.yml`` names the repository (``repo_url`` and ``edit_uri``), the theme's edit button
of a generated page opens the record file (``File.edit_uri``), and record paths in tables link to
the file at the right line. Without a repository the path is shown as text: a reader can still
find the file, and the site links to no other host.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class Sources:
    repo_url: str | None = None
    edit_uri: str | None = None
    """The theme's ``edit_uri``, relative to ``repo_url``: it points at the docs folder."""
    docs_dir: str = "site"
    """The docs folder, relative to the project root."""

    @property
    def enabled(self) -> bool:
        return bool(self.repo_url and self.edit_uri)

    def edit_path(self, rel: str) -> str:
        """``rel`` (relative to the project root) seen from the docs folder: File.edit_uri."""
        return posixpath.relpath(rel, self.docs_dir)

    def view_url(self, rel: str, line: int | None = None) -> str | None:
        """The page of the file in the repository (at ``line``), or None without a repository."""
        if not self.enabled:
            return None
        base = self.edit_uri.replace("edit/", "blob/", 1)
        if not base.endswith("/"):
            base += "/"
        url = urljoin(_with_slash(self.repo_url), base + self.edit_path(rel))
        return f"{url}#L{line}" if line else url


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
