"""Generated pages that skip Markdown altogether.

:mod:`hirebook.handbook.deferred` keeps a generated page's tables, lists and paragraphs out of
Markdown. What it leaves — headings, markers and a few raw HTML blocks of ours — still costs a
Markdown run per page, most of it for the headings (inline patterns, attribute lists, the
``toc`` extension), and a large agency's handbook is thousands of such pages.

So when every block of a generated page is one of those, :func:`hirebook.handbook.blocks.page`
keeps the page as a list of parts (:class:`Heading`, deferred block numbers, raw HTML) and
writes a single marker as its Markdown. In ``on_page_content`` the plugin asks
:meth:`HeadingStyle.build` for what Markdown would have made of the parts:

- headings with the ``toc`` extension's ids (its own ``slugify`` and ``unique``), permalinks
  and ``attr_list`` classes, attributes in Markdown's (lexical) order;
- the table of contents, nested by the extension's own ``nest_toc_tokens``;
- the ids on the page, which MkDocs checks links to anchors against;
- the title, from a first-level heading that opens the page (as MkDocs takes it).

Pages with anything else — and every page when ``mkdocs.yml`` configures the ``toc`` extension
in a way this module does not reproduce (:meth:`HeadingStyle.of` returns None) — go through
Markdown as before. ``tests/handbook/test_deferred_site.py`` builds the demo handbook both ways
and compares every page's article, title, table of contents and search sections.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import TocExtension, nest_toc_tokens, strip_tags, unique

from hirebook.handbook.deferred import inline, resolve_links

_HEADING = re.compile(r"(#{1,6}) (.+?)(?: \{:?([^}]*)\})?")
_ATTR = re.compile(r"[#.][\w-]+")
_ID = re.compile(r'\bid="([^"]+)"')
_DIV_OPEN = re.compile(r'<div class="([\w -]+)" markdown>')
_OWN_HTML = re.compile(r'<(p|div) class="hb-[\w -]+">.*</\1>', re.S)


@dataclass(frozen=True)
class Heading:
    """A Markdown heading of a generated page: ``## Text {: .class }``."""

    level: int
    inner: str
    """The heading's content as HTML (links still page paths, ``hb-md:…``)."""
    id: str | None = None
    classes: tuple[str, ...] = ()

    @staticmethod
    def parse(block: str) -> Heading | None:
        """The heading ``block`` is, or None (not a one-line heading this module knows)."""
        match = _HEADING.fullmatch(block)
        if match is None or match.group(2).endswith("#"):
            return None
        hashes, text, attributes = match.groups()
        ident, classes = None, []
        for token in (attributes or "").split():
            if not _ATTR.fullmatch(token):
                return None  # key=value pairs and the like: leave them to attr_list
            if token[0] == "#":
                ident = token[1:]
            else:
                classes.append(token[1:])
        return Heading(len(hashes), inline(text), ident, tuple(classes))


Part = Heading | int | str
"""A heading, a deferred block (by number, see :class:`~hirebook.handbook.deferred.Deferred`),
or raw HTML of ours that Markdown would pass through unchanged."""


def raw_html(block: str) -> str | None:
    """What Markdown (with ``md_in_html``) makes of one of our raw HTML blocks, else None."""
    opening = _DIV_OPEN.fullmatch(block)
    if opening:
        return f'<div class="{opening.group(1)}">'
    if block == "</div>" or (_OWN_HTML.fullmatch(block) and " markdown" not in block):
        return block
    return None


def _anchors(out: Sequence[str]) -> set[str]:
    """The ids in the page's HTML: the parts are searched one by one, and only those that
    hold an ``id="`` at all (the headings; a table of thousands of cells seldom does)."""
    found: set[str] = set()
    for html_part in out:
        if 'id="' in html_part:
            found.update(_ID.findall(html_part))
    return found


Piece = tuple[str, list[tuple[str, str]], str] | int | str
"""A part of a built page as :mod:`hirebook.handbook.search_sections` reads it: a heading as
(tag, attributes, inner HTML), a deferred block by number, or raw HTML."""


@dataclass
class Built:
    """A page as Markdown would have made it."""

    html: str
    toc_tokens: list[dict]
    anchors: set[str]
    title: str | None
    pieces: list[Piece]
    """The page's parts in order, joined by line breaks in ``html`` (headings without their
    permalinks, which the search index leaves out)."""


@dataclass(frozen=True)
class HeadingStyle:
    """How the site's ``toc`` extension writes headings, from ``mkdocs.yml``."""

    permalink: str | None
    permalink_class: str
    permalink_title: str
    slugify: Callable[[str, str], str]
    separator: str
    depth: int

    @staticmethod
    def of(extensions: Sequence[object], mdx_configs: dict | None) -> HeadingStyle | None:
        """The style of the configured ``toc`` extension, or None if it is set up in a way
        this module does not reproduce (anchor links, a base level, a depth range…) or if
        ``attr_list`` and ``md_in_html``, which our pages use, are not configured."""
        names = {str(name).rsplit(".", 1)[-1] for name in extensions}
        if not {"toc", "attr_list", "md_in_html"} <= names:
            return None
        options = dict((mdx_configs or {}).get("toc") or {})
        try:
            config = TocExtension(**options).getConfigs()
        except (KeyError, TypeError, ValueError):
            return None
        depth = config["toc_depth"]
        if (
            config["anchorlink"]
            or config["permalink_leading"]
            or str(config["baselevel"]) != "1"
            or not str(depth).isdigit()
        ):
            return None
        permalink = config["permalink"]
        if permalink is True or str(permalink).lower() in ("true", "1", "yes", "y", "on"):
            permalink = "&para;"
        elif not permalink or str(permalink).lower() in ("false", "0", "no", "n", "off"):
            permalink = None
        else:  # the extension sets a custom text as the link's text: escaped when written
            permalink = html.escape(str(permalink), quote=False)
        return HeadingStyle(
            permalink=permalink,
            permalink_class=html.escape(config["permalink_class"]),
            permalink_title=html.escape(config["permalink_title"]),
            slugify=config["slugify"],
            separator=config["separator"],
            depth=int(depth),
        )

    def build(
        self, parts: Sequence[Part], block: Callable[[int], str], url_of: Callable[[str], str]
    ) -> Built:
        """The page's HTML: headings written here, deferred blocks by ``block(number)``."""
        used = {part.id for part in parts if isinstance(part, Heading) and part.id}
        tokens: list[dict] = []
        out: list[str] = []
        pieces: list[Piece] = []
        for part in parts:
            if isinstance(part, Heading):
                heading, token, piece = self._heading(part, used, url_of)
                out.append(heading)
                pieces.append(piece)
                if part.level <= self.depth:
                    tokens.append(token)
            elif isinstance(part, int):
                out.append(block(part))
                pieces.append(part)
            else:
                out.append(part)
                pieces.append(part)
        first = parts[0] if parts else None
        title = None
        if isinstance(first, Heading) and first.level == 1:
            title = tokens[0]["name"] if tokens else None
        return Built("\n".join(out), nest_toc_tokens(tokens), _anchors(out), title, pieces)

    def _heading(
        self, heading: Heading, used: set[str], url_of: Callable[[str], str]
    ) -> tuple[str, dict, Piece]:
        inner = resolve_links(heading.inner, url_of)
        name = strip_tags(inner)
        ident = heading.id or unique(self.slugify(html.unescape(name), self.separator), used)
        # Markdown writes attributes in lexical order: the class, then the id.
        classes = [f'class="{" ".join(heading.classes)}"'] if heading.classes else []
        attributes = [*classes, f'id="{ident}"']
        permalink = ""
        if self.permalink is not None:
            title = f' title="{self.permalink_title}"' if self.permalink_title else ""
            permalink = (
                f'<a class="{self.permalink_class}" href="#{ident}"{title}>{self.permalink}</a>'
            )
        tag = f"h{heading.level}"
        token = {
            "level": heading.level,
            "id": ident,
            "name": name,
            "html": inner,
            "data-toc-label": "",
        }
        # Attribute values as an HTML parser reports them: the class, then the id (unescaped).
        parsed = [("class", " ".join(heading.classes))] if heading.classes else []
        parsed.append(("id", html.unescape(ident)))
        written = f"<{tag} {' '.join(attributes)}>{inner}{permalink}</{tag}>"
        return written, token, (tag, parsed, inner)
