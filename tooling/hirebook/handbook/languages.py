"""One site in several languages: where each language's part lives, and the language selector.

The handbook is built once per language (MkDocs and Material take one language per build), and
the builds make one site: the first of the site's languages at its root, every other in a
folder named after it (``zh-Hant/``, ``zh-Hans/``). A language's hand-written pages are written
in the docs folder under ``<language>/`` and published at the root of its part, beside the
generated pages (:func:`published_path`: ``site/zh-Hant/policy.md`` is ``zh-Hant/policy/``).
Each page of each part carries Material's language selector (``extra.alternate``) whose
entries link the same page in the other languages — generated pages exist in every language
under the same path, a hand-written page where that language has it — and a language's home
page otherwise.

The links are relative, so the site works wherever it is published (a GitHub Pages project
site lives below ``/<repository>/``) and offline; :func:`filter_link` words them for the
``url`` filter that Material passes them through.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.structure.files import File

from hirebook.handbook import paths
from hirebook.handbook.labels import LANGUAGES, labels_for


@dataclass(frozen=True)
class Site:
    """The languages of one site and the one being built."""

    languages: tuple[str, ...]
    """The site's languages; the first lives at the site's root."""
    language: str

    def __post_init__(self) -> None:
        unknown = [name for name in self.languages if name not in LANGUAGES]
        if not self.languages or unknown or len(set(self.languages)) < len(self.languages):
            raise ValueError(
                f"the site's languages must be some of {', '.join(LANGUAGES)}, each once "
                f"(got {', '.join(self.languages) or 'none'})"
            )
        if self.language not in self.languages:
            raise ValueError(
                f"the handbook's language {self.language} is not one of the site's languages "
                f"({', '.join(self.languages)}): add it to the plugin's `languages`"
            )

    @property
    def multilingual(self) -> bool:
        return len(self.languages) > 1

    def folder(self, language: str) -> str:
        """Where ``language``'s part lives below the site's root: ``""`` or ``"zh-Hant/"``."""
        return "" if language == self.languages[0] else f"{language}/"

    def counterpart(self, src_uri: str, language: str, exists: Callable[[str, str], bool]) -> str:
        """The page ``src_uri`` (of the language built) in ``language``'s part: the same page
        where ``exists(language, src_uri)`` says that language has it, else its home."""
        if language == self.language or exists(language, src_uri):
            return src_uri
        return paths.HOME

    def alternates(
        self,
        src_uri: str,
        page_url: str,
        use_directory_urls: bool,
        exists: Callable[[str, str], bool],
    ) -> list[dict[str, object]]:
        """``extra.alternate`` for one page (``src_uri`` at ``page_url``): each language's name
        in that language, the link to the same page there, and its code."""
        entries = []
        for language in self.languages:
            target = self.counterpart(src_uri, language, exists)
            href = self.href(page_url, language, url_of(target, use_directory_urls))
            entries.append(
                {
                    "name": labels_for(language)("language.name"),
                    "link": filter_link(href, page_url),
                    "lang": language,  # BCP 47, as hreflang wants it
                    "same_page": True,  # for site/overrides/main.html
                }
            )
        return entries

    def roots(self) -> list[dict[str, str]]:
        """``extra.alternate`` linking each language's home page, from the root of the part
        being built (for pages MkDocs renders without a page: ``404.html``)."""
        up = "../" if self.folder(self.language) else ""
        return [
            {
                "name": labels_for(language)("language.name"),
                "link": "./" if language == self.language else up + self.folder(language) or "./",
                "lang": language,
            }
            for language in self.languages
        ]

    def href(self, page_url: str, language: str, target_url: str) -> str:
        """The link from the page at ``page_url`` of the part being built to the page at
        ``target_url`` of ``language``'s part."""
        return relative_link(
            self.folder(self.language) + page_url, self.folder(language) + target_url
        )


def relative_link(page_url: str, target_url: str) -> str:
    """The relative link from the page at ``page_url`` to the page at ``target_url``, both URLs
    below one root (``clients/acme/``, ``sla.html``, ``""`` for the home page)."""
    here = _folder_of(page_url)
    relative = posixpath.relpath(target_url or ".", here or ".")
    if relative == ".":
        return "./"
    return relative + "/" if target_url.endswith("/") or not target_url else relative


def published_path(src_uri: str, language: str) -> str | None:
    """Where a file of the docs folder is published in ``language``'s part of the site: a file
    of that language's folder at the part's root (``zh-Hant/policy.md`` → ``policy.md``), a file
    of another language's folder nowhere (None), any other file where it is."""
    top, _, rest = src_uri.partition("/")
    if top not in LANGUAGES or not rest:
        return src_uri
    return rest if top == language else None


def site_name(configured: str | None, language: str) -> str | None:
    """The site's name in ``language``: the stock name (``site.name`` in English, as
    ``mkdocs.yml`` ships it) translated; a name of the agency's own stays as written."""
    if configured == labels_for("en")("site.name"):
        return labels_for(language)("site.name")
    return configured


def url_of(src_uri: str, use_directory_urls: bool) -> str:
    """The URL of a page below its part's root, as MkDocs gives it (``clients/acme/``)."""
    return File(src_uri, None, "", use_directory_urls).url


def _folder_of(page_url: str) -> str:
    """The folder a page's relative links start from (``clients/acme/``, or ``""``)."""
    folder, _, name = page_url.rpartition("/")
    if "." in name:  # clients/acme.html: the folder holding the file
        return f"{folder}/" if folder else ""
    return page_url


def filter_link(href: str, page_url: str) -> str:
    """The link that MkDocs' ``url`` filter — through which Material writes every
    ``extra.alternate`` link — turns into ``href``, relative to the page at ``page_url``.

    The filter reads a relative link as a path from the root of the part being built: it keeps
    the link's leading ``../`` and makes the rest relative to the page's folder (``..`` above
    the root goes nowhere). So a link is written as its leading ``../``, the page's folder, then
    the rest of ``href``: relative to the page's folder, that rest stays as it is. (Written
    plainly, ``../clients/acme/`` from the page ``clients/li/`` of ``zh-Hant/`` would lose
    ``clients/``, which the two paths share.)
    """
    ups = 0
    while href.startswith("../", ups * 3):
        ups += 1
    rest = href[ups * 3 :]
    return "../" * ups + _folder_of(page_url) + ("" if rest == "./" else rest)
